"""The entity registry: one actor, many mentions; undoable rename and merge; its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.io import bulk_edits, jsonformat
from annotator.io import entities as entity_files
from annotator.model import AnnotationSet, Document, EntityError, EntityRegistry
from annotator.model.entities import Entity


def registry() -> EntityRegistry:
    """Three entities with the ids older versions made (e1, e2, e3): still read as they are."""
    return EntityRegistry(
        [
            Entity("e1", "آمریکا", "United States", "state", ("ایالات متحده",)),
            Entity("e2", "واشنگتن", "Washington", "state"),
            Entity("e3", "نیروهای آمریکایی", "US forces", "armed_group"),
        ]
    )


def test_find_is_persian_aware_and_ranks_prefixes_first() -> None:
    reg = registry()
    assert [e.id for e in reg.find("امريكا")] == ["e1", "e3"]  # Arabic yeh/kaf, alef folded
    assert next(e.id for e in reg.find("آمریکا")) == "e1"
    assert [e.id for e in reg.find("ایالات‌متحده")] == ["e1"]  # ZWNJ counts as a space
    assert [e.id for e in reg.find("wash")] == ["e2"]
    assert [e.id for e in reg.find("", types=["armed_group"])] == ["e3"]


def test_suggest_names_the_entity_a_mention_spells_exactly() -> None:
    reg = registry()
    assert reg.suggest("ايالات متحده").id == "e1"  # type: ignore[union-attr]
    assert reg.suggest("آمریکایی") is None


def test_rename_keeps_the_old_name_as_alias_and_undoes() -> None:
    reg = registry()
    reg.rename("e2", "کاخ سفید", "White House")
    assert reg.get("e2").name_fa == "کاخ سفید"  # type: ignore[union-attr]
    assert set(reg.get("e2").aliases) == {"واشنگتن", "Washington"}  # type: ignore[union-attr]
    assert reg.suggest("واشنگتن").id == "e2"  # type: ignore[union-attr]
    reg.undo()
    assert reg.get("e2").name_fa == "واشنگتن" and reg.get("e2").aliases == ()  # type: ignore[union-attr]
    reg.redo()
    assert reg.get("e2").name_en == "White House"  # type: ignore[union-attr]


def test_merge_folds_names_into_aliases_says_what_to_relink_and_undoes() -> None:
    reg = registry()
    reg.merge("e1", ["e2"])
    assert "e2" not in reg and len(reg) == 2
    assert "واشنگتن" in reg.get("e1").aliases  # type: ignore[union-attr]
    command = reg.peek_undo()
    assert command is not None and command.relinks == (("e2", "e1"),)
    reg.undo()
    assert "e2" in reg and reg.get("e1").aliases == ("ایالات متحده",)  # type: ignore[union-attr]
    with pytest.raises(EntityError):
        reg.merge("e1", ["e1"])


def test_registry_file_round_trips_and_is_checked(tmp_path: Path) -> None:
    reg = registry()
    path = tmp_path / "entities.json"
    entity_files.save(reg, path)
    text = path.read_text(encoding="utf-8")
    assert "آمریکا" in text and text.count("\n") == len(reg) + 6  # one entity a line
    again = entity_files.load(path)
    assert again.entities() == reg.entities()
    assert entity_files.load(tmp_path / "none.json").entities() == []
    path.write_text('{"format": "annotator/entities", "version": 1, "entities": [{"id": "e1"}, '
                    '{"id": "e1", "name_fa": "x"}]}', encoding="utf-8")  # fmt: skip
    with pytest.raises(entity_files.EntityFileError) as err:
        entity_files.load(path)
    assert "$.entities[0]" in str(err.value)


def test_relinking_files_for_a_merge_and_undoing_it(tmp_path: Path) -> None:
    text = "آمریکا و واشنگتن گفتند"
    aset = AnnotationSet(Document("d", text), "a")
    aset.add_span("actor", 0, 6)
    aset.add_span("actor", 9, 16)
    aset.set_entity("s1", "e1")
    aset.set_entity("s2", "e2")
    path = tmp_path / "d.annotations.json"
    jsonformat.save(aset, path)
    before = path.read_bytes()
    edit = bulk_edits.relink_files([path], {"e2": "e1"}, "merge")
    assert [s.entity for s in jsonformat.load(path, aset.schema).spans()] == ["e1", "e1"]
    assert bulk_edits.revert(edit) == []
    assert path.read_bytes() == before
    assert bulk_edits.reapply(edit) == []
    path.write_bytes(before)  # someone else changed it meanwhile
    assert bulk_edits.revert(edit) == [f"{path}: changed since; left as it is"]


def test_exports_say_they_leave_out_entity_links(tmp_path: Path) -> None:
    from annotator.io.formats import FORMATS
    from annotator.io.formats.base import from_annotation_set, to_annotation_set

    aset = AnnotationSet(Document("d", "آمریکا و واشنگتن گفتند"), "a")
    aset.add_span("actor", 0, 6)
    aset.set_entity("s1", "e1")
    doc = from_annotation_set(aset)
    assert doc.spans[0].entity == "e1"
    assert to_annotation_set(doc, aset.schema).span("s1").entity == "e1"
    for name in ("brat", "conll", "csv", "doccano", "spacy", "labelstudio", "webanno"):
        out = tmp_path / name / ("out" if name in ("brat", "webanno") else "out.txt")
        out.parent.mkdir()
        report = FORMATS[name].write([doc], out, {})
        assert any("entity links" in line for line in report.summary()), name
    own = FORMATS["jsonl"]
    report = own.write([doc], tmp_path / "own.jsonl", {})
    assert not any("entity links" in line for line in report.summary())
    (back,) = own.read(tmp_path / "own.jsonl").documents
    assert back.spans[0].entity == "e1"


def test_matches_are_exact_spellings_folded_never_a_part_of_a_name() -> None:
    reg = EntityRegistry()
    e1 = reg.add("کیریاکو", "Kiriakou", "person").id
    e2 = reg.add("نخست‌وزیر عراق", "", "person").id
    assert reg.matches("آمریکا") == [] and reg.suggest("آمریکا") is None  # no unrelated entity
    assert reg.matches("کیریا") == [] and reg.matches("") == []  # a part is not the name
    assert [e.id for e in reg.matches("كيرياكو")] == [e1]  # Arabic kaf and yeh
    assert [e.id for e in reg.matches("کیریاکُو")] == [e1]  # a diacritic
    assert [e.id for e in reg.matches("kiriakou")] == [e1]
    assert [e.id for e in reg.matches("نخست وزیر  عراق")] == [e2]  # ZWNJ lost, two spaces
