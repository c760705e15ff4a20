"""A document marked done, locked (the window's open document): every tagging edit is
refused with DocumentDone and changes nothing; reopening it (a status change), the
project's schema and the document's details still go through, as does a bulk edit that
asked first (`unlocked`), and undo (whose top is "Mark done", or such a bulk edit)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.model import AnnotationSet, Document, DocumentDone, Status

TEXT = "وزیر امور خارجه ایران در تهران گفت که مذاکرات ادامه می\u200cیابد."


def done_set() -> AnnotationSet:
    aset = AnnotationSet(Document("doc", TEXT, title="خبر"), "tester")
    actor = aset.add_span("actor", 0, 4)
    claim = aset.add_span("claim", TEXT.index("مذاکرات"), len(TEXT) - 1)
    aset.add_relation("claimed_by", claim.id, actor.id)
    aset.set_status(Status.DONE)
    aset.locked_when_done = True
    return aset


EDITS: dict[str, Callable[[AnnotationSet], object]] = {
    "add": lambda a: a.add_span("location", TEXT.index("تهران"), TEXT.index(" گفت")),
    "add many": lambda a: a.add_spans("Tag", [("location", TEXT.index("ایران"), TEXT.index(" در"))]),
    "delete": lambda a: a.remove_span("s1"),
    "relabel": lambda a: a.relabel_span("s1", "location"),
    "note": lambda a: a.set_note("s1", "x"),
    "attribute": lambda a: a.set_attribute("s1", "type", "state"),
    "entity": lambda a: a.set_entity("s1", "e1"),
    "resize": lambda a: a.resize_span("s1", 0, 15),
    "relation": lambda a: a.remove_relation("r1"),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_every_edit_is_refused_and_changes_nothing(kind: str) -> None:
    aset = done_set()
    before = (aset.spans(), aset.relations(), aset.revision, aset.undo_stack.peek_undo())
    with pytest.raises(DocumentDone):
        EDITS[kind](aset)
    assert (aset.spans(), aset.relations(), aset.revision, aset.undo_stack.peek_undo()) == before
    with aset.unlocked():  # a bulk edit that asked first
        EDITS[kind](aset)
    assert aset.locked_when_done and aset.revision > before[2]


def test_reopening_details_schema_and_undo_go_through() -> None:
    aset = done_set()
    aset.set_document_info("عنوان", {"source": "x"})
    aset.apply_schema(aset.schema)
    assert aset.undo() is not None and aset.undo() is not None  # the schema, the details
    aset.undo()  # "Mark done": reopened
    assert aset.status == Status.IN_PROGRESS and not aset.is_locked()
    aset.set_note("s1", "x")  # open again: edits go through
    aset.set_status(Status.DONE)
    aset.set_status(Status.IN_PROGRESS)
    assert aset.span("s1").note == "x"
    unlocked = done_set()
    unlocked.locked_when_done = False  # the command line, bulk edits, imports: as before
    unlocked.set_note("s1", "y")
    assert unlocked.span("s1").note == "y"
