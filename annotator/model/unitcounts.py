"""The agreement units of a document, counted by what the coders gave them (docs/team.md).

A unit is a code point that is not white space (`str.isspace`). A coder's value on a unit
is the bit mask of the labels whose spans cover it (bit i: the i-th compared label), or
None when the coder has no file for the document. Between two consecutive span edges
(any coder's) every unit has the same values, so a document costs one step per stretch
between edges, not one per code point: the result maps each tuple of values (one per
coder, in the given order) to the number of units that have it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

Values = tuple[int | None, ...]  # one label mask per coder, None: no file for the document
Coverage = Sequence[tuple[int, int, int]]  # (label bit flag, start, end) of one coder's spans

# Python's `\s` on str patterns is Py_UNICODE_ISSPACE, the same test as str.isspace
# (tests/unit/team/test_coincidence.py checks every code point).
_SPACE = re.compile(r"\s")


def unit_count(text: str) -> int:
    return len(text) - sum(1 for _ in _SPACE.finditer(text))


def count_values(text: str, coders: Sequence[Coverage | None]) -> Counter[Values]:
    """How many units of `text` have each tuple of values. `coders[i]` is coder i's spans
    as (flag, start, end), code points, end exclusive (clipped to the text), or None."""
    size = len(text)
    clipped: list[list[tuple[int, int, int]] | None] = []
    edges = {0, size}
    for spans in coders:
        if spans is None:
            clipped.append(None)
            continue
        kept = [(flag, max(start, 0), min(end, size)) for flag, start, end in spans if min(end, size) > max(start, 0)]
        clipped.append(kept)
        for _, start, end in kept:
            edges.add(start)
            edges.add(end)
    cuts = sorted(edges)
    index = {position: i for i, position in enumerate(cuts)}
    stretches = len(cuts) - 1
    masks: list[list[int] | None] = []
    for stretched in clipped:
        if stretched is None:
            masks.append(None)
            continue
        mask = [0] * stretches
        for flag, start, end in stretched:
            for i in range(index[start], index[end]):
                mask[i] |= flag
        masks.append(mask)
    spaces = [m.start() for m in _SPACE.finditer(text)]
    found: Counter[Values] = Counter()
    for i in range(stretches):
        start, end = cuts[i], cuts[i + 1]
        units = end - start - (bisect_left(spaces, end) - bisect_left(spaces, start))
        if units:
            found[tuple(None if mask is None else mask[i] for mask in masks)] += units
    return found
