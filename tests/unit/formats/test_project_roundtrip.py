"""Import into a project, export again, through the real command: nothing moves.

Token-per-line corpora come back line for line; span formats give back the same spans,
labels, offsets and relations. Runs on ../shared/corpora (skipped when absent).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.formats import AnnotatedDocument, get

pytestmark = pytest.mark.corpora


def through_project(tmp_path: Path, fmt: str, sources: list[Path], out: str, *extra: str) -> Path:
    project = tmp_path / "proj"
    assert main(["import", str(project), *map(str, sources), "--format", fmt, "-q", *extra]) in (0, 1)
    assert main(["export", str(project), "--format", fmt, "--out", str(tmp_path / out)]) == 0
    return tmp_path / out


@pytest.mark.parametrize("name", ["peyma-dev.txt", "arman-dev.txt"])
def test_conll_corpus_comes_back_line_for_line(
    corpora: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = corpora / "ner" / name
    out = through_project(tmp_path, "conll", [source], "out.txt")
    err = capsys.readouterr().err
    assert out.read_text(encoding="utf-8").rstrip("\n") == source.read_text(encoding="utf-8").rstrip("\n")
    assert "problem" not in err.split("document(s) added")[0]
    # the generated titles (the document ids) are nothing CoNLL loses
    assert "left out" not in err


def test_conll_import_keeps_text_tokens_and_layout_in_the_document(corpora: Path, tmp_path: Path) -> None:
    from annotator.io.project import Project

    main(["import", str(tmp_path / "proj"), str(corpora / "ner/peyma-dev.txt"), "--format", "conll", "-q"])
    project = Project.open(tmp_path / "proj")
    first = get("conll").read(corpora / "ner/peyma-dev.txt").documents[0]
    doc = project.load_document(project.document_ids()[0])
    assert doc.text == first.text
    assert doc.metadata["tokens"] == [list(t) for t in first.tokens or []]
    assert doc.metadata["layout"] == first.layout
    assert project.offset_map(doc.id) is None


def test_a_second_import_of_the_same_corpus_adds_nothing(
    corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = corpora / "ner/peyma-dev.txt"
    main(["import", str(tmp_path / "proj"), str(source), "--format", "conll", "-q"])
    capsys.readouterr()
    out = through_project(tmp_path, "conll", [source], "out.txt")
    assert "0 document(s) added, 10 duplicate(s) skipped" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").rstrip("\n") == source.read_text(encoding="utf-8").rstrip("\n")


def test_explicit_normalize_maps_spans_onto_the_normalized_text(corpora: Path, tmp_path: Path) -> None:
    from annotator.io.project import Project

    source = corpora / "ner/peyma-dev.txt"
    main(["import", str(tmp_path / "proj"), str(source), "--format", "conll", "--normalize", "-q"])
    project = Project.open(tmp_path / "proj")
    read = get("conll").read(source).documents
    for doc_id, original in zip(project.document_ids()[:5], read, strict=False):
        aset = project.load_annotations(doc_id, "imported")
        assert len(aset.spans()) == len(original.spans)
        for span, rec in zip(sorted(aset.spans(), key=lambda s: s.start), original.spans, strict=True):
            start, end = project.original_offsets(doc_id, span.start, span.end)
            assert original.text[start:end].strip() == original.text[rec.start : rec.end].strip()


def keys(doc: AnnotatedDocument) -> tuple[str, list[tuple[object, ...]], list[tuple[object, ...]]]:
    where = {s.id: (s.start, s.end, s.label) for s in doc.spans}
    spans = sorted((s.label, s.start, s.end, sorted(s.attributes.items()), s.note) for s in doc.spans)
    relations = sorted((r.type, where[r.source], where[r.target]) for r in doc.relations)
    return doc.text, spans, relations


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
def test_span_formats_come_back_with_the_same_spans(
    corpora: Path, tmp_path: Path, name: str, relative: str, out_name: str
) -> None:
    source = corpora / relative
    fmt = get(name)
    sources = sorted(source.glob("*.tsv")) if name == "webanno" else [source]
    out = through_project(tmp_path, name, sources, out_name)
    before = sorted(keys(d) for s in sources for d in fmt.read(s).documents)
    after = sorted(keys(d) for d in fmt.read(out).documents)
    assert after == before
    assert any(spans for _, spans, _ in before)


def test_titles_that_are_only_ids_are_not_reported_lost(
    corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    through_project(tmp_path, "brat", [corpora / "interop/brat"], "out")
    assert "document titles" not in capsys.readouterr().err
