"""The claims schema, schema edits and their migration of spans, as one undoable step."""

from __future__ import annotations

import pytest

from annotator.io import jsonformat
from annotator.model import (
    AnnotationSet,
    AttributeDef,
    AttributeType,
    Document,
    Schema,
    SchemaError,
    SchemaMigration,
    default_schema,
)
from annotator.model.migration import count

TEXT = "سخنگوی وزارت خارجه در تهران گفت که آمریکا باید تحریم‌ها را لغو کند."


def coded() -> AnnotationSet:
    aset = AnnotationSet(Document("d", TEXT), "مریم")
    aset.add_span("actor", 0, 18)
    aset.add_span("location", 22, 27)
    claim = aset.add_span("claim", 35, 67, {"position": "supports", "topic": "sanctions"})
    aset.add_relation("claimed_by", claim.id, "s1")
    aset.add_relation("located_in", claim.id, "s2")
    return aset


def test_default_schema_is_the_claims_analysis_one() -> None:
    schema = default_schema()
    position = schema.attribute("position", "claim")
    assert position is not None and position.kind is AttributeType.CHOICE
    assert position.values == ("supports", "opposes", "neutral")
    assert [c.name("fa") for c in position.choices] == ["موافق", "مخالف", "خنثی"]
    assert schema.attribute("type", "actor") is not None and schema.attribute("type", "claim") is None
    assert [(rt.id, rt.shortcut) for rt in schema.relation_types] == [
        ("claimed_by", "C"), ("addressed_to", "A"), ("located_in", "L"),
    ]  # fmt: skip
    assert schema.relation_type("located_in").to_labels == ("location",)  # type: ignore[union-attr]
    assert schema.relation_type_for_key("a").id == "addressed_to"  # type: ignore[union-attr]


def test_schema_round_trips_through_json_and_old_schemas_still_read() -> None:
    schema = default_schema()
    assert Schema.from_json(schema.to_json()) == schema
    old = {"labels": [{"id": "quote"}], "attributes": [{"id": "stance", "values": ["for", "against"]}]}
    read = Schema.from_json(old)
    assert read.attributes[0].kind is AttributeType.CHOICE and read.attributes[0].values == ("for", "against")
    assert read.to_json()["attributes"][0]["values"] == ["for", "against"]  # plain strings stay plain


@pytest.mark.parametrize(
    "attribute",
    [
        AttributeDef("x", "x", "x", type=AttributeType.CHOICE),
        AttributeDef("x", "x", "x", values=("a",), default="b"),
        AttributeDef("x", "x", "x", type=AttributeType.NUMBER, default="ten"),
    ],
)
def test_bad_attribute_definitions_are_refused(attribute: AttributeDef) -> None:
    with pytest.raises(SchemaError):
        default_schema().with_attribute(attribute)


def test_defaults_go_to_new_spans() -> None:
    schema = default_schema().with_attribute(
        AttributeDef("certain", "قطعی", "Certain", ("claim",), type=AttributeType.BOOLEAN, default=True)
    )
    aset = AnnotationSet(Document("d", TEXT), schema=schema)
    assert aset.add_span("claim", 0, 5).attributes == {"certain": True}
    assert aset.add_span("actor", 0, 5).attributes == {}


def test_renaming_a_label_in_use_migrates_spans_and_undo_restores_everything() -> None:
    aset = coded()
    before = jsonformat.dumps(aset)
    old = aset.schema
    label = old.label("claim")
    assert label is not None
    from dataclasses import replace

    new = old.with_label(replace(label, id="statement"), replacing="claim")
    migration = SchemaMigration(label_renames={"claim": "statement"})
    assert count(migration, aset.spans(), aset.relations()).spans_changed == 1
    aset.apply_schema(new, migration)
    assert [s.label for s in aset.spans()] == ["actor", "location", "statement"]
    assert new.relation_type("claimed_by").from_labels == ("statement",)  # type: ignore[union-attr]
    assert len(aset.relations()) == 2  # the relations still fit the renamed label
    assert aset.undo_stack.peek_undo() is not None and aset.undo_stack.peek_undo().kind == "schema"  # type: ignore[union-attr]
    aset.undo()
    assert aset.schema == old
    assert jsonformat.dumps(aset) == before
    aset.redo()
    assert aset.schema == new and aset.span("s3").label == "statement"


def test_removing_a_label_deletes_its_spans_and_their_relations_in_one_step() -> None:
    aset = coded()
    migration = SchemaMigration(label_removals=frozenset({"location"}))
    found = count(migration, aset.spans(), aset.relations())
    assert (found.spans_deleted, found.relations_deleted) == (1, 1)
    aset.apply_schema(aset.schema.without_label("location"), migration)
    assert [s.label for s in aset.spans()] == ["actor", "claim"]
    assert [r.type for r in aset.relations()] == ["claimed_by"]
    assert aset.schema.relation_type("located_in") is None
    aset.undo()
    assert len(aset.spans()) == 3 and len(aset.relations()) == 2


def test_renaming_and_removing_choice_values() -> None:
    aset = coded()
    migration = SchemaMigration(
        value_renames={("position", "supports"): "pro"}, value_removals=frozenset({("topic", "sanctions")})
    )
    position = aset.schema.attribute("position", "claim")
    assert position is not None
    from dataclasses import replace

    new = aset.schema.with_attribute(
        replace(position, values=("pro", "opposes", "neutral"), value_names=()), replacing="position"
    )
    aset.apply_schema(new, migration)
    assert aset.span("s3").attributes == {"position": "pro"}
    aset.undo()
    assert aset.span("s3").attributes == {"position": "supports", "topic": "sanctions"}


def test_check_attributes_reports_values_the_schema_does_not_allow() -> None:
    aset = coded()
    aset.set_attribute("s3", "position", "maybe")
    data = jsonformat.to_json(aset)
    assert jsonformat.check(data, aset.schema) == []  # it loads
    problems = jsonformat.check_attributes(data, aset.schema)
    assert [p.path for p in problems] == ["$.spans[2].attributes.position"]
    assert "allowed: supports, opposes, neutral" in problems[0].message


def test_entity_link_is_written_only_when_set_and_read_back() -> None:
    aset = coded()
    plain = jsonformat.dumps(aset)
    assert '"entity"' not in plain
    aset.set_entity("s1", "e7")
    data = jsonformat.to_json(aset)
    assert data["spans"][0]["entity"] == "e7"
    again = jsonformat.from_json(data, aset.schema)
    assert again.span("s1").entity == "e7"
    aset.undo()
    assert jsonformat.dumps(aset) == plain
    bad = jsonformat.to_json(coded())
    bad["spans"][0]["entity"] = ""
    assert [p.path for p in jsonformat.check(bad, aset.schema)] == ["$.spans[0].entity"]


def test_document_info_is_one_undoable_step() -> None:
    aset = coded()
    aset.set_document_info("عنوان", {"date": "۱۴۰۲/۰۵/۱۲", "date_gregorian": "2023-08-03"})
    assert aset.document.title == "عنوان" and aset.document.metadata["date"] == "۱۴۰۲/۰۵/۱۲"
    aset.undo()
    assert aset.document.title == "" and aset.document.metadata == {}
