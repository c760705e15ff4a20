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
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QPlainTextEdit  # noqa: E402

from annotator.model import AnnotationSet, Document, Span  # noqa: E402
from annotator.persian.segment import word_spans  # noqa: E402
from annotator.ui.app import make_app  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from annotator.ui.theme import font_family  # noqa: E402

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

    window._attach(AnnotationStore(aset, Path(os.devnull + ".json")), Path("bench.txt"))
    window.view.viewport().repaint()
    print(f"whole window (view, span list of {aset.span_count():,} rows) to first paint: "
          f"{(time.perf_counter() - t0) * 1000:.1f} ms")
    window._checkpoint_timer.stop()
    window._checkpoint_timer.setInterval(10**9)  # the benchmark measures edits, not saving

    adds, removes = [], []
    for i in range(50):
        pos = rng.randrange(0, len(aset.text) - 100)
        window.view.ensure_visible(pos)
        app.processEvents()
        t0 = time.perf_counter()
        span = aset.add_span("actor", pos, pos + 12)
        window.view.viewport().repaint()
        adds.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        aset.remove_span(span.id)
        window.view.viewport().repaint()
        removes.append(time.perf_counter() - t0)
    for name, values in (("add", adds), ("remove", removes)):
        values.sort()
        print(f"{name} one span (model, journal off, list, view, repaint): median "
              f"{statistics.median(values) * 1000:.2f} ms, worst {values[-1] * 1000:.2f} ms (target < 16)")
    repaint = []
    for _ in range(20):
        t0 = time.perf_counter()
        window.view.viewport().repaint()
        repaint.append(time.perf_counter() - t0)
    print(f"of which a bare repaint of the view: median {statistics.median(repaint) * 1000:.2f} ms")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
