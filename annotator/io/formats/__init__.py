"""Interchange formats, one module each, registered by name (docs/formats.md).

Adding a format is one new module with a `PROVIDES` tuple of format objects (see
base.Format) and one line in `_MODULES`.
"""

from __future__ import annotations

import importlib
from pathlib import Path

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
from .sniff import Detection, detect

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
    """The interchange format a file or folder is in, from its name and content (sniff.py);
    None for plain articles, and for a file whose annotations no format reads for certain
    (`detect` says which)."""
    found = detect(path)
    return FORMATS[found.name] if found.name else None


__all__ = [
    "FORMATS",
    "AnnotatedDocument",
    "Detection",
    "Format",
    "FormatError",
    "Progress",
    "ReadResult",
    "RelationRecord",
    "SpanRecord",
    "WriteReport",
    "detect",
    "from_annotation_set",
    "get",
    "guess",
    "labels_used",
    "names",
    "relation_types_used",
    "to_annotation_set",
]
