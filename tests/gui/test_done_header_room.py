"""The header of a document marked done keeps its width for the title (the fourth trial: the
"Done · read-only" badge beside the title squeezed the title and the details into a narrow
column, at 1366x768 and more at 1024x600, in Persian and in English): the badge is on its
own line under the details, and the title takes the header's width but the button's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from annotator.io.project import Project

from .conftest import open_in_window

TITLE = "عدالت مهم‌ترین محور برنامه دولت Paydari است / پرداخت یارانه‌ها ادامه خواهد یافت"


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_done_badge_leaves_the_title_its_width(
    qtbot: Any, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    source = tmp_path / "s.jsonl"
    line = {"id": "n1", "title": TITLE, "text": "وزیر خارجه ایران گفت.", "date": "1392/02/29"}
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    project = Project.create(tmp_path / "P", "P")
    project.import_sources([source])
    window = open_in_window(qtbot, project.path, annotator="Ali", size=size)
    window.set_language(language, save=False)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # done
    assert window.annotations is not None and window.annotations.status.value == "done"
    QApplication.processEvents()
    header = window.header
    notice = header.findChild(QLabel, "documentDoneNotice")
    assert notice.isVisible()
    title, details = header.title, header.details

    def top(w: Any) -> int:
        return w.mapTo(header, QPoint(0, 0)).y()

    assert top(notice) >= top(details) + details.height() - 1  # its own line, under the details
    button = header.button
    assert title.width() >= header.width() - button.width() - 60, (title.width(), header.width())
    assert notice.width() <= notice.sizeHint().width() + 2  # not stretched over the line
    header.grab().save(str(tmp_path / f"header_{language}_{size[0]}.png"))
    window.close()
