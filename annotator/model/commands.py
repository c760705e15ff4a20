"""Edit commands: what an edit does, as primitive operations (the undo stack that holds
them is in undo.py; undo lives in the model, the UI only mirrors it).

Every command is a list of primitive operations; undo applies their inverses in reverse
order. That keeps each command's do and undo exact and lets compound edits ("tag all
results") be one undoable step.

annotation_set.py loads this module at the first edit, not when it is imported: its
records are frozen dataclasses, ~0.5 ms each to make in Python 3.12, and a window's first
frame makes none (issue 10).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .span import Relation, Span

if TYPE_CHECKING:
    from .schema import Schema


@dataclass(frozen=True)
class AddSpan:
    span: Span


@dataclass(frozen=True)
class RemoveSpan:
    span: Span


@dataclass(frozen=True)
class AddRelation:
    relation: Relation


@dataclass(frozen=True)
class RemoveRelation:
    relation: Relation


@dataclass(frozen=True)
class SetStatus:
    old: str
    new: str


@dataclass(frozen=True)
class SetSchema:
    """The labels and attributes change (a schema edit); spans migrate in the same command."""

    old: Schema
    new: Schema


@dataclass(frozen=True)
class SetDocumentInfo:
    """The document's title and metadata (date, source, url ...) change."""

    old_title: str
    old_metadata: tuple[tuple[str, Any], ...]
    new_title: str
    new_metadata: tuple[tuple[str, Any], ...]


Op = AddSpan | RemoveSpan | AddRelation | RemoveRelation | SetStatus | SetSchema | SetDocumentInfo


def inverse(op: Op) -> Op:
    if isinstance(op, AddSpan):
        return RemoveSpan(op.span)
    if isinstance(op, RemoveSpan):
        return AddSpan(op.span)
    if isinstance(op, AddRelation):
        return RemoveRelation(op.relation)
    if isinstance(op, RemoveRelation):
        return AddRelation(op.relation)
    if isinstance(op, SetSchema):
        return SetSchema(op.new, op.old)
    if isinstance(op, SetDocumentInfo):
        return SetDocumentInfo(op.new_title, op.new_metadata, op.old_title, op.old_metadata)
    return SetStatus(op.new, op.old)


@dataclass(frozen=True)
class Command:
    """One user-visible edit: its name (shown as "Undo <name>") and its operations.

    `kind` and `subject` (e.g. "add", "actor") let a translated interface name the edit.
    """

    name: str
    ops: tuple[Op, ...]
    kind: str = ""
    subject: str = ""

    def inverse_ops(self) -> tuple[Op, ...]:
        return tuple(inverse(op) for op in reversed(self.ops))


@dataclass(frozen=True)
class History:
    """A document's undo and redo stacks, set aside while another document is shown
    (commands are immutable, so keeping them shares nothing that can change)."""

    commands: tuple[Command, ...]
    index: int  # commands[:index] are done, the rest can be redone

    def op_count(self) -> int:
        """A measure of the memory it holds (each op holds at most one span or relation)."""
        return sum(len(command.ops) for command in self.commands)
