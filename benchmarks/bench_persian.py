"""The Persian text layer on large inputs (annotator.persian), pure Python, no Qt.

    python benchmarks/bench_persian.py [--chars N] [--project-chars N] [--repeat N]

Each figure comes with a baseline measured in the same run on the same text, and the
ratio between them:

* Utf16Map: build + 1000 conversions on a 1,000,000-char text (with and without astral
  characters); baseline: one ``text.encode("utf-16-le")``.
* snap_to_words: one call in the middle of a 1,000,000-char text; baseline: the same call
  on a 2,000-char text (the ratio shows the cost does not grow with text length).
* normalize: hazm's Normalizer plus the offset map on a ~100 KB article; baseline: hazm's
  ``normalize()`` alone.
* folding 15,000,000 chars (SearchIndex.prepare); baseline: ``str.lower()`` on the text.
* a search over those 15 M chars with the folded index; baseline: plain ``str.find``
  over the unfolded texts for the same query.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from annotator.persian.match import SearchIndex, fold
from annotator.persian.normalize import _normalizer, normalize
from annotator.persian.offsets import Utf16Map
from annotator.persian.segment import snap_to_words

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "000_bdf8ef5fdfe34543.txt"


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def text_of(chars: int, seed: str) -> str:
    return (seed * (chars // len(seed) + 1))[:chars]


def row(name: str, value: float, baseline: float, base_name: str) -> None:
    ratio = value / baseline if baseline else float("inf")
    print(f"{name:<46} {value * 1000:9.2f} ms | {base_name:<34} {baseline * 1000:9.2f} ms | x{ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--project-chars", type=int, default=15_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seed = SAMPLE.read_text(encoding="utf-8")
    rnd = random.Random(7)
    plain = text_of(args.chars, seed + "\n")
    # An emoji every ~500 chars: the slow path of Utf16Map.
    astral = "".join(c + ("😀" if rnd.random() < 0.002 else "") for c in plain)[: args.chars]

    print(f"text: {len(plain):,} chars; project: {args.project_chars:,} chars\n")
    for label, text in (("no astral", plain), ("astral every ~500", astral)):
        positions = [rnd.randrange(len(text) + 1) for _ in range(1000)]

        def convert(text: str = text, positions: list[int] = positions) -> None:
            m = Utf16Map(text)
            for p in positions:
                m.to_codepoint(m.to_utf16(p))

        def encode(text: str = text) -> None:
            text.encode("utf-16-le")

        row(
            f"Utf16Map build+1000 round trips ({label})",
            best_of(args.repeat, convert),
            best_of(args.repeat, encode),
            "text.encode('utf-16-le')",
        )

    small = seed[:2000]
    mid, small_mid = len(plain) // 2, len(small) // 2
    snap_to_words(small, 10, 12)  # import hazm and build its tokenizer outside the timing
    row(
        "snap_to_words, 1M-char text",
        best_of(args.repeat * 10, lambda: snap_to_words(plain, mid, mid + 3)),
        best_of(args.repeat * 10, lambda: snap_to_words(small, small_mid, small_mid + 3)),
        "snap_to_words, 2,000-char text",
    )

    article = text_of(100_000, seed + "\n")
    hazm = _normalizer(())
    normalize(article[:100])
    row(
        "normalize + offset map, 100 KB",
        best_of(args.repeat, lambda: normalize(article)),
        best_of(args.repeat, lambda: hazm.normalize(article)),
        "hazm normalize() alone",
    )

    # A project: 15 M chars in ~5,000-char documents, some with Arabic letters/diacritics.
    docs = []
    total = 0
    while total < args.project_chars:
        start = rnd.randrange(len(seed) - 1000)
        doc = (seed[start:] + "\n" + seed)[:5000]
        if rnd.random() < 0.3:
            doc = doc.replace("ی", "ي").replace("ر", "رَ")
        docs.append(doc)
        total += len(doc)

    def build() -> SearchIndex:
        index = SearchIndex()
        for d in docs:
            index.add(d)
        index.prepare()
        return index

    index = build()
    row(
        f"fold {total / 1e6:.1f} M chars (SearchIndex.prepare)",
        best_of(args.repeat, build),
        best_of(args.repeat, lambda: [d.lower() for d in docs]),
        "str.lower() on every document",
    )

    for query in ("پایگاه «عین الاسد»", "مقاومت عراق", "نخست‌وزیر"):
        hits = index.find_all(query)
        raw = query

        def plain_find(raw: str = raw) -> int:
            n = 0
            for d in docs:
                i = d.find(raw)
                while i >= 0:
                    n += 1
                    i = d.find(raw, i + len(raw))
            return n

        def search(query: str = query) -> None:
            index.find_all(query)

        row(
            f"search {query!r} ({len(hits)} hits)",
            statistics.median([best_of(1, search) for _ in range(args.repeat)]),
            best_of(args.repeat, plain_find),
            f"str.find, unfolded ({plain_find()} hits)",
        )
    print(f"\nfold() of a query: {best_of(100, lambda: fold('مقاومت عراق')) * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
