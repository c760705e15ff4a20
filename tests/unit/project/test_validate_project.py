"""validate_project: one line per problem, naming the file and the place."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from annotator.io.project import Project, validate_project

from .conftest import ARABIC_TEXT

Write = Callable[[str, str | bytes], Path]


def make(project: Project, write: Write) -> None:
    project.import_sources([write("a.txt", ARABIC_TEXT), write("b.txt", "سلام دنیا")])
    aset = project.load_annotations("a", "ali")
    aset.add_span("actor", 0, 3)
    project.save_annotations(aset)


def test_a_good_project_is_valid(project: Project, write: Write) -> None:
    make(project, write)
    assert validate_project(project.path) == []


def test_not_a_project(tmp_path: Path) -> None:
    (line,) = validate_project(tmp_path)
    assert line.startswith(f"{tmp_path / 'project.json'}: $: no such file")


def test_problems_are_listed(project: Project, write: Write) -> None:
    make(project, write)
    root = project.path
    ann = root / "annotations" / "ali" / "a.json"
    data = json.loads(ann.read_text(encoding="utf-8"))
    data["spans"][0]["end"] = 4
    ann.write_text(json.dumps(data), encoding="utf-8")
    doc = root / "documents" / "b.json"
    doc_data = json.loads(doc.read_text(encoding="utf-8"))
    doc_data["text"] = "متن دیگر"
    doc.write_text(json.dumps(doc_data), encoding="utf-8")
    (root / "documents" / "orphan.json").write_text("{}", encoding="utf-8")
    (root / "annotations" / "ali" / "ghost.json").write_text("{}", encoding="utf-8")
    (root / ".import-x1").mkdir()
    lines = validate_project(root)
    assert f"{ann}: $.spans[0].text" in "\n".join(lines)
    assert f"{doc}: $.text: differs from the fingerprint in documents.json" in lines
    assert any(line.startswith(f"{root / 'documents' / 'orphan.json'}: not listed") for line in lines)
    assert (
        f"{root / 'annotations' / 'ali' / 'ghost.json'}: annotations of a document the project does not have"
        in lines
    )
    assert any(".import-x1: left by an interrupted import" in line for line in lines)
    assert len(lines) == 5


def test_broken_offset_map(project: Project, write: Write) -> None:
    make(project, write)
    doc = project.path / "documents" / "a.json"
    data = json.loads(doc.read_text(encoding="utf-8"))
    data["original"]["offset_map"]["original_length"] += 1
    doc.write_text(json.dumps(data), encoding="utf-8")
    (line,) = validate_project(project.path)
    assert line.startswith(f"{doc}: $.original.offset_map:")
