"""Claims in agreement, merge and curation: attributes (position, topic) and entity links
compared on the claims two coders marked alike, claim relations by type and both ends,
and what the coders agree on carried into the curated set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.project import Project
from annotator.io.team import coder_sets, load_curated
from annotator.model import AnnotationSet
from annotator.model import curation as cur

from .test_agreement import alpha_by_hand

TEXT = "نخست‌وزیر عراق در بغداد گفت که آمریکا باید از عراق برود."


def words(aset: AnnotationSet, *items: tuple[str, str]) -> list[str]:
    ids = []
    for label, word in items:
        start = aset.text.index(word)
        ids.append(aset.add_span(label, start, start + len(word)).id)
    return ids


def claims_project(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "claims")  # the default schema is the claims schema
    project.import_sources([tmp_path / "a.txt"])
    doc = project.document_ids()[0]
    for coder, position, place in (("A", "opposes", True), ("B", "supports", False)):
        aset = project.load_annotations(doc, coder)
        actor, location, claim = words(
            aset, ("actor", "نخست‌وزیر عراق"), ("location", "بغداد"), ("claim", "آمریکا باید از عراق برود")
        )
        aset.set_attribute(claim, "position", position)
        aset.set_attribute(claim, "topic", "security")
        aset.set_entity(actor, "e1")
        aset.add_relation("claimed_by", claim, actor)
        if place:
            aset.add_relation("located_in", claim, location)
        project.save_annotations(aset)
    return root, doc


def test_claim_attributes_entities_and_relations_get_agreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _doc = claims_project(tmp_path)
    assert main(["agree", str(root), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["relations"] == {"claimed_by": {"f1": 1.0}, "located_in": {"f1": 0.0}}
    assert report["pairs"][0]["relations"]["located_in"] == {"f1": 0.0}
    attributes = report["attributes"]
    assert attributes["claim.position"]["units"] == 1
    assert attributes["claim.position"]["alpha"] == pytest.approx(alpha_by_hand([['"opposes"', '"supports"']]))
    assert attributes["claim.topic"] == {"alpha": None, "units": 1}  # one value only: undefined
    assert attributes["actor.(entity)"] == {"alpha": None, "units": 1}
    assert report["labels"]["claim"]["f1_exact"] == 1.0


def test_merge_and_curation_carry_what_coders_agree_on(tmp_path: Path) -> None:
    root, doc = claims_project(tmp_path)
    assert main(["merge", str(root), "--into", "curated"]) == 0
    project = Project.open(root)
    document = project.load_document(doc)
    curated = load_curated(project, document)
    by_label = {s.label: s for s in curated.spans()}
    assert by_label["claim"].attributes == {"topic": "security"}  # position: they differ
    assert by_label["actor"].entity == "e1"
    assert [(r.type, curated.span(r.target).label) for r in curated.relations()] == [("claimed_by", "actor")]

    # curation: B's version of a disagreement brings its attributes and relations
    sets, problems = coder_sets(project, document, ["A", "B"])
    assert not problems
    b = sets["B"]
    claim_b = next(s for s in b.spans() if s.label == "claim")
    b.remove_span(claim_b.id)  # B now has a different claim: a disagreement
    start = TEXT.index("باید از")
    new = b.add_span("claim", start, len(TEXT) - 1, attributes={"position": "supports"})
    b.add_relation("claimed_by", new.id, next(s.id for s in b.spans() if s.label == "actor"))
    spans = {c: [(s.label, s.start, s.end) for s in a.spans()] for c, a in sets.items()}
    items = cur.items(spans)
    item = next(it for it in items if not it.agreed)
    cur.accept(curated, item, "B", items, b)
    claims = [s for s in curated.spans() if s.label == "claim"]
    assert [(c.text, c.attributes) for c in claims] == [("باید از عراق برود", {"position": "supports"})]
    assert [curated.span(r.source).label for r in curated.relations()] == ["claim"]
    curated.undo()
    assert {s.label for s in curated.spans()} == {"actor", "location", "claim"}
    assert by_label["claim"].attributes == {"topic": "security"}
