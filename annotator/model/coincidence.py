"""Krippendorff's nominal alpha and Cohen's kappa from counts, not from per-unit objects.

Both coefficients depend on the data only through a few counts (Krippendorff 2011,
"Computing Krippendorff's Alpha-Reliability": the coincidence matrix; Cohen 1960: the
contingency table of a pair's values), so a unit is added once with how many times it
occurs, and a run of units with the same values costs one call. The arithmetic is exact
(integers and fractions) until the last step; nltk's AnnotationTask, which computed these
figures before and is the reference in the tests, sums floats and agrees to about 1e-15.

Degenerate cases answer None (undefined) where nltk would say 1: no variation at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, TypeVar

V = TypeVar("V", bound=Hashable)


class AlphaCounts:
    """Nominal alpha's sufficient statistics: n_v (how often value v was paired) and the
    observed disagreement Σ_u (m_u² − Σ_v n_uv²) / (m_u − 1), kept as integers by m_u.

    alpha = 1 − (n − 1) · Σ_u D_u/(m_u − 1) / (n² − Σ_v n_v²), which is nltk's
    1 − D_o/D_e (D_o = total_do / n, D_e = pairs / (n(n − 1))) written without floats.
    """

    def __init__(self) -> None:
        self.totals: Counter[Hashable] = Counter()
        self.disagreement: dict[int, int] = {}  # m_u -> Σ over those units of (m_u² − Σ n_uv²)

    def add_unit(self, values: Sequence[Hashable], times: int = 1) -> None:
        """A unit whose coders gave `values` (one per coder who has a value), `times`
        times. A unit with fewer than two values is not pairable: alpha leaves it out."""
        m = len(values)
        if m < 2 or times <= 0:
            return
        counts = Counter(values)
        for value, k in counts.items():
            self.totals[value] += k * times
        pairs = m * m - sum(k * k for k in counts.values())  # ordered pairs of unequal values
        if pairs:
            self.disagreement[m] = self.disagreement.get(m, 0) + pairs * times

    def alpha(self) -> float | None:
        """None when undefined: no pairable unit, or a single value throughout."""
        if len(self.totals) < 2:
            return None
        n = sum(self.totals.values())
        expected = n * n - sum(k * k for k in self.totals.values())
        observed = sum((Fraction(d, m - 1) for m, d in self.disagreement.items()), Fraction(0))
        return float(1 - observed * (n - 1) / expected)


def krippendorff_alpha(triples: Iterable[tuple[Any, Hashable, Hashable]]) -> float | None:
    """Nominal alpha over (coder, unit, value) triples, as nltk's AnnotationTask(triples)
    .alpha() reads them (a unit's values are all its triples); None when undefined."""
    by_unit: dict[Hashable, list[Hashable]] = {}
    for _coder, unit, value in triples:
        by_unit.setdefault(unit, []).append(value)
    counts = AlphaCounts()
    for values in by_unit.values():
        counts.add_unit(values)
    return counts.alpha()


def kappa_from_table(table: Mapping[tuple[V, V], int]) -> float | None:
    """Cohen's kappa from a contingency table {(value of A, value of B): units}.

    κ = (A_o − A_e)/(1 − A_e) with A_o = Σ_v t_vv / N and A_e = Σ_v n_A,v·n_B,v / N²,
    i.e. (N·Σ_v t_vv − Σ_v n_A,v·n_B,v) / (N² − Σ_v n_A,v·n_B,v) in integers. None without
    variation (no unit, or both coders gave one and the same value throughout).
    """
    n = sum(table.values())
    by_a: Counter[V] = Counter()
    by_b: Counter[V] = Counter()
    same = 0
    for (va, vb), k in table.items():
        by_a[va] += k
        by_b[vb] += k
        if va == vb:
            same += k
    if n == 0 or len(by_a.keys() | by_b.keys()) < 2:
        return None
    chance = sum(k * by_b[v] for v, k in by_a.items())
    denominator = n * n - chance
    if denominator == 0:
        return None
    return float(Fraction(n * same - chance, denominator))


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two coders' values on the same units; None without variation."""
    if len(a) != len(b):
        raise ValueError("both coders need a value for every unit")
    return kappa_from_table(Counter(zip(a, b, strict=True)))
