"""Conversion between Unicode code-point offsets and UTF-16 code-unit offsets.

Our files store spans as code-point offsets (Python ``str`` indices, end exclusive).
Qt (``QTextCursor.position()``), JavaScript, Label Studio and WebAnno count UTF-16 code
units, in which every astral character (U+10000 and above, e.g. most emoji) takes two
units.  This module is the only place where the two are converted; everything else in
the project speaks code points.

Design:

* Most Persian news texts contain no astral character at all, so the map is the
  identity and every call is O(1).  Detecting that costs one ``encode`` of the text.
* Otherwise the map keeps the sorted code-point positions of the astral characters and
  answers with :func:`bisect.bisect_left`, O(log k) for k astral characters.
* A UTF-16 offset that falls between the two halves of a surrogate pair has no code-point
  equivalent.  By default :meth:`Utf16Map.to_codepoint` raises :class:`ValueError`
  (silently moving a stored offset would corrupt annotations); callers that handle
  positions coming from a live editor can pass ``snap="down"`` or ``snap="up"``.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from typing import Literal

__all__ = [
    "Snap",
    "Utf16Map",
    "cp_to_utf16",
    "utf16_len",
    "utf16_to_cp",
]

Snap = Literal["down", "up"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _narrow(text: str) -> bool:
    """True when CPython keeps text in one or two bytes a code point (PEP 393), which it
    does only when no code point is above U+FFFF: then both offset systems agree, and a
    1 M-character article's map is made without encoding it (0.4 ms of the first frame).
    False also when it cannot tell (a short text: the header outweighs the characters)."""
    return sys.getsizeof(text) < 4 * len(text)


class Utf16Map:
    """Offset map between code points and UTF-16 code units for one fixed text.

    Build it once per text (cheap: a single encode, plus a regex scan only when the text
    contains astral characters) and call it as often as needed.
    """

    __slots__ = ("_astral_cp", "_astral_u16", "_length", "_utf16_length")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        if _narrow(text):  # no astral character, known without reading the text
            self._utf16_length = self._length
            self._astral_cp: list[int] = []
            self._astral_u16: list[int] = []
            return
        # utf-16-le has no BOM, so byte length / 2 is exactly the code-unit count.
        self._utf16_length = len(text.encode("utf-16-le", "surrogatepass")) // 2
        if self._utf16_length == self._length:
            # Fast path: no astral character, conversion is the identity.
            self._astral_cp = []
            self._astral_u16 = []
            return
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)]
        # The k-th astral char is preceded by k others, each one unit longer.
        self._astral_u16 = [cp + k for k, cp in enumerate(self._astral_cp)]

    @property
    def length(self) -> int:
        """Length of the text in code points."""
        return self._length

    @property
    def utf16_length(self) -> int:
        """Length of the text in UTF-16 code units."""
        return self._utf16_length

    @property
    def is_identity(self) -> bool:
        """True when the text has no astral character (both offset systems agree)."""
        return not self._astral_cp

    def to_utf16(self, cp: int) -> int:
        """Convert a code-point offset (0..length inclusive) to a UTF-16 offset."""
        if not 0 <= cp <= self._length:
            raise ValueError(f"code-point offset {cp} outside 0..{self._length}")
        if not self._astral_cp:
            return cp
        # Every astral char strictly before cp adds one extra unit.
        return cp + bisect_left(self._astral_cp, cp)

    def to_codepoint(self, u16: int, snap: Snap | None = None) -> int:
        """Convert a UTF-16 offset (0..utf16_length inclusive) to a code-point offset.

        An offset between the two surrogates of one character raises ``ValueError``
        unless ``snap`` is given: ``"down"`` returns the offset before that character,
        ``"up"`` the offset after it.
        """
        if not 0 <= u16 <= self._utf16_length:
            raise ValueError(f"UTF-16 offset {u16} outside 0..{self._utf16_length}")
        if not self._astral_u16:
            return u16
        k = bisect_left(self._astral_u16, u16)  # astral chars starting before u16
        if k and self._astral_u16[k - 1] + 1 == u16:
            if snap is None:
                raise ValueError(f"UTF-16 offset {u16} splits a surrogate pair")
            before = self._astral_cp[k - 1]
            return before if snap == "down" else before + 1
        return u16 - k

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        """Convert a code-point span (end exclusive) to a UTF-16 span."""
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_codepoint(self, start: int, end: int) -> tuple[int, int]:
        """Convert a UTF-16 span to code points, widening a split surrogate outwards.

        Widening (start down, end up) keeps the whole character rather than dropping it,
        which is what a user selecting half of an emoji in an editor meant.
        """
        if start > end:
            raise ValueError(f"inverted span ({start}, {end})")
        return self.to_codepoint(start, snap="down"), self.to_codepoint(end, snap="up")


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def cp_to_utf16(text: str, cp: int) -> int:
    """One-off code point to UTF-16 conversion; build a :class:`Utf16Map` for many."""
    if not 0 <= cp <= len(text):
        raise ValueError(f"code-point offset {cp} outside 0..{len(text)}")
    return utf16_len(text[:cp])


def utf16_to_cp(text: str, u16: int, snap: Snap | None = None) -> int:
    """One-off UTF-16 to code point conversion; see :meth:`Utf16Map.to_codepoint`."""
    return Utf16Map(text).to_codepoint(u16, snap)
