"""spaCy / Prodigy JSONL: one document a line, `{"text", "spans": [{"start", "end", "label"}],
"meta": {...}}`; no spaCy needed.

Offsets are code points, as spaCy's `Doc.char_span` takes them and `Doc.to_json()` writes
them (`start_char`/`end_char`; explosion/spaCy, spacy/tokens/doc.pyx). Writing: `key`
chooses the list: `spans` (default: every span, overlaps allowed, like `doc.spans[...]`)
or `ents` (spaCy's entities cannot overlap: the outermost is kept, the rest counted as
left out). Relations, attributes and notes have no place (counted); the document's
metadata goes into `meta` beside `id` and `title`.

Reading takes what these files hold: `spans` as a list (Prodigy, and our export) or as
`Doc.to_json()`'s span groups (`{"group": [...]}`), `ents` (`Doc.to_json()`), Prodigy's
`relations` (`head_span`/`child_span`, `label`), `meta.id`/`meta.title`. Other fields
that look like annotations (`cats`, ...) are reported, never dropped silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ...model import Document
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
    nested_outermost,
    problem,
    read_utf8,
)

# spaCy's and Prodigy's own keys that carry no annotation (or are read above)
_KNOWN = {"text", "spans", "ents", "relations", "meta", "tokens", "sents", "_input_hash", "_task_hash",
          "_view_id", "_session_id", "_timestamp", "_annotator_id", "answer", "_is_binary"}  # fmt: skip
_ANNOTATION_LIKE = {"cats", "label", "labels", "entities", "annotations", "heads", "deps", "tags", "lemmas"}


def _span_lists(data: dict[str, Any]) -> list[tuple[str, list[Any]]]:
    found: list[tuple[str, list[Any]]] = []
    spans = data.get("spans")
    if isinstance(spans, list):
        found.append(("spans", spans))
    elif isinstance(spans, dict):  # Doc.to_json(): span groups
        found += [(f"spans.{group}", items) for group, items in spans.items() if isinstance(items, list)]
    if isinstance(data.get("ents"), list):
        found.append(("ents", data["ents"]))
    return found


def _doc_from_json(data: Any, path: Path, line: int, problems: list[str]) -> AnnotatedDocument | None:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        problems.append(problem(path, line, 'not a spaCy/Prodigy line: no "text"'))
        return None
    text: str = data["text"]
    meta: dict[str, Any] = data["meta"] if isinstance(data.get("meta"), dict) else {}
    doc_id = str(meta.get("id") or f"{path.stem}-{line}")
    title = str(meta.get("title") or "")
    metadata = {str(k): v for k, v in meta.items() if k not in ("id", "title")}
    doc = AnnotatedDocument(Document(doc_id, text, title, metadata))
    seen: dict[tuple[int, int, str], str] = {}
    for where, items in _span_lists(data):
        for n, item in enumerate(items, 1):
            try:
                start, end, label = int(item["start"]), int(item["end"]), str(item["label"])
            except (KeyError, TypeError, ValueError):
                problems.append(problem(path, line, f"{where}[{n}] is not {{start, end, label}}"))
                continue
            why = check_span(text, start, end)
            if why:
                problems.append(problem(path, line, f"{where}[{n}]: {why}"))
                continue
            if (start, end, label) in seen:  # ents repeated in a span group
                continue
            seen[(start, end, label)] = f"T{len(seen) + 1}"
            doc.spans.append(SpanRecord(seen[(start, end, label)], label, start, end))
    by_offsets = {(s, e): ident for (s, e, _), ident in seen.items()}
    relations = data.get("relations") or []
    if not isinstance(relations, list):
        problems.append(problem(path, line, "relations are not a list (not read)"))
        relations = []
    for n, rel in enumerate(relations, 1):
        try:
            head, child = rel["head_span"], rel["child_span"]
            source = by_offsets[(int(head["start"]), int(head["end"]))]
            target = by_offsets[(int(child["start"]), int(child["end"]))]
            kind = str(rel["label"])
        except (KeyError, TypeError, ValueError):
            problems.append(problem(path, line, f"relation {n} is not between two of the line's spans"))
            continue
        doc.relations.append(RelationRecord(f"R{n}", kind, source, target))
    unused = sorted(k for k in data if k not in _KNOWN and (k in _ANNOTATION_LIKE or isinstance(data[k], list)))
    if unused:
        problems.append(problem(path, line, f"not read: {', '.join(unused)} (no place for them here)"))
    return doc


class SpacyJsonl:
    name = "spacy"
    description = 'spaCy/Prodigy JSONL: {"text", "spans"/"ents": [{"start", "end", "label"}]}'
    extensions: tuple[str, ...] = (".jsonl",)
    can_read = True
    can_write = True

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult:
        path = Path(path)
        try:
            text = read_utf8(path)
        except FormatError as exc:
            return ReadResult([], [str(exc)])
        result = ReadResult([])
        for item in iter_json_values(text, path):
            if isinstance(item, str):
                result.problems.append(item)
                continue
            doc = _doc_from_json(item[1], path, item[0], result.problems)
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
                # the rest of the metadata beside id and title: the reader takes it back
                meta = {"id": doc.document.id, "title": doc.document.title}
                for name, value in doc.document.metadata.items():
                    if name in meta:
                        report.leave_out("metadata named id or title (meta.id/meta.title are the document's)")
                    else:
                        meta[name] = value
                line = {
                    "text": doc.text,
                    key: [{"start": s.start, "end": s.end, "label": s.label} for s in spans],
                    "meta": meta,
                }
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                report.written += 1
                if progress:
                    progress(report.written)
        return report


PROVIDES = (SpacyJsonl(),)
