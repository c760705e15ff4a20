"""Agreement on a NER corpus: what `annotator agree` costs, from files on disk to figures.

Builds a project from ../shared/corpora/ner/peyma-dev.txt (every sentence) with two coders:
A = the corpus's labels, B = A's with 10% of spans dropped and 10% relabelled (--coders 3
adds C, perturbed alike with another seed). Times, in the same run: reading every annotation
file (the baseline: what any report must do), and the whole `agree` (reading + units + alpha
and kappa + F1), and prints the ratio.
Run: .venv/bin/python benchmarks/bench_agreement.py [--sentences N] [--coders 2|3]
(An older checkout's figures in the same session: PYTHONPATH=/its/copy python -P ...)
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from annotator.cli import main
from annotator.io.project import Project
from annotator.io.team import agreement, collect
from annotator.model import AnnotationSet

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ner" / "peyma-dev.txt"


def build(root: Path, sentences: int | None, coders: list[str]) -> int:
    blocks = CORPUS.read_text(encoding="utf-8").split("\n\n")
    source = root.parent / "part.txt"
    source.write_text("\n\n".join(blocks[:sentences]) + "\n", encoding="utf-8")
    assert main(["import", str(root), str(source), "--format", "conll", "-q"]) == 0
    project = Project.open(root)
    labels = [lb.id for lb in project.schema.labels]
    for name, seed in zip(coders[1:], (13, 29), strict=False):
        rng = random.Random(seed)
        for doc_id in project.document_ids():
            a = project.load_annotations(doc_id, "A")
            project.save_annotations(a)
            b = AnnotationSet(a.document, name, project.schema)
            spans = []
            for span in a.spans():
                roll = rng.random()
                if roll < 0.1:
                    continue
                label = rng.choice([x for x in labels if x != span.label]) if roll < 0.2 else span.label
                spans.append(b.make_span(label, span.start, span.end, span_id=span.id))
            b.load(spans)
            project.save_annotations(b)
    return sum(len(project.load_document(d).text) for d in project.document_ids())


def main_bench() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=None, help="the first N sentences (default: all)")
    parser.add_argument("--coders", type=int, choices=(2, 3), default=2)
    args = parser.parse_args()
    coders = ["A", "B", "C"][: args.coders]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ner"
        characters = build(root, args.sentences, coders)
        project = Project.open(root)
        began = time.perf_counter()
        found = collect(project, coders)
        baseline = time.perf_counter() - began
        began = time.perf_counter()
        report, _ = agreement(project, coders)
        total = time.perf_counter() - began
        figures = report.to_json()
        spans = sum(len(a.spans) for by in found.annotations.values() for a in by.values())
        print(
            f"{len(coders)} coders, {figures['documents']} documents, {characters:,} characters, "
            f"{figures['units']:,} units, {len(figures['labels'])} labels; {spans:,} spans"
        )
        print(f"reading the annotation files (baseline): {baseline:.2f} s")
        print(f"annotator agree (all figures):          {total:.2f} s  = {total / baseline:.1f} x the baseline")
        print(f"overall alpha {figures['overall']['alpha']:.3f}, F1 exact {figures['overall']['f1_exact']:.3f}")


if __name__ == "__main__":
    main_bench()
