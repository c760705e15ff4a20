"""Taking in what another program saved to an annotation file that is open here.

A synced project folder (Dropbox, Nextcloud, OneDrive, Syncthing, Google Drive) replaces a
coder's annotation file when the same coder's other computer saved it; a script or a
second copy of the program may rewrite it too. The open store then holds what it read
(the *base*), the window's edits since (*ours*, in memory) and the file on disk now
(*theirs*). Writing ours would drop theirs; keeping theirs would drop ours. So theirs'
changes since the base are applied to ours, as one undoable step:

- spans are matched by what they are, label and offsets (their ids are per file and
  numbered from s1 on both machines, so the same id is often two different spans);
- a span they added is added (under a new id when ours has that id); a span they
  removed is removed, unless ours changed it (then ours is kept); a span whose
  attributes, note or entity they changed takes theirs, unless ours changed that span
  too (then ours is kept);
- a relation is matched by its type and its two spans; theirs added are added, theirs
  removed are removed;
- the status takes theirs when ours did not change it.

Nothing here touches the disk (AnnotationStore.take_in_disk_changes does).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model.annotation_set import AnnotationSet, Status
from ..model.span import Relation, Span
from .jsonformat import span_from_json

# label, start, end, and which of the spans with those three (in id order) it is
Key = tuple[str, int, int, int]
RelationKey = tuple[str, Key, Key]


@dataclass(frozen=True)
class Side:
    """One version of the annotations, by what the spans are rather than by their ids."""

    spans: dict[Key, Span]
    relations: frozenset[RelationKey]
    status: str


def side_of(spans: Iterable[Span], relations: Iterable[Relation], status: str) -> Side:
    keyed: dict[Key, Span] = {}
    key_of: dict[str, Key] = {}
    seen: dict[tuple[str, int, int], int] = {}
    for span in sorted(spans, key=lambda s: (s.start, s.end, s.label, _id_order(s.id))):
        base = (span.label, span.start, span.end)
        n = seen.get(base, 0)
        seen[base] = n + 1
        key = (*base, n)
        keyed[key] = span
        key_of[span.id] = key
    rels = frozenset(
        (r.type, key_of[r.source], key_of[r.target]) for r in relations if r.source in key_of and r.target in key_of
    )
    return Side(keyed, rels, status)


def side_of_set(aset: AnnotationSet) -> Side:
    return side_of(aset.spans(), aset.relations(), aset.status.value)


def side_of_json(data: Mapping[str, Any]) -> Side:
    """From an annotation file's checked JSON."""
    spans = [span_from_json(item) for item in data.get("spans", [])]
    relations = [
        Relation(str(item["id"]), str(item["type"]), str(item["from"]), str(item["to"]))
        for item in data.get("relations", [])
    ]
    return side_of(spans, relations, str(data.get("status", Status.NEW.value)))


def _id_order(span_id: str) -> tuple[int, str]:
    digits = span_id.lstrip("sr")
    return (int(digits), "") if digits.isdigit() else (0, span_id)


def _fields(span: Span) -> tuple[str, str, str]:
    return (json.dumps(span.attributes, sort_keys=True, ensure_ascii=False), span.note, span.entity)


@dataclass
class Merge:
    """What taking theirs into ours does: the operations, and counts for the message."""

    ops: list[Any] = field(default_factory=list)
    added: int = 0
    removed: int = 0
    changed: int = 0
    relations: int = 0  # relations added or removed
    status: bool = False
    kept_ours: int = 0  # spans both sides changed differently: ours kept
    kept_as: str = ""  # then the other version, whole, is kept beside the file under this name

    @property
    def empty(self) -> bool:
        return not self.ops


def plan(ours: AnnotationSet, base: Side, theirs: Side) -> Merge:
    """The operations that bring theirs' changes since `base` into `ours`."""
    from ..model import commands

    mine = side_of_set(ours)
    merge = Merge()
    removed_ids: set[str] = set()
    adds: list[Span] = []
    ours_ids = {s.id for s in ours.spans()}
    # a new id is neither ours nor theirs (the same id on both sides is often two spans)
    taken = ours_ids | {s.id for s in theirs.spans.values()}
    next_number = [1]
    assigned: set[str] = set()

    def new_id(prefix: str, used: set[str]) -> str:
        while f"{prefix}{next_number[0]}" in used:
            next_number[0] += 1
        value = f"{prefix}{next_number[0]}"
        used.add(value)
        return value

    ids_of: dict[Key, str] = {key: span.id for key, span in mine.spans.items()}
    for key in sorted(set(base.spans) | set(theirs.spans)):
        b, t, o = base.spans.get(key), theirs.spans.get(key), mine.spans.get(key)
        if b is None and t is not None:  # they added it
            if o is None:
                span_id = t.id if t.id not in ours_ids and t.id not in assigned else new_id("s", taken)
                assigned.add(span_id)
                text = ours.text[t.start : t.end]
                span = Span(span_id, t.label, t.start, t.end, text, dict(t.attributes), t.note, t.entity)
                adds.append(span)
                ids_of[key] = span_id
                merge.added += 1
            elif _fields(o) != _fields(t):
                merge.kept_ours += 1  # both added it, differently: ours stays
        elif b is not None and t is None:  # they removed it
            if o is None:
                continue
            if _fields(o) == _fields(b):
                merge.ops.append(commands.RemoveSpan(o))
                removed_ids.add(o.id)
                ids_of.pop(key, None)
                merge.removed += 1
            else:
                merge.kept_ours += 1
        elif b is not None and t is not None and _fields(b) != _fields(t):  # they changed it
            if o is None:
                continue  # we removed it: ours stays removed
            if _fields(o) == _fields(b):
                new = Span(o.id, o.label, o.start, o.end, o.text, dict(t.attributes), t.note, t.entity)
                merge.ops += [commands.RemoveSpan(o), commands.AddSpan(new)]
                merge.changed += 1
            elif _fields(o) != _fields(t):
                merge.kept_ours += 1
    # relations of removed spans go first, with the spans
    rel_ops: list[Any] = []
    for rel in ours.relations():
        if rel.source in removed_ids or rel.target in removed_ids:
            rel_ops.append(commands.RemoveRelation(rel))
    key_of = {span.id: key for key, span in mine.spans.items()}
    by_key = {
        (r.type, key_of[r.source], key_of[r.target]): r
        for r in ours.relations()
        if r.source in key_of and r.target in key_of
    }
    gone = {id(op.relation) for op in rel_ops}
    for rkey in base.relations - theirs.relations:  # they removed it
        found = by_key.get(rkey)
        if found is not None and id(found) not in gone:
            rel_ops.append(commands.RemoveRelation(found))
            gone.add(id(found))
            merge.relations += 1
    rel_taken = {r.id for r in ours.relations()}
    rel_adds: list[Any] = []
    for rkey in sorted(theirs.relations - base.relations):  # they added it
        rtype, src_key, dst_key = rkey
        src, dst = ids_of.get(src_key), ids_of.get(dst_key)
        if src is None or dst is None or rkey in by_key:
            continue
        next_number[0] = 1
        rel_id = new_id("r", rel_taken)  # (relations are few)
        rel_adds.append(commands.AddRelation(Relation(rel_id, rtype, src, dst)))
        merge.relations += 1
    merge.ops = rel_ops + merge.ops + [commands.AddSpan(s) for s in adds] + rel_adds
    if theirs.status != base.status and mine.status == base.status and theirs.status != mine.status:
        merge.ops.append(commands.SetStatus(mine.status, theirs.status))
        merge.status = True
    return merge

