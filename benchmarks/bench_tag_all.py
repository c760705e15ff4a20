"""What a project-wide Tag all's question costs now that it counts what is coded already.

    .venv/bin/python benchmarks/bench_tag_all.py [--sizes 1000,10000] [--keep DIR]

The projects of bench_project.py (generated articles of Fars News sentences, imported
without normalization; coder `bench` has 200 documents coded), plus a coder `busy` who has
coded every document holding آمریکا (each hit an actor, and a span elsewhere): the worst
case, where every document with a hit has a file to read. For each word, in a fresh
process, the best of three:

* the baseline, what the question already waited for: the search for every hit
  (`Project.search(word, whole_words=True)`);
* the counting (`io.tagall.plan_tag_all`, label `location`) for `bench` and for `busy`,
  and how many annotation files it read; `busy` marked every one of those documents done,
  so the counting also finds each of them done (from the project's index, no file read);
* the ratio (search + counting) / search: how much longer the window waits before the
  question shows.

Never part of the test run; the figures go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench_project import IMPORT, WORDS, annotate, child, generate

from annotator.io.project import Project
from annotator.model import Status

PLAN = """
from annotator.io import jsonformat
from annotator.io.project import Project
from annotator.model import Status
from annotator.io.tagall import plan_tag_all
project = Project.open(sys.argv[1])
word = sys.argv[2]
project.search(word, limit=1)  # the index compared with the catalogue, as on opening
out = {}
best = 1e9
for _ in range(3):
    began = time.perf_counter()
    hits = project.search(word, whole_words=True)
    best = min(best, time.perf_counter() - began)
out["search"], out["hits"], out["docs"] = best, len(hits), len({h.document_id for h in hits})
reading = jsonformat.read_bytes
read = []
jsonformat.read_bytes = lambda path: read.append(path) or reading(path)
for coder in ("bench", "busy"):
    best = 1e9
    for _ in range(3):
        read.clear()
        began = time.perf_counter()
        plan = plan_tag_all(project, coder, "location", hits)
        best = min(best, time.perf_counter() - began)
    out[coder] = {"seconds": best, "files": len(read), "fresh": plan.fresh, "other": plan.other,
                  "done": len(plan.done)}
"""


def code_every_hit(root: Path, word: str, coder: str = "busy") -> int:
    """`coder` tags every whole-word hit of `word` as an actor, and the first word of each
    such document, and marks it done: the documents a Tag all of `word` must read. Returns
    how many."""
    project = Project.open(root)
    by_document: dict[str, list[tuple[int, int]]] = {}
    for hit in project.search(word, whole_words=True):
        by_document.setdefault(hit.document_id, []).append((hit.start, hit.end))
    for doc_id, ranges in by_document.items():
        aset = project.load_annotations(doc_id, coder)
        aset.add_spans("tag", [("actor", 0, 3), *(("actor", s, e) for s, e in ranges)])
        aset.set_status(Status.DONE)
        project.save_annotations(aset)
    return len(by_document)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--keep", type=Path, help="work here and keep the projects")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-tag-all-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        dumps = generate(work, sizes)
        figures: dict[int, dict[str, Any]] = {}
        for n in sizes:
            root = work / f"project-{n}"
            if not (root / "documents.json").exists():
                shutil.rmtree(root, ignore_errors=True)
                child(IMPORT, str(root), str(dumps[n]))
                annotate(root)
                code_every_hit(root, WORDS[0])
            figures[n] = {w: child(PLAN, str(root), w) for w in WORDS}
            print(json.dumps({n: figures[n]}, ensure_ascii=False), flush=True)
        print()
        print("| Tag all's question | " + " | ".join(f"{n:,} articles" for n in sizes) + " |")
        print("| --- |" + " --- |" * len(sizes))
        for w in WORDS:
            cells = []
            for n in sizes:
                f = figures[n][w]
                cells.append(
                    f"{f['hits']:,} hits in {f['docs']:,} docs: search {f['search'] * 1000:.0f} ms; counting "
                    f"{f['bench']['seconds'] * 1000:.0f} ms ({f['bench']['files']} files read), "
                    f"{(f['search'] + f['bench']['seconds']) / f['search']:.2f}×; every hit document coded: "
                    f"{f['busy']['seconds'] * 1000:.0f} ms ({f['busy']['files']:,} files, {f['busy']['done']:,} done), "
                    f"{(f['search'] + f['busy']['seconds']) / f['search']:.2f}×"
                )
            print(f"| {w} | " + " | ".join(cells) + " |")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
