"""doccano JSONL byte for byte: both variants (`label`, and `entities` with `relations`), the
offsets in UTF-16 units (doccano's annotation view measures JavaScript strings; doccano
#2484, #99) or in code points with `offsets="codepoints"`, other keys kept, and one-line
messages naming the file, the line and the item for each bad one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.io.formats import AnnotatedDocument, RelationRecord, SpanRecord, get
from annotator.io.formats.base import FormatError
from annotator.model import Document

# 😊 0 (two UTF-16 units), علی 2-5, گفت 6-9, تهران 10-15 (code points)
TEXT = "😊 علی گفت تهران"


def export_doc() -> AnnotatedDocument:
    spans = [
        SpanRecord("c", "claim", 2, 15, {"stance": "for"}),
        SpanRecord("a", "actor", 2, 5, note="n"),
        SpanRecord("l", "location", 10, 15),
    ]
    relations = [RelationRecord("r", "by", "c", "a"), RelationRecord("q", "at", "c", "gone")]
    return AnnotatedDocument(Document("d1", TEXT, "عنوان", {"Comments": ["x"], "id": 7}), spans, relations)


OVERLAP = "nested or overlapping spans: doccano keeps them only in a project that allows overlapping spans"
ENTITIES_U16 = (
    '[{"id": 0, "label": "claim", "start_offset": 3, "end_offset": 16}, '
    '{"id": 1, "label": "actor", "start_offset": 3, "end_offset": 6}, '
    '{"id": 2, "label": "location", "start_offset": 11, "end_offset": 16}]'
)
ENTITIES_CP = ENTITIES_U16.replace(": 3", ": 2").replace(": 6", ": 5").replace(": 16", ": 15").replace(": 11", ": 10")


@pytest.mark.parametrize(
    ("options", "line", "left_out"),
    [
        (
            {},
            '{"text": "😊 علی گفت تهران", "label": [[3, 16, "claim"], [3, 6, "actor"], [11, 16, "location"]], '
            '"Comments": ["x"], "id": 7, "title": "عنوان"}',
            {"relations (the doccano label variant has none)": 2},
        ),
        (
            {"offsets": "codepoints", "variant": "label"},
            '{"text": "😊 علی گفت تهران", "label": [[2, 15, "claim"], [2, 5, "actor"], [10, 15, "location"]], '
            '"Comments": ["x"], "id": 7, "title": "عنوان"}',
            {"relations (the doccano label variant has none)": 2},
        ),
        (
            {"variant": "relations"},
            f'{{"text": "😊 علی گفت تهران", "entities": {ENTITIES_U16}, '
            '"relations": [{"id": 0, "from_id": 0, "to_id": 1, "type": "by"}], '
            '"Comments": ["x"], "id": 7, "title": "عنوان"}',
            {"relations to missing spans": 1},
        ),
        (
            {"variant": "relations", "offsets": "codepoints"},
            f'{{"text": "😊 علی گفت تهران", "entities": {ENTITIES_CP}, '
            '"relations": [{"id": 0, "from_id": 0, "to_id": 1, "type": "by"}], '
            '"Comments": ["x"], "id": 7, "title": "عنوان"}',
            {"relations to missing spans": 1},
        ),
    ],
)
def test_export_exact(tmp_path: Path, options: dict[str, str], line: str, left_out: dict[str, int]) -> None:
    seen: list[int] = []
    report = get("doccano").write([export_doc()], tmp_path / "o.jsonl", options, progress=seen.append)
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8") == line + "\n"
    assert report.left_out == {**left_out, "span attributes/notes (doccano has no place for them)": 2}
    assert report.notes == {OVERLAP: 1}
    assert seen == [1] and report.written == 1


def test_export_of_a_plain_document_and_the_variant_read(tmp_path: Path) -> None:
    # spans side by side do not overlap: no note
    plain = AnnotatedDocument(Document("p", "قمری"), [SpanRecord("a", "L", 0, 2), SpanRecord("b", "L", 2, 4)])
    kept = AnnotatedDocument(Document("k", "ری"), layout={"doccano": {"variant": "relations"}})
    report = get("doccano").write([plain, kept], tmp_path / "o.jsonl")
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8") == (
        '{"id": "p", "text": "قمری", "label": [[0, 2, "L"], [2, 4, "L"]]}\n'
        '{"id": "k", "text": "ری", "entities": [], "relations": []}\n'
    )
    assert (report.left_out, report.notes, report.written) == ({}, {}, 2)


def test_bad_options_say_what_to_use(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as variant:
        get("doccano").write([export_doc()], tmp_path / "o.jsonl", {"variant": "spans"})
    assert str(variant.value) == "doccano variant 'spans': use label or relations"
    with pytest.raises(FormatError) as unit:
        get("doccano").write([export_doc()], tmp_path / "o.jsonl", {"offsets": "bytes"})
    assert str(unit.value) == "doccano offsets 'bytes': use utf16 or codepoints"
    assert not (tmp_path / "o.jsonl").exists()


READ_TEXT = "😊 علی گفت"
READ_LINES = [
    {
        "id": 5,
        "text": READ_TEXT,
        "label": [[3, 6, "PER"], [1, 3, "X"], [0, 1, "E"], [2, 3], [0, 99, "Z"], "ab", [7.0, 10, "V"]],
        "Comments": [],
        "title": "تیتر",
    },
    {"text": READ_TEXT, "labels": [[2, 5, "PER"]]},
    {
        "text": READ_TEXT,
        "entities": [
            {"id": 10, "label": "PER", "start_offset": 3, "end_offset": 6},
            {"label": "V", "start_offset": 7, "end_offset": 10},
            {"id": 12, "label": "X", "start_offset": 1},
            {"id": 13, "label": "E", "start_offset": 0, "end_offset": 1},
            {"id": 14, "label": "Z", "start_offset": 5, "end_offset": 50},
            "junk",
            {"id": 15, "label": "W" * 70},
            {"id": 16, "label": "Y", "start_offset": 6, "end_offset": 6},
        ],
        "relations": [
            {"id": 3, "from_id": 10, "to_id": 2, "type": "by"},
            {"from_id": 10, "to_id": 12, "type": "x"},
            "junk",
            {"from_id": 2, "to_id": 10, "type": "y"},  # no id: numbered by its place
        ],
        "title": 5,
    },
    [1, 2],
    {"text": 5},
    {"text": READ_TEXT, "entities": None, "relations": None},
    {"text": READ_TEXT},
]


def test_reads_both_variants_and_says_what_is_wrong(tmp_path: Path) -> None:
    source = tmp_path / "d.jsonl"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in READ_LINES) + "\n", encoding="utf-8")
    result = get("doccano").read(source)
    assert result.problems == [
        f"{source}:1: label 2: offsets 1-3 split an emoji (code points? see --offsets)",
        f"{source}:1: label 3: offsets 0-1 split an emoji (code points? see --offsets)",
        f"{source}:1: label 4 is not [start, end, label]",
        f"{source}:1: label 5: offsets 0-99 are not a stretch of the text (9 characters)",
        f"{source}:1: label 6 is not [start, end, label]",
        f"{source}:3: entity 3 is malformed: {{'id': 12, 'label': 'X', 'start_offset': 1}}",
        f"{source}:3: entity 4: offsets 0-1 split an emoji (code points? see --offsets)",
        f"{source}:3: entity 5: offsets 5-50 are not a stretch of the text (9 characters)",
        f"{source}:3: entity 6 is malformed: junk",
        f"{source}:3: entity 7 is malformed: {str({'id': 15, 'label': 'W' * 70})[:60]}",
        # an empty span, named with the file's numbers (UTF-16), not converted ones
        f"{source}:3: entity 8: offsets 6-6 are not a stretch of the text (9 characters)",
        f"{source}:3: relation 2 refers to a missing entity",
        f"{source}:3: relation 3 refers to a missing entity",
        f'{source}:4: not a doccano line: no "text"',
        f'{source}:5: not a doccano line: no "text"',
    ]
    docs = result.documents
    # the id, else FILE-LINE; a string title; every other key kept as metadata
    assert [d.document for d in docs] == [
        Document("5", READ_TEXT, "تیتر", {"id": 5, "Comments": []}),
        Document("d-2", READ_TEXT, "", {}),
        Document("d-3", READ_TEXT, "", {"title": 5}),
        Document("d-6", READ_TEXT, "", {}),
        Document("d-7", READ_TEXT, "", {}),
    ]
    relations = {"doccano": {"variant": "relations"}}
    assert [d.layout for d in docs] == [{}, {}, relations, relations, {}]
    assert [[(s.id, s.label, s.start, s.end) for s in d.spans] for d in docs] == [
        [("T1", "PER", 2, 5), ("T7", "V", 6, 9)],
        [("T1", "PER", 1, 4)],
        [("T10", "PER", 2, 5), ("T2", "V", 6, 9)],
        [],
        [],
    ]
    assert [(r.id, r.type, r.source, r.target) for r in docs[2].relations] == [
        ("R3", "by", "T10", "T2"),
        ("R4", "y", "T2", "T10"),
    ]


def test_code_point_files_read_with_the_option(tmp_path: Path) -> None:
    source = tmp_path / "d.jsonl"
    line = {"text": READ_TEXT, "label": [[2, 5, "PER"], [0, 1, "E"], [6, 10, "Z"]]}
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = get("doccano").read(source, {"offsets": "codepoints"})
    assert result.problems == [f"{source}:1: label 3: offsets 6-10 are not a stretch of the text (9 characters)"]
    assert [(s.label, s.start, s.end) for s in result.documents[0].spans] == [("PER", 2, 5), ("E", 0, 1)]


def test_round_trip_in_both_units(tmp_path: Path) -> None:
    for unit in ("utf16", "codepoints"):
        get("doccano").write([export_doc()], tmp_path / "o.jsonl", {"variant": "relations", "offsets": unit})
        back = get("doccano").read(tmp_path / "o.jsonl", {"offsets": unit})
        assert back.problems == []
        doc = back.documents[0]
        assert doc.document == Document("7", TEXT, "عنوان", {"Comments": ["x"], "id": 7})
        spans = {s.id: (s.label, s.start, s.end) for s in doc.spans}
        assert list(spans.values()) == [("claim", 2, 15), ("actor", 2, 5), ("location", 10, 15)]
        assert [(r.type, spans[r.source], spans[r.target]) for r in doc.relations] == [
            ("by", ("claim", 2, 15), ("actor", 2, 5))
        ]


def test_not_utf8_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_bytes(b'{"text": "\xff"}\n')
    result = get("doccano").read(tmp_path / "d.jsonl")
    assert (result.documents, result.problems) == ([], [f"{tmp_path / 'd.jsonl'}: not UTF-8 text (byte 10)"])


def test_a_field_that_is_not_a_list_is_one_message(tmp_path: Path) -> None:
    # "notalist" was read one character at a time: eight "label n is not ..." lines
    lines = [
        {"text": READ_TEXT, "label": "notalist"},
        {"text": READ_TEXT, "labels": {"a": [0, 1, "X"]}},
        {"text": READ_TEXT, "entities": "abc", "relations": 7},
        {"text": READ_TEXT, "label": ["123", [0, 2, "X"]]},  # a string entry is not [1, 2, "3"]
    ]
    source = tmp_path / "d.jsonl"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    result = get("doccano").read(source)
    assert result.problems == [
        f"{source}:1: \"label\" must be a list of [start, end, label] entries, not str 'notalist'",
        f"{source}:2: \"labels\" must be a list of [start, end, label] entries, not dict \"{{'a': [0, 1, 'X']}}\"",
        f"{source}:3: \"entities\" must be a list of entities, not str 'abc'",
        f"{source}:3: \"relations\" must be a list of relations, not int '7'",
        f"{source}:4: label 1 is not [start, end, label]",
    ]
    assert [len(d.spans) for d in result.documents] == [0, 0, 0, 1]
