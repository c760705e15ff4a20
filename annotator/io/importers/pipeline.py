"""Importing into a project: read sources, normalize, skip duplicates, stage, move in.

Everything an import writes goes first into a hidden staging folder inside the project
(same file system, so moving in is a rename). Only when every source has been read are
the files moved into place and documents.json rewritten; a cancelled or failed import
removes the staging folder and leaves the project as it was.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from ...model import Document
from .. import jsonformat
from ..catalog import (
    CatalogEntry,
    ImportProgress,
    ImportReport,
    ProgressCallback,
    ProjectError,
    StagedImport,
    document_json,
    extend_schema,
    text_hash,
)
from ..names import is_reserved, safe_name
from ..textindex import IndexUnavailable
from . import FORMATS, Article, SourceError, detect, expand, stream_source
from .dates import with_dates

_TITLE_WORDS = 8
ANNOTATION_SUFFIX = ".annotations.json"


class _Cancelled(Exception):
    pass


class ImportTarget(Protocol):
    """What an import needs of a project (io/project.py's Project is one)."""

    path: Path

    def normalizes(self) -> bool: ...
    def normalizer_options(self) -> dict[str, bool]: ...
    def known_ids(self) -> set[str]: ...
    def entries(self) -> list[CatalogEntry]: ...
    def schema_json(self) -> dict[str, Any]: ...
    def begin_staging(self) -> tuple[Path, int | None, list[str]]: ...
    def commit_import(self, staged: StagedImport, report: ImportReport) -> list[str]: ...


# the project's disk, not a source: the import stops (exit 2) with this reason
_DISK_ERRNOS = {errno.EROFS, errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EACCES, errno.EPERM, errno.EIO}


def _disk_reason(exc: OSError) -> str:
    if exc.errno == errno.EROFS:
        return "the folder is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (the folder or file is read-only)"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full"
    return exc.strerror or str(exc)


def _interchange_format(name: str) -> Any:
    """The interchange format called `name`, or a string saying why there is none."""
    from .. import formats

    try:
        return formats.get(name)
    except formats.FormatError as exc:  # an unknown name; anything else is a bug, not hidden
        return str(exc)


def _is_own_jsonl(path: Path) -> bool:
    """Whether `path` is annotator's JSON Lines export: its first line is an annotation object."""
    if not path.is_file() or path.suffix.lower() not in (".json", ".jsonl", ".ndjson", ".jsonlines"):
        return False
    try:
        with path.open("rb") as handle:
            first = handle.readline(1 << 24).decode("utf-8-sig", errors="replace")
        value = json.loads(first)
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(value, dict) and value.get("format") == jsonformat.FORMAT


def _id_hint(article: Article) -> str:
    if article.name.strip():
        return article.name
    url = str(article.metadata.get("url", ""))
    if url:
        parts = [p for p in urlsplit(url).path.split("/") if p]
        if parts:
            return parts[-1]
    if article.title:
        return " ".join(article.title.split()[:_TITLE_WORDS])
    return "document"


def _annotations_key(adoc: Any) -> str:
    """A fingerprint of an annotated document's text and annotations (not its ids)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

    def annotations(coder: Any) -> tuple[list[str], list[str]]:
        spans = sorted(dump([s.label, s.start, s.end, s.attributes, s.note]) for s in coder.spans)
        where = {s.id: [s.start, s.end, s.label] for s in coder.spans}
        relations = sorted(dump([r.type, where.get(r.source), where.get(r.target)]) for r in coder.relations)
        return spans, relations

    spans, relations = annotations(adoc)
    raw = dump([adoc.document.text, spans, relations])
    if adoc.more_coders:  # several coders' sets: every one counts (one alone: as before)
        sets = sorted(dump([c.annotator, *annotations(c)]) for c in [adoc, *adoc.more_coders])
        raw = dump([adoc.document.text, sets])
    return "annotated:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


class _Importer:
    def __init__(
        self,
        project: ImportTarget,
        staging: Path,
        normalize: bool | None,
        report: ImportReport,
        annotator: str,
    ) -> None:
        self.project = project
        self.staging = staging
        # articles follow the project's setting; documents that come with annotations
        # keep their text unless normalization is asked for (their offsets count on it)
        self.normalize = project.normalizes() if normalize is None else normalize
        self.interchange_normalize = bool(normalize)
        self.report = report
        self.annotator = annotator
        self.text_hash = text_hash
        self.options = project.normalizer_options()
        self.taken = project.known_ids()
        self.hashes: dict[str, str] = {}
        self.urls: dict[str, str] = {}
        entries = project.entries()
        for entry in entries:
            doc_id = entry.id
            self.hashes[entry.sha256] = doc_id
            if entry.source_sha256:
                self.hashes[entry.source_sha256] = doc_id
            if entry.annotations_sha256:
                self.hashes[entry.annotations_sha256] = doc_id
            if entry.url:
                self.urls[entry.url] = doc_id
        self.staged = StagedImport(staging)
        self.entries = self.staged.entries
        self.schema_json = project.schema_json()
        # the search index learns each document as it is staged (io.textindex), at the
        # position it will most likely have; rows past the catalogue's end are never read,
        # and a search compares the index with documents.json before using it
        self.base = len(entries)
        self.index_add: Callable[[int, str, str, str], None] | None = None
        (staging / "documents").mkdir()

    def unique_id(self, hint: str) -> str:
        base = safe_name(hint)
        candidate, n = base, 1
        while candidate.casefold() in self.taken:
            n += 1
            candidate = safe_name(f"{base}-{n}")
        self.taken.add(candidate.casefold())
        return candidate

    def duplicate(self, where: str, *keys: str) -> bool:
        for key in keys:
            found = self.hashes.get(key) or self.urls.get(key)
            if found is not None:
                self.report.skipped_duplicates.append(f"{where}: same as {found}")
                return True
        return False

    def add(
        self,
        article: Article,
        where: str,
        spans: Callable[[str, Document, Any], None] | None = None,
        normalized: bool | None = None,
        annotations_key: str = "",
    ) -> str | None:
        """Stage one article; its id, or None when it was a duplicate or empty.

        `spans(doc_id, document, offset_map_or_None)` writes annotations for the new
        document; it is called before the document file is written and may add to the
        document's metadata (the tokens of a token-per-line file). `normalized` None
        follows the import's choice for articles. A document with `annotations_key` (a
        fingerprint of its text and annotations) is a duplicate only of one with the same
        key: the same text annotated differently is another document.
        """
        from ...persian.normalize import UncertainAlignment, normalize

        raw = article.text
        self.report.characters += len(raw)
        url = str(article.metadata.get("url", "")).strip()
        raw_hash = self.text_hash(raw)
        keys = [annotations_key] if annotations_key else [*([url] if url else []), raw_hash]
        if self.duplicate(where, *keys):
            return None
        if annotations_key and (same_text := self.hashes.get(raw_hash)) is not None:
            # kept (the same sentence annotated differently is another document), but said:
            # a text imported first without its annotations would otherwise be there twice
            self.report.notices.append(
                f"{where}: the same text as {same_text}, added as another document because it comes"
                " with other annotations"
            )
        text, title, mapping = raw, article.title, None
        if self.normalize if normalized is None else normalized:
            try:
                done = normalize(raw, **self.options)
                text = done.text
                if text != raw:
                    mapping = done.map
                if title:
                    title = normalize(title, **self.options).text
            except UncertainAlignment as exc:
                # never store normalized text whose map could move spans onto other words
                self.report.problems.append(f"{where}: kept as written, not normalized: {exc}")
                text, title, mapping = raw, article.title, None
        if not text.strip():
            self.report.problems.append(f"{where}: no text left after normalization")
            return None
        text_hash = raw_hash if text is raw else self.text_hash(text)
        if not annotations_key and text_hash != raw_hash and self.duplicate(where, text_hash):
            return None
        doc_id = self.unique_id(_id_hint(article))
        if article.name and article.title == article.name:
            title = doc_id  # a title that was only the source's id follows the id given here
        metadata = with_dates(article.metadata)
        if spans is not None:
            spans(doc_id, Document(doc_id, text, title, metadata), mapping)
        data = document_json(
            doc_id,
            title,
            text,
            metadata,
            raw if mapping is not None else None,
            mapping.to_json() if mapping is not None else None,
            (article.as_in_file, article.file_map.to_json()) if article.file_map is not None else None,
        )
        # one line a key (tokens, offset map): a CoNLL document's token list no longer takes
        # a line per number
        raw_json = jsonformat.format_json(data).encode("utf-8")
        (self.staging / "documents" / f"{doc_id}.json").write_bytes(raw_json)
        self.staged.wheres[doc_id] = where
        entry = CatalogEntry(
            doc_id,
            title,
            str(metadata.get("date", "")),
            url,
            text_hash,
            raw_hash,
            len(text),
            annotations_key,
            str(metadata.get("date_gregorian", "")),
            str(metadata.get("source", "")),
        )
        if self.index_add is not None:
            try:
                self.index_add(self.base + len(self.entries), doc_id, text_hash, text)
            except (sqlite3.Error, IndexUnavailable):
                self.index_add = None  # only a cache: the next search catches up from the files
        self.entries.append(entry)
        self.hashes[raw_hash] = self.hashes[text_hash] = doc_id
        if annotations_key:
            self.hashes[annotations_key] = doc_id
        if url:
            self.urls[url] = doc_id
        return doc_id

    # ---- interchange documents (with annotations) -----------------------------------------

    def add_annotated(self, adoc: Any, where: str) -> None:
        """Stage a document read by an interchange format, with its annotations.

        Its text is kept as it is unless normalization was asked for explicitly (the
        annotations are anchored to that text); when it is normalized, spans and tokens
        are mapped through the offset map. The tokens and layout a token-per-line format
        read with go into the document's metadata, so that an export finds them. The sets
        of its `more_coders` become their coders' sets of the same document (docs/team.md);
        one whose coder already has a set there (two annotations by one person, or with no
        name) is staged as another document, as before.
        """
        document = adoc.document
        metadata = dict(document.metadata)
        metadata.setdefault("source", where.split(":")[0].rsplit("/", 1)[-1])
        article = Article(document.text, document.title, metadata, document.id)
        others: list[Any] = []
        folders: set[str] = set()

        def write_spans(doc_id: str, doc: Document, mapping: Any) -> None:
            from ..formats.base import LAYOUT_KEY, TOKENS_KEY

            if adoc.tokens is not None:
                tokens = [list(mapping.span_to_normalized(s, e)) if mapping else [s, e] for s, e in adoc.tokens]
                doc.metadata[TOKENS_KEY] = [t for t in tokens if t[1] > t[0]]
                if lost := len(tokens) - len(doc.metadata[TOKENS_KEY]):
                    self.report.problems.append(f"{where}: {lost} token(s) vanished with normalization; left out")
            if adoc.layout:
                doc.metadata[LAYOUT_KEY] = adoc.layout
            for n, coder in enumerate([adoc, *adoc.more_coders]):
                name = self.coder_name(coder.annotator, where)
                folder = safe_name(name, "anonymous").casefold()
                if folder in folders:
                    others.append(coder)
                    continue
                folders.add(folder)
                self.write_set(coder, name, doc_id, doc, mapping, f"{where}, annotation {n + 1}" if n else where)

        self.add(article, where, write_spans, self.interchange_normalize, _annotations_key(adoc))
        for coder in others:
            self.add_annotated(replace(coder, more_coders=[]), where)

    def coder_name(self, name: str, where: str) -> str:
        """The name a set read from a file is kept under: its own when it can be a coder's
        (ui/coder_name.py's rules: not empty, not reserved, something a folder can be named),
        else the import's annotator, said."""
        name = name.strip()
        if name and (is_reserved(name) or not safe_name(name, "")):
            self.report.problems.append(
                f"{where}: the coder name {name!r} cannot be a coder's in a project; kept as {self.annotator!r}"
            )
            name = ""
        return name or self.annotator

    def write_set(self, coder: Any, name: str, doc_id: str, doc: Document, mapping: Any, where: str) -> None:
        """Write one coder's annotation file of a staged document (spans mapped onto its text)."""
        from ...model import Schema
        from ..formats.base import labels_used, relation_types_used, to_annotation_set

        moved = []
        for rec in coder.spans:
            start, end = rec.start, rec.end
            if mapping is not None:
                start, end = mapping.span_to_normalized(start, end)
            if end <= start:
                self.report.problems.append(f"{where}: span {rec.id} vanished with normalization; left out")
                continue
            moved.append(replace(rec, start=start, end=end))
        kept = {s.id for s in moved}
        relations = [r for r in coder.relations if r.source in kept and r.target in kept]
        if not moved and not relations and coder.status in ("", "new"):
            return
        self.extend_schema(labels_used([coder]), relation_types_used([coder]))
        # tokens and layout live in the document file, not in every annotation file
        copy = replace(coder, document=doc, spans=moved, relations=relations, tokens=None, layout={}, more_coders=[])
        refused: list[str] = []
        aset = to_annotation_set(copy, Schema.from_json(self.schema_json), refused)
        self.report.problems += [f"{where}: {line}" for line in refused]
        aset.annotator = name
        for span in aset.spans():  # what the report counts: the spans that came in
            self.report.spans[span.label] = self.report.spans.get(span.label, 0) + 1
        folder = safe_name(aset.annotator, "anonymous")
        relative = Path("annotations") / folder / f"{doc_id}.json"
        (self.staging / relative).parent.mkdir(parents=True, exist_ok=True)
        (self.staging / relative).write_text(jsonformat.dumps(aset, embed_text=False), encoding="utf-8")
        self.staged.annotation_files.append(relative)

    def extend_schema(self, labels: list[str], relation_types: list[str]) -> None:
        extended = extend_schema(self.schema_json, labels, relation_types)
        if extended is not None:
            self.schema_json = extended
        self.staged.labels += [lb for lb in labels if lb not in self.staged.labels]
        self.staged.relation_types += [t for t in relation_types if t not in self.staged.relation_types]


def run_import(
    project: ImportTarget,
    sources: list[Path],
    fmt: str,
    normalize: bool | None,
    progress: ProgressCallback | None,
    cancel: Callable[[], bool] | None,
    annotator: str,
    read_options: dict[str, Any] | None = None,
) -> ImportReport:
    """`read_options` go to the interchange format's reader (doccano's `offsets` ...)."""
    report = ImportReport()
    began = time.perf_counter()
    jobs: list[tuple[Path, str]] = []
    interchange: Any = None
    if fmt not in ("auto", *FORMATS):
        interchange = _interchange_format(fmt)
        if isinstance(interchange, str):
            report.problems.append(f"--format {fmt}: {interchange}")
            return report
        for source in sources:
            if source.exists():
                jobs.append((source, fmt))
            else:
                report.problems.append(f"{source}: no such file or folder")
    else:
        for source in sources:
            found = False
            for item in _expand_auto(source, report) if fmt == "auto" else expand(source, fmt):
                if isinstance(item, str):
                    report.problems.append(item)
                else:
                    jobs.append(item)
                found = True
            if not found:
                report.problems.append(f"{source}: no file to import in this folder")

    def cancelled() -> bool:
        return cancel is not None and bool(cancel())

    def tell(files_done: int, within: float, current: str, importer: _Importer) -> None:
        if progress is not None:
            total = max(len(jobs), 1)
            fraction = min(1.0, (files_done + within) / total)
            progress(ImportProgress(fraction, files_done, len(jobs), len(importer.entries), current))

    staging, held, finished = project.begin_staging()  # held: the staging folder's lock, while we run
    # an import killed while moving in is finished first: its documents are added now, and
    # this import's same lines are then duplicates (the report said only "0 added")
    report.notices += finished
    try:
        importer = _Importer(project, staging, normalize, report, annotator)
        with contextlib.ExitStack() as stack:
            text_index = getattr(project, "text_index", None)
            if text_index is not None:
                with contextlib.suppress(sqlite3.Error, IndexUnavailable):
                    importer.index_add = stack.enter_context(text_index().writer())
            _stage_all(project, importer, jobs, interchange, report, cancelled, tell, read_options)
            if cancelled():
                raise _Cancelled
            # moved in while the index's second thread writes its last batch (they share
            # nothing: the index is compared with the catalogue before it is used)
            report.added = project.commit_import(importer.staged, report)
        tell(len(jobs), 0.0, "", importer)
    except _Cancelled:
        report.cancelled = True
        report.added = []
        report.spans = {}
    except OSError as exc:  # staging on the project's disk failed
        raise ProjectError(f"{project.path}: cannot import: {_disk_reason(exc)}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if held is not None:
            os.close(held)
        report.seconds = time.perf_counter() - began
    return report


def _expand_auto(source: Path, report: ImportReport) -> Iterator[tuple[Path, str] | str]:
    """What `--format auto` imports of a source: each file with the format its name and
    content show (formats/sniff.py), an article format or an interchange one, said in the
    report. A file whose annotations no format reads for certain is left out, with why:
    taking only its text would drop them (and importing it again with its format would add
    every text twice)."""
    from ..formats import detect as detect_format

    if not source.exists():
        yield f"{source}: no such file or folder"
        return
    in_folder = source.is_dir()
    paths = sorted(p for p in source.rglob("*") if _visible(p, source)) if in_folder else [source]
    for path in paths:
        lower = path.name.lower()
        if lower.endswith(".conf") or (lower.endswith(".ann") and path.with_suffix(".txt").exists()):
            if not in_folder and lower.endswith(".ann"):
                yield path.with_suffix(".txt"), "brat"  # the pair, named by either file
            continue  # brat's label list, or the .ann its .txt brings
        found = detect_format(path)
        article = detect(path)
        if found.name in ("json", "jsonl"):  # our own files: _stage_all reads them as annotations
            yield path, article or found.name
        elif found.name is not None:
            report.detected.append((str(path), found.name, found.why))
            yield path, found.name
        elif not found.certain:
            json_formats = "doccano, labelstudio, spacy, jsonl, or "
            names = {"json": json_formats, "jsonl": json_formats, "csv": ""}.get(article or "", "conll, or ")
            alone = "its rows as articles" if article == "csv" else "the text alone"
            yield (
                f"{path}: not imported: {found.why}; importing only its text would drop its labels."
                f" Choose its format ({names}{article or 'txt'} for {alone}) in File > Import or"
                " with --format"
            )
        elif article is not None:
            yield path, article
        elif not in_folder:
            yield f"{source}: unknown file type (choose one with --format: {', '.join(FORMATS)}, or {INTERCHANGE_HINT})"


INTERCHANGE_HINT = "brat, conll, doccano, labelstudio, spacy, webanno"


def _visible(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    return path.is_file() and not any(part.startswith(".") for part in rel.parts)


def _stage_all(
    project: ImportTarget,
    importer: _Importer,
    jobs: list[tuple[Path, str]],
    interchange: Any,
    report: ImportReport,
    cancelled: Callable[[], bool],
    tell: Callable[[int, float, str, _Importer], None],
    read_options: dict[str, Any] | None,
) -> None:
    for done, (path, name) in enumerate(jobs):
        if cancelled():
            raise _Cancelled
        tell(done, 0.0, str(path), importer)
        with contextlib.suppress(OSError):
            report.bytes_read += path.stat().st_size if path.is_file() else 0
        reader = interchange
        if reader is None and name not in FORMATS:  # `auto` found an interchange format in it
            reader = _interchange_format(name)
        if reader is None and name in ("json", "auto") and path.name.endswith(ANNOTATION_SUFFIX):
            # annotator's own annotation files (with their text) are the "json" format
            reader = _interchange_format("json")
        elif reader is None and name in ("json", "jsonl", "auto") and _is_own_jsonl(path):
            # annotator's own JSON Lines export (`export --format jsonl`) is annotations
            reader = _interchange_format("jsonl")
        try:
            if reader is not None and not isinstance(reader, str):
                result = reader.read(path, read_options) if read_options else reader.read(path)
                report.problems += result.problems
                total = max(len(result.documents), 1)
                items: Iterator[tuple[float, Any]] = (((k + 1) / total, d) for k, d in enumerate(result.documents))
                if not result.documents:
                    # a damaged file says so in its one line; "nothing to import" is for
                    # a file that is read well and holds nothing
                    if not result.problems:
                        report.problems.append(f"{path}: nothing to import in this file")
                    continue
            else:
                items = stream_source(path, name)
            within = functools.partial(_tell_within, tell, done, path, importer)
            _stage_items(project, importer, path, items, report, cancelled, within)
        except SourceError as exc:
            report.problems.append(str(exc))
        except (ProjectError, _Cancelled):
            raise
        except OSError as exc:
            if exc.errno in _DISK_ERRNOS:
                raise ProjectError(f"{project.path}: cannot import: {_disk_reason(exc)}") from None
            report.problems.append(f"{path}: cannot import: {exc.strerror or exc}")
        except Exception as exc:  # a bad source is reported, the rest goes on
            report.problems.append(f"{path}: cannot import: {type(exc).__name__}: {exc}")


def _tell_within(
    tell: Callable[[int, float, str, _Importer], None], done: int, path: Path, importer: _Importer, within: float
) -> None:
    tell(done, within, str(path), importer)


def _stage_items(
    project: ImportTarget,
    importer: _Importer,
    path: Path,
    items: Iterator[tuple[float, Any]],
    report: ImportReport,
    cancelled: Callable[[], bool],
    tell: Callable[[float], None],
) -> None:
    """Stage what one source yields, one item at a time (a dump is never held whole).

    Items are named "FILE: item K" unless the file holds one; the first is held back
    until the second shows whether there is one.
    """
    count = 0
    held: tuple[float, Any] | None = None
    problems_before = len(report.problems)

    def stage(item: Any, where: str) -> None:
        try:
            if isinstance(item, Article):
                item.metadata.setdefault("source", path.name)
                if item.unread:  # annotations an article format does not read: said, never dropped
                    report.problems.append(item.unread)
                importer.add(item, where)
            else:
                importer.add_annotated(item, where)
        except OSError as exc:
            if exc.errno in _DISK_ERRNOS:
                # the project's disk, not the source: the import stops, nothing moved in
                raise ProjectError(f"{project.path}: cannot import: {_disk_reason(exc)}") from None
            report.problems.append(f"{where}: cannot import: {exc.strerror or exc}")
        except Exception as exc:  # one bad document is reported, the rest goes on
            report.problems.append(f"{where}: cannot import: {type(exc).__name__}: {exc}")

    for fraction, item in items:
        if cancelled():
            raise _Cancelled
        if isinstance(item, str):
            report.problems.append(item)
            continue
        count += 1
        if count == 1:
            held = (fraction, item)
            continue
        if held is not None:
            stage(held[1], f"{path}: item 1")
            held = None
        stage(item, f"{path}: item {count}")
        tell(fraction)
    if held is not None:
        stage(held[1], str(path))
        tell(held[0])
    if count == 0 and len(report.problems) == problems_before:
        report.problems.append(f"{path}: nothing to import in this file")
