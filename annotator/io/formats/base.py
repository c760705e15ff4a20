"""The neutral record every interchange format reads and writes, and the format interface.

A format module turns files into `AnnotatedDocument`s (`read`) and back (`write`). It
never sees an AnnotationSet or a schema: `from_annotation_set` and `to_annotation_set`
convert at the project boundary, and the project importer extends its schema with the
labels a read brought (`labels_used`, `relation_types_used`).

Offsets are code points, end exclusive, over `document.text`, whatever the file counts in;
each format converts at its own edge.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, TextIO

from ...model import AnnotationSet, Document, EditError, Schema, Status
from ..jsonformat import json_problem

Progress = Callable[[int], None]
"""Called with the number of documents written so far."""

# where a document read from a token-per-line file keeps what it was read with, so that
# it survives a stay in a project (Document.metadata is saved with the project)
TOKENS_KEY = "tokens"
LAYOUT_KEY = "layout"


@dataclass
class SpanRecord:
    id: str
    label: str
    start: int  # code points, end exclusive
    end: int
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    entity: str = ""  # the entity (entities.json) the mention links to; "" when none


@dataclass
class RelationRecord:
    id: str
    type: str
    source: str  # span ids
    target: str


@dataclass
class AnnotatedDocument:
    document: Document
    spans: list[SpanRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    tokens: list[tuple[int, int]] | None = None  # kept from token-per-line imports
    layout: dict[str, Any] = field(default_factory=dict)  # {"conll": {"separator": "|", ...}}
    status: str = "new"
    annotator: str = ""
    # the same document's annotation sets by other coders (a Label Studio task's other
    # `annotations`): the importer makes one document and a set per coder; a writer that
    # holds several coders per document (labelstudio) writes them, others see only this one
    more_coders: list[AnnotatedDocument] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text


@dataclass
class ReadResult:
    documents: list[AnnotatedDocument]
    problems: list[str] = field(default_factory=list)  # "FILE:LINE: message"


@dataclass
class WriteReport:
    written: int = 0
    left_out: dict[str, int] = field(default_factory=dict)  # what the format could not hold
    # what the reader of the file must know (written, but e.g. kept only with a setting),
    # with the number of documents concerned
    notes: dict[str, int] = field(default_factory=dict)
    # what the export changed so that the file holds exactly what was tagged (tokens split
    # at span edges), with how many times: written in plain words, nothing is lost
    changed: dict[str, int] = field(default_factory=dict)

    def leave_out(self, what: str, count: int = 1) -> None:
        if count:
            self.left_out[what] = self.left_out.get(what, 0) + count

    def note(self, what: str, count: int = 1) -> None:
        if count:
            self.notes[what] = self.notes.get(what, 0) + count

    def change(self, what: str, count: int = 1) -> None:
        if count:
            self.changed[what] = self.changed.get(what, 0) + count

    def summary(self) -> list[str]:
        lines = [f"{self.written} document(s) written"]
        lines += [f"{count} {what}" for what, count in sorted(self.changed.items())]
        lines += [f"left out: {count} {what}" for what, count in sorted(self.left_out.items())]
        lines += [f"note: {what} ({count} document(s))" for what, count in sorted(self.notes.items())]
        return lines


class Format(Protocol):
    name: str
    description: str
    extensions: tuple[str, ...]
    can_read: bool
    can_write: bool

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult: ...

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        out: Path,
        options: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> WriteReport: ...


class FormatError(Exception):
    """A file or an export that cannot be handled at all (not a per-line problem)."""


# ---- conversion at the project boundary --------------------------------------------


def from_annotation_set(aset: AnnotationSet) -> AnnotatedDocument:
    doc = aset.document
    metadata = dict(doc.metadata)
    tokens = metadata.pop(TOKENS_KEY, None)
    layout = metadata.pop(LAYOUT_KEY, None)
    return AnnotatedDocument(
        document=Document(doc.id, doc.text, doc.title, metadata),
        spans=[SpanRecord(s.id, s.label, s.start, s.end, dict(s.attributes), s.note, s.entity) for s in aset.spans()],
        relations=[RelationRecord(r.id, r.type, r.source, r.target) for r in aset.relations()],
        tokens=[(int(a), int(b)) for a, b in tokens] if isinstance(tokens, list) else None,
        layout=dict(layout) if isinstance(layout, dict) else {},
        status=aset.status.value,
        annotator=aset.annotator,
    )


def to_annotation_set(doc: AnnotatedDocument, schema: Schema, problems: list[str] | None = None) -> AnnotationSet:
    """Build the model's AnnotationSet; the schema must already know every label used.

    Tokens and layout go into the document's metadata so that a later export finds them.
    A span or relation the model refuses raises model.EditError, or, when `problems` is
    given, is left out with a line there (so one bad relation does not cost the rest).
    """
    metadata = dict(doc.document.metadata)
    if doc.tokens is not None:
        metadata[TOKENS_KEY] = [[s, e] for s, e in doc.tokens]
    if doc.layout:
        metadata[LAYOUT_KEY] = doc.layout
    document = Document(doc.document.id, doc.document.text, doc.document.title, metadata)
    status = Status(doc.status) if doc.status in {s.value for s in Status} else Status.NEW
    aset = AnnotationSet(document, doc.annotator, schema, status)
    for rec in doc.spans:
        try:
            span = aset.make_span(rec.label, rec.start, rec.end, rec.attributes, rec.note, rec.id)
            if rec.entity:
                span = replace(span, entity=rec.entity)
        except EditError as exc:
            if problems is None:
                raise
            problems.append(f"span {rec.id or ''} ({rec.label} {rec.start}-{rec.end}) left out: {exc}")
            continue
        aset.load([span])  # make_span checks ids against what is already loaded
    for rel in doc.relations:
        try:
            relation = aset.make_relation(rel.type, rel.source, rel.target, rel.id)
        except EditError as exc:
            if problems is None:
                raise
            problems.append(f"relation {rel.id or ''} ({rel.type} {rel.source}->{rel.target}) left out: {exc}")
            continue
        aset.load([], [relation])
    return aset


def leave_out_entity_links(
    doc: AnnotatedDocument, report: WriteReport, why: str = "the format has no place for them"
) -> None:
    """Count the mentions' entity links a format cannot hold (the registry is not exported either)."""
    report.leave_out(f"entity links of mentions ({why})", sum(1 for s in doc.spans if s.entity))


def labels_used(docs: Iterable[AnnotatedDocument]) -> list[str]:
    """Span labels in order of first use, for extending a schema before import."""
    return list(dict.fromkeys(s.label for d in docs for s in d.spans))


def relation_types_used(docs: Iterable[AnnotatedDocument]) -> list[str]:
    return list(dict.fromkeys(r.type for d in docs for r in d.relations))


# ---- small helpers the format modules share ----------------------------------------


def problem(file: Path | str, line: int | None, message: str) -> str:
    return f"{file}:{line}: {message}" if line is not None else f"{file}: {message}"


def damaged_file(file: Path | str, exc: json.JSONDecodeError) -> str:
    """The one line for a JSON file that does not parse at all: nothing of it is imported."""
    return f"{file}: {json_problem(exc)}; nothing was imported from this file"


def check_span(text: str, start: int, end: int) -> str | None:
    """Why (start, end) cannot be a span of text, or None when it can."""
    if not (0 <= start < end <= len(text)):
        return f"offsets {start}-{end} are not a stretch of the text ({len(text)} characters)"
    return None


def iter_json_values(text: str, file: Path | str) -> Iterator[tuple[int, Any] | str]:
    """JSON values one after another: JSON Lines, or pretty-printed objects in a row.

    Yields (line, value), or a problem string for a stretch that does not parse; reading
    then goes on at the next line (JSON Lines: one damaged line costs that line's record).
    """
    decoder = json.JSONDecoder()
    pos, length = 0, len(text)
    line, counted = 1, 0  # the line number at position `counted`
    read_any = False

    def line_at(where: int) -> int:
        nonlocal line, counted
        line += text.count("\n", counted, where)
        counted = where
        return line

    while True:
        while pos < length and text[pos] in " \t\r\n\ufeff":
            pos += 1
        if pos >= length:
            return
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            line_at(max(exc.pos, pos))
            # go on at the next line that starts a value (JSON Lines: the next line)
            nl = min(
                (i for i in (text.find(c, max(exc.pos, pos)) for c in ("\n{", "\n[")) if i >= 0),
                default=-1,
            )
            # worded as annotator's own files are (jsonformat.json_problem), the place
            # counted in the whole file
            if nl < 0 and not read_any:
                yield problem(file, None, f"{json_problem(exc)}; nothing was imported from this file")
            else:
                yield problem(file, None, f"{json_problem(exc)}; what stands there was not imported, the rest was read")
            if nl < 0:
                return
            pos = nl + 1
            continue
        read_any = True
        yield line_at(pos), value
        pos = end


@contextlib.contextmanager
def atomic_text_writer(path: Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Stream a file out; it replaces `path` only when complete (never half an export)."""
    from ..atomic import file_mode, remove_stale_temporaries

    path = Path(path)
    remove_stale_temporaries(path)  # of an export killed earlier
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, file_mode(path))  # the umask's, or the replaced file's
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
        # no fsync: an export can be made again, and one per file would cost 10,000 of them
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def read_utf8(path: Path, keep_bom: bool = False) -> str:
    """A file's text, as the offsets in it count it: UTF-8, nothing normalized; a leading
    BOM dropped unless `keep_bom` (a reader whose offsets count it, as brat's do)."""
    from ..textfile import TextFileError, read_limited

    try:
        return read_limited(path).decode("utf-8" if keep_bom else "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise FormatError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except TextFileError as exc:
        raise FormatError(str(exc)) from None


# metadata no export needs to keep: the file a document was read from, the encoding it
# was in and its row in a CSV (the export is another file, always UTF-8), and what
# base.from_annotation_set hands on as tokens and layout
_NOT_LOST = frozenset({"source", "encoding", "row", TOKENS_KEY, LAYOUT_KEY})


def loses_title_or_metadata(doc: AnnotatedDocument) -> bool:
    """Whether a format with no place for a title or metadata loses something of `doc`.

    Only what a document really has counts: a title that is just its id (CoNLL, brat and
    WebAnno documents are titled by their id on import) or the name of the file it came
    from (a .txt import of one line: a1.txt is titled a1), a title that is the text's
    first line (a .txt import's title), and the bookkeeping of the import (_NOT_LOST)
    are not reported as lost.
    """
    title = doc.document.title.strip()
    source = doc.document.metadata.get("source")
    named = {doc.document.id, Path(source).stem if isinstance(source, str) else ""}
    first_line = doc.text.lstrip().split("\n", 1)[0].strip()
    lost_title = bool(title) and title not in named and title != first_line
    return lost_title or any(k not in _NOT_LOST for k in doc.document.metadata)


def count_documents_with_title(report: WriteReport, doc: AnnotatedDocument) -> None:
    """For formats with no place for a title or metadata: say so, once per document."""
    if loses_title_or_metadata(doc):
        report.leave_out("document titles/metadata (the format has no place for them)")


def nested_outermost(spans: Iterable[SpanRecord]) -> tuple[list[SpanRecord], list[SpanRecord]]:
    """Split spans into a non-overlapping set (outermost first, then earliest) and the rest."""
    kept: list[SpanRecord] = []
    dropped: list[SpanRecord] = []
    last_end = -1
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.id)):
        if span.start >= last_end:
            kept.append(span)
            last_end = span.end
        else:
            dropped.append(span)
    return kept, dropped
