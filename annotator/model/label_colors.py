"""Colours for new labels: each label of a project gets its own.

An import used to give the labels it brought the colours of a cycle of seven, so a corpus
of 20 labels showed ORG, org and DAT in one pink. New labels now take, in order, the first
colours of PALETTE that no label of the project has; past its end, the same hues lighter or
darker, never a colour a label already has. Colours already in a project are never changed.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable

# Sasha Trubetskoy's distinct colours (sashamaps.net/docs/resources/20-colors): the seven
# the import used first (a project of up to seven imported labels looks as before), the
# default labels' three next, the pale ones last (they show least as a button's edge;
# beige, none at all on a light theme, left out)
PALETTE = (
    "#f58231",  # orange
    "#911eb4",  # purple
    "#46f0f0",  # cyan
    "#f032e6",  # magenta
    "#bcf60c",  # lime
    "#008080",  # teal
    "#9a6324",  # brown
    "#e6194b",  # red (actor)
    "#3cb44b",  # green (location)
    "#4363d8",  # blue (claim)
    "#800000",  # maroon
    "#000075",  # navy
    "#808000",  # olive
    "#ffe119",  # yellow
    "#808080",  # grey
    "#e6beff",  # lavender
    "#fabebe",  # pink
    "#aaffc3",  # mint
    "#ffd8b1",  # apricot
)

# lightness steps for the rounds past the palette: darker, then lighter, then further
_SHIFTS = (-0.18, 0.18, -0.3, 0.3, -0.09, 0.09, -0.24, 0.24)


def _shifted(color: str, shift: float) -> str:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    lightness = min(0.85, max(0.15, lightness + shift))
    return "#" + "".join(f"{round(c * 255):02x}" for c in colorsys.hls_to_rgb(h, lightness, s))


def _candidates() -> Iterable[str]:
    yield from PALETTE
    for shift in _SHIFTS:
        for color in PALETTE:
            yield _shifted(color, shift)
    n = 0
    while True:  # beyond 180 labels: hues around the circle (golden angle), never ending
        n += 1
        r, g, b = colorsys.hls_to_rgb((n * 0.381966) % 1.0, 0.35 + 0.3 * ((n * 0.618034) % 1.0), 0.75)
        yield "#" + "".join(f"{round(c * 255):02x}" for c in (r, g, b))


def new_colors(taken: Iterable[str], count: int) -> list[str]:
    """`count` colours ("#rrggbb"), none of them in `taken` (the project's labels' colours,
    compared without regard to case) nor the same as another."""
    used = {c.lower() for c in taken}
    found: list[str] = []
    if count <= 0:
        return found
    for color in _candidates():
        if color not in used:
            used.add(color)
            found.append(color)
            if len(found) == count:
                break
    return found
