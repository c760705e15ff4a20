"""Opening an article paints its first screen, with the spans on it, before the slow part
of the opening (the whole annotation file parsed and checked, the span list and panels
built), and `open()` still returns only once all of that is done (issue 10;
docs/performance.md, docs/reliability.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from annotator.io import jsonformat
from annotator.io.article import ArticleOpening
from annotator.io.store import journal_path
from annotator.model import AnnotationSet, Document, Span
from annotator.persian.segment import word_spans
from annotator.ui import MainWindow

from .conftest import saved

PARAGRAPH = (
    "به گزارش خبرگزاری‌ها، وزیر امور خارجه ایران در دیدار با همتای عراقی خود در بغداد گفت که "
    "همکاری دو کشور در زمینه انرژی و امنیت مرزها ادامه خواهد یافت. او افزود که نشست بعدی در تهران "
    "برگزار می‌شود و نمایندگان دو طرف درباره بازسازی و تجارت گفت‌وگو خواهند کرد.\n"
)
TEXT = PARAGRAPH * 300  # about 75,000 characters: many screens


def write_article(folder: Path, every: int = 5) -> tuple[Path, list[Span]]:
    """An article and its annotation file as the program writes it: one span on every
    `every`-th word, the words' own text."""
    article = folder / "long.txt"
    article.write_text(TEXT, encoding="utf-8")
    aset = AnnotationSet(Document("long", TEXT, "long"))
    spans = [
        Span(f"s{i + 1}", ("actor", "location", "claim")[i % 3], start, end, TEXT[start:end])
        for i, (start, end) in enumerate(word_spans(TEXT)[::every])
    ]
    aset.load(spans)
    jsonformat.save(aset, folder / "long.annotations.json")
    return article, spans


class Frames(QObject):
    """At every paint of the article: the spans the view showed on screen, the rows of the
    span list, and whether the window had its store (the checked document) yet."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.seen: list[tuple[int, int, bool]] = []
        window.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            view = self.window.view
            on_screen = len(list(view.annotations.spans_in(*view.visible_range()))) if view.annotations else 0
            rows = self.window.table.span_model.rowCount()
            self.seen.append((on_screen, rows, self.window.store is not None))
        return False


def test_the_first_frame_shows_the_spans_on_screen_before_the_span_list_is_filled(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    article, spans = write_article(tmp_path)
    frames = Frames(window)
    assert window.open(article), window.last_message
    painted_during_open = list(frames.seen)
    assert painted_during_open, "open() painted nothing before it returned"
    on_screen, rows, loaded = painted_during_open[0]
    assert on_screen > 0, painted_during_open  # the text with its spans...
    assert rows == 0 and not loaded  # ...before the span list, and before the checked document
    assert window.annotations is not None and window.annotations.span_count() == len(spans)
    assert window.table.span_model.rowCount() == len(spans)  # all loaded when open() returns
    window._checkpoint_timer.stop()


def test_the_first_frame_shows_exactly_the_files_spans_on_screen(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article, spans = write_article(tmp_path)
    shown: list[tuple[tuple[int, int], list[tuple[str, int, int]]]] = []
    original = ArticleOpening.finish

    def finish(opening: ArticleOpening, annotator: str = "") -> Any:
        view = window.view
        assert view.annotations is not None
        start, end = view.visible_range()
        shown.append(((start, end), [(s.id, s.start, s.end) for s in view.annotations.spans_in(start, end)]))
        return original(opening, annotator)

    monkeypatch.setattr(ArticleOpening, "finish", finish)
    assert window.open(article), window.last_message
    (((start, end), on_screen),) = shown
    assert start == 0 and end > 1000
    assert on_screen == [(s.id, s.start, s.end) for s in spans if s.start < end and s.end > start]
    window._checkpoint_timer.stop()


def test_a_bad_file_shown_first_ends_with_its_spans_cleared_and_one_message(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    article, spans = write_article(tmp_path)
    sidecar = tmp_path / "long.annotations.json"
    # the last span reaches past the text's end: the top of the file is fine, the check fails
    lines = sidecar.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if line.startswith('    {"id": '))
    item = json.loads(lines[last].strip().rstrip(","))
    item["end"] = len(TEXT) + 7
    lines[last] = (
        "    " + json.dumps(item, ensure_ascii=False) + ("," if lines[last].rstrip().endswith(",") else "") + "\n"
    )
    sidecar.write_text("".join(lines), encoding="utf-8")
    before = sidecar.read_bytes()
    frames = Frames(window)

    assert not window.open(article)
    assert frames.seen and frames.seen[0][0] > 0  # the spans on screen were painted first...
    assert window.view.annotations is None  # ...and are cleared
    qtbot.waitUntil(lambda: frames.seen[-1][0] == 0)  # the next frame shows none
    message = window.last_message
    assert len(message.splitlines()) == 1, message
    assert str(sidecar) in message and f"$.spans[{len(spans) - 1}]" in message, message
    assert window.store is None and window.table.span_model.rowCount() == 0
    assert sidecar.read_bytes() == before  # nothing written
    assert not journal_path(sidecar).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.annotations.json", "long.txt"]  # the lock let go


def test_a_bad_file_leaves_the_open_document_shown_as_it_was(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    first = tmp_path / "first"
    first.mkdir()
    good, _ = write_article(first, every=7)
    assert window.open(good), window.last_message
    store = window.store
    window.view.ensure_visible(30_000)
    scroll = window.view.verticalScrollBar().value()
    bad = tmp_path / "bad.txt"
    bad.write_text(PARAGRAPH * 10, encoding="utf-8")
    (tmp_path / "bad.annotations.json").write_text(
        '{"format": "annotator/annotations", "version": 1}', encoding="utf-8"
    )

    assert not window.open(bad)
    assert window.store is store and window.view.annotations is store.aset  # type: ignore[union-attr]
    assert window.view.toPlainText() == TEXT and window.view.verticalScrollBar().value() == scroll
    assert "bad.annotations.json" in window.last_message
    window._checkpoint_timer.stop()


def _select_first_untagged_word(window: MainWindow) -> tuple[int, int]:
    aset = window.view.annotations
    assert aset is not None
    for start, end in word_spans(TEXT, 0, 400):
        if end - start > 3 and not list(aset.spans_in(start, end)):
            window.view.select_range(start, end)
            return start, end
    raise AssertionError("no untagged word on the first screen")


def test_keys_pressed_while_the_file_loads_are_handled_once_it_is_open(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article, spans = write_article(tmp_path)
    sidecar = tmp_path / "long.annotations.json"
    during: list[int] = []
    picked: list[tuple[int, int]] = []
    original = ArticleOpening.finish

    def finish(opening: ArticleOpening, annotator: str = "") -> Any:
        # the user selects a word on the first frame, tags it with 1, relabels it with 2
        # and takes that back with Ctrl+Z (a shortcut): an actor, if all came in order
        picked.append(_select_first_untagged_word(window))
        view = window.view
        QTest.keyClick(view, Qt.Key.Key_1)
        QTest.keyClick(view, Qt.Key.Key_2)
        QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert view.annotations is not None
        during.append(view.annotations.span_count())  # nothing edited the unchecked spans
        return original(opening, annotator)

    monkeypatch.setattr(ArticleOpening, "finish", finish)
    assert window.open(article), window.last_message
    aset = window.annotations
    assert aset is not None and aset.span_count() == len(spans)  # not handled yet: held
    ((start, end),) = picked
    qtbot.waitUntil(aset.undo_stack.can_redo)  # the three keys handled: Ctrl+Z was the last
    assert aset.span_count() == len(spans) + 1
    tagged = [s for s in aset.spans_in(start, end) if (s.start, s.end) == (start, end)]
    assert [s.label for s in tagged] == ["actor"]  # tagged, relabelled, relabelling undone
    assert during and during[0] < len(spans)
    assert window.checkpoint()
    on_disk = [(s["start"], s["end"], s["label"]) for s in saved(sidecar)["spans"]]
    assert (start, end, "actor") in on_disk and (start, end, "location") not in on_disk
    window._checkpoint_timer.stop()


def test_keys_pressed_while_a_bad_file_loads_are_dropped_not_given_to_the_document_shown_again(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first"
    first.mkdir()
    good, spans = write_article(first, every=7)
    assert window.open(good), window.last_message
    start, end = _select_first_untagged_word(window)  # the selection the good document keeps
    bad = tmp_path / "bad.txt"
    bad.write_text(PARAGRAPH * 10, encoding="utf-8")
    (tmp_path / "bad.annotations.json").write_text("{", encoding="utf-8")
    original = ArticleOpening.finish
    pressed: list[bool] = []

    def finish(opening: ArticleOpening, annotator: str = "") -> Any:
        window.view.select_range(0, 4)
        QTest.keyClick(window.view, Qt.Key.Key_1)  # meant for bad.txt's first frame
        pressed.append(True)
        return original(opening, annotator)

    monkeypatch.setattr(ArticleOpening, "finish", finish)
    assert not window.open(bad)
    assert pressed and window.annotations is not None
    assert window.view.selection_range() == (start, end)
    qtbot.wait(50)  # the event loop turns: a held key would be handled now
    assert window.annotations.span_count() == len(spans)
    assert not window.annotations.undo_stack.can_undo()
    window._checkpoint_timer.stop()


def _screen_geometry(window: MainWindow) -> list[tuple[str, int, int, int, int]]:
    """Where the spans on screen are drawn: each one's start and end caret, from Qt's own
    cursor rectangles (not the view's cache)."""
    view = window.view
    assert view.annotations is not None
    out = []
    for span in view.annotations.spans_in(*view.visible_range()):
        if span.end > view.shown_length():
            continue
        a, b = QTextCursor(view.document()), QTextCursor(view.document())
        a.setPosition(view.to_qt(span.start))
        b.setPosition(view.to_qt(span.end))
        ra, rb = view.cursorRect(a), view.cursorRect(b)
        out.append((span.id, ra.x(), ra.y(), rb.x(), rb.y()))
    return out


@pytest.mark.parametrize("paragraphs", [True, False], ids=["paragraphs", "one-paragraph"])
def test_the_first_frame_sets_the_first_screens_of_a_long_text_and_open_adds_the_rest_in_place(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paragraphs: bool
) -> None:
    if not paragraphs:  # an article of one long paragraph: cut inside it, far below the screen
        monkeypatch.setattr(f"{__name__}.TEXT", TEXT.replace("\n", " "))
    article, _spans = write_article(tmp_path)
    first: list[tuple[int, str, list[tuple[str, int, int, int, int]], Any]] = []
    original = ArticleOpening.finish

    def finish(opening: ArticleOpening, annotator: str = "") -> Any:
        view = window.view
        first.append((view.shown_length(), view.toPlainText(), _screen_geometry(window), view.geometry()))
        return original(opening, annotator)

    monkeypatch.setattr(ArticleOpening, "finish", finish)
    assert window.open(article), window.last_message
    ((shown, text_then, geometry_then, view_then),) = first
    assert 16_000 <= shown < len(TEXT) // 2  # only the first screens were set for the first frame...
    assert text_then == TEXT[:shown]
    if paragraphs:
        assert TEXT[shown] == "\n"  # ...up to the end of a paragraph
    assert geometry_then and len(geometry_then) > 10
    view = window.view
    assert view.toPlainText() == TEXT and view.shown_length() == len(TEXT)  # the rest is there
    assert view.verticalScrollBar().value() == 0
    assert _screen_geometry(window) == geometry_then  # nothing on screen moved...
    qtbot.wait(20)
    assert view.geometry() == view_then  # ...nor the article under the header (it was 3 px short)
    window._checkpoint_timer.stop()


def test_a_span_running_past_the_first_screens_draws_no_bar_in_the_wrong_place(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "long.txt"
    article.write_text(TEXT, encoding="utf-8")
    aset = AnnotationSet(Document("long", TEXT, "long"))
    end = len(TEXT) - 10  # a claim from the first line to the end: it ends far past the first screens
    aset.load([Span("s1", "claim", 4, end, TEXT[4:end])])
    jsonformat.save(aset, tmp_path / "long.annotations.json")
    bars: list[list[int]] = []
    original = ArticleOpening.finish

    def finish(opening: ArticleOpening, annotator: str = "") -> Any:
        view = window.view
        assert view.shown_length() < end and view.annotations is not None
        assert [s.id for s in view.annotations.spans_in(*view.visible_range())] == ["s1"]
        bars.append([view._caret_rect(4).y(), view._caret_rect(end).y()])
        return original(opening, annotator)

    monkeypatch.setattr(ArticleOpening, "finish", finish)
    assert window.open(article), window.last_message
    ((top, bottom),) = bars
    assert 0 <= top < 100  # the start's bar on the first line
    assert bottom > window.view.viewport().height() * 100  # the end's: far below, never on screen
    window._checkpoint_timer.stop()


def test_the_panels_stay_where_the_empty_window_had_them_when_the_first_article_opens(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    # the label palette's tool bar kept one row of buttons' height with no document: the
    # first article's buttons moved every panel under it down a row (a jump the user sees,
    # and every panel painted again in the article's first frame)
    article, _ = write_article(tmp_path)
    docks = [window.findChild(QObject, name) for name in ("spansDock", "inspectorDock")]
    empty = [dock.geometry() for dock in docks]  # type: ignore[union-attr]
    bar = window.label_palette.height()
    assert window.open(article), window.last_message
    assert [dock.geometry() for dock in docks] == empty  # type: ignore[union-attr]
    assert window.label_palette.height() == bar
    first = window.label_palette.button("actor")
    assert first.isVisible() and window.label_palette.rect().contains(first.geometry())  # not clipped
    window._checkpoint_timer.stop()


def test_a_window_opened_as_soon_as_it_is_shown_paints_the_article_before_the_rest_loads(
    qtbot: Any, tmp_path: Path
) -> None:
    # `MainWindow(); show(); open(path)`, as the program's start does: the window is not
    # exposed yet when open() begins, and its repaint() painted nothing, so the first frame
    # came only after the whole file was parsed and checked
    article, spans = write_article(tmp_path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 760)
    frames = Frames(window)
    window.show()
    assert window.open(article), window.last_message
    assert frames.seen, "open() painted nothing before it returned"
    on_screen, rows, loaded = frames.seen[0]
    assert on_screen > 0 and rows == 0 and not loaded  # the article with its spans, first
    assert window.table.span_model.rowCount() == len(spans)
    window._checkpoint_timer.stop()
