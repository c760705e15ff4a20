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
    alpha = (95 if is_dark(palette) else 70) + 35 * max(0, depth - 1)
    fill.setAlpha(min(alpha, 200))
    return fill


def line_color_for(color: str, palette: QPalette) -> QColor:
    """Brackets and underlines: the label colour, lightened on dark backgrounds."""
    line = QColor(color)
    return line.lighter(150) if is_dark(palette) else line
