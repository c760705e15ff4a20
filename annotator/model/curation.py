"""Curation: the coders' spans on one document, grouped into what they agree on and the
disagreements to decide one by one, and the decisions as undoable edits of the curated
set (docs/team.md). Pure Python, no Qt.

An *item* is either one span every coder marked alike (agreed), or a cluster of spans
not every coder marked alike that overlap one another (a disagreement): e.g. A's actor
on "نخست‌وزیر عراق", B's actor on "نخست‌وزیر" and C's location on "عراق" form one item,
and each coder's *version* of it is the spans they have in it (possibly none). An agreed
span whose coders differ on one of its *features* (an attribute value, its entity link,
or its links of one relation type) gives one more item per such feature, with each
coder's value: like INCEpTION's curation, which decides features one by one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .agreement import SpanKey
from .annotation_set import AnnotationSet
from .span import Span

EDITED = "*"  # the curated set has something else here (the curator's own edit)
ENTITY = "(entity)"  # the feature of a mention's entity link
LINK = "→"  # a feature "→TYPE": the spans a span's links of relation type TYPE go to

# a feature's value: an attribute's value or entity id as text ("" unset), or the ends
# (label, start, end) of a span's links of one type (empty: none)
Value = str | frozenset[SpanKey]


@dataclass(frozen=True)
class Item:
    start: int  # the stretch of text the item's spans cover (code points, end exclusive)
    end: int
    versions: tuple[tuple[str, tuple[SpanKey, ...]], ...]  # (coder, their spans here), every coder
    agreed: bool
    feature: str = ""  # a feature of the one agreed span (attribute id, ENTITY, LINK + type)
    values: tuple[tuple[str, Value], ...] = ()  # (coder, their value of the feature), every coder

    def version(self, coder: str) -> tuple[SpanKey, ...]:
        return dict(self.versions).get(coder, ())

    @property
    def keys(self) -> frozenset[SpanKey]:
        return frozenset(k for _, spans in self.versions for k in spans)

    @property
    def span(self) -> SpanKey:
        """A feature item's span (every coder's one span)."""
        return self.versions[0][1][0]

    def value(self, coder: str) -> Value:
        return dict(self.values).get(coder, empty(self.feature))


def empty(feature: str) -> Value:
    return frozenset() if feature.startswith(LINK) else ""


def span_features(aset: AnnotationSet) -> dict[SpanKey, dict[str, Value]]:
    """What curation compares of each span beyond its label and extent: its attribute
    values and entity link (as text), and the ends of its links per relation type."""
    key = {s.id: (s.label, s.start, s.end) for s in aset.spans()}
    found: dict[SpanKey, dict[str, Value]] = {}
    for span in aset.spans():
        values: dict[str, Value] = {a: str(v) for a, v in span.attributes.items() if v not in (None, "")}
        if span.entity:
            values[ENTITY] = span.entity
        found[key[span.id]] = values
    for rel in aset.relations():
        values = found.setdefault(key[rel.source], {})
        name = LINK + rel.type
        ends = values.get(name, frozenset())
        values[name] = (ends if isinstance(ends, frozenset) else frozenset()) | {key[rel.target]}
    return found


def _feature_order(name: str) -> tuple[int, str]:
    return (2 if name.startswith(LINK) else 1 if name == ENTITY else 0, name)


def items(
    coder_spans: Mapping[str, Sequence[SpanKey]],
    features: Mapping[str, Mapping[SpanKey, Mapping[str, Value]]] | None = None,
) -> list[Item]:
    """Agreed spans and disagreement clusters, in reading order; with each coder's
    `features` (span_features), an agreed span's differing features follow it."""
    coders = list(coder_spans)
    held: dict[SpanKey, set[str]] = {}
    for coder, spans in coder_spans.items():
        for key in spans:
            held.setdefault(key, set()).add(coder)
    found: list[Item] = []
    loose: list[SpanKey] = []
    for key, who in held.items():
        if len(who) == len(coders):
            alike: tuple[tuple[str, tuple[SpanKey, ...]], ...] = tuple((c, (key,)) for c in coders)
            found.append(Item(key[1], key[2], alike, True))
            found += _differing(key, alike, coders, features or {})
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


def _differing(
    key: SpanKey,
    versions: tuple[tuple[str, tuple[SpanKey, ...]], ...],
    coders: Sequence[str],
    features: Mapping[str, Mapping[SpanKey, Mapping[str, Value]]],
) -> list[Item]:
    """One item per feature of an agreed span on which its coders' values differ."""
    if not features:
        return []
    of = {c: features.get(c, {}).get(key, {}) for c in coders}
    found: list[Item] = []
    for name in sorted({n for values in of.values() for n in values}, key=_feature_order):
        values = tuple((c, of[c].get(name, empty(name))) for c in coders)
        if len({v for _, v in values}) > 1:
            found.append(Item(key[1], key[2], versions, False, name, values))
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


# ---- features of an agreed span -----------------------------------------------------------


def held(aset: AnnotationSet, item: Item) -> Value | None:
    """The curated span's value of a feature item's feature; None when the curated set
    lacks the span."""
    label, start, end = item.span
    span = aset.find_span(start, end, label)
    if span is None:
        return None
    if item.feature.startswith(LINK):
        rtype = item.feature[len(LINK) :]
        ends = (aset.span(r.target) for r in aset.relations_of(span.id) if r.source == span.id and r.type == rtype)
        return frozenset((end.label, end.start, end.end) for end in ends)
    if item.feature == ENTITY:
        return span.entity
    value = span.attributes.get(item.feature)
    return "" if value in (None, "") else str(value)


def accept_feature(
    aset: AnnotationSet, item: Item, coder: str, source: AnnotationSet | None = None
) -> list[SpanKey] | None:
    """Give the curated span `coder`'s value of the item's feature (one undoable edit; a
    value as the coder stored it when `source` is their set). Returns the link ends that
    could not be linked because the curated set lacks them; None when it lacks the span."""
    return _set_feature(aset, item, item.value(coder), f"Accept {coder}'s {item.feature}", source)


def reject_feature(aset: AnnotationSet, item: Item) -> list[SpanKey] | None:
    """The curated span without the feature: attribute unset, no entity link, no links of
    the type (one undoable edit)."""
    return _set_feature(aset, item, empty(item.feature), f"Reject {item.feature}", None)


def _set_feature(
    aset: AnnotationSet, item: Item, value: Value, name: str, source: AnnotationSet | None
) -> list[SpanKey] | None:
    label, start, end = item.span
    span = aset.find_span(start, end, label)
    if span is None:
        return None
    if isinstance(value, frozenset):
        by_key = {(s.label, s.start, s.end): s.id for s in aset.spans()}
        ends = sorted(value, key=lambda k: (k[1], k[2], k[0]))
        targets = [by_key[k] for k in ends if k in by_key]
        aset.set_span_features(name, span.id, relation_type=item.feature[len(LINK) :], targets=targets)
        return [k for k in ends if k not in by_key]
    if item.feature == ENTITY:
        aset.set_span_features(name, span.id, entity=value)
        return []
    stored: object = value
    mine = source.find_span(start, end, label) if source is not None else None
    if mine is not None and str(mine.attributes.get(item.feature, "")) == value:
        stored = mine.attributes[item.feature]  # a number stays a number
    attributes = dict(span.attributes)
    if value == "":
        attributes.pop(item.feature, None)
    else:
        attributes[item.feature] = stored
    aset.set_span_features(name, span.id, attributes=attributes)
    return []
