"""Normalization with the offset map against hazm's own normalize(), on the Fars News corpus.

    python benchmarks/bench_normalize.py [--repeat N] [--corpus PATH]

Issue 16's target: normalizing an article costs at most 1.3x what hazm's
``Normalizer().normalize()`` costs on the same text.  Both sides run in this process on
the same texts (the 300 articles of ../shared/corpora/news/fars-news-2.json, title,
abstract and paragraphs as the importer joins them), with the project's normalizer
options (``DEFAULT_NORMALIZER``, what ``annotator import`` uses) and with hazm's
defaults.  hazm is built once beforehand on both sides (its set-up is not per article).
Rounds alternate between the two sides; each article's best CPU time and best wall
time over the rounds are kept on each side (the machine is shared: a busy moment then costs one article one
round, not a whole side), and the sums are reported with their ratio.  Ours =
:func:`annotator.persian.normalize.normalize`: hazm around the kept tokens, the
alignment and the check of the map.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.io.project import DEFAULT_NORMALIZER
from annotator.persian.normalize import _normalizer, normalize

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news" / "fars-news-2.json"


def articles(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return ["\n".join([a["title"], a["abstract"], *a["paragraphs"]]) for a in data]


def per_text_best(fn: Callable[[str], Any], texts: list[str], best: list[tuple[float, float]]) -> None:
    """Each text's best (CPU, wall) time so far: both are single-threaded and CPU-bound,
    and on a shared machine CPU time is what an idle one would make the user wait."""
    for k, text in enumerate(texts):
        cpu, wall = time.process_time(), time.perf_counter()
        fn(text)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        best[k] = (min(best[k][0], cpu), min(best[k][1], wall))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    texts = articles(args.corpus)
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars:,} characters ({args.corpus.name}); load average {os.getloadavg()[0]:.1f}")
    for name, options in (("project options", DEFAULT_NORMALIZER), ("hazm defaults", {})):
        ours_options = dict(options)
        # hazm's own Normalizer with the same options (digits are never converted by ours)
        hazm = _normalizer(tuple(sorted({**options, "persian_numbers": False}.items())))
        normalize("سلام ۱۲", **ours_options)  # both sides built before timing
        bare = [(float("inf"), float("inf"))] * len(texts)
        ours = list(bare)
        for _ in range(args.repeat):
            per_text_best(hazm.normalize, texts, bare)
            per_text_best(functools.partial(normalize, **ours_options), texts, ours)
        for what, index in (("CPU", 0), ("wall", 1)):
            b, o = sum(t[index] for t in bare), sum(t[index] for t in ours)
            print(
                f"{name:<16} {what:<4} hazm normalize() {b:6.3f} s | ours with the offset map {o:6.3f} s"
                f" | x{o / b:.2f}  ({chars / o / 1e6:.2f} M chars/s)"
            )
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
