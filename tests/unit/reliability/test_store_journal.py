"""The journal: every edit on disk before it returns, recovered after a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.io import jsonformat
from annotator.io.store import AnnotationStore, StoreError, journal_path
from annotator.model import AnnotationSet, Document, Schema, Status

from .helpers import TEXT, state


def crash(store: AnnotationStore) -> None:
    """What a kill leaves: the journal as written, nothing saved at exit."""
    store.detach()


def test_open_and_close_without_edits_writes_nothing(saved: Path, schema: Schema) -> None:
    before = saved.stat()
    store, recovery = AnnotationStore.open(saved, schema)
    assert recovery.edits == 0 and recovery.message == ""
    assert not store.needs_checkpoint
    store.save()
    store.close()
    after = saved.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
        before.st_ino,
        before.st_mtime_ns,
        before.st_size,
    )
    assert not journal_path(saved).exists()
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]


def test_each_edit_is_journaled_before_it_returns(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    file_before = saved.read_bytes()
    span = store.aset.add_span("location", TEXT.index("تهران"), TEXT.index("تهران") + 5)
    lines = journal_path(saved).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # header + the edit
    header, record = json.loads(lines[0]), json.loads(lines[1])
    assert header["format"] == "annotator/journal"
    assert header["text_sha256"] == store.aset.document.sha256
    assert record["spans"][span.id]["text"] == "تهران"
    assert saved.read_bytes() == file_before  # the full file is written only at checkpoints
    assert store.needs_checkpoint and store.durable
    crash(store)


def test_every_journal_line_is_fsynced_before_the_edit_returns(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A spy on os.fsync notes which file, and how much of it, each call made durable.
    synced: list[tuple[int, int, int]] = []  # (device, inode, size at the fsync)
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        real_fsync(fd)
        info = os.fstat(fd)
        synced.append((info.st_dev, info.st_ino, info.st_size))

    monkeypatch.setattr(os, "fsync", spy)
    store, _ = AnnotationStore.open(saved, schema)
    aset = store.aset
    t, m = TEXT.index("تهران"), TEXT.index("مشهد")
    edits = [
        lambda: aset.add_span("location", t, t + 5),
        lambda: aset.add_span("location", m, m + 4),
        lambda: aset.set_note("s1", "یادداشت"),
        aset.undo,
        aset.redo,
        lambda: aset.set_status(Status.DONE),
    ]
    journal = journal_path(saved)
    for n, edit in enumerate(edits, 1):
        synced.clear()
        edit()
        info = journal.stat()
        lines = journal.read_bytes().splitlines()
        assert len(lines) == 1 + n  # the header, then one line an edit
        # the journal, with this edit's line in it, was fsynced before the edit returned
        assert (info.st_dev, info.st_ino, info.st_size) in synced, n
    crash(store)


def test_recovers_edits_undo_and_status_after_a_crash(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    aset = store.aset
    t = TEXT.index("تهران")
    m = TEXT.index("مشهد")
    aset.add_span("location", t, t + 5)
    aset.add_span("location", m, m + 4)
    aset.undo()
    aset.relabel_span("s1", "location")  # drops the claimed_by relation
    aset.set_note("s2", "یادداشت")
    aset.set_status(Status.DONE)
    aset.undo()
    aset.redo()
    expected = state(aset)
    crash(store)

    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected
    assert recovery.edits == 8
    assert "Recovered 8 edits" in recovery.message
    assert again.needs_checkpoint
    again.close()
    assert not journal_path(saved).exists()
    assert state(jsonformat.load(saved, schema)) == expected


def test_replaying_twice_changes_nothing(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    store.aset.remove_span("s1")
    expected = state(store.aset)
    crash(store)
    first, _ = AnnotationStore.open(saved, schema)
    first.detach()
    second, recovery = AnnotationStore.open(saved, schema)
    assert state(second.aset) == state(first.aset) == expected
    assert recovery.edits == 2
    second.detach()


def test_new_edits_after_recovery_go_on_in_the_same_journal(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.set_status(Status.DONE)
    expected = state(store.aset)
    crash(store)
    final, recovery = AnnotationStore.open(saved, schema)
    assert state(final.aset) == expected and recovery.edits == 2
    final.detach()


def test_a_torn_last_line_is_ignored_and_cut(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    expected = state(store.aset)
    crash(store)
    journal = journal_path(saved)
    good = journal.read_bytes()
    journal.write_bytes(good + b'{"seq": 2, "spans": {"s9": {"id": "s9", "lab')
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected and recovery.edits == 1
    assert recovery.set_aside is None
    assert journal.read_bytes() == good  # the next line will not follow a fragment
    again.aset.set_status(Status.DONE)
    expected = state(again.aset)
    crash(again)
    last, recovery = AnnotationStore.open(saved, schema)
    assert state(last.aset) == expected and recovery.edits == 2
    last.detach()


def test_a_torn_header_alone_is_nothing(saved: Path, schema: Schema) -> None:
    journal_path(saved).write_bytes(b'{"format": "annotator/jour')
    store, recovery = AnnotationStore.open(saved, schema)
    assert recovery.edits == 0 and recovery.message == ""
    assert not journal_path(saved).exists()
    store.detach()


def test_crash_between_checkpoint_rename_and_journal_removal(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    store.aset.add_span("actor", 5, 10)
    expected = state(store.aset)
    monkeypatch.setattr(AnnotationStore, "_drop_journal", lambda self: self._close_fd())
    store.save()  # the file is written, the journal (with its checkpoint line) stays
    monkeypatch.undo()
    crash(store)
    assert journal_path(saved).exists()
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected
    assert recovery.edits == 0 and recovery.set_aside is None
    # going on from there and crashing again still recovers
    again.aset.remove_span("s1")
    expected = state(again.aset)
    crash(again)
    last, recovery = AnnotationStore.open(saved, schema)
    assert state(last.aset) == expected and recovery.edits == 1
    last.detach()


def test_a_journal_of_another_file_version_is_set_aside(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    # someone else rewrote the file meanwhile (git checkout, another program)
    other = jsonformat.load(saved, schema)
    other.set_status(Status.DONE)
    jsonformat.save(other, saved)
    expected = state(other)
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected  # the file wins; nothing is replayed onto it
    assert recovery.edits == 0
    assert recovery.set_aside is not None and recovery.set_aside.exists()
    assert "another version" in recovery.message and recovery.set_aside.name in recovery.message
    assert not journal_path(saved).exists()
    again.detach()


def test_a_journal_damaged_in_the_middle_keeps_a_copy(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    after_first = state(store.aset)
    store.aset.add_span("actor", 5, 10)
    store.aset.add_span("actor", 12, 15)
    crash(store)
    journal = journal_path(saved)
    lines = journal.read_bytes().split(b"\n")
    lines[2] = b"garbage"
    journal.write_bytes(b"\n".join(lines))
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == after_first
    assert recovery.set_aside is not None and "damaged at line 3" in recovery.message
    again.detach()


def test_a_journal_whose_edits_do_not_fit_is_not_applied(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    journal = journal_path(saved)
    lines = journal.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["spans"]["s3"]["label"] = "no-such-label"
    journal.write_text(lines[0] + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    again, recovery = AnnotationStore.open(saved, schema)
    assert recovery.edits == 0 and recovery.set_aside is not None
    assert "do not fit" in recovery.message
    assert state(again.aset) == state(jsonformat.load(saved, schema))
    again.detach()


def test_a_new_file_is_written_at_the_first_edit(tmp_path: Path, schema: Schema) -> None:
    path = tmp_path / "new.annotations.json"
    store, recovery = AnnotationStore.open(path, schema, Document("n", TEXT, "t"))
    assert recovery.message == "" and not path.exists()
    store.aset.add_span("location", 0, 3)
    assert path.exists() and not journal_path(path).exists()  # a full save, then journaling
    store.aset.add_span("actor", 5, 10)
    assert journal_path(path).exists()
    expected = state(store.aset)
    crash(store)
    again, recovery = AnnotationStore.open(path, schema)
    assert state(again.aset) == expected and recovery.edits == 1
    again.detach()


def test_missing_file_without_document_is_a_clear_error(tmp_path: Path, schema: Schema) -> None:
    with pytest.raises(StoreError, match="no such file"):
        AnnotationStore.open(tmp_path / "gone.annotations.json", schema)


def test_a_journal_without_its_file_is_kept(tmp_path: Path, schema: Schema) -> None:
    path = tmp_path / "x.annotations.json"
    journal_path(path).write_text('{"format": "annotator/journal"}\n', encoding="utf-8")
    store, recovery = AnnotationStore.open(path, schema, Document("x", TEXT))
    assert recovery.set_aside is not None and recovery.set_aside.exists()
    assert "without its file" in recovery.message
    store.detach()


def test_store_made_directly_checkpoints_first_and_keeps_foreign_journal(
    tmp_path: Path, document: Document, schema: Schema
) -> None:
    path = tmp_path / "d.annotations.json"
    journal_path(path).write_text("left over\n", encoding="utf-8")
    aset = AnnotationSet(document, "ali", schema)
    store = AnnotationStore(aset, path)
    assert not path.exists()  # writes nothing yet
    aset.add_span("location", 0, 3)
    assert path.exists()
    assert [p.name for p in tmp_path.iterdir() if ".unused-" in p.name]  # kept, not deleted
    store.close()


def test_save_is_skipped_when_the_state_came_back(saved: Path, schema: Schema) -> None:
    before = saved.stat().st_mtime_ns
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    store.aset.undo()
    store.close()
    assert saved.stat().st_mtime_ns == before
    assert not journal_path(saved).exists()


def test_save_refuses_to_overwrite_a_file_changed_by_someone_else(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    other = jsonformat.load(saved, schema)
    other.set_status(Status.DONE)
    jsonformat.save(other, saved)
    with pytest.raises(StoreError, match="changed by another program"):
        store.save()
    assert store.last_error and str(saved) in store.last_error
    assert jsonformat.load(saved, schema).status == Status.DONE
    store.detach()


def test_stale_temporary_files_of_killed_saves_are_removed(saved: Path, schema: Schema) -> None:
    old = saved.parent / f".{saved.name}.abc123.tmp"
    fresh = saved.parent / f".{saved.name}.def456.tmp"
    old.write_text("half")
    fresh.write_text("half")
    os.utime(old, (1, 1))
    store, _ = AnnotationStore.open(saved, schema)
    assert not old.exists() and fresh.exists()
    store.detach()


def _fsync_spy(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int]]:
    synced: list[tuple[int, int, int]] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        real_fsync(fd)
        info = os.fstat(fd)
        synced.append((info.st_dev, info.st_ino, info.st_size))

    monkeypatch.setattr(os, "fsync", spy)
    return synced


def test_sync_after_writes_lines_at_once_and_fsyncs_them_when_the_block_ends(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced = _fsync_spy(monkeypatch)
    store, _ = AnnotationStore.open(saved, schema)
    aset = store.aset
    t, m = TEXT.index("تهران"), TEXT.index("مشهد")
    journal = journal_path(saved)
    with store.sync_after():
        aset.add_span("location", t, t + 5)
        aset.add_span("location", m, m + 4)
        # both lines are in the file (a killed process keeps them), nothing fsynced yet
        assert len(journal.read_bytes().splitlines()) == 3
        assert synced == []
    info = journal.stat()
    assert (info.st_dev, info.st_ino, info.st_size) in synced  # durable when the block ends
    assert store.durable
    synced.clear()
    aset.undo()  # outside a block: fsynced before the edit returns, as always
    info = journal.stat()
    assert (info.st_dev, info.st_ino, info.st_size) in synced
    crash(store)
    again, recovery = AnnotationStore.open(saved, schema)
    assert recovery.edits == 3 and again.aset.span_count() == 3


def test_sync_after_saves_a_new_file_when_the_block_ends(tmp_path: Path, schema: Schema) -> None:
    path = tmp_path / "new.annotations.json"
    store = AnnotationStore(AnnotationSet(Document("d", TEXT, "d"), "ali", schema), path)
    t = TEXT.index("تهران")
    with store.sync_after():
        store.aset.add_span("location", t, t + 5)
        assert not path.exists()  # the first edit's full save waits for the end of the block
    assert jsonformat.load(path, schema).span_count() == 1
    assert not store.needs_checkpoint and store.durable


def test_sync_after_a_failed_fsync_says_so_and_leaves_no_unsynced_line(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    aset = store.aset
    t, m = TEXT.index("تهران"), TEXT.index("مشهد")
    aset.add_span("location", t, t + 5)  # the journal exists, with one acknowledged line
    journal = journal_path(saved)
    before = journal.read_bytes()

    def failing(_fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing)
    with store.sync_after():
        aset.add_span("location", m, m + 4)
    monkeypatch.undo()
    assert not store.durable and "Could not record the last edit" in (store.last_error or "")
    assert journal.read_bytes() == before  # the line never acknowledged is cut off
    aset.set_note("s1", "یادداشت")  # the next edit saves the whole file instead
    assert store.durable and not journal.exists()
    assert jsonformat.load(saved, schema).span_count() == 4
