"""Two windows on one article or one project folder (issue 15, item 2): the second is
refused (or takes over when asked), and no window ever moves a journal another one is
appending to, so acknowledged edits are never left only in a `.unused` file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from annotator.io.lock import ProjectLock
from annotator.io.project import Project
from annotator.ui import MainWindow

from .conftest import double_click_word

TEXT = "وزیر خارجه در تهران گفت مذاکرات ادامه دارد و سخنگوی دولت در مشهد هشدار داد."


def new_window(qtbot: Any) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def tag(qtbot: Any, window: MainWindow, word: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.annotations is not None
    before = window.annotations.span_count()
    double_click_word(qtbot, window.view, window.annotations.text.index(word) + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.annotations.span_count() == before + 1


def spans(path: Path) -> list[str]:
    return sorted(s["text"] for s in json.loads(path.read_text(encoding="utf-8"))["spans"])


def test_a_second_window_on_an_article_is_refused(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "ask_take_over", lambda self, reason: asked.append(reason) or False)
    first, second = new_window(qtbot), new_window(qtbot)
    assert first.open(article)
    assert not second.open(article)
    assert second.annotations is None
    assert asked and "already open" in asked[0] and "a.annotations.json" in asked[0]
    first.close()
    assert second.open(article), second.last_message  # free again once the first closed
    second.close()


def test_a_window_never_moves_the_journal_another_one_writes(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both windows on one article (the second took over): B tags 4 spans, each journaled;
    A's edit and checkpoint must not move B's journal aside nor overwrite the file under it."""
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    annotations = tmp_path / "a.annotations.json"
    monkeypatch.setattr(MainWindow, "ask_take_over", lambda self, reason: True)
    monkeypatch.setattr(MainWindow, "_ask_unsaved", lambda self, reason: True)  # close anyway
    a, b = new_window(qtbot), new_window(qtbot)
    assert a.open(article)
    tag(qtbot, a, "تهران")  # the file exists (a checkpoint) before B opens it
    qtbot.waitUntil(lambda: annotations.exists() and a.store is not None and not a.store.needs_checkpoint)
    assert b.open(article)
    for word in ("مذاکرات", "سخنگوی", "مشهد", "هشدار"):
        tag(qtbot, b, word)
    assert b.store is not None and b.store.durable
    tag(qtbot, a, "خارجه")  # A's journal line: B's journal is in use, so it is not moved
    a.checkpoint()
    assert a.store is not None and not a.store.durable
    assert "another window" in (a.store.last_error or "")
    assert not list(tmp_path.glob("*.unused-*"))
    a.close()
    b.close()
    assert spans(annotations) == sorted(["تهران", "مذاکرات", "سخنگوی", "مشهد", "هشدار"])
    assert not list(tmp_path.glob("*.unused-*"))


def test_names_that_share_a_folder_share_the_lock(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`-maryam` and `maryam` write annotations/maryam/: their windows take one lock."""
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    root = tmp_path / "project"
    Project.create(root, "p").import_sources([source])
    assert ProjectLock(root, "-maryam").path == ProjectLock(root, "maryam").path
    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "ask_take_over", lambda self, reason: asked.append(reason) or False)
    first, second = new_window(qtbot), new_window(qtbot)
    first.settings.annotator = "-maryam"
    second.settings.annotator = "maryam"
    assert first.open(root)
    assert not second.open(root) and asked
    first.close()
    second.close()
