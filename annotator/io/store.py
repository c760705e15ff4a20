"""Durable annotation files: every change is journaled before the edit returns.

An AnnotationStore listens to an AnnotationSet. Each applied batch (an edit, an undo, a
redo) is appended to `<file>.journal` as one JSON line and fsynced before the listener
returns: that is the acknowledgement. Now and then (the window's save, closing) the full
file is written atomically (a *checkpoint*) and the journal is removed. At start-up
`AnnotationStore.open` loads the file, replays the journal and says what it recovered.

The journal (docs/reliability.md has the details):

    {"format": "annotator/journal", "version": 1, "file": "a.annotations.json",
     "base_sha256": "<sha256 of the file's bytes the journal builds on>",
     "text_sha256": "<the document text's>", "created": "2024-...Z"}
    {"seq": 1, "spans": {"s4": {...span...}}, "relations": {}, "status": "in_progress"}
    {"seq": 2, "spans": {"s4": null}, "relations": {"r1": null}, "status": "in_progress"}
    {"checkpoint": "<sha256 of the file bytes about to be written>"}

A record gives the state *after* the batch of every span and relation the batch touched
(null: gone) and the status, so replaying a record twice changes nothing (idempotent).
Replay starts after the last marker (the header or a checkpoint line) whose hash equals
the file on disk: a crash after a checkpoint's rename but before the journal's removal
replays nothing twice, and a journal that belongs to another version of the file is not
applied but kept aside (`.journal.unused-<time>`) with a message. A torn last line (the
write a kill interrupted, never acknowledged) is ignored and cut off.

Spans that no longer fit a changed text are re-anchored (model.reanchor); those that
cannot be placed are kept in the file under "unplaced", never dropped.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import AnnotationSet, Change, Document, Relation, Schema, Span
from . import disk_merge, jsonformat
from .atomic import file_signature, fsync_dir, write_atomic
from .names import journal_base_path, journal_path
from .reading import MAX_FILE_BYTES, NotRegularFile, TooLarge, mb, read_regular

if TYPE_CHECKING:
    from ..model.reanchor import ReanchorResult
    from .disk_merge import Side

MAX_JOURNAL_BYTES = 256 * 1024 * 1024
JOURNAL_FORMAT = "annotator/journal"
JOURNAL_VERSION = 1
STALE_TMP_SECONDS = 60.0  # leftover temporary files of interrupted saves older than this go

_ENOUGH_SPACE = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))

try:  # POSIX: a store holds a flock on the journal it appends to
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def _claim(fd: int) -> bool:
    """Take the journal's flock; False when another writer holds it."""
    if fcntl is None:  # pragma: no cover
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        return exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)
    return True


def journal_in_use(jpath: Path) -> bool:
    """Whether a store (in this or another process) is appending to this journal now."""
    try:
        fd = os.open(jpath, os.O_RDONLY)
    except OSError:
        return False
    try:
        return not _claim(fd)
    finally:
        os.close(fd)


def _busy(jpath: Path) -> StoreError:
    return StoreError(
        f"{jpath}: another window or program is recording edits to this file; it was not touched. "
        "Close the other window first, or keep your work with Save As."
    )


def pending_state(path: Path) -> dict[str, Any] | None:
    """What opening `path` would make of it with the journal beside it (a crashed
    window's edits not yet checkpointed), replayed as AnnotationStore.open replays it, read
    only: nothing is written, cut, moved or set aside. None when there is no journal, or
    when opening would not apply it (made on another version of the file, not a journal,
    no record after the file's marker) or the file cannot be read; the caller then counts
    the file as it is. What a project-wide Tag all counts before it asks."""
    path = Path(path)
    jpath = journal_path(path)
    if not jpath.exists():
        return None
    try:
        raw = _read_limited(path)
        data = jsonformat.parse(raw, path)
    except (OSError, ValueError, jsonformat.AnnotationFileError):
        return None
    journal = _read_journal(jpath, _sha(raw))
    if not journal.matched or not journal.records or not isinstance(data, dict):
        return None
    candidate = dict(data)  # _replay replaces the lists and the status, never changes an item
    try:
        _replay(candidate, journal.records)
    except (TypeError, ValueError, KeyError):
        return None  # opening would not apply it either (it does not fit the file)
    return candidate


def describe_os_error(exc: OSError) -> str:
    """A short reason a person understands."""
    if exc.errno == errno.EROFS:
        return "the folder is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (the folder or file is read-only)"
    if exc.errno in _ENOUGH_SPACE:
        return "the disk is full"
    if isinstance(exc, StoreError):
        return str(exc).rstrip(".")  # it goes into a sentence
    return exc.strerror or str(exc) or type(exc).__name__


@dataclass
class Recovery:
    edits: int  # journal batches replayed
    message: str  # for the user, "" when nothing was recovered
    reanchored: int = 0  # spans moved because the text changed
    unplaced: int = 0  # spans that could not be placed on the changed text (kept)
    set_aside: Path | None = None  # a journal that was not (fully) applied, kept here


class StoreError(OSError):
    """A file the store cannot open or write; the message names the file and the problem."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ForeignFileError(StoreError):
    """An annotation file that belongs to another document (its document id says so), or
    whose spans mostly cannot be placed on this text: it is not re-anchored, and nothing is
    written, until the user decides (AnnotationStore.open(..., foreign="reanchor") re-anchors
    it anyway; set_aside_annotations() keeps it aside so that the document starts afresh)."""

    def __init__(
        self, message: str, path: Path, placed: int, total: int, other: str = "", this: str = ""
    ) -> None:
        super().__init__(message)
        self.path = path
        self.placed = placed  # spans re-anchoring would place on this text
        self.total = total
        self.other = other  # the document the file names ("id «title»"), when not this one
        self.this = this  # the document being opened, said the same way


def set_aside_annotations(path: Path) -> Path:
    """Keep an annotation file (and its journal) aside as `NAME.unused-<time>` so that its
    document can start afresh; nothing is deleted. Raises OSError (StoreError when another
    window is recording edits to it)."""
    path = Path(path)
    jpath = journal_path(path)
    if jpath.exists():
        if journal_in_use(jpath):
            raise _busy(jpath)
        _set_aside(jpath)
    aside = _set_aside(path)
    fsync_dir(path.parent)
    return aside


class AnnotationStore:
    """Makes every change of an AnnotationSet durable: journal then checkpoint."""

    def __init__(self, aset: AnnotationSet, path: Path, embed_text: bool = True) -> None:
        self.aset = aset
        self.path = Path(path)
        self.embed_text = embed_text
        self.last_error: str | None = None
        # sha256 of the file bytes the journal builds on; None: not known to be ours (the
        # first change then writes a full checkpoint instead of a journal line)
        self._base_sha: str | None = None
        self._file_sig: tuple[int, int, int] | None = None  # the file as we last saw it
        # the annotations in that file (made when needed): what another program's rewrite
        # of it is compared with (take_in_disk_changes); None when there is no file yet
        self._base: Callable[[], Side] | None = None
        self._absorbing = False
        self._dirty = False
        self._durable = True
        self._fd: int | None = None
        self._own_journal = False  # the journal at journal_path(path) builds on our file
        self._seq = 0
        self._unplaced: dict[str, list[Any]] = {"spans": [], "relations": []}
        self._placed: dict[str, str] = {}  # span made by place_unplaced -> the unplaced entry's id
        # sync_after(): the durable step of the edits made inside it, done when it ends
        self._deferring = 0
        self._pending = ""  # "" (nothing to do), "sync" (lines written, not fsynced) or "save"
        self._pending_from = 0  # the journal's length before the first unsynced line
        self._pending_new_journal = False  # the journal was created inside the block
        # asked before a new journal or a checkpoint is written: a reason this store may not
        # write its file any more (the window's lock was taken over by another window), or None
        self.guard: Callable[[], str | None] | None = None
        aset.subscribe(self._on_change)

    # ---- opening -------------------------------------------------------------------

    @classmethod
    def open_or_start(
        cls,
        path: Path,
        schema: Schema,
        document: Document,
        start: Callable[[], AnnotationSet],
        embed_text: bool = True,
        foreign: str = "",
        same_id: bool = False,
    ) -> tuple[AnnotationStore, str]:
        """Open `path` when it or its journal exists (see `open`); otherwise a store for
        `start()`, which writes nothing until the first edit. Returns the store and what
        opening recovered ("" when nothing)."""
        path = Path(path)
        if path.exists() or journal_path(path).exists():
            store, recovery = cls.open(path, schema, document, embed_text, foreign, same_id)
            return store, recovery.message
        return cls(start(), path, embed_text), ""

    @classmethod
    def open(
        cls,
        path: Path,
        schema: Schema,
        document: Document | None = None,
        embed_text: bool = True,
        foreign: str = "",
        same_id: bool = False,
    ) -> tuple[AnnotationStore, Recovery]:
        """Load `path` (if it exists), replay its journal, re-anchor on a changed text.

        Raises jsonformat.AnnotationFileError (a bad file) or StoreError (too large, no
        file and no document). Writes only to repair: a torn journal tail is cut off, an
        unusable journal is moved aside, a re-anchored file is checkpointed.

        A file that is not this document's, by its document id, or on whose changed text
        most spans cannot be placed raises ForeignFileError before anything is written,
        unless `foreign="reanchor"` (the user chose to re-anchor it anyway). The id decides
        alone with `same_id` (a project: files are named by document id); otherwise (an
        article, whose id is its file name) a file whose spans mostly fit is the same article
        renamed and is re-anchored.
        """
        with _no_gc_pauses():
            return cls._open(path, schema, document, embed_text, foreign, same_id)

    @classmethod
    def _open(
        cls,
        path: Path,
        schema: Schema,
        document: Document | None,
        embed_text: bool,
        foreign: str = "",
        same_id: bool = False,
    ) -> tuple[AnnotationStore, Recovery]:
        path = Path(path)
        jpath = journal_path(path)
        notes: list[str] = []
        set_aside: Path | None = None
        _remove_stale_temporaries(path)
        if not path.exists():
            if document is None:
                raise StoreError(f"{path}: no such file, and no document to start one with")
            store = cls(AnnotationSet(document, "", schema), path, embed_text)
            if jpath.exists():
                set_aside = _try_set_aside(jpath, notes)
                notes.insert(
                    0,
                    f"A journal of unsaved edits was found without its file {path.name}; "
                    f"it was not applied and is kept as {(set_aside or jpath).name}.",
                )
            return store, Recovery(0, " ".join(notes), set_aside=set_aside)

        if jpath.exists() and journal_in_use(jpath):
            raise StoreError(
                f"{path}: is being edited in another window or program (its journal is open there); "
                "close it there first"
            )
        raw = _read_limited(path)
        base_sha = _sha(raw)
        data = jsonformat.parse(raw, path)
        file_data = data  # a journal's replay below makes a new dict: this stays the file's
        same_text = document is not None and (
            isinstance(data, dict)
            and isinstance(data.get("document"), dict)
            and data["document"].get("text_sha256") == document.sha256
        )
        check_text = document.text if document is not None and same_text else None
        problems = jsonformat.check(data, schema, check_text)
        if problems:
            raise jsonformat.AnnotationFileError(path, problems)

        replayed = 0
        seq = 0
        own = False
        journal: _Journal | None = None
        if jpath.exists():
            journal = _read_journal(jpath, base_sha)
            seq, own = journal.seq, journal.matched
            if journal.records:
                # _replay replaces the top-level lists and status and never changes a span or
                # relation object in place: a shallow copy keeps `data` as it was (a deep copy
                # took 0.7 s for 20,000 spans)
                candidate = dict(data)
                try:
                    _replay(candidate, journal.records)
                    bad = jsonformat.check(candidate, schema, check_text)
                except (TypeError, ValueError, KeyError) as exc:
                    bad = [jsonformat.Problem("$", f"replay failed: {exc}")]
                if bad:
                    journal.problem = f"holds edits that do not fit the file ({bad[0].message})"
                    own = False
                else:
                    data = candidate
                    replayed = len(journal.records)

        merged_with: disk_merge.Merge | None = None
        if journal is not None and journal.unmatched and same_text:
            result = _merge_replaced(path, data, journal, schema, document, check_text)
            if result is not None:
                data, merged_with = result
                replayed = len(journal.unmatched)

        trial = None
        if document is not None and not same_text and foreign != "reanchor":
            trial = _refuse_foreign(path, data, document, same_id)  # before anything is written

        if journal is not None and merged_with is None:
            if not own:
                set_aside = _try_set_aside(jpath, notes)
                notes.insert(
                    len(notes) - (set_aside is None),
                    f"The journal of {path.name} {journal.problem or 'does not belong to it'}; "
                    f"it was not applied and is kept as {(set_aside or jpath).name}.",
                )
            elif journal.problem:
                # damaged in the middle: keep a copy, replay what came before, go on from there
                set_aside = _try_set_aside(jpath, notes, copy_only=True)
                if set_aside is not None:
                    notes.append(f"The journal of {path.name} {journal.problem}; a copy is kept as {set_aside.name}.")
                    own = _truncate(jpath, journal.good_bytes)  # new lines must never follow the damage
                else:  # left whole where it is; the next checkpoint sets it aside
                    own = False
                    notes.insert(len(notes) - 1, f"The journal of {path.name} {journal.problem}.")
            elif journal.torn:  # an edit the kill interrupted: new lines must never follow it
                own = _truncate(jpath, journal.good_bytes)

        unplaced = _unplaced_of(data)
        moved = unplaced_now = 0
        if document is not None and not same_text:
            moved, unplaced_now = _reanchor(data, document, unplaced, trial)
        # checked above with this text (candidate included), unless re-anchoring moved spans
        checked = document is None or same_text
        aset = jsonformat.from_json(data, schema, document, path, checked=checked)

        store = cls(aset, path, embed_text)
        store._base_sha = base_sha
        store._file_sig = file_signature(path)
        if data is file_data:  # the set is the file as read: its spans are the base, no copy kept
            store._base = store._base_now()
        else:  # a journal replayed or merged: the file as read is the base (until the next save)
            store._base = cache(lambda: disk_merge.side_of_json(file_data))
        store._own_journal = own
        if own and jpath.exists():
            # ours from now: its flock is taken at once, so that no other window opens the
            # file (its edits would build on the same journal) or moves or deletes it
            try:
                fd = os.open(jpath, os.O_WRONLY | os.O_APPEND)
            except OSError:
                fd = None  # a read-only folder: the next edit says so
            if fd is not None and not _claim(fd):
                os.close(fd)
                store.detach()
                raise StoreError(
                    f"{path}: is being edited in another window or program (its journal is open there); "
                    "close it there first"
                )
            store._fd = fd
        if replayed and not own and merged_with is None:
            # the replayed edits are in no journal we may append to: the next edit must
            # checkpoint them, not start a fresh journal on the file without them
            store._base_sha = None
        store._seq = seq
        store._dirty = replayed > 0
        store._unplaced = unplaced
        # a span kept aside keeps its id: a new span must not take it
        aset.reserve_ids(
            str(item.get("id", ""))
            for key in ("spans", "relations")
            for item in unplaced[key]
            if isinstance(item, dict)
        )
        if replayed:
            notes.insert(
                0,
                f"Recovered {replayed} edit{'s' if replayed != 1 else ''} to {path.name} "
                "that had not been saved when the program last stopped.",
            )
        if merged_with is not None:
            m = merged_with
            both = ""
            if m.kept_ours:  # the file is written over below: the other version is kept whole first
                both = f"; {m.kept_ours} spans changed on both sides keep these edits"
                try:
                    m.kept_as = _keep_copy(path, raw, "other").name
                    both += f" (the other version is kept as {m.kept_as})"
                except OSError as exc:
                    both += f" (the other version could not be kept: {describe_os_error(exc)})"
            notes.insert(
                1,
                "The file had been replaced meanwhile (by another program or a synced folder): its changes "
                f"are kept with them ({m.added} added, {m.removed} removed, {m.changed} changed){both}.",
            )
            # written now, before the journal goes aside: a second kill must not lose them
            try:
                store.save()
            except OSError:
                store._base_sha = None
                store._durable = False
                notes.append(store.last_error or "")
        if document is not None and not same_text:
            message = (
                f"The text of {document.title or document.id} has changed since it was annotated: "
                + (f"{moved} spans were" if moved != 1 else "1 span was")
                + " placed on the new text"
            )
            if unplaced_now:
                message += (
                    f"; {unplaced_now} could not be placed and {'are' if unplaced_now != 1 else 'is'} "
                    "kept in the file as unplaced (nothing was deleted)"
                )
            notes.append(message + ".")
            store._dirty = True
            try:  # offsets now refer to the new text: the journal must restart from here
                store.save()
            except OSError:
                store._base_sha = None  # no journal lines until a checkpoint succeeds
                store._durable = False
                notes.append(store.last_error or "")
        return store, Recovery(replayed, " ".join(n for n in notes if n), moved, unplaced_now, set_aside)

    # ---- state ---------------------------------------------------------------------

    @property
    def needs_checkpoint(self) -> bool:
        """The full file is behind the journal (or behind memory)."""
        return self._dirty

    @property
    def saved_sha(self) -> str | None:
        """sha256 of the file on disk when it holds exactly what memory holds (as this
        store last read or wrote it); None when memory is ahead of it or there is no file."""
        return None if self._dirty else self._base_sha

    @property
    def placed_any(self) -> bool:
        """An unplaced span was put back on the text while open (its undo lists the entry
        again only through this store's memory of it)."""
        return bool(self._placed)

    @property
    def durable(self) -> bool:
        """False when the last edit could not be written (disk trouble): the UI must warn."""
        return self._durable

    @property
    def unplaced_relations(self) -> list[Relation]:
        """Relations that lost an end to re-anchoring (kept in the file under "unplaced")."""
        relations: list[Relation] = []
        for item in self._unplaced["relations"]:
            with contextlib.suppress(KeyError, TypeError, ValueError):
                relations.append(_relation_from_json(item))
        return relations

    @property
    def unplaced(self) -> list[Span]:
        """Spans that could not be placed on a changed text, for the user to see."""
        spans: list[Span] = []
        for item in self._unplaced_now()["spans"]:
            with contextlib.suppress(KeyError, TypeError, ValueError):
                spans.append(_span_from_json(item))
        return spans

    def _unplaced_now(self) -> dict[str, list[Any]]:
        """What is unplaced, less the entries placed since whose span is still there (an
        undo of the placing, or deleting the span, lists the entry again: never lost)."""
        if not self._placed:
            return self._unplaced
        taken = {entry for span_id, entry in self._placed.items() if self.aset.has_span(span_id)}
        return {
            "spans": [e for e in self._unplaced["spans"] if not (isinstance(e, dict) and str(e.get("id")) in taken)],
            "relations": self._unplaced["relations"],
        }

    def place_unplaced(self, span_id: str, start: int, end: int) -> Span:
        """Put an unplaced span back on the text at [start, end) as an undoable edit; its
        entry leaves the unplaced list (and, at the next checkpoint, the file) while the new
        span exists, so undoing the placing lists it again.

        Crash-safe the simple way: the new span is journaled at once; should the program
        die before the checkpoint, the old entry is still listed as unplaced beside it.
        """
        item = next(s for s in self.unplaced if s.id == span_id)
        span = self.aset.add_span(item.label, start, end, item.attributes, item.note)
        self._placed[span.id] = span_id
        self._dirty = True  # the file's unplaced list changed too (a full save may have run above)
        return span

    # ---- saving --------------------------------------------------------------------

    def save(self) -> None:
        """Checkpoint: write the full file atomically if it changed, then drop the journal.

        Raises OSError (StoreError for a file changed by someone else) after recording it
        in last_error; the work stays in memory and in the journal.
        """
        if not self._dirty:
            return
        content = self._serialize()
        new_sha = _sha(content)
        try:
            jpath = journal_path(self.path)
            changed = new_sha != self._file_sha()
            if changed:
                self._check_guard()
            if self._fd is None and jpath.exists() and journal_in_use(jpath):
                raise _busy(jpath)  # its edits build on the file as it is: not replaced under it
            if changed:
                self._check_not_changed_under_us()
                if self._fd is not None:
                    with contextlib.suppress(OSError):  # helps replay after a crash below
                        self._append_line({"checkpoint": new_sha})
                self.path.parent.mkdir(parents=True, exist_ok=True)  # a project annotator's first file
                write_atomic(self.path, content)
                self._file_sig = file_signature(self.path)
            self._base_sha = new_sha
            self._drop_journal()
        except OSError as exc:
            self.last_error = (
                f"Could not save {self.path}: {describe_os_error(exc)}. Your work is still "
                "open; save it in another folder (Save As)."
            )
            raise
        self._dirty = False
        self._durable = True
        self.last_error = None
        self._base = self._base_now()
        self.aset.undo_stack.set_clean()

    def _base_now(self) -> Callable[[], Side]:
        """The set as it is now, as the base of a later merge (its spans are immutable)."""
        spans, relations, status = self.aset.spans_unordered(), self.aset.relations(), self.aset.status.value
        return cache(lambda: disk_merge.side_of(spans, relations, status))  # made when a merge needs it

    def take_in_disk_changes(self) -> disk_merge.Merge | None:
        """When another program (a sync client bringing this coder's other computer's
        version, a script) rewrote the file since this store read or wrote it, bring its
        changes into the set as one undoable step (io/disk_merge.py), write the result over
        it and go on from there: neither its changes nor the edits here are lost. None when
        the file is as this store left it (one stat) or cannot be taken in (gone, damaged,
        on another text, another window recording edits to it): the next save then
        refuses to overwrite it, as before. Raises OSError (StoreError) when the merged
        file cannot be written; the merge stays in memory."""
        if self._file_sig is None or self._base is None or self._absorbing:
            return None
        now = file_signature(self.path)
        if now is None or now == self._file_sig:
            return None
        jpath = journal_path(self.path)
        if self._fd is None and jpath.exists() and journal_in_use(jpath):
            return None  # another window is recording edits to it: not ours to take in
        try:
            raw = _read_limited(self.path)
            data = jsonformat.parse(raw, self.path)
        except (OSError, jsonformat.AnnotationFileError):
            return None
        sha = _sha(raw)
        if sha == self._base_sha:  # the same bytes written again (a sync client's touch)
            self._file_sig = now
            return None
        document = data.get("document") if isinstance(data, dict) else None
        if not isinstance(document, dict) or document.get("text_sha256") != self.aset.document.sha256:
            return None
        if jsonformat.check(data, self.aset.schema, self.aset.document.text):
            return None
        theirs = disk_merge.side_of_json(data)
        merge = disk_merge.plan(self.aset, self._base(), theirs)
        if merge.kept_ours:
            # spans changed on both sides keep ours, and the file is written over next: the
            # other version is kept whole beside it first (not possible: not taken in, and,
            # as before, not overwritten)
            try:
                merge.kept_as = _keep_copy(self.path, raw, "other").name
            except OSError:
                return None
        self._absorbing = True
        try:
            with self.aset.unlocked():
                self.aset.absorb(merge.ops, "Changes saved by another program")
        finally:
            self._absorbing = False
        # the file on disk is theirs now: the merged set is written over it (nothing when
        # they are the same), and a journal of ours, made on the old file, goes with that
        self._file_sig, self._base_sha = now, sha
        self._base = lambda: theirs
        self._dirty = True
        self.save()
        return merge

    def save_as(self, path: Path) -> None:
        """Write everything to a new file and go on working there (after disk trouble)."""
        new = Path(path)
        content = self._serialize()
        try:
            write_atomic(new, content)
        except OSError as exc:
            self.last_error = f"Could not save {new}: {describe_os_error(exc)}."
            raise
        self._close_fd()  # the old file and its journal stay consistent where they are
        self.guard = None  # the old file's lock says nothing about the new one
        self.path = new
        self._base_sha = _sha(content)
        self._file_sig = file_signature(new)
        self._base = self._base_now()
        self._own_journal = False  # a journal already at the new place is not ours
        self._seq = 0
        self._dirty = False
        self._durable = True
        self.last_error = None
        self.aset.undo_stack.set_clean()

    def close(self) -> None:
        """Save (if needed) and stop listening. On OSError the store stays open: Save As."""
        self.save()
        self.detach()

    def detach(self) -> None:
        """Stop listening without saving; unsaved edits stay in the journal for next time."""
        with contextlib.suppress(ValueError):
            self.aset.unsubscribe(self._on_change)
        self._close_fd()

    # ---- the journal ---------------------------------------------------------------

    @contextlib.contextmanager
    def sync_after(self) -> Iterator[None]:
        """Edits made inside this block are applied and their journal lines written at once,
        but fsynced (or, for a first edit, the full file saved) only when the block ends, so
        that the window can paint the frame showing an edit before waiting for the disk.
        Leaving the block makes everything durable before it returns, exactly as an edit
        outside it is before the edit returns: the acknowledgement only moves from the end
        of the edit to the end of the block (the end of the key press). docs/reliability.md.
        """
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1
            if not self._deferring:
                self.sync()

    def sync(self) -> None:
        """Make what sync_after() held back durable (nothing when nothing is pending). On
        failure the store is marked not durable, with last_error, as a failed edit is."""
        pending, self._pending = self._pending, ""
        if pending == "save":
            try:
                self.save()
            except OSError:
                self._durable = False
        elif pending == "sync" and self._fd is not None:
            fd = self._fd
            try:
                os.fsync(fd)
                if self._pending_new_journal:
                    fsync_dir(journal_path(self.path).parent)
            except OSError as exc:
                self._journal_failed(exc)
                if self._pending_new_journal:  # as a journal whose header could not be written
                    self._close_fd()
                    try:
                        os.unlink(journal_path(self.path))
                    except OSError:
                        pass  # still ours, holding only what memory holds: the next checkpoint removes it
                    else:
                        self._own_journal = False
                else:
                    with contextlib.suppress(OSError):
                        os.ftruncate(fd, self._pending_from)  # no unsynced line for the next to follow
        self._pending_new_journal = False

    def _on_change(self, change: Change) -> None:
        self._dirty = True
        if self._absorbing:
            return  # take_in_disk_changes writes the whole file next
        # a schema edit, new document details or a placed span's coming and going (which
        # changes the unplaced list) are not journal records: a full save
        placing = bool(self._placed) and any(s.id in self._placed for s in change.spans_added + change.spans_removed)
        full_save = (
            self._base_sha is None or not self._durable or change.schema_changed or change.document_changed or placing
        )
        if self._deferring and (full_save or self._pending == "save"):
            self._pending = "save"  # done when sync_after() ends; a save captures every edit
            return
        if full_save:
            # no journal base yet (new file) or the journal missed an edit: a full save
            # captures everything
            try:
                self.save()
            except OSError:
                self._durable = False
            return
        try:
            self._journal_fd(not self._deferring)  # first: a new journal numbers its records from 1
            self._append_line(self._record(change))
        except OSError as exc:
            self._journal_failed(exc)

    def _journal_failed(self, exc: OSError) -> None:
        """An edit could not be made durable in the journal: say so, and save in full next."""
        self._durable = False
        self.last_error = (
            f"Could not record the last edit in {journal_path(self.path)}: "
            f"{describe_os_error(exc)}. Your work is kept in memory; save it in another "
            "folder (Save As)."
        )

    def _record(self, change: Change) -> dict[str, Any]:
        spans: dict[str, Any] = {}
        for span in change.spans_removed + change.spans_added:
            spans[span.id] = jsonformat.span_to_json(self.aset.span(span.id)) if self.aset.has_span(span.id) else None
        relations: dict[str, Any] = {}
        for rel in change.relations_removed + change.relations_added:
            try:
                relations[rel.id] = jsonformat.relation_to_json(self.aset.relation(rel.id))
            except KeyError:
                relations[rel.id] = None
        self._seq += 1
        return {
            "seq": self._seq,
            "spans": spans,
            "relations": relations,
            "status": self.aset.status.value,
        }

    def _append_line(self, item: dict[str, Any]) -> None:
        """Append one line; fsynced now, or inside sync_after() when the block ends."""
        sync = not self._deferring
        line = (json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        fd = self._journal_fd(sync)
        start = os.lseek(fd, 0, os.SEEK_END)
        try:
            _write_all(fd, line)
            if sync:
                os.fsync(fd)
            elif self._pending != "sync":
                self._pending, self._pending_from = "sync", start
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, start)  # no half line for the next one to follow
            raise

    def _journal_fd(self, sync: bool = True) -> int:
        if self._fd is not None:
            return self._fd
        jpath = journal_path(self.path)
        if self._own_journal and jpath.exists():
            fd = os.open(jpath, os.O_WRONLY | os.O_APPEND)
            if not _claim(fd):
                os.close(fd)
                raise _busy(jpath)
            self._fd = fd
            return self._fd
        self._check_guard()
        if jpath.exists():
            if journal_in_use(jpath):
                raise _busy(jpath)  # another writer's, being appended to: never moved
            _set_aside(jpath)  # someone else's: never overwritten
        if self._base_sha is not None:
            # a journal builds on the file as this store read it: one another window has
            # rewritten meanwhile is said now, at the edit, not at the next checkpoint
            self._check_not_changed_under_us()
        fd = os.open(jpath, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL, 0o666)
        _claim(fd)
        header = {
            "format": JOURNAL_FORMAT,
            "version": JOURNAL_VERSION,
            "file": self.path.name,
            "base_sha256": self._base_sha,
            "text_sha256": self.aset.document.sha256,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        try:
            _write_all(fd, (json.dumps(header, ensure_ascii=False) + "\n").encode())
            if self._base_sha is not None:
                _link_base(self.path)  # before the folder's fsync, which makes both durable
            if sync:
                os.fsync(fd)
                fsync_dir(jpath.parent)
            else:  # with the first line, when sync_after() ends
                self._pending_new_journal = True
        except OSError:
            os.close(fd)
            try:
                os.unlink(jpath)
            except OSError:  # still ours, holding no edit: the next checkpoint removes it
                self._own_journal = True
            raise
        self._fd = fd
        self._own_journal = True
        self._seq = 0
        return fd

    def _drop_journal(self) -> None:
        self._close_fd()
        jpath = journal_path(self.path)
        if jpath.exists():
            if self._own_journal and self._fd is None and journal_in_use(jpath):
                raise _busy(jpath)  # another window's now, whatever we read: never removed
            if self._own_journal:
                os.unlink(jpath)
            elif journal_in_use(jpath):
                raise _busy(jpath)
            else:
                _set_aside(jpath)
            _unlink_base(self.path)
            fsync_dir(jpath.parent)
        self._own_journal = False
        self._seq = 0

    def _close_fd(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    # ---- helpers -------------------------------------------------------------------

    def _serialize(self) -> bytes:
        unplaced = self._unplaced_now()
        if unplaced["spans"] or unplaced["relations"]:
            self.aset.extra["unplaced"] = unplaced
        else:
            self.aset.extra.pop("unplaced", None)
        return jsonformat.dumps(self.aset, self.embed_text).encode("utf-8")

    def _file_sha(self) -> str | None:
        if self._base_sha is not None:
            return self._base_sha
        try:
            return _sha(_read_limited(self.path))
        except (OSError, jsonformat.AnnotationFileError):
            return None

    def discard(self) -> Path | None:
        """Stop listening, the unsaved edits dropped at the user's word (Discard): this
        store's journal is kept as `NAME.journal.discarded-<time>` (never replayed, never
        reported at the next opening; nothing is deleted) and returned. None when there
        was none, or it could not be moved (then it stays, and the next opening says so)."""
        self.detach()
        jpath = journal_path(self.path)
        if not self._own_journal or not jpath.exists() or journal_in_use(jpath):
            return None
        try:
            aside = _set_aside(jpath, tag="discarded")
        except OSError:
            return None
        _unlink_base(self.path)
        self._own_journal = False
        return aside

    def _check_guard(self) -> None:
        reason = self.guard() if self.guard is not None else None
        if reason:
            raise StoreError(reason)

    def _check_not_changed_under_us(self) -> None:
        if self._file_sig is None:
            if self._base_sha is None and self.path.exists():
                # a new document's file appeared since we started it: another window's
                raise StoreError(
                    f"{self.path} was created by another program or window meanwhile; it is not overwritten"
                )
            return
        now = file_signature(self.path)
        if now is None or now == self._file_sig:
            return
        try:
            current: str | None = _sha(_read_limited(self.path))
        except (OSError, jsonformat.AnnotationFileError):
            current = None  # changed, and not even readable: not ours to overwrite
        if current is None or current != self._base_sha:
            raise StoreError(
                f"{self.path} was changed by another program or window since it was opened; it is not overwritten"
            )


def _link_base(path: Path) -> None:
    """journal_base_path: the file as the new journal builds on it (saves replace the file
    by a new one, so the link keeps this one). Not possible on some file systems: then a
    journal whose file is replaced before it is replayed is kept aside, as before."""
    base = journal_base_path(path)
    with contextlib.suppress(OSError):
        os.unlink(base)
    with contextlib.suppress(OSError):
        os.link(path, base)


def _unlink_base(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(journal_base_path(path))


def _merge_replaced(
    path: Path, data: dict[str, Any], journal: _Journal, schema: Schema, document: Document | None, text: str | None
) -> tuple[dict[str, Any], disk_merge.Merge] | None:
    """A journal made on a version of the file that something replaced before it was
    replayed (a synced folder brought the coder's other computer's version, after this
    program was killed): its edits replayed on that version (still at journal_base_path
    when the file system could link it) and merged with the file as it is now, as the
    window merges a file replaced while it is open (take_in_disk_changes). None when
    that version is not there, or either does not fit."""
    if document is None or not journal.unmatched or not journal.base_sha:
        return None
    base_path = journal_base_path(path)
    try:
        raw = _read_limited(base_path)
        if _sha(raw) != journal.base_sha:
            return None
        base_data = jsonformat.parse(raw, base_path)
        if jsonformat.check(base_data, schema, text):
            return None
        ours = dict(base_data)
        _replay(ours, journal.unmatched)
        if jsonformat.check(ours, schema, text):
            return None
        aset = jsonformat.from_json(ours, schema, document, path, checked=True)
    except (OSError, TypeError, ValueError, KeyError, jsonformat.AnnotationFileError):
        return None
    merge = disk_merge.plan(aset, disk_merge.side_of_json(base_data), disk_merge.side_of_json(data))
    aset.absorb(merge.ops, "Changes saved by another program")
    merged = dict(data)
    merged["spans"] = [jsonformat.span_to_json(s) for s in aset.spans()]
    merged["relations"] = [jsonformat.relation_to_json(r) for r in aset.relations()]
    merged["status"] = aset.status.value
    if jsonformat.check(merged, schema, text):
        return None
    return merged, merge


# ---- journal reading -------------------------------------------------------------------


@dataclass
class _Journal:
    records: list[dict[str, Any]]
    seq: int
    good_bytes: int  # length of the well-formed beginning
    matched: bool  # a marker equals the file on disk: the journal builds on it
    torn: bool
    problem: str = ""
    # made on another version of the file: its header's base and every record after it
    base_sha: str = ""
    unmatched: list[dict[str, Any]] | None = None


def _read_journal(jpath: Path, base_sha: str) -> _Journal:
    try:
        raw = read_regular(jpath, MAX_JOURNAL_BYTES)
    except (TooLarge, NotRegularFile) as exc:
        return _Journal([], 0, 0, False, False, f"cannot be used ({exc})")
    except OSError as exc:
        return _Journal([], 0, 0, False, False, f"cannot be read ({describe_os_error(exc)})")
    items: list[tuple[str, Any]] = []
    pos = good = 0
    torn = False
    problem = ""
    line_no = 0
    while pos < len(raw):
        newline = raw.find(b"\n", pos)
        if newline == -1:
            torn = True  # the last write was interrupted: it was never acknowledged
            break
        line_no += 1
        item = _parse_line(raw[pos:newline])
        if line_no == 1:
            if not _is_header(item):
                problem = "is not a journal of this program"
                break
            items.append(("mark", item["base_sha256"]))
        elif isinstance(item, dict) and isinstance(item.get("checkpoint"), str):
            items.append(("mark", item["checkpoint"]))
        elif _is_record(item):
            items.append(("record", item))
        elif newline + 1 >= len(raw):
            torn = True  # a damaged last line: not acknowledged either
            break
        else:
            problem = f"is damaged at line {line_no}; the edits before it were recovered"
            break
        pos = good = newline + 1
    if not items and not problem:
        return _Journal([], 0, 0, True, True)  # empty or a torn header: nothing acknowledged
    seq = max((it["seq"] for kind, it in items if kind == "record"), default=0)
    last_match = max(
        (i for i, (kind, value) in enumerate(items) if kind == "mark" and value == base_sha),
        default=None,
    )
    if last_match is None:
        if problem:
            return _Journal([], seq, good, False, torn, problem)
        header_base = items[0][1] if items and items[0][0] == "mark" else ""
        records = [it for kind, it in items if kind == "record"]
        return _Journal([], seq, good, False, torn, "was made on another version of the file", header_base, records)
    records = [it for kind, it in items[last_match + 1 :] if kind == "record"]
    return _Journal(records, seq, good, True, torn, problem)


def _parse_line(line: bytes) -> Any:
    try:
        return json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def _is_header(item: Any) -> bool:
    return (
        isinstance(item, dict)
        and item.get("format") == JOURNAL_FORMAT
        and item.get("version") == JOURNAL_VERSION
        and isinstance(item.get("base_sha256"), str)
    )


def _is_record(item: Any) -> bool:
    if not (isinstance(item, dict) and isinstance(item.get("seq"), int)):
        return False
    for key in ("spans", "relations"):
        part = item.get(key)
        if not isinstance(part, dict):
            return False
        if not all(v is None or isinstance(v, dict) for v in part.values()):
            return False
    return isinstance(item.get("status"), str)


def _replay(data: dict[str, Any], records: list[dict[str, Any]]) -> None:
    spans = {s["id"]: s for s in data["spans"]}
    relations = {r["id"]: r for r in data["relations"]}
    for record in records:
        for key, value in record["spans"].items():
            if value is None:
                spans.pop(key, None)
            else:
                spans[key] = value
        for key, value in record["relations"].items():
            if value is None:
                relations.pop(key, None)
            else:
                relations[key] = value
        data["status"] = record["status"]
    data["spans"] = list(spans.values())
    data["relations"] = list(relations.values())


# ---- changed texts -------------------------------------------------------------------


def _unplaced_of(data: dict[str, Any]) -> dict[str, list[Any]]:
    found = data.get("unplaced")
    result: dict[str, list[Any]] = {"spans": [], "relations": []}
    if isinstance(found, dict):
        for key in ("spans", "relations"):
            if isinstance(found.get(key), list):
                result[key] = list(found[key])
    return result


def _try_reanchor(data: dict[str, Any], document: Document) -> ReanchorResult:
    spans = [_span_from_json(s) for s in data["spans"]]
    from ..model.reanchor import reanchor  # only for a changed text: not on every opening's path

    return reanchor(spans, document.text, data["document"].get("text"))


def _refuse_foreign(path: Path, data: dict[str, Any], document: Document, same_id: bool) -> ReanchorResult:
    """Raise ForeignFileError when the file is another document's or most of its spans
    cannot be placed on this text; else what re-anchoring places (done once)."""
    trial = _try_reanchor(data, document)
    placed, total = len(trial.placed), len(trial.placed) + len(trial.unplaced)
    mostly_placed = placed * 2 >= total if total else False
    info = data["document"]
    other_id = str(info.get("id", ""))
    other_title = str(info.get("title") or "")
    if other_id != document.id and (same_id or not mostly_placed):
        named, this = _named(other_id, other_title), _named(document.id, document.title)
        raise ForeignFileError(
            f"{path}: this annotation file is for document {named}, not {this}; it was left as it is",
            path,
            placed,
            total,
            named,
            this,
        )
    if not mostly_placed and total:
        raise ForeignFileError(
            f"{path}: the text of {document.title or document.id} is not the one these annotations were made on, "
            f"and only {placed} of {total} spans could be placed on it; it was left as it is",
            path,
            placed,
            total,
            this=document.title or document.id,
        )
    return trial


def _named(doc_id: str, title: str) -> str:
    """A document as a message names it: `id «title»`, or the id alone when it is the title."""
    return f"{doc_id} «{title}»" if title and title != doc_id else doc_id


def _reanchor(
    data: dict[str, Any], document: Document, unplaced: dict[str, list[Any]], trial: ReanchorResult | None = None
) -> tuple[int, int]:
    """Move data's spans onto document.text; the rest go to `unplaced`. (moved, unplaced)."""
    old_sha = data["document"]["text_sha256"]
    result = trial if trial is not None else _try_reanchor(data, document)
    placed = {s.id for s in result.placed}
    kept_relations: list[Any] = []
    for rel in data["relations"]:
        if rel["from"] in placed and rel["to"] in placed:
            kept_relations.append(rel)
        else:
            unplaced["relations"].append({**rel, "text_sha256": old_sha})
    for span in result.unplaced:
        unplaced["spans"].append({**jsonformat.span_to_json(span), "text_sha256": old_sha})
    data["spans"] = [jsonformat.span_to_json(s) for s in result.placed]
    data["relations"] = kept_relations
    data["document"]["text_sha256"] = document.sha256
    if "text" in data["document"]:
        data["document"]["text"] = document.text
    return len(result.placed), len(result.unplaced)


def _span_from_json(item: dict[str, Any]) -> Span:
    return jsonformat.span_from_json(item)


def _relation_from_json(item: dict[str, Any]) -> Relation:
    return Relation(str(item["id"]), str(item["type"]), str(item["from"]), str(item["to"]))


# ---- files -----------------------------------------------------------------------------


@contextlib.contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """No cyclic garbage collection while a file's objects are made: each of the
    collections that tens of thousands of new dicts, spans and tuples set off walks every
    object made so far, a quarter to a third of opening a 20,000-span file (measured with
    benchmarks/bench_window.py). Reference counting frees as usual meanwhile; collections
    resume afterwards (left off if they were off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _sha(raw: bytes) -> str:
    import hashlib  # here, not at start-up: see model/document.py text_sha256

    return hashlib.sha256(raw).hexdigest()


def _read_limited(path: Path) -> bytes:
    """The file's bytes; refuses files above MAX_FILE_BYTES without reading them."""
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except TooLarge as exc:
        if exc.size > MAX_FILE_BYTES and "grew" not in str(exc):
            raise StoreError(
                f"{path}: the file is {mb(exc.size)}, more than the {mb(MAX_FILE_BYTES)} an annotation "
                "file may have; it was not opened (is it an annotation file?)"
            ) from None
        raise StoreError(f"{path}: the file {exc}") from None
    except NotRegularFile as exc:
        raise jsonformat.AnnotationFileError(path, [jsonformat.Problem("$", str(exc))]) from None
    except OSError as exc:
        raise jsonformat.AnnotationFileError(
            path, [jsonformat.Problem("$", f"cannot read: {describe_os_error(exc)}")]
        ) from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _truncate(path: Path, length: int) -> bool:
    """Cut a journal back to its good beginning (removed when none is good); False when it
    cannot be (an append-only file, a read-only folder): the store must not append to it."""
    try:
        if length == 0:
            os.unlink(path)
        else:
            os.truncate(path, length)
    except OSError:
        return False
    return True


def _try_set_aside(path: Path, notes: list[str], copy_only: bool = False) -> Path | None:
    try:
        return _set_aside(path, copy_only)
    except OSError as exc:
        notes.append(f"({path.name} could not be moved aside: {describe_os_error(exc)}.)")
        return None


def _aside_name(path: Path, tag: str) -> Path:
    """A new name beside `path` for a copy kept aside: `NAME.<tag>-<time>` (never `.json`
    at its end, so that no project or folder reads it as annotations)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{tag}-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.{tag}-{stamp}-{n}")
    return aside


def _keep_copy(path: Path, content: bytes, tag: str) -> Path:
    """Keep `content` (a version of the file at `path` about to be written over) beside it."""
    aside = _aside_name(path, tag)
    write_atomic(aside, content)
    return aside


def _set_aside(path: Path, copy_only: bool = False, tag: str = "unused") -> Path:
    """Keep a file we will not use under a new name beside it (`NAME.<tag>-<time>`); never
    delete it."""
    aside = _aside_name(path, tag)
    if copy_only:
        aside.write_bytes(path.read_bytes())
    else:
        os.replace(path, aside)
    return aside


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of saves a crash interrupted (atomic.write_atomic's names)."""
    prefix = f".{path.name}."
    now = time.time()
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime > STALE_TMP_SECONDS:
                    os.unlink(entry.path)


__all__ = [
    "MAX_FILE_BYTES",
    "AnnotationStore",
    "ForeignFileError",
    "Recovery",
    "StoreError",
    "describe_os_error",
    "journal_path",
    "pending_state",
    "set_aside_annotations",
]
