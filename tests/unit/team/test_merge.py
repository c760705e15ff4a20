"""`annotator merge PROJECT --into curated`: agreed spans and relations pre-filled, the
rest left for curation, the curator's own work kept, exports of `curated` work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.project import Project
from annotator.io.store import journal_path
from annotator.io.team import coders, is_reserved

TEXT = "نخست‌وزیر عراق در بغداد گفت که آمریکا باید برود."


def three_coders(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "p")
    project.import_sources([tmp_path / "a.txt"])
    doc = project.document_ids()[0]
    pm, iraq, baghdad, usa = (TEXT.index(w) for w in ("نخست‌وزیر", "عراق", "بغداد", "آمریکا"))
    claim = (TEXT.index("آمریکا باید"), len(TEXT) - 1)
    plan = {
        "A": [("actor", pm, pm + 9), ("location", baghdad, baghdad + 5), ("actor", usa, usa + 6)],
        "B": [("actor", pm, pm + 9), ("location", baghdad, baghdad + 5), ("location", usa, usa + 6)],
        "C": [("actor", pm, pm + 14), ("location", baghdad, baghdad + 5), ("actor", usa, usa + 6)],
    }
    for coder, spans in plan.items():
        aset = project.load_annotations(doc, coder)
        made = [aset.add_span(*s) for s in spans]
        c = aset.add_span("claim", *claim)
        aset.add_relation("claimed_by", c.id, made[0].id)
        project.save_annotations(aset)
    assert iraq
    return root, doc


def curated(root: Path, doc: str) -> dict[str, object]:
    return json.loads((root / "annotations" / "curated" / f"{doc}.json").read_text(encoding="utf-8"))


def test_merge_takes_what_k_coders_agree_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, doc = three_coders(tmp_path)
    assert main(["merge", str(root), "--into", "curated"]) == 0  # K = all three
    data = curated(root, doc)
    assert data["annotator"] == "curated"
    assert sorted((s["label"], s["text"]) for s in data["spans"]) == [
        ("claim", "آمریکا باید برود"),
        ("location", "بغداد"),
    ]
    assert data["relations"] == []  # A and B's claimed_by ends at a span C did not mark alike
    assert "2 span(s)" in capsys.readouterr().out

    assert main(["merge", str(root), "--into", "curated", "--min-agree", "2"]) == 0
    data = curated(root, doc)
    assert sorted((s["label"], s["text"]) for s in data["spans"]) == [
        ("actor", "آمریکا"), ("actor", "نخست‌وزیر"), ("claim", "آمریکا باید برود"), ("location", "بغداد")
    ]  # fmt: skip
    assert [r["type"] for r in data["relations"]] == ["claimed_by"]  # A and B agree on it
    # once more: nothing new, nothing doubled
    before = (root / "annotations" / "curated" / f"{doc}.json").read_bytes()
    assert main(["merge", str(root), "--into", "curated", "--min-agree", "2"]) == 0
    assert (root / "annotations" / "curated" / f"{doc}.json").read_bytes() == before
    # curated is not a coder, but can be compared with one when named
    project = Project.open(root)
    assert coders(project) == ["A", "B", "C"] and is_reserved("Curated")
    capsys.readouterr()
    assert main(["agree", str(root), "--annotators", "A,curated", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["annotators"] == ["A", "curated"] and report["documents"] == 1
    assert report["labels"]["location"]["f1_exact"] == 1.0


def test_merge_keeps_the_curators_work_and_skips_unsaved_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, doc = three_coders(tmp_path)
    project = Project.open(root)
    mine = project.load_annotations(doc, "curated")
    mine.add_span("location", TEXT.index("عراق"), TEXT.index("عراق") + 4)
    project.save_annotations(mine)
    assert main(["merge", str(root), "--into", "curated"]) == 0
    assert ("location", "عراق") in [(s["label"], s["text"]) for s in curated(root, doc)["spans"]]
    journal = journal_path(root / "annotations" / "curated" / f"{doc}.json")
    journal.write_text("{}\n", encoding="utf-8")
    assert main(["merge", str(root), "--into", "curated", "--min-agree", "2"]) == 1
    assert "unsaved edits" in capsys.readouterr().err
    journal.unlink()
    assert (
        main(["export", str(root), "--format", "jsonl", "--out", str(tmp_path / "c.jsonl"), "--annotator", "curated"])
        == 0
    )
    line = json.loads((tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert "عراق" in json.dumps(line, ensure_ascii=False)
    assert main(["merge", str(root), "--into", "curated", "--min-agree", "0"]) == 2


def putin_project(tmp_path: Path) -> tuple[Path, str]:
    """The trial's case: three coders agree on a claim and its claimant; two of them give
    its position "neutral", one "opposes"; one adds a located_in link, one an actor."""
    text = "پوتین گفت: نیروهای امنیتی روسیه عاملان را محاکمه می‌کنند. وی افزود."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "p")
    project.import_sources([tmp_path / "a.txt"])
    doc = project.document_ids()[0]
    text = project.load_document(doc).text
    claim = (text.index("نیروهای"), text.index("می‌کنند") + len("می‌کنند"))
    putin, russia, vey = ((text.index(w), text.index(w) + len(w)) for w in ("پوتین", "روسیه", "وی"))
    for coder, position in (("ali", "neutral"), ("bita", "opposes"), ("carol", "neutral")):
        aset = project.load_annotations(doc, coder)
        actor = aset.add_span("actor", *putin)
        c = aset.add_span("claim", *claim, attributes={"position": position, "topic": "security"})
        place = aset.add_span("location", *russia)
        aset.add_relation("claimed_by", c.id, actor.id)
        if coder == "ali":
            aset.add_relation("located_in", c.id, place.id)
        if coder == "bita":
            aset.add_span("actor", *vey)
        project.save_annotations(aset)
    return root, doc


def test_min_agree_takes_the_majoritys_attribute_and_names_what_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, doc = putin_project(tmp_path)
    assert main(["merge", str(root), "--into", "curated", "--min-agree", "2"]) == 0
    claim = next(s for s in curated(root, doc)["spans"] if s["label"] == "claim")  # type: ignore[attr-defined]
    assert claim["attributes"] == {"position": "neutral", "topic": "security"}  # two of three: neutral
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "3 span(s) and 1 relation(s) added in 1 document(s)"
    assert out[1] == "left for curation (fewer than K coders agree): 1 span(s), 0 attribute value(s), 1 link(s)"
    assert out[2].startswith(f"  {doc} ") and "actor «وی»: marked by bita of 3" in out[2]
    assert "located_in" in out[3] and "«روسیه»: by ali" in out[3]
    assert len(out) == 4


def test_every_coder_by_default_and_the_open_position_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, doc = putin_project(tmp_path)
    assert main(["merge", str(root), "--into", "curated"]) == 0
    claim = next(s for s in curated(root, doc)["spans"] if s["label"] == "claim")  # type: ignore[attr-defined]
    assert claim["attributes"] == {"topic": "security"}  # all three agree on the topic only
    out = capsys.readouterr().out.splitlines()
    assert "1 attribute value(s)" in out[1]
    assert any(line.endswith("position: ali neutral, bita opposes, carol neutral") for line in out)
    # --quiet: nothing but problems
    assert main(["merge", str(root), "--into", "curated", "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_a_tie_at_min_agree_one_is_left_undecided(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, doc = putin_project(tmp_path)
    assert main(["merge", str(root), "--into", "curated", "--min-agree", "1", "--annotators", "ali,bita"]) == 0
    claim = next(s for s in curated(root, doc)["spans"] if s["label"] == "claim")  # type: ignore[attr-defined]
    assert claim["attributes"] == {"topic": "security"}  # neutral and opposes have one vote each
    assert "position: ali neutral, bita opposes" in capsys.readouterr().out
