"""Interchange formats, one module each, registered by name (docs/formats.md).

Adding a format is one new module with a `PROVIDES` tuple of format objects (see
base.Format) and one line in `_MODULES`.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from ..reading import read_head
from ..textfile import MAX_SOURCE_BYTES
from .base import (
    AnnotatedDocument,
    Format,
    FormatError,
    Progress,
    ReadResult,
    RelationRecord,
    SpanRecord,
    WriteReport,
    from_annotation_set,
    labels_used,
    relation_types_used,
    to_annotation_set,
)

_MODULES = ("jsonl", "brat", "conll", "doccano", "labelstudio", "webanno", "spacy", "csvspans")


def _load() -> dict[str, Format]:
    found: dict[str, Format] = {}
    for module in _MODULES:
        for fmt in importlib.import_module(f"{__name__}.{module}").PROVIDES:
            found[fmt.name] = fmt
    return found


FORMATS: dict[str, Format] = _load()


def get(name: str) -> Format:
    """The format called `name`; raises FormatError listing the known names."""
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise FormatError(f"unknown format {name!r} (known: {known})") from None


def names(readable: bool = False, writable: bool = False) -> list[str]:
    return [n for n, f in FORMATS.items() if (f.can_read or not readable) and (f.can_write or not writable)]


def guess(path: Path) -> Format | None:
    """The readable format a file or folder most likely is, from its name and first bytes."""
    path = Path(path)
    if path.is_dir():
        if any(path.glob("*.ann")):
            return FORMATS["brat"]
        if any(path.glob("*.annotations.json")):
            return FORMATS["json"]
        return None
    name = path.name.lower()
    if name.endswith(".annotations.json"):
        return FORMATS["json"]
    if name.endswith((".ann", ".conf")):
        return FORMATS["brat"]
    head = _head(path)
    if name.endswith(".tsv") and head.startswith("#FORMAT=WebAnno"):
        return FORMATS["webanno"]
    if name.endswith((".json", ".jsonl", ".ndjson")):
        first, start = _first_json(path, head)
        if isinstance(first, dict) and first.get("format") == "annotator/annotations":
            return FORMATS["jsonl"]
        if start.startswith("[") or (isinstance(first, dict) and "data" in first):
            return FORMATS["labelstudio"]
        return FORMATS["doccano"]
    if name.endswith(".txt") and path.with_suffix(".ann").exists():
        return FORMATS["brat"]
    if name.endswith((".txt", ".conll", ".bio", ".iob", ".iob2", ".tsv")):
        return FORMATS["conll"]
    return None


def _head(path: Path, size: int = 65536) -> str:
    try:
        return read_head(path, size).decode("utf-8-sig", errors="replace")
    except (OSError, ValueError):  # the reader itself says what is wrong with the file
        return ""


def _first_json(path: Path, head: str) -> tuple[object, str]:
    """The file's first JSON value (its first line, as in JSON Lines, or the first value however
    it is laid out, as in a pretty-printed task) and the text it was read from, stripped.

    When the head cuts that value (an article of more than 64 KB on the first line), the file
    is read on, as far as an import would read it."""
    text = head.lstrip()
    value = _parse_first(text)
    if value is None:
        longer = _head(path, MAX_SOURCE_BYTES).lstrip()
        if longer != text:
            text, value = longer, _parse_first(longer)
    return value, text


def _parse_first(text: str) -> object:
    try:  # the first value only: JSON Lines' first line, or an indented value
        return json.JSONDecoder().raw_decode(text)[0]
    except ValueError:
        return None


__all__ = [
    "FORMATS",
    "AnnotatedDocument",
    "Format",
    "FormatError",
    "Progress",
    "ReadResult",
    "RelationRecord",
    "SpanRecord",
    "WriteReport",
    "from_annotation_set",
    "get",
    "guess",
    "labels_used",
    "names",
    "relation_types_used",
    "to_annotation_set",
]
