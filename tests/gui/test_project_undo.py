"""Undo survives moving between a project's documents: a document reopened in the same
session gets its undo and redo stacks back (unless its file was changed by someone else
meanwhile), and a project-wide Tag all is one undoable step in every document it changed.
Driven with real keys; what counts is what is saved on disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.ui import MainWindow

from .conftest import double_click_word, open_in_window, type_text
from .test_project_window import annotation_file, answer_tag_question, make_project

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def key(qtbot: Any, window: MainWindow, k: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    qtbot.keyClick(window.view, k, modifiers)


def save(qtbot: Any, window: MainWindow) -> None:
    key(qtbot, window, Qt.Key.Key_S)  # Ctrl+S: the whole file now


def spans_on_disk(root: Path, doc_id: str) -> list[tuple[str, str]]:
    return sorted((s["label"], s["text"]) for s in annotation_file(root, doc_id)["spans"])


def test_undo_and_redo_come_back_with_the_document(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None and window.annotations is not None
    first = window.session.doc_id
    text = window.annotations.text
    double_click_word(qtbot, window.view, text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # a location
    assert spans_on_disk(root, first) == [("location", "بغداد")]

    key(qtbot, window, Qt.Key.Key_PageDown)  # the next document (saves this one)
    assert window.session.doc_id != first
    assert not window.act_undo.isEnabled()  # the other document has no history
    key(qtbot, window, Qt.Key.Key_PageUp)
    assert window.session.doc_id == first
    assert window.act_undo.isEnabled() and window.act_undo.text() == "&Undo Add Location"
    assert not window.act_redo.isEnabled()

    key(qtbot, window, Qt.Key.Key_Z)  # Ctrl+Z
    save(qtbot, window)
    assert spans_on_disk(root, first) == []
    assert annotation_file(root, first)["status"] == "new"  # the first edit had started it
    assert not window.act_undo.isEnabled() and window.act_redo.isEnabled()

    # the redo stack comes back too
    key(qtbot, window, Qt.Key.Key_PageDown)
    key(qtbot, window, Qt.Key.Key_PageUp)
    assert window.session.doc_id == first
    assert window.act_redo.isEnabled() and window.act_redo.text() == "&Redo Add Location"
    key(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)  # Ctrl+Shift+Z
    save(qtbot, window)
    assert spans_on_disk(root, first) == [("location", "بغداد")]
    assert annotation_file(root, first)["status"] == "in_progress"
    window.close()


def test_project_tag_all_is_one_undoable_step_in_each_document(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    ids = window.session.project.document_ids()
    gaza = next(d for d in ids if "gaza" in d)
    start = window.session.doc_id
    assert start != gaza
    # a word of Gaza's coded by hand first: Tag all's undo must leave it
    assert window.session.open_document(gaza)
    aset = window.annotations
    assert aset is not None
    double_click_word(qtbot, window.view, aset.text.index("غزه") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert window.session.open_document(start)

    # Tag all "در" across the project from another document: one edit in each of the three
    window.searching.show(True)
    type_text(window.search.query, "در")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert len({h.document_id for h in window.search.hits}) == 3
    window.search.label_box.setCurrentIndex(window.search.label_box.findData("actor"))
    asked: list[str] = []
    answer_tag_question(qtbot, asked)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    tagged = [("actor", "در"), ("location", "غزه")]
    assert spans_on_disk(root, gaza) == tagged
    window.activateWindow()  # the question box had the keyboard
    qtbot.waitUntil(window.isActiveWindow)

    assert window.session.open_document(gaza)
    assert window.act_undo.isEnabled() and window.act_undo.text() == "&Undo Tag 1 result"
    key(qtbot, window, Qt.Key.Key_Z)
    save(qtbot, window)
    assert spans_on_disk(root, gaza) == [("location", "غزه")]  # exactly the Tag all span went
    key(qtbot, window, Qt.Key.Key_Y)  # Ctrl+Y puts it back
    save(qtbot, window)
    assert spans_on_disk(root, gaza) == tagged
    key(qtbot, window, Qt.Key.Key_Z)
    key(qtbot, window, Qt.Key.Key_Z)  # and the history from before Tag all is there too
    save(qtbot, window)
    assert spans_on_disk(root, gaza) == []
    assert not window.act_undo.isEnabled()

    # another document Tag all changed in the background: its step is there as well
    damascus = next(d for d in ids if "damascus" in d)
    assert damascus != start
    assert window.session.open_document(damascus)
    assert spans_on_disk(root, damascus) == [("actor", "در")]
    key(qtbot, window, Qt.Key.Key_Z)
    save(qtbot, window)
    assert spans_on_disk(root, damascus) == []
    window.close()


def test_a_file_changed_by_someone_else_meanwhile_drops_its_history(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None and window.annotations is not None
    first = window.session.doc_id
    double_click_word(qtbot, window.view, window.annotations.text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    key(qtbot, window, Qt.Key.Key_PageDown)
    key(qtbot, window, Qt.Key.Key_PageUp)
    assert window.act_undo.isEnabled()  # untouched on disk: the history came back

    key(qtbot, window, Qt.Key.Key_PageDown)
    path = root / "annotations" / "anonymous" / f"{first}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["status"] = "done"  # another coder's or program's change
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    theirs = path.read_bytes()
    key(qtbot, window, Qt.Key.Key_PageUp)
    assert window.session.doc_id == first
    assert not window.act_undo.isEnabled() and not window.act_redo.isEnabled()
    assert window.act_undo.text() == "&Undo"
    key(qtbot, window, Qt.Key.Key_Z)  # nothing stale is undone
    save(qtbot, window)
    assert path.read_bytes() == theirs
    assert window.annotations is not None and [s.text for s in window.annotations.spans()] == ["بغداد"]
    window.close()
