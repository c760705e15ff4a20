"""What every format shares (io/formats/base.py): the export summary, the one-line
problems, JSON values one after another with their line numbers, reading a file as its
offsets count it, and the conversion to and from the model at the project boundary."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.io.formats import AnnotatedDocument, RelationRecord, SpanRecord, labels_used, relation_types_used
from annotator.io.formats.base import (
    FormatError,
    WriteReport,
    atomic_text_writer,
    check_span,
    count_documents_with_title,
    from_annotation_set,
    iter_json_values,
    leave_out_entity_links,
    loses_title_or_metadata,
    nested_outermost,
    problem,
    read_utf8,
    to_annotation_set,
)
from annotator.model import Document, EditError, default_schema

REST = "; what stands there was not imported, the rest was read"

TEXT = "نخست‌وزیر 😀 در تهران و كرمان گفت"  # ZWNJ, an emoji, Arabic ك


def test_the_export_summary() -> None:
    report = WriteReport()
    report.leave_out("relations", 0)  # nothing left out is not mentioned
    report.leave_out("relations")
    report.leave_out("notes", 2)
    report.leave_out("notes")
    report.note("offsets in UTF-16 units", 0)
    report.note("offsets in UTF-16 units", 3)
    report.note("offsets in UTF-16 units")
    report.written = 4
    assert report.left_out == {"relations": 1, "notes": 3}
    assert report.notes == {"offsets in UTF-16 units": 4}
    assert report.summary() == [
        "4 document(s) written",
        "left out: 3 notes",
        "left out: 1 relations",
        "note: offsets in UTF-16 units (4 document(s))",
    ]
    assert WriteReport().summary() == ["0 document(s) written"]


def test_problem_lines_and_span_checks() -> None:
    assert problem(Path("a/b.jsonl"), 3, "bad") == "a/b.jsonl:3: bad"
    assert problem("b.json", 0, "bad") == "b.json:0: bad"
    assert problem("b.json", None, "bad") == "b.json: bad"
    assert check_span(TEXT, 0, len(TEXT)) is None
    assert check_span(TEXT, 10, 11) is None  # the emoji: one code point
    for start, end in [(3, 3), (4, 3), (-1, 2), (0, 33)]:
        assert check_span(TEXT, start, end) == f"offsets {start}-{end} are not a stretch of the text (32 characters)"


def test_json_values_one_after_another_with_their_lines() -> None:
    text = '\ufeff{"a": 1}\n{"b":\n2}\n\n[1,\n2]\nxx\n{"c": 3} {"d": 4}\n{oops\n{"e": 5}'
    assert list(iter_json_values(text, "F")) == [
        (1, {"a": 1}),
        (2, {"b": 2}),  # pretty-printed over two lines
        (5, [1, 2]),
        "F: not valid JSON (line 7, column 1: expecting value)" + REST,
        (8, {"c": 3}),
        (8, {"d": 4}),
        "F: not valid JSON (line 9, column 2: expecting property name enclosed in double quotes)" + REST,
        (10, {"e": 5}),
    ]
    assert list(iter_json_values('{"a": 1} x', "F")) == [
        (1, {"a": 1}),
        "F: not valid JSON (line 1, column 10: expecting value)" + REST,
    ]
    assert list(iter_json_values(" \t\r\n", "F")) == []
    assert list(iter_json_values("[1,\n2,\nx]\n[3]", "F")) == [
        "F: not valid JSON (line 3, column 1: expecting value)" + REST,
        (4, [3]),
    ]
    # blank lines first count; a stray letter is no white space
    assert list(iter_json_values("\n\nX\n[3]", "F")) == [
        "F: not valid JSON (line 3, column 1: expecting value)" + REST,
        (4, [3]),
    ]


def test_read_utf8_as_the_offsets_count_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffمتن\r\nدوم".encode())
    assert read_utf8(path) == "متن\r\nدوم"  # BOM dropped, line ends kept
    path.write_bytes("مت".encode() + b"\xff")
    with pytest.raises(FormatError, match=r"^.*a\.txt: not UTF-8 text \(byte 4\)$"):
        read_utf8(path)
    with pytest.raises(FormatError) as caught:
        read_utf8(tmp_path / "missing.txt")
    assert str(caught.value) == f"{tmp_path / 'missing.txt'}: cannot read: No such file or directory"
    with pytest.raises(FormatError) as caught:
        read_utf8(tmp_path)
    assert str(caught.value) == f"{tmp_path}: cannot read: not a regular file (a device, a pipe or a folder)"


def test_an_export_replaces_the_file_only_when_complete(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("قبلی", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text_writer(out) as handle:
        handle.write("نیمه")
        raise RuntimeError("export stopped")
    assert out.read_text(encoding="utf-8") == "قبلی"
    assert sorted(os.listdir(tmp_path)) == ["out.txt"]
    with atomic_text_writer(out, encoding="utf-8-sig") as handle:
        handle.write("تازه\r\n")
    assert out.read_bytes() == "\ufeffتازه\r\n".encode()  # newline="" : line ends as written
    assert sorted(os.listdir(tmp_path)) == ["out.txt"]


def doc(title: str = "", **metadata: object) -> AnnotatedDocument:
    return AnnotatedDocument(Document("d1", TEXT, title, dict(metadata)))


def test_what_a_format_without_titles_loses() -> None:
    assert not loses_title_or_metadata(doc())
    assert not loses_title_or_metadata(doc("d1"))  # a title that is only the id
    assert not loses_title_or_metadata(doc(source="a.conll", tokens=[[0, 1]], layout={}))
    assert loses_title_or_metadata(doc("خبر"))
    assert loses_title_or_metadata(doc(lang="fa"))
    # a .txt import (new user's trial): a1.txt of one line is titled a1 and records its
    # encoding; a longer one is titled by its first line, which the tokens hold
    assert not loses_title_or_metadata(doc("a1", source="a1.txt", encoding="utf-8"))
    assert not loses_title_or_metadata(doc(TEXT.split("\n")[0], source="a1.txt", encoding="cp1256"))
    assert not loses_title_or_metadata(doc(row=3))  # a CSV's row number
    assert loses_title_or_metadata(doc("a2", source="a1.txt"))
    report = WriteReport()
    for d in (doc(), doc("خبر"), doc(lang="fa")):
        count_documents_with_title(report, d)
    assert report.left_out == {"document titles/metadata (the format has no place for them)": 2}


def test_entity_links_left_out_are_counted() -> None:
    d = doc()
    d.spans = [
        SpanRecord("a", "actor", 0, 9, entity="e1"),
        SpanRecord("b", "actor", 15, 20),
        SpanRecord("c", "x", 1, 2, entity="e2"),
    ]
    report = WriteReport()
    leave_out_entity_links(d, report)
    leave_out_entity_links(d, report, "spaCy keeps no links")
    leave_out_entity_links(doc(), report)
    assert report.left_out == {
        "entity links of mentions (the format has no place for them)": 2,
        "entity links of mentions (spaCy keeps no links)": 2,
    }


def test_nested_outermost_keeps_the_outer_then_the_earliest() -> None:
    spans = [
        SpanRecord("b", "x", 0, 9),
        SpanRecord("a", "x", 0, 20),
        SpanRecord("c", "x", 15, 20),
        SpanRecord("d", "x", 20, 28),  # touching is not overlapping
        SpanRecord("e", "x", 23, 32),
        SpanRecord("f", "x", 29, 32),
    ]
    kept, dropped = nested_outermost(spans)
    assert [s.id for s in kept] == ["a", "d", "f"]
    assert [s.id for s in dropped] == ["b", "c", "e"]
    kept, dropped = nested_outermost([SpanRecord("z", "x", 0, 5), SpanRecord("y", "x", 0, 5)])
    assert ([s.id for s in kept], [s.id for s in dropped]) == (["y"], ["z"])


def test_labels_and_relation_types_in_order_of_first_use() -> None:
    a, b = doc(), doc()
    a.spans = [SpanRecord("1", "location", 0, 1), SpanRecord("2", "actor", 1, 2), SpanRecord("3", "location", 2, 3)]
    b.spans = [SpanRecord("4", "claim", 0, 1), SpanRecord("5", "actor", 1, 2)]
    a.relations = [RelationRecord("r1", "located_in", "1", "2"), RelationRecord("r2", "claimed_by", "1", "3")]
    b.relations = [RelationRecord("r3", "located_in", "4", "5")]
    assert labels_used([a, b]) == ["location", "actor", "claim"]
    assert relation_types_used([a, b]) == ["located_in", "claimed_by"]


def annotated() -> AnnotatedDocument:
    return AnnotatedDocument(
        Document("d1", TEXT, "خبر", {"lang": "fa"}),
        [  # in the model's order: by start, the longer first
            SpanRecord("s3", "claim", 0, 32),
            SpanRecord("s1", "actor", 0, 9, {"role": "official"}, "سخنگو", "e-1"),
            SpanRecord("s2", "location", 15, 20),
        ],
        [RelationRecord("r1", "located_in", "s3", "s2")],
        tokens=[(0, 9), (10, 11)],
        layout={"conll": {"separator": "|"}},
        status="done",
        annotator="علی",
    )


def test_to_and_from_the_model_keep_everything() -> None:
    schema = default_schema()
    aset = to_annotation_set(annotated(), schema)
    assert aset.document.metadata == {
        "lang": "fa",
        "tokens": [[0, 9], [10, 11]],
        "layout": {"conll": {"separator": "|"}},
    }
    assert (aset.annotator, aset.status.value, aset.document.title) == ("علی", "done", "خبر")
    back = from_annotation_set(aset)
    assert back == annotated()
    unknown = annotated()
    unknown.status = "reviewed"  # not a status the model has
    unknown.tokens, unknown.layout = None, {}
    aset = to_annotation_set(unknown, schema)
    assert aset.status.value == "new"
    assert aset.document.metadata == {"lang": "fa"}
    again = from_annotation_set(aset)
    assert (again.tokens, again.layout) == (None, {})


def test_to_the_model_says_what_it_refuses_or_raises() -> None:
    bad = annotated()
    bad.spans.append(SpanRecord("s4", "no-such-label", 0, 2))
    bad.spans.append(SpanRecord("s1", "actor", 1, 2))  # the id again
    bad.spans.append(SpanRecord("", "no-such-label", 2, 3))  # a file gave no id: none named
    # refused relations first: the ones after them are still read, with their own ids
    bad.relations[:0] = [RelationRecord("r2", "located_in", "s3", "gone"), RelationRecord("", "x", "s3", "s1")]
    bad.relations.append(RelationRecord("rel-7", "claimed_by", "s3", "s1"))
    problems: list[str] = []
    aset = to_annotation_set(bad, default_schema(), problems)
    assert sorted(s.id for s in aset.spans()) == ["s1", "s2", "s3"]
    assert sorted(r.id for r in aset.relations()) == ["r1", "rel-7"]
    assert [p.split(" left out: ")[0] for p in problems] == [
        "span s4 (no-such-label 0-2)",
        "span s1 (actor 1-2)",
        "span  (no-such-label 2-3)",
        "relation r2 (located_in s3->gone)",
        "relation  (x s3->s1)",
    ]
    with pytest.raises(EditError):
        to_annotation_set(bad, default_schema())
