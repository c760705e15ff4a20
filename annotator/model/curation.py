"""Curation: the coders' spans on one document, grouped into what they agree on and the
disagreements to decide one by one, and the decisions as undoable edits of the curated
set (docs/team.md). Pure Python, no Qt.

An *item* is either one span every coder marked alike (agreed), or a cluster of spans
not every coder marked alike that overlap one another (a disagreement): e.g. A's actor
on "نخست‌وزیر عراق", B's actor on "نخست‌وزیر" and C's location on "عراق" form one item,
and each coder's *version* of it is the spans they have in it (possibly none).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .agreement import SpanKey
from .annotation_set import AnnotationSet
from .span import Span

EDITED = "*"  # the curated set has something else here (the curator's own edit)


@dataclass(frozen=True)
class Item:
    start: int  # the stretch of text the item's spans cover (code points, end exclusive)
    end: int
    versions: tuple[tuple[str, tuple[SpanKey, ...]], ...]  # (coder, their spans here), every coder
    agreed: bool

    def version(self, coder: str) -> tuple[SpanKey, ...]:
        return dict(self.versions).get(coder, ())

    @property
    def keys(self) -> frozenset[SpanKey]:
        return frozenset(k for _, spans in self.versions for k in spans)


def items(coder_spans: Mapping[str, Sequence[SpanKey]]) -> list[Item]:
    """Agreed spans and disagreement clusters, in reading order."""
    coders = list(coder_spans)
    held: dict[SpanKey, set[str]] = {}
    for coder, spans in coder_spans.items():
        for key in spans:
            held.setdefault(key, set()).add(coder)
    found: list[Item] = []
    loose: list[SpanKey] = []
    for key, who in held.items():
        if len(who) == len(coders):
            found.append(Item(key[1], key[2], tuple((c, (key,)) for c in coders), True))
        else:
            loose.append(key)
    loose.sort(key=lambda k: (k[1], k[2], k[0]))
    clusters: list[list[SpanKey]] = []
    end = -1
    for key in loose:
        if clusters and key[1] < end:
            clusters[-1].append(key)
            end = max(end, key[2])
        else:
            clusters.append([key])
            end = key[2]
    for cluster in clusters:
        members = set(cluster)
        versions = tuple(
            (c, tuple(sorted((k for k in coder_spans[c] if k in members), key=lambda k: (k[1], k[2], k[0]))))
            for c in coders
        )
        found.append(Item(min(k[1] for k in cluster), max(k[2] for k in cluster), versions, False))
    found.sort(key=lambda it: (it.start, -it.end, not it.agreed))
    return found


def spans_in(aset: AnnotationSet, item: Item, others: Sequence[Item]) -> list[Span]:
    """The curated spans that belong to an item: those with one of its keys, and those
    overlapping its stretch that are no other item's (the curator's own edits there)."""
    elsewhere = {k for other in others if other is not item for k in other.keys}
    own = item.keys
    found: list[Span] = []
    for span in aset.spans_in(item.start, item.end):
        key = (span.label, span.start, span.end)
        if key in own or (key not in elsewhere and not item.agreed):
            found.append(span)
    return found


def decision(aset: AnnotationSet, item: Item, others: Sequence[Item]) -> str:
    """What the curated set holds for an item: the first coder whose version it equals
    ("" for none when no coder's version is empty), or EDITED."""
    have = sorted((s.label, s.start, s.end) for s in spans_in(aset, item, others))
    for coder, spans in item.versions:
        if sorted(spans) == have:
            return coder
    return "" if not have else EDITED


def accept(
    aset: AnnotationSet, item: Item, coder: str, others: Sequence[Item], source: AnnotationSet | None = None
) -> list[Span]:
    """Make the curated set hold `coder`'s version of the item (one undoable edit).

    With the coder's own annotations (`source`), the spans keep their attributes, note and
    entity link, and the coder's relations from or to them come along wherever the other
    end is in the curated set."""
    remove = [s.id for s in spans_in(aset, item, others)]
    version = item.version(coder)
    templates: dict[SpanKey, Span] = {}
    relations: list[tuple[str, SpanKey, SpanKey]] = []
    if source is not None:
        keys = set(version)
        key_of = {s.id: (s.label, s.start, s.end) for s in source.spans()}
        templates = {k: s for s in source.spans() if (k := key_of[s.id]) in keys}
        relations = [
            (r.type, key_of[r.source], key_of[r.target])
            for r in source.relations()
            if key_of[r.source] in keys or key_of[r.target] in keys
        ]
    return aset.replace_spans(
        f"Accept {coder}'s version", remove, version, "accept", coder, templates=templates, relations=relations
    )


def reject(aset: AnnotationSet, item: Item, others: Sequence[Item]) -> None:
    """No span at all for the item in the curated set (one undoable edit)."""
    remove = [s.id for s in spans_in(aset, item, others)]
    aset.replace_spans("Reject", remove, (), "reject")
