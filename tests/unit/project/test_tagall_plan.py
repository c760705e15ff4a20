"""What a project-wide Tag all will do, counted before it asks (io.tagall): the same counts
as tagging then finds, document by document, on Fars News articles coded in every way a
hit can be (the label already, another label, spans elsewhere, the import's spans)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from annotator.io.project import Project
from annotator.io.tagall import plan_tag_all
from annotator.persian.segment import trim


@pytest.fixture(scope="module")
def fars_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    from tests.conftest import SHARED_CORPORA

    fars = SHARED_CORPORA / "news" / "fars-news-2.json"
    if not fars.is_file():
        pytest.skip(f"{fars} is absent (it sits beside the project, not in it)")
    work = tmp_path_factory.mktemp("fars")
    (work / "fars.json").write_text(
        json.dumps(json.loads(fars.read_text(encoding="utf-8"))[:40], ensure_ascii=False), encoding="utf-8"
    )
    project = Project.create(work / "p", "p")
    assert not project.import_sources([work / "fars.json"], normalize=False).problems
    return project


def truth(project: Project, annotator: str, label: str, query: str, whole: bool, also: bool) -> tuple[int, int, int]:
    """(added, same, other) as tagging finds them: each document's own AnnotationSet."""
    by_document: dict[str, list[tuple[int, int]]] = {}
    for hit in project.search(query, whole_words=whole):
        by_document.setdefault(hit.document_id, []).append((hit.start, hit.end))
    added = same = other = 0
    for doc_id, hits in by_document.items():
        aset = project.load_annotations(doc_id, annotator)
        ranges = [(s, e) for s, e in (trim(aset.text, a, b) for a, b in hits) if e > s]
        here_same, here_other = aset.coded_counts(label, ranges)
        same, other = same + here_same, other + here_other
        added += len(aset.add_spans("t", [(label, s, e) for s, e in ranges], skip_coded=not also))
    return added, same, other


@pytest.mark.parametrize(("query", "whole"), [("ایران", True), ("ایران", False), ("گفت", True), (" ایران ", False)])
def test_the_plan_counts_what_tagging_does(
    fars_project: Project, query: str, whole: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, rng = fars_project, random.Random(query + str(whole))
    hits = project.search(query, whole_words=whole)
    assert len({h.document_id for h in hits}) >= 5
    # sara codes some hits with the label, some with another, and words elsewhere
    docs = sorted({h.document_id for h in hits})
    for n, doc_id in enumerate(docs):
        if n % 3 == 2:
            continue  # never touched: no file at all
        aset = project.load_annotations(doc_id, "sara")
        here = [h for h in hits if h.document_id == doc_id]
        for h in here:
            start, end = trim(aset.text, h.start, h.end)
            choice = rng.random()
            if choice < 0.3:
                aset.add_span("location", start, end)
            elif choice < 0.6:
                aset.add_span(rng.choice(["actor", "claim"]), start, end)
        aset.add_span("actor", 0, 3)  # a span on no hit: the file must be read, nothing matches
        project.save_annotations(aset)
    # and the import brought spans on one untouched document (read as sara's starting point)
    untouched = docs[2]
    imported = project.load_annotations(untouched, "imported")
    first = next(h for h in hits if h.document_id == untouched)
    imported.add_span("actor", *trim(imported.text, first.start, first.end))
    project.save_annotations(imported)

    plan = plan_tag_all(project, "sara", "location", hits)
    added, same, other = truth(project, "sara", "location", query, whole, also=False)
    assert (plan.fresh, plan.same, plan.other) == (added, same, other)
    assert plan.same and plan.other and plan.fresh  # every case is there
    assert sum(map(len, plan.ranges.values())) == plan.fresh + plan.same + plan.other
    assert truth(project, "sara", "location", query, whole, also=True)[0] == plan.fresh + plan.other
    # a coder who coded nothing: every hit is new, and only the import's file is read
    from annotator.io import jsonformat

    read: list[Path] = []
    reading = jsonformat.read_bytes

    def counted(path: Path) -> bytes:
        read.append(path)
        return reading(path)

    monkeypatch.setattr(jsonformat, "read_bytes", counted)
    fresh_plan = plan_tag_all(project, "reza", "location", hits)
    assert read == [project.annotation_path(untouched, "imported")]
    monkeypatch.undo()
    assert (fresh_plan.fresh, fresh_plan.same) == (sum(map(len, plan.ranges.values())) - 1, 0)
    assert fresh_plan.other == 1  # the import's actor on the untouched document
    # the open document's memory counts instead of its file
    doc_id = docs[0]
    spans = [(s.label, s.start, s.end) for s in project.load_annotations(doc_id, "sara").spans()]
    in_memory = plan_tag_all(project, "sara", "location", hits, {doc_id: [("location", a, b) for _l, a, b in spans]})
    assert in_memory.same >= plan.same
    for folder in ("sara", "imported"):  # the next parameter starts afresh
        for path in (project.path / "annotations" / folder).glob("*.json"):
            path.unlink()


def test_documents_marked_done_are_counted_apart_from_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A coder's documents marked done (their own file, else the import's status; the open
    one's memory first) are known without reading a file; what tagging would add in them
    is counted apart, and left out of `tagged()` unless asked."""
    from annotator.io import jsonformat

    sources = tmp_path / "s"
    sources.mkdir()
    for name, text in {"a.txt": "ایران و ایران", "b.txt": "در ایران", "c.txt": "ایران ایران ایران"}.items():
        (sources / name).write_text(text, encoding="utf-8")
    project = Project.create(tmp_path / "p", "p")
    assert len(project.import_sources([sources]).added) == 3
    a, b, c = project.document_ids()
    project.set_status(a, "sara", "done")  # done, no spans: its file is not read
    aset = project.load_annotations(c, "sara")
    aset.add_span("actor", 0, 5)
    project.save_annotations(aset)
    project.set_status(c, "sara", "done")
    hits = project.search("ایران", whole_words=True)
    read: list[Path] = []
    reading = jsonformat.read_bytes
    monkeypatch.setattr(jsonformat, "read_bytes", lambda path: read.append(path) or reading(path))
    plan = plan_tag_all(project, "sara", "location", hits)
    monkeypatch.undo()
    assert read == [project.annotation_path(c, "sara")]  # the one with spans, for the spans
    assert plan.done == {a, c}
    assert plan.counts == {a: (2, 0), b: (1, 0), c: (2, 1)}
    assert plan.tagged() == (1, 1)
    assert plan.tagged(also_done=True) == (5, 3)
    assert plan.tagged(also_other=True, also_done=True) == (6, 3)
    assert plan.in_done() == (4, 2) and plan.in_done(also_other=True) == (5, 2)
    # another coder: nothing done; the open document's memory over its file
    assert not plan_tag_all(project, "reza", "location", hits).done
    assert plan_tag_all(project, "sara", "location", hits, open_done={a: False}).done == {c}
