"""Span fills keep the article's text readable on light and dark palettes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette

from annotator.model import default_schema
from annotator.ui.colors import background_for


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def _over(fill: QColor, base: QColor) -> QColor:
    a = fill.alphaF()
    return QColor.fromRgbF(*(a * f + (1 - a) * b for f, b in zip(fill.getRgbF()[:3], base.getRgbF()[:3], strict=True)))


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize(("base", "text"), [("#ffffff", "#000000"), ("#1e1e1e", "#e6e6e6")], ids=["light", "dark"])
@pytest.mark.parametrize("depth", [1, 2, 3, 5])
def test_text_on_every_label_fill_stays_readable(qapp: Any, base: str, text: str, depth: int) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    for label in default_schema().labels:
        shown = _over(background_for(label.color, palette, depth), QColor(base))
        # WCAG AA for body text is 4.5
        assert _contrast(shown, QColor(text)) >= 4.5, (label.id, depth)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_hints_links_and_disabled_text_are_readable_in_either_theme(qapp: Any, theme: str) -> None:
    """The trial: in the dark theme, the placeholders (Filter by title…) and the lines that
    join a claim to its linked spans were grey-blue on near-black, hard to see."""
    from PySide6.QtWidgets import QApplication

    from annotator.ui.colors import link_color
    from annotator.ui.theme import apply_theme

    before = QApplication.palette()
    try:
        apply_theme(theme)
        palette = QApplication.palette()
        base = palette.color(QPalette.ColorRole.Base)
        # WCAG: 4.5 for text, 3 for lines and text that is not needed (hints, disabled)
        assert _contrast(palette.color(QPalette.ColorRole.Text), base) >= 4.5
        assert _contrast(palette.color(QPalette.ColorRole.Link), base) >= 4.5
        assert _contrast(palette.color(QPalette.ColorRole.PlaceholderText), base) >= 3
        # disabled text: dimmer than text, so it reads as disabled (WCAG exempts it; in the
        # dark theme it must still be seen)
        disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        assert _contrast(disabled, base) < _contrast(palette.color(QPalette.ColorRole.Text), base) - 2
        if theme == "dark":
            assert _contrast(disabled, base) >= 3
        assert _contrast(link_color(palette), base) >= 3
    finally:
        QApplication.setPalette(before)
