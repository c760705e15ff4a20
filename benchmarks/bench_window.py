"""Opening a 1,000,000-character article with 20,000 spans, and editing it.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py [--chars N] [--spans N]

Baseline, measured in the same run: the same text in a bare QPlainTextEdit with the same
font and size, no spans, until its first paint. Targets (docs/performance.md): opening at
most 1.5 times the baseline; adding or removing one span under 16 ms (one frame).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPlainTextEdit

from annotator.model import AnnotationSet, Document, Span
from annotator.persian.segment import word_spans
from annotator.ui.app import make_app
from annotator.ui.main_window import MainWindow
from annotator.ui.theme import font_family

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bdf8ef5fdfe34543.txt"
SIZE = (1100, 760)


def make_article(chars: int, spans: int, rng: random.Random) -> AnnotationSet:
    seed = SEED.read_text(encoding="utf-8")
    text = (seed * (chars // len(seed) + 1))[:chars]
    words = [w for w in word_spans(seed) if w[1] - w[0] > 2]
    aset = AnnotationSet(Document("bench", text, "bench"))
    built: list[Span] = []
    step = chars // spans
    labels = ("actor", "location", "claim")
    for i in range(spans):
        base = (i * step) // len(seed) * len(seed)
        ws, we = words[rng.randrange(len(words))]
        start, end = base + ws, base + we
        if end > chars:
            continue
        if i % 10 == 0 and built:  # a tenth nested: an actor around the previous span
            outer = built[-1]
            start, end = max(0, outer.start - 5), min(chars, outer.end + 5)
        built.append(Span(f"s{i + 1}", labels[i % 3], start, end, text[start:end]))
    aset.load(built)
    return aset


def time_first_paint_bare(text: str) -> float:
    t0 = time.perf_counter()
    editor = QPlainTextEdit()
    editor.setFont(QFont(font_family(), 14))
    editor.setReadOnly(True)
    editor.resize(*SIZE)
    editor.setPlainText(text)
    editor.show()
    editor.viewport().repaint()
    elapsed = time.perf_counter() - t0
    editor.close()
    editor.deleteLater()
    return elapsed


def time_first_paint_view(aset: AnnotationSet) -> tuple[float, MainWindow]:
    from annotator.ui.article_view import ArticleView

    t0 = time.perf_counter()
    view = ArticleView()
    view.set_font_size(14, font_family())
    view.resize(*SIZE)
    view.set_annotations(aset)
    view.show()
    view.viewport().repaint()
    elapsed = time.perf_counter() - t0
    view.set_annotations(None)
    view.close()
    view.deleteLater()
    return elapsed, None  # type: ignore[return-value]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--spans", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = make_app()
    rng = random.Random(7)
    aset = make_article(args.chars, args.spans, rng)
    print(f"article: {len(aset.text):,} characters, {aset.span_count():,} spans")
    bare, ours = [], []
    for _ in range(args.repeat):  # interleaved, so machine noise hits both alike
        bare.append(time_first_paint_bare(aset.text))
        app.processEvents()
        ours.append(time_first_paint_view(aset)[0])
        app.processEvents()
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"baseline (bare QPlainTextEdit, no spans) to first paint: {b * 1000:7.1f} ms")
    print(f"article view with spans to first paint:                 {o * 1000:7.1f} ms")
    print(f"ratio: {o / b:.2f} (target <= 1.5)")

    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    t0 = time.perf_counter()
    from annotator.io.store import AnnotationStore

    folder = Path(tempfile.mkdtemp())
    store = AnnotationStore(aset, folder / "bench.annotations.json")
    t1 = time.perf_counter()
    first = aset.add_span("actor", 0, 5)  # the first edit of a new article writes the whole file
    saving = time.perf_counter() - t1
    aset.remove_span(first.id)
    window._attach(store, folder / "bench.txt")
    window.view.viewport().repaint()
    print(
        f"whole window (view, span list of {aset.span_count():,} rows) to first paint: "
        f"{(time.perf_counter() - t0 - saving) * 1000:.1f} ms"
    )
    print(
        f"writing the whole annotation file ({store.path.stat().st_size / 1e6:.1f} MB, done on the first "
        f"edit of a new article and at checkpoints): {saving * 1000:.1f} ms"
    )
    window._checkpoint_timer.stop()
    window._checkpoint_timer.setInterval(10**9)  # the benchmark measures edits, not saving

    # an edit: the model, the journal line (fsync), the span list; then the frame that shows
    # it (the view's highlights are rebuilt in that paint). A bare repaint is the baseline.
    edits: dict[str, list[float]] = {"add": [], "remove": []}
    frames: dict[str, list[float]] = {"add": [], "remove": []}
    bare_frames: list[float] = []
    for _ in range(50):
        pos = rng.randrange(0, len(aset.text) - 100)
        window.view.ensure_visible(pos)
        app.processEvents()
        t0 = time.perf_counter()
        window.view.viewport().repaint()
        bare_frames.append(time.perf_counter() - t0)
        for name in ("add", "remove"):
            t0 = time.perf_counter()
            if name == "add":
                span = aset.add_span("actor", pos, pos + 12)
            else:
                aset.remove_span(span.id)
            t1 = time.perf_counter()
            window.view.viewport().repaint()
            t2 = time.perf_counter()
            edits[name].append(t1 - t0)
            frames[name].append(t2 - t1)

    def ms(values: list[float]) -> str:
        return f"median {statistics.median(values) * 1000:6.2f} ms, worst {max(values) * 1000:6.2f} ms"

    for name in ("add", "remove"):
        print(f"{name} one span (model, journal fsync, span list): {ms(edits[name])} (target < 16)")
        print(f"  then the frame showing it:                 {ms(frames[name])}")
    print(f"a frame with no edit (bare repaint, baseline):  {ms(bare_frames)}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
