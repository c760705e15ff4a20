"""The index of annotation files, rebuilt: what checking each file as opening checks it costs.

    .venv/bin/python benchmarks/bench_index_check.py [--documents 2000] [--spans 20]

Since the index checks every file it reads against the schema and the document's text
(jsonformat.check; Statistics, `stats` and the document list then leave out the same
damaged files), a rebuild reads each annotated document's text too. This measures
`Project.stats()` with `.cache/index.json` deleted (a first open after an upgrade, or
after deleting the cache) and with it in place, against a bare baseline in the same run:
reading and parsing every annotation file with json and nothing else. Articles are Fars
News texts (made unique), `--spans` random spans each. Never part of the test run; the
figures go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FARS = ROOT.parent / "shared" / "corpora" / "news" / "fars-news-2.json"


def make(folder: Path, documents: int, spans: int) -> Path:
    from annotator.io.project import Project

    articles = json.loads(FARS.read_text(encoding="utf-8"))
    source = folder / "src.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(documents):
            a = articles[i % len(articles)]
            text = f"{i}. " + ("\n".join(a["paragraphs"]) or a["abstract"])
            out.write(json.dumps({"title": f"{i} {a['title']}", "text": text}, ensure_ascii=False) + "\n")
    project = Project.create(folder / "P", "P")
    rnd = random.Random(1)
    for doc_id in project.import_sources([source], normalize=False).added:
        aset = project.load_annotations(doc_id, "Ali")
        n = len(aset.text)
        for _ in range(spans if n > 20 else 0):
            start = rnd.randrange(0, n - 10)
            aset.add_span(rnd.choice(["actor", "location", "claim"]), start, start + 5)
        project.save_annotations(aset)
    return project.path


def median(fn, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--spans", type=int, default=20)
    args = parser.parse_args()
    if not FARS.is_file():
        print(f"{FARS} is absent", file=sys.stderr)
        return 1
    from annotator.io.project import Project

    with tempfile.TemporaryDirectory() as tmp:
        root = make(Path(tmp), args.documents, args.spans)
        files = sorted((root / "annotations" / "Ali").glob("*.json"))

        def bare() -> None:
            for path in files:
                json.loads(path.read_bytes())

        def cold() -> None:
            (root / ".cache" / "index.json").unlink(missing_ok=True)
            Project.open(root).stats()

        def warm() -> None:
            Project.open(root).stats()

        base, rebuilt, kept = median(bare), median(cold), median(warm)
        print(f"{len(files)} annotation files, {args.spans} spans each")
        print(f"bare: read and parse every file           {base * 1000:8.0f} ms   1.00x")
        print(f"stats(), index deleted (every file checked) {rebuilt * 1000:6.0f} ms  {rebuilt / base:5.2f}x")
        print(f"stats(), index in place                    {kept * 1000:7.0f} ms  {kept / base:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
