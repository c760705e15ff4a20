"""A project-wide Tag all counts what it will tag as tagging finds it: a document whose
latest edits are still only in a crashed window's journal (not yet checkpointed into its
file) counts with them, as opening it replays them (io.store.pending_state): a hit the
journal tagged is already tagged, and a document the journal marked done is left unless
ticked. The question used to count from the files alone: it promised to tag the hit the
journal had tagged, and to tag in the document the journal had marked done, which tagging
then left; the report disagreed with the question."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.io.project import Project
from annotator.io.store import AnnotationStore, journal_path
from annotator.io.tagall import plan_tag_all
from annotator.model import Status

from .conftest import open_in_window, type_text
from .test_project_window import answer_tag_question

TEXTS = {
    "0-plain.txt": "خبر ایران امروز.",
    "a-tagged.txt": "ایران گفت و ایران شنید.",
    "b-done.txt": "در ایران باران آمد.",
}


def crashed(project: Project, doc_id: str, edit: Any) -> Path:
    """Sara's file saved, then an edit journaled and the window killed before its checkpoint."""
    path = project.annotation_path(doc_id, "sara")
    project.save_annotations(project.load_annotations(doc_id, "sara"))  # her file, as it was
    store = AnnotationStore.open(path, project.schema, project.load_document(doc_id), embed_text=False)[0]
    edit(store.aset)
    store.detach()  # killed: the edit is in the journal only
    assert journal_path(path).exists()
    return path


def make_project(tmp_path: Path) -> tuple[Project, dict[str, str], dict[str, bytes]]:
    sources = tmp_path / "s"
    sources.mkdir()
    for name, text in TEXTS.items():
        (sources / name).write_text(text, encoding="utf-8")
    project = Project.create(tmp_path / "p", "p")
    ids = dict(zip(TEXTS, project.import_sources([sources]).added, strict=True))
    a, b = ids["a-tagged.txt"], ids["b-done.txt"]
    crashed(project, a, lambda aset: aset.add_span("location", 0, 5))
    path_b = crashed(project, b, lambda aset: aset.set_status(Status.DONE))
    assert json.loads(path_b.read_text(encoding="utf-8"))["status"] != "done"  # the file alone says not done
    files = {d: project.annotation_path(d, "sara").read_bytes() for d in (a, b)}
    return project, ids, files


def test_the_plan_counts_the_journals_edits(tmp_path: Path) -> None:
    project, ids, files = make_project(tmp_path)
    plan = plan_tag_all(project, "sara", "location", project.search("ایران", whole_words=True))
    a, b = ids["a-tagged.txt"], ids["b-done.txt"]
    assert plan.done == {b}  # the journal marked it done
    assert plan.counts[a] == (1, 0) and plan.same == 1  # the journal tagged its first ایران
    assert plan.tagged() == (2, 2) and plan.in_done() == (1, 1)
    # counted, not opened: the files and their journals are as they were
    assert {d: project.annotation_path(d, "sara").read_bytes() for d in (a, b)} == files
    assert all(journal_path(project.annotation_path(d, "sara")).exists() for d in (a, b))


def test_tag_all_says_and_does_the_same(qtbot: Any, tmp_path: Path) -> None:
    project, ids, _files = make_project(tmp_path)
    window = open_in_window(qtbot, project.path, annotator="sara", size=(1200, 800))
    assert window.session is not None and window.session.doc_id == ids["0-plain.txt"]
    window.searching.show(True)
    type_text(window.search.query, "ایران")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    window.search.label_box.setCurrentIndex(window.search.label_box.findData("location"))
    asked: list[str] = []
    answer_tag_question(qtbot, asked)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert asked[0].startswith("Tag 2 results as “Location” in 2 documents? | 1 result already has the label")
    assert "1 document you marked done has 1 result: left as it is unless you tick the box below." in asked[0]
    assert window.last_message == (
        "Spans added: 2, in 2 documents; in documents marked done, left as they are: 1 (1 document)"
    )
    window.checkpoint()
    window.close()
    a = json.loads(project.annotation_path(ids["a-tagged.txt"], "sara").read_text(encoding="utf-8"))
    assert sorted((s["label"], s["start"]) for s in a["spans"]) == [("location", 0), ("location", 12)]
    b = project.annotation_path(ids["b-done.txt"], "sara")
    assert journal_path(b).exists()  # left unopened: its journal waits for its window
    assert Project.open(project.path).load_annotations(ids["b-done.txt"], "sara").span_count() == 0


def test_a_journal_that_reopened_a_done_document_counts_it_open(tmp_path: Path) -> None:
    """The other way round: the file says done, the crashed window had reopened it (and
    tagged in it): tagging will find it open, so the plan counts it with the others."""
    project, ids, _files = make_project(tmp_path)
    c = ids["0-plain.txt"]
    project.set_status(c, "sara", "done")
    crashed_c = project.annotation_path(c, "sara")
    store = AnnotationStore.open(crashed_c, project.schema, project.load_document(c), embed_text=False)[0]
    store.aset.set_status(Status.IN_PROGRESS)
    store.aset.add_span("location", 4, 9)  # its ایران
    store.detach()
    hits = project.search("ایران", whole_words=True)
    plan = plan_tag_all(project, "sara", "location", hits)
    assert c not in plan.done and plan.counts[c] == (0, 0) and plan.same == 2
    assert plan.tagged() == (1, 1)  # a's second ایران only
