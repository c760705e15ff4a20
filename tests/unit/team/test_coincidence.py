"""Alpha and kappa from counts give nltk's figures (to 1e-12) on random codings: missing
values, ties, a single value, all agreeing, all disagreeing; the unit counts equal a count
code point by code point; and compare() equals the old per-code-point route through nltk."""

from __future__ import annotations

import re
import sys
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.model.agreement import CoderAnnotations, compare
from annotator.model.coincidence import AlphaCounts, cohen_kappa, krippendorff_alpha
from annotator.model.unitcounts import count_values, unit_count

from .nltk_reference import assert_same, figures, nltk_alpha, nltk_kappa, reference

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# a coding: units × coders, a value or None (the coder has no value for the unit)
codings = st.integers(2, 4).flatmap(
    lambda coders: st.lists(
        st.lists(st.one_of(st.none(), st.sampled_from("abc")), min_size=coders, max_size=coders),
        min_size=0,
        max_size=25,
    )
)


def triples_of(coding: list[list[str | None]]) -> list[tuple[int, int, str]]:
    return [(c, u, v) for u, row in enumerate(coding) for c, v in enumerate(row) if v is not None]


def close(mine: float | None, theirs: float | None) -> bool:
    if mine is None or theirs is None:
        return mine is None and theirs is None
    return abs(mine - theirs) <= 1e-12


@FAST
@given(codings)
def test_alpha_equals_nltk_on_random_codings_with_missing_values(coding: list[list[str | None]]) -> None:
    triples = triples_of(coding)
    assert close(krippendorff_alpha(triples), nltk_alpha(triples))


@FAST
@given(
    st.integers(1, 30).flatmap(lambda n: st.tuples(*[st.lists(st.sampled_from("abcd"), min_size=n, max_size=n)] * 2))
)
def test_kappa_equals_nltk_on_random_pairs(pair: tuple[list[str], list[str]]) -> None:
    a, b = pair
    assert close(cohen_kappa(a, b), nltk_kappa(a, b))


@pytest.mark.parametrize(
    ("coding", "expected"),
    [
        ([["a", "a"], ["a", "a"], ["a", None]], None),  # a single value: undefined (nltk: 1)
        ([["a", "a", "a"], ["b", "b", None], ["c", "c", "c"]], 1.0),  # all agreeing
        ([["a", None], [None, "b"]], None),  # no unit with two values
        ([], None),
    ],
)
def test_degenerate_codings(coding: list[list[str | None]], expected: float | None) -> None:
    triples = triples_of(coding)
    mine, theirs = krippendorff_alpha(triples), nltk_alpha(triples)
    assert close(mine, theirs)
    if expected is not None:
        assert mine == expected


def test_all_disagreeing_and_ties_give_nltks_negative_alpha_and_kappa() -> None:
    coding: list[list[str | None]] = [["a", "b"], ["b", "a"], ["a", "b"], ["b", "a"]]
    assert krippendorff_alpha(triples_of(coding)) == pytest.approx(nltk_alpha(triples_of(coding)), abs=1e-12)
    assert (krippendorff_alpha(triples_of(coding)) or 0) < -0.5  # worse than chance
    assert cohen_kappa("abab", "baba") == pytest.approx(-1.0, abs=1e-12) == nltk_kappa("abab", "baba")
    tie: list[list[str | None]] = [["a", "a", "b", "b"], ["a", "b", "a", "b"], ["c", "c", "c", "c"]]
    assert close(krippendorff_alpha(triples_of(tie)), nltk_alpha(triples_of(tie)))
    assert cohen_kappa("aaaa", "bbbb") == nltk_kappa("aaaa", "bbbb") == 0.0  # variation, no agreement
    assert cohen_kappa("aaa", "aaa") is None  # nltk: 1.0


def test_a_unit_added_many_times_counts_as_many_units() -> None:
    once, many = AlphaCounts(), AlphaCounts()
    rows = [("a", "a", "b"), ("b", "b"), ("a", "c"), ("c", "c", "c")]
    for row, times in zip(rows, (3, 5, 2, 7), strict=True):
        many.add_unit(row, times)
        for _ in range(times):
            once.add_unit(row)
    assert many.alpha() == once.alpha() is not None


def test_python_white_space_in_regular_expressions_is_str_isspace() -> None:
    # unitcounts finds white space with re's \s; the units are defined by str.isspace
    space = re.compile(r"\s")
    differ = [cp for cp in range(sys.maxunicode + 1) if bool(space.match(chr(cp))) != chr(cp).isspace()]
    assert differ == []


texts = st.text(alphabet=st.sampled_from("اب پ\u200c \t\n\u00a0x"), max_size=40)
spans = st.lists(st.tuples(st.integers(0, 3), st.integers(-2, 44), st.integers(-2, 44)), max_size=8)


@FAST
@given(texts, st.lists(st.one_of(st.none(), spans), min_size=1, max_size=4))
def test_unit_counts_equal_a_count_code_point_by_code_point(
    text: str, coders: list[list[tuple[int, int, int]] | None]
) -> None:
    coverage = [None if c is None else [(1 << bit, s, e) for bit, s, e in c] for c in coders]
    by_point: Counter[tuple[int | None, ...]] = Counter()
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        by_point[
            tuple(None if c is None else sum({f for f, s, e in c if s <= i < e}) for c in coverage)
        ] += 1  # fmt: skip
    assert count_values(text, coverage) == by_point
    assert unit_count(text) == sum(1 for ch in text if not ch.isspace())


LABELS = ["X", "Y", "Z"]
span_keys = st.tuples(st.sampled_from(LABELS), st.integers(-1, 30), st.integers(0, 32))
coder_annotations = st.builds(
    lambda spans, attrs: CoderAnnotations(
        spans=spans, attributes={s: {"pos": v} for s, v in zip(spans, attrs, strict=False) if v is not None}
    ),
    st.lists(span_keys, max_size=6),
    st.lists(st.one_of(st.none(), st.sampled_from(["for", "against"])), max_size=6),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.sampled_from(["d1", "d2", "d3"]), texts, min_size=1),
    st.dictionaries(
        st.sampled_from(["d1", "d2", "d3"]),
        st.dictionaries(st.sampled_from(["A", "B", "C"]), coder_annotations, min_size=1),
    ),
    st.sampled_from([["A", "B"], ["A", "B", "C"], ["C", "A"]]),
)
def test_compare_gives_the_old_nltk_figures(
    docs: dict[str, str], annotations: dict[str, dict[str, CoderAnnotations]], coders: list[str]
) -> None:
    report = compare(docs, annotations, coders, labels=LABELS)
    assert_same(figures(report), reference(docs, annotations, coders, LABELS))


def test_compare_on_a_case_with_every_kind_of_unit() -> None:
    # three coders, one without the second document; overlapping and stacked spans
    text = "ab cd\u200cef gh ij"
    ann: dict[str, dict[str, Any]] = {
        "one": {
            "A": CoderAnnotations([("X", 0, 5), ("Y", 3, 9), ("X", 1, 2)]),
            "B": CoderAnnotations([("X", 0, 2), ("Y", 3, 12)]),
            "C": CoderAnnotations([("Y", 0, 15)]),
        },
        "two": {"A": CoderAnnotations([("X", 0, 4)]), "B": CoderAnnotations([("Y", 6, 8)])},
    }
    report = compare({"one": text, "two": text}, ann, ["A", "B", "C"], labels=["X", "Y"])
    assert_same(figures(report), reference({"one": text, "two": text}, ann, ["A", "B", "C"], ["X", "Y"]))
    assert report.units == 2 * sum(1 for ch in text if not ch.isspace())
