"""ui/wrappers.py: the viewport's Python wrapper got without PySide's type search (issue 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QTableView

from annotator.ui.wrappers import own_viewport


def test_the_viewport_found_as_a_child_is_the_one_qt_gives(qtbot: Any) -> None:
    for area in (QPlainTextEdit(), QTableView()):
        qtbot.addWidget(area)
        viewport = own_viewport(area)
        assert viewport is area.viewport() and viewport.objectName() == "qt_scrollarea_viewport"


def test_the_article_view_and_span_list_make_no_other_widget_class(tmp_path: Any) -> None:
    # in a fresh process: asked for with viewport(), PySide made every QWidget subclass it
    # knows (QWizard, QCalendarWidget, ...) and their enums to find the viewport's type
    script = (
        "import PySide6.QtWidgets as W\n"
        "from annotator.ui.app import make_app\n"
        "from annotator.ui.article_view import ArticleView\n"
        "from annotator.ui.span_table import SpanTable\n"
        "app = make_app()\n"
        "view, table = ArticleView(), SpanTable()\n"
        "assert view.viewport() is not None and table.viewport() is not None\n"
        "print(sorted(n for n in ('QWizard', 'QCalendarWidget', 'QMdiArea', 'QLCDNumber') if n in vars(W)))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ANNOTATOR_CONFIG_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
