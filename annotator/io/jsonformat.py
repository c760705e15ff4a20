"""The JSON annotation format, version 1 (docs/format.md).

Written pretty-printed, UTF-8 with Persian readable, keys in a stable order, so that git
diffs of annotation files stay readable. Validated on load: first the JSON Schema in
resources/schemas, then what a schema cannot say (offsets against the text, references,
duplicate ids, labels).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..model import AnnotationSet, Document, Relation, Schema, Span, Status, text_sha256
from ..resources import read_json_resource
from .atomic import write_atomic

FORMAT = "annotator/annotations"
VERSION = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (a JSON path like $.spans[2].end) and what."""

    path: str
    message: str

    def line(self, file: str | Path | None = None) -> str:
        prefix = f"{file}: " if file is not None else ""
        return f"{prefix}{self.path}: {self.message}"


class AnnotationFileError(Exception):
    """A file that cannot be loaded; `problems` says why, one line each."""

    def __init__(self, file: str | Path | None, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("\n".join(p.line(file) for p in problems))


# ---- writing -----------------------------------------------------------------------


def span_to_json(span: Span) -> dict[str, Any]:
    return {
        "id": span.id,
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "attributes": dict(sorted(span.attributes.items())),
        "note": span.note,
    }


def relation_to_json(relation: Relation) -> dict[str, Any]:
    return {
        "id": relation.id,
        "type": relation.type,
        "from": relation.source,
        "to": relation.target,
    }


def to_json(aset: AnnotationSet, embed_text: bool = True) -> dict[str, Any]:
    doc = aset.document
    document: dict[str, Any] = {"id": doc.id, "title": doc.title, "text_sha256": doc.sha256}
    if doc.metadata:
        document["metadata"] = doc.metadata
    if embed_text:
        document["text"] = doc.text
    return {
        "format": FORMAT,
        "version": VERSION,
        "document": document,
        "annotator": aset.annotator,
        "status": aset.status.value,
        "spans": [span_to_json(s) for s in aset.spans()],
        "relations": [relation_to_json(r) for r in aset.relations()],
    }


def dumps(aset: AnnotationSet, embed_text: bool = True) -> str:
    return json.dumps(to_json(aset, embed_text), ensure_ascii=False, indent=2) + "\n"


def save(aset: AnnotationSet, path: Path, embed_text: bool = True) -> None:
    """Save atomically. Raises OSError when the disk refuses; the old file is then intact."""
    write_atomic(Path(path), dumps(aset, embed_text).encode("utf-8"))


# ---- reading -----------------------------------------------------------------------


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator  # imported on first use: ~50 ms

    return Draft202012Validator(read_json_resource("schemas", "annotations-v1.schema.json"))


def _json_path(parts: Any) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def check(data: Any, schema: Schema, text: str | None = None) -> list[Problem]:
    """Every problem with an annotation file's parsed JSON; [] when it is valid.

    `text` is the document text when known from elsewhere (a project); otherwise the text
    embedded in the file, if any, is used for the offset and text checks.
    """
    if not isinstance(data, dict):
        return [Problem("$", "not a JSON object")]
    version = data.get("version")
    if data.get("format") == FORMAT and isinstance(version, int) and version > VERSION:
        return [
            Problem(
                "$.version",
                f"written by a newer annotator (format version {version}); this program "
                f"reads version {VERSION} and will not change the file",
            )
        ]
    problems = [
        Problem(_json_path(err.absolute_path), _schema_message(err))
        for err in sorted(
            _validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
        )
    ]
    if problems:
        return problems
    document = data["document"]
    if text is None:
        text = document.get("text")
    if text is not None and text_sha256(text) != document["text_sha256"]:
        problems.append(
            Problem(
                "$.document.text_sha256", "does not match the document text (the text has changed)"
            )
        )
    problems += _check_spans(data["spans"], schema, text)
    problems += _check_relations(data["relations"], data["spans"], schema)
    return problems


def _schema_message(err: Any) -> str:
    if err.validator == "required":
        return str(err.message).replace("is a required property", "is missing")
    if err.validator == "type":
        found = f"{type(err.instance).__name__} {err.instance!r:.40}"
        return f"should be {err.validator_value}, not {found}"
    return str(err.message)[:200]


def _check_spans(spans: list[dict[str, Any]], schema: Schema, text: str | None) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, span in enumerate(spans):
        where = f"$.spans[{i}]"
        if span["id"] in seen:
            problems.append(Problem(f"{where}.id", f"duplicate span id {span['id']!r}"))
        seen.add(span["id"])
        if schema.label(span["label"]) is None:
            known = ", ".join(schema.label_ids)
            problems.append(
                Problem(f"{where}.label", f"unknown label {span['label']!r} (known: {known})")
            )
        start, end = span["start"], span["end"]
        if end <= start:
            problems.append(Problem(f"{where}.end", f"end {end} is not after start {start}"))
        elif text is not None and end > len(text):
            problems.append(
                Problem(f"{where}.end", f"end {end} is beyond the text ({len(text)} characters)")
            )
        elif text is not None and text[start:end] != span["text"]:
            problems.append(
                Problem(
                    f"{where}.text",
                    f"says {span['text']!r:.60} but the document has "
                    f"{text[start:end]!r:.60} at {start}-{end}",
                )
            )
    return problems


def _check_relations(
    relations: list[dict[str, Any]], spans: list[dict[str, Any]], schema: Schema
) -> list[Problem]:
    problems: list[Problem] = []
    span_ids = {s["id"] for s in spans}
    seen: set[str] = set()
    for i, rel in enumerate(relations):
        where = f"$.relations[{i}]"
        if rel["id"] in seen:
            problems.append(Problem(f"{where}.id", f"duplicate relation id {rel['id']!r}"))
        seen.add(rel["id"])
        if schema.relation_type(rel["type"]) is None:
            problems.append(Problem(f"{where}.type", f"unknown relation type {rel['type']!r}"))
        for end in ("from", "to"):
            if rel[end] not in span_ids:
                problems.append(Problem(f"{where}.{end}", f"points to a missing span {rel[end]!r}"))
    return problems


def parse(raw: bytes | str, file: str | Path | None = None) -> Any:
    """Parse JSON, turning every failure into an AnnotationFileError naming the place."""
    try:
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8-sig")
        if not raw.strip():
            raise AnnotationFileError(file, [Problem("$", "the file is empty")])
        return json.loads(raw)
    except UnicodeDecodeError as exc:
        raise AnnotationFileError(
            file, [Problem("$", f"not UTF-8 text (byte {exc.start})")]
        ) from None
    except json.JSONDecodeError as exc:
        message = f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise AnnotationFileError(file, [Problem("$", message)]) from None
    except RecursionError:
        raise AnnotationFileError(file, [Problem("$", "JSON nested too deeply")]) from None


def from_json(
    data: Any,
    schema: Schema,
    document: Document | None = None,
    file: str | Path | None = None,
) -> AnnotationSet:
    """Build an AnnotationSet from checked JSON; raises AnnotationFileError listing problems.

    `document` supplies the text when the file does not embed it (projects).
    """
    problems = check(data, schema, document.text if document else None)
    if problems:
        raise AnnotationFileError(file, problems)
    doc_json = data["document"]
    if document is None:
        if "text" not in doc_json:
            raise AnnotationFileError(
                file, [Problem("$.document.text", "the file has no text and no document was given")]
            )
        document = Document(
            id=doc_json["id"],
            title=doc_json["title"],
            text=doc_json["text"],
            metadata=dict(doc_json.get("metadata", {})),
        )
    aset = AnnotationSet(document, data["annotator"], schema, Status(data["status"]))
    spans = [
        Span(
            s["id"],
            s["label"],
            s["start"],
            s["end"],
            s["text"],
            dict(s.get("attributes", {})),
            s.get("note", ""),
        )
        for s in data["spans"]
    ]
    relations = [Relation(r["id"], r["type"], r["from"], r["to"]) for r in data["relations"]]
    aset.load(spans, relations)
    return aset


def load(path: Path, schema: Schema, document: Document | None = None) -> AnnotationSet:
    """Read, check and build. Raises AnnotationFileError (never a bare traceback-worthy error)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AnnotationFileError(
            path, [Problem("$", f"cannot read: {exc.strerror or exc}")]
        ) from None
    return from_json(parse(raw, path), schema, document, path)
