"""Fixtures for driving the real window with real events."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from annotator.ui import MainWindow
from annotator.ui.app import make_app


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal question would hang an offscreen test: fail instead, unless a test answers it."""

    def unexpected(self: MainWindow, reason: str) -> bool:
        raise AssertionError(f"unexpected modal question: {reason}")

    monkeypatch.setattr(MainWindow, "ask_take_over", unexpected)
    monkeypatch.setattr(MainWindow, "_ask_unsaved", unexpected)
    monkeypatch.setattr(MainWindow, "ask_foreign", unexpected)
    # the first start asks the coder's name: answered "cancel" (the login name is used)
    # unless a test drives the dialog itself
    monkeypatch.setattr("annotator.ui.app.ask_first_name", lambda: None)


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """A test in the Persian interface leaves the interface language (theme's module state)
    as it found it: tests after it write figures with Latin digits."""
    yield
    from annotator.ui.theme import install_language

    install_language("en")


@pytest.fixture
def window(qtbot: Any) -> Iterator[MainWindow]:
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1100, 760)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def open_in_window(
    qtbot: Any,
    path: Path,
    annotator: str | None = None,
    size: tuple[int, int] | None = None,
    language: str | None = None,
) -> MainWindow:
    """A shown and active window (its shortcuts need an active window) with `path` (an
    article or a project) opened; `annotator`: the coder's name in its settings,
    `language`: the interface's (a program started again after a crash, say)."""
    from annotator.ui.settings import Settings

    settings = None
    if annotator is not None or language is not None:
        settings = Settings()
        settings.annotator = annotator or ""
        settings.language = language or ""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.open(path), window.last_message
    return window


def char_point(view: Any, cp: int) -> QPoint:
    """The middle of the character at code point cp, in viewport coordinates."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(cp))
    a = view.cursorRect(cursor)
    cursor.setPosition(view.to_qt(cp + 1))
    b = view.cursorRect(cursor)
    return QPoint((a.center().x() + b.center().x()) // 2, a.center().y())


def double_click_word(qtbot: Any, view: Any, cp: int) -> None:
    view.ensure_visible(cp)
    point = char_point(view, cp)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def click_at(qtbot: Any, view: Any, cp: int) -> None:
    view.ensure_visible(cp)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, cp))


def saved(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def wait_saved(qtbot: Any, path: Path, predicate: Any) -> dict[str, Any]:
    """Wait for the autosave to put what we expect on disk, and return the file."""
    result: dict[str, Any] = {}

    def check() -> None:
        assert path.exists()
        data = saved(path)
        assert predicate(data)
        result.update(data)

    qtbot.waitUntil(check, timeout=5000)
    return result


def type_text(widget: Any, text: str) -> None:
    """Type text as a keyboard would, one key event a character.

    (QTest.keyClicks aborts on characters outside Latin-1, such as Persian letters.)
    """
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = ord(ch.upper()) if ch != " " else Qt.Key.Key_Space
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture(autouse=True, scope="session")
def _tokenizer_built() -> None:
    """hazm's tokenizer built before any window opens, so that every test snaps with it
    (a window otherwise builds it in the background and splits the simple way meanwhile:
    tests/unit/persian/test_segment_warm_up.py covers that)."""
    from annotator.persian.segment import word_spans

    word_spans("گرم کردن")


def answer_relabel(qtbot: Any, asked: list[str], remove: bool) -> None:
    """Answer the relabel question when it comes: Return (its default: keep the links) or
    a mouse click on "Relabel and remove the links"."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.text())
        if remove:
            button = box.findChild(QPushButton, "relabelRemoveLinks")
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
