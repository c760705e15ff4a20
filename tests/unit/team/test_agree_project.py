"""`annotator agree` on projects: a NER corpus with a second coder's labels perturbed at a
known rate (figures checked against values computed here), and the command's messages."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.project import Project
from annotator.model import AnnotationSet

from .test_agreement import alpha_by_hand, kappa_by_hand

DROP, RELABEL = 0.10, 0.10  # the second coder leaves out 10% of the spans and relabels 10%


def ner_project(corpora: Path, tmp_path: Path, sentences: int = 200) -> tuple[Path, dict[str, int]]:
    """The first sentences of PEYMA as coder A's annotations; coder B's are A's perturbed."""
    blocks = (corpora / "ner" / "peyma-dev.txt").read_text(encoding="utf-8").split("\n\n")[:sentences]
    source = tmp_path / "peyma-part.txt"
    source.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    root = tmp_path / "ner"
    assert main(["import", str(root), str(source), "--format", "conll", "-q"]) == 0
    project = Project.open(root)
    rng = random.Random(13)
    counts = {"spans": 0, "dropped": 0, "relabelled": 0}
    for doc_id in project.document_ids():
        a = project.load_annotations(doc_id, "A")  # starts from the imported annotations
        a.set_status(a.status)  # nothing to change: it is saved as A's own all the same
        project.save_annotations(a)
        labels = sorted({lb.id for lb in project.schema.labels})
        b = AnnotationSet(a.document, "B", project.schema)
        spans = []
        for span in a.spans():
            counts["spans"] += 1
            roll = rng.random()
            if roll < DROP:
                counts["dropped"] += 1
                continue
            label = span.label
            if roll < DROP + RELABEL:
                counts["relabelled"] += 1
                label = rng.choice([lb for lb in labels if lb != span.label])
            spans.append(b.make_span(label, span.start, span.end, span_id=span.id))
        b.load(spans)
        project.save_annotations(b)
    return root, counts


@pytest.mark.corpora
def test_ner_corpus_with_a_perturbed_second_coder(
    corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, counts = ner_project(corpora, tmp_path)
    capsys.readouterr()
    assert main(["agree", str(root), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    project = Project.open(root)
    assert report["annotators"] == ["A", "B"]  # "imported" is not a coder
    assert report["documents"] == len(project) == 2

    # overall exact F1: every kept span matches, so 2(n - dropped - relabelled) / (n + n - dropped)
    n, dropped, relabelled = counts["spans"], counts["dropped"], counts["relabelled"]
    assert n > 300 and abs(dropped / n - DROP) < 0.04 and abs(relabelled / n - RELABEL) < 0.04
    expected = 2 * (n - dropped - relabelled) / (2 * n - dropped)
    assert report["overall"]["f1_exact"] == pytest.approx(expected, abs=1e-6)
    assert report["overall"]["f1_exact"] == pytest.approx(2 * (1 - DROP - RELABEL) / (2 - DROP), abs=0.05)

    # per label: F1 from the counts, alpha and kappa from the units, all computed here
    units_a: dict[str, list[int]] = {}
    units_b: dict[str, list[int]] = {}
    per_label: dict[str, list[int]] = {}  # label -> [A spans, B spans, matched]
    for doc_id in project.document_ids():
        a = project.load_annotations(doc_id, "A")
        b = project.load_annotations(doc_id, "B")
        keys_a = {(s.label, s.start, s.end) for s in a.spans()}
        keys_b = {(s.label, s.start, s.end) for s in b.spans()}
        for label, *_ in keys_a | keys_b:
            per_label.setdefault(label, [0, 0, 0])
        for key in keys_a:
            per_label[key[0]][0] += 1
        for key in keys_b:
            per_label[key[0]][1] += 1
            per_label[key[0]][2] += key in keys_a
        text = a.text
        positions = [i for i, ch in enumerate(text) if not ch.isspace()]
        for label in per_label:
            for aset, units in ((a, units_a), (b, units_b)):
                covered = set()
                for s in aset.spans():
                    if s.label == label:
                        covered.update(range(s.start, s.end))
                units.setdefault(label, []).extend(1 if p in covered else 0 for p in positions)
    assert set(report["labels"]) == set(per_label)
    for label, (na, nb, m) in per_label.items():
        figures = report["labels"][label]
        assert figures["f1_exact"] == pytest.approx(2 * m / (na + nb), abs=1e-6)
        va, vb = units_a[label], units_b[label]
        # the documents whose spans came later still count all their units for this label
        assert len(va) == len(vb) == report["units"]
        assert figures["alpha"] == pytest.approx(alpha_by_hand(list(zip(va, vb, strict=True))), abs=1e-6)
        pair = report["pairs"][0]["labels"][label]
        assert pair["kappa"] == pytest.approx(kappa_by_hand(va, vb), abs=1e-6)
    # relabelling never moves a span: overlapping F1 equals exact F1 here
    assert report["overall"]["f1_overlap"] == pytest.approx(report["overall"]["f1_exact"])
    assert set(report["by_document"]) == set(project.document_ids())


@pytest.mark.corpora
def test_one_label_and_the_readable_report(corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = ner_project(corpora, tmp_path, sentences=120)
    capsys.readouterr()
    assert main(["agree", str(root), "--label", "LOC", "--json", "--annotators", "B,A"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert list(report["labels"]) == ["LOC"] and report["annotators"] == ["B", "A"]
    assert report["overall"]["alpha"] == pytest.approx(report["labels"]["LOC"]["alpha"])
    assert main(["agree", str(root)]) == 0
    out = capsys.readouterr().out
    assert "LOC" in out and "least agreed documents" in out and "A × B" in out


def test_messages_for_unknown_coders_and_too_few(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "p"
    project = Project.create(root, "p")
    (tmp_path / "a.txt").write_text("سلام دنیا", encoding="utf-8")
    project.import_sources([tmp_path / "a.txt"])
    doc = project.document_ids()[0]
    aset = project.load_annotations(doc, "سارا")
    aset.add_span("actor", 0, 4)
    project.save_annotations(aset)
    assert main(["agree", str(root)]) == 2
    assert "two or more coders" in capsys.readouterr().err
    assert main(["agree", str(root), "--annotators", "سارا,nobody"]) == 2
    err = capsys.readouterr().err
    assert "no annotator 'nobody'" in err and "سارا" in err and "Traceback" not in err
    assert main(["agree", str(tmp_path / "missing")]) == 2
    assert "no such folder" in capsys.readouterr().err
    other = project.load_annotations(doc, "Ali")
    other.add_span("actor", 0, 4)
    project.save_annotations(other)
    assert main(["agree", str(root), "--label", "nonsense"]) == 2
    assert "no label 'nonsense'" in capsys.readouterr().err
    assert main(["agree", str(root), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["labels"]["actor"] == {"alpha": 1.0, "f1_exact": 1.0, "f1_overlap": 1.0}
