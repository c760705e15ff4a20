"""The annotator's own JSON (docs/format.md): a folder of files, or JSON Lines.

`json`: one `ID.annotations.json` file per document in a folder, exactly as the program
saves them (text embedded). `jsonl`: the whole project in one file, one annotation object
a line. Nothing is lost either way; tokens and layout kept from a CoNLL import travel in
`document.metadata`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ...model import Document, Label, RelationType, Schema
from .. import jsonformat
from .base import (
    LAYOUT_KEY,
    TOKENS_KEY,
    AnnotatedDocument,
    FormatError,
    Progress,
    ReadResult,
    RelationRecord,
    SpanRecord,
    WriteReport,
    atomic_text_writer,
    damaged_file,
    iter_json_values,
    problem,
    read_utf8,
)


def doc_to_json(doc: AnnotatedDocument) -> dict[str, Any]:
    text = doc.document.text
    metadata = dict(doc.document.metadata)
    if doc.tokens is not None:
        metadata[TOKENS_KEY] = [[s, e] for s, e in doc.tokens]
    if doc.layout:
        metadata[LAYOUT_KEY] = doc.layout
    document: dict[str, Any] = {
        "id": doc.document.id,
        "title": doc.document.title,
        "text_sha256": doc.document.sha256,
    }
    if metadata:
        document["metadata"] = metadata
    document["text"] = text
    return {
        "format": jsonformat.FORMAT,
        "version": jsonformat.VERSION,
        "document": document,
        "annotator": doc.annotator,
        "status": doc.status,
        "spans": [
            {
                "id": s.id,
                "label": s.label,
                "start": s.start,
                "end": s.end,
                "text": text[s.start : s.end],
                "attributes": dict(sorted(s.attributes.items())),
                "note": s.note,
                **({"entity": s.entity} if s.entity else {}),
            }
            for s in sorted(doc.spans, key=lambda s: (s.start, -s.end, s.id))
        ],
        "relations": [{"id": r.id, "type": r.type, "from": r.source, "to": r.target} for r in doc.relations],
    }


def doc_from_json(data: Any, where: str) -> AnnotatedDocument | list[str]:
    """The document, or the problems that stop it being read (each prefixed by `where`)."""
    if not isinstance(data, dict):
        return [f"{where}: not a JSON object"]
    schema = _permissive_schema(data)
    problems = jsonformat.check(data, schema)
    if not problems and "text" not in data["document"]:
        problems = [jsonformat.Problem("$.document.text", "the text is not embedded")]
    if problems:
        return [f"{where}: {p.path}: {p.message}" for p in problems]
    doc = data["document"]
    metadata = dict(doc.get("metadata", {}))
    tokens = metadata.pop(TOKENS_KEY, None)
    layout = metadata.pop(LAYOUT_KEY, None)
    return AnnotatedDocument(
        document=Document(doc["id"], doc["text"], doc["title"], metadata),
        spans=[
            SpanRecord(
                s["id"],
                s["label"],
                s["start"],
                s["end"],
                dict(s.get("attributes", {})),
                s.get("note", ""),
                s.get("entity", ""),
            )
            for s in data["spans"]
        ],
        relations=[RelationRecord(r["id"], r["type"], r["from"], r["to"]) for r in data["relations"]],
        tokens=[(int(a), int(b)) for a, b in tokens] if isinstance(tokens, list) else None,
        layout=dict(layout) if isinstance(layout, dict) else {},
        status=data["status"],
        annotator=data["annotator"],
    )


def _permissive_schema(data: dict[str, Any]) -> Schema:
    """A schema knowing every label the file uses: an import brings its own labels."""
    spans = data.get("spans")
    relations = data.get("relations")
    labels = {
        s["label"]
        for s in (spans if isinstance(spans, list) else [])
        if isinstance(s, dict) and isinstance(s.get("label"), str)
    }
    types = {
        r["type"]
        for r in (relations if isinstance(relations, list) else [])
        if isinstance(r, dict) and isinstance(r.get("type"), str)
    }
    return Schema(
        tuple(Label(x, x, x, "#888888") for x in sorted(labels)),
        tuple(RelationType(x, x, x) for x in sorted(types)),
    )


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_stem(doc_id: str, taken: set[str]) -> str:
    """A file name for a document id (unique in `taken`, which it extends)."""
    from ..names import shorten

    # at most 200 bytes: with ".annotations.json" and a temporary name's affixes it stays
    # under the 255 bytes a file name may have (an id of 119 emoji is 476 bytes)
    stem = shorten(_UNSAFE.sub("_", doc_id).strip(". ") or "document", doc_id)
    candidate, n = stem, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate.lower())
    return candidate


class JsonFolder:
    name = "json"
    writes_folder = True  # one file per document: the window asks for a folder's name
    description = "annotator JSON: a folder of ID.annotations.json files (text embedded)"
    extensions: tuple[str, ...] = (".annotations.json",)
    can_read = True
    can_write = True

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult:
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.json") if p.name != "annotator-schema.json")
        else:
            files = [path]
        result = ReadResult([])
        for file in files:
            try:
                raw = read_utf8(file)
                if not raw.strip():
                    result.problems.append(problem(file, None, "the file is empty"))
                    continue
                data = json.loads(raw)
            except FormatError as exc:
                result.problems.append(str(exc))
                continue
            except json.JSONDecodeError as exc:
                result.problems.append(damaged_file(file, exc))
                continue
            for item in data if isinstance(data, list) else [data]:
                got = doc_from_json(item, str(file))
                if isinstance(got, list):
                    result.problems += got
                else:
                    result.documents.append(got)
        return result

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        out: Path,
        options: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> WriteReport:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        report = WriteReport()
        taken: set[str] = set()
        for doc in docs:
            stem = safe_file_stem(doc.document.id, taken)
            with atomic_text_writer(out / f"{stem}.annotations.json") as handle:
                handle.write(json.dumps(doc_to_json(doc), ensure_ascii=False, indent=2) + "\n")
            report.written += 1
            if progress:
                progress(report.written)
        return report


class JsonLines:
    name = "jsonl"
    description = "annotator JSON Lines: the whole project in one file, one document a line"
    extensions: tuple[str, ...] = (".jsonl", ".ndjson")
    can_read = True
    can_write = True

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult:
        path = Path(path)
        result = ReadResult([])
        try:
            text = read_utf8(path)
        except FormatError as exc:
            return ReadResult([], [str(exc)])
        for item in iter_json_values(text, path):
            if isinstance(item, str):
                result.problems.append(item)
                continue
            line, data = item
            got = doc_from_json(data, f"{path}:{line}")
            if isinstance(got, list):
                result.problems += got
            else:
                result.documents.append(got)
        return result

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        out: Path,
        options: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> WriteReport:
        report = WriteReport()
        with atomic_text_writer(Path(out)) as handle:
            for doc in docs:
                handle.write(json.dumps(doc_to_json(doc), ensure_ascii=False) + "\n")
                report.written += 1
                if progress:
                    progress(report.written)
        return report


PROVIDES = (JsonFolder(), JsonLines())
