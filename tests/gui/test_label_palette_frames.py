"""The label palette as it is painted: a row the buttons wrap onto at a narrower width is
whole in the frame that shows the new width (it was cut off under the panels until the
next turn of the event loop), and in the dark theme each button's edges stand out in its
label's colour (the claims' blue, a navy or a purple were hardly there)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMenu

from annotator.ui import MainWindow
from annotator.ui.colors import contrast
from annotator.ui.theme import install_language

from .test_label_palette_rows import buttons, edges_in_colour, laid_out, twenty_labels


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """The interface's translators are the application's: a test that switched to Persian
    puts English back, for the tests after it that make no window."""
    yield
    install_language("en")


def test_a_new_row_is_whole_in_the_first_frame_at_the_new_width(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    window.set_language("fa", save=False)
    assert window.open(twenty_labels(tmp_path)), window.last_message
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: len({b.y() for b in buttons(window)}) == 2)
    qtbot.waitUntil(lambda: laid_out(window))
    window.resize(700, 740)
    # no turn of the event loop: what a frame painted now shows
    assert len({b.y() for b in buttons(window)}) == 3
    laid_out(window)
    bar = window.palette_bar
    assert all(bar.rect().contains(b.mapTo(bar, b.rect().bottomRight())) for b in buttons(window))
    edges_in_colour(window)  # every button painted, its edges in its colour, none under a panel


def choose_from_menus(qtbot: Any, window: MainWindow, titles: list[str]) -> None:
    """Click a menu bar title, then each entry of the path (a submenu opens on a click)."""
    bar = window.menuBar()
    first = next(a for a in bar.actions() if a.text() == titles[0])
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(first).center())
    for title in titles[1:]:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text() == title)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        submenu = action.menu()
        if submenu is not None:
            qtbot.waitUntil(submenu.isVisible)


def test_the_dark_themes_buttons_have_edges_that_stand_out(qtbot: Any, window: MainWindow) -> None:
    before = QApplication.palette()
    try:
        window.set_language("fa", save=False)
        assert window.open_sample(), window.last_message
        window.build_rest()
        choose_from_menus(qtbot, window, ["&نما", "پوسته", "تیره"])
        assert window.settings.theme == "dark"
        qtbot.wait(50)
        image = window.grab().toImage()
        window_colour = QApplication.palette().color(QApplication.palette().ColorRole.Window)
        for button in buttons(window):
            middle = button.height() // 2
            around = image.pixelColor(button.mapTo(window, QPoint(-2, middle)))
            assert contrast(around, window_colour) < 1.2  # beside the button: the tool bar's grey
            for x in (2, button.width() - 3):
                edge = image.pixelColor(button.mapTo(window, QPoint(x, middle)))
                assert contrast(edge, around) >= 3, (button.text(), x, edge.name(), around.name())
            color = QColor(window.annotations.schema.label(button.objectName()[6:]).color)  # type: ignore[union-attr]
            assert abs(edge.hue() - color.hue()) <= 3, button.text()  # its label's colour, lightened
    finally:
        QApplication.setPalette(before)
