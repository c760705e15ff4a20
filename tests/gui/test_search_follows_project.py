"""The search panel's results belong to the project they were found in (trial defect): after
File > Open project / New project the old project's hits stayed listed; opening one said
"PROJECT: no document 'X'" (a new warning box at each Return) and Tag all did nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from annotator.io.project import Project
from annotator.ui import MainWindow

from .conftest import open_in_window, type_text
from .test_project_window import make_project


def warnings_shown() -> list[str]:
    return [w.text() for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def other_project(tmp_path: Path) -> Path:
    root = tmp_path / "other"
    project = Project.create(root, "other")
    source = tmp_path / "other-sources"
    source.mkdir()
    (source / "z-tehran.txt").write_text("آمریکا و ایران در تهران گفت‌وگو کردند.", encoding="utf-8")
    assert len(project.import_sources([source]).added) == 1
    return root


def search_project(qtbot: Any, window: MainWindow, query: str) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window.search.query.clear()
    type_text(window.search.query, query)
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)


def test_opening_another_project_clears_the_search_results(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    (tmp_path / "first").mkdir()
    first = make_project(tmp_path / "first")
    second = other_project(tmp_path)
    window = open_in_window(qtbot, first, size=(1200, 800))
    search_project(qtbot, window, "آمریکا")
    old_hits = list(window.search.hits)
    assert len(old_hits) == 2 and window.search.results.count() == 2 and window.search.tag_all.isEnabled()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(second))
    qtbot.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.session is not None and window.session.project.path == second
    # nothing of the first project is listed, nor can be tagged
    assert window.search.hits == [] and window.search.results.count() == 0
    assert not window.search.tag_all.isEnabled()
    assert window.search.query.text() == "آمریکا"  # kept: Return searches the project now open

    # a hit of the first project reaching the controller is not opened in this one
    doc_before = window.session.doc_id
    window.searching.go_to(old_hits[0])
    assert window.session.doc_id == doc_before and warnings_shown() == []

    window.search.query.setFocus()
    for _ in range(3):  # each Return once put up another "no document" box
        qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert warnings_shown() == []
    new_hits = window.search.hits
    assert [h.document_id for h in new_hits] == ["z-tehran"]
    item = window.search.results.item(0)
    qtbot.mouseClick(
        window.search.results.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.search.results.visualItemRect(item).center(),
    )
    assert window.session.doc_id == "z-tehran" and window.view.selection_range() == (new_hits[0].start, new_hits[0].end)
    assert warnings_shown() == []
    window.close()


def test_a_new_project_clears_the_search_results(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    (tmp_path / "first").mkdir()
    first = make_project(tmp_path / "first")
    window = open_in_window(qtbot, first, size=(1200, 800))
    search_project(qtbot, window, "آمریکا")
    assert window.search.results.count() == 2
    fresh = tmp_path / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))  # import nothing yet
    window.act_new_project.trigger()
    assert window.session is not None and window.session.project.path == fresh
    assert window.search.hits == [] and window.search.results.count() == 0
    assert not window.search.tag_all.isEnabled()
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    assert not (fresh / "annotations").exists() or not any((fresh / "annotations").rglob("*.json"))
    window.close()


def test_the_same_project_reopened_keeps_its_results(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    first = make_project(tmp_path)
    window = open_in_window(qtbot, first, size=(1200, 800))
    search_project(qtbot, window, "آمریکا")
    assert window.search.results.count() == 2
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(first))
    qtbot.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.search.results.count() == 2
    window.close()
