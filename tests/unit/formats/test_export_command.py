"""annotator export on a folder of annotation files (the project path is tested by io)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from annotator.clicmds import export
from annotator.io import jsonformat
from annotator.model import AnnotationSet, Document


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    export.add_arguments(parser)
    return export.run(parser.parse_args(argv))


def test_export_annotation_files_to_conll_with_kind_layers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "سخنگو گفت تهران آماده است"
    aset = AnnotationSet(Document("a", text, "خبر"), "sara")
    claim = aset.add_span("claim", 0, len(text))
    actor = aset.add_span("actor", 0, 5)
    aset.add_span("location", 10, 15)
    aset.add_relation("claimed_by", claim.id, actor.id)
    jsonformat.save(aset, tmp_path / "a.annotations.json")
    out = tmp_path / "o.txt"
    # the default: one column of entity labels, what CoNLL readers read, a -DOCSTART- line
    assert run([str(tmp_path), "--format", "conll", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (
        "-DOCSTART-\tO\n\nسخنگو\tB-actor\nگفت\tO\nتهران\tB-location\nآماده\tO\nاست\tO\n\n"
    )
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"1 document(s) written to {out} as conll in ")
    assert err[1:] == [
        "left out: 1 document titles/metadata (BIO keeps only tokens and tags)",
        "left out: 1 relations (BIO has no place for them)",
        "left out: 1 spans whose label is in no tag column",
    ]
    # claims in a column of their own, by option
    options = ["--layers", "kinds", "--separator", "space"]
    assert run([str(tmp_path), "--format", "conll", "--out", str(out), *options]) == 0
    assert out.read_text(encoding="utf-8") == (
        "-DOCSTART- O O\n\n"
        "سخنگو B-actor B-claim\n"
        "گفت O I-claim\n"
        "تهران B-location I-claim\n"
        "آماده O I-claim\n"
        "است O I-claim\n"
        "\n"
    )


def test_export_reports_a_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(tmp_path / "nope"), "--format", "jsonl", "--out", str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_export_jsonl(tmp_path: Path) -> None:
    text = "ایران 😀 و 😀 تهران"
    aset = AnnotationSet(Document("a", text, ""), "")
    aset.add_span("location", 0, 5)
    aset.add_span("location", text.index("تهران"), len(text))
    jsonformat.save(aset, tmp_path / "a.annotations.json")
    assert run([str(tmp_path / "a.annotations.json"), "--format", "jsonl", "--out", str(tmp_path / "p.jsonl")]) == 0
    line = json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8"))
    assert line["document"]["text"] == text
    # code points: each emoji counts one
    assert [(s["label"], s["start"], s["end"], s["text"]) for s in line["spans"]] == [
        ("location", 0, 5, "ایران"),
        ("location", 12, 17, "تهران"),
    ]


def test_doccano_offsets_option_on_export_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from annotator.clicmds import import_
    from annotator.io.project import Project

    text = "😀 سخنگو گفت تهران"
    aset = AnnotationSet(Document("a", text, ""), "")
    aset.add_span("location", 12, 17)
    aset.add_span("actor", 2, 7)
    aset.add_span("claim", 2, 17)
    jsonformat.save(aset, tmp_path / "a.annotations.json")
    for unit, tehran in (("utf16", [13, 18]), ("codepoints", [12, 17])):
        out = tmp_path / f"{unit}.jsonl"
        argv = [str(tmp_path / "a.annotations.json"), "--format", "doccano", "--out", str(out), "--offsets", unit]
        assert run(argv) == 0
        assert "allows overlapping spans" in capsys.readouterr().err
        line = json.loads(out.read_text(encoding="utf-8"))
        assert [s[:2] for s in line["label"] if s[2] == "location"] == [tehran]
        parser = argparse.ArgumentParser()
        import_.add_arguments(parser)
        project = tmp_path / f"p-{unit}"
        assert import_.run(parser.parse_args([str(project), str(out), "--format", "doccano", "--offsets", unit])) == 0
        back = Project.open(project)
        loaded = back.load_annotations(back.document_ids()[0], "imported")
        found = sorted(loaded.text[s.start : s.end] for s in loaded.spans())
        assert found == sorted(["سخنگو", "سخنگو گفت تهران", "تهران"])
