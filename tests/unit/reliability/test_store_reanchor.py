"""A store opened on a document whose text changed re-anchors, keeps the unplaced, says so."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.io import jsonformat
from annotator.io.store import AnnotationStore, journal_path
from annotator.model import Document, Schema

from .helpers import TEXT


def test_changed_text_reanchors_and_keeps_what_cannot_be_placed(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    tehran = TEXT.index("تهران")
    store.aset.add_span("location", tehran, tehran + 5)  # journaled, not yet checkpointed
    store.detach()
    new_text = "خبر فوری: " + TEXT.replace("مذاکرات ادامه دارد", "گفتگوها متوقف شد")
    document = Document("doc1", new_text, "نمونه")

    store, recovery = AnnotationStore.open(saved, schema, document)
    assert recovery.edits == 1
    assert recovery.reanchored == 2 and recovery.unplaced == 1
    assert "could not be placed" in recovery.message and "nothing was deleted" in recovery.message
    spans = store.aset.spans()
    assert {s.text for s in spans} == {"وزیر امور خارجه", "تهران"}
    assert all(new_text[s.start : s.end] == s.text for s in spans)
    assert [s.text for s in store.unplaced] == ["مذاکرات ادامه دارد"]
    assert [r.type for r in store.unplaced_relations] == ["claimed_by"]
    assert store.aset.relations() == []
    # checkpointed on the new text at once: the old journal does not mix with new edits
    assert not journal_path(saved).exists()
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["document"]["text_sha256"] == document.sha256
    assert data["unplaced"]["spans"][0]["text"] == "مذاکرات ادامه دارد"
    assert data["unplaced"]["spans"][0]["text_sha256"] != document.sha256
    store.aset.add_span("actor", 0, 3)
    store.detach()

    # the unplaced stay in the file through later sessions and checkpoints
    again, recovery = AnnotationStore.open(saved, schema, document)
    assert recovery.reanchored == 0 and recovery.edits == 1
    again.close()
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert len(data["unplaced"]["spans"]) == 1 and len(data["unplaced"]["relations"]) == 1
    assert jsonformat.load(saved, schema, document).span_count() == 3


def test_same_text_does_not_write(saved: Path, schema: Schema, document: Document) -> None:
    before = saved.stat().st_mtime_ns
    store, recovery = AnnotationStore.open(saved, schema, document)
    assert recovery.message == ""
    store.close()
    assert saved.stat().st_mtime_ns == before


def test_a_new_span_never_takes_the_id_of_an_unplaced_one(saved: Path, schema: Schema) -> None:
    document = Document("doc1", "خبر فوری: " + TEXT.replace("مذاکرات ادامه دارد", "گفتگوها متوقف شد"), "نمونه")
    store, recovery = AnnotationStore.open(saved, schema, document)
    assert recovery.unplaced == 1
    kept = {s.id for s in store.unplaced} | {r.id for r in store.unplaced_relations}
    new_span = store.aset.add_span("actor", 0, 3)
    assert new_span.id not in kept and new_span.id not in {s.id for s in store.aset.spans() if s is not new_span}
    store.close()
    reopened, _ = AnnotationStore.open(saved, schema, document)
    assert {s.id for s in reopened.unplaced} == {s.id for s in store.unplaced}
    reopened.detach()
