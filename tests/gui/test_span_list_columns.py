"""The span list shows each span's whole text when there is room: the Text column takes the
width the label, links and note columns leave, and those fit what the rows in view show."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView

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


def test_a_claims_links_leave_the_text_and_note_in_view(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    """The trial: after linking a claim's claimant, addressee and location, the Links
    column took the list's width, the Text column showed two letters and the Note
    column went out of view behind a scroll bar."""
    article = tmp_path / "article.txt"
    shutil.copy(SAMPLE, article)
    assert window.open(article)
    aset = window.annotations
    assert aset is not None
    text = aset.text
    sentence = text.index("این گروه با انتشار")
    claim = aset.add_span("claim", sentence, text.index(".", sentence))
    for phrase, label, relation in (
        ("گروه مقاومت اسلامی عراق", "actor", "claimed_by"),
        ("اشغالگران آمریکایی", "actor", "addressed_to"),
        ("استان الحسکه", "location", "located_in"),
    ):
        at = text.index(phrase)
        linked = aset.add_span(label, at, at + len(phrase))
        aset.add_relation(relation, claim.id, linked.id)
    aset.set_note(claim.id, "بیانیه")
    table = window.findChild(object, "spanTable")
    header = table.horizontalHeader()
    columns = ["label", "text", "links", "note"]

    def laid_out() -> None:
        width = table.viewport().width()
        sizes = [header.sectionSize(c) for c in range(4)]
        assert sum(sizes) <= width + 1, (sizes, width)  # no horizontal scrolling: the note is in view
        assert sizes[columns.index("text")] >= 0.35 * width, (sizes, width)
        assert sizes[columns.index("note")] >= table.fontMetrics().horizontalAdvance("Note"), sizes
        # (its scroll bar may still show, empty, for the turn before the list lays out again)
        assert not table.horizontalScrollBar().isVisible()

    qtbot.waitUntil(laid_out, timeout=3000)


class _Paints(QObject):
    def __init__(self, widget: QObject) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.Paint
        return False


def test_the_first_frame_shows_no_horizontal_scroll_bar_under_the_list(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    # the columns were fitted to the list only after its first frame: at Qt's default
    # widths they were wider than it, and that frame showed an empty scroll bar under it.
    # The list is made right after the article's first frame (MainWindow._build_panels)
    article = tmp_path / "article.txt"
    shutil.copy(SAMPLE, article)
    made: list[_Paints] = []
    original = MainWindow._build_panels

    def build_panels(window: MainWindow) -> None:
        original(window)
        made.append(_Paints(window.table.horizontalScrollBar()))

    monkeypatch.setattr(MainWindow, "_build_panels", build_panels)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    assert window.open(article)
    qtbot.wait(100)
    table = window.findChild(QTableView, "spanTable")
    assert len(made) == 1 and made[0].count == 0 and not table.horizontalScrollBar().isVisible()
    window._checkpoint_timer.stop()
    window.close()


def test_the_column_titles_follow_the_interface_language(window: MainWindow, tmp_path: Path) -> None:
    """The titles are kept once made (asked a hundred times as the list is shown) and
    made again in the language installed when the interface's language changes."""
    article = tmp_path / "article.txt"
    shutil.copy(SAMPLE, article)
    assert window.open(article)
    table = window.findChild(QTableView, "spanTable")
    model = table.model()

    def titles() -> list[str]:
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]

    assert titles() == ["Label", "Text", "Links", "Note"]
    window.set_language("fa", save=False)
    assert titles() == ["برچسب", "متن", "پیوندها", "یادداشت"]
    assert table.horizontalHeader().sectionSizeFromContents(0).width() > 0
    window.set_language("en", save=False)
    assert titles() == ["Label", "Text", "Links", "Note"]
