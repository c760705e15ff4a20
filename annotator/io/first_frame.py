"""The spans at the start of an annotation file, found without parsing or checking it.

A big article shows its first screen of text with its spans before the whole file is
parsed and checked (MainWindow.open): that frame needs only the spans that start before
the end of the screen. Our files hold one span a line, in reading order, after the
document (jsonformat.format_json), so those spans are the first lines of the `"spans"`
list. What is read here is unchecked and only ever shown: nothing is built
on it, nothing is written from it, and the full check decides what the document holds
(docs/reliability.md, promise 9). A file laid out otherwise (another program's, a
hand-indented one) simply gives no spans here.
"""

from __future__ import annotations

import json
import mmap

from ..model import Span

_SPANS = b'\n  "spans": [\n'
MAX_SPANS = 5_000  # a screen shows a few hundred at most


def spans_before(raw: bytes | mmap.mmap, text: str, end: int) -> list[Span]:
    """The spans of the annotation file `raw` that start before code point `end`; [] at
    the first sign that they were not made on this text. Each span's own `text` must be
    what the article has at its offsets (a changed article's spans are re-anchored by the
    full opening, not shown where they no longer fit): cheaper than hashing the article,
    which the full check does once."""
    at = raw.find(_SPANS)
    if at < 0:
        return []
    spans: list[Span] = []
    seen: set[str] = set()
    pos = at + len(_SPANS)
    while len(spans) < MAX_SPANS:
        eol = raw.find(b"\n", pos)
        if eol < 0:
            break
        line, pos = raw[pos:eol].strip().removesuffix(b","), eol + 1
        try:
            item = json.loads(line)
        except ValueError:  # the list's end, or a span written over several lines
            break
        if type(item) is not dict:
            break
        get = item.get
        span_id, label, start, stop, covered = get("id"), get("label"), get("start"), get("end"), get("text")
        if not (
            type(span_id) is str
            and type(label) is str
            and type(start) is int
            and type(stop) is int
            and 0 <= start < stop <= len(text)
            and span_id not in seen
        ):
            break
        if start >= end:  # in reading order: every later span starts after the screen too
            break
        if covered != text[start:stop]:
            return []  # made on another text
        seen.add(span_id)
        spans.append(Span(span_id, label, start, stop, covered))
    return spans
