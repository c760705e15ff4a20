"""Disk trouble: a read-only folder or a full disk gives a clear message; nothing is lost."""

from __future__ import annotations

import errno
import os
import pickle
from pathlib import Path

import pytest

from annotator.io import jsonformat
from annotator.io import store as store_module
from annotator.io.store import AnnotationStore, StoreError, describe_os_error, journal_path
from annotator.model import Document, Schema, Status

from .helpers import TEXT, state


def fail_with(code: int):  # type: ignore[no-untyped-def]
    def raiser(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return raiser


def test_full_disk_while_journaling_warns_and_keeps_the_work(
    saved: Path, schema: Schema, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    assert store.durable
    journal_before = journal_path(saved).read_bytes()

    monkeypatch.setattr(store_module, "_write_all", fail_with(errno.ENOSPC))
    monkeypatch.setattr(os, "replace", fail_with(errno.ENOSPC))
    store.aset.add_span("actor", 5, 10)  # the edit itself succeeds, in memory
    assert store.aset.has_span("s4")
    assert not store.durable
    assert store.last_error is not None and "the disk is full" in store.last_error
    assert "Save As" in store.last_error
    assert journal_path(saved).read_bytes() == journal_before  # no half line left behind
    store.aset.set_status(Status.DONE)  # more edits: still in memory, still not durable
    assert not store.durable

    with pytest.raises(OSError):
        store.save()
    assert store.last_error is not None and str(saved) in store.last_error
    expected = state(store.aset)

    monkeypatch.undo()  # elsewhere there is room
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "copy.annotations.json"
    store.save_as(target)
    assert store.path == target and store.durable and store.last_error is None
    assert state(jsonformat.load(target, schema)) == expected
    store.aset.remove_span("s4")  # and work goes on there, journaled
    assert journal_path(target).exists()
    expected = state(store.aset)
    store.detach()
    again, recovery = AnnotationStore.open(target, schema)
    assert state(again.aset) == expected and recovery.edits == 1
    again.detach()
    # the old place still holds what was acknowledged there
    old, _ = AnnotationStore.open(saved, schema)
    assert old.aset.has_span("s3") and not old.aset.has_span("s4")
    old.detach()


def test_read_only_folder_on_save_is_a_clear_message(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    original = saved.read_bytes()
    monkeypatch.setattr(os, "replace", fail_with(errno.EROFS))
    with pytest.raises(OSError) as info:
        store.save()
    assert info.value.errno == errno.EROFS
    assert store.last_error == (
        f"Could not save {saved}: the folder is read-only. Your work is still open; "
        "save it in another folder (Save As)."
    )
    assert saved.read_bytes() == original
    assert store.aset.has_span("s3") and store.needs_checkpoint
    assert store.durable  # the journal still holds the edit
    assert not [p for p in saved.parent.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    store.close()
    assert jsonformat.load(saved, schema).has_span("s3")


def test_durability_comes_back_when_the_disk_does(saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    monkeypatch.setattr(store_module, "_write_all", fail_with(errno.ENOSPC))
    store.aset.add_span("location", 0, 3)
    assert not store.durable
    monkeypatch.undo()
    store.aset.add_span("actor", 5, 10)  # a full checkpoint catches up everything
    assert store.durable and store.last_error is None
    expected = state(store.aset)
    store.detach()
    again, _ = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected
    again.detach()


def test_save_as_into_a_read_only_place_fails_clearly(
    saved: Path, schema: Schema, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    monkeypatch.setattr(os, "replace", fail_with(errno.EACCES))
    target = tmp_path / "ro" / "x.annotations.json"
    target.parent.mkdir()
    with pytest.raises(OSError):
        store.save_as(target)
    assert store.path == saved
    assert store.last_error is not None and "permission denied" in store.last_error
    monkeypatch.undo()
    store.close()


def test_close_that_cannot_save_keeps_the_store_open(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    monkeypatch.setattr(os, "replace", fail_with(errno.ENOSPC))
    with pytest.raises(OSError):
        store.close()
    store.aset.add_span("actor", 5, 10)  # still listening: journaled
    monkeypatch.undo()
    store.close()
    loaded = jsonformat.load(saved, schema)
    assert loaded.has_span("s3") and loaded.has_span("s4")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_really_read_only_folder(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    store.save()
    saved.parent.chmod(0o555)
    try:
        store.aset.add_span("actor", 5, 10)
        assert not store.durable and store.last_error
        with pytest.raises(OSError):
            store.save()
    finally:
        saved.parent.chmod(0o755)
    store.close()


def test_os_errors_are_described_for_people() -> None:
    assert describe_os_error(OSError(errno.EROFS, "x")) == "the folder is read-only"
    assert describe_os_error(OSError(errno.ENOSPC, "x")) == "the disk is full"
    assert "permission denied" in describe_os_error(OSError(errno.EACCES, "x"))
    assert describe_os_error(OSError(errno.EIO, "Input/output error")) == "Input/output error"


def test_opening_in_a_read_only_folder_with_a_foreign_journal_still_opens(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_path(saved).write_text('{"format": "annotator/journal", "version": 1}\nx\n')
    monkeypatch.setattr(os, "replace", fail_with(errno.EROFS))
    store, recovery = AnnotationStore.open(saved, schema)
    assert recovery.set_aside is None and recovery.edits == 0
    assert recovery.message == (
        "The journal of doc1.annotations.json is not a journal of this program; it was not applied and is "
        "kept as doc1.annotations.json.journal. (doc1.annotations.json.journal could not be moved aside: "
        "the folder is read-only.)"
    )
    assert journal_path(saved).exists()
    store.detach()


def test_a_damaged_journal_that_cannot_be_copied_still_keeps_its_recovered_edits(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A bug mutation testing found: the copy of a journal damaged in the middle failed
    # (full disk), the store then started a fresh journal on the file at the next edit,
    # without the edits it had just replayed: a second crash lost them.
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    store.aset.add_span("actor", 5, 10)
    store.aset.add_span("actor", 12, 15)
    store.detach()
    journal = journal_path(saved)
    lines = journal.read_bytes().split(b"\n")
    lines[2] = b"garbage"
    damaged = b"\n".join(lines)
    journal.write_bytes(damaged)

    monkeypatch.setattr(Path, "write_bytes", fail_with(errno.ENOSPC))
    store, recovery = AnnotationStore.open(saved, schema)
    monkeypatch.undo()
    assert recovery.edits == 1 and recovery.set_aside is None
    assert recovery.message == (
        f"Recovered 1 edit to {saved.name} that had not been saved when the program last stopped. "
        f"The journal of {saved.name} is damaged at line 3; the edits before it were recovered. "
        f"({journal.name} could not be moved aside: the disk is full.)"
    )
    assert journal.read_bytes() == damaged  # left whole where it is
    store.aset.set_note("s3", "یادداشت")
    assert store.durable
    expected = state(store.aset)
    store.detach()  # a second crash

    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected
    assert recovery.message == ""
    kept = [p for p in saved.parent.iterdir() if p.name.startswith(journal.name + ".unused-")]
    assert [p.read_bytes() for p in kept] == [damaged]  # set aside by the checkpoint, whole
    again.detach()


def test_os_errors_are_described_exactly() -> None:
    assert describe_os_error(OSError(errno.EACCES, "x")) == "permission denied (the folder or file is read-only)"
    assert describe_os_error(OSError(errno.EPERM, "x")) == "permission denied (the folder or file is read-only)"
    assert describe_os_error(OSError(errno.EDQUOT, "x")) == "the disk is full"
    assert describe_os_error(OSError("a plain reason")) == "a plain reason"
    assert describe_os_error(OSError()) == "OSError"
    assert describe_os_error(FileNotFoundError()) == "FileNotFoundError"
    assert describe_os_error(StoreError("x.json: taken by another window.")) == "x.json: taken by another window"


def test_a_store_error_keeps_its_message_across_processes() -> None:
    # errors cross process boundaries pickled (an import's worker, a test runner)
    error = StoreError("x.annotations.json: the disk is full")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is StoreError and str(copy) == str(error) and copy.args == error.args


def test_short_writes_still_write_whole_lines(saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def a_few_bytes_at_a_time(fd: int, data: bytes) -> int:
        return real_write(fd, bytes(data[:7]))

    monkeypatch.setattr(os, "write", a_few_bytes_at_a_time)
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    store.aset.set_note("s3", "یادداشتی بلند برای آزمودن نوشتن‌های کوتاه")
    monkeypatch.undo()
    expected = state(store.aset)
    store.detach()
    again, recovery = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected and recovery.edits == 2 and recovery.set_aside is None
    again.detach()


@pytest.mark.parametrize("also_failing", ["ftruncate", "close"])
def test_disk_trouble_while_cleaning_up_is_still_only_a_message(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch, also_failing: str
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    monkeypatch.setattr(store_module, "_write_all", fail_with(errno.EIO))
    monkeypatch.setattr(os, also_failing, fail_with(errno.EIO))
    store.aset.add_span("actor", 5, 10)  # the append fails, and so does its clean-up
    assert not store.durable
    assert store.last_error == (
        f"Could not record the last edit in {journal_path(saved)}: Input/output error. Your work is kept "
        "in memory; save it in another folder (Save As)."
    )
    monkeypatch.undo()
    store.aset.set_status(Status.DONE)  # the disk is back: a full checkpoint
    assert store.durable
    expected = state(store.aset)
    store.detach()
    again, _ = AnnotationStore.open(saved, schema)
    assert state(again.aset) == expected
    again.detach()


@pytest.mark.parametrize("unlink_fails", [False, True])
def test_a_journal_header_that_cannot_be_written_is_only_a_message(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch, unlink_fails: bool
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    monkeypatch.setattr(store_module, "_write_all", fail_with(errno.ENOSPC))
    if unlink_fails:  # nor can the empty journal be removed
        monkeypatch.setattr(os, "unlink", fail_with(errno.EIO))
    store.aset.add_span("location", 0, 3)
    assert not store.durable
    assert journal_path(saved).exists() == unlink_fails
    assert store.last_error == (
        f"Could not record the last edit in {journal_path(saved)}: the disk is full. Your work is kept "
        "in memory; save it in another folder (Save As)."
    )
    monkeypatch.undo()
    store.aset.add_span("actor", 5, 10)  # a full checkpoint catches up
    assert store.durable
    store.close()
    assert jsonformat.load(saved, schema).has_span("s3")
    # the journal it could not remove was its own: removed at the checkpoint, not set aside
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]


@pytest.mark.parametrize("damage", ["torn tail", "damaged last line", "damaged middle", "torn header"])
def test_a_journal_that_cannot_be_cut_back_is_never_appended_to(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    # A bug mutation testing led to: when a torn or damaged journal could not be cut back
    # (an append-only file, `chattr +a`: appending works, truncating does not), the next
    # edit's line followed the fragment, and the next opening lost that acknowledged edit.
    store, _ = AnnotationStore.open(saved, schema)
    if damage != "torn header":
        store.aset.add_span("location", 0, 3)
        store.aset.add_span("actor", 12, 15)
    expected = state(store.aset)
    store.detach()
    journal = journal_path(saved)
    lines = journal.read_bytes().splitlines(keepends=True) if journal.exists() else []
    if damage == "torn tail":
        written = b"".join(lines) + b'{"seq": 3, "sp'
    elif damage == "damaged last line":
        written = b"".join(lines) + b"garbage\n"
    elif damage == "damaged middle":
        written = b"".join([*lines[:2], b"garbage\n", lines[2]])
    else:
        written = b'{"format": "annotator/jou'
    journal.write_bytes(written)
    monkeypatch.setattr(os, "truncate", fail_with(errno.EPERM))
    monkeypatch.setattr(os, "unlink", fail_with(errno.EPERM))
    again, _ = AnnotationStore.open(saved, schema)
    if damage == "damaged middle":
        assert sorted(s.id for s in again.aset.spans()) == ["s1", "s2", "s3"]  # the records before the damage
    else:
        assert state(again.aset) == expected
    assert journal.read_bytes() == written  # it could not be cut
    again.aset.add_span("actor", 5, 10)  # must not follow the fragment
    assert again.durable
    expected = state(again.aset)
    again.detach()
    monkeypatch.undo()
    last, _ = AnnotationStore.open(saved, schema)
    assert state(last.aset) == expected
    last.detach()


def test_a_temporary_that_cannot_be_removed_does_not_stop_opening(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = saved.parent / f".{saved.name}.abc123.tmp"
    old.write_text("half")
    os.utime(old, (1, 1))
    monkeypatch.setattr(os, "unlink", fail_with(errno.EROFS))
    store, recovery = AnnotationStore.open(saved, schema)
    assert recovery.message == "" and old.exists()
    store.detach()


def test_a_re_anchored_file_that_cannot_be_saved_checkpoints_at_the_next_edit(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_text = "خبر فوری: " + TEXT
    document = Document("doc1", new_text, "نمونه")
    monkeypatch.setattr(os, "replace", fail_with(errno.EROFS))
    store, recovery = AnnotationStore.open(saved, schema, document)
    assert not store.durable
    assert recovery.message == (
        "The text of نمونه has changed since it was annotated: 2 spans were placed on the new text. "
        f"Could not save {saved}: the folder is read-only. Your work is still open; save it in another "
        "folder (Save As)."
    )
    monkeypatch.undo()
    store.aset.add_span("location", 0, 3)  # a full checkpoint on the new text, never a journal line
    assert store.durable and not journal_path(saved).exists()
    expected = state(store.aset)
    store.detach()
    again, recovery = AnnotationStore.open(saved, schema, document)
    assert state(again.aset) == expected and recovery.message == ""
    again.detach()


def test_a_changed_file_that_cannot_even_be_read_is_not_overwritten(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    # after a re-anchored file could not be saved, the store does not know the file's
    # hash; a file replaced meanwhile by something it cannot read is still not overwritten
    monkeypatch.setattr(os, "replace", fail_with(errno.EROFS))
    store, _ = AnnotationStore.open(saved, schema, Document("doc1", "خبر فوری: " + TEXT, "نمونه"))
    monkeypatch.undo()
    saved.unlink()
    with open(saved, "wb") as f:  # someone else's file, too large to be an annotation file
        f.truncate(65 * 1024 * 1024)
    with pytest.raises(StoreError) as info:
        store.save()
    assert (
        str(info.value)
        == f"{saved} was changed by another program or window since it was opened; it is not overwritten"
    )
    assert saved.stat().st_size == 65 * 1024 * 1024
    store.detach()


def test_a_journal_that_cannot_be_closed_is_not_an_error(
    saved: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    written = journal_path(saved).read_bytes()
    monkeypatch.setattr(os, "close", fail_with(errno.EIO))
    store.detach()  # an I/O error closing the journal: its lines were fsynced already
    monkeypatch.undo()
    assert journal_path(saved).read_bytes() == written
