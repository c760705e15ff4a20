"""Agreement figures against values worked out here, independently of nltk: a hand-made
case with a known alpha, Krippendorff's own example, kappa and span F1 by their formulas."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Sequence
from typing import Any

import pytest

from annotator.model.agreement import (
    CoderAnnotations,
    cohen_kappa,
    compare,
    krippendorff_alpha,
    overlap_matches,
)


def alpha_by_hand(units: Sequence[Sequence[Any]]) -> float:
    """Nominal alpha from the coincidence matrix (Krippendorff 2011, 'Computing
    Krippendorff's alpha-reliability'): units are lists of the values coders gave."""
    o: Counter[tuple[Any, Any]] = Counter()
    for values in units:
        m = len(values)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):
            o[(values[i], values[j])] += 1 / (m - 1)
    n_c: Counter[Any] = Counter()
    for (c, _k), w in o.items():
        n_c[c] += w
    n = sum(n_c.values())
    disagree = sum(w for (c, k), w in o.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    return 1 - (n - 1) * disagree / expected


def kappa_by_hand(a: Sequence[Any], b: Sequence[Any]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / n / n
    return (observed - expected) / (1 - expected)


def test_a_hand_made_case_with_known_alpha_kappa_and_f1() -> None:
    # "ab cd": units a b c d (the space is not one). A tags "ab", B tags "ab c".
    # values A 1100, B 1110: o11 = 4, o00 = 2, o01 = o10 = 1; n1 = 5, n0 = 3, n = 8
    # alpha = 1 - (n-1)(o01+o10) / (2 n0 n1) = 1 - 7*2/30 = 8/15
    texts = {"d": "ab cd"}
    ann = {"d": {"A": CoderAnnotations([("X", 0, 2)]), "B": CoderAnnotations([("X", 0, 4)])}}
    report = compare(texts, ann, ["A", "B"]).to_json()
    assert report["documents"] == 1 and report["units"] == 4
    assert report["labels"]["X"]["alpha"] == pytest.approx(8 / 15, abs=1e-6)
    assert alpha_by_hand([[1, 1], [1, 1], [0, 1], [0, 0]]) == pytest.approx(8 / 15)
    # kappa: Ao = 3/4, Ae = 1/2*3/4 + 1/2*1/4 = 1/2, kappa = 1/2
    assert report["pairs"][0]["labels"]["X"]["kappa"] == pytest.approx(0.5)
    assert report["labels"]["X"]["f1_exact"] == 0.0
    assert report["labels"]["X"]["f1_overlap"] == 1.0
    assert report["by_document"] == {"d": {"f1_exact": 0.0, "f1_overlap": 1.0}}
    assert set(report) == {
        "annotators", "documents", "units", "labels", "overall", "pairs", "by_document", "relations", "attributes"
    }  # fmt: skip


def test_krippendorffs_own_example_with_missing_values() -> None:
    # Krippendorff (2011), four coders, twelve units, nominal alpha 0.743
    rows = [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ]
    triples = [(str(c), u, v) for c, row in enumerate(rows) for u, v in enumerate(row.split()) if v != "."]
    units = [[v for c, u, v in triples if u == unit] for unit in range(12)]
    assert krippendorff_alpha(triples) == pytest.approx(alpha_by_hand(units))
    assert round(krippendorff_alpha(triples) or 0, 3) == 0.743


def test_no_variation_is_undefined_not_perfect() -> None:
    # nltk answers 1 here; Krippendorff's alpha is undefined without variation
    assert krippendorff_alpha([("a", 0, 0), ("b", 0, 0), ("a", 1, 0), ("b", 1, 0)]) is None
    assert cohen_kappa([0, 0, 0], [0, 0, 0]) is None
    texts = {"d": "ab cd"}
    ann = {"d": {"A": CoderAnnotations([("X", 0, 2)]), "B": CoderAnnotations([("X", 0, 2)])}}
    report = compare(texts, ann, ["A", "B"], labels=["X", "Y"]).to_json()
    assert report["labels"]["X"]["alpha"] == 1.0  # perfect agreement with variation
    assert report["labels"]["Y"] == {"alpha": None, "f1_exact": None, "f1_overlap": None}


def test_random_data_matches_the_formulas() -> None:
    rng = random.Random(7)
    for _ in range(20):
        a = [rng.choice("xyz") for _ in range(40)]
        b = [v if rng.random() < 0.7 else rng.choice("xyz") for v in a]
        c = [v if rng.random() < 0.6 else rng.choice("xyz") for v in a]
        c[:5] = [None] * 5  # the third coder skipped five units
        triples = [(name, i, v) for name, vs in (("a", a), ("b", b), ("c", c)) for i, v in enumerate(vs) if v]
        units = [[v for v in (a[i], b[i], c[i]) if v] for i in range(40)]
        assert krippendorff_alpha(triples) == pytest.approx(alpha_by_hand(units))
        assert cohen_kappa(a, b) == pytest.approx(kappa_by_hand(a, b))


def test_overlap_matching_takes_the_longest_overlap_first_and_each_span_once() -> None:
    a = [("X", 0, 10), ("X", 20, 25)]
    b = [("X", 5, 10), ("X", 0, 8), ("X", 22, 30), ("Y", 0, 10)]
    pairs = overlap_matches(a, b)
    assert pairs == [(("X", 0, 10), ("X", 0, 8)), (("X", 20, 25), ("X", 22, 30))]
    # a tie of overlap length goes to the earlier start
    assert overlap_matches([("X", 0, 10)], [("X", 6, 12), ("X", 0, 4)]) == [(("X", 0, 10), ("X", 0, 4))]


def test_three_coders_pairs_are_averaged_and_a_document_needs_two() -> None:
    texts = {"one": "آ ب پ ت", "two": "ث ج چ ح", "three": "خ د ذ ر"}
    ann = {
        "one": {"A": CoderAnnotations([("X", 0, 1)]), "B": CoderAnnotations([("X", 0, 1)]), "C": CoderAnnotations()},
        "two": {"A": CoderAnnotations([("X", 2, 3)]), "C": CoderAnnotations([("X", 2, 3), ("X", 4, 5)])},
        "three": {"A": CoderAnnotations([("X", 0, 1)])},  # one coder only: not compared
    }
    report = compare(texts, ann, ["A", "B", "C"]).to_json()
    assert report["documents"] == 2 and set(report["by_document"]) == {"one", "two"}
    pair = {(p["a"], p["b"]): p["labels"]["X"]["f1_exact"] for p in report["pairs"]}
    # A-B: doc one, 1 of 1 -> 1.0; A-C: one (1 vs 0) + two (1 vs 2, 1 match) -> 2*1/4; B-C: one: 0/1 -> 0
    assert pair == {("A", "B"): 1.0, ("A", "C"): 0.5, ("B", "C"): 0.0}
    assert report["labels"]["X"]["f1_exact"] == pytest.approx(0.5)
    # document "one": pairs AB 1.0, AC 0.0, BC 0.0
    assert report["by_document"]["one"]["f1_exact"] == pytest.approx(1 / 3)
    units = [[1, 1, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0], [1, 1], [0, 1], [0, 0]]
    assert report["labels"]["X"]["alpha"] == pytest.approx(alpha_by_hand(units), abs=1e-6)


def test_relations_agree_on_type_and_both_ends_and_attributes_get_alpha() -> None:
    claim, actor, other = ("claim", 0, 3), ("actor", 4, 5), ("actor", 6, 7)
    texts = {"d": "abc d e"}
    ann = {
        "d": {
            "A": CoderAnnotations([claim, actor, other], [("claimed_by", claim, actor)], {claim: {"position": "pro"}}),
            "B": CoderAnnotations([claim, actor, other], [("claimed_by", claim, other)], {claim: {"position": "pro"}}),
            "C": CoderAnnotations([claim, actor], [("claimed_by", claim, actor)], {claim: {"position": "con"}}),
        }
    }
    report = compare(texts, ann, ["A", "B", "C"]).to_json()
    pairs = {(p["a"], p["b"]): p["relations"]["claimed_by"]["f1"] for p in report["pairs"]}
    assert pairs == {("A", "B"): 0.0, ("A", "C"): 1.0, ("B", "C"): 0.0}
    assert report["relations"]["claimed_by"]["f1"] == pytest.approx(1 / 3)
    position = report["attributes"]["claim.position"]
    assert position["units"] == 1
    assert position["alpha"] == pytest.approx(alpha_by_hand([['"pro"', '"pro"', '"con"']]), abs=1e-6)
