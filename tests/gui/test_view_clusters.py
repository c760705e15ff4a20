"""The article view and user-perceived characters (grapheme clusters): a character no
installed font has is boxed once, whatever number of code points it is made of, and a
mouse selection never ends inside one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from annotator.ui import MainWindow
from annotator.ui.article_view import has_glyph

from .conftest import char_point, wait_saved

SKIN = "👍🏽"
FAMILY = "👨\u200d👩\u200d👧"
FLAG = "🇮🇷"
SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
TEXT = f"وزیر گفت: {SKIN} خانواده {FAMILY} و پرچم {FLAG} و {SCOTLAND} نخست‌وزیرِ{SKIN}گفت.\n"


def open_text(qtbot: Any, window: MainWindow, tmp_path: Path, text: str = TEXT) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    assert window.open(article), window.last_message
    qtbot.waitUntil(lambda: window.view.isVisible())
    return tmp_path / "a.annotations.json"


def cluster_rect(view: Any, start: int, end: int) -> QRectF:
    """Where Qt's layout drew the glyphs of text[start:end] (one line), viewport coordinates."""
    qt = view.to_qt(start)
    block = view.document().findBlock(qt)
    layout = block.layout()
    line = layout.lineForTextPosition(qt - block.position())
    runs = line.glyphRuns(qt - block.position(), view.to_qt(end) - qt)
    left = min(run.boundingRect().left() for run in runs)
    right = max(run.boundingRect().right() for run in runs)
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft() + layout.position()
    return QRectF(origin.x() + left, origin.y() + line.y(), right - left, line.height())


class _Recording(QPainter):
    """QPainter that notes every rectangle drawn (the view draws its missing-glyph boxes
    with drawRect and nothing else with it)."""

    drawn: list[QRectF] = []  # noqa: RUF012

    def drawRect(self, rect: Any) -> None:
        _Recording.drawn.append(QRectF(rect))
        super().drawRect(rect)


@pytest.mark.parametrize("kind", ["skin", "family", "flag", "glued"])
def test_a_character_without_a_glyph_is_boxed_once(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    cluster = {"skin": SKIN, "family": FAMILY, "flag": FLAG, "glued": SKIN}[kind]
    if has_glyph(cluster[0]):
        pytest.skip("an installed font draws this emoji: nothing is boxed")
    open_text(qtbot, window, tmp_path)
    view = window.view
    start = TEXT.index(cluster) if kind != "glued" else TEXT.index("وزیرِ") + 5
    glyphs = cluster_rect(view, start, start + len(cluster))
    assert glyphs.width() > 4
    _Recording.drawn = []
    monkeypatch.setattr("annotator.ui.article_view.QPainter", _Recording)
    view.viewport().repaint()
    near = [r for r in _Recording.drawn if r.right() > glyphs.left() - 8 and r.left() < glyphs.right() + 8]
    # before: one box a code point (two for 👍🏽 and the flag, three for the family), the
    # flag's second one on the space after it
    assert len(near) == 1, near
    assert near[0].left() <= glyphs.left() + 3 and near[0].right() >= glyphs.right() - 3


def drag(qtbot: Any, view: Any, start: int, end: int) -> None:
    view.ensure_visible(start)
    begin, finish = char_point(view, start), char_point(view, end)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=begin)
    qtbot.mouseMove(view.viewport(), pos=finish)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=finish)


@pytest.mark.parametrize("snap", [True, False])
def test_a_mouse_selection_ending_on_a_flag_takes_it_whole(
    qtbot: Any, window: MainWindow, tmp_path: Path, snap: bool
) -> None:
    # the tag characters that make 🏴 Scotland's flag are format characters (Cf), which
    # trimming used to drop from a selection's end: the span covered the black flag alone
    saved = open_text(qtbot, window, tmp_path)
    if not snap:
        window.act_snap.trigger()
    assert window.settings.snap_to_words is snap
    view = window.view
    start = TEXT.index(SCOTLAND)
    end = start + len(SCOTLAND)
    drag(qtbot, view, start - 1, end)  # from the middle of the space before to the one after
    selected = view.selection_range()
    assert selected is not None and selected[0] in (start - 1, start) and selected[1] in (end, end + 1)
    qtbot.keyClick(view, Qt.Key.Key_1)
    data = wait_saved(qtbot, saved, lambda d: len(d["spans"]) == 1)
    assert [(s["start"], s["end"], s["text"]) for s in data["spans"]] == [(start, end, SCOTLAND)]


def test_a_mouse_press_in_the_middle_of_an_emoji_starts_at_its_edge(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    # Qt's hit test (QTextLine::xToCursor) only returns grapheme boundaries: a press on
    # the middle of 👍🏽 starts the selection before or after it, never between thumb and
    # tone; snapping off, the span starts there too (a guard on what Qt does for us)
    saved = open_text(qtbot, window, tmp_path)
    window.act_snap.trigger()
    view = window.view
    start = TEXT.index(SKIN)
    glyphs = cluster_rect(view, start, start + len(SKIN))
    middle = glyphs.center().toPoint()
    word = TEXT.index("خانواده")
    finish = char_point(view, word + 3)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(view.viewport(), pos=finish)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=finish)
    qtbot.keyClick(view, Qt.Key.Key_1)
    data = wait_saved(qtbot, saved, lambda d: len(d["spans"]) == 1)
    (span,) = data["spans"]
    assert span["start"] in (start, start + len(SKIN) + 1)  # the emoji whole, or not at all


@pytest.mark.parametrize("cluster", [FLAG, SKIN, FAMILY])
def test_a_span_over_an_emoji_has_its_bars_at_both_edges(
    qtbot: Any, window: MainWindow, tmp_path: Path, cluster: str
) -> None:
    # a flag runs left to right in a Persian line, and the caret edges of its second
    # half were those of the space after it: both bars of a span over it stood at one side
    open_text(qtbot, window, tmp_path)
    view = window.view
    start = TEXT.index(cluster)
    end = start + len(cluster)
    view.select_range(start, end)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert window.annotations is not None and len(window.annotations.spans()) == 1
    glyphs = cluster_rect(view, start, end)
    bars = sorted(view._edge_rect(b, inside).center().x() for b, inside in ((start, start), (end, end - 1)))
    assert abs(bars[0] - glyphs.left()) <= 3 and abs(bars[1] - glyphs.right()) <= 3, (bars, glyphs)
