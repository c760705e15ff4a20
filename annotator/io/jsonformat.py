"""The JSON annotation format, version 1 (docs/format.md).

Written pretty-printed, UTF-8 with Persian readable, keys in a stable order, so that git
diffs of annotation files stay readable. Validated on load: first the JSON Schema in
resources/schemas, then what a schema cannot say (offsets against the text, references,
duplicate ids, labels).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..model import AnnotationSet, Document, Relation, Schema, Span, Status, text_sha256
from ..resources import read_json_resource
from .atomic import write_atomic
from .reading import MAX_FILE_BYTES, NotRegularFile, TooLarge, mb, read_regular

FORMAT = "annotator/annotations"
VERSION = 1
_KNOWN_KEYS = frozenset({"format", "version", "document", "annotator", "status", "spans", "relations"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (a JSON path like $.spans[2].end) and what."""

    path: str
    message: str

    def line(self, file: str | Path | None = None) -> str:
        prefix = f"{file}: " if file is not None else ""
        if self.path == "$":  # the whole file: "$" would only be jargon to a reader
            return f"{prefix}{self.message}"
        return f"{prefix}{self.path}: {self.message}"


class AnnotationFileError(Exception):
    """A file that cannot be loaded; `problems` says why, one line each."""

    def __init__(self, file: str | Path | None, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("\n".join(p.line(file) for p in problems))

    def first_line(self) -> str:
        """One line for a list of files left out: the file and its first problem."""
        if not self.problems:
            return f"{self.file}: cannot be read"
        more = len(self.problems) - 1
        return self.problems[0].line(self.file) + (f" (and {more} more problem(s))" if more else "")


# ---- writing -----------------------------------------------------------------------


def span_to_json(span: Span) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": span.id,
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "attributes": dict(sorted(span.attributes.items())),
        "note": span.note,
    }
    if span.entity:  # written only when linked, so files without entities stay as they were
        data["entity"] = span.entity
    return data


def span_from_json(item: dict[str, Any]) -> Span:
    """A span from its JSON form (a wrong type raises TypeError or ValueError)."""
    return Span(
        str(item["id"]),
        str(item["label"]),
        int(item["start"]),
        int(item["end"]),
        str(item["text"]),
        dict(item.get("attributes") or {}),
        str(item.get("note", "")),
        str(item.get("entity", "")),
    )


def _checked_span(item: dict[str, Any]) -> Span:
    """span_from_json for JSON that `check` passed: the types are right already, so nothing
    is converted (20,000 spans are built when a big article opens)."""
    get = item.get
    attributes = get("attributes")
    return Span(
        item["id"],
        item["label"],
        item["start"],
        item["end"],
        item["text"],
        dict(attributes) if attributes else {},
        get("note", ""),
        get("entity", ""),
    )


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
    # without the text (a project's files), the metadata is not repeated either: the
    # document file holds both, and the tokens of a CoNLL import would double every file
    if doc.metadata and embed_text:
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
        **{key: value for key, value in sorted(aset.extra.items()) if key not in _KNOWN_KEYS},
    }


def dumps(aset: AnnotationSet, embed_text: bool = True) -> str:
    return format_json(to_json(aset, embed_text))


def format_json(data: dict[str, Any]) -> str:
    """Pretty-print an annotation file: one span or relation a line.

    A line per item keeps git diffs to the items that changed, and lets the C encoder do
    the work (json's indent= runs in pure Python: about a second for 20,000 spans).
    """
    lines = ["{"]
    items = list(data.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        head = f"  {_compact(key)}: "
        if isinstance(value, list) and value:
            body = ",\n".join(f"    {_compact(item)}" for item in value)
            lines.append(f"{head}[\n{body}\n  ]{comma}")
        elif isinstance(value, dict) and value:
            fields = ",\n".join(f"    {_compact(k)}: {_compact(v)}" for k, v in value.items())
            lines.append(f"{head}{{\n{fields}\n  }}{comma}")
        else:
            lines.append(f"{head}{_compact(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _compact(value: Any) -> str:
    return _ENCODER.encode(value)


def save(aset: AnnotationSet, path: Path, embed_text: bool = True) -> None:
    """Save atomically. Raises OSError when the disk refuses; the old file is then intact."""
    write_atomic(Path(path), dumps(aset, embed_text).encode("utf-8"))


# ---- reading -----------------------------------------------------------------------


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator, validators  # imported on first use: ~50 ms

    # JSON Schema counts 1.0 as an integer; an offset of 1.0 would then break slicing, so
    # only a JSON number written without a fraction or exponent (a Python int) is one here
    checker = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)
    )
    strict = validators.extend(Draft202012Validator, type_checker=checker)
    return strict(read_json_resource("schemas", "annotations-v1.schema.json"))


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
    if (
        data.get("format") == FORMAT
        and isinstance(version, int | float)
        and not isinstance(version, bool)
        and version > VERSION
    ):
        return [
            Problem(
                "$.version",
                f"written by a newer annotator (format version {version}); this program "
                f"reads version {VERSION} and will not change the file",
            )
        ]
    problems = (
        []
        if _plainly_valid(data)
        else [
            Problem(_json_path(err.absolute_path), _schema_message(err))
            for err in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        ]
    )
    if problems:
        return problems
    document = data["document"]
    if text is None:
        text = document.get("text")
    if text is not None and text_sha256(text) != document["text_sha256"]:
        problems.append(Problem("$.document.text_sha256", "does not match the document text (the text has changed)"))
    problems += _check_spans(data["spans"], schema, text)
    problems += _check_relations(data["relations"], data["spans"], schema)
    return problems


_SHA = re.compile(r"[0-9a-f]{64}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and value != ""


def _plainly_valid(data: dict[str, Any]) -> bool:
    """The JSON Schema's rules, checked directly for the common case of a valid file.

    jsonschema is the authority and words the messages, but it takes seconds on 20,000
    spans; a file that passes this check would pass it too (a test holds the two together),
    and any other file goes to jsonschema for its messages.
    """
    document = data.get("document")
    spans, relations = data.get("spans"), data.get("relations")
    if not (
        data.get("format") == FORMAT
        and _is_int(data.get("version"))
        and data["version"] >= 1
        and isinstance(document, dict)
        and _is_id(document.get("id"))
        and isinstance(document.get("title"), str)
        and isinstance(document.get("text_sha256"), str)
        and _SHA.fullmatch(document["text_sha256"])
        and isinstance(document.get("text", ""), str)
        and isinstance(document.get("metadata", {}), dict)
        and _plain_metadata(document.get("metadata", {}))
        and isinstance(data.get("annotator"), str)
        and data.get("status") in ("new", "in_progress", "done")
        and isinstance(spans, list)
        and isinstance(relations, list)
    ):
        return False
    # the same tests as _is_id/_is_int, written out: this loop runs 20,000 times when a big
    # article opens (json gives exact dict, str and int; `type(x) is int` also rules out bool)
    for span in spans:
        if type(span) is not dict:
            return False
        get = span.get
        span_id, label, start, end = get("id"), get("label"), get("start"), get("end")
        entity = get("entity", "-")
        if not (
            type(span_id) is str
            and span_id
            and type(label) is str
            and label
            and type(start) is int
            and start >= 0
            and type(end) is int
            and end >= 0
            and type(get("text")) is str
            and type(get("attributes", {})) is dict
            and type(get("note", "")) is str
            and type(entity) is str
            and entity
        ):
            return False
    for rel in relations:
        if not (
            isinstance(rel, dict)
            and _is_id(rel.get("id"))
            and _is_id(rel.get("type"))
            and isinstance(rel.get("from"), str)
            and isinstance(rel.get("to"), str)
        ):
            return False
    return True


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _plain_metadata(metadata: dict[str, Any]) -> bool:
    if any(not isinstance(metadata.get(key, ""), str) for key in ("date", "date_gregorian", "source", "url")):
        return False
    return "date_gregorian" not in metadata or bool(_ISO_DATE.fullmatch(metadata["date_gregorian"]))


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
            problems.append(Problem(f"{where}.label", f"unknown label {span['label']!r} (known: {known})"))
        start, end = span["start"], span["end"]
        if end <= start:
            problems.append(Problem(f"{where}.end", f"end {end} is not after start {start}"))
        elif text is not None and end > len(text):
            problems.append(Problem(f"{where}.end", f"end {end} is beyond the text ({len(text)} characters)"))
        elif text is not None and text[start:end] != span["text"]:
            problems.append(
                Problem(
                    f"{where}.text",
                    f"says {span['text']!r:.60} but the document has {text[start:end]!r:.60} at {start}-{end}",
                )
            )
    return problems


def _check_relations(relations: list[dict[str, Any]], spans: list[dict[str, Any]], schema: Schema) -> list[Problem]:
    problems: list[Problem] = []
    labels: dict[str, str] = {}
    for span in spans:
        labels.setdefault(span["id"], span["label"])
    seen: set[str] = set()
    for i, rel in enumerate(relations):
        where = f"$.relations[{i}]"
        if rel["id"] in seen:
            problems.append(Problem(f"{where}.id", f"duplicate relation id {rel['id']!r}"))
        seen.add(rel["id"])
        rt = schema.relation_type(rel["type"])
        if rt is None:
            problems.append(Problem(f"{where}.type", f"unknown relation type {rel['type']!r}"))
        missing = False
        for end in ("from", "to"):
            if rel[end] not in labels:
                missing = True
                problems.append(Problem(f"{where}.{end}", f"points to a missing span {rel[end]!r}"))
        if missing:
            continue
        if rel["from"] == rel["to"]:
            problems.append(Problem(f"{where}.to", "a relation needs two different spans"))
        elif rt is not None:
            # the same rule the model applies when a relation is drawn (AnnotationSet)
            source, target = labels[rel["from"]], labels[rel["to"]]
            if (rt.from_labels and source not in rt.from_labels) or (rt.to_labels and target not in rt.to_labels):
                problems.append(Problem(where, f"{rt.id} cannot go from {source} to {target}"))
    return problems


def check_attributes(data: Any, schema: Schema) -> list[Problem]:
    """Attribute values of an (already checked) file that its schema does not allow: a
    choice outside its list, text where a number or yes/no belongs. `annotator validate`
    reports them; loading does not refuse them, so a schema edited elsewhere never locks
    anyone out of their work (the inspector shows such a value as it is)."""
    problems: list[Problem] = []
    for i, span in enumerate(data["spans"]):
        for key, value in sorted(span.get("attributes", {}).items()):
            definition = schema.attribute(key, span["label"])
            if definition is not None and not definition.accepts(value):
                allowed = f" (allowed: {', '.join(definition.values)})" if definition.values else ""
                problems.append(
                    Problem(f"$.spans[{i}].attributes.{key}", f"{value!r:.40} is not a {definition.kind.value}"
                            f" value of {key!r} for {span['label']}{allowed}")
                )  # fmt: skip
    return problems


def json_problem(exc: json.JSONDecodeError) -> str:
    """json's complaint in words for whoever opened the file: its msg ends in "at" or
    "starting at" and leaves the place to the numbers, which come first here. Every JSON
    file annotator reads (its own, and the formats it imports) is reported this way."""
    what = re.sub(r"(?: starting)? at$", "", exc.msg)
    what = what[:1].lower() + what[1:]
    return f"not valid JSON (line {exc.lineno}, column {exc.colno}: {what})"


def damaged_json(exc: json.JSONDecodeError) -> str:
    """json_problem, for an annotation file that is left untouched."""
    return f"{json_problem(exc)}; the file is damaged and was left as it is"


def parse(raw: bytes | str, file: str | Path | None = None) -> Any:
    """Parse JSON, turning every failure into an AnnotationFileError naming the place."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        if not text.strip():
            raise AnnotationFileError(file, [Problem("$", "the file is empty")])
        data = json.loads(text)
    except UnicodeDecodeError as exc:
        raise AnnotationFileError(file, [Problem("$", f"not UTF-8 text (byte {exc.start})")]) from None
    except json.JSONDecodeError as exc:
        message = damaged_json(exc)
        raise AnnotationFileError(file, [Problem("$", message)]) from None
    except ValueError as exc:  # an integer of thousands of digits
        reason = str(exc).split(":")[0]
        raise AnnotationFileError(file, [Problem("$", f"unreadable JSON: {reason}")]) from None
    except RecursionError:
        raise AnnotationFileError(file, [Problem("$", "JSON nested too deeply")]) from None
    # a \ud800-style escape can smuggle in half a surrogate pair, which is no character and
    # cannot be saved as UTF-8; only such an escape (or a str argument) can, so only then is
    # everything walked
    if not isinstance(raw, bytes) or _SURROGATE_ESCAPE.search(text):
        where = _lone_surrogate(data, "$")
        if where is not None:
            message = "holds a lone UTF-16 surrogate, which is not a character"
            raise AnnotationFileError(file, [Problem(where, message)])
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogate(value: Any, path: str) -> str | None:
    """The JSON path of the first string (or key) holding a lone surrogate, or None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = _lone_surrogate(item, f"{path}[{i}]")
            if found is not None:
                return found
    elif isinstance(value, dict):
        for key, item in value.items():
            found = _lone_surrogate(key, path) or _lone_surrogate(item, f"{path}.{key}")
            if found is not None:
                return found
    return None


def from_json(
    data: Any,
    schema: Schema,
    document: Document | None = None,
    file: str | Path | None = None,
    checked: bool = False,
) -> AnnotationSet:
    """Build an AnnotationSet from checked JSON; raises AnnotationFileError listing problems.

    `document` supplies the text when the file does not embed it (projects). `checked`:
    the caller has just run `check` on this very data with the same text (the store does,
    before replaying its journal), so it is not checked a second time.
    """
    problems = [] if checked else check(data, schema, document.text if document else None)
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
    spans = [_checked_span(s) for s in data["spans"]]
    relations = [Relation(r["id"], r["type"], r["from"], r["to"]) for r in data["relations"]]
    aset.load(spans, relations)
    aset.extra = {key: value for key, value in data.items() if key not in _KNOWN_KEYS}
    return aset


def read_bytes(path: Path) -> bytes:
    """A file's bytes, refusing unread one larger than MAX_FILE_BYTES (AnnotationFileError)."""
    path = Path(path)
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except TooLarge as exc:
        message = f"{mb(exc.size)} is more than an annotation file can be ({mb(MAX_FILE_BYTES)})"
        raise AnnotationFileError(path, [Problem("$", message)]) from None
    except NotRegularFile as exc:
        raise AnnotationFileError(path, [Problem("$", str(exc))]) from None
    except OSError as exc:
        raise AnnotationFileError(path, [Problem("$", f"cannot read: {exc.strerror or exc}")]) from None


def load(path: Path, schema: Schema, document: Document | None = None) -> AnnotationSet:
    """Read, check and build. Raises AnnotationFileError (never a bare traceback-worthy error)."""
    return from_json(parse(read_bytes(path), path), schema, document, path)
