"""Import then export then import again on the real files in ../shared/corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.io.formats import AnnotatedDocument, get

pytestmark = pytest.mark.corpora


def span_keys(doc: AnnotatedDocument) -> list[tuple[str, int, int]]:
    return sorted((s.label, s.start, s.end) for s in doc.spans)


def relation_keys(doc: AnnotatedDocument) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    by_id = {s.id: (s.start, s.end) for s in doc.spans}
    return sorted((r.type, by_id[r.source], by_id[r.target]) for r in doc.relations)


def token_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.mark.parametrize(
    ("name", "relative", "out_name"),
    [
        ("brat", "interop/brat", "out"),
        ("doccano", "interop/doccano/sequence_labeling.jsonl", "out.jsonl"),
        ("doccano", "interop/doccano/relation_extraction.jsonl", "out.jsonl"),
        ("labelstudio", "interop/labelstudio/named_entity_task.json", "out.json"),
        ("webanno", "interop/webanno", "out"),
    ],
)
def test_interop_round_trip(corpora: Path, tmp_path: Path, name: str, relative: str, out_name: str) -> None:
    fmt = get(name)
    first = fmt.read(corpora / relative)
    assert first.documents
    report = fmt.write(first.documents, tmp_path / out_name)
    assert report.written == len(first.documents)
    again = fmt.read(tmp_path / out_name)
    assert again.problems == []
    assert len(again.documents) == len(first.documents)
    for a, b in zip(first.documents, again.documents, strict=True):
        assert b.text == a.text
        assert span_keys(b) == span_keys(a)
        assert relation_keys(b) == relation_keys(a)
        assert [(s.attributes, s.note) for s in sorted(b.spans, key=lambda s: (s.start, s.end, s.label))] == [
            (s.attributes, s.note) for s in sorted(a.spans, key=lambda s: (s.start, s.end, s.label))
        ]


def test_brat_reads_the_tutorial_files(corpora: Path) -> None:
    result = get("brat").read(corpora / "interop/brat")
    docs = {d.document.id: d for d in result.documents}
    notes = docs["110-note_annotation"]
    discworld = next(s for s in notes.spans if s.id == "T1")
    assert notes.text[discworld.start : discworld.end] == "Discworld"
    assert discworld.note == "Should fictional places be annotated?"
    attributes = docs["100-attribute_annotation"]
    assert next(s for s in attributes.spans if s.id == "T1").attributes == {"Individual": True}
    # the only thing not kept is reported with its file and line
    assert result.problems == [
        f"{corpora / 'interop/brat/110-note_annotation.ann'}:12: a note on relation R1 is not kept"
    ]


def test_labelstudio_offsets_are_code_points_and_checked(corpora: Path) -> None:
    result = get("labelstudio").read(corpora / "interop/labelstudio/named_entity_task.json")
    (doc,) = result.documents
    (span,) = doc.spans
    assert doc.text[span.start : span.end] == "February 22"
    assert result.problems == []


def test_webanno_emoji_offsets(corpora: Path) -> None:
    result = get("webanno").read(corpora / "interop/webanno/testSentenceWithEmoji.tsv")
    (doc,) = result.documents
    assert doc.text == "I like it \U0001f60a ."
    assert [(s.start, s.end) for s in doc.spans] == [(10, 11)]


@pytest.mark.parametrize(
    ("relative", "separator", "style"), [("ner/peyma-dev.txt", "|", "B_"), ("ner/arman-dev.txt", " ", "B-")]
)
def test_conll_round_trip_gives_the_same_lines(
    corpora: Path, tmp_path: Path, relative: str, separator: str, style: str
) -> None:
    source = corpora / relative
    fmt = get("conll")
    result = fmt.read(source)
    assert result.problems == []
    assert result.documents[0].layout["conll"]["separator"] == separator
    assert result.documents[0].layout["conll"]["tag_style"] == style
    report = fmt.write(result.documents, tmp_path / "out.txt")
    assert report.left_out == {}
    assert token_lines(tmp_path / "out.txt") == token_lines(source)
    again = fmt.read(tmp_path / "out.txt")
    assert [span_keys(d) for d in again.documents] == [span_keys(d) for d in result.documents]
