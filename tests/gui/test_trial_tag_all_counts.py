"""Trial: before tagging every hit across the project, Tag all's question counted all hits,
though some were coded with that label already; how many was said only after tagging.
Now the question says how many will be new, in how many documents, and how many are
already tagged (with the label; with another, left unless ticked), and the report after
tagging gives the same figures. On Fars News articles, as the coder codes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.io.project import Project

from .conftest import double_click_word, open_in_window, type_text
from .test_project_window import answer_tag_question


def test_the_project_question_counts_what_is_new_and_what_is_coded(
    qtbot: Any, tmp_path: Path, corpora: Path
) -> None:
    articles = json.loads((corpora / "news" / "fars-news-2.json").read_text(encoding="utf-8"))[:40]
    (tmp_path / "fars.json").write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "p")
    assert not project.import_sources([tmp_path / "fars.json"], normalize=False).problems
    hits = project.search("ایران", whole_words=True)
    by_document: dict[str, list[Any]] = {}
    for hit in hits:
        by_document.setdefault(hit.document_id, []).append(hit)
    # sara coded two of a document's hits last week: one a location, one an actor
    saved_doc = next(d for d, found in by_document.items() if len(found) >= 2)
    aset = project.load_annotations(saved_doc, "sara")
    aset.add_span("location", by_document[saved_doc][0].start, by_document[saved_doc][0].end)
    aset.add_span("actor", by_document[saved_doc][1].start, by_document[saved_doc][1].end)
    project.save_annotations(aset)

    window = open_in_window(qtbot, root, annotator="sara", size=(1200, 800))
    assert window.session is not None
    # and now tags one in the document open before her, by hand: an actor
    open_doc = next(d for d in by_document if d != saved_doc)
    assert window.session.open_document(open_doc)
    double_click_word(qtbot, window.view, by_document[open_doc][0].start + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.annotations is not None
    assert [(s.label, s.start) for s in window.annotations.spans()] == [("actor", by_document[open_doc][0].start)]

    window.searching.show(True)
    type_text(window.search.query, "ایران")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    window.search.label_box.setCurrentIndex(window.search.label_box.findData("location"))
    asked: list[str] = []
    answer_tag_question(qtbot, asked)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    fresh = len(hits) - 3
    documents = sum(1 for d, found in by_document.items() if len(found) - (d == open_doc) - 2 * (d == saved_doc) > 0)
    assert fresh > 10 and documents > 5
    assert asked == [
        f"Tag {fresh} results as “Location” in {documents} documents? | 1 result already has the label"
        " “Location”: not tagged twice. 2 results have another label: left as they are unless you tick the box"
        " below. | Also tag those already tagged with another label (2)"
    ]
    # the report after tagging: the same figures
    assert window.last_message == (
        f"Spans added: {fresh}, in {documents} documents; already tagged with another label, left as they are: 2"
    )
    window.checkpoint()
    window.close()
    on_disk = [
        (path.stem, span["label"], span["start"])
        for path in (root / "annotations" / "sara").glob("*.json")
        for span in json.loads(path.read_text(encoding="utf-8"))["spans"]
    ]
    assert sum(label == "location" for _d, label, _s in on_disk) == fresh + 1
    assert sorted((d, s) for d, label, s in on_disk if label == "actor") == sorted(
        [(saved_doc, by_document[saved_doc][1].start), (open_doc, by_document[open_doc][0].start)]
    )
