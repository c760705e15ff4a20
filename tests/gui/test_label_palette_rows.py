"""The label palette wraps onto more rows (trial defect: 20 labels in one row made the
window's minimum width 1450-1491 px, wider than a 1366 px screen; forced narrower, the
buttons were squeezed to "ctor (1"). Each button, on every row, keeps its label's colour
on its left and right edges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from annotator.io.project import Project
from annotator.ui import MainWindow

IMPORTED = ["PERSON", "ORG", "LOC", "GPE", "DAT", "TIM", "MON", "PCT", "MISC", "EVENT",
            "org", "event", "fac", "loc", "per", "pro", "NORP"]  # fmt: skip


def twenty_labels(tmp_path: Path) -> Path:
    source = tmp_path / "corpus.conll"
    source.write_text("\n\n".join(f"واژه{i} B-{lb}\nو O" for i, lb in enumerate(IMPORTED)) + "\n", encoding="utf-8")
    root = tmp_path / "project"
    project = Project.create(root, "twenty")
    assert not project.import_sources([source], fmt="conll").problems
    assert len(Project.open(root).schema.labels) == 20
    return root


def buttons(window: MainWindow) -> list[QPushButton]:
    return window.label_palette.findChildren(QPushButton)


def edges_in_colour(window: MainWindow) -> None:
    """Each button's left and right edge, as painted, in its label's colour."""
    assert window.annotations is not None or window.session is not None
    schema = window.annotations.schema if window.annotations else window.session.project.schema  # type: ignore[union-attr]
    image = window.grab().toImage()
    for button in buttons(window):
        color = QColor(schema.label(button.objectName().removeprefix("label-")).color)  # type: ignore[union-attr]
        middle = button.height() // 2
        for x in (2, button.width() - 3):
            at = button.mapTo(window, QPoint(x, middle))
            assert image.pixelColor(at).name() == color.name(), (button.text(), x)


def laid_out(window: MainWindow) -> None:
    """Every button whole (at least its own width: its text readable), inside the palette,
    none over another."""
    shown = buttons(window)
    assert len(shown) == 20
    palette = window.label_palette.rect()
    for i, button in enumerate(shown):
        assert button.isVisible() and button.width() >= button.sizeHint().width(), button.text()
        assert palette.contains(button.geometry()), button.text()
        assert not any(button.geometry().intersects(other.geometry()) for other in shown[i + 1 :])


@pytest.mark.parametrize("language", ["fa", "en"])
def test_twenty_labels_fit_a_1366_px_screen(qtbot: Any, window: MainWindow, tmp_path: Path, language: str) -> None:
    window.set_language(language, save=False)
    assert window.open(twenty_labels(tmp_path)), window.last_message
    qtbot.wait(20)
    assert window.minimumSizeHint().width() <= 1000
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: window.width() == 1366)
    qtbot.wait(20)
    rows = lambda: len({b.y() for b in buttons(window)})  # noqa: E731
    assert rows() == 2
    qtbot.waitUntil(lambda: laid_out(window))
    edges_in_colour(window)
    view_top = window.view.mapTo(window, QPoint(0, 0)).y()
    window.resize(700, 740)
    qtbot.waitUntil(lambda: rows() == 3)  # one more row, and the article below it
    qtbot.waitUntil(lambda: laid_out(window))  # the tool bar grows at the next turn of the loop
    assert window.width() == 700
    qtbot.waitUntil(lambda: window.view.mapTo(window, QPoint(0, 0)).y() > view_top)
    edges_in_colour(window)
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: rows() == 2)
    qtbot.waitUntil(lambda: window.view.mapTo(window, QPoint(0, 0)).y() == view_top)  # no gap left


@pytest.mark.parametrize("language", ["fa", "en"])
def test_three_labels_stay_one_row_in_colour(qtbot: Any, window: MainWindow, language: str) -> None:
    window.set_language(language, save=False)
    assert window.open_sample(), window.last_message
    qtbot.wait(20)
    shown = buttons(window)
    assert [b.objectName() for b in shown] == ["label-actor", "label-location", "label-claim"]
    assert len({b.y() for b in shown}) == 1
    # in reading order: from the right in Persian, from the left in English
    xs = [b.x() for b in shown]
    assert xs == (sorted(xs, reverse=True) if language == "fa" else sorted(xs))
    edges_in_colour(window)
