"""A document marked done is read-only in the window until it is reopened (INCEpTION locks
a finished document for its annotator): every editing path by hand, through real keys and
clicks, is refused with a status message naming the key that reopens it, the header says
so, and the file on disk stays byte for byte as it was. Ctrl+Return (again) reopens it,
and then the same keys edit again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton

from annotator.io.project import Project

from .conftest import char_point, double_click_word, open_in_window, type_text

TEXT = "وزیر خارجه ایران گفت تحریم‌ها باید لغو شود. آمریکا پاسخ نداد."
REFUSED = "This document is marked done: Ctrl+Return reopens it for editing"


def done_document(qtbot: Any, tmp_path: Path) -> tuple[Any, Path]:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    project = Project.create(tmp_path / "P", "P")
    (doc_id,) = project.import_sources([source]).added
    window = open_in_window(qtbot, project.path, annotator="Ali", size=(1200, 800))
    window.set_language("en")
    double_click_word(qtbot, window.view, TEXT.index("ایران") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # a location, by hand
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # done
    path = project.annotation_path(doc_id, "Ali")
    assert window.annotations.status.value == "done"
    return window, path


def refused(window: Any, path: Path, before: bytes) -> None:
    assert window.last_message == REFUSED
    window.checkpoint()
    assert path.read_bytes() == before


def test_every_hand_edit_of_a_done_document_is_refused(qtbot: Any, tmp_path: Path) -> None:
    window, path = done_document(qtbot, tmp_path)
    before = path.read_bytes()
    aset = window.annotations
    (span,) = aset.spans()
    notice = window.header.findChild(QLabel, "documentDoneNotice")
    assert notice.isVisible() and notice.text() == "Done · read-only (Ctrl+Return reopens it)"

    # a label key on a selection
    double_click_word(qtbot, window.view, TEXT.index("آمریکا") + 1)
    window.last_message = ""
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    refused(window, path, before)
    # the palette's button for the same
    window.last_message = ""
    actor = next(b for b in window.label_palette.findChildren(QPushButton) if "Actor" in b.text())
    qtbot.mouseClick(actor, Qt.MouseButton.LeftButton)
    refused(window, path, before)
    # relabel the current span with a key, delete it with Delete
    window.view.clear_selection()
    window.make_current(span.id)
    for key in (Qt.Key.Key_1, Qt.Key.Key_Delete):
        window.last_message = ""
        qtbot.keyClick(window.view, key)
        refused(window, path, before)
    # a right click: the span's menu (every entry of it edits) does not open
    window.last_message = ""
    point = char_point(window.view, span.start + 1)
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, window.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(window.view.viewport(), menu_event)
    assert not [m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible()]
    refused(window, path, before)
    # the claims keys: link (C), attribute value (V), entity (E)
    window.make_current(span.id)
    for key in (Qt.Key.Key_E, Qt.Key.Key_V):
        window.last_message = ""
        qtbot.keyClick(window.view, key)
        refused(window, path, before)
    # Tag all in the article (a project-wide Tag all asks about documents marked done)
    window.searching.show(False)
    type_text(window.search.query, "آمریکا")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert len(window.search.hits) == 1
    window.last_message = ""
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)  # no question: refused at once
    refused(window, path, before)
    window.view.setFocus()
    # the note: read-only, and a typed note is not kept
    window.make_current(span.id)
    assert window.note_edit.isReadOnly()
    window.note_edit.setFocus()
    type_text(window.note_edit, "x")
    qtbot.keyClick(window.note_edit, Qt.Key.Key_Return)
    assert aset.span(span.id).note == ""
    refused(window, path, before)
    # the inspector shows the values and takes none
    editors = window.claims.inspector.editors
    assert all(not e.isEnabled() for e in editors.values()) and window.claims.inspector.note.isReadOnly()
    # Ctrl+Z undoes "Mark done": the document is open again, and the same key edits it
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert aset.status.value == "in_progress" and not notice.isVisible()
    window.make_current(span.id)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert aset.span_count() == 0
