"""Re-anchoring spans when a document's text has changed under its annotations.

A span stores the text it covers (brat's habit), so when someone edits the source the
span can be looked for again. Two ways, tried in order:

1. With the old text at hand: a word-level diff (difflib) of old against new text maps the
   span's first and last character through the unchanged stretches; the span is placed
   there when the new text still reads the same.
2. Otherwise, or when the mapped place reads differently: every occurrence of the span's
   text in the new text is a candidate; the one whose surroundings best match the old
   surroundings wins (context), then the one nearest the expected place. With the old text
   known, an ambiguous match needs some matching context, so that a short word whose
   sentence was deleted is not pinned to a random other use of the word.

Spans that cannot be placed are returned in `unplaced`, unchanged: the caller keeps them
(the store writes them under "unplaced" in the annotation file), never drops them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from .span import Span

CONTEXT = 24  # characters of surroundings compared on each side
MIN_CONTEXT = 6  # matching context needed to choose among several occurrences (old text known)
MAX_OCCURRENCES = 5000  # candidates looked at for one span

_TOKEN = re.compile(r"\w+|\s+|.", re.S)


@dataclass(frozen=True)
class ReanchorResult:
    placed: list[Span] = field(default_factory=list)  # with new offsets (text unchanged)
    unplaced: list[Span] = field(default_factory=list)  # exactly as given

    @property
    def moved(self) -> int:
        return len(self.placed)


def reanchor(old_spans: Iterable[Span], new_text: str, old_text: str | None = None) -> ReanchorResult:
    """Place `old_spans` (made on `old_text`, if known) on `new_text`. Pure: no side effects.

    Every span ends in exactly one of `placed` or `unplaced`; a placed span covers the same
    text it covered before (new_text[start:end] == span.text).
    """
    spans = list(old_spans)
    mapper = _OffsetMap(old_text, new_text) if old_text is not None else None
    placed: list[Span] = []
    unplaced: list[Span] = []
    for span in spans:
        where = _place(span, new_text, old_text, mapper)
        if where is None:
            unplaced.append(span)
        else:
            placed.append(replace(span, start=where, end=where + len(span.text)))
    return ReanchorResult(placed, unplaced)


def _place(span: Span, new: str, old: str | None, mapper: _OffsetMap | None) -> int | None:
    if not span.text:
        return None
    expected = span.start
    if mapper is not None and old is not None:
        first = mapper.char(span.start)
        last = mapper.char(span.end - 1)
        if first is not None and last is not None and new[first : last + 1] == span.text:
            return first
        expected = mapper.approximate(span.start)
    occurrences = _occurrences(new, span.text)
    if not occurrences:
        return None
    if old is None:
        return min(occurrences, key=lambda q: (abs(q - expected), q))
    before = old[max(0, span.start - CONTEXT) : span.start]
    after = old[span.end : span.end + CONTEXT]

    def score(q: int) -> tuple[int, int, int]:
        got_before = new[max(0, q - CONTEXT) : q]
        got_after = new[q + len(span.text) : q + len(span.text) + CONTEXT]
        context = _common_suffix(before, got_before) + _common_prefix(after, got_after)
        return (context, -abs(q - expected), -q)

    best = max(occurrences, key=score)
    if len(occurrences) > 1 and score(best)[0] < MIN_CONTEXT:
        return None
    return best


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    q = text.find(needle)
    while q != -1 and len(found) < MAX_OCCURRENCES:
        found.append(q)
        q = text.find(needle, q + 1)
    return found


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


class _OffsetMap:
    """Maps character offsets of the old text to the new one.

    The common beginning and end of the two texts map as they are (an edit in the middle
    never moves what is before or after it, however ambiguous a diff of repeated words
    would be); the changed middle goes through a word-level diff.
    """

    def __init__(self, old: str, new: str) -> None:
        limit = min(len(old), len(new))
        self._head = _common_prefix(old, new)
        self._tail = min(_common_prefix(old[::-1], new[::-1]), limit - self._head)
        self._old_len, self._new_len = len(old), len(new)
        old_mid = old[self._head : len(old) - self._tail]
        new_mid = new[self._head : len(new) - self._tail]
        self._old_starts, old_tokens = _tokens(old_mid, self._head)
        self._new_starts, new_tokens = _tokens(new_mid, self._head)
        from difflib import SequenceMatcher  # only a changed text needs it (10 ms of start-up)

        matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
        # (i1, i2, j1, j2, equal) per stretch of tokens, ordered by i1
        self._blocks = [(i1, i2, j1, j2, tag == "equal") for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
        self._block_starts = [b[0] for b in self._blocks]

    def _outside_middle(self, pos: int) -> int | None:
        if pos < self._head:
            return pos
        if pos >= self._old_len - self._tail:
            return pos - self._old_len + self._new_len
        return None

    def _block(self, token: int) -> tuple[int, int, int, int, bool] | None:
        k = bisect.bisect_right(self._block_starts, token) - 1
        while 0 <= k < len(self._blocks):
            block = self._blocks[k]
            if block[0] <= token < block[1]:
                return block
            if block[0] > token:
                return None
            k += 1  # empty (insert) blocks share their i1 with the next one
        return None

    def char(self, pos: int) -> int | None:
        """The new offset of the old character at `pos`, when it lies in unchanged text."""
        outside = self._outside_middle(pos)
        if outside is not None:
            return outside
        token = bisect.bisect_right(self._old_starts, pos) - 1
        if token < 0:
            return None
        block = self._block(token)
        if block is None or not block[4]:
            return None
        i1, _i2, j1, _j2, _equal = block
        return self._new_starts[j1 + token - i1] + pos - self._old_starts[token]

    def approximate(self, pos: int) -> int:
        """Where old offset `pos` roughly is in the new text (for choosing among matches)."""
        exact = self.char(pos)
        if exact is not None:
            return exact
        token = max(0, bisect.bisect_right(self._old_starts, pos) - 1)
        block = self._block(token)
        if block is None:
            return min(pos, self._new_len)
        j1 = block[2]
        return self._new_starts[j1] if j1 < len(self._new_starts) else self._new_len - self._tail


def _tokens(text: str, offset: int = 0) -> tuple[list[int], Sequence[str]]:
    starts: list[int] = []
    tokens: list[str] = []
    for match in _TOKEN.finditer(text):
        starts.append(offset + match.start())
        tokens.append(match.group())
    return starts, tokens
