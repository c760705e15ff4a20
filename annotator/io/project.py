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
import shutil
import sqlite3
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..model import AnnotationSet, Document, Schema, SchemaError, Status, default_schema
from . import entities as entity_files
from . import jsonformat
from .atomic import remove_stale_temporaries, write_atomic
from .catalog import (
    ANNOTATIONS_DIR,
    CACHE_DIR,
    CATALOG_FILE,
    CATALOG_FORMAT,
    COMMIT_RECORD,
    DOCUMENT_FORMAT,
    DOCUMENTS_DIR,
    FORMAT,
    GITIGNORE,
    INDEX_FILE,
    INDEX_FORMAT,
    MAX_PROJECT_FILE_BYTES,
    PROJECT_FILE,
    STAGING_PREFIX,
    VERSION,
    CancelCallback,
    CatalogEntry,
    ImportProgress,
    ImportReport,
    ProgressCallback,
    ProjectError,
    StagedImport,
    check_real_folder,
    document_json,
    extend_schema,
    file_signature,
    read_catalog,
    text_hash,
    try_lock_folder,
    write_lock,
)
from .catalog import check_header as _check_header
from .catalog import dumps as _dumps
from .catalog import inside as _inside
from .catalog import read_json as _read_json
from .names import DEFAULT_ANNOTATOR, IMPORT_ANNOTATOR, is_safe_name, safe_name
from .reading import read_regular
from .store import describe_os_error, pending_state

_Entry = CatalogEntry  # the name tests and older code know


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


# ---- records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentSummary:
    """What a document list shows, known without reading the document or its spans."""

    id: str
    title: str
    status: Status
    span_count: int
    date: str  # as the source wrote it (Jalali or Gregorian)
    date_gregorian: str = ""  # ISO YYYY-MM-DD, for sorting and filters; "" when unknown


@dataclass(frozen=True)
class SearchHit:
    document_id: str
    start: int  # code points in the document's (stored) text, end exclusive
    end: int
    before: str
    match: str
    after: str


@dataclass(frozen=True)
class OpeningState:
    """What documents open with for a coder (Project.opening_state)."""

    spans: dict[str, list[tuple[str, int, int]]]  # (label, start, end), files with spans only
    done: frozenset[str]  # marked done


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
    # why the file cannot be read ("not valid JSON (...)"), "" when it can: such a file
    # counts for nothing, and stats and the document list say it was left out
    unreadable: str = ""

    def to_json(self) -> list[Any]:
        return [
            self.mtime_ns, self.size, self.annotator, self.status, self.spans, self.relations,
            self.labels, self.unreadable,
        ]  # fmt: skip

    @classmethod
    def from_json(cls, data: Any) -> _FileFacts:
        m, z, annotator, status, spans, relations, labels, unreadable = data
        return cls(int(m), int(z), str(annotator), str(status), int(spans), int(relations),
                   {str(k): int(v) for k, v in dict(labels).items()}, str(unreadable))  # fmt: skip


# the shape of .cache/index.json's file facts: 2 added `unreadable`; 3 counts a file
# that does not pass the schema's checks (wrong types, end before start ...) as unreadable
INDEX_FACTS = 3

# documents.json (out of step with its index) of this size or more is read in a worker
# when the window asks (catalog_later); a smaller one, at once (~3,000 documents: ~0.2 s)
READ_CATALOG_LATER_ABOVE = 1 << 20

# ---- the project -------------------------------------------------------------------------


class Project:
    """An open project folder. Documents are read when asked for, never all at once."""

    def __init__(self, path: Path, data: dict[str, Any], catalog: list[_Entry] | None) -> None:
        self.path = Path(path)
        self._data = data
        # documents.json, read when first needed: a window lists the documents through
        # the catalogue index (io.catalogindex) and never reads it when that is in step
        self._loaded: dict[str, _Entry] | None = None
        self._order_list: list[str] | None = None
        if catalog is not None:
            self._set_catalog(catalog)
        self._catalog_index: Any = None  # io.catalogindex.CatalogIndex, once opened
        self._catalog_signature: str | None = None  # the documents.json it is known to hold
        # opened with catalog_later and the index out of step: a worker is to make it
        # again (rebuild_catalog_index) while the window lists what the old index holds
        self.catalog_pending = False
        self._stale_signature = ""  # what the out-of-step index records
        self._index: dict[str, dict[str, _FileFacts]] | None = None  # folder -> doc -> facts
        self._index_schema = ""  # _schema_key of the schema the index's files were checked against
        self._maps: dict[str, Any] = {}  # doc id -> OffsetMap (or None), read on demand
        self._file_maps: dict[str, Any] = {}  # doc id -> OffsetMap from the source file (or None)
        # the search index (io.textindex, .cache/search.sqlite); the in-memory
        # persian.match index only where SQLite cannot keep one (no FTS5, read-only folder)
        self._text_index: Any = None
        self._index_synced = -1  # catalogue positions known to match the index, -1: not checked
        # every id in catalogue order, read from the catalogue index once per state of
        # documents.json (its signature): a search maps the positions it finds to ids
        # without reading 100,000 ids each time (~90 ms, most of such a search)
        self._ids_cache: tuple[str, list[str]] = ("", [])
        self._search: Any = None
        self._search_ids: list[str] = []
        # the window syncs the index in a worker thread while the user reads; a search
        # made meanwhile waits for it rather than syncing a second time
        self._search_lock = threading.Lock()
        self.last_search_build_seconds = 0.0  # what the first search paid to sync/build its index
        # project.json and documents.json as last read or written here: another program
        # (an import on the command line, another window) may change them meanwhile
        self._signatures: tuple[Any, Any] = (None, None)

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
        with write_lock(path):
            project._write_project_file()
            project._write_catalog()
        return project

    @classmethod
    def open(cls, path: Path | str, catalog_later: bool = False) -> Project:
        """Open a project folder; ProjectError says which file is wrong and how.

        With `catalog_later` (the window), a catalogue index out of step with
        documents.json (changed outside annotator, or the index deleted) is not made
        again here: `catalog_pending` is then True, the project answers from the index as
        it is, and the caller runs `rebuild_catalog_index` in a worker thread and
        `adopt_catalog_index` after it (a bad documents.json is said then)."""
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
        except (TypeError, ValueError, OverflowError, RecursionError, AttributeError, KeyError) as exc:
            raise ProjectError(f"{project_file}: $.schema: not a label set ({type(exc).__name__})") from None
        settings = data.setdefault("settings", {})
        if not isinstance(settings, dict):
            raise ProjectError(f"{project_file}: $.settings: not an object")
        project = cls(path, data, None)
        project._signatures = project._disk_signatures()
        if not project._catalog_cached() and not (catalog_later and project._defer_catalog()):
            project._set_catalog(read_catalog(path))  # checked now: a bad file is said at once
        return project

    # ---- documents.json, read when needed ----------------------------------------------

    def _set_catalog(self, catalog: list[_Entry]) -> None:
        self._loaded = {e.id: e for e in catalog}
        self._order_list = [e.id for e in catalog]

    @property
    def _entries(self) -> dict[str, _Entry]:
        if self._loaded is None:
            self._set_catalog(read_catalog(self.path))
        assert self._loaded is not None
        return self._loaded

    @_entries.setter
    def _entries(self, value: dict[str, _Entry]) -> None:
        self._loaded = value

    @property
    def _order(self) -> list[str]:
        if self._order_list is None:
            self._set_catalog(read_catalog(self.path))
        assert self._order_list is not None
        return self._order_list

    @_order.setter
    def _order(self, value: list[str]) -> None:
        self._order_list = value

    def _lazy(self) -> Any:
        """The catalogue index when documents.json has not been read (and need not be)."""
        return self._catalog_index if self._loaded is None else None

    def _catalog_cached(self) -> bool:
        """Whether .cache/catalog.sqlite holds documents.json as it is: then it is not read."""
        from .catalogindex import CATALOG_DB, CatalogIndex, catalog_signature

        if not (self.path / CACHE_DIR / CATALOG_DB).is_file():
            return False
        signature = catalog_signature(self.path / CATALOG_FILE)
        try:
            index = CatalogIndex(self.path / CACHE_DIR / CATALOG_DB)
            if index.signature() != signature:
                self._catalog_index = index  # made in step when the window asks for it
                return False
        except sqlite3.Error:
            return False
        self._catalog_index, self._catalog_signature = index, signature
        return True

    def _defer_catalog(self) -> bool:
        """Leave the out-of-step (or new, empty) catalogue index as it is for a worker to
        make again; False where it cannot be shared with one (kept in memory)."""
        from .catalogindex import CATALOG_DB, CatalogIndex

        try:
            if os.stat(self.path / CATALOG_FILE).st_size < READ_CATALOG_LATER_ABOVE:
                return False  # made at once, as before: a fraction of a second
        except OSError:
            return False
        if self._catalog_index is None:
            try:
                self._catalog_index = CatalogIndex(self.path / CACHE_DIR / CATALOG_DB)
            except sqlite3.Error:
                return False
        try:
            if self._catalog_index.path is None:  # a read-only folder: made here, at once
                return False
            self._stale_signature = self._catalog_index.signature()
        except sqlite3.Error:
            return False
        self.catalog_pending = True
        return True

    def rebuild_catalog_index(self, progress: Callable[[int, int], None] | None = None) -> str | None:
        """Make the catalogue index again from documents.json on a connection of its own:
        safe to call from a worker thread while the window reads the index as it was (it
        touches nothing else of this object). Returns the signature of the documents.json
        now held, for `adopt_catalog_index`; None when the index was brought in step by
        someone else meanwhile. `progress(done, total)` may raise to stop (nothing
        changed); ProjectError for a bad documents.json, sqlite3.Error for a bad cache."""
        from .catalogindex import CATALOG_DB, CatalogIndex, catalog_signature

        signature = catalog_signature(self.path / CATALOG_FILE)  # before reading: a change meanwhile shows
        entries = read_catalog(self.path)
        own = CatalogIndex(self.path / CACHE_DIR / CATALOG_DB)
        try:
            if own.path is None:
                return None
            return signature if own.rebuild(entries, signature, self._stale_signature, progress) else None
        finally:
            own.close()

    def adopt_catalog_index(self, signature: str | None) -> bool:
        """After `rebuild_catalog_index` (in the window's thread): True when the index now
        holds documents.json as it is; False when documents.json changed again meanwhile
        (still pending: rebuild once more)."""
        from .catalogindex import catalog_signature

        if not self.catalog_pending:
            return True  # brought in step here meanwhile (a write of documents.json)
        now = catalog_signature(self.path / CATALOG_FILE)
        held = self._catalog_index.signature() if self._catalog_index is not None else ""
        if now == held and signature in (None, now):
            self._catalog_signature = now
            self.catalog_pending = False
            self._index_synced = -1  # the search index is compared with the new catalogue
            return True
        self._stale_signature = held
        return False

    def catalog_index(self, wait: bool = True) -> Any:
        """The io.catalogindex.CatalogIndex of documents.json as it is now, made (from
        documents.json) when missing, damaged or out of step; with `wait` False, while a
        worker is making it (catalog_pending), the index as it is."""
        from .catalogindex import CATALOG_DB, CatalogIndex, catalog_signature

        if not wait and self.catalog_pending and self._catalog_index is not None:
            return self._catalog_index
        signature = catalog_signature(self.path / CATALOG_FILE)
        if self._catalog_index is None:
            self._catalog_index = CatalogIndex(self.path / CACHE_DIR / CATALOG_DB)
        if signature == self._catalog_signature:
            return self._catalog_index
        try:
            if self._catalog_index.signature() != signature:
                if self._loaded is None or self._signatures[1] != file_signature(self.path / CATALOG_FILE):
                    self._set_catalog(read_catalog(self.path))
                self._catalog_index.store(self.entries_view(), signature)
        except sqlite3.Error:  # a damaged or read-only file: in memory, made from documents.json
            self._catalog_index = CatalogIndex(None)
            self._catalog_index.store(self.entries_view(), signature)
        self._catalog_signature = signature
        self.catalog_pending = False
        return self._catalog_index

    def entries_view(self) -> list[_Entry]:
        """documents.json's entries, in import order (not copies: do not change them)."""
        return [self._entries[d] for d in self._order]

    def _update_catalog_index(self, start: int = 0) -> None:
        """After documents.json was written here: the index follows (rows from `start` on)."""
        from .catalogindex import CATALOG_DB, CatalogIndex, catalog_signature

        signature = catalog_signature(self.path / CATALOG_FILE)
        try:
            if self._catalog_index is None:
                self._catalog_index = CatalogIndex(self.path / CACHE_DIR / CATALOG_DB)
            self._catalog_index.store(self.entries_view(), signature, start, self._catalog_signature)
            self._catalog_signature = signature
            self.catalog_pending = False
        except (sqlite3.Error, OSError):  # a cache: the next window makes it again
            self._catalog_signature = None

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
        with self.writing():
            self._data.setdefault("settings", {}).update(changes)
            self._write_project_file()

    def set_schema(self, schema: Schema) -> None:
        with self.writing():
            self._data["schema"] = schema.to_json()
            self._write_project_file()

    # ---- one writer at a time ------------------------------------------------------------

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the project's write lock, with project.json and documents.json re-read
        under it when another program changed them: every change of either file is made
        inside this block, so two imports (two processes, or the window and the command
        line) never write from a stale copy. Re-entrant."""
        with write_lock(self.path):
            self.reload()
            yield

    def reload(self) -> bool:
        """Re-read project.json and documents.json if they changed on disk; True if so."""
        now = self._disk_signatures()
        if now == self._signatures:
            return False
        fresh = Project.open(self.path)
        self._data = fresh._data
        if now[1] != self._signatures[1]:  # documents.json changed: read it again
            if self._loaded is None or fresh._entries != self._entries or fresh._order != self._order:
                self._set_catalog(fresh.entries_view())
                self._maps.clear()
                self._file_maps.clear()
            self._catalog_signature = None  # the catalogue index is checked on next use
            self._index_synced = -1  # and the search index compared with it (same count, other order)
        if fresh._catalog_index is not None:
            fresh._catalog_index.close()
        self._signatures = fresh._signatures
        return True

    def _disk_signatures(self) -> tuple[Any, Any]:
        return (file_signature(self.path / PROJECT_FILE), file_signature(self.path / CATALOG_FILE))

    def document_ids(self) -> list[str]:
        """Every document id, in import order."""
        return list(self._order)

    def iter_entries(self) -> Iterator[CatalogEntry]:
        """documents.json's entries in import order (copies) without holding them all:
        pages of the catalogue index when documents.json has not been read (it is in step,
        the usual case; the commands' memory then stays flat as the project grows), else
        the entries in memory."""
        lazy = self._lazy()
        if lazy is not None:
            yield from lazy.entries()
            return
        for doc_id in list(self._order):
            yield replace(self._entries[doc_id])

    def __len__(self) -> int:
        lazy = self._lazy()
        return int(lazy.count()) if lazy is not None else len(self._order)

    def __contains__(self, doc_id: object) -> bool:
        lazy = self._lazy()
        if lazy is not None:
            return isinstance(doc_id, str) and lazy.position(doc_id) >= 0
        return doc_id in self._entries

    def document_path(self, doc_id: str) -> Path:
        self._entry(doc_id)
        return _inside(self.path, self.path / DOCUMENTS_DIR / f"{doc_id}.json")

    # What reads every document (validate, export, a search index rebuild) names its files
    # with strings, never a Path: Python 3.12's pathlib interns every component of a path
    # it parses (sys.intern), and interned strings live as long as the process, so a Path
    # per document kept each file name, ~90 bytes a document, to the end of the command.

    def _document_file(self, doc_id: str) -> str:
        """document_path as a string (see above)."""
        self._entry(doc_id)
        return self._inside_file(os.path.join(self._root(), DOCUMENTS_DIR, doc_id + ".json"))

    def _annotation_file(self, doc_id: str, annotator: str) -> str:
        """annotation_path as a string (see above)."""
        folder = safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR)
        if not is_safe_name(doc_id):
            raise ProjectError(f"{doc_id!r} is not a document id of this project")
        return self._inside_file(os.path.join(self._root(), ANNOTATIONS_DIR, folder, doc_id + ".json"))

    def _root(self) -> str:
        return os.fspath(self.path)

    def _inside_file(self, path: str) -> str:
        """catalog.inside for a string: `path`, after checking that it stays inside the
        project folder's real path (symlinks resolved)."""
        real_root = os.path.realpath(self._root())
        real = os.path.realpath(path)
        if real != real_root and not real.startswith(real_root.rstrip(os.sep) + os.sep):
            raise ProjectError(f"{path}: outside the project folder {self.path} (a symbolic link?); not used")
        return path

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

    def resolve_annotator(self, name: str) -> str:
        """The known annotator `name` stands for: their name as stored, matched exactly or by
        their folder's name. Raises ProjectError naming the project and the annotators for
        any other name (a misspelt --annotator used to export or count nobody's work)."""
        known = self.annotators()
        wanted = name.strip()
        if wanted in known:
            return wanted
        folder = safe_name(wanted, "")
        for found in known:
            if folder and safe_name(found, DEFAULT_ANNOTATOR) == folder:
                return found
        message = f"{self.path}: no annotator {wanted!r} (annotators: {', '.join(known) or 'none'})"
        # not matched without regard to case: on Linux "Sara" and "sara" are two folders
        alike = [k for k in known if k.casefold() == wanted.casefold()]
        if len(alike) == 1:
            message += f"; did you mean {alike[0]!r}?"
        raise ProjectError(message)

    # ---- documents ---------------------------------------------------------------------

    def _entry(self, doc_id: str) -> _Entry:
        lazy = self._lazy()
        if lazy is not None:
            found = lazy.entry(doc_id)
            if found is None:
                raise ProjectError(f"{self.path}: no document {doc_id!r}")
            return found  # type: ignore[no-any-return]
        try:
            return self._entries[doc_id]
        except KeyError:
            raise ProjectError(f"{self.path}: no document {doc_id!r}") from None

    def _read_document_file(self, doc_id: str) -> dict[str, Any]:
        path = self._document_file(doc_id)
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

    def set_document_info(self, doc_id: str, title: str, metadata: dict[str, Any]) -> None:
        """Change a document's title and metadata (date, source, url ...): its file and
        its line in documents.json (which the document list reads), both atomically.
        A written date gains its Gregorian ISO form (`date_gregorian`)."""
        from ..persian.dates import date_fields

        metadata = dict(metadata)
        metadata.pop("date_gregorian", None)
        metadata.update(date_fields(str(metadata.get("date", ""))))
        with self.writing():
            data = self._read_document_file(doc_id)
            data["title"] = title
            data["metadata"] = metadata
            path = self.document_path(doc_id)
            try:
                write_atomic(path, _dumps(data))
            except OSError as exc:
                raise ProjectError(f"{path}: cannot save: {describe_os_error(exc)}") from None
            entry = self._entries[self._entry(doc_id).id]
            entry.title = title
            entry.date = str(metadata.get("date", ""))
            entry.date_gregorian = str(metadata.get("date_gregorian", ""))
            entry.url = str(metadata.get("url", ""))
            entry.source = str(metadata.get("source", ""))
            self._write_catalog(changed=self._order.index(doc_id))

    def annotation_files(self) -> list[tuple[str, Path]]:
        """(document id, path) of every annotation file of every annotator, imported included."""
        found: list[tuple[str, Path]] = []
        root = self.path / ANNOTATIONS_DIR
        with contextlib.suppress(OSError):
            for folder in sorted(p for p in root.iterdir() if p.is_dir()):
                for file in sorted(folder.glob("*.json")):
                    doc_id = file.name[: -len(".json")]
                    if doc_id in self:  # the catalogue index when documents.json is unread
                        found.append((doc_id, file))
        return found

    def original_text(self, doc_id: str) -> str:
        """The text as imported, before normalization (the stored text when unchanged)."""
        data = self._read_document_file(doc_id)
        original = data.get("original")
        if isinstance(original, dict) and isinstance(original.get("text"), str):
            return str(original["text"])
        return str(data["text"])

    def offset_map(self, doc_id: str) -> Any:
        """The persian.normalize.OffsetMap from original to stored text, or None (unchanged).

        A map kept by an older version is read refined as normalize() pairs punctuation
        now (persian.normalize.refine); the file is not rewritten."""
        return self._kept_map(doc_id, "original", self._maps)

    def _kept_map(self, doc_id: str, key: str, cache: dict[str, Any]) -> Any:
        """The OffsetMap under $.KEY.offset_map of a document's file (None without one), read once."""
        if doc_id not in cache:
            data = self._read_document_file(doc_id)
            kept = data.get(key)
            found = None
            if isinstance(kept, dict):
                from ..persian.normalize import OffsetMap, refine

                try:
                    found = OffsetMap.from_json(kept.get("offset_map"))
                except ValueError as exc:
                    raise ProjectError(f"{self.document_path(doc_id)}: $.{key}.offset_map: {exc}") from None
                if key == "original" and isinstance(kept.get("text"), str):
                    found = refine(kept["text"], data["text"], found)
            cache[doc_id] = found
        return cache[doc_id]

    def original_offsets(self, doc_id: str, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original (imported) text of the stored-text span [start, end)."""
        mapping = self.offset_map(doc_id)
        if mapping is None:
            return start, end
        result: tuple[int, int] = mapping.span_to_original(start, end)
        return result

    def text_as_in_file(self, doc_id: str) -> str:
        """The source file's text as decoded (its BOM as U+FEFF, CRs and the blank space
        around the text kept), for documents imported from a text file whose text differs
        from ours; else the original text. What `export --original-offsets` writes."""
        data = self._read_document_file(doc_id)
        found = data.get("file")
        if isinstance(found, dict) and isinstance(found.get("text"), str):
            return str(found["text"])
        return self.original_text(doc_id)

    def file_map(self, doc_id: str) -> Any:
        """The persian.normalize.OffsetMap from the source file's text to the original
        text, or None (the file's text is the original, or is not kept)."""
        return self._kept_map(doc_id, "file", self._file_maps)

    def file_offsets(self, doc_id: str, start: int, end: int) -> tuple[int, int]:
        """Offsets in text_as_in_file of the stored-text span [start, end): through
        normalization's map, then the source file's."""
        start, end = self.original_offsets(doc_id, start, end)
        mapping = self.file_map(doc_id)
        if mapping is None:
            return start, end
        result: tuple[int, int] = mapping.span_to_original(start, end)
        return result

    # ---- annotations -------------------------------------------------------------------

    def load_annotations(self, doc_id: str, annotator: str, document: Document | None = None) -> AnnotationSet:
        """An annotator's annotations on a document. When they have none yet: a copy of the
        annotations the import brought (annotator "imported"), with the status the import
        recorded (a Label Studio task completed there is done), else a new empty set.

        Raises jsonformat.AnnotationFileError (listing the problems) for a bad file.
        """
        document = document or self.load_document(doc_id)
        # strings until a file is there (see _document_file): an export asks for every document
        if not os.path.exists(self._annotation_file(doc_id, annotator)):
            if annotator == IMPORT_ANNOTATOR or not os.path.exists(self._annotation_file(doc_id, IMPORT_ANNOTATOR)):
                return AnnotationSet(document, annotator, self.schema)
            imported = self.annotation_path(doc_id, IMPORT_ANNOTATOR)
            # an annotator who has not touched a document starts from what the import
            # brought (e.g. a NER corpus being corrected), its status included, as the
            # document list and `stats` count it (_facts_for); their own file appears on
            # the first edit, and the imported file stays as it was
            aset = jsonformat.load(imported, self.schema, document)
            aset.annotator = annotator
            return aset
        aset = jsonformat.load(self.annotation_path(doc_id, annotator), self.schema, document)
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
        schema_key = self._schema_key()
        if self._index is not None and self._index_schema != schema_key:
            self._index = None  # another schema: every file is checked against it again
        if self._index is None:
            self._index = self._read_index(schema_key)
            self._index_schema = schema_key
        changed = False
        schema: Schema | None = None
        text_of: Callable[[str], str | None] | None = None
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
                    schema = schema or self.schema
                    text_of = text_of or self._text_reader()
                    known[doc_id] = _facts_of_file(Path(item.path), st, schema, text_of(doc_id))
                    changed = True
            for gone in set(known) - seen:
                del known[gone]
                changed = True
        if changed:
            self._write_index()
        return self._index

    def _schema_key(self) -> str:
        """A fingerprint of the schema the index's files were checked against."""
        raw = json.dumps(self._data.get("schema"), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    def _text_reader(self) -> Callable[[str], str | None]:
        """A document's text by its id, to check annotation files' spans against; None when
        the document cannot be read (its own problem, which validate reports). For a run
        over many files: the project's real path is resolved once, and the catalogue is
        not consulted (a file of a document it does not list is checked as it can be)."""
        root = self._root()
        real_root = os.path.realpath(root).rstrip(os.sep) + os.sep
        documents = os.path.join(root, DOCUMENTS_DIR)

        def text_of(doc_id: str) -> str | None:
            path = os.path.join(documents, doc_id + ".json")
            if not is_safe_name(doc_id) or not os.path.realpath(path).startswith(real_root):
                return None  # never read through a link out of the project
            try:
                data = _read_json(Path(path))
            except (ProjectError, OSError, RecursionError):
                return None
            text = data.get("text") if isinstance(data, dict) and data.get("id") == doc_id else None
            return text if isinstance(text, str) else None

        return text_of

    def _read_index(self, schema_key: str) -> dict[str, dict[str, _FileFacts]]:
        try:
            data = json.loads(read_regular(self._index_path(), MAX_PROJECT_FILE_BYTES))
            if data.get("format") != INDEX_FORMAT or data.get("version") != VERSION:
                return {}
            if data.get("facts") != INDEX_FACTS:
                return {}  # written before files' facts said which are unreadable: rebuilt
            if data.get("schema") != schema_key:
                return {}  # checked against another schema (edited since): checked again
            return {
                str(folder): {str(d): _FileFacts.from_json(f) for d, f in files.items()}
                for folder, files in data["annotations"].items()
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
            # a cache never stops anything (absent, unreadable, hostile: 1e999, deep nesting):
            # it is rebuilt from the files
            return {}

    def _write_index(self) -> None:
        if self._index is None:
            return
        data = {
            "format": INDEX_FORMAT,
            "version": VERSION,
            "facts": INDEX_FACTS,
            "schema": self._index_schema,
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
            if found is None and folder != IMPORT_ANNOTATOR:
                # what the import brought, with its status (load_annotations): a Label Studio task
                # completed there is done for the list and `stats` alike (it used to be new
                # in the window and done in `stats`)
                found = index.get(IMPORT_ANNOTATOR, {}).get(doc_id)
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
            entry.date_gregorian,
        )

    def _summary_status(self, doc_id: str, annotator: str | None, index: dict[str, dict[str, _FileFacts]]) -> Status:
        return _combined_status(self._facts_for(doc_id, annotator, index))

    def saved_spans(self, annotator: str, doc_ids: Iterable[str]) -> dict[str, list[tuple[str, int, int]]]:
        """(label, start, end) of the spans each of these documents opens with for this
        annotator: ``opening_state(...).spans``."""
        return self.opening_state(annotator, doc_ids).spans

    def opening_state(self, annotator: str, doc_ids: Iterable[str], skip_spans: Container[str] = ()) -> OpeningState:
        """What each of these documents opens with for this annotator (their own file, else
        the import's, as load_annotations chooses): the spans, (label, start, end), read from
        the saved files for the documents the index says hold spans (the others are left out,
        unread; so are `skip_spans`), and which are marked done (the index's status, read
        with no file). What a project-wide Tag all counts before it asks. A file that
        cannot be read gives no spans here (tagging names it). Edits still only in a
        journal (a crashed window's, not yet checkpointed) count as opening the document
        replays them (store.pending_state): its spans, and done or not, as tagging finds
        them."""
        index = self._refreshed_index()
        folder = safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR)
        own = index.get(folder, {})
        imported = {} if folder == IMPORT_ANNOTATOR else index.get(IMPORT_ANNOTATOR, {})
        journals = self._journals(folder)  # one listing of the folder; usually none
        found: dict[str, list[tuple[str, int, int]]] = {}
        done: set[str] = set()
        for doc_id in doc_ids:
            whose = folder if doc_id in own else IMPORT_ANNOTATOR if doc_id in imported else None
            facts = own.get(doc_id) or imported.get(doc_id)
            if whose is None or facts is None:
                continue
            if whose == folder and doc_id in journals and not facts.unreadable:
                # the window opens this file with its journal replayed: count that
                pending = pending_state(Path(self._annotation_file(doc_id, folder)))
                spans = pending.get("spans") if pending is not None else None
                if pending is not None and isinstance(spans, list):
                    if pending.get("status") == Status.DONE.value:
                        done.add(doc_id)
                    with contextlib.suppress(TypeError, ValueError, KeyError):
                        if doc_id not in skip_spans:
                            found[doc_id] = [(str(s["label"]), int(s["start"]), int(s["end"])) for s in spans]
                    continue
            if facts.status == Status.DONE.value:
                done.add(doc_id)
            if not facts.spans or doc_id in skip_spans:
                continue
            try:
                data = json.loads(jsonformat.read_bytes(Path(self._annotation_file(doc_id, whose))))
                found[doc_id] = [(str(s["label"]), int(s["start"]), int(s["end"])) for s in data["spans"]]
            except (OSError, ValueError, TypeError, KeyError, jsonformat.AnnotationFileError):
                continue
        return OpeningState(found, frozenset(done))

    def pending_journals(self, annotator: str, besides: str = "") -> int:
        """How many documents (other than `besides`) hold edits of this annotator still only
        in a journal (a window that ended without closing): they replay when each opens."""
        folder = safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR)
        return len(self._journals(folder) - {besides})

    def _journals(self, folder: str) -> set[str]:
        """The document ids with a journal beside their annotation file in this folder."""
        suffix = ".json.journal"
        with contextlib.suppress(OSError):
            names = os.listdir(self.path / ANNOTATIONS_DIR / folder)
            return {n[: -len(suffix)] for n in names if n.endswith(suffix) and not n.startswith(".")}
        return set()

    def progress_facts(self, annotator: str) -> list[tuple[str, str, int]]:
        """(document id, status, span count) of each document this annotator has a file
        for (the others are new, with no spans): what the document list shows."""
        index = self._refreshed_index()
        folder = safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR)
        own = index.get(folder, {})
        # a document this annotator has not touched opens with what the import brought
        # (load_annotations): the list counts those spans, with the import's status
        imported = {} if folder == IMPORT_ANNOTATOR else index.get(IMPORT_ANNOTATOR, {})
        started = {d: f for d, f in imported.items() if d not in own}
        return [(d, f.status, f.spans) for d, f in (*own.items(), *started.items()) if f is not None]

    def unreadable_files(self, annotator: str) -> dict[str, str]:
        """{document id: why} of this annotator's files that cannot be read (from the
        index, no file read): the document list marks them instead of "new, 0 spans"."""
        folder = safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR)
        return {d: f.unreadable for d, f in self._refreshed_index().get(folder, {}).items() if f.unreadable}

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
        lazy = self._lazy()
        if lazy is not None:  # documents.json unread: the catalogue index, in pages
            pos = lazy.position(self._entry(doc_id).id)
            if not unfinished:
                return next(lazy.ids_from(pos, step), None)
            folder = safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR) if annotator is not None else None
            index = self._refreshed_index()
            if folder is not None:
                # their own files, else what the import brought (as _facts_for counts it)
                started = {} if folder == IMPORT_ANNOTATOR else index.get(IMPORT_ANNOTATOR, {})
                seen = {**started, **index.get(folder, {})}
                done = {d for d, f in seen.items() if f.status == Status.DONE.value}
            else:
                done = {d for d in set().union(*index.values()) if self._summary_status(d, None, index) == Status.DONE}
            wrapped = lazy.ids_from(-1, 1) if step > 0 else lazy.ids_from(lazy.count(), -1)
            for other in (*lazy.ids_from(pos, step), *wrapped):
                if other == doc_id:
                    return None
                if other not in done:
                    return other  # type: ignore[no-any-return]
            return None
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
        """Documents by status, spans per label and per annotator, as a JSON-ready dict.
        A file that cannot be read counts for nothing: `left_out` names it and says why
        ("FILE: not valid JSON (...)")."""
        index = self._refreshed_index()
        left_out: list[str] = []
        by_status = {s.value: 0 for s in Status}
        # one pass over the catalogue in pages; what is held grows with the annotation
        # files, not with the documents
        with_files = {d for files in index.values() for d in files}
        listed_with_files: set[str] = set()
        documents = characters = 0
        for entry in self.iter_entries():
            documents += 1
            characters += entry.length
            if entry.id in with_files:
                listed_with_files.add(entry.id)
                by_status[_combined_status(self._facts_for(entry.id, annotator, index)).value] += 1
            else:
                by_status[Status.NEW.value] += 1
        per_annotator: dict[str, Any] = {}
        for folder, files in sorted(index.items()):
            present = {d: f for d, f in files.items() if d in listed_with_files}
            name = next((f.annotator for f in present.values() if f.annotator), folder)
            if annotator is not None and folder != safe_name(annotator or DEFAULT_ANNOTATOR, DEFAULT_ANNOTATOR):
                continue
            for d, f in sorted(present.items()):
                if f.unreadable:
                    left_out.append(f"{self.path / ANNOTATIONS_DIR / folder / d}.json: {f.unreadable}")
            present = {d: f for d, f in present.items() if not f.unreadable}
            labels: dict[str, int] = {}
            status = {s.value: 0 for s in Status}
            for facts in present.values():
                for label, n in facts.labels.items():
                    labels[label] = labels.get(label, 0) + n
                status[facts.status if facts.status in status else Status.NEW.value] += 1
            status[Status.NEW.value] += documents - len(present)
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
            "documents": documents,
            "characters": characters,
            "status": by_status,
            "spans": sum(info["spans"] for info in per_annotator.values()),
            "relations": sum(info["relations"] for info in per_annotator.values()),
            "labels": dict(sorted(labels_total.items())),
            "annotators": per_annotator,
            "left_out": left_out,
        }

    # ---- search ------------------------------------------------------------------------

    def search(
        self, query: str, limit: int | None = None, width: int = 40, whole_words: bool = False
    ) -> list[SearchHit]:
        """Persian-aware search across every document (ي=ی, ك=ک, digits, ZWNJ/space,
        diacritics): hits in import order, each with `width` characters of context.

        Uses the index in .cache/search.sqlite (io.textindex), brought up to date with the
        catalogue first (what that cost is in `last_search_build_seconds`); where SQLite
        cannot keep one, the texts are folded in memory on the first search.
        """
        from ..persian import match

        if not query.strip():
            with self._search_lock:
                self._prepare_locked(None)
            return []
        with self._search_lock:
            index = self._prepare_locked(None)
            if index is not None:
                try:
                    found = index.search(query, len(self), self._text_of, whole_words=whole_words, limit=limit)
                except sqlite3.DatabaseError:
                    # damaged under us: rebuild once, then search again
                    index.reset()
                    self._index_synced = -1
                    index = self._prepare_locked(None)
                    found = (
                        index.search(query, len(self), self._text_of, whole_words=whole_words, limit=limit)
                        if index is not None
                        else None
                    )
                if found is not None:
                    return [
                        SearchHit(doc_id, start, end, *match.context(text, start, end, width))
                        for _pos, doc_id, start, end, text in found
                    ]
        hits: list[SearchHit] = []
        for doc_pos, start, end in self._search.find_all(query, whole_words=whole_words, limit=limit):
            doc_id = self._search_ids[doc_pos]
            text = self._search.text(doc_pos)
            before, found_text, after = match.context(text, start, end, width)
            hits.append(SearchHit(doc_id, start, end, before, found_text, after))
        return hits

    def search_documents(self, query: str) -> list[str]:
        """The ids of the documents in which `search(query)` finds a hit, in import order:
        what `grep -rlF` lists, the Persian way (folded as `search` folds). They come from
        the index alone, without reading a text, so the count of a word in 100,000
        articles is known at once; `search(query, limit=...)` then gives the hits shown,
        with their offsets. Whole-word hits lie in these documents, not in all of them."""
        from ..persian import match

        with self._search_lock:
            index = self._prepare_locked(None)
            if index is not None:
                # the index is in step with the catalogue: position k is order[k]
                order = self._ids_in_order()
                try:
                    return [order[pos] for pos in index.documents(query, len(order), self._text_of)]
                except sqlite3.DatabaseError:
                    index.reset()  # damaged under us: rebuild once, then ask again
                    self._index_synced = -1
                    index = self._prepare_locked(None)
                    if index is not None:
                        return [order[pos] for pos in index.documents(query, len(order), self._text_of)]
        key = match.fold(query)
        if not key:
            return []
        return [d for n, d in enumerate(self._search_ids) if key in self._search.folded(n).folded]

    def _ids_in_order(self) -> list[str]:
        """Every document id in import order: documents.json's when read, else the
        catalogue index's, kept while documents.json keeps its signature."""
        lazy = self._lazy()
        if lazy is None:
            return self._order
        signature = self._catalog_signature
        if signature is None or self.catalog_pending:
            return list(lazy.ids())
        if self._ids_cache[0] != signature:
            self._ids_cache = (signature, lazy.ids())
        return self._ids_cache[1]

    def _text_of(self, doc_id: str) -> str:
        return str(self._read_document_file(doc_id)["text"])

    def text_index(self) -> Any:
        """The project's io.textindex.TextIndex, or None where SQLite cannot keep one."""
        from .textindex import INDEX_DB, TextIndex

        if self._text_index is None:
            self._text_index = TextIndex(self.path / CACHE_DIR / INDEX_DB)
        return self._text_index

    def _prepare_locked(self, progress: Callable[[int, int], None] | None) -> Any:
        """The synced index, or None with the in-memory one built; the search lock is held."""
        if self.catalog_pending:  # compared with the catalogue as it is, never the old one
            self.catalog_index()
        if self._search is None:  # the in-memory index is a last resort, kept once chosen
            index = self.text_index()
            if self._index_synced == len(self):
                return index
            began = time.perf_counter()
            if self._sync_index(index, progress):
                self._index_synced = len(self)
                self.last_search_build_seconds = time.perf_counter() - began
                return index
        from ..persian import match

        if self._search is None or len(self._search_ids) != len(self._order):
            began = time.perf_counter()
            self._build_search_index(match)
            self.last_search_build_seconds = time.perf_counter() - began
        return None

    def _sync_index(self, index: Any, progress: Callable[[int, int], None] | None) -> bool:
        from .textindex import IndexUnavailable

        lazy = self._lazy()
        signature = self._catalog_signature if lazy is not None else None
        for _attempt in range(2):
            try:
                if signature is not None and index.synced_to() == signature:
                    return True  # nothing changed since the last comparison: none made
                entries = lazy.keys() if lazy is not None else [(d, self._entries[d].sha256) for d in self._order]
                index.sync(entries, self._text_of, progress)
                if signature is not None:
                    index.set_synced_to(signature)
                return True
            except IndexUnavailable:
                return False
            except sqlite3.DatabaseError:
                index.reset()  # damaged: once more from nothing
        return False

    def _build_search_index(self, match: Any) -> None:
        ids = self._order[len(self._search_ids) :] if self._search is not None else self._order
        if self._search is None:
            self._search = match.SearchIndex()
            self._search_ids = []
        for doc_id in list(ids):
            self._search.add(str(self._read_document_file(doc_id)["text"]))
            self._search_ids.append(doc_id)
        self._search.prepare()  # fold now, so that the first search pays it, not a later one

    def search_ready(self) -> bool:
        """Whether a search would start at once: the index is in step with the catalogue
        and nobody is bringing it up to date (a search never waits for a rebuild), nor
        the catalogue index (catalog_pending)."""
        if self.catalog_pending or not self._search_lock.acquire(blocking=False):
            return False
        try:
            if self._search is not None:
                return len(self._search_ids) == len(self)
            return self._index_synced == len(self)
        finally:
            self._search_lock.release()

    def prepare_search(self, progress: Callable[[int, int], None] | None = None) -> float:
        """Bring the search index up to date now (e.g. in a worker thread: after the index
        was deleted, this reads every document, calling `progress(done, total)`); returns
        the seconds spent."""
        began = time.perf_counter()
        with self._search_lock:
            if self._prepare_locked(progress) is not None:
                self._ids_in_order()  # so that the first search does not read them either
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
        read_options: dict[str, Any] | None = None,
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

        return run_import(self, [Path(s) for s in sources], fmt, normalize, progress, cancel, annotator, read_options)

    def normalizes(self) -> bool:
        """Whether imported articles are normalized (project.json's settings.normalize)."""
        return bool(self._data.get("settings", {}).get("normalize", True))

    def normalizer_options(self) -> dict[str, bool]:
        options = dict(DEFAULT_NORMALIZER)
        chosen = self._data.get("settings", {}).get("normalizer")
        if isinstance(chosen, dict):
            options.update({str(k): bool(v) for k, v in chosen.items() if k in options})
        return options

    def schema_json(self) -> dict[str, Any]:
        """A copy of project.json's schema, as JSON."""
        return json.loads(json.dumps(self._data["schema"]))  # type: ignore[no-any-return]

    def entry(self, doc_id: str) -> CatalogEntry:
        """One document's line of documents.json (a copy); ProjectError when absent."""
        return replace(self._entry(doc_id))

    def entries(self) -> list[CatalogEntry]:
        """documents.json's entries, in import order (copies)."""
        return [replace(self._entries[d]) for d in self._order]

    def known_ids(self) -> set[str]:
        """Ids taken (casefolded): listed ones and any document file, listed or not."""
        return self._known_ids()

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
        extended = extend_schema(self._data["schema"], labels, relation_types)
        if extended is None:
            return False
        self._data["schema"] = extended
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
            raise ProjectError(f"{self.path / PROJECT_FILE}: cannot save: {describe_os_error(exc)}") from None
        self._signatures = self._disk_signatures()

    def _write_catalog(self, start: int = 0, changed: int | None = None) -> None:
        """Write documents.json and bring the catalogue index in step: rows from `start`
        on (an import appends), or the one at position `changed`."""
        try:
            write_atomic(self.path / CATALOG_FILE, self._catalog_bytes())
        except OSError as exc:
            raise ProjectError(f"{self.path / CATALOG_FILE}: cannot save: {describe_os_error(exc)}") from None
        self._signatures = self._disk_signatures()
        if changed is not None and self._catalog_index is not None and self._catalog_signature is not None:
            from .catalogindex import catalog_signature

            signature = catalog_signature(self.path / CATALOG_FILE)
            with contextlib.suppress(sqlite3.Error):
                entry = self._entries[self._order[changed]]
                if self._catalog_index.update(changed, entry, signature, self._catalog_signature):
                    self._catalog_signature = signature
                    return
        self._update_catalog_index(start if changed is None else 0)

    def staging_folder(self) -> Path:
        """A new hidden folder inside the project for an import to write into."""
        return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.path))

    # ---- moving an import in, under the write lock ---------------------------------------

    def begin_staging(self) -> tuple[Path, int | None, list[str]]:
        """A new staging folder, an fd holding its flock (None where there are no locks):
        while it is held, `finish_interrupted` leaves the folder alone; and what was done
        with interrupted imports found on the way (finished or cleaned first), one line
        each, for the import's report."""
        with self.writing():
            said = self.finish_interrupted()
            try:
                folder = self.staging_folder()
            except OSError as exc:
                raise ProjectError(f"{self.path}: cannot import: {describe_os_error(exc)}") from None
            return folder, try_lock_folder(folder), said

    def commit_import(self, staged: StagedImport, report: ImportReport) -> list[str]:
        """Move a staged import in and list its documents; the ids added.

        Under the write lock, against documents.json as it is now on disk: a document
        another import added meanwhile makes ours a duplicate (skipped, reported), an id
        it took gives ours a new one. The record written first lets a killed move-in be
        finished later. Any error undoes what was moved, leaving the project as it was.
        """
        with self.writing():
            self._resolve_conflicts(staged, report)
            try:
                write_atomic(staged.folder / COMMIT_RECORD, staged.record())
            except OSError as exc:
                raise ProjectError(f"{self.path}: cannot import: {describe_os_error(exc)}") from None
            return self._move_in(staged, report, rollback=True)

    def finish_interrupted(self) -> list[str]:
        """Finish imports killed while moving in; remove staging folders of imports killed
        before (nothing of theirs was in the project yet). Folders of imports still
        running (their flock held) are left alone. One line per folder handled."""
        said: list[str] = []
        with self.writing():
            try:
                found = sorted(self.path.glob(f"{STAGING_PREFIX}*"))
            except OSError:
                return said
            for folder in found:
                if folder.is_symlink() or not folder.is_dir():
                    continue
                fd = try_lock_folder(folder)
                if fd is None:
                    continue  # an import still running (or a system without locks: repair)
                try:
                    said += self._finish_one(folder)
                finally:
                    os.close(fd)
        return said

    def repair(self) -> list[str]:
        """What `annotator repair` does, under the write lock; one line per thing done.

        Finishes or removes interrupted imports; lists in documents.json the document files
        an older, killed import left unlisted (valid ones; others are renamed `.unlisted-*`
        beside them, kept); removes temporary files of killed saves and exports; drops the
        cache (it is rebuilt).
        """
        said: list[str] = []
        with self.writing():
            said += self.finish_interrupted()
            docs = self.path / DOCUMENTS_DIR
            found: list[CatalogEntry] = []
            taken = {i.casefold() for i in self._entries}
            with contextlib.suppress(OSError):
                for name in sorted(os.listdir(docs), key=lambda n: (docs / n).stat().st_mtime_ns):
                    stem = name[: -len(".json")] if name.endswith(".json") else ""
                    if name.startswith(".") or not stem or stem in self._entries:
                        continue
                    entry = self._unlisted_entry(docs / name, stem)
                    if entry is None or stem.casefold() in taken:
                        aside = docs / f".unlisted-{name}"
                        os.replace(docs / name, aside)
                        said.append(f"{docs / name}: not a document of this project; kept as {aside.name}")
                        continue
                    taken.add(stem.casefold())
                    found.append(entry)
            if found:
                self._add_entries(found)
                self._write_catalog()
                said.append(f"{self.path / CATALOG_FILE}: {len(found)} unlisted document(s) listed again")
            removed = 0
            folders = [self.path, docs, self.path / ANNOTATIONS_DIR]
            with contextlib.suppress(OSError):
                folders += [p for p in (self.path / ANNOTATIONS_DIR).iterdir() if p.is_dir() and not p.is_symlink()]
            for folder in folders:
                removed += remove_stale_temporaries(folder / "", prefix=".")
            if removed:
                said.append(f"{self.path}: {removed} temporary file(s) of killed saves or exports removed")
            with contextlib.suppress(OSError):
                self._index_path().unlink()
                self._index = None
        return said

    def _unlisted_entry(self, path: Path, doc_id: str) -> CatalogEntry | None:
        try:
            data = _read_json(path)
            _check_header(path, data, DOCUMENT_FORMAT)
        except ProjectError:
            return None
        text = data.get("text")
        if not isinstance(text, str) or data.get("id") != doc_id or not is_safe_name(doc_id):
            return None
        metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
        original = data.get("original")
        source = original.get("text") if isinstance(original, dict) else None
        return CatalogEntry(
            doc_id,
            str(data.get("title", "")),
            str(metadata.get("date", "")),
            str(metadata.get("url", "")),
            text_hash(text),
            text_hash(source) if isinstance(source, str) else "",
            len(text),
        )

    def _finish_one(self, folder: Path) -> list[str]:
        if not (folder / COMMIT_RECORD).exists():
            shutil.rmtree(folder, ignore_errors=True)
            return [f"{folder}: removed what an interrupted import had staged (nothing of it was in the project)"]
        try:
            staged = StagedImport.from_record(folder)
        except ValueError as exc:
            return [f"{exc}; left for `annotator repair`"]
        report = ImportReport()
        added = self._move_in(staged, report, rollback=False)
        shutil.rmtree(folder, ignore_errors=True)
        return [
            f"{folder}: finished an import interrupted while moving in: {len(added)} document(s) added",
            *report.problems,
        ]

    def _resolve_conflicts(self, staged: StagedImport, report: ImportReport) -> None:
        keys: dict[str, str] = {}
        for entry in self._entries.values():
            for key in (entry.url, entry.sha256, entry.source_sha256, entry.annotations_sha256):
                if key:
                    keys.setdefault(key, entry.id)
        taken = self._known_ids()
        for entry in list(staged.entries):
            probe = [entry.annotations_sha256]
            if not entry.annotations_sha256:
                probe = [entry.url, entry.source_sha256, entry.sha256]
            found = next((keys[k] for k in probe if k and k in keys), None)
            if found is not None:  # another import brought it meanwhile
                report.skipped_duplicates.append(f"{staged.wheres.get(entry.id, entry.id)}: same as {found}")
                _drop_staged(staged, entry)
                continue
            if entry.id.casefold() in taken:  # another import took the id meanwhile
                n, new = 1, entry.id
                while new.casefold() in taken:
                    n += 1
                    new = safe_name(f"{entry.id}-{n}")
                _rename_staged(staged, entry, new)
            taken.add(entry.id.casefold())

    def _move_in(self, staged: StagedImport, report: ImportReport, rollback: bool) -> list[str]:
        root = self.path
        docs = root / DOCUMENTS_DIR
        moved: list[Path] = []
        added: list[CatalogEntry] = []
        old_schema = self._data["schema"]
        try:
            try:
                docs.mkdir(exist_ok=True)
            except OSError as exc:
                raise ProjectError(f"{docs}: cannot import: {describe_os_error(exc)}") from None
            check_real_folder(root, docs)
            whole = _move_folder(staged, docs, self._entries)
            if whole:
                moved += [docs / f"{e.id}.json" for e in staged.entries]
                added += staged.entries
            for entry in () if whole else staged.entries:
                if entry.id in self._entries:
                    continue  # listed already (a finished move-in seen again)
                source = staged.folder / DOCUMENTS_DIR / f"{entry.id}.json"
                target = docs / f"{entry.id}.json"
                if source.exists():
                    if target.exists() or target.is_symlink():
                        report.problems.append(f"{target}: already exists; {entry.id} was not imported")
                        continue
                    _move(source, target)
                    moved.append(target)
                elif not target.is_file():
                    report.problems.append(f"{source}: missing; {entry.id} was not imported")
                    continue
                added.append(entry)
            ids = {e.id for e in added}
            for relative in staged.annotation_files:
                source, target = staged.folder / relative, root / relative
                if relative.stem not in ids or not source.exists():
                    continue
                if target.exists() or target.is_symlink():
                    report.problems.append(f"{target}: already exists; import left it alone")
                    continue
                try:
                    check_real_folder(root, target.parent.parent)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    check_real_folder(root, target.parent)
                except ProjectError as exc:
                    report.problems.append(f"{exc}; the annotations of {relative.stem} were not imported")
                    continue
                _move(source, target)
                moved.append(target)
            if self._add_labels(staged.labels, staged.relation_types):
                self._write_project_file()
            start = len(self._order)
            self._add_entries(added)
            self._write_catalog(start)
        except BaseException:
            if rollback:
                for path in moved:
                    with contextlib.suppress(OSError):
                        path.unlink()
                self._remove_entries(e.id for e in added)
                if self._data["schema"] is not old_schema:
                    self._data["schema"] = old_schema
                    with contextlib.suppress(Exception):
                        self._write_project_file()
                with contextlib.suppress(OSError):
                    (staged.folder / COMMIT_RECORD).unlink()
            raise
        return [e.id for e in added]


def _move_folder(staged: StagedImport, docs: Path, listed: Mapping[str, Any]) -> bool:
    """Move the staged documents in as one folder: one rename instead of one rename
    and three stats per document (100,000 of each for a year of news), when the
    project's documents folder is empty (a new project's first import) and the staged
    folder holds exactly the staged documents. Atomic like each file's rename: a kill
    leaves either folder in place, and finishing the move-in (`finish_interrupted`)
    finds the files moved. False (nothing done) where it does not apply; the caller
    then moves each file."""
    source = staged.folder / DOCUMENTS_DIR
    try:
        if os.listdir(docs) or any(e.id in listed for e in staged.entries):
            return False
        if set(os.listdir(source)) != {f"{e.id}.json" for e in staged.entries}:
            return False
        os.chmod(source, stat.S_IMODE(os.stat(docs).st_mode))  # the folder keeps its permissions
        os.replace(source, docs)  # POSIX replaces an empty folder; elsewhere an OSError
    except OSError:
        return False
    return True


def _move(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except OSError as exc:
        raise ProjectError(f"{target}: cannot import: {describe_os_error(exc)}") from None


def _drop_staged(staged: StagedImport, entry: CatalogEntry) -> None:
    staged.entries.remove(entry)
    with contextlib.suppress(OSError):
        (staged.folder / DOCUMENTS_DIR / f"{entry.id}.json").unlink()
    for relative in [r for r in staged.annotation_files if r.stem == entry.id]:
        staged.annotation_files.remove(relative)
        with contextlib.suppress(OSError):
            (staged.folder / relative).unlink()


def _rename_staged(staged: StagedImport, entry: CatalogEntry, new: str) -> None:
    """Give a staged document (its file, its annotation files) the id `new`."""
    old = entry.id
    doc_file = staged.folder / DOCUMENTS_DIR / f"{old}.json"
    data = json.loads(doc_file.read_bytes())
    data["id"] = new
    if data.get("title") == old:
        data["title"] = new
    if entry.title == old:
        entry.title = new
    (staged.folder / DOCUMENTS_DIR / f"{new}.json").write_bytes(_dumps(data))
    doc_file.unlink()
    for i, relative in enumerate(staged.annotation_files):
        if relative.stem != old:
            continue
        annotations = json.loads((staged.folder / relative).read_bytes())
        annotations["document"]["id"] = new
        renamed = relative.with_name(f"{new}.json")
        (staged.folder / renamed).write_bytes(_dumps(annotations))
        (staged.folder / relative).unlink()
        staged.annotation_files[i] = renamed
    staged.wheres[new] = staged.wheres.pop(old, old)
    entry.id = new


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


def _facts_of_file(path: Path, st: os.stat_result, schema: Schema, text: str | None) -> _FileFacts:
    """Read an annotation file's status and counts, checked as loading checks it
    (jsonformat.check against the schema and the document's text): a file that would not
    open is unreadable here too, so stats, the document list, Tag all and the study
    figures all leave out the same files, for the same reason."""
    try:
        data = jsonformat.parse(jsonformat.read_bytes(path), path)
        problems = jsonformat.check(data, schema, text)
        if problems:
            raise jsonformat.AnnotationFileError(path, problems)
    except jsonformat.AnnotationFileError as exc:
        reason = exc.first_line()[len(f"{path}: ") :]
        return _FileFacts(st.st_mtime_ns, st.st_size, "", Status.NEW.value, 0, 0, {}, reason)
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


def validate_project(path: Path | str) -> list[str]:
    """Every problem in a project folder, one line each ("FILE: $.path: message").

    Checks project.json, documents.json, every document file (id, text fingerprint,
    original text and offset map) and every annotation file against its document and
    the project's schema; files no document accounts for and interrupted imports too.
    """
    return check_project(path).lines


@dataclass
class ProjectCheck:
    lines: list[str]  # the problems, one line each
    documents: int = 0  # document files checked
    annotation_files: int = 0  # annotation files checked


def check_project(path: Path | str) -> ProjectCheck:
    """validate_project's problems, with how many documents and annotation files it read."""
    root = Path(path)
    try:
        project = Project.open(root)
    except ProjectError as exc:
        message = str(exc)
        return ProjectCheck([message if ": $" in message else message.replace(": ", ": $: ", 1)])
    lines: list[str] = []
    result = ProjectCheck(lines)
    schema = project.schema
    # only the texts an annotation file is checked against are kept (memory flat in the
    # number of documents); the others are checked and let go
    annotations = root / ANNOTATIONS_DIR
    folders = sorted(p for p in annotations.glob("*") if p.is_dir())
    annotated = {f.name[: -len(".json")] for folder in folders for f in folder.glob("*.json")}
    texts: dict[str, str] = {}
    registry = None
    try:
        registry = entity_files.load(root / entity_files.PROJECT_FILE)
    except entity_files.EntityFileError as exc:
        lines += str(exc).splitlines()
    root_name = os.fspath(root)
    for entry in project.iter_entries():  # in pages of the catalogue: memory stays flat
        doc_id = entry.id
        doc_file = os.path.join(root_name, DOCUMENTS_DIR, doc_id + ".json")  # no Path (see Project._document_file)
        try:
            data = project._read_document_file(doc_id)
        except ProjectError as exc:
            message = str(exc)
            lines.append(message if ": $" in message else message.replace(": ", ": $: ", 1))
            continue
        text = data["text"]
        if doc_id in annotated:
            texts[doc_id] = text
        result.documents += 1
        if entry.sha256 and text_hash(text) != entry.sha256:
            lines.append(f"{doc_file}: $.text: differs from the fingerprint in {CATALOG_FILE}")
        if not isinstance(data.get("metadata", {}), dict):
            lines.append(f"{doc_file}: $.metadata: not an object")
        original = data.get("original")
        if original is not None:
            lines += _check_original(doc_file, original, text)
        if data.get("file") is not None:
            base = original.get("text") if isinstance(original, dict) else text
            lines += _check_original(doc_file, data["file"], base if isinstance(base, str) else text, "file")
    lines += _stray_files(root, project)
    for folder in folders:
        for file in sorted(folder.glob("*.json")):
            doc_id = file.name[: -len(".json")]
            if doc_id not in texts:
                if doc_id not in project:
                    copy_of = re.match(_SYNC_COPY, doc_id)
                    if copy_of and copy_of["id"] in project:
                        lines.append(
                            f"{file}: a sync client's conflicted copy of {copy_of['id']}.json (another computer's "
                            "version, read nowhere): compare it with that file in the window, copy over what it "
                            "alone has, then delete it"
                        )
                    else:
                        lines.append(f"{file}: annotations of a document the project does not have")
                continue
            result.annotation_files += 1
            try:
                data = jsonformat.parse(jsonformat.read_bytes(file), file)
            except jsonformat.AnnotationFileError as exc:
                lines += [p.line(file) for p in exc.problems]
                continue
            problems = jsonformat.check(data, schema, texts[doc_id])
            if not problems:
                problems = jsonformat.check_attributes(data, schema)
                if registry is not None:
                    problems += entity_files.check_references(data, registry)
            lines += [p.line(file) for p in problems]
            if not problems and data["document"]["id"] != doc_id:
                lines.append(f"{file}: $.document.id: says {data['document']['id']!r}, the file belongs to {doc_id!r}")
    return result


def _check_original(file: Path | str, original: Any, text: str, key: str = "original") -> list[str]:
    """$.original (the text before normalization) or $.file (the source file's text
    before cleaning): a text and an offset map from it to `text`."""
    if not isinstance(original, dict) or not isinstance(original.get("text"), str):
        return [f"{file}: $.{key}.text: missing or not a string"]
    from ..persian.normalize import OffsetMap

    try:
        mapping = OffsetMap.from_json(original.get("offset_map"))
    except ValueError as exc:
        return [f"{file}: $.{key}.offset_map: {exc}"]
    if mapping.original_length != len(original["text"]) or mapping.normalized_length != len(text):
        return [f"{file}: $.{key}.offset_map: lengths do not match the texts"]
    return []


# a sync client's conflicted copy of an annotation file: Dropbox and Nextcloud
# "ID (… conflicted copy …)", Google Drive "ID (1)", Syncthing "ID.sync-conflict-…"
_SYNC_COPY = r"(?i)^(?P<id>.+?)(?: \([^)]*conflict[^)]*\)| \(\d+\)|\.sync-conflict-.*)$"


def _stray_files(root: Path, project: Project) -> list[str]:
    lines: list[str] = []
    stray: list[str] = []
    # the folder is scanned, not listed whole and sorted: only the strays are held
    with contextlib.suppress(OSError), os.scandir(root / DOCUMENTS_DIR) as found:
        for item in found:
            name = item.name
            stem = name[: -len(".json")] if name.endswith(".json") else ""
            if not name.startswith(".") and stem not in project:
                stray.append(name)
    for name in sorted(stray):
        lines.append(
            f"{root / DOCUMENTS_DIR / name}: not listed in {CATALOG_FILE} (left by an interrupted "
            f"import?); `annotator repair {root}` lists it"
        )
    for name in (CATALOG_FILE, PROJECT_FILE):
        for copy in entity_files.conflict_copies(root / name):
            lines.append(
                f"{copy}: a sync client's conflicted copy of {name} (two computers wrote it at once; import on "
                "one computer at a time, docs/team.md): what only it lists is not in the project"
            )
    for leftover in sorted(root.glob(f"{STAGING_PREFIX}*")):
        lines.append(f"{leftover}: left by an interrupted import; `annotator repair {root}` finishes or removes it")
    return lines


__all__ = [
    "DEFAULT_ANNOTATOR",
    "IMPORT_ANNOTATOR",
    "CancelCallback",
    "CatalogEntry",
    "DocumentSummary",
    "ImportProgress",
    "ImportReport",
    "ProgressCallback",
    "Project",
    "ProjectError",
    "SearchHit",
    "document_json",
    "is_safe_name",
    "safe_name",
    "text_hash",
    "validate_project",
]
