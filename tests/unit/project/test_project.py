"""The project folder: creating, opening, importing, annotating, summaries and cancelling."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.io.project import (
    DocumentSummary,
    ImportProgress,
    Project,
    ProjectError,
)
from annotator.model import Status

from .conftest import ARABIC_TEXT, PERSIAN_TEXT, snapshot

Write = Callable[[str, str | bytes], Path]


def articles(n: int, prefix: str = "خبر") -> str:
    return json.dumps(
        [
            {"title": f"{prefix} {i}", "text": f"متن {prefix} شماره {i} درباره تهران.",
             "url": f"https://example.org/{prefix}/{i}", "date": f"2024-01-{i + 1:02d}"}
            for i in range(n)
        ],
        ensure_ascii=False,
    )  # fmt: skip


# ---- creating and opening --------------------------------------------------------------


def test_create_writes_a_readable_folder(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p", "نام پروژه")
    data = json.loads((tmp_path / "p" / "project.json").read_text(encoding="utf-8"))
    assert data["format"] == "annotator/project" and data["version"] == 1
    assert data["name"] == "نام پروژه"
    assert [lb["id"] for lb in data["schema"]["labels"]] == ["actor", "location", "claim"]
    assert data["settings"]["normalize"] is True
    assert (tmp_path / "p" / "documents").is_dir() and (tmp_path / "p" / "annotations").is_dir()
    assert ".cache/" in (tmp_path / "p" / ".gitignore").read_text(encoding="utf-8")
    assert project.document_ids() == []
    again = Project.open(tmp_path / "p")
    assert again.name == "نام پروژه" and again.schema == project.schema
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(tmp_path / "p", "again")


def test_open_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such folder"):
        Project.open(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ProjectError, match=r"project\.json: no such file.*not an annotator"):
        Project.open(tmp_path / "empty")
    Project.create(tmp_path / "p", "p")
    file = tmp_path / "p" / "project.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    file.write_text("{broken", encoding="utf-8")
    with pytest.raises(ProjectError, match=r"project\.json: malformed JSON at line 1"):
        Project.open(tmp_path / "p")
    file.write_text(json.dumps({**data, "version": 7}), encoding="utf-8")
    with pytest.raises(ProjectError, match=r"project\.json: \$\.version: written by a newer"):
        Project.open(tmp_path / "p")
    file.write_text(json.dumps({**data, "format": "other"}), encoding="utf-8")
    with pytest.raises(ProjectError, match="not an annotator file"):
        Project.open(tmp_path / "p")
    file.write_text(json.dumps({**data, "schema": {"labels": "x"}}), encoding="utf-8")
    with pytest.raises(ProjectError, match=r"\$\.schema"):
        Project.open(tmp_path / "p")
    file.write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "p" / "documents.json").write_text("[", encoding="utf-8")
    with pytest.raises(ProjectError, match=r"documents\.json: malformed JSON"):
        Project.open(tmp_path / "p")


# ---- importing -------------------------------------------------------------------------


def test_import_normalizes_and_keeps_the_original(project: Project, write: Write) -> None:
    report = project.import_sources([write("a.txt", ARABIC_TEXT)])
    assert report.problems == [] and report.added == ["a"]
    doc = project.load_document("a")
    assert "ي" not in doc.text and "ك" not in doc.text
    assert doc.text.startswith("علی به کتابخانه")
    assert project.original_text("a") == ARABIC_TEXT
    start = doc.text.index("کتاب خرید")
    s, e = project.original_offsets("a", start, start + len("کتاب خرید"))
    assert ARABIC_TEXT[s:e] == "كتاب خريد"
    stored = json.loads(project.document_path("a").read_text(encoding="utf-8"))
    assert stored["original"]["text"] == ARABIC_TEXT
    assert stored["metadata"]["source"] == "a.txt"


def test_text_whose_normalization_cannot_be_aligned_is_kept_as_written(
    project: Project, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    import annotator.persian.normalize as normalize
    from annotator.persian.normalize import OffsetMap

    # a map that drops every letter and inserts them again: normalize() refuses it
    # rather than let it move spans
    def wrong(o: str, n: str, *_repeats: bool) -> OffsetMap:
        return OffsetMap([(0, len(o), 0, 0), (len(o), 0, 0, len(n))], len(o), len(n))

    monkeypatch.setattr(normalize, "_align", wrong)
    monkeypatch.setattr(normalize, "_align_by_letters", wrong)  # a short text's fallback
    source = write("a.txt", ARABIC_TEXT)
    report = project.import_sources([source])
    assert report.problems == [
        f"{source}: kept as written, not normalized: "
        "normalization could not be aligned with the original at character 0"
    ]
    assert report.added == ["a"]
    assert project.load_document("a").text == ARABIC_TEXT
    assert "original" not in json.loads(project.document_path("a").read_text(encoding="utf-8"))
    assert project.offset_map("a") is None


def test_unchanged_text_keeps_no_original(project: Project, write: Write) -> None:
    project.import_sources([write("a.txt", "سلام")])
    assert "original" not in json.loads(project.document_path("a").read_text(encoding="utf-8"))
    assert project.original_offsets("a", 0, 4) == (0, 4)


def test_no_normalize(project: Project, write: Write) -> None:
    project.import_sources([write("a.txt", ARABIC_TEXT)], normalize=False)
    assert project.load_document("a").text == ARABIC_TEXT


def test_reimport_does_not_duplicate(project: Project, write: Write) -> None:
    source = write("news.json", articles(5))
    assert len(project.import_sources([source]).added) == 5
    again = project.import_sources([source])
    assert again.added == [] and len(again.skipped_duplicates) == 5
    # the same text without normalization, and the same url with other text
    project.import_sources([source], normalize=False)
    changed = write("changed.json", articles(5).replace("تهران", "قم"))
    assert project.import_sources([changed]).added == []
    assert len(project) == 5
    # the same text under another name in one import
    twice = project.import_sources([write("x.txt", PERSIAN_TEXT), write("y.txt", PERSIAN_TEXT)])
    assert twice.added == ["x"] and twice.skipped_duplicates == [f"{source.parent / 'y.txt'}: same as x"]


def test_the_same_text_with_annotations_is_another_document_and_said(project: Project, write: Write) -> None:
    """A text imported first without its annotations (the format not chosen), then again
    as doccano with its labels, becomes a second document: the import says so, by name."""
    text = "ناتو در بروکسل نشست. ناتو هشدار داد."
    plain = write("a.jsonl", json.dumps({"text": text}, ensure_ascii=False) + "\n")
    assert len(project.import_sources([plain]).added) == 1
    first = project.document_ids()[0]
    labelled = write("b.jsonl", json.dumps({"text": text, "label": [[0, 4, "ORG"]]}, ensure_ascii=False) + "\n")
    report = project.import_sources([labelled], fmt="doccano")
    assert len(report.added) == 1 and report.skipped_duplicates == [] and report.problems == []
    assert report.notices == [
        f"{labelled}: the same text as {first}, added as another document because it comes with other annotations"
    ]
    # the same annotations again: a duplicate, skipped as before
    again = project.import_sources([labelled], fmt="doccano")
    assert again.added == [] and len(again.skipped_duplicates) == 1


def test_ids_are_unique_and_order_is_import_order(project: Project, write: Write) -> None:
    write("a/doc.txt", "یک")
    write("b/doc.txt", "دو")
    write("b/DOC.txt", "سه")
    report = project.import_sources([write("c.txt", "چهار").parent])
    assert report.added == ["doc", "DOC-2", "doc-3", "c"]  # unique even without case
    assert project.document_ids() == report.added
    assert Project.open(project.path).document_ids() == report.added


def test_bad_sources_are_named_and_the_rest_imported(project: Project, write: Write) -> None:
    good = write("good.json", articles(2))
    broken = write("broken.json", "[{")
    binary = write("binary.txt", bytes(range(256)) * 10)
    report = project.import_sources([broken, good, Path("/no/such/file.txt"), binary])
    assert len(report.added) == 2
    text = "\n".join(report.problems)
    assert "broken.json" in text and "/no/such/file.txt" in text and "binary.txt" in text
    assert len(report.problems) == 3


def test_cancel_leaves_the_folder_byte_identical(project: Project, write: Write) -> None:
    project.import_sources([write("first.json", articles(3, "اول"))])
    aset = project.load_annotations(project.document_ids()[0], "ali")
    aset.add_span("location", aset.text.index("تهران"), aset.text.index("تهران") + 5)
    project.save_annotations(aset)
    project.summaries()
    before = snapshot(project.path)
    ids = project.document_ids()
    calls: list[ImportProgress] = []

    def cancel_late() -> bool:
        return len(calls) >= 4

    report = project.import_sources(
        [write("second.json", articles(6, "دوم")), write("third.txt", "سوم")],
        progress=calls.append,
        cancel=cancel_late,
    )
    assert report.cancelled and report.added == []
    assert snapshot(project.path) == before
    assert project.document_ids() == ids
    assert Project.open(project.path).document_ids() == ids
    assert 0 < calls[-1].fraction < 1


def test_progress_reaches_the_end(project: Project, write: Write) -> None:
    seen: list[ImportProgress] = []
    project.import_sources([write("a.json", articles(3))], progress=seen.append)
    assert seen[-1].fraction == 1.0 and seen[-1].added == 3
    assert [p.fraction for p in seen] == sorted(p.fraction for p in seen)


def test_failure_while_moving_in_rolls_back(project: Project, write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(project.path)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(project, "_write_catalog", fail)
    # a disk error is the project's, not a source's: ProjectError saying why (exit 2)
    with pytest.raises(ProjectError, match="the disk is full"):
        project.import_sources([write("a.json", articles(3))])
    assert snapshot(project.path) == before and project.document_ids() == []


# ---- annotations, summaries, navigation -------------------------------------------------


def test_annotations_round_trip_without_embedded_text(project: Project, write: Write) -> None:
    (doc_id,) = project.import_sources([write("a.txt", PERSIAN_TEXT)]).added
    aset = project.load_annotations(doc_id, "زهرا")
    assert aset.span_count() == 0 and aset.status == Status.NEW
    aset.add_span("actor", 0, 3)
    path = project.save_annotations(aset)
    assert path == project.path / "annotations" / "زهرا" / "a.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "text" not in data["document"] and data["annotator"] == "زهرا"
    loaded = project.load_annotations(doc_id, "زهرا")
    assert [(s.label, s.text) for s in loaded.spans()] == [("actor", "علی")]
    assert project.annotators() == ["زهرا"]


def test_summaries_come_from_the_index(project: Project, write: Write) -> None:
    ids = project.import_sources([write("n.json", articles(3))], normalize=False).added
    aset = project.load_annotations(ids[1], "ali")
    aset.add_spans("tag all", [("actor", 0, 3), ("location", 4, 8)])
    project.save_annotations(aset)
    project.set_status(ids[2], "ali", Status.DONE)
    assert project.summaries("ali") == [
        DocumentSummary(ids[0], "خبر 0", Status.NEW, 0, "2024-01-01", "2024-01-01"),
        DocumentSummary(ids[1], "خبر 1", Status.IN_PROGRESS, 2, "2024-01-02", "2024-01-02"),
        DocumentSummary(ids[2], "خبر 2", Status.DONE, 0, "2024-01-03", "2024-01-03"),
    ]
    # a new session reads the index, not the annotation files
    reopened = Project.open(project.path)
    import annotator.io.project as module

    def refuse(*args: object) -> None:
        raise AssertionError("an annotation file was read")

    original = module._facts_of_file
    module._facts_of_file = refuse  # type: ignore[assignment]
    try:
        assert reopened.summaries("ali") == project.summaries("ali")
    finally:
        module._facts_of_file = original
    # a file that arrives from elsewhere (git pull) is noticed
    other = project.annotation_path(ids[0], "sara")
    other.parent.mkdir()
    aset0 = project.load_annotations(ids[0], "sara")
    aset0.add_span("claim", 0, 5)
    from annotator.io import jsonformat

    jsonformat.save(aset0, other, embed_text=False)
    assert reopened.summary(ids[0]).span_count == 1
    assert reopened.summary(ids[0]).status == Status.IN_PROGRESS


def test_neighbours_and_next_unfinished(project: Project, write: Write) -> None:
    ids = project.import_sources([write("n.json", articles(4))]).added
    assert project.neighbour(ids[0]) == ids[1]
    assert project.neighbour(ids[0], -1) is None
    assert project.neighbour(ids[3]) is None
    project.set_status(ids[1], "me", "done")
    project.set_status(ids[2], "me", "done")
    assert project.neighbour(ids[0], annotator="me", unfinished=True) == ids[3]
    assert project.neighbour(ids[3], annotator="me", unfinished=True) == ids[0]


def test_saving_annotations_of_another_text_is_refused(project: Project, write: Write) -> None:
    (doc_id,) = project.import_sources([write("a.txt", "سلام")]).added
    from annotator.model import AnnotationSet, Document

    stray = AnnotationSet(Document(doc_id, "متن دیگر"), "me")
    with pytest.raises(ProjectError, match="another text"):
        project.save_annotations(stray)


# ---- interchange formats ----------------------------------------------------------------


def test_interchange_format_brings_spans_and_labels(
    project: Project, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.io.formats import base

    doc = base.AnnotatedDocument(
        document=base.Document("d1", ARABIC_TEXT, "عنوان"),
        spans=[base.SpanRecord("T1", "PER", 0, 3), base.SpanRecord("T2", "actor", 22, 26)],
        annotator="brat-user",
    )

    class Fake:
        name = "fake"

        def read(self, path: Path) -> base.ReadResult:
            return base.ReadResult([doc], [f"{path}:3: a line the format skipped"])

    import annotator.io.formats as formats

    monkeypatch.setattr(formats, "get", lambda name: Fake())
    report = project.import_sources([write("x.fake", "")], fmt="fake")
    assert report.added == ["d1"] and report.problems[0].endswith("a line the format skipped")
    aset = project.load_annotations("d1", "brat-user")
    # annotated documents keep their text unless normalization is asked for
    assert [(s.label, s.text) for s in aset.spans()] == [("PER", "علي"), ("actor", "كتاب")]
    assert project.schema.label("PER") is not None
    assert project.offset_map("d1") is None


def test_interchange_import_normalizes_when_asked_and_maps_spans(
    project: Project, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.io.formats import base

    doc = base.AnnotatedDocument(
        document=base.Document("d1", ARABIC_TEXT, "عنوان"),
        spans=[base.SpanRecord("T1", "PER", 0, 3), base.SpanRecord("T2", "actor", 22, 26)],
        tokens=[(0, 3), (4, 6)],
        annotator="brat-user",
    )

    class Fake:
        name = "fake"

        def read(self, path: Path) -> base.ReadResult:
            return base.ReadResult([doc])

    import annotator.io.formats as formats

    monkeypatch.setattr(formats, "get", lambda name: Fake())
    assert project.import_sources([write("x.fake", "")], fmt="fake", normalize=True).added == ["d1"]
    aset = project.load_annotations("d1", "brat-user")
    assert [(s.label, s.text) for s in aset.spans()] == [("PER", "علی"), ("actor", "کتاب")]
    assert project.load_document("d1").metadata["tokens"] == [[0, 3], [4, 6]]


def test_unavailable_interchange_format_is_a_problem(project: Project, write: Write) -> None:
    report = project.import_sources([write("x.zzz", "")], fmt="no-such-format")
    assert report.added == [] and "no-such-format" in report.problems[0]


def test_a_refused_relation_costs_only_itself(project: Project, write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.io.formats import base

    doc = base.AnnotatedDocument(
        document=base.Document("d1", PERSIAN_TEXT, "عنوان"),
        spans=[base.SpanRecord("T1", "actor", 0, 3), base.SpanRecord("T2", "actor", 4, 8)],
        # claimed_by goes from a claim to an actor: between two actors the model refuses it
        relations=[base.RelationRecord("R1", "claimed_by", "T1", "T2")],
        annotator="brat-user",
    )

    class Fake:
        name = "fake"

        def read(self, path: Path) -> base.ReadResult:
            return base.ReadResult([doc], [])

    import annotator.io.formats as formats

    monkeypatch.setattr(formats, "get", lambda name: Fake())
    report = project.import_sources([write("x.fake", "")], fmt="fake")
    assert report.added == ["d1"]
    assert len(report.problems) == 1 and "relation R1 (claimed_by T1->T2) left out" in report.problems[0]
    aset = project.load_annotations("d1", "brat-user")
    assert [s.id for s in aset.spans()] == ["T1", "T2"] and aset.relations() == []
