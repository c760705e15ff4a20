"""Undo histories set aside while a session shows another document (model/history.py):
given back only to the same state, within a bounded memory, the oldest dropped first."""

from __future__ import annotations

from annotator.model import AnnotationSet, Document
from annotator.model.history import KeptHistories

TEXT = "خبرگزاری ایرنا گزارش داد که رئیس‌جمهور به مشهد رفت."


def edited(spans: int = 1) -> AnnotationSet:
    aset = AnnotationSet(Document("d", TEXT))
    for i in range(spans):
        aset.add_span("actor", i % 50, i % 50 + 1)
    return aset


def test_a_history_restored_on_an_equal_set_undoes_and_redoes_there() -> None:
    before = edited(2)
    before.undo()  # one done, one to redo
    kept = KeptHistories()
    kept.keep("d", before.undo_stack.history(), "sha-1")
    assert "d" in kept and kept.op_count == 3  # the first add (with its status touch), the undone one

    # the document opened again from what was saved: the same spans, a fresh stack
    again = AnnotationSet(Document("d", TEXT))
    again.load(before.spans())
    again.status = before.status
    history = kept.take("d", "sha-1")
    assert history is not None and "d" not in kept and kept.op_count == 0
    again.undo_stack.restore(history)
    assert again.undo_stack.is_clean()  # the restored state is the saved one
    assert again.undo_stack.undo_name() == "Add actor span" and again.undo_stack.can_redo()
    again.redo()
    assert [(s.start, s.end) for s in again.spans()] == [(0, 1), (1, 2)]
    again.undo()
    again.undo()
    assert again.spans() == [] and again.status.value == "new"


def test_a_stale_history_is_dropped_not_given_back() -> None:
    kept = KeptHistories()
    kept.keep("d", edited().undo_stack.history(), "sha-1")
    assert kept.take("d", "sha-2") is None
    assert kept.take("d", "sha-1") is None  # forgotten, not kept for later
    kept.keep("d", edited().undo_stack.history(), None)  # memory ahead of the file: nothing kept
    assert len(kept) == 0
    kept.keep("d", AnnotationSet(Document("d", TEXT)).undo_stack.history(), "sha-1")  # empty
    assert len(kept) == 0


def test_memory_is_bounded_the_oldest_dropped_first() -> None:
    kept = KeptHistories(max_documents=2, max_ops=100)
    for doc in "abc":
        kept.keep(doc, edited().undo_stack.history(), doc)
    assert "a" not in kept and "b" in kept and "c" in kept
    kept.keep("b", edited().undo_stack.history(), "b")  # kept again: now the newest
    kept.keep("d", edited().undo_stack.history(), "d")
    assert "c" not in kept and "b" in kept and "d" in kept
    kept.keep("big", edited(98).undo_stack.history(), "big")  # 99 ops: the others make room
    assert "big" in kept and len(kept) == 1 and kept.op_count == 99
    kept.keep("huge", edited(120).undo_stack.history(), "huge")  # over the whole allowance
    assert "huge" not in kept and "big" in kept


def test_a_restored_set_never_hands_out_an_id_its_history_uses() -> None:
    """Added, then deleted: the file has no s2, but the history can bring it back; a new
    span must not take its id (as it would not have before the document was left)."""
    before = edited(2)
    before.remove_span("s2")
    again = AnnotationSet(Document("d", TEXT))
    again.load(before.spans())
    again.status = before.status
    again.restore_history(before.undo_stack.history())
    new = again.add_span("location", 43, 47)
    assert new.id == "s3"
    again.undo()
    again.undo()  # the deletion undone: s2 is back, beside s1
    assert [s.id for s in again.spans()] == ["s1", "s2"]
