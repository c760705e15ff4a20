"""The undo stack (names, clean marker) and the Change events views refresh from."""

from __future__ import annotations

from annotator.model import AnnotationSet, Change, Command, Document, Status, UndoStack
from annotator.model.commands import AddSpan, RemoveSpan, SetStatus, inverse
from annotator.model.span import Span

TEXT = "خبرگزاری ایرنا گزارش داد که رئیس‌جمهور به مشهد رفت."


def fresh() -> AnnotationSet:
    return AnnotationSet(Document("d", TEXT))


def test_a_new_stack_is_clean_and_empty() -> None:
    stack = fresh().undo_stack
    assert stack.is_clean()
    assert not stack.can_undo() and not stack.can_redo()
    assert stack.undo_name() == stack.redo_name() == ""
    assert stack.undo() is None and stack.redo() is None
    assert len(stack) == 0


def test_clean_marker_follows_undo_and_redo() -> None:
    a = fresh()
    a.add_span("actor", 0, 9)
    assert not a.undo_stack.is_clean()
    a.add_span("location", 43, 47)
    a.undo_stack.set_clean()  # saved here
    assert a.undo_stack.is_clean()
    a.undo()
    assert not a.undo_stack.is_clean()
    a.redo()
    assert a.undo_stack.is_clean()
    a.set_status(Status.DONE)
    assert not a.undo_stack.is_clean()
    a.undo()
    assert a.undo_stack.is_clean()
    # back to the very start, which was also a saved state once: no longer, it moved
    a.undo()
    a.undo()
    assert not a.undo_stack.is_clean()


def test_a_new_edit_after_undo_makes_the_saved_state_unreachable() -> None:
    a = fresh()
    a.add_span("actor", 0, 9)
    a.add_span("actor", 15, 20)
    a.undo_stack.set_clean()
    a.undo()
    a.add_span("location", 43, 47)  # the redo branch (the saved state) is gone
    assert not a.undo_stack.can_redo()
    states = [a.undo_stack.is_clean()]
    while a.undo() is not None:
        states.append(a.undo_stack.is_clean())
    assert states == [False, False, False]


def test_a_clean_marker_before_the_edit_point_survives_a_new_edit() -> None:
    a = fresh()
    a.add_span("actor", 0, 9)
    a.undo_stack.set_clean()
    a.add_span("actor", 15, 20)
    a.undo()
    a.add_span("location", 43, 47)
    a.undo()
    assert a.undo_stack.is_clean()


def test_undo_and_redo_names_and_returned_commands() -> None:
    a = fresh()
    a.add_span("actor", 0, 9)
    a.set_status(Status.DONE)
    assert a.undo_stack.undo_name() == "Mark done"
    command = a.undo()
    assert isinstance(command, Command) and command.name == "Mark done"
    assert a.undo_stack.undo_name() == "Add actor span"
    assert a.undo_stack.redo_name() == "Mark done"
    assert a.redo() == command
    assert len(a.undo_stack) == 2


def test_a_command_undoes_its_operations_in_reverse_order() -> None:
    old = Span("s1", "actor", 0, 2, "خب")
    new = Span("s1", "actor", 0, 3, "خبر")
    command = Command("Resize", (RemoveSpan(old), AddSpan(new), SetStatus("new", "done")))
    assert command.inverse_ops() == (SetStatus("done", "new"), RemoveSpan(new), AddSpan(old))
    for op in command.ops:
        assert inverse(inverse(op)) == op


def test_the_stack_applies_through_its_callback() -> None:
    applied: list[object] = []
    stack = UndoStack(lambda ops: applied.append(tuple(ops)))
    op = SetStatus("new", "done")
    stack.push(Command("Mark done", (op,)))
    stack.undo()
    stack.redo()
    assert applied == [(op,), (SetStatus("done", "new"),), (op,)]


def test_change_events_describe_each_edit_and_its_undo() -> None:
    a = fresh()
    changes: list[Change] = []
    a.subscribe(changes.append)
    actor = a.add_span("actor", 0, 9)
    assert changes[-1] == Change(spans_added=(actor,), status_changed=True)
    assert changes[-1].region() == (0, 9)
    claim = a.add_span("claim", 15, len(TEXT) - 1)
    assert changes[-1] == Change(spans_added=(claim,))  # status already in progress
    rel = a.add_relation("claimed_by", claim.id, actor.id)
    assert changes[-1] == Change(relations_added=(rel,))
    assert changes[-1].region() is None

    a.remove_span(actor.id)
    assert changes[-1] == Change(spans_removed=(actor,), relations_removed=(rel,))
    a.undo()
    assert changes[-1] == Change(spans_added=(actor,), relations_added=(rel,))

    moved = a.resize_span(actor.id, 5, 14)
    assert changes[-1].spans_removed == (actor,) and changes[-1].spans_added == (moved,)
    assert changes[-1].region() == (0, 14)  # the old and the new extent are both redrawn

    a.set_status(Status.DONE)
    assert changes[-1] == Change(status_changed=True)
    assert len(changes) == 7


def test_revision_grows_with_every_applied_change_and_unsubscribe_stops_events() -> None:
    a = fresh()
    changes: list[Change] = []
    a.subscribe(changes.append)
    revisions = [a.revision]
    a.add_span("actor", 0, 9)
    revisions.append(a.revision)
    a.undo()
    revisions.append(a.revision)
    a.redo()
    revisions.append(a.revision)
    assert revisions == sorted(set(revisions))
    a.unsubscribe(changes.append)
    a.add_span("actor", 15, 20)
    assert len(changes) == 3


def test_load_is_silent_and_outside_the_history() -> None:
    a = fresh()
    changes: list[Change] = []
    a.subscribe(changes.append)
    a.load([a.make_span("actor", 0, 9)])
    assert changes == []
    assert len(a.undo_stack) == 0 and a.undo_stack.is_clean()
    assert a.span_count() == 1


def test_listeners_already_see_the_edit_as_undoable() -> None:
    a = fresh()
    seen: list[tuple[bool, str, bool]] = []
    a.subscribe(
        lambda _change: seen.append((a.undo_stack.can_undo(), a.undo_stack.undo_name(), a.undo_stack.can_redo()))
    )
    a.add_span("actor", 0, 9)
    a.undo()
    a.redo()
    assert seen == [(True, "Add actor span", False), (False, "", True), (True, "Add actor span", False)]
