"""AnnotationStore.take_in_disk_changes and io/disk_merge.py: an open store whose file
another program replaced (a synced folder) takes that program's changes in, keeps its own,
and writes both (trial 5, item 1)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from annotator.io.store import AnnotationStore
from annotator.model import AnnotationSet, Document
from annotator.model.annotation_set import Status
from annotator.model.schema import default_schema

TEXT = "وزیر خارجه در تهران گفت مذاکرات ادامه دارد و سخنگوی دولت در مشهد هشدار داد."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def new_store(tmp_path: Path) -> tuple[AnnotationStore, Path]:
    path = tmp_path / "a.annotations.json"
    schema = default_schema()
    store = AnnotationStore(AnnotationSet(Document("a", TEXT), "maryam", schema), path)
    aset = store.aset
    s1 = aset.add_span("actor", *at("وزیر خارجه"))
    c1 = aset.add_span("claim", *at("مذاکرات ادامه دارد"))
    aset.add_relation("claimed_by", c1.id, s1.id)
    aset.set_note(s1.id, "base note")
    store.save()
    return store, path


def rewrite(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    tmp = path.with_name("sync.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def spans_of(path: Path) -> list[tuple[str, str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return sorted((s["label"], s["text"], s["note"]) for s in data["spans"])


def test_nothing_changed_on_disk_is_nothing_to_take_in(tmp_path: Path) -> None:
    store, path = new_store(tmp_path)
    before = path.read_bytes()
    assert store.take_in_disk_changes() is None
    os.utime(path, None)  # a sync client touching the file: the same bytes
    assert store.take_in_disk_changes() is None
    assert path.read_bytes() == before


def test_their_added_span_and_relation_come_in_beside_ours(tmp_path: Path) -> None:
    store, path = new_store(tmp_path)
    aset = store.aset
    mine = aset.add_span("location", *at("مشهد"))  # s3 here: journaled, not yet in the file
    assert mine.id == "s3"

    def theirs(data: dict[str, Any]) -> None:
        start, end = at("سخنگوی دولت")
        data["spans"].append({"id": "s3", "label": "actor", "start": start, "end": end, "text": "سخنگوی دولت",
                              "attributes": {}, "note": "laptop"})  # fmt: skip
        data["spans"].append({"id": "s4", "label": "claim", "start": at("هشدار")[0], "end": at("هشدار")[1],
                              "text": "هشدار", "attributes": {"position": "opposes"}, "note": ""})  # fmt: skip
        data["relations"].append({"id": "r2", "type": "claimed_by", "from": "s4", "to": "s3"})

    rewrite(path, theirs)
    merge = store.take_in_disk_changes()
    assert merge is not None and (merge.added, merge.removed, merge.changed, merge.relations) == (2, 0, 0, 1)
    assert spans_of(path) == sorted([
        ("actor", "وزیر خارجه", "base note"), ("claim", "مذاکرات ادامه دارد", ""), ("location", "مشهد", ""),
        ("actor", "سخنگوی دولت", "laptop"), ("claim", "هشدار", ""),
    ])  # fmt: skip
    data = json.loads(path.read_text(encoding="utf-8"))
    by_id = {s["id"]: s["text"] for s in data["spans"]}
    assert len(by_id) == 5  # their s3 got another id: ours is s3
    assert sorted((by_id[r["from"]], by_id[r["to"]]) for r in data["relations"]) == [
        ("مذاکرات ادامه دارد", "وزیر خارجه"), ("هشدار", "سخنگوی دولت")
    ]  # fmt: skip
    assert not Path(str(path) + ".journal").exists()
    store.aset.undo()  # their changes are one step
    store.save()
    assert ("actor", "سخنگوی دولت", "laptop") not in spans_of(path)
    assert ("location", "مشهد", "") in spans_of(path)


def test_removed_and_changed_there_unless_changed_here(tmp_path: Path) -> None:
    store, path = new_store(tmp_path)
    claim = next(s for s in store.aset.spans() if s.label == "claim")
    store.aset.set_note(claim.id, "mine")  # changed here: kept over theirs

    def theirs(data: dict[str, Any]) -> None:
        for span in data["spans"]:
            if span["label"] == "actor":
                span["note"] = "their note"  # changed there only: taken
            else:
                span["note"] = "theirs"
        data["status"] = Status.DONE.value

    rewrite(path, theirs)
    merge = store.take_in_disk_changes()
    assert merge is not None and merge.changed == 1 and merge.kept_ours == 1 and merge.status
    assert spans_of(path) == [("actor", "وزیر خارجه", "their note"), ("claim", "مذاکرات ادامه دارد", "mine")]
    assert json.loads(path.read_text(encoding="utf-8"))["status"] == "done"

    def removed(data: dict[str, Any]) -> None:
        data["spans"] = [s for s in data["spans"] if s["label"] != "actor"]
        data["relations"] = []

    rewrite(path, removed)
    merge = store.take_in_disk_changes()
    assert merge is not None and merge.removed == 1
    assert spans_of(path) == [("claim", "مذاکرات ادامه دارد", "mine")]
    assert json.loads(path.read_text(encoding="utf-8"))["relations"] == []


def test_a_damaged_or_foreign_file_is_not_taken_in_nor_overwritten(tmp_path: Path) -> None:
    store, path = new_store(tmp_path)
    path.write_text("{ half a file", encoding="utf-8")
    assert store.take_in_disk_changes() is None
    assert path.read_text(encoding="utf-8") == "{ half a file"


def test_a_journal_whose_file_was_replaced_before_replay_is_merged_with_it(tmp_path: Path) -> None:
    """Killed with edits only in the journal; then a synced folder replaced the file with
    the other computer's version (trial 5, item 2): reopening kept neither the journal's
    edits (set aside as `.unused`): now both are in the file."""
    store, path = new_store(tmp_path)
    schema, document = store.aset.schema, store.aset.document
    mine = store.aset.add_span("location", *at("مشهد"))  # journaled
    store.aset.set_note(mine.id, "journaled")
    store.detach()  # killed
    assert Path(str(path) + ".journal").exists()

    def theirs(data: dict[str, Any]) -> None:
        start, end = at("تهران")
        data["spans"].append({"id": "s3", "label": "location", "start": start, "end": end, "text": "تهران",
                              "attributes": {}, "note": "laptop"})  # fmt: skip

    rewrite(path, theirs)
    reopened, recovery = AnnotationStore.open(path, schema, document)
    assert recovery.edits == 2 and "replaced meanwhile" in recovery.message, recovery.message
    expected = sorted([
        ("actor", "وزیر خارجه", "base note"), ("claim", "مذاکرات ادامه دارد", ""),
        ("location", "مشهد", "journaled"), ("location", "تهران", "laptop"),
    ])  # fmt: skip
    assert sorted((s.label, s.text, s.note) for s in reopened.aset.spans()) == expected
    assert spans_of(path) == expected  # written at once: a second kill loses nothing
    assert not Path(str(path) + ".journal").exists()
    assert not (tmp_path / ".a.annotations.json.base.journal").exists()
    reopened.close()
    again, recovery = AnnotationStore.open(path, schema, document)
    assert recovery.edits == 0 and spans_of(path) == expected
    again.close()


def test_the_base_link_lives_as_long_as_the_journal(tmp_path: Path) -> None:
    store, path = new_store(tmp_path)
    base = tmp_path / ".a.annotations.json.base.journal"
    assert not base.exists()
    store.aset.add_span("location", *at("مشهد"))  # a journal starts on the saved file
    assert base.exists() and base.read_bytes() == path.read_bytes()
    store.save()
    assert not base.exists() and not Path(str(path) + ".journal").exists()


def _kept_copies(tmp_path: Path) -> list[Path]:
    return sorted(tmp_path.glob("a.annotations.json.other-*"))


def test_the_other_version_is_kept_whole_when_both_changed_a_span(tmp_path: Path) -> None:
    """Where both computers changed one span, ours is kept in the file: the other
    computer's version was then written over and lost. It is kept whole beside the file
    first, under a name no project reads as annotations, and only then."""
    store, path = new_store(tmp_path)
    claim = next(s for s in store.aset.spans() if s.label == "claim")
    store.aset.set_note(claim.id, "mine")

    def theirs(data: dict[str, Any]) -> None:
        for span in data["spans"]:
            span["note"] = "theirs"

    rewrite(path, theirs)
    their_bytes = path.read_bytes()
    merge = store.take_in_disk_changes()
    assert merge is not None and merge.kept_ours == 1
    [kept] = _kept_copies(tmp_path)
    assert merge.kept_as == kept.name and kept.read_bytes() == their_bytes
    assert spans_of(path) == [("actor", "وزیر خارجه", "theirs"), ("claim", "مذاکرات ادامه دارد", "mine")]

    rewrite(path, lambda data: data["spans"][0].update(note="no conflict"))  # changed there only
    merge = store.take_in_disk_changes()
    assert merge is not None and merge.kept_ours == 0 and merge.kept_as == ""
    assert len(_kept_copies(tmp_path)) == 1  # nothing of theirs was dropped: no copy


def test_a_conflict_that_cannot_keep_the_other_version_is_not_taken_in(tmp_path: Path, monkeypatch: Any) -> None:
    import annotator.io.store as store_module

    store, path = new_store(tmp_path)
    claim = next(s for s in store.aset.spans() if s.label == "claim")
    store.aset.set_note(claim.id, "mine")
    rewrite(path, lambda data: [span.update(note="theirs") for span in data["spans"]])
    their_bytes = path.read_bytes()

    def full_disk(path: Path, content: bytes, tag: str) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module, "_keep_copy", full_disk)
    assert store.take_in_disk_changes() is None
    assert path.read_bytes() == their_bytes  # neither taken in nor written over
    assert store.aset.span(claim.id).note == "mine"


def test_a_journal_merged_with_a_replaced_file_keeps_the_other_version_of_a_conflict(tmp_path: Path) -> None:
    store, path = new_store(tmp_path)
    schema, document = store.aset.schema, store.aset.document
    claim = next(s for s in store.aset.spans() if s.label == "claim")
    store.aset.set_note(claim.id, "journaled")
    store.detach()  # killed, the edit only in the journal

    rewrite(path, lambda data: [span.update(note="laptop") for span in data["spans"] if span["label"] == "claim"])
    their_bytes = path.read_bytes()
    reopened, recovery = AnnotationStore.open(path, schema, document)
    [kept] = _kept_copies(tmp_path)
    assert kept.read_bytes() == their_bytes
    assert f"the other version is kept as {kept.name}" in recovery.message, recovery.message
    assert ("claim", "مذاکرات ادامه دارد", "journaled") in spans_of(path)
    reopened.close()
