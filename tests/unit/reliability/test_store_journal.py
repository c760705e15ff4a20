"""The journal: every edit on disk before it returns, recovered after a crash."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator.io import jsonformat
from annotator.io import store as store_module
from annotator.io.store import AnnotationStore, StoreError, journal_path
from annotator.model import AnnotationSet, Document, Label, Relation, Schema, Status

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


# ---- the journal's exact contents (docs/reliability.md, "The journal") ---------------------


def line(item: dict[str, object]) -> bytes:
    """A journal line as documented: compact JSON, UTF-8 (Persian readable), a newline."""
    return (json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def test_the_journal_holds_exactly_the_documented_lines(
    saved: Path, schema: Schema, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a Persian file name (the header names it), a local time zone far from UTC, umask 002
    path = tmp_path / "خبر.annotations.json"
    path.write_bytes(saved.read_bytes())
    monkeypatch.setenv("TZ", "Asia/Tehran")
    time.tzset()
    old_umask = os.umask(0o002)
    try:
        store, _ = AnnotationStore.open(path, schema)
        aset = store.aset
        t = TEXT.index("تهران")
        started = datetime.now(UTC).replace(microsecond=0)
        place = aset.add_span("location", t, t + 5)
        relation = aset.add_relation("addressed_to", "s2", "s1", "r9")
        aset.remove_span("s1")  # takes the two relations to it along
        aset.set_status(Status.DONE)
    finally:
        os.umask(old_umask)
        monkeypatch.delenv("TZ")
        time.tzset()
    journal = journal_path(path)
    assert journal.stat().st_mode & 0o777 == 0o664  # 0o666 less the umask, like any new file
    lines = journal.read_bytes().splitlines(keepends=True)
    header = json.loads(lines[0])
    created = datetime.strptime(header["created"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert started <= created <= started + timedelta(minutes=1)  # UTC, whatever the zone
    assert lines[0] == (
        json.dumps(
            {
                "format": "annotator/journal",
                "version": 1,
                "file": "خبر.annotations.json",
                "base_sha256": hashlib.sha256(saved.read_bytes()).hexdigest(),
                "text_sha256": store.aset.document.sha256,
                "created": header["created"],
            },
            ensure_ascii=False,
        )
        + "\n"
    ).encode("utf-8")
    nine = {"id": "r9", "type": "addressed_to", "from": "s2", "to": "s1"}
    assert relation == Relation("r9", "addressed_to", "s2", "s1")
    assert lines[1:] == [
        line({"seq": 1, "spans": {place.id: jsonformat.span_to_json(place)}, "relations": {}, "status": "in_progress"}),
        line({"seq": 2, "spans": {}, "relations": {"r9": nine}, "status": "in_progress"}),
        line({"seq": 3, "spans": {"s1": None}, "relations": {"r1": None, "r9": None}, "status": "in_progress"}),
        line({"seq": 4, "spans": {}, "relations": {}, "status": "done"}),
    ]
    crash(store)
    again, recovery = AnnotationStore.open(path, schema)
    assert recovery.edits == 4 and again.aset.relations() == [] and again.aset.status == Status.DONE
    again.aset.set_note("s2", "ادامه")  # numbering goes on after a recovery
    assert json.loads(journal.read_bytes().splitlines()[-1])["seq"] == 5
    again.detach()


def test_a_journaled_relation_comes_back_after_a_crash(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    t = TEXT.index("تهران")
    store.aset.add_span("location", t, t + 5)
    store.aset.add_relation("located_in", "s2", "s3")
    expected = state(store.aset)
    crash(store)
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected and recovery.edits == 2
    assert Relation("r2", "located_in", "s2", "s3") in again.aset.relations()
    again.detach()


def test_a_record_written_twice_replays_the_same(saved: Path, schema: Schema) -> None:
    # the journal's promise: replaying a record twice changes nothing (deletions included)
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.remove_relation("r1")
    store.aset.remove_span("s1")
    store.aset.add_span("location", 0, 3)
    expected = state(store.aset)
    crash(store)
    journal = journal_path(saved)
    header, *records = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(header + b"".join(records) + b"".join(records))
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected and recovery.edits == 6
    assert recovery.set_aside is None
    again.detach()


@pytest.mark.parametrize(
    "last",
    [
        b"garbage\n",  # written whole, then damaged: not acknowledged either
        b'{"seq": 2, "spans": [], "relations": {}, "status": "new"}\n',
        b'{"seq": 2, "spans": {}, "relations": {"r1": 5}, "status": "new"}\n',
        b'{"seq": 2, "spans": {"s1": "x"}, "relations": {}, "status": "new"}\n',
    ],
)
def test_a_damaged_last_line_is_cut_off_like_a_torn_one(saved: Path, schema: Schema, last: bytes) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    expected = state(store.aset)
    crash(store)
    journal = journal_path(saved)
    good = journal.read_bytes()
    journal.write_bytes(good + last)
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected
    assert (recovery.edits, recovery.set_aside) == (1, None)
    assert recovery.message.startswith("Recovered 1 edit to doc1.annotations.json ")
    assert "damaged" not in recovery.message
    assert journal.read_bytes() == good
    again.detach()


@pytest.mark.parametrize(
    "bad",
    [
        b"garbage",
        b'{"seq": 2, "spans": [], "relations": {}, "status": "new"}',
        b'{"seq": 2, "spans": {}, "relations": {"r1": 5}, "status": "new"}',
        b'{"seq": 2, "spans": {}, "relations": [], "status": "new"}',
        b'{"seq": 2, "spans": {"s1": "x"}, "relations": {}, "status": "new"}',
        b'{"seq": "2", "spans": {}, "relations": {}, "status": "new"}',
        b'{"seq": 2, "spans": {}, "relations": {}, "status": 3}',
    ],
)
def test_a_journal_damaged_in_the_middle_keeps_a_copy_and_goes_on(saved: Path, schema: Schema, bad: bytes) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    after_first = state(store.aset)
    store.aset.add_span("actor", 5, 10)
    store.aset.add_span("actor", 12, 15)
    crash(store)
    journal = journal_path(saved)
    lines = journal.read_bytes().split(b"\n")
    lines[2] = bad
    damaged = b"\n".join(lines)
    journal.write_bytes(damaged)
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == after_first and recovery.edits == 1
    assert recovery.set_aside is not None and recovery.set_aside.read_bytes() == damaged  # a copy
    assert recovery.message == (
        "Recovered 1 edit to doc1.annotations.json that had not been saved when the program last stopped. "
        "The journal of doc1.annotations.json is damaged at line 3; the edits before it were recovered; "
        f"a copy is kept as {recovery.set_aside.name}."
    )
    assert journal.read_bytes() == b"\n".join(lines[:2]) + b"\n"  # the good beginning, to go on from
    again.aset.set_note("s3", "ادامه")
    expected = state(again.aset)
    crash(again)
    last, recovery = AnnotationStore.open(saved, schema)  # still recovered, with the new edit
    assert state(last.aset) == expected and recovery.edits == 2
    last.detach()


SET_ASIDE = re.compile(r"doc1\.annotations\.json\.journal\.unused-(\d{8}-\d{6})")


def assert_stamped_now(name: str, before: float) -> None:
    found = SET_ASIDE.fullmatch(name)
    assert found, name
    stamp = time.mktime(time.strptime(found.group(1), "%Y%m%d-%H%M%S"))  # local time, like the name
    assert int(before) - 1 <= stamp <= time.time() + 1


def test_a_journal_of_another_version_is_kept_under_a_dated_name(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    journal_bytes = journal_path(saved).read_bytes()
    other = jsonformat.load(saved, schema)
    other.set_status(Status.DONE)
    jsonformat.save(other, saved)
    before = time.time()
    again, recovery = AnnotationStore.open(saved, schema)
    assert recovery.set_aside is not None
    assert_stamped_now(recovery.set_aside.name, before)
    assert recovery.set_aside.read_bytes() == journal_bytes
    assert recovery.message == (
        "The journal of doc1.annotations.json was made on another version of the file; "
        f"it was not applied and is kept as {recovery.set_aside.name}."
    )
    again.detach()


def test_journals_set_aside_in_the_same_second_keep_distinct_names(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module.time, "strftime", lambda *args: "20240601-100000")
    kept: list[str] = []
    for n in range(3):
        journal_path(saved).write_text(f"not a journal {n}\n", encoding="utf-8")
        store, recovery = AnnotationStore.open(saved, schema)
        assert recovery.set_aside is not None
        kept.append(recovery.set_aside.name)
        store.detach()
    stem = "doc1.annotations.json.journal.unused-20240601-100000"
    assert kept == [stem, stem + "-2", stem + "-3"]
    assert [(saved.parent / name).read_text(encoding="utf-8") for name in kept] == [
        f"not a journal {n}\n" for n in range(3)
    ]


def test_a_journal_whose_edits_do_not_fit_is_moved_aside_whole(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    journal = journal_path(saved)
    lines = journal.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["spans"]["s3"]["label"] = "no-such-label"
    journal.write_text(lines[0] + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    written = journal.read_bytes()
    again, recovery = AnnotationStore.open(saved, schema)
    assert recovery.edits == 0 and recovery.set_aside is not None
    assert recovery.set_aside.read_bytes() == written and not journal.exists()
    assert recovery.message == (
        "The journal of doc1.annotations.json holds edits that do not fit the file "
        "(unknown label 'no-such-label' (known: actor, location, claim)); "
        f"it was not applied and is kept as {recovery.set_aside.name}."
    )
    assert state(again.aset) == state(jsonformat.load(saved, schema))
    again.aset.add_span("location", 0, 3)  # a new journal, on the file as it is
    expected = state(again.aset)
    crash(again)
    last, recovery = AnnotationStore.open(saved, schema)
    assert state(last.aset) == expected and recovery.edits == 1 and recovery.set_aside is None
    last.detach()


def test_the_recovery_message_counts_edits(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    again, recovery = AnnotationStore.open(saved, schema)
    assert recovery.message == (
        "Recovered 1 edit to doc1.annotations.json that had not been saved when the program last stopped."
    )
    again.aset.add_span("actor", 5, 10)
    crash(again)
    last, recovery = AnnotationStore.open(saved, schema)
    assert recovery.message == (
        "Recovered 2 edits to doc1.annotations.json that had not been saved when the program last stopped."
    )
    last.detach()


def test_a_journal_without_its_file_is_kept_and_named(tmp_path: Path, schema: Schema) -> None:
    path = tmp_path / "x.annotations.json"
    journal_path(path).write_text('{"format": "annotator/journal"}\n', encoding="utf-8")
    store, recovery = AnnotationStore.open(path, schema, Document("x", TEXT))
    assert recovery.edits == 0 and recovery.set_aside is not None
    assert recovery.set_aside.read_text(encoding="utf-8") == '{"format": "annotator/journal"}\n'
    assert recovery.message == (
        "A journal of unsaved edits was found without its file x.annotations.json; "
        f"it was not applied and is kept as {recovery.set_aside.name}."
    )
    assert not path.exists() and not journal_path(path).exists()
    store.detach()


def test_a_journal_without_its_file_in_a_read_only_folder(
    tmp_path: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.annotations.json"
    journal_path(path).write_text("{}\n", encoding="utf-8")

    def read_only(*args: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", read_only)
    store, recovery = AnnotationStore.open(path, schema, Document("x", TEXT))
    assert (recovery.edits, recovery.set_aside) == (0, None)
    assert recovery.message == (
        "A journal of unsaved edits was found without its file x.annotations.json; it was not applied "
        "and is kept as x.annotations.json.journal. "
        "(x.annotations.json.journal could not be moved aside: the folder is read-only.)"
    )
    assert journal_path(path).read_text(encoding="utf-8") == "{}\n"
    store.detach()


# ---- starting a document, new files ----------------------------------------------------


def custom_schema() -> Schema:
    return Schema(labels=(Label("person", "شخص", "Person", "#112233", "1"),))


def test_a_new_document_file_follows_its_schema_and_embedding(tmp_path: Path) -> None:
    # a project's file: its own labels, no text embedded, no annotator name yet
    path = tmp_path / "n.annotations.json"
    document = Document("n", TEXT, "عنوان")
    store, recovery = AnnotationStore.open(path, custom_schema(), document, embed_text=False)
    assert (recovery.edits, recovery.message, recovery.set_aside) == (0, "", None)
    store.aset.add_span("person", 0, 2)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["document"] == {"id": "n", "title": "عنوان", "text_sha256": document.sha256}
    assert data["annotator"] == ""
    assert [s["label"] for s in data["spans"]] == ["person"]
    store.aset.add_span("person", 5, 10)
    expected = state(store.aset)
    crash(store)
    again, recovery = AnnotationStore.open(path, custom_schema(), document, embed_text=False)
    assert state(again.aset) == expected and recovery.edits == 1
    again.close()
    assert "text" not in json.loads(path.read_text(encoding="utf-8"))["document"]


def test_a_store_made_directly_embeds_the_text_and_writes_nothing_without_edits(
    tmp_path: Path, document: Document, schema: Schema
) -> None:
    path = tmp_path / "d.annotations.json"
    store = AnnotationStore(AnnotationSet(document, "ali", schema), path)
    assert not store.needs_checkpoint and store.durable and store.last_error is None
    store.save()
    store.close()
    assert list(tmp_path.iterdir()) == []
    store = AnnotationStore(AnnotationSet(document, "ali", schema), path)
    store.aset.add_span("location", 0, 3)
    assert json.loads(path.read_text(encoding="utf-8"))["document"]["text"] == TEXT
    store.close()


def test_open_or_start_starts_without_writing_and_opens_what_is_there(tmp_path: Path, schema: Schema) -> None:
    path = tmp_path / "p.annotations.json"
    document = Document("p", TEXT, "")
    started: list[AnnotationSet] = []

    def start() -> AnnotationSet:
        started.append(AnnotationSet(document, "maryam", schema))
        return started[-1]

    store, message = AnnotationStore.open_or_start(path, schema, document, start, embed_text=False)
    assert message == "" and store.aset is started[0] and store.path == path
    assert list(tmp_path.iterdir()) == []  # nothing yet
    store.aset.add_span("location", 0, 3)  # the first edit writes the file, without the text
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["annotator"] == "maryam" and "text" not in data["document"]
    store.aset.add_span("actor", 5, 10)
    expected = state(store.aset)
    crash(store)

    again, message = AnnotationStore.open_or_start(path, schema, document, start, embed_text=False)
    assert len(started) == 1  # opened, not started
    assert state(again.aset) == expected
    assert message == "Recovered 1 edit to p.annotations.json that had not been saved when the program last stopped."
    again.close()
    assert "text" not in json.loads(path.read_text(encoding="utf-8"))["document"]

    path.unlink()  # only a journal left: opened (and kept aside), not started afresh
    journal_path(path).write_text("{}\n", encoding="utf-8")
    last, message = AnnotationStore.open_or_start(path, schema, document, start)
    assert len(started) == 1 and message.startswith("A journal of unsaved edits was found without its file")
    last.aset.add_span("location", 0, 3)  # by default the text is embedded
    assert json.loads(path.read_text(encoding="utf-8"))["document"]["text"] == TEXT
    last.close()
    reopened, message = AnnotationStore.open_or_start(path, schema, document, start)
    reopened.aset.add_span("actor", 5, 10)
    reopened.close()
    assert message == "" and json.loads(path.read_text(encoding="utf-8"))["document"]["text"] == TEXT
    other = tmp_path / "q.annotations.json"
    fresh, _ = AnnotationStore.open_or_start(other, schema, document, start)
    fresh.aset.add_span("location", 0, 3)
    fresh.close()
    assert len(started) == 2 and json.loads(other.read_text(encoding="utf-8"))["document"]["text"] == TEXT


def test_the_first_save_makes_the_folders_it_needs(tmp_path: Path, document: Document, schema: Schema) -> None:
    # a project annotator's first file: annotations/<annotator>/ may not exist yet
    path = tmp_path / "annotations" / "maryam" / "d.annotations.json"
    store, _ = AnnotationStore.open(path, schema, document)
    assert not (tmp_path / "annotations").exists()  # nothing is made before an edit
    store.aset.add_span("location", 0, 3)
    assert store.durable and jsonformat.load(path, schema).has_span("s1")
    store.close()


# ---- another window, another program --------------------------------------------------------


BUSY = (
    "{journal}: another window or program is recording edits to this file; it was not touched. "
    "Close the other window first, or keep your work with Save As"
)


def test_a_file_whose_journal_is_held_is_not_opened(saved: Path, schema: Schema) -> None:
    first, _ = AnnotationStore.open(saved, schema)
    first.aset.add_span("location", 0, 3)  # first now holds the journal's flock
    with pytest.raises(StoreError) as info:
        AnnotationStore.open(saved, schema)
    assert str(info.value) == (
        f"{saved}: is being edited in another window or program (its journal is open there); close it there first"
    )
    first.detach()
    second, recovery = AnnotationStore.open(saved, schema)  # a kill releases it
    assert recovery.edits == 1
    second.detach()


def test_two_stores_on_one_file_never_touch_each_others_journal(saved: Path, schema: Schema) -> None:
    original = saved.read_bytes()
    a, _ = AnnotationStore.open(saved, schema)  # both open before either edits
    b, _ = AnnotationStore.open(saved, schema)
    b.aset.add_span("location", 0, 3)  # b's journal, held by b
    journal = journal_path(saved)
    b_journal = journal.read_bytes()
    busy = BUSY.format(journal=journal)

    a.aset.add_span("actor", 5, 10)
    assert not a.durable
    assert a.last_error == (
        f"Could not record the last edit in {journal}: {busy}. Your work is kept in memory; "
        "save it in another folder (Save As)."
    )
    with pytest.raises(StoreError):
        a.save()
    assert a.last_error == (
        f"Could not save {saved}: {busy}. Your work is still open; save it in another folder (Save As)."
    )
    assert saved.read_bytes() == original and journal.read_bytes() == b_journal
    assert [p.name for p in saved.parent.iterdir() if ".unused-" in p.name] == []
    a.detach()
    b.close()
    assert jsonformat.load(saved, schema).has_span("s3")


def test_a_recovered_journal_is_held_from_opening(saved: Path, schema: Schema) -> None:
    """The store that recovers a journal holds it at once: a second store (another window
    whose user took the lock over) is refused, instead of recovering it too and, when the
    first one checkpoints, losing its own edits with the journal the first one removed (a
    new user's trial: a relabel undone on disk, its journal gone)."""
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    journal = journal_path(saved)
    held = journal.read_bytes()
    file_before = saved.read_bytes()
    a, recovery = AnnotationStore.open(saved, schema)
    assert recovery.edits == 1
    with pytest.raises(StoreError, match="is being edited in another window or program"):
        AnnotationStore.open(saved, schema)
    assert journal.read_bytes() == held and saved.read_bytes() == file_before
    a.aset.set_status(Status.DONE)
    assert a.durable
    a.close()
    assert not journal.exists()
    again, recovery = AnnotationStore.open(saved, schema)
    assert recovery.edits == 0 and again.aset.status == Status.DONE and again.aset.span_count() == 3
    again.detach()


def test_a_journal_left_by_someone_else_meanwhile_is_kept_not_appended_to(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)  # no journal yet
    journal = journal_path(saved)
    foreign = b'{"format": "annotator/journal", "version": 1, "base_sha256": "0"}\n'
    journal.write_bytes(foreign)  # another (killed) window's, not held by anyone
    store.aset.add_span("location", 0, 3)
    assert store.durable
    kept = [p for p in saved.parent.iterdir() if ".unused-" in p.name]
    assert [p.read_bytes() for p in kept] == [foreign]
    assert (
        json.loads(journal.read_bytes().splitlines()[0])["base_sha256"]
        == hashlib.sha256(saved.read_bytes()).hexdigest()
    )
    store.save()  # the journal is dropped; another one appears again
    journal.write_bytes(foreign)
    store.aset.add_span("actor", 5, 10)
    assert store.durable
    kept = [p for p in saved.parent.iterdir() if ".unused-" in p.name]
    assert [p.read_bytes() for p in kept] == [foreign, foreign]
    expected = state(store.aset)
    crash(store)
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected and recovery.edits == 1
    again.detach()


def test_save_goes_on_after_its_own_checkpoint_only_while_the_file_is_ours(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    store.save()
    assert not store.needs_checkpoint
    other = jsonformat.load(saved, schema)  # someone else rewrites the file after our checkpoint
    other.set_status(Status.DONE)
    jsonformat.save(other, saved)
    store.aset.add_span("actor", 5, 10)
    with pytest.raises(StoreError, match="changed by another program"):
        store.save()
    assert jsonformat.load(saved, schema).status == Status.DONE
    store.detach()


def test_a_file_rewritten_with_the_same_bytes_is_still_ours(saved: Path, schema: Schema) -> None:
    # a sync tool or `git checkout` of the same content: a new inode and time, same bytes
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    same = saved.read_bytes()
    saved.unlink()
    saved.write_bytes(same)
    os.utime(saved, (1, 1))
    store.save()
    assert store.last_error is None and jsonformat.load(saved, schema).has_span("s3")
    store.close()


def test_a_file_deleted_while_open_is_written_again_whole(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    expected = state(store.aset)
    saved.unlink()
    store.save()
    assert state(jsonformat.load(saved, schema)) == expected
    store.close()


def test_a_new_document_file_created_meanwhile_is_not_overwritten(
    tmp_path: Path, document: Document, schema: Schema
) -> None:
    path = tmp_path / "d.annotations.json"
    mine = AnnotationStore(AnnotationSet(document, "ali", schema), path)
    theirs = AnnotationSet(document, "ali", schema)
    theirs.add_span("actor", 5, 10)
    jsonformat.save(theirs, path)
    written = path.read_bytes()
    mine.aset.add_span("location", 0, 3)
    assert not mine.durable
    assert path.read_bytes() == written
    with pytest.raises(StoreError) as info:
        mine.save()
    assert str(info.value) == f"{path} was created by another program or window meanwhile; it is not overwritten"
    mine.detach()


def test_a_new_document_file_that_appeared_with_the_same_content_is_no_conflict(
    tmp_path: Path, document: Document, schema: Schema
) -> None:
    path = tmp_path / "d.annotations.json"
    mine = AnnotationStore(AnnotationSet(document, "ali", schema), path)
    twin = AnnotationSet(document, "ali", schema)
    twin.add_span("location", 0, 3)
    jsonformat.save(twin, path)  # exactly what our first edit makes
    mine.aset.add_span("location", 0, 3)
    assert mine.durable and mine.last_error is None and not mine.needs_checkpoint
    mine.close()


def test_save_as_watches_the_new_file_and_not_its_old_journal(saved: Path, schema: Schema, tmp_path: Path) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    target = tmp_path / "copy" / "c.annotations.json"
    target.parent.mkdir()
    foreign = b"a journal someone left here\n"
    journal_path(target).write_bytes(foreign)
    store.save_as(target)
    assert not store.needs_checkpoint
    store.aset.add_span("actor", 5, 10)  # journaled at the new place, the foreign one kept
    assert store.durable
    assert [p.read_bytes() for p in target.parent.iterdir() if ".unused-" in p.name] == [foreign]
    other = jsonformat.load(target, schema)
    other.set_status(Status.DONE)
    jsonformat.save(other, target)
    with pytest.raises(StoreError, match="changed by another program"):
        store.save()
    store.detach()


def test_document_details_are_saved_whole_at_once(saved: Path, schema: Schema) -> None:
    # a title or metadata change is no journal record: it is a checkpoint
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.set_document_info("عنوان تازه", {"source": "ایرنا"})
    assert not journal_path(saved).exists()
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["document"]["title"] == "عنوان تازه"
    assert data["document"]["metadata"] == {"source": "ایرنا"}
    crash(store)


def test_a_detached_store_writes_nothing_more(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    journal = journal_path(saved)
    written = journal.read_bytes()
    store.aset.add_span("actor", 5, 10)
    store.detach()  # twice is harmless
    assert journal.read_bytes() == written


def test_old_files_that_are_not_temporaries_of_this_file_are_left(saved: Path, schema: Schema) -> None:
    folder = saved.parent
    names = [
        f".{saved.name}.abc123.tmp",  # ours: removed
        f".{saved.name}.lock",  # the article's lock: same prefix, not a temporary
        ".other.annotations.json.x.tmp",  # another file's temporary
        "notes.tmp",
    ]
    for name in names:
        (folder / name).write_text("x")
        os.utime(folder / name, (1, 1))
    store, _ = AnnotationStore.open(saved, schema)
    assert sorted(p.name for p in folder.iterdir()) == sorted([saved.name, *names[1:]])
    store.detach()


def test_a_journal_that_cannot_be_opened_to_check_its_lock_is_not_taken_for_busy(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    expected = state(store.aset)
    crash(store)
    real_open = os.open

    def no_plain_read(path: object, flags: int, *args: int) -> int:
        if str(path).endswith(".journal") and flags == os.O_RDONLY:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", no_plain_read)
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected and recovery.edits == 1
    again.detach()


def test_opening_leaves_an_intact_journal_untouched(saved: Path, schema: Schema) -> None:
    # open writes only to repair: a journal without a torn or damaged end is not rewritten
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    journal = journal_path(saved)
    os.utime(journal, ns=(1_000_000_000, 1_000_000_000))
    before = journal.stat()
    again, recovery = AnnotationStore.open(saved, schema)
    assert recovery.edits == 1
    again.detach()
    after = journal.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)


def test_a_damaged_line_followed_by_a_torn_one_is_damage(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    journal = journal_path(saved)
    good = journal.read_bytes()
    journal.write_bytes(good + b"garbage\n{")
    again, recovery = AnnotationStore.open(saved, schema)
    assert recovery.edits == 1 and recovery.set_aside is not None
    assert "is damaged at line 3; the edits before it were recovered" in recovery.message
    assert journal.read_bytes() == good
    again.detach()


def test_a_file_that_is_not_a_journal_is_named_so(saved: Path, schema: Schema) -> None:
    journal_path(saved).write_text('{"seq": 1}\n', encoding="utf-8")
    store, recovery = AnnotationStore.open(saved, schema)
    assert recovery.set_aside is not None
    assert recovery.message == (
        "The journal of doc1.annotations.json is not a journal of this program; "
        f"it was not applied and is kept as {recovery.set_aside.name}."
    )
    store.detach()


def test_a_journal_killed_right_after_its_header_goes_on_from_record_1(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    crash(store)
    journal = journal_path(saved)
    journal.write_bytes(journal.read_bytes().splitlines(keepends=True)[0])  # the header alone
    again, recovery = AnnotationStore.open(saved, schema)
    assert (recovery.edits, recovery.message, recovery.set_aside) == (0, "", None)
    again.aset.add_span("actor", 5, 10)
    assert again.durable
    assert [json.loads(x)["seq"] for x in journal.read_bytes().splitlines()[1:]] == [1]
    expected = state(again.aset)
    crash(again)
    last, recovery = AnnotationStore.open(saved, schema)
    assert state(last.aset) == expected and recovery.edits == 1
    last.detach()


def test_sync_after_a_failed_fsync_cuts_every_line_of_the_block(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    aset = store.aset
    aset.add_span("location", 0, 3)  # acknowledged, before the block
    journal = journal_path(saved)
    before = journal.read_bytes()
    monkeypatch.setattr(os, "fsync", fail_with_eio)
    with store.sync_after():
        aset.add_span("actor", 5, 10)
        aset.add_span("actor", 12, 15)  # two unsynced lines
    monkeypatch.undo()
    assert not store.durable
    assert store.last_error == (
        f"Could not record the last edit in {journal}: Input/output error. Your work is kept in memory; "
        "save it in another folder (Save As)."
    )
    assert journal.read_bytes() == before  # neither line was acknowledged: both cut
    crash(store)


def fail_with_eio(*args: object) -> None:
    raise OSError(errno.EIO, "Input/output error")


def test_sync_after_a_failed_fsync_of_a_new_journal_leaves_no_journal(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    monkeypatch.setattr(os, "fsync", fail_with_eio)
    with store.sync_after():
        store.aset.add_span("location", 0, 3)  # creates the journal inside the block
    monkeypatch.undo()
    assert not store.durable and not journal_path(saved).exists()
    store.aset.add_span("actor", 5, 10)  # the disk is back: a full checkpoint
    assert store.durable
    expected = state(store.aset)
    crash(store)
    again, _ = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected
    again.detach()


def test_a_journal_appearing_after_a_failed_new_journal_was_removed_is_kept(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    monkeypatch.setattr(os, "fsync", fail_with_eio)
    with store.sync_after():
        store.aset.add_span("location", 0, 3)  # its new journal could not be synced: removed
    monkeypatch.undo()
    journal = journal_path(saved)
    foreign = b'{"format": "annotator/journal", "version": 1, "base_sha256": "0"}\n'
    journal.write_bytes(foreign)  # another (killed) window's, not held by anyone
    store.aset.add_span("actor", 5, 10)  # the disk is back: a full checkpoint
    assert store.durable and not journal.exists()
    kept = [p for p in saved.parent.iterdir() if ".unused-" in p.name]
    assert [p.read_bytes() for p in kept] == [foreign]  # set aside, never deleted as ours
    store.detach()


@pytest.mark.parametrize("new_journal", [False, True])
def test_sync_after_a_failed_fsync_whose_clean_up_fails_too_is_still_only_a_message(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch, new_journal: bool
) -> None:
    # the unsynced lines cannot be cut back (ftruncate fails) or the new journal holding
    # them cannot be removed (unlink fails): the key press still returns, the user is told
    store, _ = AnnotationStore.open(saved, schema)
    if not new_journal:
        store.aset.add_span("location", 0, 3)  # acknowledged: the journal exists before the block
    monkeypatch.setattr(os, "fsync", fail_with_eio)
    monkeypatch.setattr(os, "unlink" if new_journal else "ftruncate", fail_with_eio)
    with store.sync_after():
        store.aset.add_span("actor", 5, 10)
    monkeypatch.undo()
    journal = journal_path(saved)
    assert not store.durable and store.needs_checkpoint
    assert store.last_error == (
        f"Could not record the last edit in {journal}: Input/output error. Your work is kept in memory; "
        "save it in another folder (Save As)."
    )
    store.aset.set_note("s3" if new_journal else "s4", "یادداشت")  # the disk is back: a full checkpoint
    assert store.durable and not store.needs_checkpoint and store.last_error is None
    # the journal it could not remove was its own: removed now, not set aside as a stranger's
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]
    expected = state(store.aset)
    assert len(expected[1]) == (3 if new_journal else 4)
    crash(store)
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected and recovery.message == ""
    again.detach()


def test_sync_after_a_failed_fsync_keeps_what_earlier_blocks_acknowledged(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    with store.sync_after():
        store.aset.add_span("location", 0, 3)  # creates the journal; synced at the end
    acknowledged = state(store.aset)
    journal = journal_path(saved)
    before = journal.read_bytes()
    monkeypatch.setattr(os, "fsync", fail_with_eio)
    with store.sync_after():
        store.aset.add_span("actor", 5, 10)
    monkeypatch.undo()
    assert not store.durable and journal.read_bytes() == before
    crash(store)
    again, _ = AnnotationStore.open(saved, schema)
    assert state(again.aset) == acknowledged
    again.detach()


def test_sync_after_a_failed_save_says_so(
    tmp_path: Path, document: Document, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.annotations.json"
    store = AnnotationStore(AnnotationSet(document, "ali", schema), path)
    monkeypatch.setattr(os, "replace", fail_with_eio)
    with store.sync_after():
        store.aset.add_span("location", 0, 3)  # a first edit: a full save when the block ends
    monkeypatch.undo()
    assert not store.durable and not path.exists()
    assert (
        store.last_error
        == f"Could not save {path}: Input/output error. Your work is still open; save it in another folder (Save As)."
    )
    store.detach()


def test_sync_after_without_an_edit_syncs_nothing(saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)  # the journal is open
    synced = _fsync_spy(monkeypatch)
    with store.sync_after():
        pass  # a key press that changed nothing
    assert synced == []
    crash(store)


def test_sync_after_a_checkpointing_edit_then_a_journaled_one_saves_both(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    with store.sync_after():
        store.aset.set_document_info("عنوان تازه", {})  # a checkpoint, held to the end of the block
        store.aset.add_span("location", 0, 3)  # would be a journal line: the pending save covers it
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["document"]["title"] == "عنوان تازه" and "s3" in {s["id"] for s in data["spans"]}
    assert store.durable and not store.needs_checkpoint
    crash(store)


def test_saved_sha_is_the_files_sha256_only_while_memory_matches_it(saved: Path, schema: Schema) -> None:
    # what undo across documents compares: the file on disk is exactly what memory holds
    def file_sha() -> str:
        return hashlib.sha256(saved.read_bytes()).hexdigest()

    store, _ = AnnotationStore.open(saved, schema)
    assert store.saved_sha == file_sha()
    store.aset.add_span("location", 0, 3)  # journaled: the file is behind memory
    assert store.saved_sha is None
    store.save()
    assert not journal_path(saved).exists()
    assert store.saved_sha == file_sha()
    before = store.saved_sha
    store.aset.undo()
    assert store.saved_sha is None
    store.save()
    assert store.saved_sha == file_sha() != before
    store.close()
