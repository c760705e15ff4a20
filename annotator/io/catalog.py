"""A project's shared records and files: names, documents.json, the write lock, imports' results.

What both the project (io/project.py) and the import pipeline (io/importers/pipeline.py)
need lives here, so that neither imports the other back: safe file names, a catalogue
entry and the reading and writing of documents.json, the project-wide write lock under
which every change of documents.json and project.json is made, and an import's report.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Label, RelationType, Schema
from ..model.label_colors import new_colors
from . import jsonformat
from .names import (
    is_safe_name,
)
from .reading import read_regular

try:  # POSIX; elsewhere the lock is a no-op (one writer at a time is then the user's rule)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

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
# what a coder's work writes that is nobody else's business (docs/team.md): caches,
# interrupted imports, window locks, journals of edits not yet checkpointed (and those
# set aside), temporary files of atomic saves
GITIGNORE_LINES = (f"{CACHE_DIR}/", f"{STAGING_PREFIX}*/", ".*.lock", "*.journal", "*.journal.unused-*", ".*.tmp")
GITIGNORE = "# made by annotator: caches, locks, journals, interrupted saves and imports\n" + "".join(
    f"{line}\n" for line in GITIGNORE_LINES
)
MAX_PROJECT_FILE_BYTES = 256 * 2**20  # project.json, documents.json, a document file
LOCK_TIMEOUT = 120.0  # seconds a writer waits for another one's catalogue update


class ProjectError(Exception):
    """A project that cannot be opened or changed; the message names the file and why."""


def inside(root: Path, path: Path) -> Path:
    """`path`, after checking that it stays inside `root`'s real path (symlinks resolved).

    A folder of the project may be a symlink to somewhere else (git stores symlinks, so a
    cloned project can carry one): nothing is read or written through it.
    """
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise ProjectError(f"{path}: outside the project folder {root} (a symbolic link?); not used")
    return path


def check_real_folder(root: Path, folder: Path) -> None:
    """Raise ProjectError when `folder` (inside the project) is a symlink or leads outside."""
    if folder.is_symlink():
        raise ProjectError(f"{folder}: is a symbolic link; the project writes only inside {root}")
    inside(root, folder)


# ---- records -----------------------------------------------------------------------------


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
    # "SOURCE: message": what the user should know though nothing went wrong (not a problem)
    notices: list[str] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0
    characters: int = 0  # of the text read (before normalization)
    bytes_read: int = 0  # of the source files
    # the project's disk failed (read-only, full): nothing was imported; the message says why
    disk_error: str = ""
    # (source file, interchange format, what showed it): what `auto` found in each file
    detected: list[tuple[str, str, str]] = field(default_factory=list)

    # label -> how many spans the imported documents brought with them (interchange formats)
    spans: dict[str, int] = field(default_factory=dict)

    def spans_ranked(self) -> list[tuple[str, int]]:
        """(label, spans that came in), most first, then by label."""
        return sorted(self.spans.items(), key=lambda item: (-item[1], item[0]))

    def spans_line(self) -> str:
        """How many spans came in, by label (most first), or "" when none did."""
        if not self.spans:
            return ""
        labels = self.spans_ranked()
        shown = ", ".join(f"{label} {n}" for label, n in labels[:12])
        more = f", and {len(labels) - 12} more labels" if len(labels) > 12 else ""
        return f"{sum(self.spans.values())} span(s) imported with the documents: {shown}{more}"

    def detected_lines(self) -> list[str]:
        return [f"{path}: format detected: {name} ({why})" for path, name, why in self.detected]

    def lines(self) -> list[str]:
        return [
            f"{len(self.added)} document(s) added",
            f"{len(self.skipped_duplicates)} duplicate(s) skipped",
            f"{len(self.problems)} problem(s)",
        ]


ProgressCallback = Callable[[ImportProgress], None]
CancelCallback = Callable[[], bool]


def _int_field(data: dict[str, Any], key: str) -> int:
    value = data.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{key!r} is not a number")
    try:
        number = int(value)
    except (ValueError, OverflowError):
        raise ValueError(f"{key!r} is not a whole number: {str(value)[:20]}") from None
    if not 0 <= number < 2**53:
        raise ValueError(f"{key!r} is out of range")
    return number


@dataclass
class CatalogEntry:
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
    date_gregorian: str = ""  # the date's Gregorian ISO form (the list sorts and filters by it)
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title}
        for key in ("date", "date_gregorian", "source", "url"):
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
    def from_json(cls, data: Any) -> CatalogEntry:
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            raise ValueError("an entry needs a string 'id'")
        return cls(
            id=data["id"],
            title=str(data.get("title", "")),
            date=str(data.get("date", "")),
            url=str(data.get("url", "")),
            sha256=str(data.get("sha256", "")),
            source_sha256=str(data.get("source_sha256", "")),
            length=_int_field(data, "length"),
            annotations_sha256=str(data.get("annotations_sha256", "")),
            date_gregorian=str(data.get("date_gregorian", "")),
            source=str(data.get("source", "")),
        )


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def dumps(data: dict[str, Any]) -> bytes:
    # a line a key, and a line a document in documents.json: readable and diffable in git
    return jsonformat.format_json(data).encode("utf-8")


def read_json(path: Path | str, limit: int = MAX_PROJECT_FILE_BYTES) -> Any:
    """Parsed JSON, or ProjectError naming the file and the place."""
    try:
        raw = read_regular(path, limit)
    except FileNotFoundError:
        raise ProjectError(f"{path}: no such file") from None
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ProjectError(f"{path}: {exc}") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ProjectError(f"{path}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        # ValueError: an integer of thousands of digits; RecursionError: nesting too deep
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0]
        raise ProjectError(f"{path}: unreadable JSON: {reason}") from None


def check_header(path: Path | str, data: Any, expected: str) -> None:
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


def read_catalog(root: Path) -> list[CatalogEntry]:
    """documents.json's entries ([] when there is none); ProjectError for a bad file."""
    catalog_file = root / CATALOG_FILE
    if not catalog_file.exists():
        return []
    try:
        raw = read_regular(catalog_file, MAX_PROJECT_FILE_BYTES)
        return _entries_of(catalog_file, _catalog_lines(raw, catalog_file))
    except (OSError, ValueError, _OtherLayout):
        pass  # another layout, or a fault: read whole, for the exact message
    catalog = read_json(catalog_file)
    check_header(catalog_file, catalog, CATALOG_FORMAT)
    items = catalog.get("documents")
    if not isinstance(items, list):
        raise ProjectError(f"{catalog_file}: $.documents: missing or not a list")
    return _entries_of(catalog_file, items)


def _entries_of(catalog_file: Path, items: Iterable[Any]) -> list[CatalogEntry]:
    entries: list[CatalogEntry] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        try:
            entry = CatalogEntry.from_json(item)
        except (ValueError, TypeError) as exc:
            raise ProjectError(f"{catalog_file}: $.documents[{i}]: {exc}") from None
        if not is_safe_name(entry.id):
            raise ProjectError(f"{catalog_file}: $.documents[{i}].id: {entry.id!r} is not a safe file name")
        if entry.id.casefold() in seen:
            raise ProjectError(f"{catalog_file}: $.documents[{i}].id: duplicate id {entry.id!r}")
        seen.add(entry.id.casefold())
        entries.append(entry)
    return entries


_DOCUMENTS_OPEN = b'\n  "documents": [\n'
_DOCUMENTS_CLOSE = b"\n  ]\n}"
_PIECE = 1 << 18  # bytes of documents.json parsed at once


class _OtherLayout(Exception):
    """documents.json is not laid out a line a document: it is read whole instead."""


def _catalog_lines(raw: bytes, path: Path) -> Iterator[Any]:
    """documents.json's items parsed a line at a time, when it has the layout `dumps`
    writes (a line a document): a 100,000-line file never becomes one parsed tree beside
    the entries made of it, so reading it costs the entries' memory, not three times
    that. Raises _OtherLayout, before or while yielding, for any other layout or a line
    that does not parse alone."""
    start, end = raw.find(_DOCUMENTS_OPEN), raw.rfind(_DOCUMENTS_CLOSE)
    if start < 0 or end < start:
        raise _OtherLayout
    try:
        header = json.loads(raw[:start] + b'\n  "documents": []' + raw[end + len(b"\n  ]") :])
    except ValueError:
        raise _OtherLayout from None
    if not isinstance(header, dict) or list(header) != ["format", "version", "documents"]:
        raise _OtherLayout
    check_header(path, header, CATALOG_FORMAT)
    pos, stop = start + len(_DOCUMENTS_OPEN), end
    while pos < stop:  # about 1,000 lines at a time, each piece parsed as one array
        eol = raw.find(b"\n", min(pos + _PIECE, stop), stop)
        eol = stop if eol < 0 else eol
        piece = raw[pos:eol].rstrip()
        if eol < stop:  # a line that is not the last ends with the comma before the next
            if not piece.endswith(b","):
                raise _OtherLayout
            piece = piece[:-1]
        pos = eol + 1
        try:
            items = json.loads(b"[" + piece + b"]")
        except (ValueError, RecursionError):
            raise _OtherLayout from None
        yield from items


def catalog_bytes(entries: list[CatalogEntry]) -> bytes:
    return dumps({"format": CATALOG_FORMAT, "version": VERSION, "documents": [e.to_json() for e in entries]})


def document_json(
    doc_id: str,
    title: str,
    text: str,
    metadata: dict[str, Any],
    original: str | None = None,
    offset_map: dict[str, Any] | None = None,
    as_in_file: tuple[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A document file's content; the original text and map only when they differ, and
    the source file's text as decoded with the map from it to the original (or the text)
    only when given."""
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
    if as_in_file is not None:
        data["file"] = {"text": as_in_file[0], "offset_map": as_in_file[1]}
    return data


def extend_schema(schema_json: Any, labels: Iterable[str], relation_types: Iterable[str] = ()) -> dict[str, Any] | None:
    """The schema (as JSON) with the labels and relation types it lacks added; None when
    it has them all."""
    schema = Schema.from_json(schema_json)
    new_labels = [lb for lb in dict.fromkeys(labels) if schema.label(lb) is None]
    new_types = [t for t in dict.fromkeys(relation_types) if schema.relation_type(t) is None]
    if not new_labels and not new_types:
        return None
    # each its own colour, none a label of the project has (the labels it has keep theirs)
    colors = new_colors((lb.color for lb in schema.labels), len(new_labels))
    added = tuple(Label(lb, lb, lb, color) for lb, color in zip(new_labels, colors, strict=True))
    types = tuple(RelationType(t, t, t) for t in new_types)
    return Schema(schema.labels + added, schema.relation_types + types, schema.attributes).to_json()


def file_signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


# ---- the project's write lock --------------------------------------------------------------

_held = threading.local()  # realpath -> depth, per thread: the lock is re-entrant


@contextlib.contextmanager
def write_lock(root: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the project's write lock: one writer of documents.json and project.json at a
    time, across processes (and threads), for as long as the block runs.

    The lock is an advisory `flock` on the project folder itself, so it creates no file
    (a read-only project is not touched) and dies with its holder (a killed import never
    leaves it behind). Raises ProjectError when another writer holds it for `timeout`.
    Re-entrant within a thread.
    """
    key = os.path.realpath(root)
    depth: dict[str, int] = getattr(_held, "depth", None) or {}
    _held.depth = depth
    if depth.get(key) or fcntl is None:
        depth[key] = depth.get(key, 0) + 1
        try:
            yield
        finally:
            depth[key] -= 1
        return
    try:
        fd = os.open(key, os.O_RDONLY)
    except OSError as exc:
        raise ProjectError(f"{root}: cannot open the project folder: {exc.strerror or exc}") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    break  # a file system without locks: go on unlocked, as before
                if time.monotonic() > deadline:
                    raise ProjectError(
                        f"{root}: another program has been changing the project for {timeout:.0f} s; "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.05)
        depth[key] = 1
        try:
            yield
        finally:
            depth[key] = 0
    finally:
        os.close(fd)  # releases the flock


def try_lock_folder(folder: Path) -> int | None:
    """An fd holding an exclusive flock on `folder`, or None when someone else holds it.

    An import holds one on its staging folder while it runs: a staging folder nobody holds
    was left by an import that was killed.
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    if fcntl is None:  # pragma: no cover - Windows: never taken for abandoned (repair does it)
        os.close(fd)
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


# ---- an import's staged files --------------------------------------------------------------

COMMIT_RECORD = "commit.json"  # in a staging folder: moving in has begun; finish it


@dataclass
class StagedImport:
    """What an import wrote into its staging folder, ready to be moved in.

    `folder/documents/<id>.json` for each entry, and `folder/<relative>` for each annotation
    file (`annotations/<annotator>/<id>.json`). Before anything is moved, this is written
    to `folder/commit.json`, so that an import killed while moving in is finished by the
    next one (or `annotator repair`) instead of leaving unlisted files behind.
    """

    folder: Path
    entries: list[CatalogEntry] = field(default_factory=list)
    annotation_files: list[Path] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    relation_types: list[str] = field(default_factory=list)
    wheres: dict[str, str] = field(default_factory=dict)  # doc id -> its source, for messages

    def record(self) -> bytes:
        data = {
            "format": "annotator/import-commit",
            "version": VERSION,
            "entries": [e.to_json() for e in self.entries],
            "annotation_files": [p.as_posix() for p in self.annotation_files],
            "labels": self.labels,
            "relation_types": self.relation_types,
        }
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_record(cls, folder: Path) -> StagedImport:
        """Read `folder/commit.json`; ValueError when it is not a whole, sane record."""
        try:
            data = json.loads(read_regular(folder / COMMIT_RECORD, MAX_PROJECT_FILE_BYTES))
        except (OSError, UnicodeDecodeError, RecursionError) as exc:
            raise ValueError(f"{folder / COMMIT_RECORD}: unreadable ({exc})") from None
        if not isinstance(data, dict) or data.get("format") != "annotator/import-commit":
            raise ValueError(f"{folder / COMMIT_RECORD}: not an import record")
        staged = cls(folder)
        try:
            staged.entries = [CatalogEntry.from_json(e) for e in data["entries"]]
            staged.annotation_files = [Path(str(p)) for p in data["annotation_files"]]
            staged.labels = [str(x) for x in data.get("labels", [])]
            staged.relation_types = [str(x) for x in data.get("relation_types", [])]
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{folder / COMMIT_RECORD}: {exc}") from None
        for entry in staged.entries:
            if not is_safe_name(entry.id):
                raise ValueError(f"{folder / COMMIT_RECORD}: unsafe id {entry.id!r}")
        for relative in staged.annotation_files:
            parts = relative.parts
            if len(parts) != 3 or parts[0] != ANNOTATIONS_DIR or not all(is_safe_name(p) for p in parts[1:]):
                raise ValueError(f"{folder / COMMIT_RECORD}: unexpected path {relative}")
        return staged
