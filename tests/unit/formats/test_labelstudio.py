"""Label Studio JSON, field by field: what a task's every part becomes, the exact file
written, and the exact line said about each part that cannot be read.

Offsets count code points, as Label Studio's Text regions do (docs/formats.md); the text
here has a ZWNJ inside a word, an emoji (two UTF-16 units) and an Arabic ك.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.io.formats import AnnotatedDocument, RelationRecord, SpanRecord, get
from annotator.io.formats.labelstudio import LabelStudio
from annotator.model import Document

TEXT = "نخست‌وزیر 😀 در تهران و كرمان گفت"
# code points: نخست‌وزیر 0-9, 😀 10-11, تهران 15-20, كرمان 23-28, گفت 29-32
# (in UTF-16 units everything after the emoji is one further on: تهران 16-21)


def region(ident: str | None, start: Any, end: Any, labels: Any, **extra: Any) -> dict[str, Any]:
    value: dict[str, Any] = {"start": start, "end": end, "labels": labels}
    if start is None:
        del value["start"]
    value.update(extra.pop("value", {}))
    result: dict[str, Any] = {"type": "labels", "value": value, **extra}
    if ident is not None:
        result["id"] = ident
    return result


def relation(source: str, target: str, **extra: Any) -> dict[str, Any]:
    return {"from_id": source, "to_id": target, "type": "relation", **extra}


def per_region(ident: str, kind: str, name: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"id": ident, "from_name": name, "type": kind, "value": value}


RESULTS: list[Any] = [
    # 1: two labels, a note in two lines, the names of the labelling config
    region("e1", 0, 9, ["actor", "person"], from_name="ner", to_name="body",
           value={"text": "نخست‌وزیر"}, meta={"text": ["یادداشت", "دوم"]}),
    # 2: UTF-16 offsets (annotator before issue 9): read as such, and said; its names are not the first
    region("e2", 16, 21, ["location"], from_name="other", to_name="other", value={"text": "تهران"}),
    # 3: says Persian ک where the text has Arabic ك: kept where the offsets are, and said
    region("e3", 23, 28, ["location"], value={"text": "کرمان"}, meta={"text": "تک"}),
    # 4: no id (gets r4), no text to compare
    region(None, 29, 32, ["claim"]),
    region("e5", None, 3, ["x"]),  # 5: no start
    region("e6", "", 3, ["x"]),  # 6: start not a number
    {"id": "e7", "type": "labels", "value": {"start": [1], "end": 3, "labels": ["x"]}},  # 7: a list
    region("e8", 30, 99, ["x"]),  # 8: beyond the text's 32 characters
    region("e9", 0, 4, []),  # 9: no label
    relation("e1", "e2", direction="left", labels=["said_in"]),  # 10: left swaps the ends
    relation("e1", "e3", direction="bi"),  # 11: kept as from -> to, unlabelled: related
    relation("e1", "nope"),  # 12
    # 13: one choice: the value itself (a per-region value also holds its region's text)
    per_region("e1", "choices", "stance", {"start": 0, "end": 9, "text": "نخست‌وزیر", "choices": ["pro"]}),
    per_region("e2", "choices", "tags", {"choices": ["a", "b"]}),  # 14: several: the list
    per_region("e3", "textarea", "comment", {"text": ["خوب"]}),  # 15
    {"id": "r4", "type": "rating", "value": {"rating": 4}},  # no from_name: the type  # 16
    per_region("zz", "number", "count", {"number": 1}),  # 17: no such region
    {"id": "e18", "type": "rectangle", "value": {}},  # 18
    "not a result",  # 19
    {"value": {}},  # 20
    {"id": "e21", "type": "labels", "value": "x"},  # 21
    # 22: <ParagraphLabels> count paragraphs, not characters (labelstud.io/tags/paragraphs)
    {"id": "e22", "type": "paragraphlabels", "value": {"start": "0", "end": "1", "startOffset": 0, "endOffset": 4,
                                                       "paragraphlabels": ["x"]}},
]  # fmt: skip

TASKS: list[Any] = [
    {
        "id": 11,
        "data": {"text": TEXT, "doc_id": "n-1", "title": "خبر", "source": "irna", "annotator": "fallback"},
        "meta": {"lang": "fa", "source": "meta wins"},
        "annotations": [
            {"completed_by": {"id": 3, "email": "a@x.org"}, "result": RESULTS},
            "junk",
            {"was_cancelled": True, "completed_by": 5, "result": []},
            {"completed_by": {"id": 7}, "result": []},
            {"completed_by": None},
            {"completed_by": {"email": "", "id": None}, "result": None},
        ],
        "drafts": [{"result": []}, {"result": []}],
    },
    {  # no id, no "text": the first string in data; only the first prediction
        "data": {"n": 3, "content": "متن دوم", "other": "نه"},
        "predictions": [{"result": [region("p", 0, 3, ["L"])]}, {"result": [region("q", 4, 7, ["M"])]}],
        "annotations": [],
    },
    {"id": 0, "data": {"text": 5, "body": "بدنه"}, "meta": "not a dict", "drafts": []},
    "not a task",
    {"id": "x", "data": {"n": 1}},
    {"data": "a string"},
    {"id": None, "data": {"text": "بی‌نام"}, "annotations": 5, "predictions": {"result": []}},
]


def plain(doc: AnnotatedDocument) -> dict[str, Any]:
    """What a document record holds, spans and relations as tuples."""
    return {
        "id": doc.document.id,
        "title": doc.document.title,
        "text": doc.text,
        "metadata": doc.document.metadata,
        "status": doc.status,
        "annotator": doc.annotator,
        "layout": doc.layout,
        "spans": [(s.id, s.label, s.start, s.end, s.attributes, s.note) for s in doc.spans],
        "relations": [(r.id, r.type, r.source, r.target) for r in doc.relations],
    }


def read(tmp_path: Path, content: Any, **options: Any) -> tuple[list[dict[str, Any]], list[str], str]:
    path = tmp_path / "tasks.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), "utf-8")
    result = get("labelstudio").read(path, options or None)
    # a task's other annotations are its document's other coders: listed after it here
    return [plain(c) for d in result.documents for c in [d, *d.more_coders]], result.problems, str(path)


def test_every_part_of_a_task_is_read_or_said(tmp_path: Path) -> None:
    docs, problems, path = read(tmp_path, TASKS)
    task1 = {"id": "n-1", "title": "خبر", "text": TEXT, "metadata": {"lang": "fa", "source": "meta wins"}}
    spans = [
        ("e1", "actor", 0, 9, {"stance": "pro"}, "یادداشت\nدوم"),
        ("e1-1", "person", 0, 9, {"stance": "pro"}, "یادداشت\nدوم"),
        ("e2", "location", 15, 20, {"tags": ["a", "b"]}, ""),
        ("e3", "location", 23, 28, {"comment": "خوب"}, "تک"),
        ("r4", "claim", 29, 32, {"rating": 4}, ""),
    ]
    bare = {"layout": {"labelstudio": {"text_key": "text"}}, "spans": [], "relations": []}
    assert docs == [
        {
            **task1,
            "status": "done",
            "annotator": "a@x.org",  # completed_by's e-mail before its id
            # the task's id and each coder's completed_by as written, for the export
            "layout": {
                "labelstudio": {
                    "text_key": "text",
                    "from_name": "ner",
                    "to_name": "body",
                    "task_id": 11,
                    "completed_by": {"a@x.org": {"id": 3, "email": "a@x.org"}, "5": 5, "7": {"id": 7}},
                }
            },
            "spans": spans,
            "relations": [("r10", "said_in", "e2", "e1"), ("r11", "related", "e1", "e3")],
        },
        {**task1, "status": "new", "annotator": "5", **bare},  # cancelled
        {**task1, "status": "done", "annotator": "7", **bare},
        {**task1, "status": "done", "annotator": "fallback", **bare},  # data.annotator
        {**task1, "status": "done", "annotator": "fallback", **bare},
        {
            "id": f"{path}: task 2",
            "title": "",
            "text": "متن دوم",
            "metadata": {"n": 3, "other": "نه"},
            "status": "new",
            "annotator": "",
            "layout": {"labelstudio": {"text_key": "content", "from_name": "label", "to_name": "text"}},
            "spans": [("p", "L", 0, 3, {}, "")],
            "relations": [],
        },
        {
            "id": "0",
            "title": "",
            "text": "بدنه",
            "metadata": {"text": 5},
            "status": "new",
            "annotator": "",
            "layout": {"labelstudio": {"text_key": "body", "task_id": 0}},
            "spans": [],
            "relations": [],
        },
        {
            "id": f"{path}: task 7",  # not "None"
            "title": "",
            "text": "بی‌نام",
            "metadata": {},
            "status": "new",
            "annotator": "",
            "layout": {"labelstudio": {"text_key": "text"}},
            "spans": [],
            "relations": [],
        },
    ]
    one = f"{path}: task 1 (id 11), annotation 1, result"
    assert problems == [
        f"{path}: task 1 (id 11), annotation 2: not an object (not read)",
        f"{path}: task 1 (id 11): 2 draft(s) (unsubmitted annotations) are not read",
        f"{one} 19: not an object (not read)",
        f"{one} 2: offsets 16-21 count UTF-16 units, not code points (read so)",
        f"{one} 3: says 'کرمان' but the text has 'كرمان' (kept)",
        f"{one} 5: unusable offsets ('start')",
        f"{one} 6: unusable offsets (invalid literal for int() with base 10: '')",
        f"{one} 7: unusable offsets (int() argument must be a string, a bytes-like object or a real number, "
        "not 'list')",
        f"{one} 8: offsets 30-99 are outside the text",
        f"{one} 9: a region with no label",
        f"{one} 21: unusable offsets ('start')",
        f"{one} 11: a two-way relation (kept as from -> to)",
        f"{one} 12: a relation to a missing region",
        f"{one} 17: a number result outside any region is not read",
        f"{one} 18: a rectangle result is not read",
        f"{one} 20: a result with no type is not read",
        f"{one} 22: a paragraphlabels result is not read",
        f"{path}: task 3 (id 0): meta is not an object (not read)",
        f"{path}: task 4: not a Label Studio task (no data)",
        f"{path}: task 5 (id x): the task has no text in data.text",
        f"{path}: task 6: not a Label Studio task (no data)",
        f"{path}: task 7: annotations are not a list (not read)",
        f"{path}: task 7: predictions are not a list (not read)",
    ]


def test_text_key_option_and_missing_text(tmp_path: Path) -> None:
    task = {"data": {"text": "متن", "body": "بدنه"}}
    docs, problems, _ = read(tmp_path, [task], text_key="body")
    assert [(d["text"], d["metadata"], d["layout"]) for d in docs] == [
        ("بدنه", {"text": "متن"}, {"labelstudio": {"text_key": "body"}})
    ]
    assert problems == []
    docs, problems, path = read(tmp_path, [task, {"data": {}}], text_key="title")
    assert docs == []
    assert problems == [
        f"{path}: task 1: the task has no text in data.title",
        f"{path}: task 2: the task has no text in data.title",
    ]
    docs, problems, path = read(tmp_path, {"id": 4, "data": {"n": 1}})  # one task, not in a list
    assert (docs, problems) == ([], [f"{path}: task 1 (id 4): the task has no text in data.text"])


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('[\n{"data": ', " not valid JSON (line 2, column 10: expecting value); nothing was imported from this file"),
        ("", " not valid JSON (line 1, column 1: expecting value); nothing was imported from this file"),
        ("5", " task 1: not a Label Studio task (no data)"),
    ],
)
def test_a_file_that_is_no_task_list_is_one_line(tmp_path: Path, content: str, problem: str) -> None:
    docs, problems, path = read(tmp_path, content)
    assert (docs, problems) == ([], [f"{path}:{problem}"])


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    # Windows Arabic (cp1256) has Arabic ي, not Persian ی
    path.write_bytes(b'[{"data": {"text": "' + "ايران".encode("cp1256") + b'"}}]')
    result = get("labelstudio").read(path)
    assert (result.documents, result.problems) == ([], [f"{path}: not UTF-8 text (byte 20)"])


def test_labels_given_as_one_string_are_one_label(tmp_path: Path) -> None:
    # hand-written files: "labels": "PER" is one label, not the three letters P, E, R
    results = [
        region("a", 0, 9, "PER"),
        region("b", 15, 20, {"LOC": 1}),
        region("c", 23, 28, ["LOC"]),
        per_region("c", "taxonomy", "topic", {"taxonomy": [["سیاست", "داخلی"]]}),
        relation("a", "a", labels="self"),
        relation("a", "a", labels=[7]),
    ]
    docs, problems, path = read(tmp_path, [{"data": {"text": TEXT}, "annotations": [{"result": results}]}])
    assert docs[0]["spans"] == [("a", "PER", 0, 9, {}, ""), ("c", "LOC", 23, 28, {"topic": ["سیاست", "داخلی"]}, "")]
    assert docs[0]["relations"] == [("r5", "self", "a", "a"), ("r6", "7", "a", "a")]
    assert problems == [f"{path}: task 1, annotation 1, result 2: labels {{'LOC': 1}} are not a list of names"]


def doc_to_write() -> AnnotatedDocument:
    spans = [
        SpanRecord("s2", "location", 15, 20, {"stance": "pro", "a": 1}, "یادداشت"),
        SpanRecord("s1", "actor", 0, 9, entity="e-7"),
        SpanRecord("s3", "claim", 0, 20),
        SpanRecord("s0", "person", 0, 9),
    ]
    return AnnotatedDocument(
        Document("n-1", TEXT, "خبر", {"lang": "fa"}),
        spans,
        [RelationRecord("r1", "said_in", "s1", "s2"), RelationRecord("r2", "x", "s1", "gone")],
        layout={"labelstudio": {"text_key": "body", "from_name": "ner", "to_name": "doc"}},
        annotator="علی",
    )


def test_the_exact_file_written(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    seen: list[int] = []
    report = LabelStudio().write([doc_to_write(), AnnotatedDocument(Document("n-2", "دو"))], out, progress=seen.append)
    assert (report.written, seen) == (2, [1, 2])
    assert report.left_out == {
        "relations to missing spans": 1,
        "entity links of mentions (the format has no place for them)": 1,
    }

    def labels(ident: str, start: int, end: int, label: str) -> dict[str, Any]:
        value = {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}
        return {"id": ident, "from_name": "ner", "to_name": "doc", "type": "labels", "value": value}

    def choice(ident: str, name: str, value: Any) -> dict[str, Any]:
        v = {"start": 15, "end": 20, "choices": [value]}
        return {"id": ident, "from_name": name, "to_name": "doc", "type": "choices", "value": v}

    first = {
        "id": 1,
        "data": {"body": TEXT, "doc_id": "n-1", "title": "خبر", "annotator": "علی"},
        "annotations": [
            {
                "result": [
                    labels("s3", 0, 20, "claim"),  # by start, the longer first, then by id
                    labels("s0", 0, 9, "person"),
                    labels("s1", 0, 9, "actor"),
                    {**labels("s2", 15, 20, "location"), "meta": {"text": ["یادداشت"]}},
                    choice("s2", "a", 1),  # attributes by name
                    choice("s2", "stance", "pro"),
                    {"from_id": "s1", "to_id": "s2", "type": "relation", "direction": "right", "labels": ["said_in"]},
                ]
            }
        ],
        "meta": {"lang": "fa"},
    }
    second = {"id": 2, "data": {"text": "دو", "doc_id": "n-2"}, "annotations": [{"result": []}]}
    dump = json.dumps
    assert out.read_text(encoding="utf-8") == (
        f"[\n{dump(first, ensure_ascii=False)},\n{dump(second, ensure_ascii=False)}\n]\n"
    )
    # and it reads back to the same record
    back = LabelStudio().read(out)
    assert back.problems == []
    again = plain(back.documents[0])
    assert sorted(again["spans"]) == [
        ("s0", "person", 0, 9, {}, ""),
        ("s1", "actor", 0, 9, {}, ""),
        ("s2", "location", 15, 20, {"a": 1, "stance": "pro"}, "یادداشت"),
        ("s3", "claim", 0, 20, {}, ""),
    ]
    assert again["relations"] == [("r7", "said_in", "s1", "s2")]
    assert (again["title"], again["annotator"], again["metadata"], again["status"]) == (
        "خبر",
        "علی",
        {"lang": "fa"},
        "done",
    )
    # the task's id is kept from now on, for the next export
    assert again["layout"] == {"labelstudio": {"text_key": "body", "from_name": "ner", "to_name": "doc", "task_id": 1}}


def test_nothing_to_write_is_an_empty_list(tmp_path: Path) -> None:
    report = LabelStudio().write([], tmp_path / "out.json")
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "[\n]\n"
    assert (report.written, report.left_out) == (0, {})


def test_a_document_from_elsewhere_gets_label_studios_default_names(tmp_path: Path) -> None:
    # no labelstudio layout (the document came from another format): Label Studio's NER
    # template names, <Labels name="label" toName="text"> over <Text name="text" value="$text">
    doc = AnnotatedDocument(
        Document("n-1", TEXT),
        [SpanRecord("s1", "actor", 0, 9, {"stance": "pro"}), SpanRecord("s2", "location", 15, 20)],
        [RelationRecord("r0", "x", "gone", "s1"), RelationRecord("r1", "said_in", "s1", "s2")],
    )
    out = tmp_path / "out.json"
    report = LabelStudio().write([doc], out)
    assert report.left_out == {"relations to missing spans": 1}
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    assert task["data"] == {"text": TEXT, "doc_id": "n-1"}
    assert [
        (r.get("id"), r.get("from_name"), r.get("to_name"), r["type"]) for r in task["annotations"][0]["result"]
    ] == [
        ("s1", "label", "text", "labels"),
        ("s1", "stance", "text", "choices"),
        ("s2", "label", "text", "labels"),
        (None, None, None, "relation"),  # the relation after the one to a missing span
    ]


def test_offsets_at_the_edges_and_long_mismatches(tmp_path: Path) -> None:
    long_text = "ب" * 45
    text = "😀 ایران " + long_text
    results = [
        region("a", 0, 4, ["L"], value={"text": "😀 ا"}),  # UTF-16 units from the very start
        region("b", 3, 3, ["L"]),  # empty
        region("c", 30, 99, ["L"], value={"text": "x"}),  # beyond the text in either unit
        region("d", 8, 8 + 45, ["L"], value={"text": "پ" * 45}),  # long: 40 characters shown
    ]
    task = {"data": {"title": "خبر", "text": text}, "annotations": [{"result": results}], "drafts": ["x", {}]}
    prediction = {"data": {"text": text}, "predictions": [{"result": [region("p", 5, 1, ["L"])]}], "drafts": 5}
    docs, problems, path = read(tmp_path, [task, prediction])
    assert [d["text"] for d in docs] == [text, text]  # "text", not the first string in data
    assert docs[0]["spans"] == [("a", "L", 0, 3, {}, ""), ("d", "L", 8, 53, {}, "")]
    one = f"{path}: task 1, annotation 1, result"
    assert problems == [
        f"{path}: task 1, draft 1: not an object (not read)",
        f"{path}: task 1: 1 draft(s) (unsubmitted annotations) are not read",
        f"{one} 1: offsets 0-4 count UTF-16 units, not code points (read so)",
        f"{one} 2: offsets 3-3 are outside the text",
        f"{one} 3: offsets 30-99 are outside the text",
        f"{one} 4: says {'پ' * 40!r} but the text has {'ب' * 40!r} (kept)",
        f"{path}: task 2: drafts are not a list (not read)",
        f"{path}: task 2, prediction 1, result 1: offsets 5-1 are outside the text",
    ]
