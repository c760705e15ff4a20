"""The window never grows past its size because of what a document holds: a long address
in the document's details, a claim's links in the inspector. And the note field shows the
current span's note, never the previous document's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.io.project import Project
from annotator.ui import MainWindow


def make_project(tmp_path: Path, annotator: str) -> Path:
    url = "https://www.farsnews.ir/news/13970506000631/" + "رودباری-رفت-پناهنده-سرپرست-شد-" * 6
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "news.json"
    articles = [
        {"title": "حمله به پایگاه", "text": "آمریکا گفت ایران مسئول حمله در سوریه است.", "url": url},
        {"title": "خبر دوم", "text": "متنی دیگر بدون هیچ بازه‌ای.", "url": url + "2"},
    ]
    source.write_text(json.dumps(articles, ensure_ascii=False), "utf-8")
    path = tmp_path / "proj"
    project = Project.create(path, "width")
    assert project.import_sources([source]).added
    doc = project.document_ids()[0]
    aset = project.load_annotations(doc, annotator)
    claim = aset.add_span("claim", 0, len(aset.text) - 1)
    actor = aset.add_span("actor", 0, 6)
    other = aset.add_span("actor", 11, 15)
    place = aset.add_span("location", 34, 39)
    aset.add_relation("claimed_by", claim.id, actor.id)
    aset.add_relation("addressed_to", claim.id, other.id)
    aset.add_relation("located_in", claim.id, place.id)
    aset.set_note(claim.id, "یادداشت ادعا")
    project.save_annotations(aset)
    return path


def test_a_long_address_and_a_claims_links_keep_the_window_size(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    for language in ("en", "fa"):
        window.set_language(language, save=False)
        assert window.open_project(make_project(tmp_path / language, window.annotator))
        width = window.width()
        session = window.session
        assert session is not None
        session.open_document(session.project.document_ids()[0])
        claim = next(s for s in window.annotations.spans() if s.label == "claim")  # type: ignore[union-attr]
        window.make_current(claim.id)
        qtbot.wait(50)
        assert window.width() == width
        assert window.note_edit.text() == "یادداشت ادعا"
        session.step(1)
        qtbot.wait(50)
        assert window.width() == width
        assert window.note_edit.text() == "" and not window.note_edit.isEnabled()


def test_a_long_address_is_one_line_shortened_in_its_middle(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    """Wrapped with the date and source, an address broke at every "/" and "-" into lines
    that read in no order; it is now one left-to-right line, its host and end in view."""
    window.set_language("fa", save=False)
    assert window.open_project(make_project(tmp_path, window.annotator))
    header = window.header
    url = window.annotations.document.metadata["url"]  # type: ignore[union-attr]
    address = header.address
    qtbot.waitUntil(address.isVisible)
    shown = address.text()
    assert shown.startswith("\u2066https://www.farsnews.ir/news/") and shown.endswith("سرپرست-شد-\u2069")
    assert "…" in shown and address.toolTip() == url
    assert address.height() < 2 * address.fontMetrics().lineSpacing()  # one line
    assert address.fontMetrics().horizontalAdvance(shown) <= address.width()
    assert "farsnews" not in header.details.text()  # date and source only
    before = len(shown)
    window.resize(window.width() + 300, window.height())
    qtbot.waitUntil(lambda: len(address.text()) > before)  # wider, more of it
