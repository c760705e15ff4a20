"""The agreement coefficients as annotator computed them through nltk until the counts
replaced it (annotator.model.coincidence): one (coder, unit, value) triple per coder and
code point, handed to nltk.metrics.agreement.AnnotationTask. The reference for the tests."""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping, Sequence
from typing import Any

from nltk.metrics.agreement import AnnotationTask

from annotator.model.agreement import CoderAnnotations, SpanKey


def nltk_alpha(triples: Sequence[tuple[Any, Any, Any]]) -> float | None:
    """nltk's alpha over the triples of units with two or more values; None where nltk
    would answer 1 without variation (annotator's rule, docs/team.md)."""
    by_unit: dict[Any, int] = {}
    for _coder, unit, _value in triples:
        by_unit[unit] = by_unit.get(unit, 0) + 1
    paired = [t for t in triples if by_unit[t[1]] >= 2]
    if len({t[2] for t in paired}) < 2:
        return None
    return float(AnnotationTask(paired).alpha())


def nltk_kappa(a: Sequence[Any], b: Sequence[Any]) -> float | None:
    if not a or len(set(a) | set(b)) < 2:
        return None
    data = [("a", i, v) for i, v in enumerate(a)] + [("b", i, v) for i, v in enumerate(b)]
    return float(AnnotationTask(data).kappa_pairwise("a", "b"))


def reference(
    texts: Mapping[str, str],
    annotations: Mapping[str, Mapping[str, CoderAnnotations]],
    annotators: Sequence[str],
    labels: Sequence[str],
) -> dict[str, float | None]:
    """Every coefficient the report gives, by the old per-code-point route: "alpha LABEL",
    "alpha (overall)", "kappa A B LABEL", "alpha LABEL.ATTRIBUTE"."""
    chosen = list(dict.fromkeys(annotators))
    docs = [d for d, by in annotations.items() if sum(1 for c in chosen if c in by) >= 2 and d in texts]
    label_list = list(dict.fromkeys(labels))
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
                for span_label, start, end in annotations[doc][coder].spans:
                    if span_label == label:
                        for i in range(max(start, 0), min(end, len(text))):
                            mask[i] |= 1 << bit
            masks[doc][coder] = mask

    def triples(bit: int | None) -> list[tuple[str, int, int]]:
        out: list[tuple[str, int, int]] = []
        unit = 0
        for doc in docs:
            for coder, mask in masks[doc].items():
                for k, p in enumerate(units_of[doc]):
                    out.append((coder, unit + k, mask[p] if bit is None else (mask[p] >> bit) & 1))
            unit += len(units_of[doc])
        return out

    found: dict[str, float | None] = {}
    for bit, label in enumerate(label_list):
        found[f"alpha {label}"] = nltk_alpha(triples(bit))
    if label_list:
        found["alpha (overall)"] = nltk_alpha(triples(None))
    for a, b in itertools.combinations(chosen, 2):
        shared = [d for d in docs if a in annotations[d] and b in annotations[d]]
        for bit, label in enumerate(label_list):
            va = [(masks[d][a][p] >> bit) & 1 for d in shared for p in units_of[d]]
            vb = [(masks[d][b][p] >> bit) & 1 for d in shared for p in units_of[d]]
            found[f"kappa {a} {b} {label}"] = nltk_kappa(va, vb)
    found.update(_attributes(annotations, docs, chosen, set(label_list)))
    return found


def _attributes(
    annotations: Mapping[str, Mapping[str, CoderAnnotations]],
    docs: Sequence[str],
    coders: Sequence[str],
    labels: set[str],
) -> dict[str, float | None]:
    keys: dict[str, set[str]] = {}
    for d in docs:
        for c in coders:
            if c in annotations[d]:
                for span, attrs in annotations[d][c].attributes.items():
                    if span[0] in labels:
                        keys.setdefault(span[0], set()).update(attrs)
    found: dict[str, float | None] = {}
    for label in sorted(keys):
        for key in sorted(keys[label]):
            triples: list[tuple[str, Any, str]] = []
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
                    for c in who:
                        value = annotations[d][c].attributes.get(span, {}).get(key)
                        coded = "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
                        triples.append((c, (d, span), coded))
            found[f"alpha {label}.{key}"] = nltk_alpha(triples)
    return found


def figures(report: Any) -> dict[str, float | None]:
    """The same names, read from an annotator Report (unrounded)."""
    found: dict[str, float | None] = {f"alpha {label}": v["alpha"] for label, v in report.labels.items()}
    if report.labels:
        found["alpha (overall)"] = report.overall["alpha"]
    for pair in report.pairs:
        for label, v in pair["labels"].items():
            found[f"kappa {pair['a']} {pair['b']} {label}"] = v["kappa"]
    for name, v in report.attributes.items():
        found[f"alpha {name}"] = v["alpha"]
    return found


def assert_same(ours: Mapping[str, float | None], theirs: Mapping[str, float | None], tolerance: float = 1e-12) -> None:
    assert ours.keys() == theirs.keys()
    for name, value in theirs.items():
        mine = ours[name]
        if value is None or mine is None:
            assert mine is None and value is None, (name, mine, value)
        else:
            assert abs(mine - value) <= tolerance, (name, mine, value)
