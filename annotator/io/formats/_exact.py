"""Token-based exports (CoNLL, WebAnno TSV) carry exactly the text that was tagged.

A span may start or end inside a token: a whole-word search treats '-' as a word edge,
so «تهران» is tagged inside the one token «کرج-تهران-کرج»; a selection may take «وزیر»
of «نخست‌وزیر». Widening the span to the whole token would put text nobody tagged into a
training file. Instead the token is split at the span's edges:

* it is cut exactly at each edge, never inside a user-perceived character (the edges are
  first widened to whole grapheme clusters, annotator/persian/graphemes.py);
* a run of punctuation or symbols touching a cut becomes a token of its own
  (``کرج-تهران-کرج`` -> ``کرج`` ``-`` ``تهران`` ``-`` ``کرج``, not ``کرج-`` ``تهران`` ``-کرج``);
  punctuation elsewhere in the token stays where it was;
* a ZWNJ, white space or other invisible format character (a direction mark) left at a
  piece's edge is not part of the piece, as word_spans never starts or ends a token with
  a ZWNJ (``نخست‌وزیر`` -> ``نخست`` ``وزیر``); a piece of nothing else is no token.

Tokens no span edge falls inside are untouched: a text whose spans sit on token
boundaries is written exactly as before. spaCy's ``Doc.char_span`` (alignment_mode
"strict" returns None, "contract"/"expand" snap to tokens) answers the same misalignment
by dropping or moving the span; our text is the source of truth, so the tokens move.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from ...persian.graphemes import cluster_at, widen

Span = tuple[int, int]

_INVISIBLE = "\u200c"  # ZWNJ: never at a token's edge


def _blank(ch: str) -> bool:
    return ch.isspace() or ch == _INVISIBLE


def _invisible(ch: str) -> bool:
    """Not a piece's edge: white space and format characters (ZWNJ, a direction mark
    hazm left in a token ...); a cut must not leave one as a token line of its own."""
    return ch.isspace() or unicodedata.category(ch) == "Cf"


class Exact(NamedTuple):
    """A span's edges as written: `start`/`end` without white space or ZWNJ at either end
    (what it tags: a selection that took the space after a word still ends with the word),
    `cuts` where tokens are split for it (its edges widened to whole characters: a ZWNJ
    or space at a cut then belongs to no piece), and whether widening `moved` an edge."""

    start: int
    end: int
    cuts: tuple[int, int]
    moved: bool


def exact_edges(text: str, start: int, end: int) -> Exact | None:
    """The span [start, end) as written, or None for a span of nothing but white space or
    ZWNJ (it covers no token)."""
    s, e = widen(text, start, end)
    a, b = s, e
    while a < b and _blank(text[a]):
        a += 1
    while b > a and _blank(text[b - 1]):
        b -= 1
    return Exact(a, b, (s, e), (s, e) != (start, end)) if a < b else None


def _punctuation(text: str, cluster: Span) -> bool:
    return unicodedata.category(text[cluster[0]])[0] in "PS"


def _cuts(text: str, start: int, end: int, edge: int) -> list[int]:
    """The cut at `edge` inside the token [start, end), and the far side of a run of
    punctuation clusters touching it on either side."""
    cuts = [edge]
    left = edge
    while left > start:
        cluster = cluster_at(text, left - 1)
        if cluster[1] != left or cluster[0] < start or not _punctuation(text, cluster):
            break
        left = cluster[0]
    right = edge
    while right < end:
        cluster = cluster_at(text, right)
        if cluster[0] != right or cluster[1] > end or not _punctuation(text, cluster):
            break
        right = cluster[1]
    return [*cuts, left, right]


def split_tokens(text: str, tokens: list[Span], edges: Iterable[int]) -> tuple[list[Span], int]:
    """`tokens` (sorted, disjoint) with every token that one of `edges` falls strictly
    inside split there, and the number of tokens split. The very list (and 0) when no
    edge falls inside a token."""
    starts = [s for s, _ in tokens]
    inner: dict[int, set[int]] = {}
    for edge in edges:
        k = bisect_right(starts, edge) - 1
        if k >= 0 and starts[k] < edge < tokens[k][1]:
            inner.setdefault(k, set()).add(edge)
    if not inner:
        return tokens, 0
    out: list[Span] = []
    split = 0
    for k, (start, end) in enumerate(tokens):
        if k not in inner:
            out.append((start, end))
            continue
        cuts = {start, end}
        for edge in inner[k]:
            cuts.update(_cuts(text, start, end, edge))
        points = sorted(cuts)
        pieces: list[Span] = []
        for a, b in pairwise(points):
            while a < b and _invisible(text[a]):
                a += 1
            while b > a and _invisible(text[b - 1]):
                b -= 1
            if a < b:
                pieces.append((a, b))
        split += pieces != [(start, end)]  # a mark cut off and dropped counts too
        out += pieces
    return out, split


def token_range(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int]:
    """The first and last token that [start, end) touches (first > last: none)."""
    return bisect_right(ends, start), bisect_left(starts, end) - 1


SPLIT = "tokens split at span edges so that the spans are exact"
WIDENED = "span edges inside a character moved to the character's edge"
