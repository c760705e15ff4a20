"""The window at 1366x768, a common laptop screen (new user's trial): the document list's
columns fit its width (the title gives way, elided, its tooltip whole), and opening Search
does not crush the span list (the bottom panels sit under the article, not under the
side panels)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.io.project import Project
from annotator.ui.document_list import ID_ROLE
from annotator.ui.theme import install_language

from .conftest import open_in_window

TITLE = "پوتین: روسیه از تشدید تحریم‌های غرب علیه مسکو نمی‌هراسد و پاسخ می‌دهد"


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    yield
    install_language("en")  # the translators are the application's


def make_project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    project = Project.create(root, "p")
    source = tmp_path / "news.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(12):
            record = {"id": f"n{i}", "title": f"{TITLE} {i}", "date": f"2023-03-{i + 10}", "text": f"خبر {i} از ایران."}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    assert len(project.import_sources([source], normalize=False).added) == 12
    return root


@pytest.mark.parametrize("language", ["fa", "en"])
def test_at_1366x768_the_list_fits_and_search_leaves_the_span_list_its_height(
    qtbot: Any, tmp_path: Path, language: str
) -> None:
    window = open_in_window(qtbot, make_project(tmp_path), size=(1366, 768))
    window.set_language(language, save=False)
    session = window.session
    assert session is not None
    documents = session.list
    table = documents.table
    qtbot.waitUntil(lambda: documents.model.rowCount() == 12)
    QApplication.processEvents()
    header = table.horizontalHeader()
    date = documents.model.COLUMNS.index("date")
    # every column whole in the list's width: no sideways scrolling to see the date
    right_edge = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in range(header.count()))
    left_edge = min(header.sectionViewportPosition(c) for c in range(header.count()))
    assert left_edge >= 0 and right_edge <= table.viewport().width(), (left_edge, right_edge)
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(date) >= table.sizeHintForColumn(date)
    # the title gave way, elided; its tooltip has it whole (and the id is under ID_ROLE)
    first = documents.model.index(0, 0)
    assert header.sectionSize(0) < table.fontMetrics().horizontalAdvance(TITLE)
    assert f"{TITLE} 0" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert first.data(ID_ROLE) == "n0"
    # a document open, then Ctrl+F: the span list keeps its height
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(first).center())
    qtbot.waitUntil(lambda: session.doc_id == "n0")
    QApplication.processEvents()
    before = window.table.height()
    assert before > 200
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.searching.dock.isVisible())
    QApplication.processEvents()
    assert window.table.height() >= before - 2
    assert window.searching.dock.height() >= 150  # and the search results have room
    window.close()
