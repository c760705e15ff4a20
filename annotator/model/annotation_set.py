"""One annotator's spans and relations on one document, with its status and undo stack."""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from .document import Document
from .lazy import lazy_module
from .schema import Schema, default_schema
from .span import Relation, Span
from .undo import UndoStack

if TYPE_CHECKING:
    from . import commands
    from .commands import Command, History, Op
    from .migration import SchemaMigration
else:
    # the edit commands at the first edit (or the first relations loaded), not at import:
    # a window's first frame makes an AnnotationSet and no command (commands.py, issue 10)
    commands = lazy_module(__package__ + ".commands")


class Status(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class EditError(ValueError):
    """An edit the model refuses (bad offsets, unknown label, missing span...)."""


class DocumentDone(EditError):
    """An edit of a document marked done while it is locked (AnnotationSet.locked_when_done):
    reopening it (marking it not done) comes first."""


@dataclass(frozen=True)
class Change:
    """What one applied batch of operations changed, for views to refresh from."""

    spans_added: tuple[Span, ...] = ()
    spans_removed: tuple[Span, ...] = ()
    relations_added: tuple[Relation, ...] = ()
    relations_removed: tuple[Relation, ...] = ()
    status_changed: bool = False
    schema_changed: bool = False
    document_changed: bool = False  # title or metadata

    def region(self) -> tuple[int, int] | None:
        """The smallest stretch of text whose drawing may have changed."""
        spans = self.spans_added + self.spans_removed
        if not spans:
            return None
        return min(s.start for s in spans), max(s.end for s in spans)


Listener = Callable[[Change], None]
_ID_NUMBER = re.compile(r"^[a-zA-Z]+(\d+)$")


class AnnotationSet:
    """Spans may nest and overlap. Every change goes through a Command on the undo stack.

    Spans are also kept in a list sorted by (start, end, id), so the spans in any stretch
    of a long article are found by bisection rather than by a scan.
    """

    def __init__(
        self,
        document: Document,
        annotator: str = "",
        schema: Schema | None = None,
        status: Status = Status.NEW,
    ) -> None:
        self.document = document
        self.annotator = annotator
        self.schema = schema or default_schema()
        self.status = status
        self._spans: dict[str, Span] = {}
        self._order: list[tuple[int, int, str]] = []
        self._longest = 0  # an upper bound on span length, for range queries
        self._relations: dict[str, Relation] = {}
        self._next_number = {"s": 1, "r": 1}
        self._listeners: list[Listener] = []
        self.revision = 0  # grows with every applied change (undo included)
        # top-level keys of the file this set came from that the model does not use
        # (e.g. "unplaced" spans): written back as they were, never silently dropped
        self.extra: dict[str, Any] = {}
        self.undo_stack = UndoStack(self._apply)
        # a document marked done is finished for its coder (INCEpTION locks it too): when
        # this is set (the window sets it for the document it shows), every edit but a
        # change of status (reopening it), of the schema or of the document's details is
        # refused with DocumentDone until it is reopened; bulk edits that ask first
        # (a project-wide Tag all with "documents marked done" ticked) use `unlocked`
        self.locked_when_done = False

    # ---- reading -------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.document.text

    def span(self, span_id: str) -> Span:
        return self._spans[span_id]

    def has_span(self, span_id: str) -> bool:
        return span_id in self._spans

    def spans(self) -> list[Span]:
        """All spans in reading order (start, then the outer span first)."""
        return sorted(self._spans.values(), key=lambda s: s.sort_key)

    def spans_unordered(self) -> list[Span]:
        """All spans, in no order: a snapshot without spans()'s sort (~8 ms for 20,000),
        for whoever orders them otherwise (io/store.py keeps one as a later merge's base)."""
        return list(self._spans.values())

    def span_count(self) -> int:
        return len(self._spans)

    def spans_in(self, start: int, end: int) -> Iterator[Span]:
        """Spans overlapping [start, end), in (start, end) order."""
        lo = bisect.bisect_left(self._order, (start - self._longest, -1, ""))
        for s_start, s_end, span_id in self._order[lo:]:
            if s_start >= end:
                break
            if s_end > start:
                yield self._spans[span_id]

    def spans_at(self, pos: int) -> list[Span]:
        """Spans containing the code point at pos, innermost first."""
        found = [s for s in self.spans_in(pos, pos + 1)]
        return sorted(found, key=lambda s: (s.end - s.start, s.start))

    def relations(self) -> list[Relation]:
        return sorted(self._relations.values(), key=lambda r: _id_sort_key(r.id))

    def relation(self, relation_id: str) -> Relation:
        return self._relations[relation_id]

    def relations_of(self, span_id: str) -> list[Relation]:
        return [r for r in self._relations.values() if span_id in (r.source, r.target)]

    def find_span(self, start: int, end: int, label: str) -> Span | None:
        for span in self.spans_in(start, end):
            if span.start == start and span.end == end and span.label == label:
                return span
        return None

    def labels_at(self, start: int, end: int) -> set[str]:
        """The labels of the spans over exactly start..end (a word already coded)."""
        return {s.label for s in self.spans_in(start, end) if s.start == start and s.end == end}

    def coded_counts(self, label: str, ranges: Iterable[tuple[int, int]]) -> tuple[int, int]:
        """Of these ranges, how many already carry a span of `label`, and how many only spans
        of other labels (what ``add_spans(..., skip_coded=True)`` leaves alone)."""
        same = other = 0
        for start, end in ranges:
            labels = self.labels_at(start, end)
            same += label in labels
            other += bool(labels) and label not in labels
        return same, other

    # ---- listening -----------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    # ---- editing (each method is one undoable command) -----------------------------

    def add_span(
        self,
        label: str,
        start: int,
        end: int,
        attributes: dict[str, Any] | None = None,
        note: str = "",
        span_id: str | None = None,
    ) -> Span:
        if attributes is None:
            attributes = self.schema.defaults_for(label)
        span = self.make_span(label, start, end, attributes, note, span_id)
        self._push(f"Add {label} span", [commands.AddSpan(span), *self._status_touch()], "add", label)
        return span

    def add_spans(
        self, name: str, items: Iterable[tuple[str, int, int]], *, skip_coded: bool = False
    ) -> list[Span]:
        """Add many spans as one command (e.g. "tag all results"); duplicates are skipped, and
        with ``skip_coded`` so is a range that already carries a span of any label (a coder's
        decision that a bulk tag must not contradict)."""
        spans: list[Span] = []
        seen: set[tuple[str, int, int]] = set()
        try:
            for label, start, end in items:
                if (label, start, end) in seen:
                    continue
                coded = self.labels_at(start, end)
                if label in coded or (skip_coded and coded):
                    continue
                seen.add((label, start, end))
                spans.append(self.make_span(label, start, end))
                self._next_number["s"] += 1  # reserve the id before making the next span
        finally:
            # also when a bad item raised: the reserved ids are given back
            self._next_number["s"] -= len(spans)
        if spans:
            self._push(
                name,
                [*(commands.AddSpan(s) for s in spans), *self._status_touch()],
                "add_many",
                str(len(spans)),
            )
        return spans

    def remove_span(self, span_id: str) -> None:
        self.remove_spans([span_id])

    def remove_spans(self, span_ids: Sequence[str], name: str = "") -> None:
        spans = [self._require(span_id) for span_id in dict.fromkeys(span_ids)]
        if not spans:
            return  # nothing to delete is no step on the undo stack
        ids = {s.id for s in spans}
        touching = [r for r in self._relations.values() if r.source in ids or r.target in ids]
        ops: list[Op] = [commands.RemoveRelation(r) for r in touching]
        ops += [commands.RemoveSpan(s) for s in spans]
        label = spans[0].label if len(spans) == 1 else f"{len(spans)} spans"
        self._push(name or f"Delete {label}", ops, "delete", label)

    def replace_spans(
        self,
        name: str,
        remove_ids: Sequence[str],
        items: Iterable[tuple[str, int, int]],
        kind: str = "replace",
        subject: str = "",
        templates: Mapping[tuple[str, int, int], Span] | None = None,
        relations: Iterable[tuple[str, tuple[str, int, int], tuple[str, int, int]]] = (),
    ) -> list[Span]:
        """Remove some spans (with the relations touching them) and add others as one
        undoable command (curation: accept a coder's version in place of another).

        A span added from `templates` (by label, start, end) keeps its attributes, note
        and entity link; `relations` (type, from, to, ends by label, start, end) are added
        where both ends are there afterwards and the schema allows them."""
        removed = [self._require(span_id) for span_id in dict.fromkeys(remove_ids)]
        ids = {s.id for s in removed}
        by_key = {(s.label, s.start, s.end): s for s in self._spans.values() if s.id not in ids}
        added: list[Span] = []
        try:
            for key in dict.fromkeys(items):
                if key in by_key:
                    continue
                template = (templates or {}).get(key)
                attributes, note = (template.attributes, template.note) if template else (None, "")
                span = self.make_span(*key, attributes, note)
                if template is not None and template.entity:
                    span = replace(span, entity=template.entity)
                by_key[key] = span
                added.append(span)
                self._next_number["s"] += 1  # reserve the id before making the next span
        finally:
            self._next_number["s"] -= len(added)
        kept_relations = {
            (r.type, r.source, r.target)
            for r in self._relations.values()
            if r.source not in ids and r.target not in ids
        }
        new_relations: list[Relation] = []
        number = self._next_number["r"]
        for rtype, source, target in relations:
            src, dst = by_key.get(source), by_key.get(target)
            if src is None or dst is None or (rtype, src.id, dst.id) in kept_relations:
                continue
            if src.id == dst.id or not self._relation_fits(rtype, src.label, dst.label):
                continue
            while f"r{number}" in self._relations:
                number += 1
            new_relations.append(Relation(f"r{number}", rtype, src.id, dst.id))
            kept_relations.add((rtype, src.id, dst.id))
            number += 1
        if not removed and not added and not new_relations:
            return []
        touching = [r for r in self._relations.values() if r.source in ids or r.target in ids]
        ops: list[Op] = [commands.RemoveRelation(r) for r in touching]
        ops += [commands.RemoveSpan(s) for s in removed]
        ops += [commands.AddSpan(s) for s in added]
        ops += [commands.AddRelation(r) for r in new_relations]
        if added or new_relations:
            ops += self._status_touch()
        self._push(name, ops, kind, subject)
        return added

    def relabel_span(self, span_id: str, label: str) -> Span:
        old = self._require(span_id)
        self._require_label(label)
        if old.label == label:
            return old
        new = replace(old, label=label)
        ops: list[Op] = [commands.RemoveSpan(old), commands.AddSpan(new)]
        # a relation whose type no longer fits the new label would be nonsense: drop it
        # (the window asks first: relabel_drops)
        for rel in self.relabel_drops(span_id, label):
            ops.insert(0, commands.RemoveRelation(rel))
        self._push(f"Relabel {old.label} as {label}", ops, "relabel", label)
        return new

    def relabel_drops(self, span_id: str, label: str) -> list[Relation]:
        """The relations that relabelling a span would remove: those whose type does not
        fit the new label (an actor relabelled as a place is no claim's claimant)."""
        old = self._require(span_id)
        if old.label == label:
            return []
        new = replace(old, label=label)
        return [
            rel
            for rel in self.relations_of(span_id)
            if not self._relation_fits(rel.type, self._label_of(rel.source, new), self._label_of(rel.target, new))
        ]

    def set_note(self, span_id: str, note: str) -> Span:
        old = self._require(span_id)
        if old.note == note:
            return old
        new = replace(old, note=note)
        self._push("Edit note", [commands.RemoveSpan(old), commands.AddSpan(new)], "note")
        return new

    def set_entity(self, span_id: str, entity_id: str) -> Span:
        """Link a mention to an entity of the registry ("" unlinks it)."""
        old = self._require(span_id)
        if old.entity == entity_id:
            return old
        new = replace(old, entity=entity_id)
        kind = "entity" if entity_id else "entity_unlink"
        ops: list[Op] = [commands.RemoveSpan(old), commands.AddSpan(new)]
        self._push("Link entity" if entity_id else "Unlink entity", ops, kind)
        return new

    def set_entities(self, changes: dict[str, str], name: str) -> None:
        """Relink many mentions in one step (an entity merge in this document)."""
        ops: list[Op] = []
        for span_id, entity_id in changes.items():
            old = self._require(span_id)
            if old.entity != entity_id:
                ops += [commands.RemoveSpan(old), commands.AddSpan(replace(old, entity=entity_id))]
        if ops:
            self._push(name, ops, "entity_many")

    def set_document_info(self, title: str, metadata: dict[str, Any]) -> None:
        """Change the document's title and metadata (date, source, url ...) as one step."""
        doc = self.document
        if title == doc.title and metadata == doc.metadata:
            return
        op = commands.SetDocumentInfo(doc.title, tuple(doc.metadata.items()), title, tuple(metadata.items()))
        self._push("Edit document details", [op], "document")

    def apply_schema(self, schema: Schema, migration: SchemaMigration | None = None, name: str = "") -> None:
        """Change the schema and migrate the spans and relations that use what changed, as
        one undoable command. Spans of removed labels are deleted with their relations;
        relations that no longer fit their type are deleted (callers count first)."""
        from .migration import SchemaMigration  # here: a schema edit is rare, and start-up pays for each import

        migration = migration or SchemaMigration()
        ops: list[Op] = []
        gone: set[str] = set()
        replaced: dict[str, Span] = {}
        for span in self._spans.values():
            after = migration.span(span)
            if after is None:
                gone.add(span.id)
            elif after is not span:
                replaced[span.id] = after
        for rel in self._relations.values():
            after_rel = migration.relation(rel)
            if after_rel is not None and rel.source not in gone and rel.target not in gone:
                src = replaced.get(rel.source) or self._spans[rel.source]
                dst = replaced.get(rel.target) or self._spans[rel.target]
                rt = schema.relation_type(after_rel.type)
                if rt is not None and rt.fits(src.label, dst.label):
                    if after_rel is not rel:
                        ops += [commands.RemoveRelation(rel), commands.AddRelation(after_rel)]
                    continue
            ops.insert(0, commands.RemoveRelation(rel))
        for span_id in sorted(gone):
            ops.append(commands.RemoveSpan(self._spans[span_id]))
        for span_id, after in sorted(replaced.items()):
            ops += [commands.RemoveSpan(self._spans[span_id]), commands.AddSpan(after)]
        # _apply checks no labels, so the order of the schema op among the others is free
        self._push(name or "Edit labels and attributes", [commands.SetSchema(self.schema, schema), *ops], "schema")

    def set_attribute(self, span_id: str, key: str, value: Any) -> Span:
        old = self._require(span_id)
        attributes = dict(old.attributes)
        if value is None or value == "":
            attributes.pop(key, None)
        else:
            attributes[key] = value
        if attributes == old.attributes:
            return old
        new = replace(old, attributes=attributes)
        self._push(f"Set {key}", [commands.RemoveSpan(old), commands.AddSpan(new)], "attribute", key)
        return new

    def set_span_features(
        self,
        name: str,
        span_id: str,
        attributes: Mapping[str, Any] | None = None,
        entity: str | None = None,
        relation_type: str = "",
        targets: Sequence[str] = (),
        kind: str = "curate",
    ) -> bool:
        """One decision on a span's features as one undoable edit (curation): its
        attributes (the whole set of values) or its entity link replaced, or its links of
        `relation_type` made exactly those to `targets` (span ids; an end the schema does
        not allow is skipped). False when nothing changed."""
        old = self._require(span_id)
        new = old
        if attributes is not None and dict(attributes) != old.attributes:
            new = replace(new, attributes=dict(attributes))
        if entity is not None and entity != old.entity:
            new = replace(new, entity=entity)
        ops: list[Op] = [commands.RemoveSpan(old), commands.AddSpan(new)] if new != old else []
        if relation_type:
            have = {r.target: r for r in self._relations.values() if r.source == span_id and r.type == relation_type}
            wanted = [t for t in dict.fromkeys(targets) if t != span_id]
            ops = [*(commands.RemoveRelation(r) for t, r in have.items() if t not in wanted), *ops]
            number = self._next_number["r"]
            for target in wanted:
                if target in have or not self._relation_fits(relation_type, old.label, self._require(target).label):
                    continue
                while f"r{number}" in self._relations:
                    number += 1
                ops.append(commands.AddRelation(Relation(f"r{number}", relation_type, span_id, target)))
                number += 1
        if not ops:
            return False
        self._push(name, ops, kind, old.label)
        return True

    def resize_span(self, span_id: str, start: int, end: int) -> Span:
        old = self._require(span_id)
        self._check_offsets(start, end)
        if (old.start, old.end) == (start, end):
            return old
        new = replace(old, start=start, end=end, text=self.text[start:end])
        self._push("Resize span", [commands.RemoveSpan(old), commands.AddSpan(new)], "resize")
        return new

    def add_relation(self, type_id: str, source: str, target: str, relation_id: str | None = None) -> Relation:
        relation = self.make_relation(type_id, source, target, relation_id)
        self._push(
            f"Add {type_id}",
            [commands.AddRelation(relation), *self._status_touch()],
            "relation_add",
            type_id,
        )
        return relation

    def remove_relation(self, relation_id: str) -> None:
        if relation_id not in self._relations:
            raise EditError(f"no relation {relation_id!r}")
        relation = self._relations[relation_id]
        self._push(f"Delete {relation.type}", [commands.RemoveRelation(relation)], "relation_delete", relation.type)

    def set_status(self, status: Status) -> None:
        if status != self.status:
            name = f"Mark {status.value.replace('_', ' ')}"
            self._push(name, [commands.SetStatus(self.status, status)], "status", status.value)

    def absorb(self, ops: Sequence[Op], name: str) -> None:
        """Changes another program saved to this set's file (io/disk_merge.py), taken in as
        one undoable step. Applied in a document marked done too: they are not an edit
        made here, and its file already holds them."""
        if ops:
            self.undo_stack.push(commands.Command(name, tuple(ops), "absorb", ""))

    def undo(self) -> Command | None:
        # not refused in a document marked done: in a linear history its top is "Mark done"
        # (undoing it reopens the document) or an edit made while it was done by a bulk
        # edit that asked (undoing that must stay possible: a reopening would bury it)
        return self.undo_stack.undo()

    def is_locked(self) -> bool:
        """Whether hand edits are refused now: marked done, and locked_when_done."""
        return self.locked_when_done and self.status == Status.DONE

    @contextlib.contextmanager
    def unlocked(self) -> Iterator[None]:
        """Edits allowed in a document marked done, inside the block (a bulk edit whose
        question offered documents marked done, and the coder ticked them)."""
        locked, self.locked_when_done = self.locked_when_done, False
        try:
            yield
        finally:
            self.locked_when_done = locked

    def _refuse_if_done(self, ops: Sequence[Op]) -> None:
        # a schema edit (with the spans it migrates) is the project's, not this coder's
        if not self.is_locked() or any(isinstance(op, commands.SetSchema) for op in ops):
            return
        # what a document marked done still takes while locked: reopening it, and what is
        # not the coder's tagging (the project's labels, the document's title and date)
        allowed = (commands.SetStatus, commands.SetSchema, commands.SetDocumentInfo)
        if not all(isinstance(op, allowed) for op in ops):
            raise DocumentDone(f"{self.document.id}: marked done; reopen it to edit it")

    def restore_history(self, history: History) -> None:
        """Take back the undo history this document had when it was last open in the
        session; the caller guarantees the set is exactly the state it ends in (the same
        saved file). The ids its commands use are never handed out again, as before."""
        self.reserve_ids(
            item.id
            for command in history.commands
            for op in command.ops
            for item in _items_of(op)
        )
        self.undo_stack.restore(history)

    def redo(self) -> Command | None:
        return self.undo_stack.redo()

    # ---- building without recording (loaders use these) ----------------------------

    def make_span(
        self,
        label: str,
        start: int,
        end: int,
        attributes: dict[str, Any] | None = None,
        note: str = "",
        span_id: str | None = None,
    ) -> Span:
        self._require_label(label)
        self._check_offsets(start, end)
        span_id = span_id or self._new_id("s")
        if span_id in self._spans:
            raise EditError(f"duplicate span id {span_id!r}")
        return Span(span_id, label, start, end, self.text[start:end], dict(attributes or {}), note)

    def make_relation(self, type_id: str, source: str, target: str, relation_id: str | None = None) -> Relation:
        if self.schema.relation_type(type_id) is None:
            raise EditError(f"unknown relation type {type_id!r}")
        src, dst = self._require(source), self._require(target)
        if source == target:
            raise EditError("a relation needs two different spans")
        if not self._relation_fits(type_id, src.label, dst.label):
            raise EditError(f"{type_id} cannot go from {src.label} to {dst.label}")
        relation_id = relation_id or self._new_id("r")
        if relation_id in self._relations:
            raise EditError(f"duplicate relation id {relation_id!r}")
        return Relation(relation_id, type_id, source, target)

    def reserve_ids(self, ids: Iterable[str]) -> None:
        """Never hand out these ids (e.g. those of spans kept aside as unplaced)."""
        for item_id in ids:
            prefix = "r" if item_id.startswith("r") else "s"
            self._bump(prefix, item_id)

    def load(self, spans: Iterable[Span], relations: Iterable[Relation] = ()) -> None:
        """Put already-validated annotations in place, outside the undo history."""
        spans = list(spans)
        if not self._spans and len({s.id for s in spans}) == len(spans):
            # the usual case, an empty set being filled: one sort instead of an insort a span
            self._spans = {s.id: s for s in spans}
            self._order = sorted((s.start, s.end, s.id) for s in spans)
            self._longest = max((s.end - s.start for s in spans), default=0)
            numbers = [int(m.group(1)) for s in spans if (m := _ID_NUMBER.match(s.id))]
            self._next_number["s"] = max(self._next_number["s"], max(numbers, default=0) + 1)
            self._apply([commands.AddRelation(r) for r in relations], notify=False)
            return
        ops: list[Op] = [*(commands.AddSpan(s) for s in spans), *(commands.AddRelation(r) for r in relations)]
        self._apply(ops, notify=False)

    # ---- internals -----------------------------------------------------------------

    def _push(self, name: str, ops: list[Op], kind: str = "", subject: str = "") -> None:
        self._refuse_if_done(ops)
        self.undo_stack.push(commands.Command(name, tuple(ops), kind, subject))

    def _status_touch(self) -> list[Op]:
        # annotating a new document starts it
        return [commands.SetStatus(Status.NEW.value, Status.IN_PROGRESS.value)] if self.status == Status.NEW else []

    def _apply(self, ops: Sequence[Op], notify: bool = True) -> None:
        added: list[Span] = []
        removed: list[Span] = []
        rel_added: list[Relation] = []
        rel_removed: list[Relation] = []
        status_changed = schema_changed = document_changed = False
        for op in ops:
            if isinstance(op, commands.AddSpan):
                self._insert(op.span)
                added.append(op.span)
            elif isinstance(op, commands.RemoveSpan):
                self._delete(op.span)
                removed.append(op.span)
            elif isinstance(op, commands.AddRelation):
                self._relations[op.relation.id] = op.relation
                self._bump("r", op.relation.id)
                rel_added.append(op.relation)
            elif isinstance(op, commands.RemoveRelation):
                del self._relations[op.relation.id]
                rel_removed.append(op.relation)
            elif isinstance(op, commands.SetSchema):
                self.schema = op.new
                schema_changed = True
            elif isinstance(op, commands.SetDocumentInfo):
                self.document.title = op.new_title
                self.document.metadata = dict(op.new_metadata)
                document_changed = True
            else:
                self.status = Status(op.new)
                status_changed = True
        self.revision += 1
        if notify:
            change = Change(
                tuple(added), tuple(removed), tuple(rel_added), tuple(rel_removed),
                status_changed, schema_changed, document_changed,
            )  # fmt: skip
            for listener in list(self._listeners):
                listener(change)

    def _insert(self, span: Span) -> None:
        self._spans[span.id] = span
        bisect.insort(self._order, (span.start, span.end, span.id))
        self._longest = max(self._longest, span.end - span.start)
        self._bump("s", span.id)

    def _delete(self, span: Span) -> None:
        del self._spans[span.id]
        key = (span.start, span.end, span.id)
        i = bisect.bisect_left(self._order, key)
        del self._order[i]

    def _bump(self, prefix: str, item_id: str) -> None:
        match = _ID_NUMBER.match(item_id)
        if match:
            self._next_number[prefix] = max(self._next_number[prefix], int(match.group(1)) + 1)

    def _new_id(self, prefix: str) -> str:
        taken = self._spans if prefix == "s" else self._relations
        number = self._next_number[prefix]
        while f"{prefix}{number}" in taken:
            number += 1
        return f"{prefix}{number}"

    def _require(self, span_id: str) -> Span:
        if span_id not in self._spans:
            raise EditError(f"no span {span_id!r}")
        return self._spans[span_id]

    def _require_label(self, label: str) -> None:
        if self.schema.label(label) is None:
            raise EditError(f"unknown label {label!r}")

    def _check_offsets(self, start: int, end: int) -> None:
        if not (0 <= start < end <= len(self.text)):
            raise EditError(f"offsets {start}-{end} outside the text (0-{len(self.text)}) or empty")

    def _label_of(self, span_id: str, replaced: Span) -> str:
        return replaced.label if span_id == replaced.id else self._spans[span_id].label

    def _relation_fits(self, type_id: str, source_label: str, target_label: str) -> bool:
        rt = self.schema.relation_type(type_id)
        if rt is None:
            return False
        return (not rt.from_labels or source_label in rt.from_labels) and (
            not rt.to_labels or target_label in rt.to_labels
        )


def _items_of(op: Op) -> tuple[Span | Relation, ...]:
    if isinstance(op, (commands.AddSpan, commands.RemoveSpan)):
        return (op.span,)
    if isinstance(op, (commands.AddRelation, commands.RemoveRelation)):
        return (op.relation,)
    return ()


def _id_sort_key(item_id: str) -> tuple[str, int, str]:
    match = _ID_NUMBER.match(item_id)
    return (item_id[0], int(match.group(1)), "") if match else (item_id[0], 0, item_id)
