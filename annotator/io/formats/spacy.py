"""spaCy-style JSONL (export only, no spaCy needed): one document a line,
`{"text", "spans": [{"start", "end", "label"}], "meta": {...}}`.

Offsets are code points, as spaCy's `Doc.char_span` takes them. `key` chooses the list:
`spans` (default: every span, overlaps allowed, like `doc.spans[...]`) or `ents`
(spaCy's entities cannot overlap: the outermost is kept, the rest counted as left out).
Relations, attributes and notes have no place (counted).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .base import (
    AnnotatedDocument,
    FormatError,
    Progress,
    ReadResult,
    WriteReport,
    atomic_text_writer,
    leave_out_entity_links,
    nested_outermost,
)


class SpacyJsonl:
    name = "spacy"
    description = 'spaCy-style JSONL: {"text", "spans"/"ents": [{"start", "end", "label"}]}'
    extensions: tuple[str, ...] = (".jsonl",)
    can_read = False
    can_write = True

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult:
        raise FormatError("spaCy JSONL is written, not read (use doccano or jsonl)")

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        out: Path,
        options: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> WriteReport:
        key = (options or {}).get("key", "spans")
        if key not in ("spans", "ents"):
            raise FormatError(f"spaCy key {key!r}: use spans or ents")
        report = WriteReport()
        with atomic_text_writer(Path(out)) as handle:
            for doc in docs:
                spans = sorted(doc.spans, key=lambda s: (s.start, -s.end, s.id))
                if key == "ents":
                    spans, dropped = nested_outermost(spans)
                    report.leave_out("nested/overlapping spans (ents keep the outermost)", len(dropped))
                report.leave_out("relations (no place in spaCy JSONL)", len(doc.relations))
                leave_out_entity_links(doc, report, "no place in spaCy JSONL")
                report.leave_out(
                    "span attributes/notes (no place in spaCy JSONL)",
                    sum(1 for s in doc.spans if s.attributes or s.note),
                )
                line = {
                    "text": doc.text,
                    key: [{"start": s.start, "end": s.end, "label": s.label} for s in spans],
                    "meta": {"id": doc.document.id, "title": doc.document.title},
                }
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                report.written += 1
                if progress:
                    progress(report.written)
        return report


PROVIDES = (SpacyJsonl(),)
