"""spaCy/Prodigy JSONL and the CSV export: the exact lines written, what a line holds when
read, and the exact line said about what cannot be read (docs/formats.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.io.formats import AnnotatedDocument, RelationRecord, SpanRecord, get
from annotator.io.formats.base import FormatError
from annotator.model import Document

REST = "; what stands there was not imported, the rest was read"

TEXT = "نخست‌وزیر 😀 در تهران و كرمان گفت"  # ZWNJ, an emoji (one code point), Arabic ك


def rich_doc() -> AnnotatedDocument:
    return AnnotatedDocument(
        Document("n-1", TEXT, "خبر", {"lang": "fa", "title": "another"}),
        [
            SpanRecord("s2", "location", 15, 20, note="یادداشت"),
            SpanRecord("s1", "actor", 0, 9, entity="e-1"),
            SpanRecord("s3", "claim", 0, 20, {"stance": "موافق", "actor": "دولت"}),
            SpanRecord("s0", "person", 0, 9),
        ],
        [RelationRecord("r1", "located_in", "s3", "s2")],
    )


@pytest.mark.parametrize("key", ["spans", "ents"])
def test_spacy_writes_exact_lines(tmp_path: Path, key: str) -> None:
    out = tmp_path / "s.jsonl"
    seen: list[int] = []
    plain = [AnnotatedDocument(Document("n-2", "دو")), AnnotatedDocument(Document("n-3", "سه"))]
    report = get("spacy").write([rich_doc(), *plain], out, {"key": key}, seen.append)
    assert (report.written, seen) == (3, [1, 2, 3])
    every = [(0, 20, "claim"), (0, 9, "person"), (0, 9, "actor"), (15, 20, "location")]  # start, longer first, id
    kept = every if key == "spans" else [every[0]]
    first = {
        "text": TEXT,
        key: [{"start": s, "end": e, "label": label} for s, e, label in kept],
        "meta": {"id": "n-1", "title": "خبر", "lang": "fa"},
    }
    second = {"text": "دو", key: [], "meta": {"id": "n-2", "title": ""}}
    third = {"text": "سه", key: [], "meta": {"id": "n-3", "title": ""}}
    lines = (first, second, third)
    assert out.read_text(encoding="utf-8") == "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
    left_out = {
        "relations (no place in spaCy JSONL)": 1,
        "entity links of mentions (no place in spaCy JSONL)": 1,
        "span attributes/notes (no place in spaCy JSONL)": 2,  # the plain documents add none
        "metadata named id or title (meta.id/meta.title are the document's)": 1,
    }
    if key == "ents":
        left_out["nested/overlapping spans (ents keep the outermost)"] = 3
    assert report.left_out == left_out
    back = get("spacy").read(out)
    assert back.problems == []
    assert [(d.document.id, d.document.title, d.document.metadata) for d in back.documents] == [
        ("n-1", "خبر", {"lang": "fa"}),
        ("n-2", "", {}),
        ("n-3", "", {}),
    ]
    assert [(s.id, s.label, s.start, s.end) for s in back.documents[0].spans] == [
        (f"T{n}", label, s, e) for n, (s, e, label) in enumerate(kept, 1)
    ]


def test_spacy_key_must_be_spans_or_ents(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as caught:
        get("spacy").write([rich_doc()], tmp_path / "s.jsonl", {"key": "sc"})
    assert str(caught.value) == "spaCy key 'sc': use spans or ents"
    assert not (tmp_path / "s.jsonl").exists()


def test_spacy_reads_every_kind_of_line(tmp_path: Path) -> None:
    span = {"start": 15, "end": 20, "label": "LOC"}
    lines: list[Any] = [
        {  # 1: Prodigy: spans as a list, relations by offsets, meta
            "text": TEXT,
            "spans": [{"start": 0, "end": 9, "label": "PER"}, span],
            "relations": [
                {"head_span": {"start": 0, "end": 9}, "child_span": {"start": 15, "end": 20}, "label": "in"},
                {"head_span": {"start": 0, "end": 9}, "child_span": {"start": 1, "end": 2}, "label": "x"},
                {"head_span": {"start": 0, "end": 9}},
            ],
            "meta": {"id": "p-1", "title": "خبر", "source": "irna"},
            "answer": "accept",
            "_input_hash": 1,
        },
        {  # 2: Doc.to_json(): span groups and ents, the same span once, the ents after it read
            "text": TEXT,
            "spans": {"sc": [span, {"start": 23, "end": 28, "label": "LOC"}], "empty": [], "odd": 5},
            "ents": [span, {"start": 0, "end": 9, "label": "PER"}],
            "tokens": [{"id": 0}],
            "cats": {"POLITICS": 1.0},
            "tags": ["N"],
            "extra": [1],
            "meta": "not an object",
        },
        {  # 3: spans that cannot be read
            "text": TEXT,
            "spans": [{"start": 0, "end": 99, "label": "X"}, {"start": 3, "end": 3, "label": "X"},
                      {"start": "a", "end": 2, "label": "X"}, {"end": 2, "label": "X"}, "span"],
            "ents": [{"start": 0, "end": 1}],
            "relations": 5,
        },
        {"spans": []},  # 4: no text
        [TEXT],  # 5
    ]  # fmt: skip
    path = tmp_path / "in.jsonl"
    body = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
    path.write_text(body + '\n{oops\n{"text": "بعد"}\n', encoding="utf-8")
    result = get("spacy").read(path)
    got = [
        (
            d.document.id,
            d.document.title,
            d.document.metadata,
            [(s.id, s.label, s.start, s.end) for s in d.spans],
            [(r.id, r.type, r.source, r.target) for r in d.relations],
        )
        for d in result.documents
    ]
    assert got == [
        ("p-1", "خبر", {"source": "irna"}, [("T1", "PER", 0, 9), ("T2", "LOC", 15, 20)], [("R1", "in", "T1", "T2")]),
        ("in-2", "", {}, [("T1", "LOC", 15, 20), ("T2", "LOC", 23, 28), ("T3", "PER", 0, 9)], []),
        ("in-3", "", {}, [], []),
        ("in-7", "", {}, [], []),  # the line after a malformed one is read
    ]
    assert result.problems == [
        f"{path}:1: relation 2 is not between two of the line's spans",
        f"{path}:1: relation 3 is not between two of the line's spans",
        f"{path}:2: not read: cats, extra, tags (no place for them here)",
        f"{path}:3: spans[1]: offsets 0-99 are not a stretch of the text (32 characters)",
        f"{path}:3: spans[2]: offsets 3-3 are not a stretch of the text (32 characters)",
        f"{path}:3: spans[3] is not {{start, end, label}}",
        f"{path}:3: spans[4] is not {{start, end, label}}",
        f"{path}:3: spans[5] is not {{start, end, label}}",
        f"{path}:3: ents[1] is not {{start, end, label}}",
        f"{path}:3: relations are not a list (not read)",
        f'{path}:4: not a spaCy/Prodigy line: no "text"',
        f'{path}:5: not a spaCy/Prodigy line: no "text"',
        f"{path}: not valid JSON (line 6, column 2: expecting property name enclosed in double quotes)" + REST,
    ]
    (tmp_path / "bad.jsonl").write_bytes(b"\xfe")
    assert get("spacy").read(tmp_path / "bad.jsonl").problems == [f"{tmp_path / 'bad.jsonl'}: not UTF-8 text (byte 0)"]


def test_csv_exact_bytes(tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    seen: list[int] = []
    formula = AnnotatedDocument(Document("n-2", "=SUM(A1) و", ""), [SpanRecord("f", "x", 0, 8)])
    empty = AnnotatedDocument(Document("n-3", "بی‌برچسب"))
    report = get("csv").write([rich_doc(), formula, empty], out, progress=seen.append)
    assert (report.written, seen) == (3, [1, 2, 3])
    assert report.left_out == {
        "relations (no place in one-row-per-span CSV)": 1,
        "entity links of mentions (the format has no place for them)": 1,
    }
    assert out.read_bytes().decode("utf-8") == (
        "\ufeffdocument_id,title,label,text,start,end,attributes,note\r\n"
        # attributes as JSON: by name, Persian as it is
        'n-1,خبر,claim,نخست‌وزیر 😀 در تهران,0,20,"{""actor"": ""دولت"", ""stance"": ""موافق""}",\r\n'
        "n-1,خبر,person,نخست‌وزیر,0,9,,\r\n"
        "n-1,خبر,actor,نخست‌وزیر,0,9,,\r\n"
        "n-1,خبر,location,تهران,15,20,,یادداشت\r\n"
        "n-2,,x,=SUM(A1),0,8,,\r\n"
    )


def test_csv_is_not_read(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as caught:
        get("csv").read(tmp_path / "s.csv")
    assert str(caught.value) == "CSV is written, not read"
