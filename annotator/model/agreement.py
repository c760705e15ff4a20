"""Inter-coder agreement on spans, relations and span attributes (docs/team.md).

Pure Python, no Qt, no files: the caller hands over each document's text and each
coder's annotations on it (annotator.io.team reads them from a project).

Units (the issue's definition, also INCEpTION's "unitizing" spirit): every code point of
a document that is not white space, in every document that two or more of the chosen
coders annotated. A coder's value for a unit and a label is 1 when the unit lies inside
one of that coder's spans with that label, else 0. For the overall figure a unit's value
is the set of labels covering it (nominal: two sets agree only when equal).

Krippendorff's alpha and Cohen's kappa are computed by nltk.metrics.agreement (Apache-2.0,
already installed with hazm), not by hand. Where nltk answers a degenerate case in a way
that would mislead, we say "undefined" (None) instead: with no variation at all (every
unit has the same value, e.g. nobody used the label) nltk's alpha() returns 1 and its
kappa 1.0, while Krippendorff defines alpha only when there is variation.

Span F1 is symmetric: 2·matches / (spans of A + spans of B). Exact: same label, start
and end. Overlapping: same label and at least one code point in common, each span matched
at most once; candidate pairs are taken greedily by the longest common stretch first,
ties broken by the earlier start of A's span, then of B's span, then the shorter spans.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

SpanKey = tuple[str, int, int]  # label, start, end (code points, end exclusive)
RelationKey = tuple[str, SpanKey, SpanKey]  # type, from, to
T = TypeVar("T", bound=Hashable)


@dataclass
class CoderAnnotations:
    """One coder's annotations on one document, reduced to what agreement compares."""

    spans: list[SpanKey] = field(default_factory=list)
    relations: list[RelationKey] = field(default_factory=list)
    # a span's attributes (claim position, topic ...), by the span's key
    attributes: dict[SpanKey, dict[str, Any]] = field(default_factory=dict)


# doc id -> coder -> annotations; doc id -> text
Annotations = Mapping[str, Mapping[str, CoderAnnotations]]


@dataclass
class Counts:
    """Span (or relation) counts of a comparison: F1 = 2m / (a + b)."""

    matched: int = 0
    a: int = 0
    b: int = 0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.a += other.a
        self.b += other.b

    @property
    def f1(self) -> float | None:
        total = self.a + self.b
        return 2 * self.matched / total if total else None


def f1_exact(a: Iterable[T], b: Iterable[T]) -> Counts:
    set_a, set_b = set(a), set(b)
    return Counts(len(set_a & set_b), len(set_a), len(set_b))


def overlap_matches(a: Iterable[SpanKey], b: Iterable[SpanKey]) -> list[tuple[SpanKey, SpanKey]]:
    """Pairs of same-label overlapping spans, each span in at most one pair.

    Greedy by the longest common stretch; ties: A's earlier start, B's earlier start, then
    the shorter A span and the shorter B span (the order is total, so the result is the
    same whatever order the spans came in).
    """
    list_a, list_b = sorted(set(a)), sorted(set(b))
    candidates: list[tuple[int, int, int, int, int, SpanKey, SpanKey]] = []
    for sa in list_a:
        for sb in list_b:
            if sa[0] != sb[0]:
                continue
            common = min(sa[2], sb[2]) - max(sa[1], sb[1])
            if common > 0:
                candidates.append((-common, sa[1], sb[1], sa[2] - sa[1], sb[2] - sb[1], sa, sb))
    candidates.sort()
    used_a: set[SpanKey] = set()
    used_b: set[SpanKey] = set()
    pairs: list[tuple[SpanKey, SpanKey]] = []
    for *_, sa, sb in candidates:
        if sa not in used_a and sb not in used_b:
            used_a.add(sa)
            used_b.add(sb)
            pairs.append((sa, sb))
    return pairs


def f1_overlap(a: Iterable[SpanKey], b: Iterable[SpanKey]) -> Counts:
    set_a, set_b = set(a), set(b)
    return Counts(len(overlap_matches(set_a, set_b)), len(set_a), len(set_b))


# ---- chance-corrected coefficients through nltk ------------------------------------------


def krippendorff_alpha(triples: Sequence[tuple[str, Any, Any]]) -> float | None:
    """Nominal alpha over (coder, unit, value) triples; None when undefined (no unit with
    two values, or no variation)."""
    from nltk.metrics.agreement import AnnotationTask

    by_unit: dict[Any, int] = {}
    for _coder, unit, _value in triples:
        by_unit[unit] = by_unit.get(unit, 0) + 1
    paired = [t for t in triples if by_unit[t[1]] >= 2]
    if len({t[2] for t in paired}) < 2:
        return None  # nltk would say 1 (no variation), which is not agreement
    return float(AnnotationTask(paired).alpha())


def cohen_kappa(a: Sequence[Any], b: Sequence[Any]) -> float | None:
    """Cohen's kappa of two coders' values on the same units; None without variation."""
    from nltk.metrics.agreement import AnnotationTask

    if len(a) != len(b):
        raise ValueError("both coders need a value for every unit")
    if not a or len(set(a) | set(b)) < 2:
        return None
    data = [("a", i, v) for i, v in enumerate(a)] + [("b", i, v) for i, v in enumerate(b)]
    return float(AnnotationTask(data).kappa_pairwise("a", "b"))


# ---- the report -------------------------------------------------------------------------


def _mean(values: Iterable[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return sum(found) / len(found) if found else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


@dataclass
class Report:
    annotators: list[str]
    documents: list[str]
    labels: dict[str, dict[str, float | None]]
    overall: dict[str, float | None]
    pairs: list[dict[str, Any]]
    by_document: dict[str, dict[str, float | None]]
    relations: dict[str, dict[str, float | None]]
    attributes: dict[str, dict[str, Any]]
    units: int

    def to_json(self) -> dict[str, Any]:
        """The shape of `annotator agree --json` (docs/team.md); figures rounded to 6
        places, null where undefined."""

        def rounded(d: Mapping[str, Any]) -> dict[str, Any]:
            return {k: (_round(v) if isinstance(v, float) or v is None else v) for k, v in d.items()}

        return {
            "annotators": list(self.annotators),
            "documents": len(self.documents),
            "units": self.units,
            "labels": {k: rounded(v) for k, v in self.labels.items()},
            "overall": rounded(self.overall),
            "pairs": [
                {
                    "a": p["a"],
                    "b": p["b"],
                    "documents": p["documents"],
                    "labels": {k: rounded(v) for k, v in p["labels"].items()},
                    "overall": rounded(p["overall"]),
                    "relations": {k: rounded(v) for k, v in p["relations"].items()},
                }
                for p in self.pairs
            ],
            "by_document": {k: rounded(v) for k, v in self.by_document.items()},
            "relations": {k: rounded(v) for k, v in self.relations.items()},
            "attributes": {k: rounded(v) for k, v in self.attributes.items()},
        }

    def worst_documents(self, limit: int | None = None) -> list[tuple[str, float | None, float | None]]:
        """(doc id, f1_exact, f1_overlap), the least agreed first (undefined last)."""
        rows = [(d, v["f1_exact"], v["f1_overlap"]) for d, v in self.by_document.items()]
        rows.sort(key=lambda r: (r[2] is None, r[2] if r[2] is not None else 0.0, r[1] or 0.0, r[0]))
        return rows[:limit] if limit is not None else rows


def compare(
    texts: Mapping[str, str],
    annotations: Annotations,
    annotators: Sequence[str],
    labels: Sequence[str] | None = None,
) -> Report:
    """Agreement of `annotators` over the documents two or more of them annotated.

    `labels` limits (and orders) the labels compared; None takes every label used.
    """
    chosen = list(dict.fromkeys(annotators))
    docs = [d for d, by in annotations.items() if sum(1 for c in chosen if c in by) >= 2 and d in texts]
    if labels is None:
        used = {s[0] for d in docs for c in chosen if c in annotations[d] for s in annotations[d][c].spans}
        labels = sorted(used)
    label_list = list(dict.fromkeys(labels))
    wanted = set(label_list)

    def spans_of(doc: str, coder: str, label: str | None = None) -> list[SpanKey]:
        found = annotations[doc][coder].spans
        return [s for s in found if (s[0] == label if label is not None else s[0] in wanted)]

    # coverage: doc -> coder -> bitmask per code point (bit i: label_list[i] covers it)
    units_of: dict[str, list[int]] = {}
    masks: dict[str, dict[str, list[int]]] = {}
    for doc in docs:
        text = texts[doc]
        units_of[doc] = [i for i, ch in enumerate(text) if not ch.isspace()]
        masks[doc] = {}
        for coder in chosen:
            if coder not in annotations[doc]:
                continue
            mask = [0] * len(text)
            for bit, label in enumerate(label_list):
                flag = 1 << bit
                for _, start, end in spans_of(doc, coder, label):
                    for i in range(max(start, 0), min(end, len(text))):
                        mask[i] |= flag
            masks[doc][coder] = mask

    def triples(bit: int | None) -> list[tuple[str, Any, Any]]:
        out: list[tuple[str, Any, Any]] = []
        unit = 0
        for doc in docs:
            positions = units_of[doc]
            for coder, mask in masks[doc].items():
                if bit is None:
                    out.extend((coder, unit + k, mask[p]) for k, p in enumerate(positions))
                else:
                    flag = 1 << bit
                    out.extend((coder, unit + k, 1 if mask[p] & flag else 0) for k, p in enumerate(positions))
            unit += len(positions)
        return out

    pairs = list(itertools.combinations(chosen, 2))
    pair_reports: list[dict[str, Any]] = []
    label_f1: dict[str, dict[str, list[float | None]]] = {lb: {"exact": [], "overlap": []} for lb in label_list}
    overall_f1: dict[str, list[float | None]] = {"exact": [], "overlap": []}
    doc_pairs: dict[str, dict[str, list[float | None]]] = {d: {"exact": [], "overlap": []} for d in docs}
    relation_types = sorted({r[0] for d in docs for by in annotations[d].values() for r in by.relations})
    relation_f1: dict[str, list[float | None]] = {t: [] for t in relation_types}
    for a, b in pairs:
        shared = [d for d in docs if a in annotations[d] and b in annotations[d]]
        per_label: dict[str, dict[str, float | None]] = {}
        total_exact, total_overlap = Counts(), Counts()
        per_doc_exact = {d: Counts() for d in shared}
        per_doc_overlap = {d: Counts() for d in shared}
        for bit, label in enumerate(label_list):
            exact, overlap = Counts(), Counts()
            values_a: list[int] = []
            values_b: list[int] = []
            flag = 1 << bit
            for d in shared:
                ea = spans_of(d, a, label)
                eb = spans_of(d, b, label)
                ce, co = f1_exact(ea, eb), f1_overlap(ea, eb)
                exact.add(ce)
                overlap.add(co)
                per_doc_exact[d].add(ce)
                per_doc_overlap[d].add(co)
                ma, mb = masks[d][a], masks[d][b]
                values_a.extend(1 if ma[p] & flag else 0 for p in units_of[d])
                values_b.extend(1 if mb[p] & flag else 0 for p in units_of[d])
            total_exact.add(exact)
            total_overlap.add(overlap)
            per_label[label] = {
                "kappa": cohen_kappa(values_a, values_b),
                "f1_exact": exact.f1,
                "f1_overlap": overlap.f1,
            }
            label_f1[label]["exact"].append(exact.f1)
            label_f1[label]["overlap"].append(overlap.f1)
        for d in shared:
            doc_pairs[d]["exact"].append(per_doc_exact[d].f1)
            doc_pairs[d]["overlap"].append(per_doc_overlap[d].f1)
        overall_f1["exact"].append(total_exact.f1)
        overall_f1["overlap"].append(total_overlap.f1)
        per_type: dict[str, dict[str, float | None]] = {}
        for rtype in relation_types:
            counts = Counts()
            for d in shared:
                counts.add(_relation_counts(annotations[d][a].relations, annotations[d][b].relations, rtype, wanted))
            per_type[rtype] = {"f1": counts.f1}
            relation_f1[rtype].append(counts.f1)
        pair_reports.append(
            {
                "a": a,
                "b": b,
                "documents": len(shared),
                "labels": per_label,
                "overall": {"f1_exact": total_exact.f1, "f1_overlap": total_overlap.f1},
                "relations": per_type,
            }
        )

    label_report = {
        label: {
            "alpha": krippendorff_alpha(triples(bit)),
            "f1_exact": _mean(label_f1[label]["exact"]),
            "f1_overlap": _mean(label_f1[label]["overlap"]),
        }
        for bit, label in enumerate(label_list)
    }
    overall = {
        "alpha": krippendorff_alpha(triples(None)) if label_list else None,
        "f1_exact": _mean(overall_f1["exact"]),
        "f1_overlap": _mean(overall_f1["overlap"]),
    }
    by_document = {d: {"f1_exact": _mean(v["exact"]), "f1_overlap": _mean(v["overlap"])} for d, v in doc_pairs.items()}
    return Report(
        annotators=chosen,
        documents=docs,
        labels=label_report,
        overall=overall,
        pairs=pair_reports,
        by_document=by_document,
        relations={t: {"f1": _mean(v)} for t, v in relation_f1.items()},
        attributes=_attribute_agreement(annotations, docs, chosen, wanted),
        units=sum(len(u) for u in units_of.values()),
    )


def _relation_counts(a: Sequence[RelationKey], b: Sequence[RelationKey], rtype: str, labels: set[str]) -> Counts:
    """A relation agrees when its type and both ends (label, start, end) are the same."""

    def keep(r: RelationKey) -> bool:
        return r[0] == rtype and r[1][0] in labels and r[2][0] in labels

    return f1_exact([r for r in a if keep(r)], [r for r in b if keep(r)])


def _attribute_agreement(
    annotations: Annotations, docs: Sequence[str], coders: Sequence[str], labels: set[str]
) -> dict[str, dict[str, Any]]:
    """Nominal alpha per "label.attribute" over the spans that two or more coders marked
    exactly alike; a coder who marked the span without the attribute counts as "" (unset),
    a coder without the span is missing."""
    keys: dict[str, set[str]] = {}
    for d in docs:
        for c in coders:
            if c in annotations[d]:
                for span, attrs in annotations[d][c].attributes.items():
                    if span[0] in labels:
                        keys.setdefault(span[0], set()).update(attrs)
    result: dict[str, dict[str, Any]] = {}
    for label in sorted(keys):
        for key in sorted(keys[label]):
            triples: list[tuple[str, Any, Any]] = []
            units = 0
            for d in docs:
                holders: dict[SpanKey, list[str]] = {}
                for c in coders:
                    if c in annotations[d]:
                        for span in set(annotations[d][c].spans):
                            if span[0] == label:
                                holders.setdefault(span, []).append(c)
                for span, who in sorted(holders.items()):
                    if len(who) < 2:
                        continue
                    units += 1
                    for c in who:
                        value = annotations[d][c].attributes.get(span, {}).get(key)
                        coded = "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
                        triples.append((c, (d, span), coded))
            result[f"{label}.{key}"] = {"alpha": krippendorff_alpha(triples), "units": units}
    return result
