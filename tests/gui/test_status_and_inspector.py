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


def test_a_long_claim_is_shown_whole_and_its_form_keeps_its_size(qtbot: Any, window: MainWindow) -> None:
    """In a short inspector a long claim's heading was cut mid-line and the attribute boxes
    squeezed to slivers; the panel now scrolls instead, every row at its own height (the
    heading's lines are whole: a claim longer than them is cut between words, see
    test_steady_panels)."""
    window.resize(1100, 600)
    text = open_sample(window)
    start = text.index("این گروه با انتشار")
    end = text.index(".", text.index(".", start) + 1)
    window.view.select_range(start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # a claim, with its attribute boxes
    assert window.annotations is not None and [s.label for s in window.annotations.spans()] == ["claim"]
    inspector = window.claims.inspector
    qtbot.waitUntil(lambda: inspector.heading.isVisible())
    heading = inspector.heading
    assert heading.height() >= heading.heightForWidth(heading.width())  # every line of it
    assert inspector.editors  # the claim's position and topic boxes
    for editor in [*inspector.editors.values(), inspector.note]:
        assert editor.height() >= editor.sizeHint().height(), editor
    # the panel scrolls to what does not fit, down to its links
    inspector.scroll.ensureWidgetVisible(inspector.links)
    assert inspector.scroll.verticalScrollBar().value() == inspector.scroll.verticalScrollBar().maximum()
