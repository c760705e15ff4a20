"""Word and sentence boundaries as code-point spans over the text as given.

Spans always refer to the text passed in (never to a normalized copy), end exclusive.

Words come from hazm's ``WordTokenizer`` with ``join_verb_parts=False``: hazm would
otherwise glue multi-word verbs ("داده است" -> "داده_است"), which is not what a user
snapping a selection to words expects.  hazm splits only at spaces, newlines, tabs and
punctuation, never at ZWNJ, so "نخست‌وزیر" and "صهیونیست‌ها" are single words.  Its tokens
are located in the text by scanning forward; any stretch where that fails (a future hazm
rewriting tokens) falls back to a simple regex split, so the result is always a sorted
list of disjoint, non-empty spans.

No word edge ever falls inside a user-perceived character (a grapheme cluster, see
graphemes.py): hazm and the fallback split 👍🏽 into 👍 and 🏽, drop the ZWJs of 👨‍👩‍👧 and
split 1️⃣ after the digit; word_spans widens such pieces to whole clusters and merges the
pieces of one cluster into one token. :func:`trim` never leaves a selection's edge inside
one either. Texts without such clusters get exactly the spans they always got.

Sentences use hazm's ``SentenceTokenizer`` rule (a run of ``! . ? ⸮ ؟`` followed by
spaces or newlines ends a sentence; the pattern is checked against hazm's in the tests)
applied to the original text, and every newline also ends a sentence, because a news
paragraph never continues across a line break.

Interactive helpers (:func:`snap_to_words`, :func:`word_at`, :func:`sentence_at`) only look
at a small window around the position, so their cost does not depend on text length.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from .graphemes import cluster_at, prepends, widen_spans

__all__ = [
    "compile_patterns",
    "is_trimmable",
    "sentence_at",
    "sentence_spans",
    "snap_to_words",
    "trim",
    "word_at",
    "word_spans",
]

Span = tuple[int, int]

# Same pattern as hazm.SentenceTokenizer (asserted by a test).
SENTENCE_END = re.compile(r"([!.?⸮؟]+)[ \n]+")

_MARK = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_SPACE = re.compile(r"\s")
# What hazm splits at (it turns line breaks and tabs into spaces, then splits at spaces):
# a token may start with any other white space or a ZWNJ, so the search must not skip it
_GAP = re.compile(r"[ \n\t]*")


# _fallback and _odd_token are compiled at their first use, not at every start (~0.6 ms):
# the window asks for them right after its first frame (compile_patterns)
@cache
def _fallback() -> re.Pattern[str]:
    """Fallback word regex: letters/digits with their marks and inner ZWNJ/ZWJ, or any other
    single non-space character (punctuation, emoji)."""
    return re.compile(rf"[\w{_MARK}]+(?:[\u200c\u200d]+[\w{_MARK}]+)*|[^\s\u200c\u200d]")


@cache
def _odd_token() -> re.Pattern[str]:
    """Tokens that need splitting: hazm splits only at " ", so a token may hold other
    whitespace (NBSP, CR, U+2028), edge ZWNJs, or emoji/symbols glued to a word (also a
    keycap's U+20E3 and the variation selectors that make 1️⃣ and ❤️ emoji)."""
    return re.compile(r"\s|^\u200c|\u200c$|[\u2190-\u2bff\u20e3\ufe00-\ufe0f\U0001f000-\U0001faff]")


def compile_patterns() -> None:
    """Compile what snapping a selection uses, now (the window: after its first frame)."""
    _fallback()
    _odd_token()


# Kept at selection edges although they are punctuation: they belong to the word
# ("۵۰٪", "#هشتگ", "@name").
_KEEP_AT_EDGE = frozenset("%٪‰؉؊#@&")

# How far snapping looks around a selection before cutting at whitespace.
_WINDOW = 256


def is_trimmable(ch: str) -> bool:
    """True for characters trimmed from selection edges: whitespace, invisible format
    characters (ZWNJ, ZWJ, RLM, BOM ...) and punctuation (، ؛ ؟ « » . , " ( ...)."""
    if ch.isspace():
        return True
    cat = unicodedata.category(ch)
    return cat == "Cf" or (cat[0] == "P" and ch not in _KEEP_AT_EDGE)


@lru_cache(maxsize=1)
def _word_tokenizer() -> Any:
    # Importing hazm costs ~0.4 s and building the tokenizer ~0.9 s: only on first use.
    from hazm import WordTokenizer

    return WordTokenizer(join_verb_parts=False)


_warming = False
_ready = threading.Event()


def warm_up_in_background(later: Callable[[Callable[[], None]], None] | None = None) -> None:
    """Build hazm's word tokenizer in a worker thread (the window calls this once the
    article is painted). Until it is ready, word_spans splits the simple way
    (_fallback_spans) instead of making the caller wait a second or more: the first key
    press that tags a word never freezes the window.

    `later`, if given, is handed the thread's start instead of it being started now (a
    key handler starts it once its frame is painted: a new thread importing hazm would
    otherwise take the interpreter from it for a while); the simple splitting applies
    from this call on all the same."""
    global _warming
    if _warming:
        return
    _warming = True
    if _word_tokenizer.cache_info().currsize:  # built already (a test, a command)
        _ready.set()
        return
    thread = threading.Thread(target=_warm_up, name="hazm-warm-up", daemon=True)
    if later is None:
        thread.start()
    else:
        later(thread.start)


def _warm_up() -> None:
    try:
        _word_tokenizer()
    except Exception:  # hazm missing or broken: the next word_spans call raises it itself
        pass
    finally:
        _ready.set()


def tokenizer_pending() -> bool:
    """True while a background warm-up is building the tokenizer."""
    return _warming and not _ready.is_set()


def _check_span(text: str, start: int, end: int) -> None:
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span ({start}, {end}) invalid for text of length {len(text)}")


def trim(text: str, start: int, end: int) -> Span:
    """Shrink ``[start, end)`` past trimmable characters at both edges (see
    :func:`is_trimmable`).  Returns an empty span ``(s, s)`` when nothing remains.

    It goes by user-perceived characters (graphemes.py): a cluster is trimmed whole when
    its first character is trimmable ("-ً", a hyphen carrying a tanwin), kept whole
    otherwise (the tag characters of 🏴󠁧󠁢󠁳󠁣󠁴󠁿 and the ZWJs of 👨‍👩‍👧 are format characters, but
    not at a selection's edge); an edge inside a kept cluster moves out to its edge. A
    sign written before what it numbers (U+06DD END OF AYAH, the Arabic number signs:
    format characters, UAX #29's Prepend) is judged by the character it prepends: "۝١٢"
    keeps its sign and its first digit (once trimmed to "٢")."""
    _check_span(text, start, end)
    while start < end:
        first, after = cluster_at(text, start)
        if not is_trimmable(_lead(text, first, after)):
            start = first
            break
        start = after
    else:
        start = min(start, end)
        return start, start
    while end > start:
        first, after = cluster_at(text, end - 1)
        if not is_trimmable(_lead(text, first, after)):
            end = after
            break
        end = first
    return start, end


def _lead(text: str, first: int, after: int) -> str:
    """The character that says what the cluster text[first:after] is: its first, past
    the prepended signs before it (a cluster of signs alone: its first)."""
    for ch in text[first:after]:
        if not prepends[ch]:
            return ch
    return text[first]


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word (token) spans of ``text[start:end]``, as offsets into ``text``.

    Punctuation marks are tokens of their own, as in hazm; whitespace never is; emoji and
    other symbols are split off the word they are glued to.
    """
    end = len(text) if end is None else end
    _check_span(text, start, end)
    if tokenizer_pending():
        return widen_spans(text, _fallback_spans(text, start, end))
    chunk = text[start:end]
    spans: list[Span] = []
    append, startswith, odd = spans.append, chunk.startswith, _odd_token().search
    pos = 0  # end of the last located token, in chunk coordinates
    pending = 0  # length of tokens not found since then, widens the search window
    for token in _word_tokenizer().tokenize(chunk):
        # Tokens are nearly always right here or after one space: check before searching.
        if startswith(token, pos):
            found = pos
        elif startswith(token, pos + 1) and chunk[pos].isspace():
            found = pos + 1
        else:
            gap = _GAP.match(chunk, pos)
            begin = gap.end() if gap else pos
            found = chunk.find(token, begin, begin + pending + len(token) + 64)
            if found < 0:
                pending += len(token)
                continue
            if found > begin:
                # Unlocated text lies before this token: split it the simple way.
                spans.extend(_fallback_spans(chunk, begin, found))
        pos, pending = found + len(token), 0
        if odd(token) is None:
            append((found, pos))
        else:
            spans.extend(_fallback_spans(chunk, found, pos))
    if pos < len(chunk):
        spans.extend(_fallback_spans(chunk, pos, len(chunk)))
    spans = widen_spans(chunk, spans)
    if start:
        return [(s + start, e + start) for s, e in spans]
    return spans


def _fallback_spans(text: str, start: int, end: int) -> list[Span]:
    """The simple split; its pieces may cut clusters (the callers widen them)."""
    return [m.span() for m in _fallback().finditer(text, start, end)]


def _window(text: str, start: int, end: int) -> Span:
    """A stretch around [start, end) cut at whitespace, about _WINDOW chars each side
    (further only when the selection's first or last word is itself longer)."""
    lo = max(0, start - _WINDOW)
    if lo > 0:
        m = _SPACE.search(text, lo, start)
        # no whitespace within reach: the word at start is longer than the window, so the
        # cut goes back to the whitespace before it (never through a word)
        lo = m.end() if m else max(text.rfind(c, 0, lo) for c in " \n\t") + 1
    hi = min(len(text), end + _WINDOW)
    if hi < len(text):
        cut = max(text.rfind(c, end, hi) for c in " \n\t")
        if cut < 0:
            m = _SPACE.search(text, hi)
            cut = m.start() if m else len(text)
        hi = cut
    return lo, hi


def snap_to_words(text: str, start: int, end: int) -> Span | None:
    """Expand a selection to whole words and trim edge whitespace/ZWNJ/punctuation.

    A selection that starts or ends inside a word is widened to cover that word.
    Returns ``None`` when nothing but trimmable characters was selected (including an
    empty selection).
    """
    s, e = trim(text, start, end)
    if s >= e:
        return None
    lo, hi = _window(text, s, e)
    for ws, we in word_spans(text, lo, hi):
        if ws <= s < we:
            s = ws
        if ws < e <= we:
            e = we
            break
    s, e = trim(text, s, e)
    return (s, e) if s < e else None


def word_at(text: str, pos: int) -> Span | None:
    """The word containing the character at ``pos``, else the one ending at ``pos``
    (a cursor just after a word); ``None`` on whitespace or punctuation."""
    _check_span(text, pos, pos)
    for s in (pos, pos - 1):
        if 0 <= s < len(text) and not is_trimmable(text[s]):
            return snap_to_words(text, s, s + 1)
    return None


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]`` as offsets into ``text``, each stripped of
    surrounding whitespace; breaks after sentence punctuation and at every newline."""
    end = len(text) if end is None else end
    _check_span(text, start, end)
    spans: list[Span] = []
    line_start = start
    while line_start <= end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        s = line_start
        for m in SENTENCE_END.finditer(text, line_start, line_end):
            spans.append((s, m.end(1)))
            s = m.end(1)
        spans.append((s, line_end))
        line_start = line_end + 1
    out: list[Span] = []
    for s, e in spans:
        while s < e and (text[s].isspace() or text[s] == "\u200c"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] == "\u200c"):
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def sentence_at(text: str, pos: int) -> Span:
    """The sentence containing offset ``pos`` (0..len(text)).

    Between two sentences of a line the preceding one wins, before the first the first
    one; on a line with no sentence the empty span ``(pos, pos)`` is returned.  Only the
    line around ``pos`` is examined.
    """
    _check_span(text, pos, pos)
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    hi = len(text) if hi < 0 else hi
    candidates = sentence_spans(text, lo, hi)
    if not candidates:
        return pos, pos
    best = candidates[0]
    for s, e in candidates:
        if s <= pos:
            best = (s, e)
    return best
