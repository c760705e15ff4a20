"""Hostile annotation files: every failure is an AnnotationFileError (or a StoreError for a
file too large to read), with a message; nothing else escapes, nothing is executed."""

from __future__ import annotations

import errno
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.io import jsonformat
from annotator.io import store as store_module
from annotator.io.reading import TooLarge
from annotator.io.store import MAX_FILE_BYTES, AnnotationStore, StoreError, journal_path
from annotator.model import AnnotationSet, Document, Schema, default_schema

from .helpers import TEXT, fuzz_examples

SCHEMA = default_schema()


def valid_data() -> dict[str, Any]:
    aset = AnnotationSet(Document("d", TEXT, "t"), "ali", SCHEMA)
    aset.add_span("actor", 0, 5)
    aset.add_span("claim", 10, 20)
    aset.add_relation("claimed_by", "s2", "s1")
    return jsonformat.to_json(aset)


def load_bytes(tmp_path: Path, raw: bytes) -> AnnotationSet:
    path = tmp_path / "x.annotations.json"
    path.write_bytes(raw)
    return jsonformat.load(path, SCHEMA)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"\x00\x01\x02\xff\xfe binary", "not UTF-8"),
        (b'{"format": "annotator/annotations", "version": 1, "spans": [', "not valid JSON"),
        (b"[" * 200_000, "nested too deeply"),
        (b"[]", "not a JSON object"),
        (b'"just a string"', "not a JSON object"),
        (b"NaN", "not a JSON object"),
    ],
)
def test_broken_files_say_what_is_wrong(tmp_path: Path, raw: bytes, message: str) -> None:
    with pytest.raises(jsonformat.AnnotationFileError, match=message):
        load_bytes(tmp_path, raw)


def test_truncated_at_every_point(tmp_path: Path) -> None:
    raw = json.dumps(valid_data(), ensure_ascii=False, indent=2).encode("utf-8")
    for cut in range(0, len(raw) - 1, max(1, len(raw) // 300)):
        with pytest.raises(jsonformat.AnnotationFileError):
            load_bytes(tmp_path, raw[:cut])


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("spans", 0, "start"), "0", "should be integer"),
        (("spans", 0, "end"), 10**30, "beyond the text"),
        (("spans", 0, "start"), -1, "minimum"),
        (("spans", 0, "text"), None, "should be string"),
        (("spans",), {}, "should be array"),
        (("status",), "finished", "is not one of"),
        (("relations", 0, "to"), "s99", "missing span"),
        (("document", "text_sha256"), "0" * 64, "does not match"),
        (("spans", 1, "id"), "s1", "duplicate span id"),
        (("version",), 99, "newer annotator"),
    ],
)
def test_wrong_types_and_values(tmp_path: Path, where: tuple[Any, ...], value: Any, message: str) -> None:
    data = valid_data()
    target: Any = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    with pytest.raises(jsonformat.AnnotationFileError, match=message):
        load_bytes(tmp_path, json.dumps(data).encode("utf-8"))


def test_a_huge_file_is_refused_unread(tmp_path: Path, schema: Schema) -> None:
    path = tmp_path / "huge.annotations.json"
    with open(path, "wb") as f:  # sparse: takes no disk space, costs no time
        f.truncate(200 * 1024 * 1024)
    assert path.stat().st_size > MAX_FILE_BYTES
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"200 MB, more than the 64 MB") as info:
        AnnotationStore.open(path, schema)
    assert str(path) in str(info.value)
    assert time.monotonic() - started < 1.0


# ---- fuzzing -------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=25,
)


def only_annotation_file_errors(raw: bytes) -> None:
    try:
        data = jsonformat.parse(raw, "fuzz.json")
        jsonformat.from_json(data, SCHEMA, None, "fuzz.json")
    except jsonformat.AnnotationFileError as exc:
        assert exc.problems and str(exc)


@settings(max_examples=fuzz_examples(300), deadline=None)
@given(st.binary(max_size=400))
def test_fuzz_random_bytes(raw: bytes) -> None:
    only_annotation_file_errors(raw)


@settings(max_examples=fuzz_examples(300), deadline=None)
@given(json_values)
def test_fuzz_random_json(value: Any) -> None:
    only_annotation_file_errors(json.dumps(value).encode("utf-8"))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


@settings(max_examples=fuzz_examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_mutated_valid_files(data: st.DataObject) -> None:
    doc = valid_data()
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(_paths(doc)[1:]))
        target: Any = doc
        for key in where[:-1]:
            target = target[key]
        if data.draw(st.booleans()) and isinstance(target, dict):
            del target[where[-1]]
        else:
            target[where[-1]] = data.draw(json_values)
        if not isinstance(doc, dict):
            break
    only_annotation_file_errors(json.dumps(doc, ensure_ascii=False).encode("utf-8"))


@settings(max_examples=fuzz_examples(150), deadline=None)
@given(st.binary(max_size=300), st.integers(0, 2000))
def test_fuzz_store_open_with_garbage_journal(tmp_path_factory: Any, junk: bytes, cut: int) -> None:
    """Whatever is in the journal, open() returns (perhaps setting it aside) or says why."""
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "f.annotations.json"
    path.write_text(json.dumps(valid_data(), ensure_ascii=False), encoding="utf-8")
    store, _ = AnnotationStore.open(path, SCHEMA)
    store.aset.add_span("location", 30, 35)
    store.detach()
    journal = path.with_name(path.name + ".journal")
    raw = journal.read_bytes()
    journal.write_bytes(raw[: cut % (len(raw) + 1)] + junk)
    again, _recovery = AnnotationStore.open(path, SCHEMA)
    again.detach()
    assert again.aset.span_count() in (2, 3)


# ---- through AnnotationStore.open: one error naming the file, nothing written --------------


def project_file(tmp_path: Path) -> tuple[Path, Document]:
    """A project's annotation file (no text embedded) and its document."""
    document = Document("d", TEXT, "t")
    aset = AnnotationSet(document, "ali", SCHEMA)
    aset.add_span("actor", 0, 5)
    path = tmp_path / "d.annotations.json"
    jsonformat.save(aset, path, embed_text=False)
    return path, document


def open_error(path: Path, document: Document | None = None) -> str:
    before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises((jsonformat.AnnotationFileError, StoreError)) as info:
        AnnotationStore.open(path, SCHEMA, document)
    assert sorted(p.name for p in path.parent.iterdir()) == before  # nothing written
    return str(info.value)


def test_store_open_names_the_file_and_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "x.annotations.json"
    path.write_bytes(b'{"format": ')
    assert open_error(path) == (
        f"{path}: not valid JSON (line 1, column 12: expecting value); the file is damaged and was left as it is"
    )
    data = valid_data()
    data["spans"][0]["label"] = "nobody"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert open_error(path) == (
        f"{path}: $.spans[0].label: unknown label 'nobody' (known: actor, location, claim)\n"
        f"{path}: $.relations[0]: claimed_by cannot go from claim to nobody"
    )


def test_a_project_file_without_its_document_is_one_clear_error(tmp_path: Path) -> None:
    path, _ = project_file(tmp_path)
    assert open_error(path) == f"{path}: $.document.text: the file has no text and no document was given"


def test_a_project_file_is_checked_against_its_document_text(tmp_path: Path) -> None:
    # the file embeds no text: the document's text is what its spans must cover
    path, document = project_file(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"][0]["text"] = "چیزی"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert open_error(path, document) == (
        f"{path}: $.spans[0].text: says 'چیزی' but the document has {TEXT[0:5]!r} at 0-5"
    )


def test_a_journal_that_does_not_fit_a_project_document_is_set_aside(tmp_path: Path) -> None:
    path, document = project_file(tmp_path)
    store, _ = AnnotationStore.open(path, SCHEMA, document, embed_text=False)
    store.aset.add_span("location", 10, 14)
    store.detach()
    journal = journal_path(path)
    header, record = journal.read_text(encoding="utf-8").splitlines()
    item = json.loads(record)
    item["spans"]["s2"]["text"] = "چیزی"  # offsets that do not cover that in the document
    journal.write_text(header + "\n" + json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    again, recovery = AnnotationStore.open(path, SCHEMA, document, embed_text=False)
    assert recovery.edits == 0 and recovery.set_aside is not None
    assert recovery.message == (
        f"The journal of {path.name} holds edits that do not fit the file (says 'چیزی' but the document "
        f"has {TEXT[10:14]!r} at 10-14); it was not applied and is kept as {recovery.set_aside.name}."
    )
    assert [s.id for s in again.aset.spans()] == ["s1"]
    again.detach()


def test_a_folder_where_the_file_should_be_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.annotations.json"
    path.mkdir()
    assert open_error(path) == f"{path}: cannot read: not a regular file (a device, a pipe or a folder)"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (OSError(errno.EIO, "Input/output error"), "{path}: cannot read: Input/output error"),
        (
            OSError(errno.EACCES, "Permission denied"),
            "{path}: cannot read: permission denied (the folder or file is read-only)",
        ),
        (
            TooLarge(MAX_FILE_BYTES + 1, MAX_FILE_BYTES, grew=True),
            "{path}: the file grew beyond the 64 MB allowed while it was read",
        ),
        (
            TooLarge(MAX_FILE_BYTES + 1, MAX_FILE_BYTES),
            "{path}: the file is 64 MB, more than the 64 MB an annotation file may have; it was not opened "
            "(is it an annotation file?)",
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception, message: str
) -> None:
    path = tmp_path / "x.annotations.json"
    path.write_text(json.dumps(valid_data()), encoding="utf-8")

    def failing(*args: object) -> bytes:
        raise error

    monkeypatch.setattr(store_module, "read_regular", failing)
    assert open_error(path) == message.format(path=path)


def test_a_huge_file_message_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "huge.annotations.json"
    with open(path, "wb") as f:
        f.truncate(200 * 1024 * 1024)
    assert open_error(path) == (
        f"{path}: the file is 200 MB, more than the 64 MB an annotation file may have; "
        "it was not opened (is it an annotation file?)"
    )


def journal_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> str:
    path = tmp_path / "x.annotations.json"
    path.write_text(json.dumps(valid_data()), encoding="utf-8")
    journal = journal_path(path)
    if kind == "folder":
        journal.mkdir()
    elif kind == "huge":
        with open(journal, "wb") as f:
            f.truncate(257 * 1024 * 1024)
    else:
        journal.write_text("{}\n", encoding="utf-8")
        real = store_module.read_regular

        def failing(where: Path, limit: int) -> bytes:
            if str(where).endswith(".journal"):
                raise OSError(errno.EIO, "Input/output error")
            return real(where, limit)

        monkeypatch.setattr(store_module, "read_regular", failing)
    store, recovery = AnnotationStore.open(path, SCHEMA)
    store.detach()
    assert recovery.edits == 0 and recovery.set_aside is not None and recovery.set_aside.exists()
    assert not journal.exists()
    return recovery.message.replace(recovery.set_aside.name, "ASIDE")


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("folder", "cannot be used (cannot read: not a regular file (a device, a pipe or a folder))"),
        ("huge", "cannot be used (257 MB is more than the 256 MB allowed)"),
        ("unreadable", "cannot be read (Input/output error)"),
    ],
)
def test_a_journal_that_cannot_be_read_is_kept_aside_unapplied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, reason: str
) -> None:
    assert journal_problem(tmp_path, monkeypatch, kind) == (
        f"The journal of x.annotations.json {reason}; it was not applied and is kept as ASIDE."
    )
