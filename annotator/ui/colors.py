"""Span colours that stay readable on light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def background_for(color: str, palette: QPalette, depth: int = 1) -> QColor:
    """A translucent fill: the text colour keeps its contrast whatever the theme.

    Deeper nesting gets a slightly stronger fill so an entity inside another shows.
    """
    fill = QColor(color)
    nested = max(0, min(depth, 3) - 1)
    # capped so that the text stays at WCAG AA contrast (4.5) on any label colour, however
    # deep the nesting (tests/gui/test_colors.py)
    alpha = 75 + 20 * nested if is_dark(palette) else 60 + 30 * nested
    fill.setAlpha(alpha)
    return fill


def line_color_for(color: str, palette: QPalette) -> QColor:
    """Brackets and underlines: the label colour, lightened on dark backgrounds."""
    line = QColor(color)
    return line.lighter(150) if is_dark(palette) else line


def link_color(palette: QPalette) -> QColor:
    """The boxes and lines that join a claim to its linked spans: the highlight colour,
    lightened on dark backgrounds (#3d6fb4 on #1e1e1e was 3.2:1, a dotted line lost in it)."""
    color = palette.color(QPalette.ColorRole.Highlight)
    return color.lighter(160) if is_dark(palette) else color


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours (1 to 21)."""

    def luminance(color: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


EDGE_CONTRAST = 3.0  # WCAG's least for what is not text (1.4.11)


def edge_color_for(color: str, palette: QPalette) -> QColor:
    """A label palette button's edge: the label colour, on a dark window mixed with white
    until it stands out from the window at EDGE_CONTRAST (#4363d8, the claims' blue, was
    2.4:1 on #2b2b2b, a navy or purple edge hardly there; lighter() alone cannot lift a
    pure blue past 1.7:1)."""
    edge = QColor(color)
    if not is_dark(palette):
        return edge
    window = palette.color(QPalette.ColorRole.Window)
    base = QColor(edge)
    for step in range(1, 11):
        if contrast(edge, window) >= EDGE_CONTRAST:
            break
        t = step / 10
        edge = QColor.fromRgbF(*(c + (1 - c) * t for c in (base.redF(), base.greenF(), base.blueF())))
    return edge
