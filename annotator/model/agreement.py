"""Inter-coder agreement on spans, relations and span attributes (docs/team.md).

Pure Python, no Qt, no files: the caller hands over each document's text and each
coder's annotations on it (annotator.io.team reads them from a project).

Units (the issue's definition, also INCEpTION's "unitizing" spirit): every code point of
a document that is not white space, in every document that two or more of the chosen
coders annotated. A coder's value for a unit and a label is 1 when the unit lies inside
one of that coder's spans with that label, else 0. For the overall figure a unit's value
is the set of labels covering it (nominal: two sets agree only when equal).

Krippendorff's alpha and Cohen's kappa are computed from counts (annotator.model.coincidence:
the coincidence matrix, the contingency table), over the units counted by the values coders
gave them (annotator.model.unitcounts): a pass over the span edges, not over code points.
The figures are nltk.metrics.agreement's (the tests compare them to it), except where nltk
answers a degenerate case in a way that would mislead: with no variation at all (every
unit has the same value, e.g. nobody used the label) nltk's alpha() returns 1 and its
kappa 1.0, while Krippendorff defines alpha only when there is variation: we say None.

Span F1 is symmetric: 2·matches / (spans of A + spans of B). Exact: same label, start
and end. Overlapping: same label and at least one code point in common, each span matched
at most once; candidate pairs are taken greedily by the longest common stretch first,
ties broken by the earlier start of A's span, then of B's span, then the shorter spans.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .coincidence import AlphaCounts, cohen_kappa, kappa_from_table, krippendorff_alpha
from .unitcounts import Coverage, Values, count_values

__all__ = [
    "Annotations", "CoderAnnotations", "Counts", "RelationKey", "Report", "SpanKey", "cohen_kappa", "compare",
    "f1_exact", "f1_overlap", "krippendorff_alpha", "overlap_matches",
]  # fmt: skip

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

    # how many units have each tuple of values (a label mask per coder, None: no file)
    flags = {label: 1 << bit for bit, label in enumerate(label_list)}
    values: Counter[Values] = Counter()
    units = 0
    for doc in docs:
        coverage: list[Coverage | None] = []
        for coder in chosen:
            found = annotations[doc].get(coder)
            spans = None if found is None else [(flags[s[0]], s[1], s[2]) for s in found.spans if s[0] in flags]
            coverage.append(spans)
        counted = count_values(texts[doc], coverage)
        values.update(counted)
        units += sum(counted.values())

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
        index_a, index_b = chosen.index(a), chosen.index(b)
        kappas = _pair_kappas(values, index_a, index_b, len(label_list))
        for bit, label in enumerate(label_list):
            exact, overlap = Counts(), Counts()
            for d in shared:
                ea = spans_of(d, a, label)
                eb = spans_of(d, b, label)
                ce, co = f1_exact(ea, eb), f1_overlap(ea, eb)
                exact.add(ce)
                overlap.add(co)
                per_doc_exact[d].add(ce)
                per_doc_overlap[d].add(co)
            total_exact.add(exact)
            total_overlap.add(overlap)
            per_label[label] = {
                "kappa": kappas[bit],
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

    alphas = _alphas(values, len(label_list))
    label_report = {
        label: {
            "alpha": alphas[bit],
            "f1_exact": _mean(label_f1[label]["exact"]),
            "f1_overlap": _mean(label_f1[label]["overlap"]),
        }
        for bit, label in enumerate(label_list)
    }
    overall = {
        "alpha": alphas[-1] if label_list else None,
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
        units=units,
    )


def _alphas(values: Counter[Values], labels: int) -> list[float | None]:
    """Alpha per label (by bit), then overall (the label sets), in one pass over the
    distinct tuples of values."""
    counts = [AlphaCounts() for _ in range(labels + 1)]
    for masks, times in values.items():
        given = [m for m in masks if m is not None]
        for bit in range(labels):
            counts[bit].add_unit([(m >> bit) & 1 for m in given], times)
        counts[labels].add_unit(given, times)
    return [c.alpha() for c in counts]


def _pair_kappas(values: Counter[Values], a: int, b: int, labels: int) -> list[float | None]:
    """Cohen's kappa per label (by bit) of coders a and b (indexes into the tuples), on the
    units both have a value for (the documents both annotated)."""
    tables: list[Counter[tuple[int, int]]] = [Counter() for _ in range(labels)]
    for masks, times in values.items():
        ma, mb = masks[a], masks[b]
        if ma is None or mb is None:
            continue
        for bit in range(labels):
            tables[bit][((ma >> bit) & 1, (mb >> bit) & 1)] += times
    return [kappa_from_table(t) for t in tables]


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
