"""`annotator validate` checks entity links against the registry and attribute values
against the schema, in a folder of articles and in a project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io import entities as entity_files
from annotator.io import jsonformat
from annotator.io.project import Project
from annotator.model import AnnotationSet, Document, EntityRegistry
from annotator.model.entities import Entity


def coded(path: Path) -> AnnotationSet:
    aset = AnnotationSet(Document("d", "آمریکا گفت که تحریم‌ها ادامه دارد."), "a")
    aset.add_span("actor", 0, 6)
    aset.add_span("claim", 14, 33, {"position": "maybe"})
    aset.set_entity("s1", "e9")
    jsonformat.save(aset, path)
    return aset


def test_validate_reports_missing_entities_and_values_the_schema_does_not_allow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "d.annotations.json"
    coded(file)
    registry = EntityRegistry([Entity("e1", "آمریکا")])  # an id as older versions made them
    entity_files.save(registry, tmp_path / entity_files.FOLDER_FILE)
    assert main(["validate", str(tmp_path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"{file}: $.spans[1].attributes.position: 'maybe' is not a choice value of 'position' for claim"
        " (allowed: supports, opposes, neutral)",
        f"{file}: $.spans[0].entity: no entity 'e9' in the registry",
    ]


def test_validate_checks_a_projects_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("آمریکا گفت", encoding="utf-8")
    project = Project.create(tmp_path / "p", "p")
    (doc_id,) = project.import_sources([source]).added
    aset = project.load_annotations(doc_id, "ali")
    aset.add_span("actor", 0, 6)
    aset.set_entity("s1", "e1")
    project.save_annotations(aset)
    assert main(["validate", str(tmp_path / "p")]) == 1
    assert "$.spans[0].entity: no entity 'e1' in the registry" in capsys.readouterr().err
    registry = EntityRegistry([Entity("e1", "آمریکا")])  # an id as older versions made them
    entity_files.save(registry, tmp_path / "p" / "entities.json")
    assert main(["validate", str(tmp_path / "p")]) == 0
    (tmp_path / "p" / "entities.json").write_text(
        json.dumps({"format": "annotator/entities", "version": 1, "entities": [{"id": "e1"}]}), encoding="utf-8"
    )
    assert main(["validate", str(tmp_path / "p")]) == 1
    assert "entities.json: $.entities[0]" in capsys.readouterr().err
