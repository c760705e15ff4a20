"""Every edit of an AnnotationSet: what it does, that undo restores and redo repeats it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.model import AnnotationSet, Change, Document, EditError, Relation, Span, Status

# وزیر امور خارجه ایران در تهران گفت که مذاکرات ادامه می‌یابد (with a ZWNJ in می‌یابد)
TEXT = "وزیر امور خارجه ایران در تهران گفت که مذاکرات ادامه می\u200cیابد."
MINISTER = TEXT.index("وزیر"), TEXT.index(" در")
TEHRAN = TEXT.index("تهران"), TEXT.index(" گفت")
CLAIM = TEXT.index("مذاکرات"), len(TEXT) - 1

Snapshot = tuple[tuple[Span, ...], tuple[Relation, ...], Status]


def snapshot(aset: AnnotationSet) -> Snapshot:
    return tuple(aset.spans()), tuple(aset.relations()), aset.status


def fresh(status: Status = Status.NEW) -> AnnotationSet:
    return AnnotationSet(Document("doc", TEXT, title="خبر"), "tester", status=status)


@pytest.fixture
def aset() -> AnnotationSet:
    """An actor, a location and a claimed_by relation, loaded outside the undo history."""
    a = fresh(Status.IN_PROGRESS)
    minister = a.make_span("actor", *MINISTER, span_id="s1")
    tehran = a.make_span("location", *TEHRAN, span_id="s2")
    claim = a.make_span("claim", *CLAIM, span_id="s3")
    a.load([minister, tehran, claim], [Relation("r1", "claimed_by", "s3", "s1")])
    return a


EDITS: dict[str, Callable[[AnnotationSet], object]] = {
    "add_span": lambda a: a.add_span("actor", 0, 4, attributes={"role": "x"}, note="n"),
    "add_spans": lambda a: a.add_spans("Tag all", [("actor", 0, 4), ("location", 5, 9)]),
    "remove_span": lambda a: a.remove_span("s1"),
    "remove_spans": lambda a: a.remove_spans(["s1", "s2"]),
    "relabel": lambda a: a.relabel_span("s2", "actor"),
    "relabel_dropping_relation": lambda a: a.relabel_span("s1", "location"),
    "note": lambda a: a.set_note("s2", "پایتخت"),
    "attribute_set": lambda a: a.set_attribute("s1", "role", "وزیر"),
    "resize": lambda a: a.resize_span("s1", MINISTER[0], MINISTER[0] + 4),
    "add_relation": lambda a: a.add_relation("claimed_by", "s3", a.add_span("actor", 0, 4).id),
    "remove_relation": lambda a: a.remove_relation("r1"),
    "status": lambda a: a.set_status(Status.DONE),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_undo_restores_and_redo_repeats_every_edit(
    aset: AnnotationSet, edit: Callable[[AnnotationSet], object]
) -> None:
    before = snapshot(aset)
    edit(aset)
    after = snapshot(aset)
    assert after != before
    steps = len(aset.undo_stack)
    assert steps >= 1
    for _ in range(steps):
        assert aset.undo() is not None
    assert snapshot(aset) == before
    assert aset.undo() is None
    for _ in range(steps):
        assert aset.redo() is not None
    assert snapshot(aset) == after
    assert aset.redo() is None


def test_add_span_records_text_attributes_and_note() -> None:
    a = fresh()
    span = a.add_span("location", *TEHRAN, attributes={"kind": "city"}, note="پایتخت")
    assert span == Span("s1", "location", *TEHRAN, "تهران", {"kind": "city"}, "پایتخت")
    assert a.span("s1") is span
    assert a.undo_stack.undo_name() == "Add location span"


def test_add_spans_is_one_step_and_skips_duplicates(aset: AnnotationSet) -> None:
    before = snapshot(aset)
    added = aset.add_spans(
        "Tag all results",
        [("actor", 0, 4), ("actor", 0, 4), ("actor", *MINISTER), ("location", 5, 9)],
    )
    # the repeated item and the span that already existed (s1) are skipped
    assert [(s.label, s.start, s.end) for s in added] == [("actor", 0, 4), ("location", 5, 9)]
    assert [s.id for s in added] == ["s4", "s5"]
    assert len(aset.undo_stack) == 1
    assert aset.undo_stack.undo_name() == "Tag all results"
    aset.undo()
    assert snapshot(aset) == before


def test_add_spans_with_nothing_new_is_no_step(aset: AnnotationSet) -> None:
    assert aset.add_spans("Tag all", [("actor", *MINISTER)]) == []
    assert aset.add_spans("Tag all", []) == []
    assert len(aset.undo_stack) == 0


def test_add_spans_refusing_one_item_adds_nothing_and_wastes_no_id() -> None:
    a = fresh()
    with pytest.raises(EditError, match="unknown label 'bogus'"):
        a.add_spans("Tag", [("actor", 0, 4), ("actor", 5, 9), ("bogus", 10, 12)])
    assert a.span_count() == 0
    assert len(a.undo_stack) == 0
    assert a.add_span("actor", 0, 4).id == "s1"


def test_remove_span_takes_its_relations_along(aset: AnnotationSet) -> None:
    aset.add_span("actor", 0, 4)  # s4
    aset.add_relation("claimed_by", "s3", "s4")  # r2
    aset.remove_span("s1")
    assert not aset.has_span("s1")
    assert [r.id for r in aset.relations()] == ["r2"]
    assert aset.undo_stack.undo_name() == "Delete actor"
    aset.undo()
    assert aset.has_span("s1")
    assert aset.relation("r1") == Relation("r1", "claimed_by", "s3", "s1")
    # deleting the claim removes both relations that start at it
    aset.remove_span("s3")
    assert aset.relations() == []
    assert aset.relations_of("s1") == []


def test_remove_spans_names_the_count_and_ignores_repeats(aset: AnnotationSet) -> None:
    aset.remove_spans(["s1", "s2", "s1"])
    assert [s.id for s in aset.spans()] == ["s3"]
    assert aset.undo_stack.undo_name() == "Delete 2 spans"
    aset.remove_spans([])
    assert len(aset.undo_stack) == 1


def test_relabel_keeps_fitting_relations_and_drops_the_others(aset: AnnotationSet) -> None:
    # claimed_by goes from a claim to an actor; s2 is not in a relation
    new = aset.relabel_span("s2", "actor")
    assert new.label == "actor" and new.id == "s2" and new.text == "تهران"
    assert aset.relation("r1").target == "s1"
    # s1 becomes a location: claimed_by can no longer point at it
    aset.relabel_span("s1", "location")
    assert aset.relations() == []
    assert aset.undo_stack.undo_name() == "Relabel actor as location"
    aset.undo()
    assert aset.span("s1").label == "actor"
    assert [r.id for r in aset.relations()] == ["r1"]


def test_relabel_to_the_same_label_is_no_step(aset: AnnotationSet) -> None:
    assert aset.relabel_span("s1", "actor") == aset.span("s1")
    assert len(aset.undo_stack) == 0


def test_note_and_attributes(aset: AnnotationSet) -> None:
    assert aset.set_note("s1", "سخنگو").note == "سخنگو"
    assert aset.set_note("s1", "سخنگو") is aset.span("s1")  # unchanged: no step
    assert aset.set_attribute("s1", "role", "وزیر").attributes == {"role": "وزیر"}
    assert aset.set_attribute("s1", "role", "وزیر") is aset.span("s1")
    assert aset.undo_stack.undo_name() == "Set role"
    assert len(aset.undo_stack) == 2
    # None or "" clears the attribute
    assert aset.set_attribute("s1", "role", "").attributes == {}
    aset.set_attribute("s1", "role", "x")
    assert aset.set_attribute("s1", "role", None).attributes == {}
    assert aset.set_attribute("s1", "other", None) is aset.span("s1")
    assert len(aset.undo_stack) == 5
    for _ in range(5):
        aset.undo()
    assert aset.span("s1").attributes == {} and aset.span("s1").note == ""


def test_resize_updates_the_covered_text(aset: AnnotationSet) -> None:
    new = aset.resize_span("s1", MINISTER[0], MINISTER[0] + 4)
    assert new.text == "وزیر"
    assert aset.span("s1") == new
    assert aset.relation("r1").target == "s1"
    assert aset.resize_span("s1", MINISTER[0], MINISTER[0] + 4) is new  # unchanged: no step
    assert len(aset.undo_stack) == 1
    aset.undo()
    assert aset.span("s1").text == "وزیر امور خارجه ایران"


def test_relation_add_and_remove(aset: AnnotationSet) -> None:
    aset.add_span("actor", 0, 4)
    rel = aset.add_relation("claimed_by", "s3", "s4")
    assert rel == Relation("r2", "claimed_by", "s3", "s4")
    assert aset.undo_stack.undo_name() == "Add claimed_by"
    assert {r.id for r in aset.relations_of("s3")} == {"r1", "r2"}
    aset.remove_relation("r1")
    assert aset.undo_stack.undo_name() == "Delete claimed_by"
    assert aset.relations() == [rel]
    aset.undo()
    assert [r.id for r in aset.relations()] == ["r1", "r2"]


def test_set_status(aset: AnnotationSet) -> None:
    aset.set_status(Status.DONE)
    assert aset.status is Status.DONE
    assert aset.undo_stack.undo_name() == "Mark done"
    aset.set_status(Status.DONE)  # unchanged: no step
    assert len(aset.undo_stack) == 1
    aset.undo()
    assert aset.status is Status.IN_PROGRESS


def test_status_moves_from_new_to_in_progress_on_the_first_span() -> None:
    a = fresh()
    assert a.status is Status.NEW
    a.add_span("actor", 0, 4)
    assert a.status is Status.IN_PROGRESS
    assert len(a.undo_stack) == 1  # one step, status included
    a.undo()
    assert a.status is Status.NEW and a.span_count() == 0
    a.redo()
    assert a.status is Status.IN_PROGRESS
    a.add_span("actor", 5, 9)
    assert a.status is Status.IN_PROGRESS

    b = fresh()
    b.add_spans("Tag", [("actor", 0, 4)])
    assert b.status is Status.IN_PROGRESS


def test_a_done_document_stays_done_when_edited() -> None:
    a = fresh(Status.DONE)
    a.add_span("actor", 0, 4)
    assert a.status is Status.DONE


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (0, 0), (5, 4), (0, len(TEXT) + 1), (len(TEXT), len(TEXT) + 1)])
def test_bad_offsets_are_refused(aset: AnnotationSet, start: int, end: int) -> None:
    before = snapshot(aset)
    with pytest.raises(EditError, match="outside the text"):
        aset.add_span("actor", start, end)
    with pytest.raises(EditError, match="outside the text"):
        aset.resize_span("s1", start, end)
    assert snapshot(aset) == before
    assert len(aset.undo_stack) == 0


EDIT_ERRORS: dict[str, tuple[Callable[[AnnotationSet], object], str]] = {
    "unknown label": (lambda a: a.add_span("person", 0, 4), "unknown label 'person'"),
    "relabel unknown": (lambda a: a.relabel_span("s1", "person"), "unknown label 'person'"),
    "duplicate span id": (lambda a: a.add_span("actor", 0, 4, span_id="s2"), "duplicate span"),
    "remove missing span": (lambda a: a.remove_span("s9"), "no span 's9'"),
    "remove_spans missing": (lambda a: a.remove_spans(["s1", "s9"]), "no span 's9'"),
    "note on missing span": (lambda a: a.set_note("s9", "x"), "no span 's9'"),
    "attribute on missing": (lambda a: a.set_attribute("s9", "k", "v"), "no span 's9'"),
    "relabel missing": (lambda a: a.relabel_span("s9", "actor"), "no span 's9'"),
    "resize missing": (lambda a: a.resize_span("s9", 0, 1), "no span 's9'"),
    "unknown relation type": (
        lambda a: a.add_relation("born_in", "s1", "s2"),
        "unknown relation type 'born_in'",
    ),
    "relation to missing span": (
        lambda a: a.add_relation("claimed_by", "s3", "s9"),
        "no span 's9'",
    ),
    "relation to itself": (lambda a: a.add_relation("claimed_by", "s3", "s3"), "two different"),
    "relation with wrong labels": (
        lambda a: a.add_relation("claimed_by", "s1", "s3"),
        "claimed_by cannot go from actor to claim",
    ),
    "duplicate relation id": (
        lambda a: a.add_relation("claimed_by", "s3", "s1", relation_id="r1"),
        "duplicate relation id 'r1'",
    ),
    "remove missing relation": (lambda a: a.remove_relation("r9"), "no relation 'r9'"),
}


@pytest.mark.parametrize(("edit", "message"), EDIT_ERRORS.values(), ids=EDIT_ERRORS.keys())
def test_refused_edits_raise_edit_error_and_change_nothing(
    aset: AnnotationSet, edit: Callable[[AnnotationSet], object], message: str
) -> None:
    before = snapshot(aset)
    changes: list[Change] = []
    aset.subscribe(changes.append)
    with pytest.raises(EditError, match=message):
        edit(aset)
    assert snapshot(aset) == before
    assert len(aset.undo_stack) == 0
    assert changes == []


def test_edit_error_is_a_value_error() -> None:
    assert issubclass(EditError, ValueError)


def test_ids_count_up_and_are_never_reused() -> None:
    a = fresh()
    assert [a.add_span("actor", i, i + 1).id for i in range(3)] == ["s1", "s2", "s3"]
    a.undo()  # s3 gone
    assert a.add_span("actor", 10, 11).id == "s4"
    a.remove_span("s4")
    assert a.add_span("actor", 12, 13).id == "s5"
    assert a.add_relation("claimed_by", a.add_span("claim", 20, 25).id, "s1").id == "r1"
    assert a.add_relation("claimed_by", "s6", "s2").id == "r2"


def test_loaded_ids_move_the_counter_past_them() -> None:
    a = fresh()
    a.load([a.make_span("actor", 0, 4, span_id="s7"), a.make_span("actor", 5, 9, span_id="x")])
    assert a.add_span("actor", 10, 12).id == "s8"
    # a generated id skips one that is already taken by a hand-made id
    b = fresh()
    b.add_span("actor", 0, 4, span_id="s2")
    assert b.add_span("actor", 5, 9).id == "s3"
    c = fresh()
    c.add_span("actor", 0, 4, span_id="custom")
    assert c.add_span("actor", 5, 9).id == "s1"
    assert [s.id for s in c.spans()] == ["custom", "s1"]
