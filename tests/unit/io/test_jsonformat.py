"""The JSON annotation format v1: exact round trip, readable output, atomic save, and a
one-line reason for every kind of broken file."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.io import jsonformat
from annotator.io.jsonformat import AnnotationFileError, Problem
from annotator.model import AnnotationSet, Document, Status, default_schema

ZWNJ = "\u200c"
TEXT = f"رئیس{ZWNJ}جمهور در تهران گفت: «مذاکرات ادامه می{ZWNJ}یابد.» 🇮🇷👍🏽"
SCHEMA = default_schema()


def sample() -> AnnotationSet:
    doc = Document("khabar-1", TEXT, title="خبر نمونه", metadata={"source": "ایرنا"})
    aset = AnnotationSet(doc, "مریم", SCHEMA)
    actor = aset.add_span("actor", 0, TEXT.index(" در"), note="یادداشت")
    aset.add_span("location", TEXT.index("تهران"), TEXT.index(" گفت"))
    claim = aset.add_span("claim", TEXT.index("مذاکرات"), TEXT.index("."))
    aset.set_attribute(claim.id, "certainty", "قطعی")
    aset.add_relation("claimed_by", claim.id, actor.id)
    return aset


def valid() -> dict[str, Any]:
    return jsonformat.to_json(sample())


# ---- round trip ------------------------------------------------------------------------

ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءآأؤئۀةي۰۱۲۳٫،؛؟«» \n" + ZWNJ + "🙂🇮🇷👍🏽"
persian = st.text(alphabet=ALPHABET, max_size=12)
attribute_values = st.one_of(persian, st.integers(-5, 10**12), st.booleans())


@st.composite
def annotation_sets(draw: st.DrawFn) -> AnnotationSet:
    text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=60))
    metadata = draw(st.dictionaries(st.sampled_from(["source", "url", "date", "منبع"]), persian))
    doc = Document(draw(st.sampled_from(["d1", "خبر-۱"])), text, draw(persian), metadata)
    aset = AnnotationSet(doc, draw(persian), SCHEMA)
    n = len(text)
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, n - 1))
        end = draw(st.integers(start + 1, n))
        aset.add_span(
            draw(st.sampled_from(SCHEMA.label_ids)),
            start,
            end,
            attributes=draw(st.dictionaries(st.sampled_from(["role", "قطعیت", "z"]), attribute_values)),
            note=draw(persian),
            span_id=draw(st.sampled_from([None, None, f"x{aset.span_count()}"])),
        )
    claims = [s.id for s in aset.spans() if s.label == "claim"]
    actors = [s.id for s in aset.spans() if s.label == "actor"]
    if claims and actors:
        pairs = draw(st.lists(st.tuples(st.sampled_from(claims), st.sampled_from(actors))))
        for source, target in pairs:
            aset.add_relation("claimed_by", source, target)
    aset.set_status(draw(st.sampled_from(list(Status))))
    return aset


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(aset=annotation_sets(), embed=st.booleans())
def test_round_trip_is_exact(aset: AnnotationSet, embed: bool) -> None:
    first = jsonformat.dumps(aset, embed_text=embed)
    document = None if embed else Document(aset.document.id, aset.text, aset.document.title)
    again = jsonformat.from_json(jsonformat.parse(first.encode("utf-8")), SCHEMA, document)
    assert again.spans() == aset.spans()
    assert again.relations() == aset.relations()
    assert again.status == aset.status
    assert again.annotator == aset.annotator
    assert again.text == aset.text
    assert again.document.title == aset.document.title
    if embed:
        assert again.document.metadata == aset.document.metadata
        assert jsonformat.dumps(again) == first
    # the loaded set goes on numbering where the saved one stopped
    fresh_id = again.add_span("actor", 0, 1).id
    assert fresh_id not in {s.id for s in aset.spans()}


def test_output_is_pretty_utf8_with_readable_persian_and_stable_keys(tmp_path: Path) -> None:
    aset = sample()
    text = jsonformat.dumps(aset)
    assert "\\u" not in text
    assert "رئیس\u200cجمهور" in text and "🇮🇷" in text
    assert text.endswith("}\n")
    assert text.startswith('{\n  "format": "annotator/annotations",\n  "version": 1,\n')
    data = json.loads(text)
    assert list(data) == [
        "format", "version", "document", "annotator", "status", "spans", "relations"
    ]  # fmt: skip
    assert list(data["document"]) == ["id", "title", "text_sha256", "metadata", "text"]
    assert [list(s) for s in data["spans"]] == [["id", "label", "start", "end", "text", "attributes", "note"]] * 3
    assert list(data["relations"][0]) == ["id", "type", "from", "to"]
    # spans in reading order, relations by number
    assert [s["start"] for s in data["spans"]] == sorted(s["start"] for s in data["spans"])
    # one line per span and per relation, so a diff shows just the items that changed
    lines = text.splitlines()
    for item in data["spans"] + data["relations"]:
        assert sum(f'{{"id": "{item["id"]}", ' in line for line in lines) == 1
    jsonformat.save(aset, tmp_path / "a.json")
    assert (tmp_path / "a.json").read_bytes() == text.encode("utf-8")


def test_attribute_keys_are_written_sorted() -> None:
    aset = sample()
    span = aset.spans()[0]
    aset.set_attribute(span.id, "z", "1")
    aset.set_attribute(span.id, "a", "2")
    written = jsonformat.to_json(aset)["spans"][0]["attributes"]
    assert list(written) == ["a", "z"]


def test_without_embedded_text_the_file_needs_its_document() -> None:
    aset = sample()
    data = json.loads(jsonformat.dumps(aset, embed_text=False))
    assert "text" not in data["document"]
    with pytest.raises(AnnotationFileError, match=r"\$\.document\.text: the file has no text"):
        jsonformat.from_json(data, SCHEMA)
    other = Document("khabar-1", TEXT + " ", "خبر")
    with pytest.raises(AnnotationFileError, match="text_sha256: does not match"):
        jsonformat.from_json(data, SCHEMA, other)
    loaded = jsonformat.from_json(data, SCHEMA, aset.document)
    assert loaded.spans() == aset.spans()


def test_load_reads_what_save_wrote(tmp_path: Path) -> None:
    path = tmp_path / "x.annotations.json"
    aset = sample()
    jsonformat.save(aset, path)
    loaded = jsonformat.load(path, SCHEMA)
    assert loaded.spans() == aset.spans() and loaded.relations() == aset.relations()
    assert loaded.undo_stack.is_clean() and not loaded.undo_stack.can_undo()


def test_load_of_a_missing_file_is_an_annotation_file_error(tmp_path: Path) -> None:
    with pytest.raises(AnnotationFileError) as info:
        jsonformat.load(tmp_path / "nope.json", SCHEMA)
    assert str(info.value) == f"{tmp_path / 'nope.json'}: cannot read: No such file or directory"


# ---- atomic save -----------------------------------------------------------------------


def test_save_leaves_no_temporary_files_and_replaces_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "a.annotations.json"
    path.write_text("old", encoding="utf-8")
    jsonformat.save(sample(), path)
    assert os.listdir(tmp_path) == ["a.annotations.json"]
    assert jsonformat.load(path, SCHEMA).span_count() == 3


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_save_keeps_the_old_file_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "a.annotations.json"
    jsonformat.save(sample(), path)
    before = path.read_bytes()

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, refuse)
    changed = sample()
    changed.set_status(Status.DONE)
    with pytest.raises(OSError, match="No space left"):
        jsonformat.save(changed, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["a.annotations.json"]


def test_save_into_a_missing_folder_raises_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        jsonformat.save(sample(), tmp_path / "missing" / "a.json")
    assert os.listdir(tmp_path) == []


# ---- rejections: one line each, with where and what ---------------------------------


def edited(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(valid())
    change(data)
    return data


def check(data: Any) -> list[str]:
    return [p.line("f.json") for p in jsonformat.check(data, SCHEMA)]


def test_a_valid_file_has_no_problems() -> None:
    assert check(valid()) == []


def _set(path: str, value: Any) -> Any:
    """A change setting data[...] at a dotted path like 'spans.0.start'."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = data
        for part in parents:
            target = target[part]
        target[last] = value

    return change


def _span_text_of(i: int, value: str) -> Any:
    return _set(f"spans.{i}.text", value)


REJECTIONS: dict[str, tuple[Any, list[str]]] = {
    "not an object": (lambda d: d.clear() or None, []),  # replaced below
    "string offset": (
        _set("spans.0.start", "0"),
        ["f.json: $.spans[0].start: should be integer, not str '0'"],
    ),
    "float offset": (
        _set("spans.1.end", 11.0),
        ["f.json: $.spans[1].end: should be integer, not float 11.0"],
    ),
    "spans not a list": (
        _set("spans", {}),
        ["f.json: $.spans: should be array, not dict {}"],
    ),
    "missing field": (
        lambda d: d["spans"][0].pop("label"),
        ["f.json: $.spans[0]: 'label' is missing"],
    ),
    "unknown status": (
        _set("status", "finished"),
        ["f.json: $.status: 'finished' is not one of ['new', 'in_progress', 'done']"],
    ),
    "negative offset": (
        _set("spans.0.start", -1),
        ["f.json: $.spans[0].start: -1 is less than the minimum of 0"],
    ),
    "end beyond the text": (
        _set("spans.2.end", len(TEXT) + 5),
        [f"f.json: $.spans[2].end: end {len(TEXT) + 5} is beyond the text ({len(TEXT)} characters)"],
    ),
    "end before start": (
        _set("spans.1.end", 3),
        [f"f.json: $.spans[1].end: end 3 is not after start {TEXT.index('تهران')}"],
    ),
    "empty span": (
        _set("spans.1.end", TEXT.index("تهران")),
        [f"f.json: $.spans[1].end: end {TEXT.index('تهران')} is not after start "
         f"{TEXT.index('تهران')}"],
    ),
    "text disagrees": (
        _span_text_of(1, "شیراز"),
        [f"f.json: $.spans[1].text: says 'شیراز' but the document has 'تهران' at "
         f"{TEXT.index('تهران')}-{TEXT.index(' گفت')}"],
    ),
    "relation to a missing span": (
        _set("relations.0.to", "s9"),
        ["f.json: $.relations[0].to: points to a missing span 's9'"],
    ),
    "duplicate span id": (
        _set("spans.1.id", "s1"),
        ["f.json: $.spans[1].id: duplicate span id 's1'"],
    ),
    "duplicate relation id": (
        lambda d: d["relations"].append(dict(d["relations"][0])),
        ["f.json: $.relations[1].id: duplicate relation id 'r1'"],
    ),
    "unknown label": (
        _set("spans.1.label", "city"),
        ["f.json: $.spans[1].label: unknown label 'city' (known: actor, location, claim)"],
    ),
    "unknown relation type": (
        _set("relations.0.type", "said"),
        ["f.json: $.relations[0].type: unknown relation type 'said'"],
    ),
    "relation against its type": (
        lambda d: d["relations"][0].update({"from": "s1", "to": "s3"}),
        ["f.json: $.relations[0]: claimed_by cannot go from actor to claim"],
    ),
    "relation to itself": (
        _set("relations.0.to", "s3"),
        ["f.json: $.relations[0].to: a relation needs two different spans"],
    ),
    "changed text": (
        _set("document.text", TEXT.replace("تهران", "تبریز")),
        ["f.json: $.document.text_sha256: does not match the document text (the text has changed)",
         f"f.json: $.spans[1].text: says 'تهران' but the document has 'تبریز' at "
         f"{TEXT.index('تهران')}-{TEXT.index(' گفت')}"],
    ),
    "wrong format": (
        _set("format", "brat"),
        ["f.json: $.format: 'annotator/annotations' was expected"],
    ),
    "future version": (
        # other problems in a newer file are not reported: its rules are not ours
        lambda d: d.update({"version": 2, "spans": "changed in v2"}),
        ["f.json: $.version: written by a newer annotator (format version 2); this program "
         "reads version 1 and will not change the file"],
    ),
    "future version as a float": (
        _set("version", 2.0),
        ["f.json: $.version: written by a newer annotator (format version 2.0); this program "
         "reads version 1 and will not change the file"],
    ),
    "version zero": (
        _set("version", 0),
        ["f.json: $.version: 0 is less than the minimum of 1"],
    ),
}  # fmt: skip
del REJECTIONS["not an object"]


@pytest.mark.parametrize(("change", "expected"), REJECTIONS.values(), ids=REJECTIONS.keys())
def test_each_rejection_is_one_line_naming_file_path_and_problem(change: Any, expected: list[str]) -> None:
    data = edited(change)
    assert check(data) == expected
    for line in expected:
        assert "\n" not in line
    with pytest.raises(AnnotationFileError) as info:
        jsonformat.from_json(data, SCHEMA, file="f.json")
    assert str(info.value).splitlines() == expected


@pytest.mark.parametrize("data", [[], "text", 3, None])
def test_a_file_that_is_not_an_object(data: Any) -> None:
    assert check(data) == ["f.json: not a JSON object"]


PARSE_FAILURES: dict[str, tuple[bytes, str]] = {
    "malformed": (b'{"format": "annotator/annotations",\n  "version": }', (
        "f.json: not valid JSON (line 2, column 14: expecting value); the file is damaged and was left as it is"
    )),
    "trailing comma": (b'{"a": 1,}', (
        "f.json: not valid JSON (line 1, column 9: expecting property name enclosed in "
        "double quotes); the file is damaged and was left as it is"
    )),
    "empty": (b"  \n", "f.json: the file is empty"),
    "not utf-8": ('{"a": "سلام"}'.encode("cp1256"), "f.json: not UTF-8 text (byte 7)"),
    "huge number": (b'{"version": ' + b"9" * 5000 + b"}", (
        "f.json: unreadable JSON: Exceeds the limit (4300 digits) for integer string "
        "conversion"
    )),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "f.json: JSON nested too deeply"),
    "lone surrogate": (b'{"document": {"title": "\\ud800x"}}', (
        "f.json: $.document.title: holds a lone UTF-16 surrogate, which is not a character"
    )),
}  # fmt: skip


@pytest.mark.parametrize(("raw", "expected"), PARSE_FAILURES.values(), ids=PARSE_FAILURES.keys())
def test_unparseable_files_are_one_line_each(raw: bytes, expected: str) -> None:
    with pytest.raises(AnnotationFileError) as info:
        jsonformat.parse(raw, "f.json")
    assert [p.line("f.json") for p in info.value.problems] == [expected]
    assert str(info.value) == expected


def test_parse_accepts_a_bom_and_escaped_surrogate_pairs() -> None:
    raw = b"\xef\xbb\xbf" + b'{"t": "\\ud83d\\ude42 \\u0633\\u0644\\u0627\\u0645"}'
    assert jsonformat.parse(raw) == {"t": "🙂 سلام"}
    assert jsonformat.parse('{"t": "سلام"}') == {"t": "سلام"}


def test_parse_refuses_a_lone_surrogate_in_a_str_argument() -> None:
    with pytest.raises(AnnotationFileError, match=r"\$\[0\]: holds a lone"):
        jsonformat.parse('["\ud800"]')


def test_problem_line_without_a_file() -> None:
    assert Problem("$.spans[0].end", "too far").line() == "$.spans[0].end: too far"


def test_keys_the_model_does_not_use_are_written_back(tmp_path: Path) -> None:
    """A file's "unplaced" spans (or any other extra key) survive a load and a save."""
    from annotator.model import AnnotationSet, Document, default_schema

    aset = AnnotationSet(Document("d", "سلام دنیا", "t"))
    aset.add_span("actor", 0, 4)
    data = json.loads(jsonformat.dumps(aset))
    data["unplaced"] = {
        "spans": [{"id": "s7", "label": "actor", "start": 0, "end": 3, "text": "قدیم"}],
        "relations": [],
    }
    again = jsonformat.from_json(data, default_schema())
    path = tmp_path / "a.json"
    jsonformat.save(again, path)
    assert json.loads(path.read_text(encoding="utf-8"))["unplaced"] == data["unplaced"]


def test_reserved_ids_are_not_handed_out() -> None:
    from annotator.model import AnnotationSet, Document

    aset = AnnotationSet(Document("d", "سلام دنیا", "t"))
    aset.reserve_ids(["s1", "s2", "r4"])
    assert aset.add_span("actor", 0, 4).id == "s3"
