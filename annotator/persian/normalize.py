"""Safe hazm normalization that remembers where every character came from.

Numbers, dates, times, URLs, e-mail addresses, hashtags and mentions are kept exactly as
written, and digits are never converted (:data:`PROTECTED`, :func:`normalize`); hazm
normalizes the text around them.

``hazm.Normalizer().normalize()`` inserts, deletes and replaces characters (ZWNJ between
a word and its suffix, spaces around punctuation, diacritics removed ...), so offsets in
the normalized text are not offsets in the original.  :func:`normalize` returns the
normalized text together with an :class:`OffsetMap` between the two.

Alignment:

1. The original gets the same 1:1 character translations hazm applies (Arabic ي/ك,
   presentation forms) and loses the characters hazm deletes outright
   (diacritics, tatweel, CR), remembering where each kept character came from.
2. That string is aligned with the normalized text by a greedy, linear diff: skip the
   common stretch, resynchronise at the nearest point where 8 characters agree again
   *and* the skipped stretches hold the same letters, and align the stretch in between
   letter by letter (hazm only changes what lies between letters).  A plain
   SequenceMatcher over a 100 KB article takes many seconds; this takes milliseconds.
3. Where hazm edited only spacing and punctuation, the blocks are paired again so that
   punctuation pairs with punctuation (and "..." with "…", a straight quote with a
   guillemet) before a space pairs with a space (:func:`_pair_punctuation`): hazm moves
   a colon across a space (" :" -> ": "), and a diff that pairs the spaces leaves the
   colon deleted and inserted, outside every span.  Deleted combining marks and tatweel
   are attached to the preceding character, so a normalized span over a letter maps to
   the letter *and* its diacritics (not the spaces deleted after them).
4. :func:`normalize` checks the result (:func:`unaligned`): every changed block must
   hold the same letters on both sides, so that each word maps onto the same word.
   Around a block that fails, the letters are paired again run by run (a window of the
   text only); a map that still fails is never returned (:class:`UncertainAlignment`).

The map is a sorted list of changed blocks ``(orig_start, orig_len, norm_start,
norm_len)``; between blocks both texts agree character for character.  That is compact
enough to store beside the original text (:meth:`OffsetMap.to_json`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Literal

__all__ = [
    "PROTECTED",
    "Change",
    "Normalized",
    "OffsetMap",
    "UncertainAlignment",
    "align",
    "normalize",
    "protected_spans",
    "refine",
    "unaligned",
]

Change = tuple[int, int, int, int]
"""A changed block: (orig_start, orig_len, norm_start, norm_len)."""

_Bias = Literal["start", "end", "point"]

# Stretches between sync points are refined character by character only below this
# product of lengths (SequenceMatcher is roughly quadratic).
_CHAR_DIFF_LIMIT = 40_000
_JSON_VERSION = 1


@lru_cache(maxsize=8)
def _normalizer(options: tuple[tuple[str, bool], ...]) -> Any:
    # hazm takes ~0.4 s to import and its Normalizer ~1 s to build: do both once, lazily.
    from hazm import Normalizer

    return Normalizer(**dict(options))


@lru_cache(maxsize=1)
def _hazm_tables() -> tuple[dict[int, Any], str, str, dict[int, str]]:
    """hazm's 1:1 letter translations, its diacritics and special-marks character classes,
    and its ligature replacements (``ﻻ`` -> ``لا``) as a translation table.

    Its digit translations are left out: :func:`normalize` never converts digits.

    hazm 0.11+ keeps them in ``hazm.constants``; hazm 0.10 (what pip gives Python 3.11)
    keeps the same tables on a Normalizer instance.
    """
    try:
        from hazm import constants
        from hazm.utils import maketrans

        pairs = [(constants.TRANSLATION_SRC, constants.TRANSLATION_DST)]
        diacritics = constants.DIACRITICS_PATTERNS[0][0]
        specials = constants.SPECIAL_CHARS_PATTERNS[0][0]
        replacements = constants.UNICODE_REPLACEMENTS
    except ImportError:
        from hazm import Normalizer, maketrans

        plain = Normalizer(correct_spacing=False, decrease_repeated_chars=False, seperate_mi=False)
        pairs = [(plain.translation_src, plain.translation_dst)]
        diacritics = plain.diacritics_patterns[0][0]
        specials = plain.specials_chars_patterns[0][0]
        replacements = plain.replacements
    table: dict[int, Any] = {}
    for src, dst in pairs:
        table.update(maketrans(src, dst))
    if any(not isinstance(v, str) or len(v) != 1 for v in table.values()):
        raise RuntimeError("hazm translation table is no longer 1:1")
    # the sources are single characters or alternations of them: "ﻵ|ﻶ", "(ﷰ|ﷹ)"
    ligatures = {ord(c): new for old, new in replacements for c in old.strip("()").split("|") if len(c) == 1}
    return table, diacritics, specials, ligatures


def _pre_table() -> dict[int, Any]:
    # The 1:1 translations hazm's normalize() starts with; applying them to the original
    # keeps its length and makes the diff against the normalized text small.
    return _hazm_tables()[0]


@lru_cache(maxsize=1)
def _pre_pairs() -> dict[str, str]:
    table = _pre_table()
    if any(ord(v) in table for v in table.values()):
        raise RuntimeError("hazm translation table is no longer one step")  # a chain would differ
    return {chr(k): v for k, v in table.items()}


def _translate(text: str) -> str:
    """``text.translate(_pre_table())``, several times faster: str.translate with a dict
    looks every character up in Python; here only the characters present are replaced,
    each by one scan in C."""
    pairs = _pre_pairs()
    for src in pairs.keys() & set(text):
        text = text.replace(src, pairs[src])
    return text


def _is_attached(ch: str) -> bool:
    # Marks and tatweel visually belong to the letter before them.
    return ch == "\u0640" or unicodedata.category(ch) in ("Mn", "Me")


class OffsetMap:
    """Monotone map between offsets in an original text and in its normalized form.

    Offsets are code-point boundaries (0..length inclusive).  Positions inside a changed
    block map to the block's start (or, for span ends, its end); spans map to spans that
    cover everything aligned with them and never invert.
    """

    __slots__ = ("_changes", "_n_starts", "_norm_len", "_o_starts", "_orig_len")

    def __init__(self, changes: Sequence[Change], original_length: int, normalized_length: int):
        self._changes: tuple[Change, ...] = tuple(changes)
        self._orig_len = original_length
        self._norm_len = normalized_length
        self._o_starts = [c[0] for c in self._changes]
        self._n_starts = [c[2] for c in self._changes]
        self._validate()

    def _validate(self) -> None:
        o = n = 0  # end of the previous block on each side
        for os_, ol, ns, nl in self._changes:
            if min(os_, ol, ns, nl) < 0 or ol + nl == 0:
                raise ValueError(f"invalid change {(os_, ol, ns, nl)}")
            # Between blocks the texts agree, so the gap is equally long on both sides.
            if os_ - o != ns - n or os_ < o:
                raise ValueError(f"change {(os_, ol, ns, nl)} out of order or inconsistent")
            o, n = os_ + ol, ns + nl
        if self._orig_len - o != self._norm_len - n or self._orig_len < o:
            raise ValueError("lengths inconsistent with changes")

    @property
    def changes(self) -> tuple[Change, ...]:
        return self._changes

    @property
    def original_length(self) -> int:
        return self._orig_len

    @property
    def normalized_length(self) -> int:
        return self._norm_len

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        return (self._changes, self._orig_len, self._norm_len) == (
            other._changes,
            other._orig_len,
            other._norm_len,
        )

    def __hash__(self) -> int:
        return hash((self._changes, self._orig_len, self._norm_len))

    def __repr__(self) -> str:
        return (
            f"OffsetMap({len(self._changes)} changes, original_length={self._orig_len}, "
            f"normalized_length={self._norm_len})"
        )

    def _map(self, pos: int, to_norm: bool, bias: _Bias) -> int:
        src_len = self._orig_len if to_norm else self._norm_len
        if not 0 <= pos <= src_len:
            raise ValueError(f"offset {pos} outside 0..{src_len}")
        starts = self._o_starts if to_norm else self._n_starts
        k = bisect_right(starts, pos) - 1
        if k < 0:
            return pos  # before the first change both texts agree
        os_, ol, ns, nl = self._changes[k]
        s, sl, d, dl = (os_, ol, ns, nl) if to_norm else (ns, nl, os_, ol)
        if pos == s and bias != "start" and k and starts[k - 1] == pos:
            # Blocks that exist only on the target side come first here ("  ..." -> "…":
            # the spaces deleted, then "..." made "…"): a span ending here stops before
            # all of them, a point goes before them.
            k = bisect_left(starts, pos)
            return self._changes[k][2] if to_norm else self._changes[k][0]
        if sl == 0 and pos == s:
            # Text exists only on the target side here.  A span starting here begins
            # after it and a span ending here stops before it, so neither swallows text
            # that is not aligned with anything inside the span; a point goes before it.
            return d + dl if bias == "start" else d
        if pos >= s + sl:
            return d + dl + (pos - s - sl)
        if pos == s:
            return d
        # Inside a block there is no finer correspondence: spans widen to the whole block.
        return d + dl if bias == "end" else d

    def to_original(self, i: int) -> int:
        """Map a normalized offset to the original (inside a changed block: its start)."""
        return self._map(i, False, "point")

    def to_normalized(self, i: int) -> int:
        """Map an original offset to the normalized text (inside a block: its start)."""
        return self._map(i, True, "point")

    def _span(self, start: int, end: int, to_norm: bool) -> tuple[int, int]:
        if start > end:
            raise ValueError(f"inverted span ({start}, {end})")
        if start == end:
            p = self.to_normalized(start) if to_norm else self.to_original(start)
            return p, p
        s = self._map(start, to_norm, "start")
        e = self._map(end, to_norm, "end")
        return s, max(s, e)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span (end exclusive) to the original span covering it."""
        return self._span(start, end, False)

    def span_to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span (end exclusive) to the normalized span covering it."""
        return self._span(start, end, True)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready form: lengths plus the run list of changed blocks."""
        return {
            "version": _JSON_VERSION,
            "original_length": self._orig_len,
            "normalized_length": self._norm_len,
            "changes": [list(c) for c in self._changes],
        }

    @classmethod
    def from_json(cls, data: Any) -> OffsetMap:
        """Inverse of :meth:`to_json`; raises ValueError on malformed or foreign data."""
        try:
            if data["version"] != _JSON_VERSION:
                raise ValueError(f"unsupported offset-map version {data['version']!r}")
            changes: list[Change] = []
            for c in data["changes"]:
                if len(c) != 4 or not all(type(x) is int for x in c):
                    raise ValueError(f"malformed change {c!r}")
                changes.append((c[0], c[1], c[2], c[3]))
            orig_len, norm_len = data["original_length"], data["normalized_length"]
            if type(orig_len) is not int or type(norm_len) is not int:
                raise ValueError("lengths must be integers")
        except (KeyError, TypeError) as exc:
            raise ValueError(f"malformed offset map: {exc!r}") from exc
        return cls(changes, orig_len, norm_len)


@dataclass(frozen=True, slots=True)
class Normalized:
    """hazm's normalized text, the original it came from and the map between them."""

    text: str
    original: str
    map: OffsetMap


_DIGIT = "[0-9\u06f0-\u06f9\u0660-\u0669]"
_LATIN = "[A-Za-z0-9]"
# What normalization must never touch, longest kinds first.  hazm's spacing step
# re-tokenizes every line and joins the tokens with single spaces, its style step turns a
# decimal point into "٫" and its number step converts digits: left alone, it writes
# "info@example. com", "۱۴۰۲ / ۰۵ / ۱۲" and "۳ ٫ ۵ ٪".
_KINDS = {
    # URLs with a scheme or www., up to white space; closing punctuation stays outside
    "url": r"(?:https?://|ftp://|www\.)[^\s<>«»\"']*[^\s<>«»\"'.,;:!?،؛)\]]",
    # e-mail addresses
    "email": r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+",
    # hashtags (a ZWNJ belongs to the word) and mentions
    "hashtag": r"#[\w\u200c]+",
    "mention": r"@[\w.]*\w",
    # Latin words joined by . _ - / : @ (domains, t.co/abc, COVID-19, F-35, a.b.c)
    "latin": rf"{_LATIN}+(?:[._\-/:@]{_LATIN}+)+",
    # numbers, dates, times, decimals, fractions, ranges, percentages, 5G, H5N1
    # (tatweel as a dash, "6ــ1": hazm would delete it and glue the digits)
    "number": rf"[A-Za-z]*{_DIGIT}(?:[A-Za-z]|{_DIGIT}|(?:[.,٫٬/:\-]|ـ+)(?={_DIGIT}))*[%٪]?",
}
PROTECTED = re.compile("|".join(_KINDS.values()))
"""Tokens kept exactly as written: URLs, e-mails, hashtags, mentions, numbers, dates, times."""

# The same for texts without "@" (nearly all): every kind but e-mails and mentions starts
# with a Latin letter, a digit or "#", which one lookahead checks before the kinds are
# tried one by one (3x faster over a news article, where an e-mail could start at any
# letter).
_PROTECTED_NO_AT = re.compile(
    "(?=[A-Za-z0-9\u06f0-\u06f9\u0660-\u0669#])(?:"
    + "|".join(v for k, v in _KINDS.items() if k not in ("email", "mention"))
    + ")"
)


def _protected(text: str) -> re.Pattern[str]:
    return PROTECTED if "@" in text else _PROTECTED_NO_AT


# Options that would rewrite what the writer wrote: digits stay in the writer's digit
# system (search and matching treat all digit systems as equal).
_FORCED_OFF = {"persian_numbers": False}


def protected_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every token :func:`normalize` keeps exactly as written."""
    return [m.span() for m in _protected(text).finditer(text)]


def normalize(text: str, **normalizer_options: bool) -> Normalized:
    """Normalize ``text`` with ``hazm.Normalizer(**normalizer_options)``, safely, and align it.

    Safe: every :data:`PROTECTED` token (number, date, time, URL, e-mail, hashtag,
    mention) is kept exactly as written, and digits are never converted
    (``persian_numbers`` is always off).  hazm normalizes the text around them: each
    token is replaced by a placeholder character hazm leaves alone, and put back after.
    """
    options = {**normalizer_options, **_FORCED_OFF}
    normalizer = _normalizer(tuple(sorted(options.items())))
    normalized = _normalize_around_tokens(text, normalizer, options)
    # hazm 0.10-0.12 reduce repeated letters unless told not to (its default is on)
    repeats = options.get("decrease_repeated_chars", True)
    mapping = _align(text, normalized, repeats)
    at = unaligned(text, normalized, mapping, repeats=repeats)
    while at is not None:
        # where the fast alignment moved a letter (" آ(آآآ" -> "آ (آآ": too few characters
        # agree around it to resynchronise on), pair the letters themselves, around that
        # block only; checked the same way
        mapping, at = _realign_around(text, normalized, mapping, at, repeats)
    return Normalized(normalized, text, mapping)


class UncertainAlignment(ValueError):
    """hazm's output could not be aligned with the original with certainty.

    Raised by :func:`normalize` rather than returning a map that could move spans onto
    other words (or rewriting a token it keeps as written: in a text that uses every
    private-use character none is free to stand in for it); ``offset`` is where in the
    original the doubt starts.
    """

    def __init__(self, offset: int, reason: str | None = None) -> None:
        super().__init__(reason or f"normalization could not be aligned with the original at character {offset}")
        self.offset = offset


def _normalize_around_tokens(text: str, normalizer: Any, options: dict[str, bool]) -> str:
    pieces: list[str] = []
    tokens: list[str] = []
    at = 0
    for m in _protected(text).finditer(text):
        pieces.append(text[at : m.start()])
        tokens.append(m.group())
        at = m.end()
    if not tokens:
        return str(normalizer.normalize(text))
    pieces.append(text[at:])
    # a private-use character (U+E000-U+F8FF): hazm neither deletes, splits nor spaces it
    holder = next((chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text), None)
    if holder is None:
        # every one is in the text: nothing can stand in for its tokens, and hazm let loose
        # on them would rewrite them (the caller keeps the text as written)
        at = len(pieces[0])
        raise UncertainAlignment(
            at,
            f"normalization could not keep the token at character {at} as written: the text uses"
            " every private-use character (U+E000-U+F8FF), so none is free to stand in for it",
        )
    masked = holder.join(pieces)
    out = str(normalizer.normalize(masked))
    if out.count(holder) != len(tokens):
        # hazm merged or dropped a placeholder (never seen): fall back to the steps that
        # only translate characters, which cannot
        light = _normalizer(tuple(sorted({**options, "correct_spacing": False}.items())))
        out = str(light.normalize(masked))
        if out.count(holder) != len(tokens):
            return text
    pieces = out.split(holder)
    return "".join(p + t for p, t in zip(pieces, [*tokens, ""], strict=True))


def align(original: str, normalized: str) -> OffsetMap:
    """Build the :class:`OffsetMap` between a text and its hazm-normalized form.

    Works for any pair of strings (the map is always valid); it is precise when the
    differences are local, which is the case for hazm's edits.  :func:`unaligned` says
    whether it is also certain.
    """
    return _align(original, normalized, repeats=False)


def _align(original: str, normalized: str, repeats: bool) -> OffsetMap:
    if original == normalized:
        return OffsetMap((), len(original), len(normalized))
    pre, kept = _pre_normalize(original, normalized)
    runs = _equal_runs(pre, normalized, repeats)
    if len(pre) != len(original):  # characters were deleted: back to original offsets
        runs = _intersect(runs, kept)
    return _map_from_runs(original, normalized, runs)


def _map_from_runs(original: str, normalized: str, runs: list[Run]) -> OffsetMap:
    """The map whose changed blocks are what lies between the equal runs (in order)."""
    changes: list[Change] = []
    o = n = 0
    for ro, rn, length in [*runs, (len(original), len(normalized), 0)]:
        if ro > o or rn > n:
            changes.append((o, ro - o, n, rn - n))
        o, n = ro + length, rn + length
    changes = _pair_punctuation(original, normalized, changes)
    return OffsetMap(_attach_marks(original, normalized, changes), len(original), len(normalized))


def refine(original: str, normalized: str, mapping: OffsetMap) -> OffsetMap:
    """``mapping`` with its spacing-and-punctuation blocks paired again as :func:`normalize`
    pairs them now (:func:`_pair_punctuation`, marks apart from the spacing after them).

    For maps kept by projects imported before that pairing: their blocks could leave a
    colon or period inserted on one side and deleted on the other, so a span ending at
    it lost it in the original; and a letter's block held the spaces deleted after its
    marks.  Blocks with letters are otherwise kept as they are.  A map that does not
    belong to these texts (other lengths) is returned unchanged.
    """
    if (mapping.original_length, mapping.normalized_length) != (len(original), len(normalized)):
        return mapping
    table = _pre_table()
    changes = []
    for os_, ol, ns, nl in mapping.changes:
        if ol > 1 and nl and original[os_].translate(table) == normalized[ns] and _is_attached(original[os_ + 1]):
            # a letter an older _attach_marks pulled in with its marks: let it pull again
            os_, ol, ns, nl = os_ + 1, ol - 1, ns + 1, nl - 1
        changes.append((os_, ol, ns, nl))
    changes = _pair_punctuation(original, normalized, changes)
    refined = OffsetMap(_attach_marks(original, normalized, changes), len(original), len(normalized))
    return mapping if refined == mapping else refined


_WINDOW = 16  # characters of each text around a block in doubt paired again, at first


def _realign_around(
    text: str, normalized: str, mapping: OffsetMap, at: int, repeats: bool
) -> tuple[OffsetMap, int | None]:
    """``mapping`` with the letters paired again (:func:`_align_by_letters`) in a window
    around the block in doubt at original offset ``at``, and the next block in doubt.

    The window starts with :data:`_WINDOW` characters each side of the block, widened to
    whole blocks, and doubles while the block in doubt is still inside it, up to
    ``_CHAR_DIFF_LIMIT`` (the pairing is quadratic): so a long text costs what its
    doubtful spots cost.  Raises :class:`UncertainAlignment` when no window will do.
    """
    changes = mapping.changes
    k = bisect_left(changes, at, key=lambda c: c[0])  # the block in doubt
    margin = _WINDOW
    while True:
        first, last = k, k + 1  # the blocks in the window: changes[first:last]
        lo, hi = max(changes[k][0] - margin, 0), min(changes[k][0] + changes[k][1] + margin, len(text))
        # whole blocks only, and none touching the window from outside: the window's edges
        # lie in text both sides agree on
        while first > 0 and changes[first - 1][0] + changes[first - 1][1] >= lo:
            first -= 1
            lo = min(lo, changes[first][0])
        while last < len(changes) and changes[last][0] <= hi:
            hi = max(hi, changes[last][0] + changes[last][1])
            last += 1
        # both texts agree from the end of the block before the window to its start, and
        # from the end of its last block to its end
        eo, en = _end(changes[first - 1]) if first else (0, 0)
        n_lo = en + lo - eo
        eo, en = _end(changes[last - 1])
        n_hi = en + hi - eo
        if (hi - lo) * (n_hi - n_lo) > _CHAR_DIFF_LIMIT:
            raise UncertainAlignment(at)
        inside = [
            (o + lo, ol, n + n_lo, nl) for o, ol, n, nl in _align_by_letters(text[lo:hi], normalized[n_lo:n_hi]).changes
        ]
        if _first_unaligned(text, normalized, inside, repeats) is None:
            # the blocks before were checked, those after not yet (only up to this one)
            found = _first_unaligned(text, normalized, changes[last:], repeats)
            return OffsetMap([*changes[:first], *inside, *changes[last:]], len(text), len(normalized)), found
        if hi - lo == len(text):
            raise UncertainAlignment(at)  # the whole text would not do either
        margin *= 2


def _end(change: Change) -> tuple[int, int]:
    """Where a changed block ends in the original and in the normalized text."""
    return change[0] + change[1], change[2] + change[3]


def _align_by_letters(original: str, normalized: str) -> OffsetMap:
    """The map that pairs the letters and digits of both texts in order, with the spacing
    and punctuation between two paired letters aligned by what they share.  Quadratic:
    only for short stretches (a window of the text, :func:`_realign_around`).

    hazm keeps the letters and their order and only shortens runs of one letter written
    together, so the texts' runs (:func:`_letter_runs`) are paired by their letter
    (closest match of the two sequences), and the letters of two paired runs by
    :func:`_pair_run`.  No letter pairs with one of another word that happens to be the
    same ("هههه هههه").
    """
    xs, ys = _letter_runs(original), _letter_runs(normalized)
    matcher = SequenceMatcher(None, [x[0] for x in xs], [y[0] for y in ys], autojunk=False)
    pairs = [
        pair
        for a, b, n in matcher.get_matching_blocks()
        for (_, x), (_, y) in zip(xs[a : a + n], ys[b : b + n], strict=True)
        for pair in _pair_run(x, y)
    ]
    runs: list[Run] = []
    o = n = 0
    for ro, rn in [*pairs, (len(original), len(normalized))]:
        runs += _matching(original[o:ro], normalized[n:rn], o, n)  # the gap before the pair
        if ro < len(original):
            runs.append((ro, rn, 1))  # the same letter, up to hazm's 1:1 translations
        o, n = ro + 1, rn + 1
    return _map_from_runs(original, normalized, _merge_runs(runs))


_Letters = list[list[list[int]]]
"""A run of one letter: its words (parts between white space), each a list of parts
(between ZWNJs), each a list of the letter's offsets."""


def _letter_runs(text: str) -> list[tuple[str, _Letters]]:
    """The letters and digits of ``text`` (hazm's 1:1 translations applied) as runs of one
    letter, each with its offsets.

    Marks and tatweel inside a word do not end a run (hazm deletes them before it
    shortens runs); white space starts a new word of the run and a ZWNJ a new part of the
    word (hazm turns some spaces into ZWNJs and inserts ZWNJs inside runs); anything else
    ends the run.
    """
    table = _hazm_tables()[0]
    runs: list[tuple[str, _Letters]] = []
    for k, ch in enumerate(text):
        if not _is_letter(ch):
            continue
        ch = ch.translate(table)
        if runs and runs[-1][0] == ch:
            words = runs[-1][1]
            gap = _deletion_candidates().sub("", text[words[-1][-1][-1] + 1 : k])
            if not gap:
                words[-1][-1].append(k)
                continue
            if not gap.strip("\u200c"):
                words[-1].append([k])
                continue
            if not gap.replace("\u200c", " ").strip():
                words.append([[k]])
                continue
        runs.append((ch, [[[k]]]))
    return runs


def _pair_run(x: _Letters, y: _Letters) -> Iterator[tuple[int, int]]:
    """Pair the letters of two runs of one letter: word by word when both have as many
    words, and in a word part by part when both have as many parts, each from its first
    letter (the letters hazm drops are a run's last); with as many parts in all but not as
    many words, part by part across the words (hazm turned the space between two words into
    a ZWNJ: after "هههه" and a tab, "هه هه" became one word); otherwise from the first
    letter of the whole (a word or part hazm split or joined)."""
    if len(x) != len(y):
        xp, yp = [p for w in x for p in w], [p for w in y for p in w]
        if len(xp) == len(yp):
            x, y = [[p] for p in xp], [[p] for p in yp]
        else:
            x, y = [[[k for p in xp for k in p]]], [[[k for p in yp for k in p]]]
    for wx, wy in zip(x, y, strict=True):
        if len(wx) != len(wy):
            wx, wy = [[k for p in wx for k in p]], [[k for p in wy for k in p]]
        for px, py in zip(wx, wy, strict=True):
            yield from zip(px, py, strict=False)


def unaligned(original: str, normalized: str, mapping: OffsetMap, *, repeats: bool = False) -> int | None:
    """The original offset of the first changed block hazm cannot have made, or None.

    hazm inserts, deletes and swaps spaces, ZWNJs, punctuation, marks and tatweel, and
    translates letters 1:1; it never moves or drops a letter or digit, except ligatures it
    spells out (``ﻻ`` -> ``لا``) and, with ``repeats``, letters repeated three times or
    more.  So when every changed block holds the same letters on both sides (up to those
    rewrites), the k-th letter of the original is mapped to the k-th letter of the
    normalized text, and every word to the same word.  A block that fails this is a
    misalignment (or an edit nobody knows hazm makes): the map cannot be trusted there.
    """
    return _first_unaligned(original, normalized, mapping.changes, repeats)


def _first_unaligned(original: str, normalized: str, changes: Sequence[Change], repeats: bool) -> int | None:
    for os_, ol, ns, nl in changes:
        if _ALNUM.search(original, os_, os_ + ol) is None and _ALNUM.search(normalized, ns, ns + nl) is None:
            continue  # only spacing, punctuation and marks (most blocks): nothing to compare
        if not _same_letters(original, os_, os_ + ol, normalized, ns, ns + nl, repeats):
            return os_
    return None


# Letters and digits; everything else (spaces, ZWNJ, punctuation, marks, tatweel) is what
# hazm spaces, deletes or restyles.
_NOT_ALNUM = re.compile(r"[\W_\u0640]+")
_REPEATS = re.compile(r"(.)\1+")


def _letters(text: str, squeeze: bool = False, zwnj_ends: bool = False) -> str:
    # hazm's 1:1 translations and ligature spellings on both sides: hazm does not always
    # spell a ligature out ("ﻻ" stays "ﻻ" after hazm 0.12 deletes a mark or tatweel next to it)
    table, _diacritics, _specials, ligatures = _hazm_tables()
    text = _deletion_candidates().sub("", text.translate(table).translate(ligatures))
    if squeeze:
        # hazm shortens a run of one letter written together (after deleting the marks and
        # tatweel in it), never one that a space or punctuation interrupts: runs are
        # squeezed before those go, so "هههه  هههه" keeps two letters, one per word.  A
        # ZWNJ does not end a run: hazm inserts some inside a run it shortens ("هههها" ->
        # "هه‌ها", "ها" split off first; "می" split off after) unless ``zwnj_ends``: hazm
        # also joins a word to the one before with a ZWNJ where a space was, after
        # shortening its run ("هههه ها" -> "هه‌ها")
        text = _REPEATS.sub(r"\1", text.replace("\u200c", " " if zwnj_ends else ""))
    return _NOT_ALNUM.sub("", text)


def _same_letters(a: str, a0: int, a1: int, b: str, b0: int, b1: int, repeats: bool) -> bool:
    """Whether a[a0:a1] and b[b0:b1] hold the same letters and digits in the same order,
    up to hazm's letter translations and ligatures.

    With ``repeats``, runs of one letter written together count as one, the letters just
    outside each stretch included (hazm shortens "سلامممم" to "سلام"); a run never spans
    a space or punctuation (hazm shortens "هههه هههه" word by word).
    """
    x, y = _letters(a[a0:a1]), _letters(b[b0:b1])
    if x == y:
        return True
    if not repeats:
        return False
    x, y = _around(a, a0, a1), _around(b, b0, b1)
    return any(_letters(x, True, zwnj_ends) == _letters(y, True, zwnj_ends) for zwnj_ends in (False, True))


def _around(text: str, start: int, end: int) -> str:
    """text[start:end] with the character just outside each end, past the marks and tatweel
    hazm deletes (a run hazm shortens may begin or end beyond them)."""
    deleted = _deletion_candidates()
    while start > 0 and deleted.fullmatch(text[start - 1]):
        start -= 1
    while end < len(text) and deleted.fullmatch(text[end]):
        end += 1
    return text[max(start - 1, 0) : end + 1]


Run = tuple[int, int, int]
"""An equal stretch: (start in first text, start in second text, length)."""


def _pre_normalize(original: str, normalized: str) -> tuple[str, list[Run]]:
    """Apply hazm's 1:1 translations and its character deletions to ``original``.

    Returns the result and its kept segments as runs (orig_start, pre_start, length).
    Only characters absent from ``normalized`` are deleted, so normalizer options that
    keep diacritics are handled without knowing the options.
    """
    translated = _translate(original)
    deletable = "".join(c for c in set(_deletion_candidates().findall(translated)) if c not in normalized)
    if not deletable:
        return translated, [(0, 0, len(original))]
    kept: list[Run] = []
    pieces: list[str] = []
    o = p = 0
    for m in re.finditer(f"[{re.escape(deletable)}]+", translated):
        if m.start() > o:
            kept.append((o, p, m.start() - o))
            pieces.append(translated[o : m.start()])
            p += m.start() - o
        o = m.end()
    if o < len(translated):
        kept.append((o, p, len(translated) - o))
        pieces.append(translated[o:])
    return "".join(pieces), kept


@lru_cache(maxsize=1)
def _deletion_candidates() -> re.Pattern[str]:
    # Characters hazm's normalize() may delete outright: diacritics, "special" marks
    # (both from hazm's own patterns), tatweel and carriage returns.
    _table, diacritics, specials, _ligatures = _hazm_tables()
    return re.compile("|".join([diacritics, specials, "[\u0640\r]"]))


def _intersect(equal: list[Run], kept: list[Run]) -> list[Run]:
    """Compose pre<->normalized equal runs with original->pre kept segments."""
    out: list[Run] = []
    k = 0
    for p, n, length in equal:
        end = p + length
        while p < end:
            while kept[k][1] + kept[k][2] <= p:
                k += 1
            ko, kp, kl = kept[k]
            take = min(end, kp + kl) - p
            out.append((ko + p - kp, n, take))
            p += take
            n += take
    return out


_SYNC = 8  # characters that must agree to resynchronise after a difference
_MAX_WINDOW = 4096  # beyond this, the rest of the text is one changed block


def _equal_runs(a: str, b: str, repeats: bool = False) -> list[Run]:
    """Equal stretches between ``a`` and ``b``, in order.

    Greedy and linear for local differences: skip the common stretch, then find the
    nearest point (smallest total skip) where ``_SYNC`` characters agree again and the
    skipped stretches hold the same letters, then align the stretch in between letter by
    letter (or, when hazm rewrote letters there, with SequenceMatcher).  A whole-text
    SequenceMatcher is far too slow (seconds for 100 KB).
    """
    runs: list[Run] = []
    la, lb = len(a), len(b)
    i = j = 0
    while True:
        p = _common_prefix(a, b, i, j)
        if p:
            runs.append((i, j, p))
            i, j = i + p, j + p
        if i >= la or j >= lb:
            return runs
        # The common edits need no search: one space, ZWNJ or mark inserted, deleted or
        # swapped for another between two stretches that agree.
        if i + _SYNC < la and j + _SYNC < lb:
            x, y = a[i], b[j]
            if not _is_letter(y) and a[i : i + _SYNC] == b[j + 1 : j + 1 + _SYNC]:
                j += 1
                continue
            if not _is_letter(x):
                if a[i + 1 : i + 1 + _SYNC] == b[j : j + _SYNC]:
                    i += 1
                    continue
                if not _is_letter(y) and a[i + 1 : i + 1 + _SYNC] == b[j + 1 : j + 1 + _SYNC]:
                    i, j = i + 1, j + 1
                    continue
        sync = _resync(a, b, i, j, repeats)
        if sync is None:
            s = _common_suffix(a, b, i, j)
            if s:
                runs.append((la - s, lb - s, s))
            return runs
        di, dj = sync
        if di and dj:
            runs.extend(_refine(a[i : i + di], b[j : j + dj], i, j))
        i, j = i + di, j + dj


def _refine(x: str, y: str, i: int, j: int) -> list[Run]:
    """Equal stretches inside a changed stretch x (at i) / y (at j)."""
    # the runs of letters on each side: usually the same words, spaced differently
    xs = [m.span() for m in _LETTER_RUN.finditer(x)]
    ys = [m.span() for m in _LETTER_RUN.finditer(y)]
    if len(xs) != len(ys) or any(x[a:b] != y[c:d] for (a, b), (c, d) in zip(xs, ys, strict=True)):
        # a word split or joined ("۹متر" / "۹ متر"): pair the letters one by one
        xs = [(m.start(), m.end()) for m in _ALNUM.finditer(x)]
        ys = [(m.start(), m.end()) for m in _ALNUM.finditer(y)]
        if len(xs) != len(ys) or any(x[a] != y[c] for (a, _), (c, _) in zip(xs, ys, strict=True)):
            # hazm rewrote letters here (a ligature, repeated letters): no letter-by-letter
            # partner, the closest match will do (unaligned() judges the result)
            if len(x) * len(y) > _CHAR_DIFF_LIMIT:
                return []
            return _matching(x, y, i, j)
    # The same letters in the same order: the k-th letter is the k-th letter, and what
    # differs is the spacing and punctuation between them.
    runs: list[Run] = []
    p = q = 0
    for (pa, pe), (qa, qe) in [*zip(xs, ys, strict=True), ((len(x), len(x)), (len(y), len(y)))]:
        # the gap x[p:pa] / y[q:qa]: keep its common start and end
        head = 0
        limit = min(pa - p, qa - q)
        while head < limit and x[p + head] == y[q + head]:
            head += 1
        tail = 0
        while tail < limit - head and x[pa - 1 - tail] == y[qa - 1 - tail]:
            tail += 1
        if head:
            runs.append((i + p, j + q, head))
        if pa - p - head - tail and qa - q - head - tail and (pa - p) + (qa - q) - 2 * (head + tail) > 2:
            # what is left of the gap on both sides, as " » " and "»": keep what agrees
            runs += _matching(x[p + head : pa - tail], y[q + head : qa - tail], i + p + head, j + q + head)
        # the letters after the gap (none past the end) are equal on both sides
        if tail or pe > pa:
            runs.append((i + pa - tail, j + qa - tail, tail + pe - pa))
        p, q = pe, qe
    return _merge_runs(runs)


def _matching(x: str, y: str, i: int, j: int) -> list[Run]:
    return [(i + p, j + q, n) for p, q, n in SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks() if n]


def _merge_runs(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for r in runs:
        if merged and merged[-1][0] + merged[-1][2] == r[0] and merged[-1][1] + merged[-1][2] == r[1]:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + r[2])
        else:
            merged.append(r)
    return merged


_ALNUM = re.compile(r"[^\W_\u0640]")
_LETTER_RUN = re.compile(r"[^\W_\u0640]+")


def _is_letter(ch: str) -> bool:
    # what _ALNUM matches (re's \w is str.isalnum() plus "_")
    return ch.isalnum() and ch != "\u0640"


def _resync(a: str, b: str, i: int, j: int, repeats: bool = False) -> tuple[int, int] | None:
    """Smallest (di, dj) by di + dj such that a and b agree again after skipping them,
    and the skipped stretches hold the same letters.

    A ZWNJ after every word (old Fars News text) leaves no 8 characters in a row that
    agree near a difference; the nearest agreement is then often a phrase repeated a
    little further on, reached by skipping words on one side only.  Such a skip drops
    letters from one side, which hazm never does, so it is taken only when no skip that
    keeps the letters exists (hazm rewrote letters: :func:`unaligned` judges the result).
    """
    la, lb = len(a), len(b)
    window = 16
    while True:
        best: tuple[int, int] | None = None  # keeps the letters
        nearest: tuple[int, int] | None = None  # any agreement
        for di in range(min(window, la - i) + 1):
            if best is not None and di >= best[0] + best[1]:
                break
            key = a[i + di : i + di + _SYNC]
            if len(key) < _SYNC:
                # Near the end of a: only a match with the end of b resynchronises.
                found = lb - len(key) if b.endswith(key) else -1
                end = found + 1
            else:
                end = j + window + _SYNC
                found = b.find(key, j, end)
            while j <= found:
                dj = found - j
                if best is not None and di + dj >= best[0] + best[1]:
                    break
                if di or dj:
                    if nearest is None or di + dj < nearest[0] + nearest[1]:
                        nearest = (di, dj)
                    if _same_letters(a, i, i + di, b, j, j + dj, repeats):
                        best = (di, dj)
                        break
                found = b.find(key, found + 1, end)
        if best is not None:
            return best
        if window >= _MAX_WINDOW:
            return nearest
        window *= 4


def _common_prefix(a: str, b: str, i: int, j: int) -> int:
    """Length of the common prefix of a[i:] and b[j:] (galloping; slices compare in C)."""
    limit = min(len(a) - i, len(b) - j)
    lo, step = 0, 32
    while lo < limit:
        hi = min(lo + step, limit)
        if not a.startswith(b[j + lo : j + hi], i + lo):
            while hi - lo > 1:  # a[i:i+lo] agrees, a[i:i+hi] does not
                mid = (lo + hi) // 2
                if a.startswith(b[j + lo : j + mid], i + lo):
                    lo = mid
                else:
                    hi = mid
            return lo
        lo, step = hi, step * 2
    return limit


def _common_suffix(a: str, b: str, i: int, j: int) -> int:
    """Length of the common suffix of a[i:] and b[j:]."""
    n = min(len(a) - i, len(b) - j)
    k = 0
    while k < n and a[len(a) - 1 - k] == b[len(b) - 1 - k]:
        k += 1
    return k


def _attach_marks(original: str, normalized: str, changes: list[Change]) -> list[Change]:
    """Widen blocks whose original text starts with a mark to include its base letter.

    Blocks that come to touch stay apart, so that in fully vowelled text ("مِنْ بَعْدِ")
    each word still maps to its own letters, not to the whole phrase; so does spacing or
    punctuation in the block after the marks (a block of its own).  Blocks that start at
    one offset on one side (an insertion, then a change) are fine: :meth:`OffsetMap._map`
    puts a span's end before all of them and its start after the insertion.
    """
    widened: list[Change] = []
    prev_end = 0
    for change in changes:
        os_, ol, ns, nl = change
        parts = [change]
        if ol and os_ > prev_end and ns > 0 and _is_attached(original[os_]):
            # the letter before is unchanged: pull it into the block; with its marks only
            # when spacing or punctuation follows them ("کتابَ  " -> "کتاب": the spaces
            # hazm deleted after the fatha are not the word's)
            marks = 1
            while marks < ol and _is_attached(original[os_ + marks]):
                marks += 1
            if (marks < ol or nl) and _spacing_only(original, normalized, (os_ + marks, ol - marks, ns, nl)):
                parts = [(os_ - 1, marks + 1, ns - 1, 1), (os_ + marks, ol - marks, ns, nl)]
            else:
                parts = [(os_ - 1, ol + 1, ns - 1, nl + 1)]
        widened.extend(parts)
        prev_end = os_ + ol
    return widened


# ---- punctuation that moved across a space ------------------------------------------------
#
# hazm removes the space before punctuation and puts one after it (" :" -> ": "), turns
# "..." into "…" and straight quotes into guillemets.  The diff behind the map pairs any
# equal characters, so it can pair the space and leave the colon inserted on one side and
# deleted on the other: the span "فارس:" then maps back to "فارس", without its colon.
# Where hazm edited only spacing and punctuation, the blocks are paired again so that
# punctuation pairs with punctuation first and a space only with what is left.

_SPACING = frozenset(" \t\n\r\u00a0\u200b\u200c\u200d\u202f\u2009\u3000")
_REGION_GAP = 4  # agreeing characters between two blocks that are paired again together
_REGION_MAX = 160  # longest stretch (each side) paired again (the pairing is quadratic)
_ELLIPSIS = "..."
_QUOTES = {'"': "«»"}  # what hazm writes for a straight quote (persian_style)


def _pair_punctuation(original: str, normalized: str, changes: list[Change]) -> list[Change]:
    """``changes`` with each stretch of blocks that hold no letter or digit (and are at
    most :data:`_REGION_GAP` agreeing non-letters apart) paired again by
    :func:`_pair_weighted`.  Blocks with letters are left as they are: their letters are
    what :func:`unaligned` checks."""
    out: list[Change] = []
    k, count = 0, len(changes)
    while k < count:
        last = k
        if _spacing_only(original, normalized, changes[k]):
            while last + 1 < count and _spacing_only(original, normalized, changes[last + 1]):
                o = _end(changes[last])[0]
                gap = changes[last + 1][0] - o
                if gap > _REGION_GAP or _ALNUM.search(original, o, o + gap) is not None:
                    break
                last += 1
        o0, n0 = changes[k][0], changes[k][2]
        o1, n1 = _end(changes[last])
        # a lone insertion or deletion has nothing to pair
        pairable = _spacing_only(original, normalized, changes[k]) and (last > k or 0 not in changes[k][1::2])
        if pairable and max(o1 - o0, n1 - n0) <= _REGION_MAX:
            out.extend(_pair_weighted(_translate(original[o0:o1]), normalized[n0:n1], o0, n0))
        else:
            out.extend(changes[k : last + 1])
        k = last + 1
    return out


def _pair_weighted(x: str, y: str, i: int, j: int) -> list[Change]:
    """The changed blocks of x (at original offset i) against y (at normalized offset j)
    when the characters are paired for the greatest weight, in order: equal punctuation
    (and "..." with "…", a straight quote with a guillemet) weighs 3, equal spacing 1.

    Where two pairings weigh the same, characters are left unpaired as early as
    possible, so that a deleted space sits before the space that is kept, away from the
    punctuation after it ("  ..." -> " …": the first space goes, "..." becomes "…" alone).
    A "..." or quote pair is a block of its own, so a span that starts or ends at "…"
    maps onto the three dots and not the spaces beside them.
    """
    lx, ly = len(x), len(y)
    # best[a][b]: the greatest weight pairing x[a:] with y[b:]
    best = [[0] * (ly + 1) for _ in range(lx + 1)]
    for a in range(lx - 1, -1, -1):
        row, below = best[a], best[a + 1]
        for b in range(ly - 1, -1, -1):
            w = max(below[b], row[b + 1])
            step = _unit(x, y, a, b)
            if step:
                w = max(w, step[2] + best[a + step[0]][b + step[1]])
            row[b] = w
    changes: list[Change] = []
    a = b = po = pn = 0  # po, pn: where the unpaired stretch being gathered starts
    while a < lx or b < ly:
        here = best[a][b]
        if a < lx and best[a + 1][b] == here:
            a += 1
            continue
        if b < ly and best[a][b + 1] == here:
            b += 1
            continue
        step = _unit(x, y, a, b)
        assert step is not None  # neither side could be left unpaired: a pair starts here
        if a > po or b > pn:
            changes.append((i + po, a - po, j + pn, b - pn))
        if step[:2] != (1, 1) or x[a] != y[b]:
            changes.append((i + a, step[0], j + b, step[1]))  # "..." -> "…", '"' -> "«": a block
        a, b = po, pn = a + step[0], b + step[1]
    if a > po or b > pn:
        changes.append((i + po, a - po, j + pn, b - pn))
    return changes


def _unit(x: str, y: str, a: int, b: int) -> tuple[int, int, int] | None:
    """(length in x, length in y, weight) of the pair that x[a:] and y[b:] start with, or None."""
    if a >= len(x) or b >= len(y):
        return None
    cx, cy = x[a], y[b]
    if cx == cy:
        return (1, 1, 1 if cx in _SPACING else 3)
    if cy == "…" and x.startswith(_ELLIPSIS, a):
        return (3, 1, 3)
    if cy in _QUOTES.get(cx, ""):
        return (1, 1, 3)
    return None


def _spacing_only(original: str, normalized: str, change: Change) -> bool:
    os_, ol, ns, nl = change
    return _ALNUM.search(original, os_, os_ + ol) is None and _ALNUM.search(normalized, ns, ns + nl) is None
