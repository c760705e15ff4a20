"""The project's search index: SQLite FTS5 over the Persian-folded texts, a rebuildable cache.

``PROJECT/.cache/search.sqlite`` holds, for each document by its position in
documents.json: its id, the sha256 of its stored text, the text, and the text folded by
`persian.match` (in an FTS5 table with the trigram tokenizer and positions,
``detail='full'``) with the map back to the text. A query is folded the same way; the
FTS5 phrase of its trigrams (``MATCH '"key"'``: each trigram at the position after the
one before) finds, from the index alone, exactly the documents whose folded text contains
the key, and `persian.match` finds the hits in each of them, only when they are asked
for, from the stored folded text and map. So the hits and their code-point offsets are
those of the in-memory search, whole-word and phrase search included, and no text is
folded twice.

Why positions (measured on 10,000 and 100,000 generated articles, docs/performance.md):
without them (``detail='none'``) FTS5 refuses phrase queries and ``GLOB '*key*'`` has
SQLite read and compare every candidate's folded text, 0.1-0.5x `grep -rlF` at 10,000
documents and 0.4-5.9x at 100,000 once the hits are built too; the phrase query reads
only the index (1-14 ms at 10,000). Positions make the index about 45 % bigger and its
building about twice as slow, which the import hides by building it in a second thread.

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
import queue
import sqlite3
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..persian import match

INDEX_DB = "search.sqlite"
SCHEMA_VERSION = 3
BATCH = 1000  # documents per transaction while indexing: a kill loses at most these
SHORT_KEY = 3  # folded keys shorter than this have no trigram: a scan of the folded texts

ReadText = Callable[[str], str]
Progress = Callable[[int, int], None]  # (done, total)


class IndexCancelled(Exception):
    """Raised by a progress callback to stop a sync; what was indexed so far is kept."""


class IndexUnavailable(Exception):
    """The index cannot be used here (no FTS5 in this SQLite, a read-only folder ...)."""


def fold_fingerprint() -> str:
    """What the stored folded texts depend on: the folding code and the schema."""
    digest = hashlib.sha256(Path(match.__file__).read_bytes()).hexdigest()[:16]
    return f"{SCHEMA_VERSION}:{digest}"


def _phrase(key: str) -> str:
    """The FTS5 query of a folded key: one phrase (a string in double quotes, its quotes
    doubled), which the trigram tokenizer makes the key's trigrams at consecutive positions."""
    return '"' + key.replace('"', '""') + '"'


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


_Row = tuple[int, str, str, "str | None", "bytes | None", "str | None"]  # pos, id, sha256, text, runs, folded


def _row(pos: int, doc_id: str, sha256: str, text: str) -> _Row:
    """What the index stores of one document (no text when SQLite cannot search it as it
    is: a NUL character or a lone surrogate; a search reads it from its file)."""
    if "\x00" in text:
        return (pos, doc_id, sha256, None, None, None)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return (pos, doc_id, sha256, None, None, None)
    ft = match.FoldedText(text)
    return (pos, doc_id, sha256, text, _runs_blob(ft), ft.folded)


def _write(db: sqlite3.Connection, rows: Sequence[_Row], end: int) -> None:
    """One transaction: these rows replace whatever their positions held."""
    db.execute("BEGIN")
    try:
        # a position past every row (an import's usual case) has nothing to delete
        db.executemany("DELETE FROM folded WHERE rowid = ?", [(r[0],) for r in rows if r[0] < end])
        db.executemany("INSERT OR REPLACE INTO docs VALUES(?, ?, ?, ?, ?)", [r[:5] for r in rows])
        db.executemany("INSERT INTO folded(rowid, body) VALUES(?, ?)", [(r[0], r[5]) for r in rows if r[5] is not None])
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise


_Doc = tuple[int, str, str, str]  # pos, id, sha256, text


class _Batches:
    """Documents gathered BATCH at a time, folded and written by a second thread, one
    batch at a time. The folding (Python) runs there too: it then overlaps the import's
    file writing instead of adding to the importing thread (folding and map: about 0.15 ms
    an article, 10,000 generated articles at load 3)."""

    def __init__(self, db: sqlite3.Connection, end: int) -> None:
        self.db, self.end = db, end
        self.rows: list[_Doc] = []
        self.error: BaseException | None = None
        self.todo: queue.Queue[list[_Doc] | None] = queue.Queue(maxsize=1)
        self.thread: threading.Thread | None = None

    def add(self, pos: int, doc_id: str, sha256: str, text: str) -> None:
        if self.error is not None:
            raise self.error
        self.rows.append((pos, doc_id, sha256, text))
        if len(self.rows) >= BATCH:
            self._hand_over()

    def _hand_over(self) -> None:
        rows, self.rows = self.rows, []
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="search-index-writer", daemon=True)
            self.thread.start()
        self.todo.put(rows)

    def _run(self) -> None:
        while (rows := self.todo.get()) is not None:
            if self.error is None:  # after a failure the rest is only drained
                try:
                    _write(self.db, [_row(*doc) for doc in rows], self.end)
                except BaseException as exc:  # handed to the caller's thread
                    self.error = exc

    def close(self) -> None:
        """Write what is left and wait for the second thread; a failure here gives way."""
        if self.rows and self.error is None:
            self._hand_over()
        if self.thread is not None:
            self.todo.put(None)
            self.thread.join()


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
            # FTS5 merges its segments through the page cache: the default 2 MB makes an
            # import of 100,000 articles re-read pages it just wrote
            db.execute("PRAGMA cache_size=-32768")
            db.execute("PRAGMA temp_store=MEMORY")
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
                "CREATE VIRTUAL TABLE folded USING fts5(body, tokenize='trigram case_sensitive 1', detail='full')"
            )
            # bigger pages and a bigger in-memory table of terms: FTS5 writes fewer, larger
            # segments, and an import spends less time merging them (about 1.4x faster
            # on 20,000 articles, docs/performance.md)
            db.execute("INSERT INTO folded(folded, rank) VALUES('pgsz', 4050)")
            db.execute("INSERT INTO folded(folded, rank) VALUES('hashsize', 16777216)")
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

    @contextlib.contextmanager
    def writer(self) -> Iterator[Callable[[int, str, str, str], None]]:
        """``add(pos, id, sha256, text)`` for an import: every BATCH documents go to a
        second thread that folds them and writes them in one transaction
        (``executemany``), so that the folding and FTS5's tokenizing (in C, without the
        GIL) run beside the import's reading and file writing. Committed every BATCH
        documents and at the end (also when the import fails: rows past the catalogue's
        end are ignored until an import writes those positions again). While another
        thread holds the index (the window rebuilding it after opening) this raises
        IndexUnavailable at once: an import never waits for it, and a later sync indexes
        what it added. A write that fails in the second thread (a full disk) is raised by
        the next ``add``; one that fails at the end gives way (the index is a cache)."""
        if not self._lock.acquire(blocking=False):
            raise IndexUnavailable(f"{self.path}: being brought up to date by another thread")
        try:
            db = self._connect()
            end = int(db.execute("SELECT coalesce(max(pos) + 1, 0) FROM docs").fetchone()[0])
            batches = _Batches(db, end)
            try:
                yield batches.add
            finally:
                batches.close()
        finally:
            self._lock.release()

    def sync(self, entries: Iterable[tuple[str, str]], read_text: ReadText, progress: Progress | None = None) -> int:
        """Make positions 0, 1, ... hold these (id, sha256) documents, in order, reading
        the text of each that differs; returns how many were (re)indexed. The entries and
        the index are walked side by side: only the documents that differ are held."""
        with self._lock:
            db = self._connect()
            stale: list[tuple[int, str, str]] = []
            rows = db.execute("SELECT pos, id, sha256 FROM docs ORDER BY pos")
            have = next(rows, None)
            for pos, key in enumerate(entries):
                while have is not None and have[0] < pos:
                    have = next(rows, None)
                if have is None or have[0] != pos or (have[1], have[2]) != key:
                    stale.append((pos, *key))
            rows.close()
            if not stale:
                return 0
            with self.writer() as add:
                for done, (pos, doc_id, sha256) in enumerate(stale):
                    add(pos, doc_id, sha256, read_text(doc_id))
                    if progress is not None and done % 100 == 0:
                        progress(done, len(stale))
            if progress is not None:
                progress(len(stale), len(stale))
            return len(stale)

    def synced_to(self) -> str:
        """The signature of the documents.json the last whole comparison was made against
        ("" when none was): the same signature again needs no comparison."""
        with self._lock:
            row = self._connect().execute("SELECT value FROM meta WHERE key='synced'").fetchone()
            return str(row[0]) if row else ""

    def set_synced_to(self, signature: str) -> None:
        with self._lock:
            self._connect().execute("INSERT OR REPLACE INTO meta VALUES('synced', ?)", (signature,))

    def ids(self, limit: int) -> list[str]:
        """The ids at positions 0..limit-1 (for tests and checks)."""
        with self._lock:
            db = self._connect()
            return [r[0] for r in db.execute("SELECT id FROM docs WHERE pos < ? ORDER BY pos", (limit,))]

    # ---- searching ---------------------------------------------------------------------

    @staticmethod
    def _where(key: str) -> tuple[str, str]:
        """The condition on ``folded AS f`` that picks the documents holding the folded key."""
        if len(key) >= SHORT_KEY:
            return "f.folded MATCH ?", _phrase(key)
        # no trigram in the key: a scan of the folded texts (SQLite 3.40 also gets GLOB
        # wrong for two-letter non-ASCII keys)
        return "instr(f.body, ?) > 0", key

    @staticmethod
    def _unsearchable(db: sqlite3.Connection, within: int) -> list[tuple[int, str]]:
        """Documents stored without their text (searched from their files)."""
        rows = db.execute("SELECT pos, id FROM docs WHERE text IS NULL AND pos < ? ORDER BY pos", (within,))
        return [(int(pos), str(doc_id)) for pos, doc_id in rows]

    def documents(self, query: str, within: int, read_text: ReadText) -> list[int]:
        """The positions (below `within`) of the documents whose folded text holds the
        folded query, in order: exactly those in which :meth:`search` finds a hit (whole
        words aside: those are among them), from the index alone, without reading a text.
        Positions, not ids: the ids' table is the texts' table, and looking up 50,000
        ids in it takes longer than the search (the caller has them in order)."""
        key = match.fold(query)
        if not key:
            return []
        with self._lock:
            db = self._connect()
            where, value = self._where(key)
            found = [
                int(row[0])
                for row in db.execute(
                    f"SELECT f.rowid FROM folded AS f WHERE {where} AND f.rowid < ? ORDER BY f.rowid", (value, within)
                )
            ]
            unsearchable = self._unsearchable(db, within)
            if unsearchable:
                found += [pos for pos, doc_id in unsearchable if key in match.fold(read_text(doc_id))]
                found.sort()
        return found

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
        below `within`, in position order, at most `limit`: the documents come from the
        index in order, and only those needed for `limit` hits are read."""
        key = match.fold(query)
        if not key or (limit is not None and limit <= 0):
            return []
        hits: list[tuple[int, str, int, int, str]] = []
        with self._lock:
            db = self._connect()
            where, value = self._where(key)
            found: Iterator[Any] = db.execute(
                "SELECT f.rowid, d.id, d.text, f.body, d.runs FROM folded AS f JOIN docs AS d ON d.pos = f.rowid"
                f" WHERE {where} AND f.rowid < ? ORDER BY f.rowid",
                (value, within),
            )
            unsearchable = [(pos, doc_id, None, None, None) for pos, doc_id in self._unsearchable(db, within)]
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
