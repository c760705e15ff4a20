"""An article with 20,000 spans opened in the window, in this process and in a fresh one.

The fresh process is the one that used to abort on Python 3.11 with PySide6 6.12
("Fatal Python error: none_dealloc: deallocating None"): every Qt call that returns
nothing took a reference from None (annotator/ui/none_guard.py). It runs in a child so
that the abort, if it comes back, fails this test instead of killing the test run.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.io import jsonformat
from annotator.model import AnnotationSet, Document, Span
from annotator.ui import MainWindow

SPANS = 20_000
SENTENCE = "نخست‌وزیر عراق در بغداد گفت که دولت با آمریکا گفت‌وگو می‌کند.\n"


def write_article(folder: Path, spans: int = SPANS, paragraphs: bool = True) -> Path:
    """ARTICLE.txt and its annotation file with `spans` spans (every word of the text), a
    paragraph a sentence or all of it one paragraph."""
    words: list[tuple[int, int]] = []
    text = ""
    sentence = SENTENCE if paragraphs else SENTENCE.replace("\n", " ")
    while len(words) < spans:
        base = len(text)
        text += sentence
        pos = 0
        for word in SENTENCE.split():
            start = SENTENCE.index(word, pos)
            pos = start + len(word)
            words.append((base + start, base + pos))
    document = Document("many", text, "many")
    aset = AnnotationSet(document)
    labels = ("actor", "location", "claim")
    aset.load(Span(f"s{i + 1}", labels[i % 3], a, b, text[a:b]) for i, (a, b) in enumerate(words[:spans]))
    article = folder / "many.txt"
    article.write_text(text, encoding="utf-8")
    jsonformat.save(aset, folder / "many.annotations.json")
    return article


def test_window_opens_and_shows_20000_spans(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    article = write_article(tmp_path)
    assert window.open(article), window.last_message
    table = window.table
    assert table.span_model.rowCount() == SPANS
    # paint the article and the list, then walk the list to its end as a reader would
    window.view.viewport().repaint()
    table.viewport().repaint()
    table.setFocus()
    table.selectRow(0)
    for _ in range(40):
        qtbot.keyClick(table, Qt.Key.Key_PageDown)
        table.viewport().repaint()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    table.viewport().repaint()
    last = table.span_model.span_at(table.currentIndex().row())
    assert last is not None and last.id == f"s{SPANS}"
    assert window.view.current_span() == last.id  # the article follows the list
    label = table.span_model.index(table.currentIndex().row(), 0).data(Qt.ItemDataRole.DisplayRole)
    assert label == "Location"  # s20000 is labels[19999 % 3]


def test_one_long_paragraph_draws_only_the_spans_on_screen(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    article = write_article(tmp_path, paragraphs=False)
    assert window.open(article), window.last_message
    view = window.view
    assert view.document().blockCount() == 1
    middle = len(article.read_text(encoding="utf-8")) // 2
    view.ensure_visible(middle)
    view.viewport().repaint()
    start, end = view.visible_range()
    assert start <= middle < end
    assert end - start < 10_000  # a screenful, not the whole 140,000-character paragraph
    aset = window.annotations
    assert aset is not None
    shown = list(aset.spans_in(start, end))
    assert 0 < len(shown) < 1_000
    # each visible word is a span: one highlight each, all of them inside the visible lines
    ranges = sorted((s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections())
    assert len(ranges) >= len(shown) - 2
    assert view.to_qt(start) <= ranges[0][0] and ranges[-1][1] <= view.to_qt(end)


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import Qt
    from annotator.ui import MainWindow
    from annotator.ui.app import make_app

    app = make_app()
    window = MainWindow()
    window.resize(1100, 760)
    window.show()
    assert window.open(Path(sys.argv[1])), window.last_message
    app.processEvents()
    table = window.table
    for row in range(0, table.span_model.rowCount(), 250):  # the whole list, page by page
        table.scrollTo(table.span_model.index(row, 0))
        table.viewport().repaint()
        window.view.ensure_visible(table.span_model.span_at(row).start)
        window.view.viewport().repaint()
    for _ in range(200_000):  # a day of repaints' worth of calls that return nothing
        window.view.viewport().update()
    app.processEvents()
    print("rows", table.span_model.rowCount())
    window.close()
    """
)


def test_a_fresh_process_survives_20000_spans_and_many_qt_calls(tmp_path: Path) -> None:
    article = write_article(tmp_path)
    result = subprocess.run(
        [sys.executable, "-P", "-c", CHILD, str(article)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"rows {SPANS}" in result.stdout
