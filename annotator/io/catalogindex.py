"""The catalogue index: documents.json in SQLite, so that a document list pages through it.

``PROJECT/.cache/catalog.sqlite`` holds one row per line of documents.json (position,
id, title, dates, the entry itself) with the title folded by `persian.match` and a sort
key for the date, and records the *signature* of the documents.json it was made from
(inode, size, times, and the sha256 of a small file). A window opening a project whose
documents.json still has that signature reads nothing else: the list asks for the rows
it shows (`DocumentView`), filtered and sorted by SQLite. Whatever writes documents.json
through `Project` updates the index in the same call (appending an import's rows); a
documents.json changed by anything else (git, an older version, a hand edit) has another
signature and the index is made again from it.

It is never the source of truth: documents.json is, and keeps its shape (older versions
read it as before). A damaged file, one made by another version or another folding is
deleted and made again; SQLite's write-ahead log makes each update atomic, and the
signature is written in the same transaction as the rows, so a process killed at any
moment leaves an index that is either in step with documents.json or recognised as not.
Where the folder cannot hold it (a read-only project), the index lives in memory.

Status and span counts (an annotator's progress, from .cache/index.json) are per window:
they go into a temporary table of the connection (`set_facts`), never into the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..persian import match
from .catalog import CatalogEntry

CATALOG_DB = "catalog.sqlite"
SCHEMA_VERSION = 2
HASHED_BELOW = 4 * 2**20  # documents.json up to this size is hashed into its signature
REBUILD_BATCH = 2000  # rows between two progress reports (and chances to stop) of a rebuild
STATUS_RANKS = ("new", "in_progress", "done")  # model.Status in order: the list sorts by it

Signature = str


def catalog_signature(path: Path) -> Signature:
    """What identifies one state of documents.json: inode, size, modification and change
    times (an atomic save makes a new inode) and, for a file under 4 MB, its sha256 (two
    saves within one clock tick of the file system keep the times)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "absent"
    except OSError as exc:
        return f"unreadable:{exc.errno}"
    parts = [str(st.st_ino), str(st.st_size), str(st.st_mtime_ns), str(st.st_ctime_ns)]
    if st.st_size < HASHED_BELOW:
        try:
            parts.append(hashlib.sha256(path.read_bytes()).hexdigest())
        except OSError as exc:
            return f"unreadable:{exc.errno}"
    return ":".join(parts)


def _fingerprint() -> str:
    digest = hashlib.sha256(Path(match.__file__).read_bytes()).hexdigest()[:16]
    return f"{SCHEMA_VERSION}:{digest}"


def title_key(entry: CatalogEntry) -> str:
    """What the list filters and sorts titles by (as before: the folded title, or id)."""
    return match.fold(entry.title or entry.id)


def date_key(entry: CatalogEntry) -> str:
    """What the list sorts dates by: the Gregorian ISO date when known, else as written."""
    return entry.date_gregorian or entry.date


class CatalogIndex:
    """One project's catalogue index. Thread-safe (one connection behind a lock)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: in memory
        self._lock = threading.RLock()
        self._db = self._open()

    # ---- the file ----------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._checked(":memory:")
        try:
            self.path.parent.mkdir(exist_ok=True)
            return self._checked(str(self.path))
        except (OSError, sqlite3.Error):
            self._delete_files()
        try:
            return self._checked(str(self.path))
        except (OSError, sqlite3.Error):
            # a read-only folder (or worse): a window still lists the documents
            self.path = None
            return self._checked(":memory:")

    def _checked(self, where: str) -> sqlite3.Connection:
        db = sqlite3.connect(where, timeout=30, check_same_thread=False, isolation_level=None)
        try:
            if where != ":memory:":
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")  # with WAL: safe against kills
            db.execute("PRAGMA temp_store=MEMORY")
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "meta" not in tables:
                db.execute("BEGIN IMMEDIATE")
                db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
                db.execute(
                    "CREATE TABLE docs(pos INTEGER PRIMARY KEY, id TEXT NOT NULL, title_key TEXT NOT NULL,"
                    " date_key TEXT NOT NULL, date_gregorian TEXT NOT NULL, sha256 TEXT NOT NULL, entry TEXT NOT NULL)"
                )
                db.execute("CREATE UNIQUE INDEX docs_id ON docs(id)")
                db.execute("CREATE INDEX docs_title ON docs(title_key, pos)")
                db.execute("CREATE INDEX docs_date ON docs(date_key, pos)")
                db.execute("INSERT INTO meta VALUES('version', ?), ('signature', '')", (_fingerprint(),))
                db.execute("COMMIT")
            else:
                row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
                if row is None or row[0] != _fingerprint():
                    raise sqlite3.DatabaseError("made by another version")
                db.execute("SELECT count(*) FROM docs WHERE pos < 0").fetchone()
            db.execute("CREATE TEMP TABLE IF NOT EXISTS facts(pos INTEGER PRIMARY KEY, status INTEGER, spans INTEGER)")
        except BaseException:
            db.close()
            raise
        return db

    def _delete_files(self) -> None:
        if self.path is None:
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").unlink()

    def close(self) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.close()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._db

    @contextlib.contextmanager
    def _transaction(self, begin: str = "BEGIN IMMEDIATE") -> Iterator[sqlite3.Connection]:
        """One transaction under the lock: committed when the block ends (also by a
        return), rolled back when it raises (a stopped rebuild changes nothing)."""
        with self._lock:
            db = self._db
            db.execute(begin)
            try:
                yield db
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    # ---- in step with documents.json ---------------------------------------------------

    def signature(self) -> Signature:
        with self._reading() as db:
            return _signature_in(db) or ""

    def store(
        self, entries: Sequence[CatalogEntry], signature: Signature, start: int = 0, previous: Signature | None = None
    ) -> None:
        """Make the index hold `entries` as documents.json with `signature`. When the index
        holds the documents.json of signature `previous`, only positions from `start` on
        are rewritten (an import appends); otherwise everything is."""
        with self._transaction() as db:
            if previous is None or _signature_in(db) != previous:
                start = 0
            db.execute("DELETE FROM docs WHERE pos >= ?", (start,))
            db.executemany("INSERT INTO docs VALUES(?, ?, ?, ?, ?, ?, ?)", _rows(entries, start))
            db.execute("UPDATE meta SET value = ? WHERE key='signature'", (signature,))

    def rebuild(
        self,
        entries: Sequence[CatalogEntry],
        signature: Signature,
        expected: Signature,
        progress: Callable[[int, int], None] | None = None,
    ) -> bool:
        """Make the index hold `entries` (documents.json with `signature`) from nothing, as
        a worker thread does on its own connection while the window reads the old rows
        (write-ahead log: readers see the index as it was until the one commit).
        `progress(done, total)` is called between batches and may raise to stop: nothing
        is changed then. False, with nothing changed, when the index no longer holds the
        documents.json of signature `expected` (someone else brought it in step meanwhile)."""
        with self._transaction() as db:
            if _signature_in(db) != expected:
                return False  # the transaction commits nothing
            db.execute("DELETE FROM docs")
            total = len(entries)
            for start in range(0, total, REBUILD_BATCH):
                if progress is not None:
                    progress(start, total)
                db.executemany("INSERT INTO docs VALUES(?, ?, ?, ?, ?, ?, ?)", _rows(entries, start, REBUILD_BATCH))
            if progress is not None:
                progress(total, total)
            db.execute("UPDATE meta SET value = ? WHERE key='signature'", (signature,))
            return True

    def update(self, pos: int, entry: CatalogEntry, signature: Signature, previous: Signature) -> bool:
        """Rewrite one row (a title changed); False when the index was not in step."""
        with self._transaction() as db:
            if _signature_in(db) != previous:
                return False
            db.execute(
                "UPDATE docs SET title_key=?, date_key=?, date_gregorian=?, entry=? WHERE pos=? AND id=?",
                (
                    title_key(entry),
                    date_key(entry),
                    entry.date_gregorian,
                    json.dumps(entry.to_json(), ensure_ascii=False),
                    pos,
                    entry.id,
                ),
            )
            db.execute("UPDATE meta SET value = ? WHERE key='signature'", (signature,))
            return True

    # ---- the catalogue, row by row -------------------------------------------------------

    def count(self) -> int:
        with self._reading() as db:
            return int(db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def entry(self, doc_id: str) -> CatalogEntry | None:
        with self._reading() as db:
            row = db.execute("SELECT entry FROM docs WHERE id = ?", (doc_id,)).fetchone()
        return CatalogEntry.from_json(json.loads(row[0])) if row else None

    def position(self, doc_id: str) -> int:
        """The document's position in documents.json, -1 when not listed."""
        with self._reading() as db:
            row = db.execute("SELECT pos FROM docs WHERE id = ?", (doc_id,)).fetchone()
        return int(row[0]) if row else -1

    def ids(self) -> list[str]:
        """Every id in order (small: no entries are made)."""
        with self._reading() as db:
            return [r[0] for r in db.execute("SELECT id FROM docs ORDER BY pos")]

    def ids_from(self, pos: int, step: int = 1) -> Iterator[str]:
        """Ids after (step 1) or before (step -1) a position, nearest first."""
        query = (
            "SELECT id FROM docs WHERE pos > ? ORDER BY pos"
            if step > 0
            else "SELECT id FROM docs WHERE pos < ? ORDER BY pos DESC"
        )
        offset = 0
        while True:  # pages, so that the lock is not held while the caller looks
            with self._reading() as db:
                page = [r[0] for r in db.execute(query + " LIMIT 500 OFFSET ?", (pos, offset))]
            yield from page
            if len(page) < 500:
                return
            offset += 500

    def _in_order(self, columns: str, page_size: int) -> Iterator[tuple[Any, ...]]:
        """The given columns of every row in order, `page_size` rows a read, so that the
        lock is not held while the caller looks and nobody holds them all."""
        pos = -1
        while True:
            with self._reading() as db:
                page = db.execute(
                    f"SELECT pos, {columns} FROM docs WHERE pos > ? ORDER BY pos LIMIT ?", (pos, page_size)
                ).fetchall()
            for row in page:
                yield tuple(row[1:])
            if len(page) < page_size:
                return
            pos = page[-1][0]

    def keys(self) -> Iterator[tuple[str, str]]:
        """(id, sha256) at every position in order: the search index's comparison never
        holds them all."""
        return ((doc_id, sha256) for doc_id, sha256 in self._in_order("id, sha256", 5000))

    def entries(self) -> Iterator[CatalogEntry]:
        """Every entry in order (the caller never holds them all)."""
        for (entry,) in self._in_order("entry", 1000):
            yield CatalogEntry.from_json(json.loads(entry))

    # ---- an annotator's progress (this connection only) --------------------------------

    def set_facts(self, facts: Iterable[tuple[str, str, int]]) -> None:
        """(document id, status, span count) of the documents that have an annotation
        file; the others are new with no spans."""
        with self._transaction("BEGIN") as db:
            db.execute("DELETE FROM temp.facts")
            db.executemany(
                "INSERT OR REPLACE INTO temp.facts SELECT pos, ?, ? FROM docs WHERE id = ?",
                ((_rank(status), spans, doc_id) for doc_id, status, spans in facts),
            )

    def set_fact(self, doc_id: str, status: str, spans: int) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO temp.facts SELECT pos, ?, ? FROM docs WHERE id = ?",
                (_rank(status), spans, doc_id),
            )

    def count_status(self, status: str) -> int:
        with self._reading() as db:
            if _rank(status) == 0:
                row = db.execute(
                    "SELECT count(*) FROM docs LEFT JOIN temp.facts AS f USING(pos) WHERE coalesce(f.status, 0) = 0"
                ).fetchone()
            else:
                row = db.execute("SELECT count(*) FROM temp.facts WHERE status = ?", (_rank(status),)).fetchone()
            return int(row[0])

    def first_not(self, status: str) -> str | None:
        """The first document (import order) whose status is not `status`."""
        with self._reading() as db:
            row = db.execute(
                "SELECT id FROM docs LEFT JOIN temp.facts AS f USING(pos) WHERE coalesce(f.status, 0) != ?"
                " ORDER BY pos LIMIT 1",
                (_rank(status),),
            ).fetchone()
            if row is None:
                row = db.execute("SELECT id FROM docs ORDER BY pos LIMIT 1").fetchone()
        return str(row[0]) if row else None

    @contextlib.contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """The connection, locked: for DocumentView."""
        with self._reading() as db:
            yield db


def _signature_in(db: sqlite3.Connection) -> Signature | None:
    """The signature of the documents.json the index holds (None: no row)."""
    row = db.execute("SELECT value FROM meta WHERE key='signature'").fetchone()
    return str(row[0]) if row else None


def _rows(entries: Sequence[CatalogEntry], start: int, count: int | None = None) -> Iterator[tuple[Any, ...]]:
    """The docs table's rows of entries[start:start + count] (to the end when None)."""
    stop = len(entries) if count is None else min(len(entries), start + count)
    for pos in range(start, stop):
        e = entries[pos]
        yield (
            pos,
            e.id,
            title_key(e),
            date_key(e),
            e.date_gregorian,
            e.sha256,
            json.dumps(e.to_json(), ensure_ascii=False),
        )


def _rank(status: str) -> int:
    return STATUS_RANKS.index(status) if status in STATUS_RANKS else 0


# ---- a filtered, sorted view, paged -------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of the document list."""

    pos: int
    id: str
    title: str
    date: str
    date_gregorian: str
    status: str
    spans: int


SORT_KEYS = {
    "pos": "d.pos",
    "title": "d.title_key",
    "date": "d.date_key",
    "status": "coalesce(f.status, 0)",
    "spans": "coalesce(f.spans, 0)",
}


class DocumentView:
    """The rows of a document list: filtered by folded title, status and Gregorian date
    range, sorted by title, date, status, spans or import order (ties in import order,
    as a stable sort leaves them), read a page at a time.

    The order of a filtered or sorted view is worked out once into a temporary table of
    positions, so that a page is a range of it; the plain import order needs none.
    """

    PAGE = 200

    def __init__(self, index: CatalogIndex) -> None:
        self.index = index
        self.needle = ""
        self.status: str | None = None
        self.date_from = ""
        self.date_to = ""
        self.sort = "pos"
        self.descending = False
        self._count = 0
        self._materialized = False
        self._pages: dict[int, list[Row]] = {}
        self.refresh()

    def set_filter(
        self,
        needle: str | None = None,
        status: str | bool | None = False,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> None:
        """Change what is shown (None/False: leave that part as it is); `needle` is folded
        as titles are (ي=ی, ك=ک, digits, ZWNJ/space, diacritics)."""
        if needle is not None:
            self.needle = match.fold(needle.strip())
        if status is not False:
            self.status = status if isinstance(status, str) else None
        if date_from is not None:
            self.date_from = date_from
        if date_to is not None:
            self.date_to = date_to
        self.refresh()

    def set_sort(self, key: str, descending: bool = False) -> None:
        if key not in SORT_KEYS:
            raise ValueError(f"cannot sort by {key!r}")
        self.sort, self.descending = key, descending
        self.refresh()

    def depends_on_facts(self) -> bool:
        return self.status is not None or self.sort in ("status", "spans")

    def _where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if self.needle:
            clauses.append("instr(d.title_key, ?) > 0")
            args.append(self.needle)
        if self.status is not None:
            clauses.append("coalesce(f.status, 0) = ?")
            args.append(_rank(self.status))
        if self.date_from:
            clauses.append("d.date_gregorian != '' AND d.date_gregorian >= ?")
            args.append(self.date_from)
        if self.date_to:
            clauses.append("d.date_gregorian != '' AND d.date_gregorian <= ?")
            args.append(self.date_to)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def refresh(self) -> None:
        """Work the view out again (after a filter, a sort, new documents or statuses)."""
        self._pages.clear()
        where, args = self._where()
        with self.index.connection() as db:
            db.execute("DROP TABLE IF EXISTS temp.listing")
            self._materialized = bool(where) or self.sort != "pos" or self.descending
            if not self._materialized:
                self._count = int(db.execute("SELECT count(*) FROM docs").fetchone()[0])
                return
            order = f"{SORT_KEYS[self.sort]} {'DESC' if self.descending else 'ASC'}, d.pos ASC"
            db.execute("CREATE TEMP TABLE listing(row INTEGER PRIMARY KEY, pos INTEGER UNIQUE)")
            db.execute(
                "INSERT INTO temp.listing(pos) SELECT d.pos FROM docs AS d LEFT JOIN temp.facts AS f USING(pos)"
                f"{where} ORDER BY {order}",
                args,
            )
            self._count = int(db.execute("SELECT count(*) FROM temp.listing").fetchone()[0])

    def __len__(self) -> int:
        return self._count

    def row(self, number: int) -> Row | None:
        if not 0 <= number < self._count:
            return None
        page = number // self.PAGE
        if page not in self._pages:
            if len(self._pages) > 50:  # a window shows a few pages: keep memory flat
                self._pages.clear()
            self._pages[page] = self._read_page(page)
        rows = self._pages[page]
        offset = number - page * self.PAGE
        return rows[offset] if offset < len(rows) else None

    def _read_page(self, page: int) -> list[Row]:
        first, last = page * self.PAGE, (page + 1) * self.PAGE
        columns = "d.pos, d.id, d.entry, coalesce(f.status, 0), coalesce(f.spans, 0)"
        with self.index.connection() as db:
            if self._materialized:
                found = db.execute(
                    f"SELECT {columns} FROM temp.listing AS v JOIN docs AS d ON d.pos = v.pos"
                    " LEFT JOIN temp.facts AS f ON f.pos = v.pos WHERE v.row > ? AND v.row <= ? ORDER BY v.row",
                    (first, last),
                ).fetchall()
            else:
                found = db.execute(
                    f"SELECT {columns} FROM docs AS d LEFT JOIN temp.facts AS f USING(pos)"
                    " WHERE d.pos >= ? AND d.pos < ? ORDER BY d.pos",
                    (first, last),
                ).fetchall()
        rows = []
        for pos, doc_id, entry, status, spans in found:
            data = json.loads(entry)
            title, date, gregorian = (str(data.get(k, "")) for k in ("title", "date", "date_gregorian"))
            rows.append(Row(pos, doc_id, title, date, gregorian, STATUS_RANKS[status], spans))
        return rows

    def number_of(self, doc_id: str) -> int:
        """The row showing a document, -1 when filtered out or unknown."""
        with self.index.connection() as db:
            if self._materialized:
                row = db.execute(
                    "SELECT v.row FROM temp.listing AS v JOIN docs AS d ON d.pos = v.pos WHERE d.id = ?", (doc_id,)
                ).fetchone()
                return int(row[0]) - 1 if row else -1
            row = db.execute("SELECT pos FROM docs WHERE id = ?", (doc_id,)).fetchone()
            return int(row[0]) if row else -1

    def forget(self, number: int) -> None:
        """Drop the cached page holding a row (its status changed)."""
        self._pages.pop(number // self.PAGE, None)
