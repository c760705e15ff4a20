"""`annotator validate PROJECT` names a synced folder's conflicted copies for what they are
(trial 5, item 6): a copy of documents.json lists documents the project no longer has; a
copy of a coder's annotation file holds another computer's version, read nowhere. The
first was not mentioned at all, the second called "annotations of a document the project
does not have"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.project import Project


def test_conflicted_copies_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("وزیر خارجه در تهران گفت مذاکرات ادامه دارد.", encoding="utf-8")
    project = Project.create(tmp_path / "p", "p")
    (doc_id,) = project.import_sources([source]).added
    project.save_annotations(project.load_annotations(doc_id, "maryam"))
    assert main(["validate", str(project.path)]) == 0
    capsys.readouterr()

    shutil.copy(project.path / "documents.json", project.path / "documents (maryam's conflicted copy 2026-11-30).json")
    folder = project.path / "annotations" / "maryam"
    shutil.copy(folder / f"{doc_id}.json", folder / f"{doc_id}.sync-conflict-20261130-101500-ABCDEFG.json")
    shutil.copy(folder / f"{doc_id}.json", folder / "no-such-document.json")
    assert main(["validate", str(project.path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert any("conflicted copy of documents.json" in line for line in lines), lines
    assert any(f"conflicted copy of {doc_id}.json (another computer's version" in line for line in lines), lines
    assert any(line.endswith("no-such-document.json: annotations of a document the project does not have")
               for line in lines), lines  # fmt: skip
