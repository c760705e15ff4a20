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
