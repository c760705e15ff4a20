"""Persian-aware search that reports spans in the original text.

Folding maps a text to a search key in which spellings a reader considers the same are
equal.  What folds (both the document and the query get the same treatment):

* Arabic yeh ي (U+064A) and alef maksura ى (U+0649) -> Persian yeh ی (U+06CC)
* Arabic kaf ك (U+0643) -> Persian keheh ک (U+06A9)
* Persian (U+06F0-9) and Arabic-Indic (U+0660-9) digits -> ASCII digits
* teh marbuta ة and heh with yeh above ۀ -> heh ه; waw with hamza ؤ -> و
* alef variants أ إ آ ٱ -> ا, only while ``fold_alef=True`` (the default).  It is optional
  because آ is a distinct letter in Persian (آب "water" is not اب), but writers and
  keyboards are inconsistent enough that matching it loosely finds more than it confuses.
* diacritics (harakat U+064B-U+065F, superscript alef U+0670) and tatweel U+0640 are
  ignored, as are invisible format characters (ZWJ, LRM/RLM, bidi embeddings, BOM, soft
  hyphen, zero-width space), variation selectors VS1-VS16 (U+FE00-U+FE0F: ❤️ is ❤) and
  emoji skin tones (U+1F3FB-U+1F3FF: 👍🏽 is 👍), in the query as in the text: "👍🏽"
  finds 👍🏽, 👍 and 👍🏿, "❤️" finds ❤, "👍👍" finds 👍🏽👍
* ZWNJ counts as a space, and every run of whitespace/ZWNJ is a single space
* Latin (and other cased scripts) compare case-insensitively (``str.lower``)

Whole words (``whole_words=True``, what the window's Tag all uses by default): a match
counts only when, in the *folded* text, the character before it and the character after
it are not letters or digits (``str.isalnum``; or it is at the start/end), **and**, in the
*original* text, the character right before its start and the character at its end (the
span mapped back, trailing ignored marks included) are not ZWNJ (U+200C).  ZWNJ folds to
a space so that "نخست وزیر" finds "نخست‌وزیر", but it joins a word to its affix: "تهران"
is not a whole word in "تهرانی" nor in "تهران‌ها", and "وزیر" is not one in "نخست‌وزیر".
Any other index of these texts (an SQLite/FTS one) must give exactly these matches.

Whole characters: no match starts or ends inside a user-perceived character (a grapheme
cluster, persian/graphemes.py: 👍🏽, 🇮🇷, 👨‍👩‍👧, 1️⃣, ❤️, é written as e and a combining
accent, a letter and its marks), since a match tagged would hold half of one:

* a match that starts inside a cluster is dropped ("🇷" is not found in "🇮🇷"), unless
  only prepended signs come before it there (UAX #29's Prepend: U+06DD END OF AYAH, the
  Arabic number signs U+0600-U+0605 before digits): it is moved back over them, so "12"
  finds "۝١٢" whole, the number with its sign;
* a match that ends inside one is extended to the cluster's end when what follows its last
  character there only dresses it: what the fold ignores (harakat, variation selectors,
  skin tones), ideographic variation selectors (U+E0100-U+E01EF) and the Arabic script's
  other combining marks (Quranic signs, honorifics: "علی" finds "علیؑ" whole). So "👍"
  finds 👍🏽 whole and "❤" finds ❤️;
* otherwise it is dropped: "👨" is not found in the family 👨‍👩‍👧, "🇮" not in 🇮🇷, "1" not
  in 1️⃣, and "e" not in "é" written as e + U+0301 (as it is not in the one-character é).

A dropped match does not hide one overlapping it (the search goes on at its next
character, as after a match that is not a whole word). A text without clusters of several
code points gets exactly the matches it got before this rule, at the cost of one look at
the two characters around each edge of each match.

Folding is done with ``str.replace`` for the 1:1 replacements (only for characters that
occur) plus one regex pass for deletions and whitespace runs; the map back to the original is a run list (one entry per
stretch between removed characters), so a 15-million-character project costs little
memory and each match is mapped in O(log n).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

from .graphemes import inside, joins_next, joins_previous, prepends

__all__ = ["FoldedText", "SearchIndex", "context", "find_all", "fold"]

_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)  # every character for which str.isspace() is true (a test enforces it)

_ONE_TO_ONE: dict[int, str] = {
    0x064A: "ی",
    0x0649: "ی",
    0x0643: "ک",
    0x0629: "ه",
    0x06C0: "ه",
    0x0624: "و",
    0x200C: " ",  # ZWNJ
    0x0130: "i",  # İ is the one character whose lower() is two characters long
    # lower() picks σ or ς for Σ by context, which a query out of context cannot match
    0x03A3: "σ",
    0x03C2: "σ",
    **{0x06F0 + d: str(d) for d in range(10)},
    **{0x0660 + d: str(d) for d in range(10)},
    **{ord(c): " " for c in _WHITESPACE},
}
_ZWNJ = "\u200c"
_ALEF = {0x0623: "ا", 0x0625: "ا", 0x0622: "ا", 0x0671: "ا"}
# (old, new) pairs for chained str.replace: str.translate with a dict costs ~180 ns per
# non-Latin-1 character (a dict lookup each), ~30x more than scanning for the few
# characters that actually occur.  No "new" is ever an "old", so the order is free.
_PAIRS = {
    True: [(chr(k), v) for k, v in {**_ONE_TO_ONE, **_ALEF}.items()],
    False: [(chr(k), v) for k, v in _ONE_TO_ONE.items()],
}

_IGNORED_CHARS = [
    chr(c)
    for c in (
        *range(0x064B, 0x0660),
        0x0670,
        0x0640,  # harakat, superscript alef, tatweel
        0x00AD,
        0x200B,
        0x200D,
        0x200E,
        0x200F,  # soft hyphen, ZWSP, ZWJ, LRM, RLM
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0xFEFF,  # bidi controls, BOM
    )
]
# Variation selectors (VS1-VS16: ❤️ and ❤ are one heart, ☺️ and ☺︎ one face) and emoji
# skin tones (👍🏽 is a 👍) are ignored too, by the query as by the text: "👍🏽" finds 👍 and
# 👍🏿, "👍👍" finds 👍🏽👍, "❤️" finds ❤ (the hit widened over them, as over harakat).
# Kept apart from _IGNORED_CHARS: folding looks for the tones only in texts with
# characters beyond U+FFFF (a look at a Persian text costs nothing), for the selectors
# with one scan each.
_DRESS_IGNORED = [chr(c) for c in (*range(0xFE00, 0xFE10), *range(0x1F3FB, 0x1F400))]
_IGNORED_SET = frozenset(_IGNORED_CHARS + _DRESS_IGNORED)
_IGNORED = re.escape("".join(_IGNORED_CHARS + _DRESS_IGNORED))
# What may follow a match's last character inside its cluster without changing what it
# is (module docstring, "Whole characters"), besides the ignored characters (harakat,
# variation selectors VS1-16, emoji skin tones): the ideographic variation selectors and
# the Arabic script's combining marks (Unicode 15's Mn of its blocks) that the fold
# keeps. Not the keycap U+20E3, a ZWJ sequence's next person, a flag's second indicator
# or a Latin accent: those make another character.
_DRESSING = frozenset(
    chr(c)
    for r in (
        range(0xE0100, 0xE01F0),
        range(0x0610, 0x061B),
        range(0x06D6, 0x06DD),
        range(0x06DF, 0x06E5),
        range(0x06E7, 0x06E9),
        range(0x06EA, 0x06EE),
        range(0x0898, 0x08A0),
        range(0x08CA, 0x08E2),
        range(0x08E3, 0x0900),
        range(0x10EFD, 0x10F00),
    )
    for c in r
)
# Ignored characters anywhere, and spaces (with ignored characters) after a kept space.
_REMOVE = re.compile(f"(?<= )[ {_IGNORED}]+|[{_IGNORED}]+")


def _replace_all(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


class FoldedText:
    """A text, its folded search key and the map from key offsets back to the text."""

    __slots__ = ("_fold_starts", "_orig_starts", "_unmapped", "fold_alef", "folded", "text")

    def __init__(self, text: str, *, fold_alef: bool = True) -> None:
        self.text = text
        self.fold_alef = fold_alef
        translated = _replace_all(text, _PAIRS[fold_alef]).lower()
        # Run list: folded[fold_starts[k]:...] comes from text[orig_starts[k]:...];
        # empty for the identity map.
        self._fold_starts = array("q")
        self._orig_starts = array("q")
        self._unmapped: str | None = None
        present = [c for c in _IGNORED_CHARS if c in translated]
        present += [c for c in _DRESS_IGNORED if c in translated]
        if not present and "  " not in translated:
            self.folded = translated  # fast path: same length, identity map
            return
        # Same result as _REMOVE.sub("", translated), which is ~10x slower (the regex
        # engine tests every position against a character class).
        folded = translated
        for c in present:
            folded = folded.replace(c, "")
        while "  " in folded:
            folded = folded.replace("  ", " ")
        self.folded = folded
        # The run list costs a Python step per removed stretch; most documents are never
        # hit by a search, so it is built on the first mapping instead of here.
        self._unmapped = translated

    def _build_map(self, translated: str) -> None:
        # Built aside and assigned at the end, so a second thread mapping at the same
        # time at worst builds the same lists again.
        fold_starts, orig_starts = array("q"), array("q")
        o = f = 0
        for m in _REMOVE.finditer(translated):
            if m.start() > o:
                fold_starts.append(f)
                orig_starts.append(o)
                f += m.start() - o
            o = m.end()
        if o < len(translated):
            fold_starts.append(f)
            orig_starts.append(o)
        self._fold_starts, self._orig_starts = fold_starts, orig_starts
        self._unmapped = None

    def runs(self) -> tuple[array[int], array[int]]:
        """The map back to the text as two run lists (folded starts, original starts),
        both empty for the identity map: what an on-disk index stores beside the folded
        text so that :meth:`restore` gives this object back without folding again."""
        unmapped = self._unmapped
        if unmapped is not None:
            self._build_map(unmapped)
        return self._fold_starts, self._orig_starts

    @classmethod
    def restore(
        cls, text: str, folded: str, fold_starts: array[int], orig_starts: array[int], *, fold_alef: bool = True
    ) -> FoldedText:
        """The FoldedText of ``text`` from what :attr:`folded` and :meth:`runs` gave."""
        self = cls.__new__(cls)
        self.text, self.folded, self.fold_alef = text, folded, fold_alef
        self._fold_starts, self._orig_starts, self._unmapped = fold_starts, orig_starts, None
        return self

    def to_original(self, i: int) -> int:
        """Original offset of the folded character at ``i`` (``i == len(folded)`` maps
        to the end of the text)."""
        if not 0 <= i <= len(self.folded):
            raise ValueError(f"folded offset {i} outside 0..{len(self.folded)}")
        if i == len(self.folded):
            return len(self.text)
        unmapped = self._unmapped
        if unmapped is not None:
            self._build_map(unmapped)
        if not self._fold_starts:
            return i
        k = bisect_right(self._fold_starts, i) - 1
        return self._orig_starts[k] + i - self._fold_starts[k]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of ``folded[start:end]``.

        The end reaches the next kept character, so ignored marks after the last letter
        (a fatha, a tatweel) belong to the match, as a reader would select them.
        """
        if start > end:
            raise ValueError(f"inverted span ({start}, {end})")
        if start == end:
            p = self.to_original(start)
            return p, p
        return self.to_original(start), self.to_original(end)

    def find_all(self, query: str, *, whole_words: bool = False) -> list[tuple[int, int]]:
        """Non-overlapping matches of ``query`` (folded the same way) as original spans.

        ``whole_words``: only matches that are whole words (module docstring): no letter
        or digit on either side, and no ZWNJ joining them to an affix ("تهران" is not a
        whole word in "تهرانی", "تهران‌ها" or "نخست‌وزیر"'s "وزیر").

        No match cuts a user-perceived character (module docstring, "Whole characters").
        """
        return [(s, e) for _i, _j, s, e in self._matches(query, whole_words)]

    def find_folded(self, query: str, whole_words: bool = False) -> list[tuple[int, int]]:
        """Like :meth:`find_all` but spans are offsets into :attr:`folded`."""
        return [(i, j) for i, j, _s, _e in self._matches(query, whole_words)]

    def _matches(self, query: str, whole_words: bool) -> list[tuple[int, int, int, int]]:
        """``(i, j, start, end)`` of each match: its folded span and its original one."""
        key = fold(query, fold_alef=self.fold_alef)
        if not key:
            return []
        hay, text, to_original = self.folded, self.text, self.to_original
        size = len(text)
        # inside() is asked only where a rule may join the two characters around an edge
        # (its own first test, here as dict look-ups): nearly no edge of nearly any text.
        # The match's first and last characters fold to the key's, and the fold keeps a
        # character's classes (test_match_clusters.py checks every character it changes),
        # so theirs are known once a query; the last one is text[end - 1] only where the
        # fold removed nothing (else it may be an ignored ZWJ, which joins what follows)
        out: list[tuple[int, int, int, int]] = []
        i = hay.find(key)
        if i < 0:
            return out  # most documents of a project search
        first_joins = joins_previous[key[0]]
        last_joins = joins_next[key[-1]]
        while i >= 0:
            j = i + len(key)
            start, end = to_original(i), to_original(j)
            first = i  # the match's folded start: before i over prepended signs (۝١٢)
            ok = not (start and (first_joins or joins_next[text[start - 1]])) or inside(text, start) is None
            if not ok and prepends[text[start - 1]]:
                first, start = self._to_cluster_start(i, start, out[-1][1] if out else 0)
                ok = first >= 0
            may_cut = end < size and (
                joins_previous[text[end]]
                or (joins_next[text[end - 1]] if self._fold_starts else last_joins)
            )
            if ok and may_cut and inside(text, end) is not None:
                j, end = self._to_cluster_end(j, end)
                ok = j >= 0
            if ok and (not whole_words or self._whole_word(first, j, start, end)):
                out.append((first, j, start, end))
                i = hay.find(key, j)
            else:
                i = hay.find(key, i + 1)
        return out

    def _to_cluster_start(self, i: int, start: int, floor: int) -> tuple[int, int]:
        """A match starting at folded ``i`` / original ``start`` inside a cluster only
        because prepended signs come before it there (۝١٢: END OF AYAH and its number
        are one character, UAX #29's Prepend), moved back to the cluster's start: "12"
        finds the number with its sign, whole. ``(-1, -1)`` when something else joins
        it to what is before, or the signs are part of the previous match (``floor``)."""
        text = self.text
        around = inside(text, start)
        if around is None:
            return i, start
        signs = start - around[0]
        # each sign folds to itself (none is ignored or a space): one folded character each
        if any(not prepends[ch] for ch in text[around[0] : start]) or i - signs < floor:
            return -1, -1
        if self.to_original(i - signs) != around[0]:
            return -1, -1
        return i - signs, around[0]

    def _to_cluster_end(self, j: int, end: int) -> tuple[int, int]:
        """A match ending at folded ``j`` / original ``end`` inside a cluster, moved on to
        the cluster's end over the marks that only dress its last character (module
        docstring); ``(-1, -1)`` when something else is in the way."""
        text = self.text
        around = inside(text, end)
        while around is not None:
            for ch in text[end : around[1]]:
                if ch in _DRESSING:
                    j += 1  # the fold keeps it as it is: one folded character
                elif ch not in _IGNORED_SET:
                    return -1, -1
            # the next kept character, past the ignored ones (as span_to_original does)
            end = self.to_original(j)
            around = inside(text, end)
        return j, end

    def _whole_word(self, i: int, j: int, start: int, end: int) -> bool:
        """Whether folded[i:j], text[start:end] in the original, is a whole word (module
        docstring)."""
        hay = self.folded
        if (i > 0 and hay[i - 1].isalnum()) or (j < len(hay) and hay[j].isalnum()):
            return False
        text = self.text
        return not ((start > 0 and text[start - 1] == _ZWNJ) or (end < len(text) and text[end] == _ZWNJ))


def fold(text: str, *, fold_alef: bool = True) -> str:
    """The folded search key of ``text`` (see the module docstring for what folds)."""
    return FoldedText(text, fold_alef=fold_alef).folded


def find_all(text: str, query: str, *, whole_words: bool = False, fold_alef: bool = True) -> list[tuple[int, int]]:
    """Folded matches of ``query`` in ``text`` as original code-point spans.

    Folds ``text`` on every call: for repeated searches keep a :class:`FoldedText` or a
    :class:`SearchIndex`.
    """
    return FoldedText(text, fold_alef=fold_alef).find_all(query, whole_words=whole_words)


class SearchIndex:
    """Folded texts of many documents for repeated searches.

    Documents are numbered in the order they are added (the number is returned by
    :meth:`add`); each is folded once, on first need, and kept.
    """

    def __init__(self, *, fold_alef: bool = True) -> None:
        self._fold_alef = fold_alef
        self._texts: list[str] = []
        self._folded: list[FoldedText | None] = []

    def add(self, text: str) -> int:
        """Add a document; returns its number.  Folding is deferred to the first search."""
        self._texts.append(text)
        self._folded.append(None)
        return len(self._texts) - 1

    def __len__(self) -> int:
        return len(self._texts)

    def text(self, doc: int) -> str:
        """The original text of document number ``doc``."""
        return self._texts[doc]

    def folded(self, doc: int) -> FoldedText:
        """The folded form of document number ``doc`` (folding it now if needed)."""
        ft = self._folded[doc]
        if ft is None:
            ft = self._folded[doc] = FoldedText(self._texts[doc], fold_alef=self._fold_alef)
        return ft

    def prepare(self) -> None:
        """Fold every document now (e.g. in a worker thread before the first search)."""
        for doc in range(len(self._texts)):
            self.folded(doc)

    def find_all(
        self, query: str, *, whole_words: bool = False, limit: int | None = None
    ) -> list[tuple[int, int, int]]:
        """``(doc, start, end)`` of every match, documents in order, at most ``limit``."""
        hits: list[tuple[int, int, int]] = []
        for doc in range(len(self._texts)):
            for s, e in self.folded(doc).find_all(query, whole_words=whole_words):
                if limit is not None and len(hits) >= limit:
                    return hits
                hits.append((doc, s, e))
        return hits


_RUNS_OF_SPACE = re.compile(r"\s+")


def context(text: str, start: int, end: int, width: int = 40) -> tuple[str, str, str]:
    """``(before, match, after)`` for a result list: up to ``width`` characters each
    side, with line breaks and whitespace runs shown as single spaces."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span ({start}, {end}) invalid for text of length {len(text)}")
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    clean = _RUNS_OF_SPACE.sub
    return clean(" ", before), clean(" ", text[start:end]), clean(" ", after)
