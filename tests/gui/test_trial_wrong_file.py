"""A new user's trial, in the real window: an annotation file that is another document's is
not rewritten on opening (the coder decides); two windows on one coder's file never lose an
acknowledged edit silently; the lock names --annotator; Discard leaves no journal behind."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from annotator.io.article import open_article_store
from annotator.io.project import Project
from annotator.io.store import journal_path
from annotator.ui import MainWindow

from .conftest import click_at, double_click_word, open_in_window

REAL_ASK_FOREIGN = getattr(MainWindow, "ask_foreign", None)  # (None before it existed)
A_TEXT = "نخست‌وزیر عراق در بغداد گفت که مذاکرات با ترکیه ادامه دارد."
B_TEXT = "سخنگوی دولت در تهران هشدار داد که تحریم‌ها اقتصاد ایران را تضعیف کرده است."
TEXT = "وزیر خارجه در تهران گفت مذاکرات ادامه دارد و سخنگوی دولت در مشهد هشدار داد."


def annotate(article: Path, words: tuple[str, ...], annotator: str = "ali") -> None:
    store, _ = open_article_store(article, annotator)
    for word in words:
        at = store.aset.text.index(word)
        store.aset.add_span("actor", at, at + len(word))
    store.close()


def answer(qtbot: Any, button: str, asked: list[str]) -> None:
    """Click a button of the next question (by its objectName, or "cancel")."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        asked.append(box.text())
        target = box.button(QMessageBox.StandardButton.Cancel) if button == "cancel" else None
        target = target or box.findChild(QPushButton, button)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(MainWindow, "ask_foreign", REAL_ASK_FOREIGN, raising=False)
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B_TEXT, encoding="utf-8")
    annotate(tmp_path / "b.txt", ("سخنگوی دولت", "تهران", "تحریم‌ها", "ایران"))
    shutil.copy(tmp_path / "b.annotations.json", tmp_path / "a.annotations.json")
    return tmp_path


def test_another_articles_file_is_not_rewritten_on_opening(qtbot: Any, articles: Path) -> None:
    before = files(articles)
    window = open_in_window(qtbot, articles / "b.txt", "ali")
    asked: list[str] = []
    answer(qtbot, "cancel", asked)
    assert not window.open(articles / "a.txt")
    assert asked and "This annotation file is for document b, not a; it was left as it is." in asked[0]
    assert "this annotation file is for document b, not a; it was left as it is" in window.last_message
    assert window.annotations is not None and window.annotations.document.id == "b"  # b stays open
    window.close()
    assert files(articles) == before  # byte for byte, and no lock, journal or copy left


def test_keep_it_aside_and_start_afresh(qtbot: Any, articles: Path) -> None:
    original = (articles / "a.annotations.json").read_bytes()
    window = open_in_window(qtbot, articles / "b.txt", "ali")
    answer(qtbot, "foreignAside", [])
    assert window.open(articles / "a.txt")
    kept = [p for p in articles.iterdir() if p.name.startswith("a.annotations.json.unused-")]
    assert [p.read_bytes() for p in kept] == [original]
    assert window.annotations is not None and window.annotations.span_count() == 0
    assert f"kept aside as {kept[0].name}" in window.last_message or kept[0].name in window.statusBar().currentMessage()
    double_click_word(qtbot, window.view, A_TEXT.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.close()
    data = json.loads((articles / "a.annotations.json").read_text(encoding="utf-8"))
    assert data["document"]["id"] == "a" and [s["text"] for s in data["spans"]] == ["بغداد"]
    assert "unplaced" not in data


def test_reanchor_anyway_keeps_every_span_as_unplaced(qtbot: Any, articles: Path) -> None:
    window = open_in_window(qtbot, articles / "b.txt", "ali")
    answer(qtbot, "foreignReanchor", [])
    assert window.open(articles / "a.txt")
    window.close()
    data = json.loads((articles / "a.annotations.json").read_text(encoding="utf-8"))
    assert data["document"]["id"] == "a" and data["spans"] == []
    assert sorted(s["text"] for s in data["unplaced"]["spans"]) == sorted(["سخنگوی دولت", "تهران", "تحریم‌ها", "ایران"])


def test_a_copied_file_in_a_project_is_left_as_it_is(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ali's file of document X copied over his file of Y: opening Y only to look must not
    make it Y's (validate and agree would then count ali as having coded nothing there)."""
    monkeypatch.setattr(MainWindow, "ask_foreign", REAL_ASK_FOREIGN, raising=False)
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "x.txt").write_text(B_TEXT, encoding="utf-8")
    (sources / "y.txt").write_text(A_TEXT, encoding="utf-8")
    root = tmp_path / "project"
    project = Project.create(root, "p")
    assert len(project.import_sources([sources]).added) == 2
    ids = {project.load_document(i).text: i for i in project.document_ids()}
    x, y = ids[B_TEXT], ids[A_TEXT]
    window = open_in_window(qtbot, root, "ali")
    assert window.session is not None and window.session.open_document(x)
    double_click_word(qtbot, window.view, B_TEXT.index("تهران") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert window.checkpoint()
    folder = root / "annotations" / "ali"
    shutil.copy(folder / f"{x}.json", folder / f"{y}.json")
    before = files(folder)
    asked: list[str] = []
    answer(qtbot, "cancel", asked)
    assert not window.session.open_document(y)
    assert asked and f"This annotation file is for document {x}" in asked[0]
    assert window.annotations is not None and window.annotations.document.id == x
    window.close()
    assert files(folder) == before


def new_window(qtbot: Any, annotator: str = "bita") -> MainWindow:
    from annotator.ui.settings import Settings

    settings = Settings()
    settings.annotator = annotator
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def activate(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_the_window_taken_over_writes_nothing_more(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Window 2 opened the file anyway; window 2 relabels a span, window 1 deletes another:
    window 1's delete is refused at once with a message (it no longer saves the file), the
    relabel stays on disk, and window 1's Discard loses nothing of window 2's."""
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    annotate(article, ("تهران", "مذاکرات", "مشهد"), "bita")
    annotations = tmp_path / "a.annotations.json"
    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "ask_take_over", lambda self, reason: asked.append(reason) or True)
    unsaved: list[str] = []
    monkeypatch.setattr(MainWindow, "_ask_unsaved", lambda self, reason: unsaved.append(reason) or True)  # Discard
    one, two = new_window(qtbot), new_window(qtbot)
    assert one.open(article) and two.open(article) and asked
    activate(qtbot, two)
    click_at(qtbot, two.view, TEXT.index("تهران") + 1)
    qtbot.keyClick(two.view, Qt.Key.Key_2)  # relabel as location
    assert two.store is not None and two.store.durable
    activate(qtbot, one)
    click_at(qtbot, one.view, TEXT.index("مذاکرات") + 1)
    qtbot.keyClick(one.view, Qt.Key.Key_Delete)
    assert one.store is not None and not one.store.durable
    assert "took this file over; this window no longer saves it" in (one.store.last_error or "")
    assert "took this file over" in one.last_message
    assert two.checkpoint()
    one.close()  # Discard, as the question said
    assert unsaved and "took this file over" in unsaved[0]
    two.close()
    data = json.loads(annotations.read_text(encoding="utf-8"))
    assert sorted((s["text"], s["label"]) for s in data["spans"]) == sorted(
        [("تهران", "location"), ("مذاکرات", "actor"), ("مشهد", "actor")]
    )
    assert not journal_path(annotations).exists()
    again = new_window(qtbot)
    assert again.open(article)
    assert "journal" not in again.last_message
    again.close()


def test_a_second_window_cannot_take_a_recovered_journal(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Window 1 recovered a crashed window's journal: window 2 (taking the lock over) is
    refused, so window 1's checkpoint cannot remove a journal window 2 wrote in."""
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    annotate(article, ("تهران", "مذاکرات"), "bita")
    store, _ = open_article_store(article, "bita")
    store.aset.relabel_span("s1", "location")
    store.detach()  # a crash: the relabel only in the journal
    monkeypatch.setattr(MainWindow, "ask_take_over", lambda self, reason: True)
    monkeypatch.setattr(MainWindow, "show_info", lambda self, text: None)
    one, two = new_window(qtbot), new_window(qtbot)
    assert one.open(article)
    journal = journal_path(tmp_path / "a.annotations.json").read_bytes()
    assert not two.open(article)
    assert "is being edited in another window or program" in two.last_message
    assert journal_path(tmp_path / "a.annotations.json").read_bytes() == journal
    one.close()
    two.close()
    data = json.loads((tmp_path / "a.annotations.json").read_text(encoding="utf-8"))
    assert sorted((s["text"], s["label"]) for s in data["spans"]) == [("تهران", "location"), ("مذاکرات", "actor")]


def test_the_article_lock_names_the_annotator_given(qtbot: Any, tmp_path: Path) -> None:
    article = tmp_path / "b.txt"
    article.write_text(TEXT, encoding="utf-8")
    window = MainWindow(annotator="ali")
    qtbot.addWidget(window)
    window.settings.annotator = "sara"  # the name of the first start
    assert window.open(article)
    lock = json.loads((tmp_path / ".b.annotations.json.lock").read_text(encoding="utf-8"))
    assert lock["annotator"] == "ali"
    window.close()
