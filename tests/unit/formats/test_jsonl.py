"""The annotator's own JSON (`json` folder, `jsonl` lines): the exact bytes written, the
file names chosen for document ids, and the exact line said about a file that cannot be read."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from annotator.io.formats import AnnotatedDocument, RelationRecord, SpanRecord, get
from annotator.io.formats.jsonl import doc_from_json, safe_file_stem
from annotator.model import Document

REST = "; what stands there was not imported, the rest was read"
NOTHING = "; nothing was imported from this file"

TEXT = "نخست‌وزیر 😀 در تهران و كرمان گفت"  # ZWNJ, an emoji, Arabic ك
SHA = "874cc3110b9684e0a0de6ba5f3e49b670818066be52b847bc3e940c76813f951"


def rich_doc(ident: str = "n/1") -> AnnotatedDocument:
    return AnnotatedDocument(
        Document(ident, TEXT, "خبر", {"lang": "fa"}),
        [
            SpanRecord("s2", "loc", 15, 20, {"z": 1, "a": True}, "یادداشت"),
            SpanRecord("s1", "actor", 0, 9, entity="e-1"),
            SpanRecord("s0", "claim", 0, 20),
        ],
        [RelationRecord("r1", "said_in", "s1", "s2")],
        tokens=[(0, 9), (10, 11)],
        layout={"conll": {"separator": "|"}},
        status="done",
        annotator="علی",
    )


EXPECTED: dict[str, Any] = {
    "format": "annotator/annotations",
    "version": 1,
    "document": {
        "id": "n/1",
        "title": "خبر",
        "text_sha256": SHA,
        "metadata": {"lang": "fa", "tokens": [[0, 9], [10, 11]], "layout": {"conll": {"separator": "|"}}},
        "text": TEXT,
    },
    "annotator": "علی",
    "status": "done",
    "spans": [  # by start, the longer first; attributes by name; an entity only when linked
        {"id": "s0", "label": "claim", "start": 0, "end": 20, "text": "نخست‌وزیر 😀 در تهران", "attributes": {},
         "note": ""},
        {"id": "s1", "label": "actor", "start": 0, "end": 9, "text": "نخست‌وزیر", "attributes": {}, "note": "",
         "entity": "e-1"},
        {"id": "s2", "label": "loc", "start": 15, "end": 20, "text": "تهران", "attributes": {"a": True, "z": 1},
         "note": "یادداشت"},
    ],
    "relations": [{"id": "r1", "type": "said_in", "from": "s1", "to": "s2"}],
}  # fmt: skip


def same(a: AnnotatedDocument, b: AnnotatedDocument) -> None:
    def key(d: AnnotatedDocument) -> dict[str, Any]:
        plain = dataclasses.asdict(d)
        plain["spans"].sort(key=lambda s: s["id"])
        return plain

    assert key(a) == key(b)


def test_jsonl_writes_one_exact_line_a_document_and_reads_it_back(tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    seen: list[int] = []
    bare = AnnotatedDocument(Document("n-2", "دو"))
    report = get("jsonl").write([rich_doc(), bare], out, progress=seen.append)
    assert (report.written, seen) == (2, [1, 2])
    second = {
        "format": "annotator/annotations",
        "version": 1,
        "document": {"id": "n-2", "title": "", "text_sha256": Document("n-2", "دو").sha256, "text": "دو"},
        "annotator": "",
        "status": "new",
        "spans": [],
        "relations": [],
    }
    assert out.read_text(encoding="utf-8") == (
        json.dumps(EXPECTED, ensure_ascii=False) + "\n" + json.dumps(second, ensure_ascii=False) + "\n"
    )
    back = get("jsonl").read(out)
    assert back.problems == []
    same(back.documents[0], rich_doc())
    same(back.documents[1], bare)


def test_json_folder_writes_one_exact_file_a_document(tmp_path: Path) -> None:
    folder = tmp_path / "export" / "json"  # made, with its parent
    seen: list[int] = []
    report = get("json").write([rich_doc(), AnnotatedDocument(Document("N/1", "x"))], folder, progress=seen.append)
    assert (report.written, seen) == (2, [1, 2])
    # "/" is no file name; ids that differ only in case get files that differ on any disk
    assert sorted(p.name for p in folder.iterdir()) == ["N_1-2.annotations.json", "n_1.annotations.json"]
    written = (folder / "n_1.annotations.json").read_text(encoding="utf-8")
    assert written == json.dumps(EXPECTED, ensure_ascii=False, indent=2) + "\n"
    (folder / "annotator-schema.json").write_text("not read", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "both.json").write_text(json.dumps([EXPECTED, EXPECTED]), encoding="utf-8")
    back = get("json").read(folder)
    assert back.problems == []
    assert [d.document.id for d in back.documents] == ["N/1", "n/1", "n/1", "n/1"]
    same(back.documents[1], rich_doc())
    # exported again into the same folder: the file is replaced
    get("json").write([AnnotatedDocument(Document("n/1", "تازه"))], folder)
    assert json.loads((folder / "n_1.annotations.json").read_text(encoding="utf-8"))["document"]["text"] == "تازه"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"  \n", ": the file is empty"),
        (b'{\n"format": ', ": not valid JSON (line 2, column 11: expecting value)" + NOTHING),
        (b'{"x": "\xd8"}', ": not UTF-8 text (byte 7)"),
        (b"[5]", ": not a JSON object"),
        (json.dumps({**EXPECTED, "status": 5}).encode(), ": $.status: 5 is not one of ['new', 'in_progress', 'done']"),
    ],
)
def test_json_file_that_cannot_be_read_is_one_line(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "a.annotations.json"
    path.write_bytes(content)
    result = get("json").read(path)
    assert (result.documents, result.problems) == ([], [f"{path}{problem}"])


def test_jsonl_names_the_line_of_each_problem(tmp_path: Path) -> None:
    good = json.dumps(EXPECTED, ensure_ascii=False)
    no_text = json.loads(good)
    del no_text["document"]["text"]
    path = tmp_path / "p.jsonl"
    lines = [good, "{oops", json.dumps(no_text), "[1]", json.dumps({"format": "x"}), good]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = get("jsonl").read(path)
    assert len(result.documents) == 2
    assert result.problems == [
        f"{path}: not valid JSON (line 2, column 2: expecting property name enclosed in double quotes)" + REST,
        f"{path}:3: $.document.text: the text is not embedded",
        f"{path}:4: not a JSON object",
        f"{path}:5: $: 'version' is missing",
        f"{path}:5: $: 'document' is missing",
        f"{path}:5: $: 'annotator' is missing",
        f"{path}:5: $: 'status' is missing",
        f"{path}:5: $: 'spans' is missing",
        f"{path}:5: $: 'relations' is missing",
        f"{path}:5: $.format: 'annotator/annotations' was expected",
    ]
    (tmp_path / "bad.jsonl").write_bytes(b"\xff")
    assert get("jsonl").read(tmp_path / "bad.jsonl").problems == [f"{tmp_path / 'bad.jsonl'}: not UTF-8 text (byte 0)"]


def test_a_file_brings_its_own_labels() -> None:
    # labels and relation types the project does not know yet are no problem on import
    data = json.loads(json.dumps(EXPECTED))
    data["spans"][0]["label"] = "نوع تازه"
    data["relations"][0]["type"] = "تازه"
    got = doc_from_json(data, "W")
    assert isinstance(got, AnnotatedDocument)
    assert [s.label for s in got.spans] == ["نوع تازه", "actor", "loc"]
    assert [r.type for r in got.relations] == ["تازه"]
    data["spans"][1]["label"] = 5
    data["relations"][0]["type"] = None
    problems = doc_from_json(data, "W")
    assert problems == [
        "W: $.relations[0].type: should be string, not NoneType None",
        "W: $.spans[1].label: should be string, not int 5",
    ]


@pytest.mark.parametrize(
    ("ids", "stems"),
    [
        (["a:b", "A:B", "a_b"], ["a_b", "A_B-2", "a_b-3"]),
        ([" . ", "..", "", "ok.", ". x ."], ["document", "document-2", "document-3", "ok", "x"]),
        (['a\\b/c*d?e"f<g>h|i\x01j'], ["a_b_c_d_e_f_g_h_i_j"]),
        (["نخست‌وزیر", "كرمان"], ["نخست‌وزیر", "كرمان"]),
        (["X-ray.", "x.X"], ["X-ray", "x.X"]),  # only dots and spaces are stripped
    ],
)
def test_file_names_for_document_ids(ids: list[str], stems: list[str]) -> None:
    taken: set[str] = set()
    assert [safe_file_stem(i, taken) for i in ids] == stems
    assert taken == {s.lower() for s in stems}


def test_long_document_ids_are_cut_and_told_apart_by_a_hash() -> None:
    # 130 Persian letters are 260 bytes: cut to 94 letters (188 bytes) and a hash of the whole id
    ids = ["ب" * 130, "ب" * 129 + "پ"]
    taken: set[str] = set()
    stems = [safe_file_stem(i, taken) for i in ids]
    assert stems == ["ب" * 94 + "-" + hashlib.sha256(i.encode("utf-8")).hexdigest()[:10] for i in ids]
    assert stems[0] != stems[1]


def test_json_folder_reads_every_file_after_one_that_cannot_be_read(tmp_path: Path) -> None:
    no_status = json.loads(json.dumps(EXPECTED))
    del no_status["status"]
    files = {
        "a.json": b" \n",
        "b.json": b"\xff",
        "c.json": b"{oops",
        "d.json": json.dumps([no_status, 5]).encode(),
        "e.json": json.dumps(EXPECTED).encode(),
        "f.json": b"",
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    result = get("json").read(tmp_path)
    assert [d.document.id for d in result.documents] == ["n/1"]
    assert result.problems == [
        f"{tmp_path / 'a.json'}: the file is empty",
        f"{tmp_path / 'b.json'}: not UTF-8 text (byte 0)",
        f"{tmp_path / 'c.json'}: not valid JSON (line 1, column 2: expecting property name enclosed in double"
        " quotes)" + NOTHING,
        f"{tmp_path / 'd.json'}: $: 'status' is missing",
        f"{tmp_path / 'd.json'}: not a JSON object",
        f"{tmp_path / 'f.json'}: the file is empty",
    ]


def test_optional_span_fields_and_a_relation_that_is_no_object() -> None:
    data = json.loads(json.dumps(EXPECTED))
    for span in data["spans"]:
        for key in ("attributes", "note", "entity"):
            span.pop(key, None)
    got = doc_from_json(data, "W")
    assert isinstance(got, AnnotatedDocument)
    assert [(s.id, s.attributes, s.note, s.entity) for s in got.spans] == [
        ("s0", {}, "", ""),
        ("s1", {}, "", ""),
        ("s2", {}, "", ""),
    ]
    data["relations"].append(5)
    assert doc_from_json(data, "W") == ["W: $.relations[1]: should be object, not int 5"]
