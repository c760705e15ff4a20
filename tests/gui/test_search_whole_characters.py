"""Search and Tag all never cut a user-perceived character: a coder searches 👍 in an
article with 👍🏽, علی where it is written علیؑ, a man where there is a family; what the
result list shows and what Tag all writes to disk are whole characters (persian/match.py,
"Whole characters")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.persian.graphemes import is_boundary

from .conftest import open_in_window, saved, type_text, wait_saved
from .test_project_window import answer_tag_question

ZWJ = "\u200d"
FAMILY = f"👨{ZWJ}👩{ZWJ}👧"
TEXT = (
    f"سلام 👍🏽 و 👍 از امام علیؑ و علی. پرچم 🇮🇷 و خانواده {FAMILY} و 1\ufe0f\u20e3 و ❤\ufe0f آمد.\n"
    "قُلْ هُوَ ٱللَّهُ ۚ أَحَدٌ\n"
)


def search(qtbot: Any, window: Any, query: str) -> list[str]:
    window.search.query.clear()
    type_text(window.search.query, query)
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    return [hit.match for hit in window.search.hits]


def tag_all(qtbot: Any, window: Any, label: str) -> list[str]:
    window.search.label_box.setCurrentIndex(window.search.label_box.findData(label))
    asked: list[str] = []
    answer_tag_question(qtbot, asked)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    return asked


def whole(text: str, spans: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(label, text) of each span, checking that both its edges are character edges."""
    for span in spans:
        assert is_boundary(text, span["start"]) and is_boundary(text, span["end"]), span
    return sorted((span["label"], text[span["start"] : span["end"]]) for span in spans)


def test_tag_all_in_an_article_tags_whole_characters(qtbot: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    window = open_in_window(qtbot, article)
    window.searching.show(False)
    assert search(qtbot, window, "👍") == ["👍🏽", "👍"]  # the thumb with its skin tone, whole
    assert tag_all(qtbot, window, "location") == ["Tag 2 results as “Location” in this article? |  | "]
    assert search(qtbot, window, "علی") == ["علیؑ", "علی"]  # with its honorific sign
    tag_all(qtbot, window, "actor")
    assert search(qtbot, window, "الله") == ["ٱللَّهُ"]  # the fold ignores the harakat: kept, as ever
    # a part of a character is not found: no result, nothing to tag
    for part in ("👨", "👧", "🇮", "🇷", "1", "\u0301"):
        assert search(qtbot, window, part) == [], part
        assert not window.search.tag_all.isEnabled()
    assert search(qtbot, window, "❤") == ["❤\ufe0f"]
    tag_all(qtbot, window, "location")
    data = wait_saved(qtbot, tmp_path / "a.annotations.json", lambda d: len(d["spans"]) == 5)
    window.close()
    assert whole(TEXT, saved(tmp_path / "a.annotations.json")["spans"]) == sorted(
        [("location", "👍🏽"), ("location", "👍"), ("actor", "علیؑ"), ("actor", "علی"), ("location", "❤\ufe0f")]
    )
    assert data["spans"] == saved(tmp_path / "a.annotations.json")["spans"]


def test_tag_all_across_a_project_tags_whole_characters(qtbot: Any, tmp_path: Path) -> None:
    from annotator.io.project import Project

    source = tmp_path / "news.jsonl"
    lines = [{"id": "one", "text": TEXT}, {"id": "two", "text": f"{FAMILY} و 👍🏿 و 👍"}]
    source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "p")
    assert not project.import_sources([source], normalize=False).problems
    ids = project.document_ids()
    assert len(ids) == 2
    texts = {doc_id: project.load_annotations(doc_id, "sara").text for doc_id in ids}
    window = open_in_window(qtbot, root, annotator="sara", size=(1200, 800))
    assert window.session is not None
    qtbot.waitUntil(window.session.search_ready)
    window.searching.show(True)
    assert search(qtbot, window, "👍") == ["👍🏽", "👍", "👍🏿", "👍"]
    assert tag_all(qtbot, window, "location") == ["Tag 4 results as “Location” in 2 documents? |  | "]
    assert search(qtbot, window, "👨") == []
    window.checkpoint()
    window.close()
    on_disk = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))["spans"]
        for path in (root / "annotations" / "sara").glob("*.json")
    }
    tagged = [pair for doc_id, spans in on_disk.items() for pair in whole(texts[doc_id], spans)]
    assert sorted(text for _label, text in tagged) == sorted(["👍🏽", "👍", "👍🏿", "👍"])
    assert {label for label, _text in tagged} == {"location"}


def test_a_query_with_a_skin_tone_or_selector_and_a_number_after_an_ayah_sign(qtbot: Any, tmp_path: Path) -> None:
    """The query is folded as the text is: its skin tone and variation selector are ignored
    (👍🏽 finds 👍🏽 and 👍; ❤️, as an emoji keyboard types it, finds ❤); a number after
    U+06DD END OF AYAH is found with the sign, one character with it (once not at all)."""
    text = "سلام 👍🏽 و 👍 و ❤ و ❤\ufe0f. آیه ۝١٢ و ۱۲ آمد.\n"
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    window = open_in_window(qtbot, article)
    window.searching.show(False)
    assert search(qtbot, window, "👍🏽") == ["👍🏽", "👍"]
    assert search(qtbot, window, "👍👍") == []  # two thumbs in a row: none here
    assert search(qtbot, window, "❤\ufe0f") == ["❤", "❤\ufe0f"]
    assert search(qtbot, window, "12") == ["۝١٢", "۱۲"]
    assert tag_all(qtbot, window, "location") == ["Tag 2 results as “Location” in this article? |  | "]
    wait_saved(qtbot, tmp_path / "a.annotations.json", lambda d: len(d["spans"]) == 2)
    window.close()
    assert whole(text, saved(tmp_path / "a.annotations.json")["spans"]) == [("location", "۝١٢"), ("location", "۱۲")]
