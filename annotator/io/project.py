"""A project: a folder of documents and annotations that people can read and keep in git.

Layout (docs/projects.md)::

    PROJECT/
      project.json                      name, schema, settings, format version
      documents.json                    the documents in import order: id, title, date, url,
                                        text fingerprints (written by imports only)
      documents/<id>.json               one document: text, title, metadata and, when
                                        normalization changed the text, the original text
                                        with the offset map between the two
      annotations/<annotator>/<id>.json one annotator's annotations on one document
                                        (the JSON annotation format, text not embedded)
      .cache/index.json                 status and span counts per annotation file, so that
                                        a document list opens without reading every file;
                                        checked against file sizes and times, never trusted
      .gitignore                        keeps .cache/ and interrupted imports out of git

Each annotator writes only their own folder, so colleagues sharing the folder through git
or a synced drive never write the same file. Ids and annotator names become file names
through `safe_name`, so no path can leave the project whatever an input says.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import AnnotationSet, Document, Label, Schema, SchemaError, Status, default_schema
from . import jsonformat
from .atomic import write_atomic

FORMAT = "annotator/project"
DOCUMENT_FORMAT = "annotator/document"
CATALOG_FORMAT = "annotator/documents"
INDEX_FORMAT = "annotator/index"
VERSION = 1

PROJECT_FILE = "project.json"
CATALOG_FILE = "documents.json"
DOCUMENTS_DIR = "documents"
ANNOTATIONS_DIR = "annotations"
CACHE_DIR = ".cache"
INDEX_FILE = "index.json"
STAGING_PREFIX = ".import-"
GITIGNORE = f"# made by annotator: caches and interrupted imports\n{CACHE_DIR}/\n{STAGING_PREFIX}*/\n"

DEFAULT_ANNOTATOR = "anonymous"
IMPORT_ANNOTATOR = "imported"

# hazm's steps, as project.json's settings.normalizer (docs/projects.md says what each
# does).  Those that drop or rewrite what the writer wrote are off: special characters
# such as emoji, repeated letters, diacritics (search ignores them anyway) and digits
# (persian.normalize never converts digits, whatever a project file says).
DEFAULT_NORMALIZER: dict[str, bool] = {
    "correct_spacing": True,
    "remove_diacritics": False,
    "remove_specials_chars": False,
    "decrease_repeated_chars": False,
    "persian_style": True,
    "persian_numbers": False,
    "unicodes_replacement": True,
    "seperate_mi": True,
}

_LABEL_COLORS = ("#f58231", "#911eb4", "#46f0f0", "#f032e6", "#bcf60c", "#008080", "#9a6324")


class ProjectError(Exception):
    """A project that cannot be opened or changed; the message names the file and why."""


# ---- safe names ------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_MAX_NAME = 120  # characters; leaves room for ".json" and a suffix under common limits


def safe_name(name: str, fallback: str = "document") -> str:
    """A file name standing for `name` on every system: no folder parts, no control
    characters, no Windows device names, no leading dot, at most 120 characters.

    Persian and other letters are kept; what is replaced becomes "_". A name that had to
    be shortened keeps a short hash of the whole so that different names stay different.
    """
    cleaned = unicodedata.normalize("NFC", name)
    cleaned = _UNSAFE.sub("_", cleaned)
    cleaned = "".join("_" if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp") else ch for ch in cleaned)
    cleaned = " ".join(cleaned.split())  # no tabs, no runs or ends of blank space
    # no hidden files, nothing that looks like an option; Windows drops trailing dots
    cleaned = cleaned.lstrip(" .-_~").rstrip(" .")
    if not cleaned or set(cleaned) <= {"_", "."}:
        cleaned = fallback
    if _RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    if len(cleaned) > _MAX_NAME:
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        cleaned = f"{cleaned[: _MAX_NAME - 11].rstrip(' .')}-{digest}"
    return cleaned


def is_safe_name(name: str) -> bool:
    return bool(name) and safe_name(name) == name


def _inside(root: Path, path: Path) -> Path:
    """`path`, after checking it stays inside `root` (a last line of defence)."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise ProjectError(f"{path}: outside the project folder {root}")
    return path


# ---- records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentSummary:
    """What a document list shows, known without reading the document or its spans."""

    id: str
    title: str
    status: Status
    span_count: int
    date: str


@dataclass(frozen=True)
class SearchHit:
    document_id: str
    start: int  # code points in the document's (stored) text, end exclusive
    end: int
    before: str
    match: str
    after: str


@dataclass(frozen=True)
class ImportProgress:
    """Handed to the progress callback: how far an import is, for a progress bar."""

    fraction: float  # 0.0 - 1.0
    files_done: int
    files_total: int
    added: int
    current: str  # the file being read


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)  # new document ids, in order
    skipped_duplicates: list[str] = field(default_factory=list)  # "SOURCE: same as ID"
    problems: list[str] = field(default_factory=list)  # "SOURCE: message"
    cancelled: bool = False
    seconds: float = 0.0
    characters: int = 0  # of the text read (before normalization)
    bytes_read: int = 0  # of the source files

    def lines(self) -> list[str]:
        return [
            f"{len(self.added)} document(s) added",
            f"{len(self.skipped_duplicates)} duplicate(s) skipped",
            f"{len(self.problems)} problem(s)",
        ]


ProgressCallback = Callable[[ImportProgress], None]
CancelCallback = Callable[[], bool]


@dataclass
class _Entry:
    """A line of documents.json."""

    id: str
    title: str = ""
    date: str = ""
    url: str = ""
    sha256: str = ""  # of the stored text
    source_sha256: str = ""  # of the text before normalization, when that differs
    length: int = 0
    # of the text and annotations an interchange file brought (what makes it a duplicate)
    annotations_sha256: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title}
        for key in ("date", "url"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        data["sha256"] = self.sha256
        if self.source_sha256 and self.source_sha256 != self.sha256:
            data["source_sha256"] = self.source_sha256
        data["length"] = self.length
        if self.annotations_sha256:
            data["annotations_sha256"] = self.annotations_sha256
        return data

    @classmethod
    def from_json(cls, data: Any) -> _Entry:
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            raise ValueError("an entry needs a string 'id'")
        return cls(
            id=data["id"],
            title=str(data.get("title", "")),
            date=str(data.get("date", "")),
            url=str(data.get("url", "")),
            sha256=str(data.get("sha256", "")),
            source_sha256=str(data.get("source_sha256", "")),
            length=int(data.get("length", 0)),
            annotations_sha256=str(data.get("annotations_sha256", "")),
        )


@dataclass
class _FileFacts:
    """The index's record of one annotation file."""

    mtime_ns: int
    size: int
    annotator: str
    status: str
    spans: int
    relations: int
    labels: dict[str, int]

    def to_json(self) -> list[Any]:
        return [
            self.mtime_ns, self.size, self.annotator, self.status, self.spans, self.relations,
            self.labels,
        ]  # fmt: skip

    @classmethod
    def from_json(cls, data: Any) -> _FileFacts:
        m, z, annotator, status, spans, relations, labels = data
        return cls(int(m), int(z), str(annotator), str(status), int(spans), int(relations),
                   {str(k): int(v) for k, v in dict(labels).items()})  # fmt: skip


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _dumps(data: dict[str, Any]) -> bytes:
    # a line a key, and a line a document in documents.json: readable and diffable in git
    return jsonformat.format_json(data).encode("utf-8")


def _read_json(path: Path) -> Any:
    """Parsed JSON, or ProjectError naming the file and the place."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProjectError(f"{path}: no such file") from None
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ProjectError(f"{path}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise ProjectError(f"{path}: unreadable JSON: {type(exc).__name__}") from None


def _check_header(path: Path, data: Any, expected: str) -> None:
    if not isinstance(data, dict) or data.get("format") != expected:
        raise ProjectError(f'{path}: $.format: not an annotator file (expected "{expected}")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectError(f"{path}: $.version: missing or not a positive integer")
    if version > VERSION:
        raise ProjectError(
            f"{path}: $.version: written by a newer annotator (format version {version}); "
            f"this program reads version {VERSION}: update annotator to open this project"
        )


# ---- the project -------------------------------------------------------------------------


class Project:
    """An open project folder. Documents are read when asked for, never all at once."""

    def __init__(self, path: Path, data: dict[str, Any], catalog: list[_Entry]) -> None:
        self.path = Path(path)
        self._data = data
        self._entries: dict[str, _Entry] = {e.id: e for e in catalog}
        self._order: list[str] = [e.id for e in catalog]
        self._index: dict[str, dict[str, _FileFacts]] | None = None  # folder -> doc -> facts
        self._maps: dict[str, Any] = {}  # doc id -> OffsetMap (or None), read on demand
        self._search: Any = None  # persian.match index over every text, built on first search
        self._search_ids: list[str] = []
        # the window builds the index in a worker thread while the user reads; a search
        # made meanwhile waits for it rather than building a second one
        self._search_lock = threading.Lock()
        self.last_search_build_seconds = 0.0  # what the first search paid to build its index

    # ---- creating and opening ----------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        name: str,
        schema: Schema | None = None,
        settings: dict[str, Any] | None = None,
    ) -> Project:
        """Make a new project in `path` (created if needed; other files there are left alone)."""
        path = Path(path)
        if (path / PROJECT_FILE).exists():
            raise ProjectError(f"{path / PROJECT_FILE}: a project already exists here")
        try:
            path.mkdir(parents=True, exist_ok=True)
            (path / DOCUMENTS_DIR).mkdir(exist_ok=True)
            (path / ANNOTATIONS_DIR).mkdir(exist_ok=True)
            if not (path / ".gitignore").exists():
                write_atomic(path / ".gitignore", GITIGNORE.encode("utf-8"))
        except OSError as exc:
            raise ProjectError(f"{path}: cannot create the project: {exc.strerror or exc}") from None
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "name": name,
            "schema": (schema or default_schema()).to_json(),
            "settings": {"normalize": True, "normalizer": dict(DEFAULT_NORMALIZER)},
        }
        if settings:
            data["settings"].update(settings)
        project = cls(path, data, [])
        project._write_project_file()
        project._write_catalog()
        return project

    @classmethod
    def open(cls, path: Path | str) -> Project:
        """Open a project folder; ProjectError says which file is wrong and how."""
        path = Path(path)
        if not path.is_dir():
            raise ProjectError(f"{path}: no such folder")
        project_file = path / PROJECT_FILE
        if not project_file.exists():
            raise ProjectError(
                f"{project_file}: no such file: {path} is not an annotator project (`annotator import` makes one)"
            )
        data = _read_json(project_file)
        _check_header(project_file, data, FORMAT)
        if not isinstance(data.get("name"), str):
            raise ProjectError(f"{project_file}: $.name: missing or not a string")
        try:
            Schema.from_json(data.get("schema"))
        except SchemaError as exc:
            raise ProjectError(f"{project_file}: $.schema: {exc}") from None
        settings = data.setdefault("settings", {})
        if not isinstance(settings, dict):
            raise ProjectError(f"{project_file}: $.settings: not an object")
        catalog_file = path / CATALOG_FILE
        entries: list[_Entry] = []
        if catalog_file.exists():
            catalog = _read_json(catalog_file)
            _check_header(catalog_file, catalog, CATALOG_FORMAT)
            items = catalog.get("documents")
            if not isinstance(items, list):
                raise ProjectError(f"{catalog_file}: $.documents: missing or not a list")
            seen: set[str] = set()
            for i, item in enumerate(items):
                try:
                    entry = _Entry.from_json(item)
                except (ValueError, TypeError) as exc:
                    raise ProjectError(f"{catalog_file}: $.documents[{i}]: {exc}") from None
                if not is_safe_name(entry.id):
                    raise ProjectError(f"{catalog_file}: $.documents[{i}].id: {entry.id!r} is not a safe file name")
                if entry.id.casefold() in seen:
                    raise ProjectError(f"{catalog_file}: $.documents[{i}].id: duplicate id {entry.id!r}")
                seen.add(entry.id.casefold())
                entries.append(entry)
        return cls(path, data, entries)

    @classmethod
    def open_or_create(cls, path: Path | str, name: str | None = None) -> Project:
        path = Path(path)
        if (path / PROJECT_FILE).exists():
            return cls.open(path)
        return cls.create(path, name or path.resolve().name)

    # ---- what the project is ----------------------------------------------------------

    @property
    def name(self) -> str:
        return str(self._data["name"])

    @property
    def schema(self) -> Schema:
        return Schema.from_json(self._data["schema"])

    @property
    def settings(self) -> dict[str, Any]:
        """A copy of project.json's settings (normalize, normalizer ...)."""
        return json.loads(json.dumps(self._data.get("settings", {})))  # type: ignore[no-any-return]

    def update_settings(self, **changes: Any) -> None:
        self._data.setdefault("settings", {}).update(changes)
        self._write_project_file()

    def set_schema(self, schema: Schema) -> None:
        self._data["schema"] = schema.to_json()
        self._write_project_file()

    def document_ids(self) -> list[str]:
        """Every document id, in import order."""
        return list(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def document_path(self, doc_id: str) -> Path:
        self._entry(doc_id)
        return _inside(self.path, self.path / DOCUMENTS_DIR / f"{doc_id}.json")

    def annotation_path(self, doc_id: str, annotator: str) -> Path:
        folder = safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR)
        if not is_safe_name(doc_id):
            raise ProjectError(f"{doc_id!r} is not a document id of this project")
        return _inside(self.path, self.path / ANNOTATIONS_DIR / folder / f"{doc_id}.json")

    def annotators(self) -> list[str]:
        """The annotators with an annotation folder (their names as stored in their files)."""
        index = self._refreshed_index()
        names: list[str] = []
        for folder, files in sorted(index.items()):
            found = next((f.annotator for f in files.values() if f.annotator), folder)
            names.append(found)
        return names

    # ---- documents ---------------------------------------------------------------------

    def _entry(self, doc_id: str) -> _Entry:
        try:
            return self._entries[doc_id]
        except KeyError:
            raise ProjectError(f"{self.path}: no document {doc_id!r}") from None

    def _read_document_file(self, doc_id: str) -> dict[str, Any]:
        path = self.document_path(doc_id)
        data = _read_json(path)
        _check_header(path, data, DOCUMENT_FORMAT)
        if not isinstance(data.get("text"), str):
            raise ProjectError(f"{path}: $.text: missing or not a string")
        if data.get("id") != doc_id:
            raise ProjectError(f"{path}: $.id: says {data.get('id')!r}, expected {doc_id!r}")
        return data  # type: ignore[no-any-return]

    def load_document(self, doc_id: str) -> Document:
        data = self._read_document_file(doc_id)
        metadata = data.get("metadata")
        return Document(
            id=doc_id,
            text=data["text"],
            title=str(data.get("title", "")),
            metadata=dict(metadata) if isinstance(metadata, dict) else {},
        )

    def original_text(self, doc_id: str) -> str:
        """The text as imported, before normalization (the stored text when unchanged)."""
        data = self._read_document_file(doc_id)
        original = data.get("original")
        if isinstance(original, dict) and isinstance(original.get("text"), str):
            return str(original["text"])
        return str(data["text"])

    def offset_map(self, doc_id: str) -> Any:
        """The persian.normalize.OffsetMap from original to stored text, or None (unchanged)."""
        if doc_id not in self._maps:
            data = self._read_document_file(doc_id)
            original = data.get("original")
            found = None
            if isinstance(original, dict):
                from ..persian.normalize import OffsetMap

                try:
                    found = OffsetMap.from_json(original.get("offset_map"))
                except ValueError as exc:
                    raise ProjectError(f"{self.document_path(doc_id)}: $.original.offset_map: {exc}") from None
            self._maps[doc_id] = found
        return self._maps[doc_id]

    def original_offsets(self, doc_id: str, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original (imported) text of the stored-text span [start, end)."""
        mapping = self.offset_map(doc_id)
        if mapping is None:
            return start, end
        result: tuple[int, int] = mapping.span_to_original(start, end)
        return result

    # ---- annotations -------------------------------------------------------------------

    def load_annotations(self, doc_id: str, annotator: str, document: Document | None = None) -> AnnotationSet:
        """An annotator's annotations on a document. When they have none yet: a copy of the
        annotations the import brought (annotator "imported"), else a new empty set.

        Raises jsonformat.AnnotationFileError (listing the problems) for a bad file.
        """
        document = document or self.load_document(doc_id)
        path = self.annotation_path(doc_id, annotator)
        if not path.exists():
            imported = self.annotation_path(doc_id, IMPORT_ANNOTATOR)
            if annotator == IMPORT_ANNOTATOR or not imported.exists():
                return AnnotationSet(document, annotator, self.schema)
            # an annotator who has not touched a document starts from what the import
            # brought (e.g. a NER corpus being corrected); their own file appears on the
            # first edit, and the imported file stays as it was
            aset = jsonformat.load(imported, self.schema, document)
            aset.annotator = annotator
            aset.status = Status.NEW
            return aset
        aset = jsonformat.load(path, self.schema, document)
        if not aset.annotator:
            aset.annotator = annotator
        return aset

    def save_annotations(self, aset: AnnotationSet) -> Path:
        """Save atomically (the text stays in the document file) and update the index."""
        doc_id = aset.document.id
        entry = self._entry(doc_id)
        if aset.document.sha256 != entry.sha256 and entry.sha256:
            raise ProjectError(f"{self.document_path(doc_id)}: the annotations were made on another text")
        path = self.annotation_path(doc_id, aset.annotator)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            jsonformat.save(aset, path, embed_text=False)
        except OSError as exc:
            raise ProjectError(f"{path}: cannot save: {exc.strerror or exc}") from None
        aset.undo_stack.set_clean()
        index = self._refreshed_index()
        index.setdefault(path.parent.name, {})[doc_id] = _facts_of_set(aset, path.stat())
        self._write_index()
        return path

    def set_status(self, doc_id: str, annotator: str, status: Status | str) -> AnnotationSet:
        """Mark a document new / in progress / done for an annotator (saved at once)."""
        aset = self.load_annotations(doc_id, annotator)
        aset.set_status(Status(status))
        self.save_annotations(aset)
        return aset

    # ---- the index of annotation files (summaries without reading spans) ---------------

    def _index_path(self) -> Path:
        return self.path / CACHE_DIR / INDEX_FILE

    def _refreshed_index(self) -> dict[str, dict[str, _FileFacts]]:
        """The cached facts of every annotation file, re-read only for files that changed."""
        if self._index is None:
            self._index = self._read_index()
        changed = False
        # another person's files may arrive at any time (git pull, a synced drive), so
        # every refresh looks at the folders; a stat per file is cheap, reading is not
        root = self.path / ANNOTATIONS_DIR
        folders: dict[str, str] = {}
        with contextlib.suppress(OSError), os.scandir(root) as found:
            folders = {e.name: e.path for e in found if e.is_dir() and not e.name.startswith(".")}
        for gone in set(self._index) - set(folders):
            del self._index[gone]
            changed = True
        for folder, folder_path in folders.items():
            known = self._index.setdefault(folder, {})
            seen: set[str] = set()
            with os.scandir(folder_path) as it:
                for item in it:
                    if not item.name.endswith(".json") or item.name.startswith("."):
                        continue
                    doc_id = item.name[: -len(".json")]
                    seen.add(doc_id)
                    try:
                        st = item.stat()
                    except OSError:
                        continue
                    facts = known.get(doc_id)
                    if facts is not None and (facts.mtime_ns, facts.size) == (
                        st.st_mtime_ns,
                        st.st_size,
                    ):
                        continue
                    known[doc_id] = _facts_of_file(Path(item.path), st)
                    changed = True
            for gone in set(known) - seen:
                del known[gone]
                changed = True
        if changed:
            self._write_index()
        return self._index

    def _read_index(self) -> dict[str, dict[str, _FileFacts]]:
        try:
            data = json.loads(self._index_path().read_bytes())
            if data.get("format") != INDEX_FORMAT or data.get("version") != VERSION:
                return {}
            return {
                str(folder): {str(d): _FileFacts.from_json(f) for d, f in files.items()}
                for folder, files in data["annotations"].items()
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}  # a cache: rebuilt from the files when absent or unreadable

    def _write_index(self) -> None:
        if self._index is None:
            return
        data = {
            "format": INDEX_FORMAT,
            "version": VERSION,
            "annotations": {
                folder: {d: f.to_json() for d, f in sorted(files.items())}
                for folder, files in sorted(self._index.items())
            },
        }
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with contextlib.suppress(OSError):  # a read-only project still opens
            (self.path / CACHE_DIR).mkdir(exist_ok=True)
            write_atomic(self._index_path(), raw)

    def _facts_for(
        self,
        doc_id: str,
        annotator: str | None,
        index: dict[str, dict[str, _FileFacts]] | None = None,
    ) -> list[_FileFacts]:
        if index is None:
            index = self._refreshed_index()
        if annotator is not None:
            folder = safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR)
            found = index.get(folder, {}).get(doc_id)
            return [found] if found else []
        return [files[doc_id] for files in index.values() if doc_id in files]

    def summary(self, doc_id: str, annotator: str | None = None) -> DocumentSummary:
        """Title, status, span count and date of one document.

        With an annotator: their status and spans. Without: all annotators together
        (spans added up; done when every annotator with a file is done, new when nobody
        has started, in progress otherwise).
        """
        return self._summary(doc_id, annotator, self._refreshed_index())

    def _summary(self, doc_id: str, annotator: str | None, index: dict[str, dict[str, _FileFacts]]) -> DocumentSummary:
        entry = self._entry(doc_id)
        facts = self._facts_for(doc_id, annotator, index)
        return DocumentSummary(
            entry.id,
            entry.title,
            _combined_status(facts),
            sum(f.spans for f in facts),
            entry.date,
        )

    def summaries(self, annotator: str | None = None) -> list[DocumentSummary]:
        """Every document's summary, in import order, from documents.json and the index."""
        index = self._refreshed_index()
        return [self._summary(doc_id, annotator, index) for doc_id in self._order]

    def neighbour(
        self,
        doc_id: str,
        step: int = 1,
        annotator: str | None = None,
        unfinished: bool = False,
    ) -> str | None:
        """The next (step 1) or previous (step -1) document id, or the next one not done
        for the annotator; None at the end of the list."""
        pos = self._order.index(self._entry(doc_id).id)
        count = len(self._order)
        index = self._refreshed_index()
        for k in range(1, count if unfinished else 2):
            i = pos + step * k
            if unfinished:
                i %= count
            elif not 0 <= i < count:
                return None
            other = self._order[i]
            if not unfinished or self._summary(other, annotator, index).status != Status.DONE:
                return other
        return None

    # ---- statistics --------------------------------------------------------------------

    def stats(self, annotator: str | None = None) -> dict[str, Any]:
        """Documents by status, spans per label and per annotator, as a JSON-ready dict."""
        index = self._refreshed_index()
        by_status = {s.value: 0 for s in Status}
        for doc_id in self._order:
            by_status[_combined_status(self._facts_for(doc_id, annotator, index)).value] += 1
        per_annotator: dict[str, Any] = {}
        for folder, files in sorted(index.items()):
            present = {d: f for d, f in files.items() if d in self._entries}
            name = next((f.annotator for f in present.values() if f.annotator), folder)
            if annotator is not None and folder != safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR):
                continue
            labels: dict[str, int] = {}
            status = {s.value: 0 for s in Status}
            for facts in present.values():
                for label, n in facts.labels.items():
                    labels[label] = labels.get(label, 0) + n
                status[facts.status if facts.status in status else Status.NEW.value] += 1
            status[Status.NEW.value] += len(self._order) - len(present)
            per_annotator[name] = {
                "folder": folder,
                "files": len(present),
                "status": status,
                "spans": sum(f.spans for f in present.values()),
                "relations": sum(f.relations for f in present.values()),
                "labels": dict(sorted(labels.items())),
            }
        labels_total: dict[str, int] = {}
        for info in per_annotator.values():
            for label, n in info["labels"].items():
                labels_total[label] = labels_total.get(label, 0) + n
        return {
            "project": self.name,
            "documents": len(self._order),
            "characters": sum(e.length for e in self._entries.values()),
            "status": by_status,
            "spans": sum(info["spans"] for info in per_annotator.values()),
            "relations": sum(info["relations"] for info in per_annotator.values()),
            "labels": dict(sorted(labels_total.items())),
            "annotators": per_annotator,
        }

    # ---- search ------------------------------------------------------------------------

    def search(
        self, query: str, limit: int | None = None, width: int = 40, whole_words: bool = False
    ) -> list[SearchHit]:
        """Persian-aware search across every document (ي=ی, ك=ک, digits, ZWNJ/space,
        diacritics): hits in import order, each with `width` characters of context.

        The first search reads every text and builds the folded index (its cost is in
        `last_search_build_seconds`); later ones use the index kept in memory.
        """
        from ..persian import match

        with self._search_lock:
            if self._search is None or len(self._search_ids) != len(self._order):
                began = time.perf_counter()
                self._build_search_index(match)
                self.last_search_build_seconds = time.perf_counter() - began
        hits: list[SearchHit] = []
        if not query.strip():
            return hits
        for doc_pos, start, end in self._search.find_all(query, whole_words=whole_words, limit=limit):
            doc_id = self._search_ids[doc_pos]
            text = self._search.text(doc_pos)
            before, found, after = match.context(text, start, end, width)
            hits.append(SearchHit(doc_id, start, end, before, found, after))
        return hits

    def _build_search_index(self, match: Any) -> None:
        ids = self._order[len(self._search_ids) :] if self._search is not None else self._order
        if self._search is None:
            self._search = match.SearchIndex()
            self._search_ids = []
        for doc_id in list(ids):
            self._search.add(str(self._read_document_file(doc_id)["text"]))
            self._search_ids.append(doc_id)
        self._search.prepare()  # fold now, so that the first search pays it, not a later one

    def prepare_search(self) -> float:
        """Build the search index now (e.g. in a worker thread); returns the seconds spent."""
        from ..persian import match

        began = time.perf_counter()
        with self._search_lock:
            self._build_search_index(match)
        self.last_search_build_seconds = time.perf_counter() - began
        return self.last_search_build_seconds

    # ---- importing ---------------------------------------------------------------------

    def import_sources(
        self,
        sources: Sequence[Path | str],
        fmt: str = "auto",
        normalize: bool | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelCallback | None = None,
        annotator: str = IMPORT_ANNOTATOR,
    ) -> ImportReport:
        """Import articles (or annotated documents, for interchange formats) from files
        and folders. A bad source is reported by name and the rest imported; an article
        already in the project (same text or same url) is skipped.

        Everything is written to a staging folder inside the project and moved into
        place at the end, so a cancelled (or failed) import leaves the project as it was.
        `normalize` None follows the project's settings for articles, and keeps the text
        of annotated documents (interchange formats) as it is: their annotations are
        anchored to it. True normalizes both (mapping spans and tokens), False neither.
        """
        from .importers.pipeline import run_import

        return run_import(self, [Path(s) for s in sources], fmt, normalize, progress, cancel, annotator)

    def normalizes(self) -> bool:
        """Whether imported articles are normalized (project.json's settings.normalize)."""
        return bool(self._data.get("settings", {}).get("normalize", True))

    def normalizer_options(self) -> dict[str, bool]:
        options = dict(DEFAULT_NORMALIZER)
        chosen = self._data.get("settings", {}).get("normalizer")
        if isinstance(chosen, dict):
            options.update({str(k): bool(v) for k, v in chosen.items() if k in options})
        return options

    def _known_ids(self) -> set[str]:
        taken = {i.casefold() for i in self._entries}
        with contextlib.suppress(OSError):
            taken |= {
                n[: -len(".json")].casefold() for n in os.listdir(self.path / DOCUMENTS_DIR) if n.endswith(".json")
            }
        return taken

    def _add_entries(self, entries: list[_Entry]) -> None:
        for entry in entries:
            self._entries[entry.id] = entry
            self._order.append(entry.id)

    def _remove_entries(self, ids: Iterable[str]) -> None:
        drop = set(ids)
        for doc_id in drop:
            self._entries.pop(doc_id, None)
        self._order = [d for d in self._order if d not in drop]

    def _add_labels(self, labels: Iterable[str], relation_types: Iterable[str] = ()) -> bool:
        """Extend the schema with labels an import brought; True when it changed."""
        schema = self.schema
        new_labels = [lb for lb in dict.fromkeys(labels) if schema.label(lb) is None]
        new_types = [t for t in dict.fromkeys(relation_types) if schema.relation_type(t) is None]
        if not new_labels and not new_types:
            return False
        from ..model import RelationType

        added = tuple(
            Label(lb, lb, lb, _LABEL_COLORS[(len(schema.labels) + i) % len(_LABEL_COLORS)])
            for i, lb in enumerate(new_labels)
        )
        types = tuple(RelationType(t, t, t) for t in new_types)
        self._data["schema"] = Schema(schema.labels + added, schema.relation_types + types, schema.attributes).to_json()
        return True

    # ---- writing the project's own files ------------------------------------------------

    def _project_bytes(self) -> bytes:
        return _dumps(self._data)

    def _catalog_bytes(self) -> bytes:
        data = {
            "format": CATALOG_FORMAT,
            "version": VERSION,
            "documents": [self._entries[d].to_json() for d in self._order],
        }
        return _dumps(data)

    def _write_project_file(self) -> None:
        try:
            write_atomic(self.path / PROJECT_FILE, self._project_bytes())
        except OSError as exc:
            raise ProjectError(f"{self.path / PROJECT_FILE}: cannot save: {exc.strerror}") from None

    def _write_catalog(self) -> None:
        try:
            write_atomic(self.path / CATALOG_FILE, self._catalog_bytes())
        except OSError as exc:
            raise ProjectError(f"{self.path / CATALOG_FILE}: cannot save: {exc.strerror}") from None

    def staging_folder(self) -> Path:
        """A new hidden folder inside the project for an import to write into."""
        return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.path))


def _combined_status(facts: Sequence[_FileFacts]) -> Status:
    statuses = {f.status for f in facts}
    if not statuses or statuses == {Status.NEW.value}:
        return Status.NEW
    if statuses == {Status.DONE.value}:
        return Status.DONE
    return Status.IN_PROGRESS


def _facts_of_set(aset: AnnotationSet, st: os.stat_result) -> _FileFacts:
    labels: dict[str, int] = {}
    for span in aset.spans():
        labels[span.label] = labels.get(span.label, 0) + 1
    return _FileFacts(
        st.st_mtime_ns,
        st.st_size,
        aset.annotator,
        aset.status.value,
        aset.span_count(),
        len(aset.relations()),
        labels,
    )


def _facts_of_file(path: Path, st: os.stat_result) -> _FileFacts:
    """Read an annotation file's status and counts (no checking: validate does that)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        return _FileFacts(st.st_mtime_ns, st.st_size, "", Status.NEW.value, 0, 0, {})
    found = data.get("spans")
    spans: list[Any] = found if isinstance(found, list) else []
    labels: dict[str, int] = {}
    for span in spans:
        if isinstance(span, dict):
            label = str(span.get("label", ""))
            labels[label] = labels.get(label, 0) + 1
    relations = data.get("relations")
    status = data.get("status")
    return _FileFacts(
        st.st_mtime_ns,
        st.st_size,
        str(data.get("annotator", "")),
        status if status in {s.value for s in Status} else Status.NEW.value,
        len(spans),
        len(relations) if isinstance(relations, list) else 0,
        labels,
    )


def document_json(
    doc_id: str,
    title: str,
    text: str,
    metadata: dict[str, Any],
    original: str | None = None,
    offset_map: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A document file's content; the original text and map only when they differ."""
    data: dict[str, Any] = {
        "format": DOCUMENT_FORMAT,
        "version": VERSION,
        "id": doc_id,
        "title": title,
        "metadata": metadata,
        "text": text,
    }
    if original is not None and original != text:
        data["original"] = {"text": original, "offset_map": offset_map}
    return data


def validate_project(path: Path | str) -> list[str]:
    """Every problem in a project folder, one line each ("FILE: $.path: message").

    Checks project.json, documents.json, every document file (id, text fingerprint,
    original text and offset map) and every annotation file against its document and
    the project's schema; files no document accounts for and interrupted imports too.
    """
    root = Path(path)
    try:
        project = Project.open(root)
    except ProjectError as exc:
        message = str(exc)
        return [message if ": $" in message else message.replace(": ", ": $: ", 1)]
    lines: list[str] = []
    schema = project.schema
    texts: dict[str, str] = {}
    for doc_id in project.document_ids():
        file = root / DOCUMENTS_DIR / f"{doc_id}.json"
        entry = project._entry(doc_id)
        try:
            data = project._read_document_file(doc_id)
        except ProjectError as exc:
            message = str(exc)
            lines.append(message if ": $" in message else message.replace(": ", ": $: ", 1))
            continue
        text = data["text"]
        texts[doc_id] = text
        if entry.sha256 and text_hash(text) != entry.sha256:
            lines.append(f"{file}: $.text: differs from the fingerprint in {CATALOG_FILE}")
        if not isinstance(data.get("metadata", {}), dict):
            lines.append(f"{file}: $.metadata: not an object")
        original = data.get("original")
        if original is not None:
            lines += _check_original(file, original, text)
    lines += _stray_files(root, project)
    index_folders: set[str] = set()
    annotations = root / ANNOTATIONS_DIR
    for folder in sorted(p for p in annotations.glob("*") if p.is_dir()):
        index_folders.add(folder.name)
        for file in sorted(folder.glob("*.json")):
            doc_id = file.name[: -len(".json")]
            if doc_id not in texts:
                if doc_id not in project:
                    lines.append(f"{file}: $: annotations of a document the project does not have")
                continue
            try:
                data = jsonformat.parse(file.read_bytes(), file)
            except OSError as exc:
                lines.append(f"{file}: $: cannot read: {exc.strerror or exc}")
                continue
            except jsonformat.AnnotationFileError as exc:
                lines += [p.line(file) for p in exc.problems]
                continue
            problems = jsonformat.check(data, schema, texts[doc_id])
            lines += [p.line(file) for p in problems]
            if not problems and data["document"]["id"] != doc_id:
                lines.append(f"{file}: $.document.id: says {data['document']['id']!r}, the file belongs to {doc_id!r}")
    return lines


def _check_original(file: Path, original: Any, text: str) -> list[str]:
    if not isinstance(original, dict) or not isinstance(original.get("text"), str):
        return [f"{file}: $.original.text: missing or not a string"]
    from ..persian.normalize import OffsetMap

    try:
        mapping = OffsetMap.from_json(original.get("offset_map"))
    except ValueError as exc:
        return [f"{file}: $.original.offset_map: {exc}"]
    if mapping.original_length != len(original["text"]) or mapping.normalized_length != len(text):
        return [f"{file}: $.original.offset_map: lengths do not match the texts"]
    return []


def _stray_files(root: Path, project: Project) -> list[str]:
    lines: list[str] = []
    with contextlib.suppress(OSError):
        for name in sorted(os.listdir(root / DOCUMENTS_DIR)):
            stem = name[: -len(".json")] if name.endswith(".json") else ""
            if name.startswith("."):
                continue
            if stem not in project:
                lines.append(
                    f"{root / DOCUMENTS_DIR / name}: $: not listed in {CATALOG_FILE} (left by an interrupted import?)"
                )
    for leftover in sorted(root.glob(f"{STAGING_PREFIX}*")):
        lines.append(f"{leftover}: $: left by an interrupted import; it can be deleted")
    return lines
