"""The document list of a big project, paged from the catalogue index: real scrolling,
header clicks, typed filters and the status filter show what documents.json and the
annotation files say; a search index being made again shows its progress under the list,
can be stopped, and never makes the window wait."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QHeaderView, QLineEdit, QProgressBar

from annotator.io.project import Project
from annotator.io.textindex import INDEX_DB
from annotator.model import Status
from annotator.persian.match import fold
from annotator.ui import MainWindow
from annotator.ui.document_list import ID_ROLE

from .conftest import type_text

COUNT = 1300  # over six pages of the list


def make_project(tmp_path: Path, count: int = COUNT) -> Path:
    root = tmp_path / "big"
    project = Project.create(root, "big")
    names = ["گزارش ويژه", "سازمان ملل", "نخست‌وزیر", "۱۴۰۲ در یک نگاه", "کشور", "آمريكا"]
    source = tmp_path / "news.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(count):
            record = {"id": f"n{i:05d}", "title": f"{names[i % len(names)]} {i}", "date": f"2024-{i % 12 + 1:02d}-01",
                      "text": f"خبر شماره {i}: سازمان ملل و آمریکا " + "کلمه " * 30}  # fmt: skip
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    assert len(project.import_sources([source], normalize=False).added) == count
    for i, doc_id in enumerate(project.document_ids()[5:60:5]):
        aset = project.load_annotations(doc_id, "sara")
        aset.add_span("actor", 0, 3)
        aset.set_status(Status.DONE if i % 2 else Status.IN_PROGRESS)
        project.save_annotations(aset)
    return root


def open_window(qtbot: Any, root: Path) -> MainWindow:
    window = MainWindow()
    window.annotator_override = "sara"
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.open(root), window.last_message
    table = table_of(window)
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().height() > 200)
    return window


def table_of(window: MainWindow) -> QAbstractItemView:
    table = window.findChild(QAbstractItemView, "documentList")
    assert table is not None
    return table


def visible_ids(table: QAbstractItemView) -> list[str]:
    """The ids (tooltips) of the rows the user sees, top to bottom."""
    model = table.model()
    ids = []
    for row in range(model.rowCount()):
        rect = table.visualRect(model.index(row, 0))
        if rect.isValid() and table.viewport().rect().intersects(rect):
            ids.append(str(model.index(row, 0).data(ID_ROLE)))
        elif ids:
            break
    return ids


def test_a_big_list_scrolls_sorts_and_filters_through_the_index(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_window(qtbot, root)
    assert window.session is not None and window.annotator == "sara"
    table = table_of(window)
    model = table.model()
    truth = Project.open(root).summaries("sara")  # from documents.json and every annotation file
    assert model.rowCount() == COUNT
    # the first unfinished document is open and selected
    assert window.session.doc_id == truth[0].id
    # the keyboard to the end of the list: the last documents, in import order
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert visible_ids(table)[-1] == truth[-1].id
    assert visible_ids(table) == [s.id for s in truth[-len(visible_ids(table)) :]]
    # a click on the Title header sorts by folded title (ties in import order), again: reversed
    header = table.horizontalHeader()
    assert isinstance(header, QHeaderView)
    title_x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(title_x, header.height() // 2))
    by_title = sorted(truth, key=lambda s: fold(s.title))
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert visible_ids(table) == [s.id for s in by_title[: len(visible_ids(table))]]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(title_x, header.height() // 2))
    descending = sorted(truth, key=lambda s: fold(s.title), reverse=True)
    assert visible_ids(table) == [s.id for s in descending[: len(visible_ids(table))]]
    # typed filter, Arabic letters and Latin digits: the titles with Persian ones
    box = window.findChild(QLineEdit, "documentFilter")
    assert box is not None
    box.setFocus()
    type_text(box, "ويژه 12")
    expected = [s for s in descending if fold("ويژه 12") in fold(s.title)]
    assert model.rowCount() == len(expected) > 1
    assert visible_ids(table) == [s.id for s in expected]
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert model.rowCount() == COUNT
    # the status filter, by keyboard: "done" only
    combo = window.findChild(QComboBox, "documentStatusFilter")
    assert combo is not None
    combo.setFocus()
    for _ in range(3):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == 3
    done = [s for s in descending if s.status == Status.DONE]
    assert model.rowCount() == len(done) > 0 and visible_ids(table) == [s.id for s in done]
    # a click on a row opens that document
    rect = table.visualRect(model.index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session.doc_id == done[1].id
    # editing a document changes its row (spans, status) at once, as the old list did
    combo.setCurrentIndex(0)
    aset = window.annotations
    assert aset is not None
    with aset.unlocked():  # done, so read-only by hand: as a Tag all ticked for done documents edits it
        aset.add_span("actor", 10, 14)
    row = model.match(model.index(0, 0), ID_ROLE, done[1].id)[0].row()
    assert model.index(row, 2).data() == "2"
    window.close()


def test_a_deleted_search_index_is_made_again_with_progress_and_can_be_stopped(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path, 600)
    for found in (root / ".cache").glob(f"{INDEX_DB}*"):
        found.unlink()
    # reading a document file is slow on a busy disk: 5 ms each here, so that it takes a while
    original = Project._text_of

    def slow(self: Project, doc_id: str) -> str:
        time.sleep(0.005)
        return original(self, doc_id)

    monkeypatch.setattr(Project, "_text_of", slow)
    began = time.monotonic()
    window = open_window(qtbot, root)
    assert time.monotonic() - began < 3.0  # the window did not wait for the index (600 x 5 ms)
    assert window.session is not None
    bar = window.findChild(QProgressBar, "indexProgress")
    assert bar is not None
    qtbot.waitUntil(lambda: bar.isVisible() and bar.value() > 0, timeout=10000)
    assert bar.maximum() == 600
    window.grab().save(str(tmp_path / "progress.png"))
    # the window answers meanwhile: a filter typed now is applied at once
    box = window.findChild(QLineEdit, "documentFilter")
    assert box is not None
    box.setFocus()
    type_text(box, "ملل")
    assert table_of(window).model().rowCount() == 100
    # a search now says the index is being made instead of freezing the window
    window.session.WAIT_FOR_INDEX = 0.05
    began = time.monotonic()
    window.searching.run("سازمان ملل", True)
    assert time.monotonic() - began < 1.0
    assert "search index is being made" in window.last_message
    # Stop: the bar goes, what was indexed is kept
    stop = window.session.list.index_cancel
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10000)
    assert not window.session.project.search_ready()
    # a search later starts it again; when it is done, the search answers
    monkeypatch.setattr(Project, "_text_of", original)
    qtbot.waitUntil(window.session.search_ready, timeout=30000)
    hits = window.session.project.search("شماره 599")
    assert [h.document_id for h in hits] == ["n00599"]
    window.close()
    QApplication.processEvents()
