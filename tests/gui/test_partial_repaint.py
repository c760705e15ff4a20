"""The article repaints only the lines an edit touched (issue 10): what is on screen after
edits must be exactly what a full repaint draws. The window's backing store (what the
screen shows) is compared with a fresh rendering of the whole window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from annotator.ui import MainWindow

from .conftest import click_at, double_click_word


def on_screen(window: MainWindow) -> QImage:
    return window.screen().grabWindow(window.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)


def rendered(window: MainWindow) -> QImage:
    return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def differing_rows(a: QImage, b: QImage) -> list[int]:
    assert a.size() == b.size()
    return [y for y in range(a.height()) if any(a.pixel(x, y) != b.pixel(x, y) for x in range(0, a.width(), 2))]


def settled(qtbot: Any, window: MainWindow) -> None:
    """The screen becomes what a full repaint draws once the queued paints are done (a
    stale line, never repainted, stays stale: the wait ends in a failure)."""

    def same() -> None:
        assert differing_rows(on_screen(window), rendered(window)) == []

    qtbot.waitUntil(same, timeout=3000)


def test_the_screen_after_key_edits_is_what_a_full_repaint_draws(qtbot: Any, window: MainWindow) -> None:
    assert window.open_sample(), window.last_message
    assert window.annotations is not None
    text = window.annotations.text
    view = window.view
    steps = [
        ("السودانی", Qt.Key.Key_1),  # an actor
        ("بغداد", Qt.Key.Key_2),  # a location
        ("آمریکا", Qt.Key.Key_1),
    ]
    for word, key in steps:
        double_click_word(qtbot, view, text.index(word) + 2)
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # آمریکا untagged
    settled(qtbot, window)
    # only the current span's thick bars and outline move: nothing Qt itself repaints
    click_at(qtbot, view, text.index("السودانی") + 2)
    assert window.current_span_id()
    settled(qtbot, window)
    click_at(qtbot, view, text.index("بغداد") + 2)
    qtbot.keyClick(view, Qt.Key.Key_1)  # relabelled as an actor
    assert window.annotations.span_count() == 2
    settled(qtbot, window)
    window._checkpoint_timer.stop()


def test_a_palette_change_remakes_the_kept_highlight_pieces(qtbot: Any, window: MainWindow) -> None:
    from annotator.ui.theme import apply_theme

    assert window.open_sample(), window.last_message
    assert window.annotations is not None
    text = window.annotations.text
    view = window.view
    double_click_word(qtbot, view, text.index("السودانی") + 2)
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.wait(50)

    def fills() -> list[int]:
        return [s.format.background().color().alpha() for s in view.extraSelections()]

    light = fills()
    try:
        apply_theme("dark")  # the application's palette, not through the window's menu
        qtbot.wait(50)
        view.viewport().repaint()
        kept = fills()
        view.refresh_highlights(restyle=True)  # every piece made anew for this palette
        assert kept == fills() != light
    finally:
        apply_theme(window.settings.theme)
    window._checkpoint_timer.stop()
