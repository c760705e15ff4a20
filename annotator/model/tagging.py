"""Turning a user's selection into a span: snapping to words, no duplicates."""

from __future__ import annotations

from ..persian.segment import snap_to_words, trim
from .annotation_set import AnnotationSet
from .span import Span


def selection_to_span_range(text: str, start: int, end: int, snap: bool) -> tuple[int, int] | None:
    """The range a selection tags: whole words when snapping, else just trimmed of spaces."""
    if start > end:
        start, end = end, start
    if snap:
        return snap_to_words(text, start, end)
    return trim(text, start, end)


def tag_selection(aset: AnnotationSet, label: str, start: int, end: int, snap: bool = True) -> Span | None:
    """Tag [start, end) with label as one undoable edit; None when nothing is left to tag.

    Tagging the same stretch with the same label again returns the existing span.
    """
    found = selection_to_span_range(aset.text, start, end, snap)
    if found is None:
        return None
    existing = aset.find_span(found[0], found[1], label)
    if existing is not None:
        return existing
    return aset.add_span(label, found[0], found[1])
