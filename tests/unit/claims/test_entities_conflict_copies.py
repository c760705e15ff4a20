"""A synced folder's conflicted copies of entities.json (trial 5, item 5): the whole team
writes one registry, so two computers saving it at once leave the sync client's copy
beside it, holding the entities one of them made. Their mentions' links were dangling
(`validate`: "no entity … in the registry"; the claims table and networks lost the
entity's name and merged spellings). Now the copies' entities are read with the file's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io import entities as entity_files
from annotator.io import jsonformat
from annotator.model import AnnotationSet, Document, EntityRegistry
from annotator.model.entities import Entity

COPIES = [
    "entities (maryam's conflicted copy 2026-11-30).json",  # Dropbox
    "entities (conflicted copy 2026-11-30 101500).json",  # Nextcloud
    "entities.sync-conflict-20261130-101500-ABCDEFG.json",  # Syncthing
    "entities (1).json",  # Google Drive
    "entities-LAPTOP.json",  # OneDrive
]


@pytest.mark.parametrize("copy_name", COPIES)
def test_the_conflicted_copys_entities_are_read_with_the_registry(tmp_path: Path, copy_name: str) -> None:
    main_file = tmp_path / entity_files.PROJECT_FILE
    entity_files.save(EntityRegistry([Entity("e-iraq0001", "عراق"), Entity("e-same0001", "همان")]), main_file)
    entity_files.save(
        EntityRegistry([Entity("e-iran0001", "ایران"), Entity("e-same0001", "دیگر")]), tmp_path / copy_name
    )
    registry = entity_files.load(main_file)
    assert sorted(e.id for e in registry.entities()) == ["e-iran0001", "e-iraq0001", "e-same0001"]
    assert registry.get("e-same0001").name_fa == "همان"  # the file's own wins


def test_other_files_and_a_broken_copy_are_not_read(tmp_path: Path) -> None:
    main_file = tmp_path / entity_files.PROJECT_FILE
    entity_files.save(EntityRegistry([Entity("e-iraq0001", "عراق")]), main_file)
    entity_files.save(EntityRegistry([Entity("e-x0000001", "x")]), tmp_path / "entities-v1.schema.json")
    entity_files.save(EntityRegistry([Entity("e-y0000001", "y")]), tmp_path / "my entities.json")
    (tmp_path / "entities (conflicted copy).json").write_text("{ half", encoding="utf-8")
    assert [e.id for e in entity_files.load(main_file).entities()] == ["e-iraq0001"]


def test_validate_passes_when_the_linked_entity_is_in_a_conflicted_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aset = AnnotationSet(Document("d", "ایران گفت که تحریم‌ها ادامه دارد."), "maryam")
    aset.add_span("actor", 0, 5)
    aset.set_entity("s1", "e-iran0001")
    jsonformat.save(aset, tmp_path / "d.annotations.json")
    # the other computer's registry won the name; this one's became the copy
    entity_files.save(EntityRegistry([Entity("e-iraq0001", "عراق")]), tmp_path / entity_files.FOLDER_FILE)
    entity_files.save(
        EntityRegistry([Entity("e-iran0001", "ایران")]),
        tmp_path / "annotator-entities (maryam's conflicted copy 2026-11-30).json",
    )
    assert main(["validate", str(tmp_path)]) == 0, capsys.readouterr().err
    data = json.loads((tmp_path / "d.annotations.json").read_text(encoding="utf-8"))
    assert data["spans"][0]["entity"] == "e-iran0001"
