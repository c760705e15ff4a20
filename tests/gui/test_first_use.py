"""What a new user meets in the window (issue 14): room for the article, panels that open,
hide and keep their sizes, the span menu wherever a span is right-clicked, notes that keep
the current span."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QTextLine
from PySide6.QtWidgets import QApplication

from annotator.ui import MainWindow
from annotator.ui.settings import Settings

from .conftest import double_click_word, type_text, wait_saved
from .test_window import open_sample, sample_paths


def glyph_center(view: Any, cp: int) -> QPoint:
    """The middle of the glyph of the character at cp, in viewport coordinates, from the
    text layout's own edges of that character (right however bidi orders the line)."""
    qt = view.to_qt(cp)
    block = view.document().findBlock(qt)
    layout = block.layout()
    line = layout.lineForTextPosition(qt - block.position())
    x1, _ = line.cursorToX(qt - block.position(), QTextLine.Edge.Leading)
    x2, _ = line.cursorToX(qt - block.position(), QTextLine.Edge.Trailing)
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    x = origin.x() + layout.position().x() + (x1 + x2) / 2
    y = origin.y() + layout.position().y() + line.y() + line.height() / 2
    return QPoint(round(x), round(y))


def tag(window: MainWindow, label: str, phrase: str) -> str:
    aset = window.annotations
    assert aset is not None
    start = aset.text.index(phrase)
    return aset.add_span(label, start, start + len(phrase)).id


def test_right_click_anywhere_inside_a_span_gives_its_menu(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sample(window)
    claim = tag(window, "claim", "این حمله را با یک پهپاد انجام داده است")
    actor = tag(window, "actor", "گروه مقاومت اسلامی عراق")
    location = tag(window, "location", "پایگاه «قسرک»")
    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "show_span_menu", lambda self, span_id, pos: asked.append(span_id))
    window.view.spanMenuRequested.disconnect()
    window.view.spanMenuRequested.connect(lambda span_id, pos: window.show_span_menu(span_id, pos))
    stock: list[int] = []
    monkeypatch.setattr(
        type(window.view).__mro__[1], "contextMenuEvent", lambda self, event: stock.append(1)
    )  # Qt's own Copy / Select All menu
    aset = window.annotations
    assert aset is not None
    for span_id in (claim, actor, location):
        span = aset.span(span_id)
        window.view.ensure_visible(span.start)
        for cp in range(span.start, span.end):
            asked.clear()
            point = glyph_center(window.view, cp)
            event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, window.view.viewport().mapToGlobal(point))
            QApplication.sendEvent(window.view.viewport(), event)
            assert asked and asked[-1] in {s.id for s in aset.spans_at(cp)}, (span.text, cp - span.start)
    assert stock == []


def test_enter_in_the_note_keeps_the_current_span(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    for word, key in (("بغداد", Qt.Key.Key_2), ("السودانی", Qt.Key.Key_1), ("واشنگتن", Qt.Key.Key_2)):
        double_click_word(qtbot, window.view, text.index(word) + 1)
        qtbot.keyClick(window.view, key)
    aset = window.annotations
    assert aset is not None
    for round_ in range(3):
        for word in ("بغداد", "السودانی", "واشنگتن"):
            span = next(s for s in aset.spans() if s.text == word)
            window.make_current(span.id)
            qtbot.keyClick(window.view, Qt.Key.Key_N)
            assert window.note_edit.hasFocus()
            type_text(window.note_edit, f"{round_}")
            qtbot.keyClick(window.note_edit, Qt.Key.Key_Return)
            assert window.current_span_id() == span.id, (round_, word)
            assert window.table.current_span_id() == span.id
            assert aset.span(span.id).note == f"{round_}"  # N selects the old note: typing replaces it
    wait_saved(qtbot, sample_paths()[1], lambda d: [s["note"] for s in d["spans"]] == ["2"] * 3)


def test_escape_closes_the_search_panel(qtbot: Any, window: MainWindow) -> None:
    open_sample(window)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.searching.dock.isVisible()
    assert window.search.query.hasFocus()
    type_text(window.search.query, "عراق")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert window.search.hits
    qtbot.keyClick(window.search.query, Qt.Key.Key_Escape)
    assert not window.searching.dock.isVisible()
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search.results.setFocus()
    qtbot.keyClick(window.search.results, Qt.Key.Key_Escape)
    assert not window.searching.dock.isVisible()


def test_the_article_has_most_of_the_width_in_project_mode(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    from annotator.io.project import Project

    project = Project.create(tmp_path / "p", "p")
    article = tmp_path / "a.txt"
    article.write_text("متن یک خبر.", encoding="utf-8")
    project.import_sources([str(article)])
    assert window.open(tmp_path / "p")
    qtbot.waitUntil(lambda: window.session is not None and window.session.dock.isVisible())
    window.resize(1280, 800)
    QApplication.processEvents()
    panels = [window.session.dock, window.spans_dock]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: all(window.view.width() > p.width() for p in panels))
    assert window.view.width() > sum(p.width() for p in panels) * 0.8
    assert not window.searching.dock.isVisible()  # nothing searched: no search panel


def test_panels_hide_from_the_view_menu_and_keep_their_sizes(qtbot: Any, window: MainWindow) -> None:
    open_sample(window)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "View" in a.text())
    panels = next(a.menu() for a in view_menu.actions() if a.menu() and a.text() == "Panels")
    toggles = {a.text(): a for a in panels.actions()}
    assert {"Spans", "Search"} <= set(toggles)
    toggles["Spans"].trigger()
    assert not window.spans_dock.isVisible()
    toggles["Spans"].trigger()
    assert window.spans_dock.isVisible()
    window.resizeDocks([window.spans_dock], [520], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(window.spans_dock.width() - 520) < 10)
    window.close()
    again = MainWindow(Settings.load())
    qtbot.addWidget(again)
    again.resize(window.size())  # (the offscreen screen is smaller than a real one)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: abs(again.spans_dock.width() - 520) < 10)
    again.close()


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty"), (b"  \n\n", "empty"), (b"\x00\x01\x02binary\xff\xfe" * 40, "binary"), (None, "missing")],
)
def test_a_file_that_cannot_be_opened_leaves_the_open_article_alone(
    qtbot: Any, window: MainWindow, tmp_path: Path, content: bytes | None, problem: str
) -> None:
    text = open_sample(window)
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    assert not window.open(bad)
    assert "bad.txt" in window.last_message and "\n" not in window.last_message.strip()
    assert window.annotations is not None and window.annotations.text == text  # no empty window
    assert not (tmp_path / "bad.annotations.json").exists()


def test_emoji_are_drawn_visibly(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    """An emoji no font here has (a flag, a skin tone) still shows as something: its glyph
    where an emoji font exists, else a box; never a blank gap."""
    from PySide6.QtGui import QImage

    article = tmp_path / "e.txt"
    article.write_text("سلام 👍🏽 دنیا 🇮🇷 و 😀 تمام", encoding="utf-8")
    assert window.open(article)
    qtbot.waitUntil(lambda: window.view.viewport().isVisible())
    image = window.view.viewport().grab().toImage()
    background = window.view.palette().base().color().rgb()
    text = window.annotations.text  # type: ignore[union-attr]
    for emoji in ("👍", "🏽", "🇮", "😀"):
        rect = window.view._char_rect(text.index(emoji)).toAlignedRect().adjusted(-3, 0, 3, 0)
        pixels = {
            image.pixel(x, y)
            for x in range(max(rect.left(), 0), min(rect.right(), image.width() - 1) + 1)
            for y in range(max(rect.top(), 0), min(rect.bottom(), image.height() - 1) + 1)
        }
        assert pixels - {background}, emoji
    assert isinstance(image, QImage)


def test_the_window_has_the_icon(window: MainWindow) -> None:
    assert not window.windowIcon().isNull()
    assert not window.windowIcon().pixmap(32, 32).toImage().isNull()
