"""User-perceived characters (grapheme clusters) as code-point spans, end exclusive.

A reader sees 👍🏽 (thumb + skin tone), 👨‍👩‍👧 (three people joined by ZWJ), 🇮🇷 (two
regional indicators), 1️⃣ (digit, VS16, keycap), ❤️ (heart, VS16), بِّ or é (a letter and
its marks) as one character each, although each is several code points. A token or span
edge between those code points would cut a character in two: an exported token line with
a lone 🏽, a tag that covers half a flag. Every place that makes token edges or snaps a
selection, and the search for each of its hits (match.py), asks this module where a
character begins and ends.

The rules are Unicode's extended grapheme clusters (UAX #29), from the ``regex`` module's
``\\X`` (it follows the current Unicode release, emoji sequences and Indic conjuncts
included), with two deliberate departures:

* White space is always a cluster of its own. UAX #29 attaches a mark that follows a space
  (or a Prepend character such as U+06DD before one) to it; in our texts a space only ever
  separates words, and every format we write splits tokens at white space.
* A ZWNJ (U+200C) is a cluster of its own. UAX #29 makes it extend the letter before it
  (its class is Extend), and a mark after it extend the ZWNJ, but in Persian it is an
  invisible join control between the parts of a word (``نخست‌وزیر``), never a
  character a reader sees, and one at a word's edge is trimmed from tokens and
  selections, as it always was.

Nothing here imports Qt (the article view asks QTextBoundaryFinder, which follows the same
rules, for what it draws).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex

__all__ = ["cluster_at", "clusters", "cut_clusters", "inside", "is_boundary", "widen", "widen_spans"]

Span = tuple[int, int]

# A character after which a break may be forbidden (GB6-8 Hangul, GB9b Prepend, GB11 ZWJ,
# GB12-13 regional indicators; GB3's CR LF is white space) ...
_JOINS_NEXT_CLASS = r"[\p{GCB=Prepend}\p{GCB=ZWJ}\p{GCB=RI}\p{GCB=L}\p{GCB=V}\p{GCB=LV}\p{GCB=LVT}\p{GCB=T}]"
# ... and one before which it may be (GB9 Extend/ZWJ, GB9a SpacingMark, GB9c conjuncts).
_JOINS_PREVIOUS_CLASS = (
    r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=RI}\p{GCB=V}\p{GCB=T}\p{InCB=Consonant}--\u200c]"
)


@cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """\\X and the three classes, compiled when first asked: importing `regex` and compiling
    them took 11 ms of the program's start, before its first frame, which needs none of
    them (the window makes them right after that frame, before any key is handled)."""
    import regex

    return (
        regex.compile(r"\X"),
        regex.compile(_JOINS_NEXT_CLASS),
        regex.compile(_JOINS_PREVIOUS_CLASS, regex.V1),
        regex.compile(r"\p{GCB=Prepend}"),
    )


def _clusters_of(text: str) -> Any:
    return _patterns()[0].finditer(text)


def warm_up() -> None:
    """Compile the patterns now (the window, right after its first frame)."""
    _patterns()


_ZWNJ = "\u200c"
# How far either way a cluster is looked for: a longer one (hundreds of stacked marks)
# is cut there rather than making every look-up read the whole run.
_REACH = 128


class _Classes(dict[str, bool]):
    """ch -> whether some rule may join it to the character before it (index 2 of the
    patterns) or after it (index 1), classified on first look and kept: a plain dict
    look-up after that, cheap enough for a loop over thousands of edges."""

    def __init__(self, pattern: int) -> None:
        super().__init__()
        self._pattern = pattern

    def __missing__(self, ch: str) -> bool:
        joins = self[ch] = _patterns()[self._pattern].match(ch) is not None
        return joins


# A caller that checks many edges (persian/match.py, a search's every hit) may look these
# up first and ask inside() only where one is true: where neither is, inside() is None.
joins_previous: dict[str, bool] = _Classes(2)
joins_next: dict[str, bool] = _Classes(1)
# UAX #29's Prepend (GB9b): signs written before what they enclose or number, U+06DD END
# OF AYAH and the Arabic number signs U+0600-U+0605 before digits (persian/match.py)
prepends: dict[str, bool] = _Classes(3)


def _hard_break(text: str, pos: int) -> bool:
    """True where our departures force a break before ``text[pos]`` (0 < pos < len)."""
    before, after = text[pos - 1], text[pos]
    return after.isspace() or before.isspace() or after == _ZWNJ or before == _ZWNJ


def clusters(text: str) -> Iterator[Span]:
    """Every cluster of ``text`` in order, as (start, end)."""
    for m in _clusters_of(text):
        start, end = m.span()
        cuts = [pos for pos in range(start + 1, end) if _hard_break(text, pos)]
        if not cuts:
            yield start, end
            continue
        for a, b in zip([start, *cuts], [*cuts, end], strict=True):
            # each piece between forced breaks is clustered on its own, as inside() does:
            # in 👍🏽 ZWNJ ZWJ 👍🏽 the ZWJ after the ZWNJ joins nothing before it (\X over the
            # whole text had made "ZWJ 👍🏽" one cluster, inside() two)
            for piece in _clusters_of(text[a:b]):
                yield piece.start() + a, piece.end() + a


def inside(text: str, pos: int) -> Span | None:
    """The cluster that ``pos`` falls strictly inside, or None when ``pos`` is a boundary
    (0 and len(text) always are). Looks at a few characters around ``pos`` only."""
    if pos <= 0 or pos >= len(text) or _hard_break(text, pos):
        return None
    if not joins_previous[text[pos]] and not joins_next[text[pos - 1]]:
        return None  # no rule can join these two: the common case, decided here
    lo = pos - 1
    floor = max(0, pos - _REACH)
    while lo > floor and not _hard_break(text, lo):
        lo -= 1
    hi = pos + 1
    ceiling = min(len(text), pos + _REACH)
    while hi < ceiling and not _hard_break(text, hi):
        hi += 1
    # lo..hi has no forced break inside, so \X over it alone gives its clusters
    for m in _clusters_of(text[lo:hi]):
        start, end = m.start() + lo, m.end() + lo
        if start < pos < end:
            return start, end
        if end >= pos:
            break
    return None


def cluster_at(text: str, pos: int) -> Span:
    """The cluster holding the character at ``pos`` (0 <= pos < len(text))."""
    around = inside(text, pos)
    if around is not None:
        return around
    after = inside(text, pos + 1)
    return (pos, after[1]) if after is not None else (pos, pos + 1)


def is_boundary(text: str, pos: int) -> bool:
    """True when a token or span edge may fall at ``pos``."""
    return inside(text, pos) is None


def widen(text: str, start: int, end: int) -> Span:
    """``[start, end)`` widened outwards so that neither edge cuts a cluster."""
    around = inside(text, start)
    if around is not None:
        start = around[0]
    around = inside(text, end)
    if around is not None:
        end = around[1]
    return start, end


def cut_clusters(text: str, spans: list[Span]) -> list[Span]:
    """The clusters of ``text`` that an edge of one of ``spans`` (sorted, disjoint) falls
    inside, in order. Cheap when there are none: only the characters some rule joins to
    a neighbour are looked at, once each."""
    joiners = [ch for ch in set(text) if joins_previous[ch] or joins_next[ch]]
    if not joiners:
        return []
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    found: dict[Span, None] = {}
    for m in re.finditer("[" + "".join(map(re.escape, joiners)) + "]", text):
        for pos in (m.start(), m.end()):
            around = inside(text, pos)
            if around is not None and around not in found:
                # the first start and the first end after the cluster's start
                k, j = bisect_right(starts, around[0]), bisect_right(ends, around[0])
                if (k < len(starts) and starts[k] < around[1]) or (j < len(ends) and ends[j] < around[1]):
                    found[around] = None
    return sorted(found)


def widen_spans(text: str, spans: list[Span]) -> list[Span]:
    """Sorted disjoint spans widened to whole clusters; spans that then overlap (the two
    halves of 👍🏽, the people of a ZWJ family) are merged into one. Spans already on
    cluster edges come back unchanged (the very list), so do the lists of texts without
    such clusters."""
    if not cut_clusters(text, spans):
        return spans
    out: list[Span] = []
    for s, e in spans:
        s, e = widen(text, s, e)
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out
