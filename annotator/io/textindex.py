"""The project's search index: SQLite FTS5 over the Persian-folded texts, a rebuildable cache.

``PROJECT/.cache/search.sqlite`` holds, for each document by its position in
documents.json: its id, the sha256 of its stored text, the text, and the text folded by
`persian.match` (in an FTS5 table with the trigram tokenizer) with the map back to the
text. A query is folded the same way; ``GLOB '*key*'`` on the folded column finds, through
the trigram index, exactly the documents whose folded text contains the key (SQLite
checks each candidate against the stored folded text), and `persian.match` finds the hits
in each of them from the stored folded text and map. So the hits and their code-point
offsets are those of the in-memory search, whole-word and phrase search included, and no
text is folded twice.

It is never the source of truth (documents.json and documents/*.json are):

* every sync compares the index with the catalogue, position by position (id and text
  fingerprint), and re-indexes what differs; rows past the catalogue's end (an import that
  was cancelled or killed) are never returned and are overwritten by the next import;
* a file that is not an SQLite database, was made with another schema or another folding
  (a changed persian/match.py) is deleted and built again;
* SQLite's write-ahead log makes every commit atomic: a process killed at any moment
  leaves the index as it was at its last commit.

Texts SQLite cannot search as they are (a NUL character, a lone surrogate) are stored
without text and folded from the document file when a search needs them.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import sqlite3
import threading
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..persian import match

INDEX_DB = "search.sqlite"
SCHEMA_VERSION = 2
BATCH = 2000  # documents per transaction while indexing: a kill loses at most these

ReadText = Callable[[str], str]
Progress = Callable[[int, int], None]  # (done, total)


class IndexUnavailable(Exception):
    """The index cannot be used here (no FTS5 in this SQLite, a read-only folder ...)."""


def fold_fingerprint() -> str:
    """What the stored folded texts depend on: the folding code and the schema."""
    digest = hashlib.sha256(Path(match.__file__).read_bytes()).hexdigest()[:16]
    return f"{SCHEMA_VERSION}:{digest}"


def _glob(key: str) -> str:
    # GLOB's wildcards become one-character classes; the trigram index still applies to
    # the literal runs between them
    return "*" + "".join(f"[{c}]" if c in "*?[" else c for c in key) + "*"


def _runs_blob(ft: match.FoldedText) -> bytes | None:
    fold_starts, orig_starts = ft.runs()
    if not fold_starts:
        return None
    return fold_starts.tobytes() + orig_starts.tobytes()


def _restore(text: str, folded: str, blob: bytes | None) -> match.FoldedText:
    fold_starts, orig_starts = array("q"), array("q")
    if blob:
        half = len(blob) // 2
        fold_starts.frombytes(blob[:half])
        orig_starts.frombytes(blob[half:])
    return match.FoldedText.restore(text, folded, fold_starts, orig_starts)


class TextIndex:
    """One project's index file. Thread-safe (one connection behind a lock)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self.rebuilt = False  # whether opening found a damaged or outdated file

    # ---- the file ----------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        try:
            self.path.parent.mkdir(exist_ok=True)
        except OSError as exc:
            raise IndexUnavailable(f"{self.path.parent}: {exc.strerror or exc}") from None
        try:
            self._db = self._open_checked()
        except sqlite3.DatabaseError:
            # not a database, damaged, or made by another version: it is only a cache
            self.rebuilt = True
            self._delete_files()
            try:
                self._db = self._open_checked()
            except sqlite3.Error as exc:
                raise IndexUnavailable(f"{self.path}: {exc}") from None
        return self._db

    def _open_checked(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # with WAL: safe against kills, not power loss
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "meta" not in tables:
                self._create(db)
            else:
                row = db.execute("SELECT value FROM meta WHERE key='fold'").fetchone()
                if row is None or row[0] != fold_fingerprint():
                    raise sqlite3.DatabaseError("made by another version")
                db.execute("SELECT count(*) FROM docs WHERE pos < 0").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        try:
            db.execute("BEGIN")
            db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
            db.execute(
                "CREATE TABLE docs(pos INTEGER PRIMARY KEY, id TEXT NOT NULL, sha256 TEXT NOT NULL,"
                " text TEXT, runs BLOB)"
            )
            # the comparison with the catalogue and the list of documents without stored
            # text read these small indexes, not the table of texts (350 MB at 100,000)
            db.execute("CREATE INDEX docs_key ON docs(pos, id, sha256)")
            db.execute("CREATE INDEX docs_unsearchable ON docs(pos) WHERE text IS NULL")
            db.execute(
                "CREATE VIRTUAL TABLE folded USING fts5(body, tokenize='trigram case_sensitive 1', detail='none')"
            )
            db.execute("INSERT INTO meta VALUES('fold', ?)", (fold_fingerprint(),))
            db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            # no FTS5 (or no trigram tokenizer, SQLite < 3.34) in this Python's SQLite
            raise IndexUnavailable(str(exc)) from None

    def _delete_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").unlink()

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.close()
                self._db = None

    def reset(self) -> None:
        """Delete the file and start empty (after SQLite reported damage mid-way)."""
        with self._lock:
            self.close()
            self._delete_files()
            self.rebuilt = True

    # ---- writing -----------------------------------------------------------------------

    @staticmethod
    def _put(db: sqlite3.Connection, pos: int, doc_id: str, sha256: str, text: str, fresh: bool = False) -> None:
        if not fresh:  # a position past every row (an import's usual case) has nothing to delete
            db.execute("DELETE FROM folded WHERE rowid = ?", (pos,))
        if "\x00" not in text:
            ft = match.FoldedText(text)
            try:
                row = (pos, doc_id, sha256, text, _runs_blob(ft))
                db.execute("INSERT OR REPLACE INTO docs VALUES(?, ?, ?, ?, ?)", row)
                db.execute("INSERT INTO folded(rowid, body) VALUES(?, ?)", (pos, ft.folded))
                return
            except UnicodeEncodeError:  # a lone surrogate
                db.execute("DELETE FROM folded WHERE rowid = ?", (pos,))
        db.execute("INSERT OR REPLACE INTO docs VALUES(?, ?, ?, NULL, NULL)", (pos, doc_id, sha256))

    @contextlib.contextmanager
    def writer(self) -> Iterator[Callable[[int, str, str, str], None]]:
        """``add(pos, id, sha256, text)`` for an import, committed every BATCH documents
        and at the end (also when the import fails: rows past the catalogue's end are
        ignored until an import writes those positions again). While another thread holds
        the index (the window rebuilding it after opening) this raises IndexUnavailable
        at once: an import never waits for it, and a later sync indexes what it added."""
        if not self._lock.acquire(blocking=False):
            raise IndexUnavailable(f"{self.path}: being brought up to date by another thread")
        try:
            db = self._connect()
            pending = 0
            end = int(db.execute("SELECT coalesce(max(pos) + 1, 0) FROM docs").fetchone()[0])

            def add(pos: int, doc_id: str, sha256: str, text: str) -> None:
                nonlocal pending
                if pending == 0:
                    db.execute("BEGIN")
                self._put(db, pos, doc_id, sha256, text, fresh=pos >= end)
                pending += 1
                if pending >= BATCH:
                    db.execute("COMMIT")
                    pending = 0

            try:
                yield add
            finally:
                if pending:
                    try:
                        db.execute("COMMIT")
                    except sqlite3.Error:  # a full disk: the index is a cache, re-synced on open
                        with contextlib.suppress(sqlite3.Error):
                            db.execute("ROLLBACK")
        finally:
            self._lock.release()

    def sync(self, entries: Sequence[tuple[str, str]], read_text: ReadText, progress: Progress | None = None) -> int:
        """Make positions 0..len(entries)-1 hold these (id, sha256) documents, reading the
        text of each that differs; returns how many were (re)indexed."""
        with self._lock:
            db = self._connect()
            stale: list[int] = []
            cursor = db.execute("SELECT pos, id, sha256 FROM docs WHERE pos < ? ORDER BY pos", (len(entries),))
            expected = 0
            for pos, doc_id, sha256 in cursor:
                stale.extend(range(expected, pos))
                if (doc_id, sha256) != entries[pos]:
                    stale.append(pos)
                expected = pos + 1
            stale.extend(range(expected, len(entries)))
            if not stale:
                return 0
            with self.writer() as add:
                for done, pos in enumerate(stale):
                    doc_id, sha256 = entries[pos]
                    add(pos, doc_id, sha256, read_text(doc_id))
                    if progress is not None and done % 100 == 0:
                        progress(done, len(stale))
            if progress is not None:
                progress(len(stale), len(stale))
            return len(stale)

    def ids(self, limit: int) -> list[str]:
        """The ids at positions 0..limit-1 (for tests and checks)."""
        with self._lock:
            db = self._connect()
            return [r[0] for r in db.execute("SELECT id FROM docs WHERE pos < ? ORDER BY pos", (limit,))]

    # ---- searching ---------------------------------------------------------------------

    def search(
        self,
        query: str,
        within: int,
        read_text: ReadText,
        *,
        whole_words: bool = False,
        limit: int | None = None,
    ) -> list[tuple[int, str, int, int, str]]:
        """``(position, id, start, end, text)`` of each hit in the documents at positions
        below `within`, in position order, at most `limit`."""
        key = match.fold(query)
        if not key or (limit is not None and limit <= 0):
            return []
        hits: list[tuple[int, str, int, int, str]] = []
        with self._lock:
            db = self._connect()
            # keys under three characters have no trigram: a scan of the folded texts (SQLite
            # 3.40 also gets GLOB wrong for two-letter non-ASCII keys)
            where, value = ("f.body GLOB ?", _glob(key)) if len(key) >= 3 else ("instr(f.body, ?) > 0", key)
            found: Iterator[Any] = db.execute(
                "SELECT f.rowid, d.id, d.text, f.body, d.runs FROM folded AS f JOIN docs AS d ON d.pos = f.rowid"
                f" WHERE {where} AND f.rowid < ? ORDER BY f.rowid",
                (value, within),
            )
            # documents stored without their text are searched from their files
            unsearchable = db.execute(
                "SELECT pos, id, NULL, NULL, NULL FROM docs WHERE text IS NULL AND pos < ? ORDER BY pos", (within,)
            ).fetchall()
            if unsearchable:
                found = heapq.merge(found, unsearchable, key=lambda row: int(row[0]))
            for pos, doc_id, text, body, runs in found:
                if text is None:
                    text = read_text(doc_id)
                    ft = match.FoldedText(text)
                else:
                    ft = _restore(text, body, runs)
                for start, end in ft.find_all(query, whole_words=whole_words):
                    hits.append((pos, doc_id, start, end, text))
                    if limit is not None and len(hits) >= limit:
                        return hits
        return hits
