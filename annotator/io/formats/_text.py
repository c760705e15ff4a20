"""Text facts the formats need: UTF-16 offsets, words and sentences.

They come from annotator.persian (offsets.py, segment.py), so that a CoNLL or WebAnno
export tokenizes exactly as the window does. (The stand-in over hazm that answered here
until segment.py was in place is gone: nothing reached it any more.)
"""

from __future__ import annotations

from ...persian.offsets import Utf16Map
from ...persian.segment import sentence_spans as _sentence_spans
from ...persian.segment import word_spans as _word_spans

Spans = list[tuple[int, int]]


def utf16_map(text: str) -> Utf16Map:
    """A code point <-> UTF-16 unit converter for `text` (Label Studio, WebAnno)."""
    return Utf16Map(text)


def word_spans(text: str) -> Spans:
    return _word_spans(text)


def sentence_spans(text: str) -> Spans:
    return _sentence_spans(text)
