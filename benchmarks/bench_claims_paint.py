"""What the marks of the spans linked to the current claim cost a paint of the article.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_claims_paint.py [--repeat N] [--links N]

The sample article with a claim linked to N actors and places (boxes around each and a
line from the claim to each): a full repaint of the article's viewport with the marks,
against the same repaint with no span marked (the baseline), in the same run, several
rounds. Nothing here is a test; results go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--links", type=int, default=3)
    args = parser.parse_args()
    home = tempfile.mkdtemp()
    os.environ["ANNOTATOR_DATA_DIR"] = os.path.join(home, "data")
    os.environ["ANNOTATOR_CONFIG_DIR"] = os.path.join(home, "config")
    from annotator.ui import MainWindow
    from annotator.ui.app import make_app

    app = make_app()
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    window.open_sample()
    aset = window.annotations
    assert aset is not None
    text = aset.text
    start = text.index("این حمله را با یک پهپاد انجام داده است")
    claim = aset.add_span("claim", start, start + len("این حمله را با یک پهپاد انجام داده است")).id
    phrases = ["گروه مقاومت اسلامی عراق", "نظامیان آمریکا", "پایگاه «قسرک»", "این گروه", "سوریه", "غزه"]
    linked = []
    for phrase in phrases[: args.links]:
        at = text.index(phrase)
        label = "location" if phrase in ("پایگاه «قسرک»", "سوریه", "غزه") else "actor"
        span = aset.add_span(label, at, at + len(phrase)).id
        aset.add_relation("located_in" if label == "location" else "claimed_by", claim, span)
        linked.append(span)
    window.reveal_span(claim)
    for _ in range(10):
        app.processEvents()
    viewport = window.view.viewport()

    def paint_ms() -> float:
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            viewport.repaint()
        return (time.perf_counter() - t0) / args.repeat * 1000

    paint_ms()  # warm-up
    bare, marked = [], []
    for _ in range(5):
        window.view.set_linked(set())
        bare.append(paint_ms())
        window.view.set_linked(set(linked))
        marked.append(paint_ms())
    b, m = statistics.median(bare), statistics.median(marked)
    print(f"repaint, no span marked (baseline): {b:.2f} ms")
    print(f"repaint, {len(linked)} linked spans marked and joined: {m:.2f} ms ({m / b:.2f} x the baseline)")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
