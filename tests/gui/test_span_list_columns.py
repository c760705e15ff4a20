"""The span list shows each span's whole text when there is room: the Text column takes the
width the label, links and note columns leave, and those fit what the rows in view show."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.ui import MainWindow

from .conftest import double_click_word, saved, wait_saved

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "000_bdf8ef5fdfe34543.txt"


def test_tagged_words_are_shown_whole_in_the_span_list(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    shutil.copy(SAMPLE, article)
    assert window.open(article)
    text = article.read_text(encoding="utf-8")
    view = window.findChild(object, "articleView")
    table = window.findChild(object, "spanTable")
    for word, key in (("اشغالگران", Qt.Key.Key_1), ("سوریه", Qt.Key.Key_2)):
        double_click_word(qtbot, view, text.index(word) + 2)
        qtbot.keyClick(view, key)
    sidecar = tmp_path / "article.annotations.json"
    wait_saved(qtbot, sidecar, lambda data: len(data["spans"]) == 2)
    assert sorted(s["text"] for s in saved(sidecar)["spans"]) == ["اشغالگران", "سوریه"]
    model = table.model()
    header = table.horizontalHeader()

    def whole() -> None:
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                shown = model.data(model.index(row, column))
                needed = table.fontMetrics().horizontalAdvance(shown) if shown else 0
                # the cell's text fits between the cell's margins
                assert header.sectionSize(column) >= needed + 6, (row, column, shown, header.sectionSize(column))

    qtbot.waitUntil(whole, timeout=3000)
    # the label column is as wide as its widest label in view, not the whole list
    label_width = header.sectionSize(0)
    assert label_width <= 2 * table.fontMetrics().horizontalAdvance("Location") + 40
