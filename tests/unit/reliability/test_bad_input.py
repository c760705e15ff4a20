"""Every kind of bad input, through every way in: `annotator import`, `annotator validate`,
open_article and AnnotationStore.open (the window's open paths, without a window).

Each gives one clear message naming the file, never a traceback, and leaves what was
already saved (the project, the file itself) unchanged. docs/reliability.md lists them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.io import jsonformat
from annotator.io.article import open_article
from annotator.io.project import Project
from annotator.io.store import AnnotationStore, StoreError
from annotator.io.textfile import MAX_SOURCE_BYTES, TextFileError
from annotator.model import AnnotationSet, Document, SchemaError, default_schema

from .helpers import TEXT, snapshot

SCHEMA = default_schema()


def valid() -> dict[str, Any]:
    aset = AnnotationSet(Document("doc1", TEXT, "نمونه"), "ali", SCHEMA)
    aset.add_span("actor", 0, 5)
    aset.add_span("claim", 10, 20)
    aset.add_relation("claimed_by", "s2", "s1")
    return jsonformat.to_json(aset)


def changed(edit: Callable[[dict[str, Any]], None]) -> bytes:
    data = valid()
    edit(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


VALID = json.dumps(valid(), ensure_ascii=False).encode("utf-8")

# kind -> (the annotation file's bytes, what the message says)
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "truncated JSON": (VALID[: len(VALID) // 2], "not valid JSON"),
    "malformed JSON": (VALID.replace(b'"spans":', b'"spans"', 1), "not valid JSON"),
    "wrong types": (changed(_set(("spans", 0, "start"), "0")), "should be integer"),
    "offsets out of range": (changed(_set(("spans", 0, "end"), 10**6)), "beyond the text"),
    "duplicate ids": (changed(_set(("spans", 1, "id"), "s1")), "duplicate span id"),
    "relation to a missing span": (changed(_set(("relations", 0, "to"), "s99")), "missing span"),
    "unknown label": (changed(_set(("spans", 0, "label"), "no-such-label")), "no-such-label"),
    "future format version": (changed(_set(("version",), 99)), "newer annotator"),
    "empty file": (b"", "empty"),
    "binary file": (b"\x00\x01\x02\xff\xfe\x89PNG\r\n" * 50, "UTF-8"),
    "mixed encodings": (VALID[:40] + "خبر".encode("cp1256") + VALID[40:], "UTF-8"),
}


def one_clear_message(output: str, path: Path, expected: str) -> None:
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if str(path) in line]
    assert lines, output
    assert any(expected.lower() in line.lower() for line in lines), output


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_validate_names_the_file_and_the_problem(tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    raw, expected = BAD_FILES[kind]
    path = tmp_path / "doc1.annotations.json"
    path.write_bytes(raw)
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    one_clear_message(captured.out + captured.err, path, expected)
    assert path.read_bytes() == raw


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_window_free_open_paths_raise_one_documented_error(tmp_path: Path, kind: str) -> None:
    raw, expected = BAD_FILES[kind]
    path = tmp_path / "doc1.annotations.json"
    path.write_bytes(raw)
    with pytest.raises(jsonformat.AnnotationFileError) as found:
        open_article(path, schema=SCHEMA)
    assert str(path) in str(found.value) and expected.lower() in str(found.value).lower()
    with pytest.raises((jsonformat.AnnotationFileError, StoreError)) as again:
        AnnotationStore.open(path, SCHEMA)
    assert str(path) in str(again.value)
    assert path.read_bytes() == raw
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no journal, no copies


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A project with one document already imported and annotated."""
    source = tmp_path / "first.txt"
    source.write_text(TEXT, encoding="utf-8")
    project = Project.create(tmp_path / "proj", "p")
    (doc_id,) = project.import_sources([source]).added
    aset = project.load_annotations(doc_id, "ali")
    aset.add_span("actor", 0, 5)
    project.save_annotations(aset)
    return project


# the import's own view of the same files; unknown labels are not bad for an import (they
# extend the project's labels), so they are left out here and tested below
IMPORT_EXPECTED = {
    "truncated JSON": "not valid JSON (line ",
    "malformed JSON": "not valid JSON (line ",
    "wrong types": "should be integer",
    "offsets out of range": "beyond the text",
    "duplicate ids": "duplicate span id",
    "relation to a missing span": "missing span",
    "future format version": "newer annotator",
    "empty file": "empty",
    "binary file": "UTF-8",
    "mixed encodings": "UTF-8",
}


@pytest.mark.parametrize("kind", list(IMPORT_EXPECTED))
def test_import_names_the_file_and_changes_nothing(
    project: Project, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = BAD_FILES[kind][0]
    path = tmp_path / "doc1.annotations.json"
    path.write_bytes(raw)
    before = snapshot(project.path)
    assert main(["import", str(project.path), str(path), "--format", "json", "-q"]) == 1
    captured = capsys.readouterr()
    one_clear_message(captured.out + captured.err, path, IMPORT_EXPECTED[kind])
    assert snapshot(project.path) == before


ARTICLE_FILES: dict[str, tuple[str, bytes, str]] = {
    "empty text file": ("a.txt", b"", "empty"),
    "binary text file": ("a.txt", b"\x00\x01\x02\x03\xff" * 200, "binary"),
    "truncated JSON articles": ("a.json", b'[{"title": "x", "text": "\xd8\xb3\xd9\x84', "not valid JSON (line 1, col"),
    "JSON of the wrong shape": ("a.json", b'{"articles": 5}', "a.json"),
    "CSV with a header only": ("a.csv", b"title,text\n", "a.csv"),
    "empty HTML": ("a.html", b"<html><body></body></html>", "no visible article text"),
    "mixed encodings in a text file": ("a.txt", "سلام ".encode() + "خبر".encode("cp1256") + b"\xff\xfe\x00", "a.txt"),
}


@pytest.mark.parametrize("kind", list(ARTICLE_FILES))
def test_bad_article_sources_are_named(
    project: Project, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name, raw, expected = ARTICLE_FILES[kind]
    path = tmp_path / name
    path.write_bytes(raw)
    before = snapshot(project.path)
    code = main(["import", str(project.path), str(path), "-q"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    if code == 0:  # a guess at the encoding may read it: then it is a new document
        assert "mixed encodings" in kind
        return
    assert code == 1
    one_clear_message(captured.err, path, expected)
    assert snapshot(project.path) == before


def test_unknown_labels_extend_the_project_and_say_nothing_is_wrong(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doc1.annotations.json"
    data = valid()
    data["spans"].append({**data["spans"][0], "id": "s3", "label": "no-such-label"})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(project.path), str(path), "--format", "json", "-q"]) == 0
    captured = capsys.readouterr()
    # nothing is wrong; the project already had this text without these annotations
    assert captured.err == (
        f"{path}: the same text as first, added as another document because it comes with other annotations\n"
        f"{project.path}: 3 span(s) imported with the documents: actor 1, claim 1, no-such-label 1\n"
    )
    assert captured.out == (
        f"{project.path}: 1 document(s) added, 0 duplicate(s) skipped, 0 problem(s); 2 document(s) in the project\n"
    )
    again = Project.open(project.path)
    assert again.schema.label("no-such-label") is not None
    aset = again.load_annotations("doc1", "ali")
    assert [(s.label, s.start, s.end) for s in aset.spans()] == [
        ("actor", 0, 5),
        ("no-such-label", 0, 5),
        ("claim", 10, 20),
    ]


def test_a_future_project_version_is_named(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    file = project.path / "project.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    data["version"] = 99
    file.write_text(json.dumps(data), encoding="utf-8")
    before = snapshot(project.path)
    for argv in (["validate", str(project.path)], ["import", str(project.path), str(file), "-q"]):
        assert main(argv) != 0
        captured = capsys.readouterr()
        one_clear_message(captured.out + captured.err, file, "newer annotator")
    assert snapshot(project.path) == before


def test_duplicate_document_ids_in_a_source_become_two_documents(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    records = [{"id": "same", "text": "خبر اول"}, {"id": "same", "text": "خبر دوم"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    report = project.import_sources([path])
    assert len(report.added) == 2 and len(set(report.added)) == 2


@pytest.mark.parametrize("hostile", ["../../escaped", "/etc/passwd", "..\\..\\x", "CON", ".hidden", "a/../../b"])
def test_names_that_try_to_escape_stay_inside(project: Project, tmp_path: Path, hostile: str) -> None:
    path = tmp_path / "names.annotations.json"
    data = valid()
    data["document"]["id"] = hostile
    data["annotator"] = hostile
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    outside = sorted(p.name for p in tmp_path.iterdir())
    report = project.import_sources([path], fmt="json")
    assert report.added, report.problems
    root = project.path.resolve()
    for doc_id in report.added:
        assert project.document_path(doc_id).resolve().is_relative_to(root)
    for file in project.path.rglob("*"):
        assert file.resolve().is_relative_to(root)
    assert sorted(p.name for p in tmp_path.iterdir()) == outside
    assert not Path("/etc/passwd.json").exists()


# ---- a 200 MB file ------------------------------------------------------------------------


@pytest.fixture
def huge(tmp_path: Path) -> Callable[[str], Path]:
    """A 200 MB file made sparse: no disk and no time spent on it, unless it is read."""

    def make(name: str) -> Path:
        path = tmp_path / "big" / name
        path.parent.mkdir(exist_ok=True)
        with path.open("wb") as handle:
            handle.write(b"[")
            handle.truncate(200 * 2**20)
        return path

    return make


@pytest.fixture
def no_big_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail a test that reads a whole huge file: Path.read_bytes is the usual way in."""
    real = Path.read_bytes

    def guarded(self: Path) -> bytes:
        if self.stat().st_size > MAX_SOURCE_BYTES:
            raise AssertionError(f"{self} was read whole")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)


HUGE_SOURCES = [
    ("a.txt", "auto"),
    ("a.json", "auto"),
    ("a.jsonl", "auto"),
    ("a.csv", "auto"),
    ("a.html", "auto"),
    ("a.conll", "conll"),
    ("a.jsonl", "doccano"),
    ("a.json", "labelstudio"),
    ("a.tsv", "webanno"),
    ("a.jsonl", "jsonl"),
    ("a.annotations.json", "json"),
]


@pytest.mark.parametrize(("name", "fmt"), HUGE_SOURCES)
@pytest.mark.usefixtures("no_big_reads")
def test_a_200_mb_source_is_refused_unread(
    project: Project, huge: Callable[[str], Path], name: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = huge(name)
    before = snapshot(project.path)
    assert main(["import", str(project.path), str(path), "--format", fmt, "-q"]) == 1
    captured = capsys.readouterr()
    one_clear_message(captured.err, path, "MB")
    assert snapshot(project.path) == before


@pytest.mark.usefixtures("no_big_reads")
def test_a_200_mb_file_is_refused_by_validate_and_open(
    huge: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = huge("doc1.annotations.json")
    assert main(["validate", str(path)]) == 1
    one_clear_message(capsys.readouterr().err, path, "MB")
    with pytest.raises(jsonformat.AnnotationFileError, match="MB"):
        open_article(path, schema=SCHEMA)
    with pytest.raises((jsonformat.AnnotationFileError, StoreError), match="MB"):
        AnnotationStore.open(path, SCHEMA)
    text = huge("article.txt")
    with pytest.raises(TextFileError, match="MB"):
        open_article(text, schema=SCHEMA)


def test_a_broken_folder_schema_is_named(tmp_path: Path) -> None:
    (tmp_path / "annotator-schema.json").write_bytes(b"{not json")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    with pytest.raises(SchemaError, match=r"annotator-schema\.json"):
        open_article(article)


def test_an_import_that_adds_nothing_leaves_no_new_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The trial: `annotator import badp bad/binary.txt bad/empty.txt` said what was wrong
    with both, exited 1, and left an empty project folder `badp` behind."""
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x89PNG\r\n" * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    root = tmp_path / "badp"
    code = main(["import", str(root), str(tmp_path / "binary.txt"), str(tmp_path / "empty.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    named = [line.split(": ")[0] for line in err.splitlines()]
    assert named == [str(tmp_path / "binary.txt"), str(tmp_path / "empty.txt")]
    assert out.endswith("; nothing imported, so the project was not created\n")
    assert not root.exists()
    # a project that was there before stays, empty or not
    root.mkdir()
    assert main(["import", str(root), str(tmp_path / "empty.txt")]) == 1
    assert (root / "project.json").exists()
