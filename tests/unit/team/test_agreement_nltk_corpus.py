"""On a real NER corpus project (PEYMA, imported with `annotator import --format conll`),
every coefficient `annotator agree` reports equals the old route through nltk to 1e-12:
two coders, and three with one of them missing a document.

nltk takes seconds per thousand units, so the tests take the first sentences;
ANNOTATOR_AGREE_FULL=1 takes the whole dev split (10 documents, 104,213 units; minutes)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.project import Project
from annotator.io.team import agreement, collect
from annotator.model import AnnotationSet

from .nltk_reference import assert_same, figures, reference

FULL = os.environ.get("ANNOTATOR_AGREE_FULL") == "1"


def perturbed(project: Project, doc_id: str, name: str, seed: int, drop: float, relabel: float, shift: float) -> None:
    """Coder `name`: the corpus's spans, some left out, relabelled or one character shorter."""
    a = project.load_annotations(doc_id, "A")
    rng = random.Random(f"{seed} {doc_id}")
    labels = sorted(lb.id for lb in project.schema.labels)
    out = AnnotationSet(a.document, name, project.schema)
    spans = []
    for span in a.spans():
        roll = rng.random()
        if roll < drop:
            continue
        label = rng.choice([lb for lb in labels if lb != span.label]) if roll < drop + relabel else span.label
        end = span.end - 1 if rng.random() < shift and span.end - span.start > 1 else span.end
        spans.append(out.make_span(label, span.start, end, span_id=span.id))
    out.load(spans)
    project.save_annotations(out)


def corpus_project(corpora: Path, tmp_path: Path, sentences: int | None) -> Project:
    blocks = (corpora / "ner" / "peyma-dev.txt").read_text(encoding="utf-8").split("\n\n")[:sentences]
    source = tmp_path / "peyma-part.txt"
    source.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    root = tmp_path / "ner"
    assert main(["import", str(root), str(source), "--format", "conll", "-q"]) == 0
    project = Project.open(root)
    for doc_id in project.document_ids():
        a = project.load_annotations(doc_id, "A")  # the imported annotations, as coder A's
        project.save_annotations(a)
        perturbed(project, doc_id, "B", 13, drop=0.1, relabel=0.1, shift=0.05)
    return project


def check(project: Project, coders: list[str]) -> dict[str, float | None]:
    report, problems = agreement(project, coders)
    assert problems == []
    found = collect(project, coders)
    ours = figures(report)
    assert_same(ours, reference(found.texts, found.annotations, coders, list(report.labels)))
    return ours


@pytest.mark.corpora
def test_two_coders_on_peyma_give_nltks_figures(corpora: Path, tmp_path: Path) -> None:
    project = corpus_project(corpora, tmp_path, None if FULL else 200)
    ours = check(project, ["A", "B"])
    labels = [k for k in ours if k.startswith("alpha ") and k != "alpha (overall)"]
    assert len(labels) >= 5 and len(ours) == 2 * len(labels) + 1  # alpha and kappa per label, overall alpha
    assert ours["alpha (overall)"] is not None


@pytest.mark.corpora
def test_three_coders_one_missing_a_document_give_nltks_figures(corpora: Path, tmp_path: Path) -> None:
    project = corpus_project(corpora, tmp_path, None if FULL else 130)
    ids = project.document_ids()
    assert len(ids) >= 2
    for doc_id in ids[:-1]:  # C has no file for the last document: missing values there
        perturbed(project, doc_id, "C", 29, drop=0.2, relabel=0.05, shift=0.1)
    ours = check(project, ["A", "B", "C"])
    assert any(k.startswith("kappa B C ") for k in ours)
