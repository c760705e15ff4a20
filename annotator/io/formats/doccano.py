"""doccano JSONL: `{"text", "label": [[start, end, label], ...]}` (sequence labelling) and
`{"text", "entities": [{"id", "label", "start_offset", "end_offset"}], "relations":
[{"id", "from_id", "to_id", "type"}]}` (relation extraction).

Offsets count UTF-16 units by default (option `offsets`: "utf16" or "codepoints"): that is
what doccano's annotation view produces, since its v-annotator measures JavaScript string
lengths (doccano#2484, doccano#99; docs/formats.md). Files made by Python scripts count
code points: read and write them with `offsets="codepoints"`. doccano keeps overlapping
spans only when the project allows them. Other keys of a line (`id`,
`Comments`, ...) go into the document's metadata and come back on export. The variant
read is kept, so a round trip writes the same variant; `variant` ("label" or
"relations") chooses one. The label variant has no place for relations, attributes or
notes (counted as left out); the relation variant none for attributes and notes.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ...model import Document
from ...persian.offsets import Utf16Map
from .base import (
    AnnotatedDocument,
    FormatError,
    Progress,
    ReadResult,
    RelationRecord,
    SpanRecord,
    WriteReport,
    atomic_text_writer,
    check_span,
    iter_json_values,
    leave_out_entity_links,
    problem,
    read_utf8,
)

_OWN_KEYS = {"text", "label", "labels", "entities", "relations"}
OFFSET_UNITS = ("utf16", "codepoints")


def offset_unit(options: dict[str, Any] | None) -> str:
    unit = str((options or {}).get("offsets") or "utf16")
    if unit not in OFFSET_UNITS:
        raise FormatError(f"doccano offsets {unit!r}: use utf16 or codepoints")
    return unit


class _Units:
    """File offsets <-> code points, in the unit the file counts."""

    def __init__(self, text: str, unit: str) -> None:
        self.map = Utf16Map(text) if unit == "utf16" else None

    def read(self, start: int, end: int) -> tuple[int, int]:
        if self.map is None or not 0 <= start < end <= self.map.utf16_length:
            # not a stretch of the text: check_span says so with the file's own numbers
            return start, end
        try:
            return self.map.to_codepoint(start), self.map.to_codepoint(end)
        except ValueError:
            raise ValueError(f"offsets {start}-{end} split an emoji (code points? see --offsets)") from None

    def write(self, start: int, end: int) -> tuple[int, int]:
        if self.map is None:
            return start, end
        return self.map.to_utf16(start), self.map.to_utf16(end)


def _listed(data: dict[str, Any], key: str, what: str, path: Path, line: int, problems: list[str]) -> list[Any]:
    """data[key] as a list, or [] and one message when it is something else: a string
    or an object was read one character or key at a time, each reported on its own."""
    value = data.get(key)
    if value is None or isinstance(value, list):
        return value or []
    problems.append(
        problem(path, line, f'"{key}" must be a list of {what}, not {type(value).__name__} {str(value)[:40]!r}')
    )
    return []


def _doc_from_json(data: Any, path: Path, line: int, problems: list[str], unit: str) -> AnnotatedDocument | None:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        problems.append(problem(path, line, 'not a doccano line: no "text"'))
        return None
    text: str = data["text"]
    metadata = {k: v for k, v in data.items() if k not in _OWN_KEYS}
    doc_id = str(data.get("id", f"{path.stem}-{line}"))
    title = metadata.pop("title") if isinstance(metadata.get("title"), str) else ""
    doc = AnnotatedDocument(Document(doc_id, text, title, metadata))
    units = _Units(text, unit)
    if "entities" in data:
        doc.layout = {"doccano": {"variant": "relations"}}
        ids: dict[Any, str] = {}
        for n, ent in enumerate(_listed(data, "entities", "entities", path, line, problems), 1):
            try:
                start, end, label = int(ent["start_offset"]), int(ent["end_offset"]), str(ent["label"])
            except (KeyError, TypeError, ValueError):
                problems.append(problem(path, line, f"entity {n} is malformed: {str(ent)[:60]}"))
                continue
            try:
                start, end = units.read(start, end)
            except ValueError as exc:
                problems.append(problem(path, line, f"entity {n}: {exc}"))
                continue
            why = check_span(text, start, end)
            if why:
                problems.append(problem(path, line, f"entity {n}: {why}"))
                continue
            span_id = f"T{ent.get('id', n)}"
            ids[ent.get("id", n)] = span_id
            doc.spans.append(SpanRecord(span_id, label, start, end))
        for n, rel in enumerate(_listed(data, "relations", "relations", path, line, problems), 1):
            try:
                source, target, kind = ids[rel["from_id"]], ids[rel["to_id"]], str(rel["type"])
            except (KeyError, TypeError):
                problems.append(problem(path, line, f"relation {n} refers to a missing entity"))
                continue
            doc.relations.append(RelationRecord(f"R{rel.get('id', n)}", kind, source, target))
        return doc
    key = "label" if "label" in data else "labels"
    for n, item in enumerate(_listed(data, key, "[start, end, label] entries", path, line, problems), 1):
        try:
            if not isinstance(item, list):  # a string "123" would index as [1, 2, "3"]
                raise TypeError
            start, end, label = int(item[0]), int(item[1]), str(item[2])
        except (IndexError, KeyError, TypeError, ValueError):
            problems.append(problem(path, line, f"label {n} is not [start, end, label]"))
            continue
        try:
            start, end = units.read(start, end)
        except ValueError as exc:
            problems.append(problem(path, line, f"label {n}: {exc}"))
            continue
        why = check_span(text, start, end)
        if why:
            problems.append(problem(path, line, f"label {n}: {why}"))
            continue
        doc.spans.append(SpanRecord(f"T{n}", label, start, end))
    return doc


def doc_to_json(doc: AnnotatedDocument, variant: str, report: WriteReport, unit: str = "utf16") -> dict[str, Any]:
    data: dict[str, Any] = {}
    units = _Units(doc.text, unit)
    metadata = dict(doc.document.metadata)
    if "id" not in metadata:
        data["id"] = doc.document.id
    data["text"] = doc.text
    spans = sorted(doc.spans, key=lambda s: (s.start, -s.end, s.id))
    if variant == "relations":
        number = {s.id: n for n, s in enumerate(spans)}
        data["entities"] = []
        for s in spans:
            start, end = units.write(s.start, s.end)
            data["entities"].append({"id": number[s.id], "label": s.label, "start_offset": start, "end_offset": end})
        data["relations"] = [
            {"id": n, "from_id": number[r.source], "to_id": number[r.target], "type": r.type}
            for n, r in enumerate(doc.relations)
            if r.source in number and r.target in number
        ]
        report.leave_out("relations to missing spans", len(doc.relations) - len(data["relations"]))
    else:
        data["label"] = [[*units.write(s.start, s.end), s.label] for s in spans]
        report.leave_out("relations (the doccano label variant has none)", len(doc.relations))
    if any(a.end > b.start for a, b in itertools.pairwise(spans)):
        report.note("nested or overlapping spans: doccano keeps them only in a project that allows overlapping spans")
    report.leave_out(
        "span attributes/notes (doccano has no place for them)",
        sum(1 for s in spans if s.attributes or s.note),
    )
    if doc.document.title:
        metadata["title"] = doc.document.title
    for key, value in metadata.items():
        if key not in _OWN_KEYS:
            data[key] = value
    return data


class Doccano:
    name = "doccano"
    description = "doccano JSONL (sequence labelling, or entities and relations; offsets in UTF-16 units)"
    extensions: tuple[str, ...] = (".jsonl",)
    can_read = True
    can_write = True

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult:
        path = Path(path)
        try:
            text = read_utf8(path)
        except FormatError as exc:
            return ReadResult([], [str(exc)])
        unit = offset_unit(options)
        result = ReadResult([])
        for item in iter_json_values(text, path):
            if isinstance(item, str):
                result.problems.append(item)
                continue
            doc = _doc_from_json(item[1], path, item[0], result.problems, unit)
            if doc is not None:
                result.documents.append(doc)
        return result

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        out: Path,
        options: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> WriteReport:
        chosen = (options or {}).get("variant")
        if chosen not in (None, "label", "relations"):
            raise FormatError(f"doccano variant {chosen!r}: use label or relations")
        unit = offset_unit(options)
        report = WriteReport()
        with atomic_text_writer(Path(out)) as handle:
            for doc in docs:
                variant = chosen or doc.layout.get("doccano", {}).get("variant", "label")
                data = doc_to_json(doc, variant, report, unit)
                leave_out_entity_links(doc, report)
                handle.write(json.dumps(data, ensure_ascii=False) + "\n")
                report.written += 1
                if progress:
                    progress(report.written)
        return report


PROVIDES = (Doccano(),)
