"""What the article view paints for spans, read back from the view itself.

The spans' colours must start and end on exactly the spans' characters, also after an
emoji (two UTF-16 units in Qt, one code point in our files).  Checked twice: the ranges
the view hands to Qt, and the pixels of the painted frame at the first and last
character of each span and at their neighbours.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextCursor

from annotator.ui import MainWindow
from annotator.ui.colors import background_for, line_color_for

TEXT = "خبر 😀 امروز: نخست‌وزیر عراق در بغداد سخن گفت."


def painted_ranges(view: Any) -> list[tuple[int, int]]:
    """The UTF-16 ranges the view highlights: its own report when it has one (issue 10's
    ArticleView.highlight_ranges()), else the extra selections it gives Qt."""
    if hasattr(view, "highlight_ranges"):
        return sorted((a, b) for a, b in view.highlight_ranges())
    return sorted((s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections())


def cell(view: Any, cp: int) -> tuple[int, int, int, int]:
    """The box (left, top, right, bottom) of the character at code point cp in the viewport,
    from Qt's own layout: between the caret positions before and after it."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(cp))
    a = view.cursorRect(cursor)
    cursor.setPosition(view.to_qt(cp + 1))
    b = view.cursorRect(cursor)
    assert a.top() == b.top(), "the character must not be at a line break"
    left, right = sorted((a.center().x(), b.center().x()))
    return left, a.top(), right, a.bottom()


def fill_share(image: QImage, box: tuple[int, int, int, int], fill: QColor) -> float:
    """Share of the box's pixels (2 px in from its sides) painted in the fill colour."""
    left, top, right, bottom = box
    hits = total = 0
    for x in range(left + 2, right - 1):
        for y in range(top + 2, bottom - 1):
            pixel = image.pixelColor(x, y)
            total += 1
            hits += all(abs(p - q) <= 3 for p, q in zip(pixel.getRgb()[:3], fill.getRgb()[:3], strict=True))
    assert total > 0, f"an empty box {box}"
    return hits / total


def blended(fill: QColor, base: QColor) -> QColor:
    """The colour of a translucent fill painted on the base colour."""
    alpha = fill.alphaF()
    return QColor(
        *(round(f * alpha + b * (1 - alpha)) for f, b in zip(fill.getRgb()[:3], base.getRgb()[:3], strict=True))
    )


def test_highlights_cover_exactly_the_spans_after_an_emoji(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    article = tmp_path / "emoji.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert window.open(article), window.last_message
    aset = window.annotations
    assert aset is not None
    minister = TEXT.index("نخست‌وزیر")
    inner = TEXT.index("بغداد") + 1  # "غدا": letters on both sides, inside the word
    actor = aset.add_span("actor", minister, minister + len("نخست‌وزیر"))
    place = aset.add_span("location", inner, inner + 3)
    view = window.view
    qtbot.waitUntil(lambda: len(painted_ranges(view)) == 2)

    # the ranges handed to Qt are the spans' UTF-16 ranges: the emoji counts 2
    assert view.to_qt(minister) == minister + 1
    assert painted_ranges(view) == [(minister + 1, minister + 1 + 9), (inner + 1, inner + 4)]

    # and that is what is painted: the first and last character of each span in its
    # label's fill, the characters just outside in none
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    image.save(str(tmp_path / "highlights.png"))
    base = view.palette().color(view.viewport().backgroundRole())
    for span in (actor, place):
        color = next(label.color for label in aset.schema.labels if label.id == span.label)
        fill = blended(background_for(color, view.palette()), base)
        for cp in (span.start, span.end - 1):
            share = fill_share(image, cell(view, cp), fill)
            assert share > 0.4, (span.label, cp, TEXT[cp], share)
        for cp in (span.start - 1, span.end):
            if TEXT[cp] != " ":  # a space is a few pixels wide: the span's end bar fills it
                share = fill_share(image, cell(view, cp), fill)
                assert share == 0, (span.label, cp, TEXT[cp], share)


def bar_columns(image: QImage, box: tuple[int, int, int, int], color: QColor) -> int:
    """How many pixel columns of the box, between its side columns (the caret columns it
    shares with its neighbours), are mostly in a span bar's colour: a bar is vertical, a
    claim's underline is not."""
    left, top, right, bottom = box
    rgb = color.getRgb()[:3]
    return sum(
        sum(image.pixelColor(x, y).getRgb()[:3] == rgb for y in range(top, bottom)) > (bottom - top) // 2
        for x in range(left + 1, right)
    )


def test_a_claims_bars_leave_its_neighbours_readable(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    """The trial: the current claim's thick end bar hid the full stop right after it.  A
    bar goes on the span's own side when a visible character is next to it, and outside
    (in the space, or the margin) when none is."""
    text = "گروه گفت که حمله انجام شد. سپس رفت و باز گفت که آمد."
    article = tmp_path / "claim.txt"
    article.write_text(text, encoding="utf-8")
    assert window.open(article), window.last_message
    view = window.view
    claim_end = text.index(".")
    view.select_range(0, claim_end)
    qtbot.keyClick(view, Qt.Key.Key_3)  # the sample schema's claim key
    aset = window.annotations
    assert aset is not None
    [claim] = aset.spans()
    assert (claim.label, claim.start, claim.end) == ("claim", 0, claim_end)
    word = text.index("سپس")
    view.select_range(word, word + 3)
    qtbot.keyClick(view, Qt.Key.Key_1)
    view.set_current_span(claim.id)
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    image.save(str(tmp_path / "bars.png"))
    color = next(label.color for label in aset.schema.labels if label.id == "claim")
    bar = line_color_for(color, view.palette())
    # the full stop after the claim: none of the (4 px, current) end bar over it
    assert bar_columns(image, cell(view, claim_end), bar) == 0
    # the first and last letters of the claim keep their bar on their outer side, where
    # there is only the margin: on the letter, nothing of it
    assert bar_columns(image, cell(view, 0), bar) == 0
    actor = next(label.color for label in aset.schema.labels if label.id == "actor")
    actor_bar = line_color_for(actor, view.palette())
    # a span between spaces: its bars stand in the spaces, not on its letters
    assert bar_columns(image, cell(view, word), actor_bar) == 0
    assert bar_columns(image, cell(view, word + 2), actor_bar) == 0


def glyph_box(view: Any, cp: int) -> tuple[float, float]:
    """Left and right of the glyphs of the character at cp, in viewport x, from the line's
    glyph runs (the cursor's x is ambiguous where a Latin word starts in a Persian line)."""
    block = view.document().findBlock(view.to_qt(cp))
    layout = block.layout()
    at = view.to_qt(cp) - block.position()
    runs = layout.lineForTextPosition(at).glyphRuns(at, 1)
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft() + layout.position()
    return (
        origin.x() + min(r.boundingRect().left() for r in runs),
        origin.x() + max(r.boundingRect().right() for r in runs),
    )


def test_the_bars_of_a_latin_word_in_a_persian_line_stand_at_its_own_ends(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    """The trial: on "Comissaria" in a Persian sentence the start bar stood at the word's
    right end (Qt's cursor before "C" is on the Persian side) and the end bar over its last
    letter. A Latin word reads left to right: its bars stand left of its first letter and
    right of its last, current or not."""
    text = "به گزارش خبرگزاری Comissaria در تهران نشست NATO برگزار شد."
    article = tmp_path / "latin.txt"
    article.write_text(text, encoding="utf-8")
    assert window.open(article), window.last_message
    view = window.view
    aset = window.annotations
    assert aset is not None
    actor = next(label for label in aset.schema.labels if label.id == "actor")
    bar = line_color_for(actor.color, view.palette()).getRgb()[:3]
    for word in ("Comissaria", "NATO"):
        start = text.index(word)
        view.select_range(start, start + len(word))
        qtbot.keyClick(view, Qt.Key.Key_1)
        span = next(s for s in aset.spans() if s.text == word)
        for current in (False, True):
            view.set_current_span(span.id if current else "")
            view.viewport().repaint()
            image = view.viewport().grab().toImage()
            first_left, _ = glyph_box(view, start)
            _, last_right = glyph_box(view, start + len(word) - 1)
            cursor = QTextCursor(view.document())
            cursor.setPosition(view.to_qt(start))
            line = view.cursorRect(cursor)
            middle = line.center().y()
            columns = [x for x in range(image.width()) if image.pixelColor(x, middle).getRgb()[:3] == bar]
            assert columns, (word, current)
            # one bar within 3 px of each end of the word, none in between
            assert any(abs(x - first_left) <= 3 for x in columns), (word, current, first_left, columns)
            assert any(abs(x - last_right) <= 3 for x in columns), (word, current, last_right, columns)
            assert not [x for x in columns if first_left + 3 < x < last_right - 3], (word, current, columns)
