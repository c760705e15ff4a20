"""Every key a Persian (right-to-left) menu prints reads as it is on the keyboard, left to
right: "Ctrl+-" never "-Ctrl+", "Ctrl+Shift+Z" never "Z+Shift+Ctrl". QMenu appends
`QKeySequence.toString(NativeText)` after a tab with no isolation of its own (qmenu.cpp,
QMenu::initStyleOption), so the right-to-left line reordered the trailing "+" and "-";
theme._KeyNames starts each key with a left-to-right isolate through Qt's "QShortcut"
translation context, which QKeySequence asks for the modifiers' names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextLayout, QTextOption

from annotator.ui import MainWindow
from annotator.ui.theme import install_language

from .test_window import open_sample


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """The interface's translators are the application's: a test that switched to Persian
    puts English back, for the tests after it that make no window."""
    yield
    install_language("en")


def keys_shown(window: MainWindow) -> list[str]:
    found: list[str] = []

    def walk(menu: Any) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.shortcut().isEmpty():  # what QMenu prints: the first key
                found.append(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    return found


def test_every_key_in_the_persian_menus_reads_left_to_right(window: MainWindow) -> None:
    open_sample(window)
    window.set_language("fa", save=False)
    shown = keys_shown(window)
    plain = {k.replace("\u2066", "") for k in shown}
    assert {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl++", "Ctrl+-", "Ctrl+0", "Ctrl+Return", "Ctrl+PgDown", "F1", "N"} <= plain
    for keys in shown:
        layout = QTextLayout(keys, window.font())
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)  # as the Persian menu lays it out
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        # between each two letters (not at an isolate's mark, nor at the text's edges: there
        # a cursor position is on two runs at once)
        inner = [i for i in range(1, len(keys)) if not {keys[i - 1], keys[i]} & {"\u2066", "\u2069"}]
        xs = [line.cursorToX(i)[0] for i in inner]
        assert xs == sorted(xs) and len(set(xs)) == len(xs), (keys, xs)  # each letter right of the one before
