"""Export throughput: 10,000 documents (~1,500 characters, a few spans each) to every format.

Prints documents/s and MB/s per format, and a baseline in the same run (json.dumps of the
same records to one JSON Lines file), with each format's time as a ratio of it.
Run: .venv/bin/python benchmarks/bench_export.py [--docs N]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from annotator.io.formats import FORMATS, AnnotatedDocument, RelationRecord, SpanRecord
from annotator.model import Document

WORDS = [
    "سخنگوی",
    "وزارت",
    "خارجه",
    "ایران",
    "روز",
    "دوشنبه",
    "در",
    "نشست",
    "خبری",
    "گفت",
    "که",
    "حمله\u200cهای",
    "اخیر",
    "به",
    "پایگاه\u200cهای",
    "آمریکا",
    "در",
    "عراق",
    "و",
    "سوریه",
    "پاسخی",
    "به",
    "اقدامات",
    "رژیم",
    "صهیونیستی",
    "است",
    "و",
    "تهران",
    "آماده",
    "گفت\u200cوگو",
    "می\u200cباشد",
    "كه",
    "ي",
    "😀",
    ".",
]


def make_documents(count: int, seed: int = 1) -> list[AnnotatedDocument]:
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < 1500:
            words.append(rng.choice(WORDS))
        text = " ".join(words)
        starts = [0]
        for w in words[:-1]:
            starts.append(starts[-1] + len(w) + 1)
        spans = []
        for k in range(5):
            i = rng.randrange(len(words) - 3)
            j = i + rng.randint(1, 3)
            label = ("actor", "location", "claim")[k % 3]
            spans.append(SpanRecord(f"s{k + 1}", label, starts[i], starts[j - 1] + len(words[j - 1])))
        relations = [RelationRecord("r1", "claimed_by", "s3", "s1")]
        docs.append(AnnotatedDocument(Document(f"doc{n:05d}", text, f"خبر {n}"), spans, relations))
    return docs


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    docs = make_documents(args.docs)
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} documents, {chars / len(docs):.0f} characters and 5 spans each")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        started = time.perf_counter()
        with (base / "baseline.jsonl").open("w", encoding="utf-8") as handle:
            for d in docs:
                record = {
                    "id": d.document.id,
                    "text": d.text,
                    "spans": [[s.start, s.end, s.label] for s in d.spans],
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        baseline = time.perf_counter() - started
        print("| format | docs/s | MB/s | output MB | time s | x baseline |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        size = size_of(base / "baseline.jsonl") / 1e6
        print(
            f"| baseline json.dumps | {len(docs) / baseline:,.0f} | {size / baseline:.1f} "
            f"| {size:.1f} | {baseline:.2f} | 1.0 |"
        )
        for name, fmt in FORMATS.items():
            if not fmt.can_write:
                continue
            out = base / (name if name in ("json", "brat", "webanno") else f"{name}.out")
            started = time.perf_counter()
            fmt.write(docs, out, {})
            seconds = time.perf_counter() - started
            size = size_of(out) / 1e6
            print(
                f"| {name} | {len(docs) / seconds:,.0f} | {size / seconds:.1f} | {size:.1f} "
                f"| {seconds:.2f} | {seconds / baseline:.1f} |"
            )


if __name__ == "__main__":
    main()
