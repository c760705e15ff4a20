"""An annotation file that is another document's is never re-anchored on opening without
the user's word (a new user's trial: article B's file copied beside article A was rewritten
as A's, every span moved to "unplaced", its id and title gone); the same document's text
edited slightly still re-anchors as before. Also: a store's guard (the window's lock taken
over), and Discard leaving no journal to report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.io import jsonformat
from annotator.io.article import ArticleOpening, open_article_store
from annotator.io.lock import ProjectLock
from annotator.io.store import AnnotationStore, ForeignFileError, StoreError, journal_path, set_aside_annotations
from annotator.model import AnnotationSet, Document, Schema

from .helpers import TEXT, snapshot

OTHER = "خبرگزاری‌ها گزارش دادند که رئیس‌جمهور فرانسه در پاریس با صدراعظم آلمان دیدار کرد."


def test_another_articles_file_is_left_as_it_is(tmp_path: Path, saved: Path, schema: Schema) -> None:
    (tmp_path / "a.txt").write_text(OTHER, encoding="utf-8")
    shutil.copy(saved, tmp_path / "a.annotations.json")  # doc1's file beside article a
    before = snapshot(tmp_path)
    with pytest.raises(ForeignFileError) as caught:
        open_article_store(tmp_path / "a.txt")
    assert str(caught.value) == (
        f"{tmp_path / 'a.annotations.json'}: this annotation file is for document doc1 «نمونه», not a; "
        "it was left as it is"
    )
    assert (caught.value.placed, caught.value.total, caught.value.other) == (0, 2, "doc1 «نمونه»")
    assert snapshot(tmp_path) == before  # nothing written, moved or created


def test_a_journal_beside_another_documents_file_is_not_touched(tmp_path: Path, saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", TEXT.index("تهران"), TEXT.index("تهران") + 5)
    store.detach()  # a crash: the edit only in the journal
    with (journal_path(saved)).open("ab") as journal:
        journal.write(b'{"seq": 9, "spa')  # and a torn last line, which opening would cut off
    before = snapshot(tmp_path)
    with pytest.raises(ForeignFileError):
        AnnotationStore.open(saved, schema, Document("other", OTHER, "دیگر"))
    assert snapshot(tmp_path) == before


def test_reanchor_anyway_is_the_users_choice(tmp_path: Path, saved: Path, schema: Schema) -> None:
    (tmp_path / "a.txt").write_text(OTHER, encoding="utf-8")
    target = tmp_path / "a.annotations.json"
    shutil.copy(saved, target)
    store, message = ArticleOpening.start(tmp_path / "a.txt").finish("", foreign="reanchor")
    assert "2 could not be placed" in message
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["document"]["id"] == "a" and len(data["unplaced"]["spans"]) == 2
    store.detach()


def test_keeping_it_aside_renames_it_and_its_journal(tmp_path: Path, saved: Path, schema: Schema) -> None:
    content = saved.read_bytes()
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    store.detach()
    journal = journal_path(saved).read_bytes()
    aside = set_aside_annotations(saved)
    assert not saved.exists() and not journal_path(saved).exists()
    assert aside.read_bytes() == content and aside.name.startswith("doc1.annotations.json.unused-")
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("doc1.annotations.json.journal.unused-")]
    assert [p.read_bytes() for p in kept] == [journal]


def test_the_same_text_edited_slightly_is_reanchored_without_asking(saved: Path, schema: Schema) -> None:
    edited = "خبر فوری: " + TEXT.replace("سخنگوی دولت", "سخنگوی کابینه")
    store, recovery = AnnotationStore.open(saved, schema, Document("doc1", edited, "نمونه"))
    assert recovery.reanchored == 2 and recovery.unplaced == 0
    assert json.loads(saved.read_text(encoding="utf-8"))["document"]["text_sha256"] == store.aset.document.sha256
    store.detach()


def test_a_renamed_and_edited_article_is_reanchored_without_asking(tmp_path: Path, saved: Path) -> None:
    """Article mode: the id is the file's name, so a renamed article's file names another
    id; its spans still fit the (slightly edited) text, so it is the same article."""
    (tmp_path / "renamed.txt").write_text(TEXT.replace("هفته آینده", "ماه آینده"), encoding="utf-8")
    shutil.copy(saved, tmp_path / "renamed.annotations.json")
    store, message = open_article_store(tmp_path / "renamed.txt")
    assert "2 spans were placed" in message and store.aset.span_count() == 2
    store.detach()


def test_in_a_project_another_id_is_another_documents_file(saved: Path, schema: Schema) -> None:
    """Projects name files by document id: one naming another id is refused even when its
    spans would fit (two near-identical articles)."""
    edited = TEXT.replace("هفته آینده", "ماه آینده")
    with pytest.raises(ForeignFileError, match="is for document doc1 «نمونه», not doc2 «دو»"):
        AnnotationStore.open(saved, schema, Document("doc2", edited, "دو"), same_id=True)
    store, _ = AnnotationStore.open(saved, schema, Document("doc1", edited, "نمونه"), same_id=True)
    assert store.aset.span_count() == 2
    store.detach()


def test_the_same_id_with_most_spans_unplaceable_asks_too(saved: Path, schema: Schema) -> None:
    before = saved.read_bytes()
    with pytest.raises(ForeignFileError, match=r"only 0 of 2 spans could be placed on it; it was left as it is"):
        AnnotationStore.open(saved, schema, Document("doc1", OTHER, "نمونه"))
    assert saved.read_bytes() == before and not journal_path(saved).exists()


def test_a_store_whose_guard_says_no_writes_nothing(saved: Path, schema: Schema) -> None:
    before = saved.read_bytes()
    store, _ = AnnotationStore.open(saved, schema)
    store.guard = lambda: "another window took this file over"
    store.aset.add_span("location", 0, 3)
    assert not store.durable and "another window took this file over" in (store.last_error or "")
    assert not journal_path(saved).exists()
    with pytest.raises(StoreError, match="took this file over"):
        store.save()
    assert saved.read_bytes() == before
    store.detach()


def test_a_journal_is_not_started_on_a_file_rewritten_meanwhile(saved: Path, schema: Schema) -> None:
    a, _ = AnnotationStore.open(saved, schema)
    b, _ = AnnotationStore.open(saved, schema)
    b.aset.add_span("actor", 5, 10)
    b.save()  # b's edit is in the file now
    after_b = saved.read_bytes()
    a.aset.add_span("location", 0, 3)  # said at the edit, not at a checkpoint later
    assert not a.durable and "was changed by another program or window" in (a.last_error or "")
    assert saved.read_bytes() == after_b and not journal_path(saved).exists()
    a.detach()
    b.detach()


def test_discard_leaves_no_journal_to_report(saved: Path, schema: Schema) -> None:
    store, _ = AnnotationStore.open(saved, schema)
    store.aset.add_span("location", 0, 3)
    kept = store.discard()
    assert kept is not None and kept.name.startswith("doc1.annotations.json.journal.discarded-")
    assert not journal_path(saved).exists()
    again, recovery = AnnotationStore.open(saved, schema)
    assert recovery.message == "" and again.aset.span_count() == 2
    again.detach()


def test_a_lock_taken_over_says_by_whom(tmp_path: Path) -> None:
    first = ProjectLock.for_file(tmp_path / "a.annotations.json", "bita")
    first.acquire()
    assert first.taken_over() is None
    second = ProjectLock.for_file(tmp_path / "a.annotations.json", "bita")
    second.acquire(force=True)
    holder = first.taken_over()
    assert holder is not None and holder.annotator == "bita"
    assert second.taken_over() is None
    second.release()
    assert first.taken_over() is None  # nobody holds it now


def test_a_file_saved_by_another_program_is_still_loaded_strictly(saved: Path, schema: Schema) -> None:
    """jsonformat.load (validate, scripts) is unchanged: it reads the file as it is."""
    aset = jsonformat.load(saved, schema)
    assert isinstance(aset, AnnotationSet) and aset.document.id == "doc1"
