"""Trial: Tag all wrote into documents the coder had marked done (Ctrl+Return), without a
word: "Tag 349 results as "Location" in 91 documents?", and fars_001, done, gained a span.
Now the question says how many documents marked done hold results (and how many results),
leaves them as they are unless a box is ticked, and the report says how many were left;
in the open article, a document marked done is read-only (Tag all is refused). And when every
hit already has another label, the question said «۰ نتیجه در ۰ سند … برچسب بخورد؟» with
Yes: now it says nothing will be tagged unless a box is ticked, and Yes waits for the tick."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.io.project import Project
from annotator.ui.tag_all_question import TagAllQuestion

from .conftest import open_in_window, type_text
from .test_project_window import annotation_file, answer_tag_question, make_project

CTRL = Qt.KeyboardModifier.ControlModifier


def spans_of(path: Path) -> list[tuple[str, int, int]]:
    return sorted((s["label"], s["start"], s["end"]) for s in json.loads(path.read_text(encoding="utf-8"))["spans"])


def search_and_tag(qtbot: Any, window: Any, query: str, project_wide: bool = True) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier if project_wide else CTRL)
    type_text(window.search.query, query)
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    window.search.label_box.setCurrentIndex(window.search.label_box.findData("location"))
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)


def answer_return_then_escape(qtbot: Any, seen: list[str]) -> None:
    """Press Return on the next Tag all question (noting whether that closed it), then Escape."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, TagAllQuestion):
            QTimer.singleShot(20, press)
            return
        seen.append(box.headline.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)
        seen.append("still open" if box.isVisible() else "closed")
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, press)


def test_tag_all_leaves_documents_marked_done_unless_ticked(qtbot: Any, tmp_path: Path, corpora: Path) -> None:
    articles = json.loads((corpora / "news" / "fars-news-2.json").read_text(encoding="utf-8"))[:30]
    (tmp_path / "fars.json").write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "p")
    assert not project.import_sources([tmp_path / "fars.json"], normalize=False).problems
    by_document: dict[str, list[tuple[int, int]]] = {}
    for hit in project.search("ایران", whole_words=True):
        by_document.setdefault(hit.document_id, []).append((hit.start, hit.end))
    with_hits = list(by_document)
    assert len(with_hits) >= 5
    # yesterday sara finished one document (its file says done; one hit an actor)
    finished = next(d for d in with_hits[1:] if len(by_document[d]) >= 2)
    aset = project.load_annotations(finished, "sara")
    aset.add_span("actor", *by_document[finished][0])
    project.save_annotations(aset)
    project.set_status(finished, "sara", "done")
    finished_bytes = (root / "annotations" / "sara" / f"{finished}.json").read_bytes()

    window = open_in_window(qtbot, root, annotator="sara", size=(1200, 800))
    assert window.session is not None
    # today she opens another and marks it done with Ctrl+Return, as the trial did
    today = with_hits[0]
    assert window.session.open_document(today)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert json.loads((root / "annotations" / "sara" / f"{today}.json").read_text(encoding="utf-8"))["status"] == "done"

    asked: list[str] = []
    answer_tag_question(qtbot, asked)
    search_and_tag(qtbot, window, "ایران")
    in_done = len(by_document[today]) + len(by_document[finished]) - 1
    fresh = sum(len(r) for r in by_document.values()) - in_done - 1
    documents = len(by_document) - 2
    assert asked == [
        f"Tag {fresh} results as “Location” in {documents} documents? | 2 documents you marked done have"
        f" {in_done} results: left as they are unless you tick the box below."
        " | Also tag in the documents marked done (2)"
    ]
    assert window.last_message == (
        f"Spans added: {fresh}, in {documents} documents; in documents marked done, left as they are:"
        f" {in_done} (2 documents)"
    )
    window.checkpoint()
    # the documents marked done are as she left them, on disk and in the window
    assert (root / "annotations" / "sara" / f"{finished}.json").read_bytes() == finished_bytes
    assert spans_of(root / "annotations" / "sara" / f"{today}.json") == []
    assert window.annotations is not None and window.annotations.spans() == []
    for doc_id in set(with_hits) - {today, finished}:
        assert spans_of(root / "annotations" / "sara" / f"{doc_id}.json") == sorted(
            ("location", s, e) for s, e in by_document[doc_id]
        )

    # again, ticking "also the documents marked done": they are tagged and stay done
    window.search.label_box.setCurrentIndex(window.search.label_box.findData("location"))
    answer_tag_question(qtbot, asked, tick_done=True)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert asked[1:] == [
        "Nothing will be tagged “Location” unless you tick a box below. | "
        f"{fresh} results already have the label “Location”: not tagged twice. 2 documents you marked done have"
        f" {in_done} results: left as they are unless you tick the box below."
        " | Also tag in the documents marked done (2) [Yes disabled]",
        f"Tag {in_done} results as “Location” in 2 documents? | {fresh} results already have the label"
        " “Location”: not tagged twice. 1 result has another label: left as it is unless you tick the box below."
        " | Also tag those already tagged with another label (1) / Also tag in the documents marked done (2)",
    ]
    assert window.last_message == (
        f"Spans added: {in_done}, in 2 documents; already tagged with another label, left as they are: 1"
    )
    window.checkpoint()
    window.close()
    for doc_id in (today, finished):
        saved = json.loads((root / "annotations" / "sara" / f"{doc_id}.json").read_text(encoding="utf-8"))
        assert saved["status"] == "done"
        assert sorted((s["start"], s["end"]) for s in saved["spans"] if s["label"] == "location") == sorted(
            r for r in by_document[doc_id] if (doc_id, r) != (finished, by_document[finished][0])
        )


def test_every_hit_with_another_label_yes_waits_for_the_tick(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    gaza = next(d for d in window.session.project.document_ids() if "gaza" in d)
    assert window.session.open_document(gaza)
    aset = window.annotations
    assert aset is not None
    both = [aset.text.index("آمریکا"), aset.text.rindex("آمریکا")]
    for start in both:  # by hand, each آمریکا an actor
        window.view.select_range(start, start + len("آمریکا"))
        qtbot.keyClick(window.view, Qt.Key.Key_1)
    window.checkpoint()
    before = (root / "annotations" / "anonymous" / f"{gaza}.json").read_bytes()
    seen: list[str] = []
    answer_return_then_escape(qtbot, seen)
    search_and_tag(qtbot, window, "آمریکا")
    assert seen == ["Nothing will be tagged “Location” unless you tick a box below.", "still open"]
    window.checkpoint()
    assert (root / "annotations" / "anonymous" / f"{gaza}.json").read_bytes() == before

    # in Persian: one sentence each, the count inside it, never a number alone
    window.set_language("fa")
    window.search.label_box.setCurrentIndex(window.search.label_box.findData("location"))
    asked: list[str] = []
    answer_tag_question(qtbot, asked, tick=True)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert asked == [
        "هیچ نتیجه‌ای برچسب «مکان» نمی‌خورد مگر گزینه‌ای را در زیر تیک بزنید. | ۲ نتیجه برچسب دیگری دارد:"
        " دست‌نخورده می‌ماند مگر گزینهٔ زیر را تیک بزنید. | آن‌هایی را هم که برچسب دیگری دارند برچسب بزن (۲)"
        " [Yes disabled]",
        "۲ نتیجه در ۱ سند به‌عنوان «مکان» برچسب بخورد؟ |  | آن‌هایی را هم که برچسب دیگری دارند برچسب بزن (۲)",
    ]
    window.set_language("en")
    window.checkpoint()
    window.close()
    assert sorted((s["label"], s["start"]) for s in annotation_file(root, gaza)["spans"]) == sorted(
        [("actor", both[0]), ("actor", both[1]), ("location", both[0]), ("location", both[1])]
    )


def test_tag_all_in_an_article_marked_done_is_refused_until_reopened(qtbot: Any, tmp_path: Path) -> None:
    """A document marked done is read-only in the window (test_done_is_read_only): the
    article's Tag all is refused at once, saying how to reopen it (it used to ask, with a
    box to tick); reopened, it tags as usual."""
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    gaza = next(d for d in window.session.project.document_ids() if "gaza" in d)
    assert window.session.open_document(gaza)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)  # done
    path = root / "annotations" / "anonymous" / f"{gaza}.json"
    before = path.read_bytes()
    assert json.loads(before)["status"] == "done"
    search_and_tag(qtbot, window, "آمریکا", project_wide=False)  # no question comes
    assert window.last_message == "This document is marked done: Ctrl+Return reopens it for editing"
    window.checkpoint()
    assert path.read_bytes() == before
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)  # reopened
    asked: list[str] = []
    answer_tag_question(qtbot, asked)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert asked == ["Tag 2 results as “Location” in this article? |  | "]
    assert window.last_message == "Spans added: 2"
    window.checkpoint()
    window.close()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["status"] == "in_progress" and [s["label"] for s in saved["spans"]] == ["location", "location"]
