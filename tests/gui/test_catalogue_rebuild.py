"""documents.json changed outside annotator (a `git pull`, another version's import, a
deleted cache): the window opens at once on what the old catalogue index held, reads
documents.json again in a worker thread with a bar and Stop under the list, stays usable
meanwhile (filtering, tagging, saving), refuses a project-wide search with a clear
message, and then lists the new documents."""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QProgressBar

from annotator.io import catalogindex
from annotator.io import project as project_module
from annotator.io.catalogindex import CATALOG_DB, CatalogIndex
from annotator.io.project import Project
from annotator.ui import MainWindow

from .conftest import double_click_word, type_text, wait_saved

OLD, NEW = 600, 750


def write_news(path: Path, first: int, last: int) -> Path:
    names = ["گزارش ويژه", "سازمان ملل", "نخست‌وزیر", "۱۴۰۲ در یک نگاه", "کشور", "آمريكا"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(first, last):
            record = {"id": f"n{i:05d}", "title": f"{names[i % len(names)]} {i}", "date": "2024-03-01",
                      "text": f"خبر شماره {i}: سازمان ملل و آمریکا " + "کلمه " * 30}  # fmt: skip
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def out_of_step_project(tmp_path: Path) -> Path:
    """A project of NEW documents whose catalogue index still holds the first OLD, as
    after a `git pull` that brought 150 articles: documents.json is not what the index
    was made from."""
    root = tmp_path / "pulled"
    project = Project.create(root, "pulled")
    project.import_sources([write_news(tmp_path / "a.jsonl", 0, OLD)], normalize=False)
    project.catalog_index().close()
    cache = root / ".cache"
    kept = tmp_path / "kept"
    kept.mkdir()
    for found in cache.glob(f"{CATALOG_DB}*"):
        shutil.copy2(found, kept / found.name)
    other = Project.open(root)  # another program adds documents (its index follows)
    assert len(other.import_sources([write_news(tmp_path / "b.jsonl", OLD, NEW)], normalize=False).added) == 150
    other.catalog_index().close()
    for found in cache.glob(f"{CATALOG_DB}*"):
        found.unlink()
    for found in kept.iterdir():  # ... and the old index comes back, as a pull leaves it
        shutil.copy2(found, cache / found.name)
    return root


def test_a_changed_catalogue_is_read_again_in_a_worker_while_the_window_is_used(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = out_of_step_project(tmp_path)
    # the worker stops half-way until the test lets it go on
    gate = threading.Event()
    monkeypatch.setattr(catalogindex, "REBUILD_BATCH", 100)
    monkeypatch.setattr(project_module, "READ_CATALOG_LATER_ABOVE", 0)  # as a big one is
    original = CatalogIndex.rebuild

    def held(self: CatalogIndex, entries: Any, signature: str, expected: str, progress: Any = None) -> bool:
        def step(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)
            if done >= 300:
                assert gate.wait(30)

        return original(self, entries, signature, expected, step)

    monkeypatch.setattr(CatalogIndex, "rebuild", held)
    window = MainWindow()
    window.annotator_override = "sara"
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    began = time.monotonic()
    assert window.open(root), window.last_message
    assert time.monotonic() - began < 5.0  # did not wait for the worker (held for 30 s)
    session = window.session
    assert session is not None and session.catalog_pending
    table = window.findChild(QAbstractItemView, "documentList")
    assert table is not None
    model = table.model()
    bar = window.findChild(QProgressBar, "indexProgress")
    assert bar is not None
    qtbot.waitUntil(lambda: bar.isVisible() and bar.maximum() == NEW and bar.value() == 300, timeout=10000)
    assert bar.text() == "Reading the document list: 300 of 750"
    window.grab().save(str(tmp_path / "reading.png"))
    # the list shows what the old index holds, and the window answers
    assert model.rowCount() == OLD
    assert session.doc_id == "n00000"
    box = window.findChild(QLineEdit, "documentFilter")
    assert box is not None
    box.setFocus()
    type_text(box, "ملل")
    assert model.rowCount() == OLD // 6
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert model.rowCount() == OLD
    # tagging a word with the keyboard is saved (the list's row follows) while the worker writes
    view = window.view
    double_click_word(qtbot, view, 1)
    qtbot.keyClick(view, Qt.Key.Key_1)
    path = root / "annotations" / "sara" / "n00000.json"
    wait_saved(qtbot, path, lambda data: len(data["spans"]) == 1)
    assert model.index(0, 2).data() == "1"
    # a project-wide search says why it cannot run yet, at once
    began = time.monotonic()
    window.searching.run("شماره 700", True)
    assert time.monotonic() - began < 1.0
    assert "document list is being read again" in window.last_message
    # let it go on: the new documents are listed, the bar goes, the search answers
    gate.set()
    qtbot.waitUntil(lambda: model.rowCount() == NEW and not bar.isVisible(), timeout=20000)
    assert not session.catalog_pending
    assert model.index(0, 2).data() == "1"
    qtbot.waitUntil(session.search_ready, timeout=30000)
    assert [h.document_id for h in session.project.search("شماره 700")] == ["n00700"]
    # on disk: the index is in step, so the next opening reads nothing
    assert Project.open(root, catalog_later=True).catalog_pending is False
    window.close()
    QApplication.processEvents()


def test_reading_the_catalogue_again_can_be_stopped_and_the_old_list_stays(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = out_of_step_project(tmp_path)
    gate = threading.Event()
    monkeypatch.setattr(catalogindex, "REBUILD_BATCH", 100)
    monkeypatch.setattr(project_module, "READ_CATALOG_LATER_ABOVE", 0)  # as a big one is
    original = CatalogIndex.rebuild

    def held(self: CatalogIndex, entries: Any, signature: str, expected: str, progress: Any = None) -> bool:
        def step(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)
            if done >= 300:
                gate.wait(0.05)  # slow, but never stuck: Stop is seen at the next batch

        return original(self, entries, signature, expected, step)

    monkeypatch.setattr(CatalogIndex, "rebuild", held)
    window = MainWindow()
    window.annotator_override = "sara"
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.open(root), window.last_message
    session = window.session
    assert session is not None
    bar = window.findChild(QProgressBar, "indexProgress")
    assert bar is not None
    qtbot.waitUntil(lambda: bar.isVisible() and bar.value() >= 300, timeout=10000)
    qtbot.mouseClick(session.list.index_cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10000)
    assert "stopped" in window.last_message
    assert session.catalog_pending and session.list.model.rowCount() == OLD
    # rolled back: the file still holds the old rows and says it is out of step
    assert Project.open(root, catalog_later=True).catalog_pending
    # a project-wide search starts the reading again (and says so)
    window.searching.run("شماره 700", True)
    assert "document list is being read again" in window.last_message
    gate.set()
    qtbot.waitUntil(lambda: session.list.model.rowCount() == NEW, timeout=20000)
    window.close()
    QApplication.processEvents()


def test_a_deleted_catalogue_index_of_a_big_project_fills_the_list_then_opens_the_first_document(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = out_of_step_project(tmp_path)
    for found in (root / ".cache").glob(f"{CATALOG_DB}*"):
        found.unlink()
    gate = threading.Event()
    monkeypatch.setattr(project_module, "READ_CATALOG_LATER_ABOVE", 0)
    original = CatalogIndex.rebuild

    def held(self: CatalogIndex, entries: Any, signature: str, expected: str, progress: Any = None) -> bool:
        assert gate.wait(30)
        return original(self, entries, signature, expected, progress)

    monkeypatch.setattr(CatalogIndex, "rebuild", held)
    window = MainWindow()
    window.annotator_override = "sara"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open(root), window.last_message
    session = window.session
    assert session is not None and session.catalog_pending
    assert session.list.model.rowCount() == 0 and window.annotations is None  # nothing known yet
    gate.set()
    qtbot.waitUntil(lambda: session.list.model.rowCount() == NEW, timeout=20000)
    assert session.doc_id == "n00000" and window.annotations is not None
    assert window.annotations.document.id == "n00000"
    window.close()
    QApplication.processEvents()


def test_a_small_project_out_of_step_is_listed_at_once(qtbot: Any, tmp_path: Path) -> None:
    root = out_of_step_project(tmp_path)  # documents.json of 750 documents: under a megabyte
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open(root), window.last_message
    assert window.session is not None and not window.session.catalog_pending
    assert window.session.list.model.rowCount() == NEW
    window.close()
