"""Text facts the formats need: UTF-16 offsets, words and sentences.

They come from annotator.persian (offsets.py, segment.py). Until segment.py is in place
a small private stand-in over hazm with the same API answers (`_hazm_word_spans`); it
goes away when segment.py lands.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import cache
from typing import Any, cast

from ...persian.offsets import Utf16Map

Spans = list[tuple[int, int]]


def utf16_map(text: str) -> Utf16Map:
    """A code point <-> UTF-16 unit converter for `text` (Label Studio, WebAnno)."""
    return Utf16Map(text)


# ---- words and sentences --------------------------------------------------------------


def _optional(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


@cache
def _segment() -> tuple[Callable[[str], Spans], Callable[[str], Spans]]:
    words = _optional("annotator.persian.segment", "word_spans")
    sentences = _optional("annotator.persian.segment", "sentence_spans")
    if words is not None and sentences is not None:
        return cast(Callable[[str], Spans], words), cast(Callable[[str], Spans], sentences)
    return _hazm_word_spans, _hazm_sentence_spans


def word_spans(text: str) -> Spans:
    return _segment()[0](text)


def sentence_spans(text: str) -> Spans:
    return _segment()[1](text)


@cache
def _hazm_tokenizers() -> tuple[Any, Any]:
    import hazm  # ~0.5 s on first import

    words = hazm.WordTokenizer(
        join_verb_parts=False,
        separate_emoji=True,
        replace_links=False,
        replace_ids=False,
        replace_emails=False,
        replace_numbers=False,
        replace_hashtags=False,
    )
    return words, hazm.SentenceTokenizer()


_NON_SPACE = re.compile(r"\S+")


def _align(text: str, pieces: list[str], start: int = 0, end: int | None = None) -> Spans:
    """Find hazm's pieces in order in text; a piece hazm changed is skipped, not guessed."""
    end = len(text) if end is None else end
    spans: Spans = []
    pos = start
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, pos, end)
        if found < 0:
            continue
        spans.append((found, found + len(piece)))
        pos = found + len(piece)
    return spans


def _hazm_sentence_spans(text: str) -> Spans:
    spans: Spans = []
    for line in re.finditer(r"[^\n]+", text):
        pieces = _hazm_tokenizers()[1].tokenize(line.group())
        found = _align(text, pieces, line.start(), line.end())
        spans += found or [(line.start(), line.end())]
    return [s for s in spans if text[s[0] : s[1]].strip()]


def _hazm_word_spans(text: str) -> Spans:
    found = _align(text, _hazm_tokenizers()[0].tokenize(text))
    # what hazm dropped or rewrote stays covered: each run of it a token of its own
    spans: Spans = []
    pos = 0
    for s, e in [*found, (len(text), len(text))]:
        for gap in _NON_SPACE.finditer(text, pos, s):
            spans.append((gap.start(), gap.end()))
        if e > s:
            spans.append((s, e))
        pos = max(pos, e)
    return spans
