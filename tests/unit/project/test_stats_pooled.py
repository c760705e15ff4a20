"""`annotator stats` says when its project lines add up several annotators' sets (the third
trial: three coders' 3 claims and a curator's were read as the corpus's 12 claims)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.project import Project
from annotator.model import Span


def coded(tmp_path: Path, coders: tuple[str, ...]) -> Path:
    project = Project.create(tmp_path / "p", "p")
    (tmp_path / "a.txt").write_text("خبر از تهران و بغداد.", encoding="utf-8")
    project.import_sources([str(tmp_path / "a.txt")])
    doc_id = project.document_ids()[0]
    for coder in coders:
        aset = project.load_annotations(doc_id, coder)
        aset.load([Span("s1", "location", 7, 12, aset.text[7:12])])
        project.save_annotations(aset)
    return tmp_path / "p"


def test_several_annotators_are_said_to_be_added_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = coded(tmp_path, ("ali", "sara"))
    assert main(["stats", str(root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    spans = next(line for line in lines if line.startswith("spans: "))
    assert spans == "spans: 2  relations: 0  (all 2 annotators' sets added up; each one's below)"
    assert any(line.startswith("annotator ali: 1 file(s), 1 span(s);") for line in lines)
    assert main(["stats", str(root), "--annotator", "ali"]) == 0
    assert "spans: 1  relations: 0" in capsys.readouterr().out.splitlines()  # one annotator: nothing added up


def test_one_annotators_project_says_nothing_of_adding_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(coded(tmp_path, ("ali",)))]) == 0
    out = capsys.readouterr().out
    assert "added up" not in out and "spans: 1  relations: 0\n" in out
