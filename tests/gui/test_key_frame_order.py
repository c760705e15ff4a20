"""A key press paints the frame showing its edit, then fsyncs the journal line, then
returns (docs/reliability.md, "When an edit is acknowledged"; docs/performance.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt

from annotator.io.store import journal_path
from annotator.ui import MainWindow

from .conftest import double_click_word

TEXT = "وزیر امور خارجه در تهران گفت که مذاکرات با هیئت عراقی در بغداد ادامه دارد.\n"


class Recorder(QObject):
    """Paints of the article (with the span count they showed) and fsyncs of the journal
    (with its size), in the order they happened."""

    def __init__(self, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__()
        self.window = window
        self.events: list[tuple[str, int]] = []
        window.view.viewport().installEventFilter(self)
        real_fsync = os.fsync
        journal = journal_path(window.store.path) if window.store else None

        def spy(fd: int) -> None:
            real_fsync(fd)
            info = os.fstat(fd)
            if journal is not None and journal.exists() and info.st_ino == journal.stat().st_ino:
                self.events.append(("fsync", info.st_size))

        monkeypatch.setattr(os, "fsync", spy)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.window.annotations is not None:
            self.events.append(("paint", self.window.annotations.span_count()))
        return False


def _check_order(events: list[tuple[str, int]], shown: int, journal: Path) -> None:
    size = journal.stat().st_size
    painted = events.index(("paint", shown))  # a frame showing the edit...
    synced = events.index(("fsync", size))  # ...then the journal, this edit's line included, made durable
    assert painted < synced, events


def test_key_press_paints_before_the_fsync_and_fsyncs_before_it_returns(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert window.open(article), window.last_message
    view = window.view
    for word in ("تهران", "بغداد"):  # the first edit writes the file, the second the journal
        double_click_word(qtbot, view, TEXT.index(word) + 1)
        qtbot.keyClick(view, Qt.Key.Key_2)
    journal = journal_path(article.with_name("a.annotations.json"))
    assert journal.exists()
    recorder = Recorder(window, monkeypatch)

    double_click_word(qtbot, view, TEXT.index("مذاکرات") + 1)
    qtbot.wait(20)
    recorder.events.clear()
    qtbot.keyClick(view, Qt.Key.Key_1)
    _check_order(list(recorder.events), 3, journal)  # all of it before keyClick returned

    recorder.events.clear()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _check_order(list(recorder.events), 2, journal)
    assert window.annotations is not None and window.annotations.span_count() == 2
    window._checkpoint_timer.stop()
