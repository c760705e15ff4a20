"""docs/format.md stays true: its example validates and is what the program writes."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from annotator.io import jsonformat
from annotator.model import AnnotationSet, Document, Schema, default_schema

DOC = Path(__file__).resolve().parents[3] / "docs" / "format.md"


def json_blocks() -> dict[str, str]:
    """The ```json blocks of docs/format.md by the heading they sit under."""
    blocks: dict[str, str] = {}
    heading = ""
    for match in re.finditer(r"^## ([^\n]+)$|^```json\n(.*?)^```$", DOC.read_text("utf-8"), re.M | re.S):
        if match[1]:
            heading = match[1]
        else:
            blocks[heading] = match[2]
    return blocks


def example() -> tuple[str, Any]:
    raw = json_blocks()["Example"]
    return raw, jsonformat.parse(raw.encode("utf-8"), "format.md")


def test_the_example_validates() -> None:
    _, data = example()
    assert jsonformat.check(data, default_schema()) == []
    aset = jsonformat.from_json(data, default_schema())
    assert [s.label for s in aset.spans()] == ["actor", "location", "claim"]
    assert len(aset.text) == 76  # as the prose below the example says
    assert aset.span("s3").end == 75 and aset.text[75] == "."


def test_the_example_is_what_the_program_writes() -> None:
    raw, data = example()
    text = data["document"]["text"]
    doc = Document("irna-1402-0815", text, "ادامهٔ گفت‌وگوها", {"source": "ایرنا", "date": "2023-11-06"})
    aset = AnnotationSet(doc, "مریم", default_schema())
    actor = aset.add_span("actor", 0, text.index(" در"), note="سخنگو نام برده نشده است")
    aset.add_span("location", text.index("تهران"), text.index(" گفت"))
    claim = aset.add_span("claim", text.index("گفت\u200cوگوها"), len(text) - 1)
    aset.set_attribute(claim.id, "certainty", "قطعی")
    aset.add_relation("claimed_by", claim.id, actor.id)
    assert jsonformat.dumps(aset) == raw


def test_the_validation_line_quoted_in_the_doc_is_real() -> None:
    _, data = example()
    broken = copy.deepcopy(data)
    broken["spans"][2]["end"] = 90
    line = jsonformat.check(broken, default_schema())[0].line("a.annotations.json")
    assert f"`{line}`" in DOC.read_text("utf-8")


def test_the_collection_schema_example_is_a_schema() -> None:
    schema = Schema.from_json(json.loads(json_blocks()["Labels, attributes and relation types (the schema)"]))
    assert schema.label_ids == ("person", "quote")
    assert schema.relation_type("said_by") is not None
    stance = schema.attribute("stance", "quote")
    assert stance is not None and stance.values == ("for", "against") and stance.default == "for"
    assert [a.kind.value for a in schema.attributes] == ["choice", "boolean", "number", "text"]


def test_the_entities_example_is_a_valid_registry() -> None:
    from annotator.io import entities

    registry = entities.from_json(json.loads(json_blocks()["Entities"]))
    assert [e.id for e in registry.entities()] == ["e1", "e2"]
