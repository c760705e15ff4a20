"""What the status bar and the inspector say after an edit: undo says what it undid (a
"Spans added" left there would mislead), and the inspector shows no stray empty box and
keeps a span's text in its own right-to-left run."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from annotator.ui import MainWindow

from .conftest import double_click_word
from .test_window import open_sample


def test_undo_and_redo_say_what_they_did(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    inspector = window.claims.inspector
    # no current span: the note field and the entity line are not drawn anywhere
    assert not inspector.note.isVisible() and not inspector.entity_label.isVisible()
    double_click_word(qtbot, window.view, text.index("السودانی") + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.annotations is not None and len(window.annotations.spans()) == 1
    heading = inspector.heading.text()
    assert heading.endswith("\u2067«السودانی»\u2069")  # isolated right to left
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.annotations.spans() == []
    assert window.statusBar().currentMessage() == "Undone: Add Actor"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.annotations.spans()) == 1
    assert window.statusBar().currentMessage() == "Redone: Add Actor"
