"""Project speed: open to the first article, search across 15 million characters, import.

    .venv/bin/python benchmarks/bench_project.py [--documents 10000] [--keep DIR]

Generates a project of 10,000 articles (about 15 million characters) from the Fars News
file's sentences, then prints the figures docs/performance-project.md records. Never part
of the test run.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from annotator.io.project import Project

FARS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news" / "fars-news-2.json"


def sentences() -> list[str]:
    if FARS.exists():
        data = json.loads(FARS.read_text(encoding="utf-8"))
        found = [s.strip() + "." for a in data for p in a["paragraphs"] for s in p.split(".")]
        return [s for s in found if len(s) > 20]
    return ["نیروهای آمريكايي در سوريه مستقر شدند و خبرگزاری فارس گزارش داد."]


def generate(folder: Path, count: int, target_chars: int) -> Path:
    """A JSON Lines file of `count` articles of about target_chars/count characters."""
    rng = random.Random(7)
    pool = sentences()
    per_article = int(target_chars / count * 0.85)  # the last paragraph overshoots
    path = folder / "generated.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            paragraphs, length = [], 0
            while length < per_article:
                para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
                paragraphs.append(para)
                length += len(para) + 1
            record = {"id": f"g{i:05d}", "title": f"خبر شماره {i}", "paragraphs": paragraphs,
                      "date": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}"}  # fmt: skip
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def timed(label: str, fn, repeat: int = 1):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - began)
    best = min(times)
    median = f"  (median {statistics.median(times) * 1000:.1f})" if repeat > 1 else ""
    print(f"{label:55} {best * 1000:9.1f} ms{median}")
    return result, best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--characters", type=int, default=15_000_000)
    parser.add_argument("--keep", type=Path, help="build the project here and keep it")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-project-"))
    root = args.keep or work / "project"
    try:
        if FARS.exists():
            from annotator.persian.normalize import normalize

            fars = Project.create(work / "fars", "fars")
            began = time.perf_counter()
            # hazm's import and Normalizer(): paid once per process, on the first import
            normalize("سلام", **fars.normalizer_options())
            print(f"{'hazm set-up (once per process)':55} {(time.perf_counter() - began) * 1000:9.1f} ms")
            began = time.perf_counter()
            report = fars.import_sources([FARS])
            spent = time.perf_counter() - began
            mb = FARS.stat().st_size / 1e6
            print(
                f"{'import fars-news-2.json (normalized), ' + str(len(report.added)) + ' docs':55} "
                f"{spent * 1000:9.1f} ms  = {mb / spent:.2f} MB/s ({report.characters / spent / 1e3:.0f} k chars/s)"
            )
            began = time.perf_counter()
            raw = Project.create(work / "fars-raw", "fars")
            raw.import_sources([FARS], normalize=False)
            spent = time.perf_counter() - began
            label = "import fars-news-2.json (not normalized)"
            print(f"{label:55} {spent * 1000:9.1f} ms  = {mb / spent:.2f} MB/s")
        source = generate(work, args.documents, args.characters)
        if not (root / "project.json").exists():
            project = Project.create(root, "bench")
            began = time.perf_counter()
            report = project.import_sources([source], normalize=False)
            spent = time.perf_counter() - began
            print(
                f"{'import generated project (not normalized), ' + str(len(report.added)) + ' docs':55} "
                f"{spent * 1000:9.1f} ms  ({report.characters / 1e6:.1f} M chars)"
            )
            # some annotation work, so that the index has something to say
            for doc_id in project.document_ids()[:200]:
                aset = project.load_annotations(doc_id, "bench")
                aset.add_spans("tag", [("actor", 0, 5), ("location", 10, 15)])
                project.save_annotations(aset)
        shutil.rmtree(root / ".cache", ignore_errors=True)

        def open_first() -> Project:
            project = Project.open(root)
            summaries = project.summaries("bench")
            doc = project.load_document(summaries[0].id)
            project.load_annotations(doc.id, "bench", doc)
            return project

        timed("open + document list + first article (no index cache)", open_first)
        project, _ = timed("open + document list + first article (index cached)", open_first, 3)
        _, _build = timed("first search (reads and folds every text)", lambda: project.search("آمریکا"))
        hits, _ = timed("search 'آمریکا' across the project", lambda: project.search("آمریکا"), 5)
        print(f"{'  hits':55} {len(hits):9d}")
        timed("search 'خبرگزاری فارس' (ZWNJ/space)", lambda: project.search("خبرگزاری فارس"), 5)
        timed("search '2009' (digits)", lambda: project.search("2009"), 5)
        timed("search, first 100 hits", lambda: project.search("است", limit=100), 5)
        timed("stats()", project.stats, 3)
        aset = project.load_annotations(project.document_ids()[0], "bench")
        aset.add_span("claim", 20, 30)
        timed("save_annotations (with index update)", lambda: project.save_annotations(aset), 5)
        chars = sum(len(project.load_document(d).text) for d in project.document_ids()[:100])
        print(f"{'documents':55} {len(project):9d}  (~{chars * len(project) / 100 / 1e6:.1f} M chars)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
