"""Keyboard routes the fourth trial missed: `N` with no current span said nothing (the note
typed next went to the article); after Ctrl+Z Ctrl+Y of an add the span that came back was
not current (N did nothing, Space scrolled the page); "Tag all results as" had no key and
Tab did not reach it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import double_click_word, open_in_window, saved, type_text, wait_saved
from .test_project_window import answer_tag_question

TEXT = "وزیر خارجه در تهران گفت که تهران آماده است و سخنگوی دولت در مشهد هشدار داد."
README = Path(__file__).resolve().parents[2] / "README.md"


def test_n_without_a_current_span_says_what_it_needs(qtbot: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    window = open_in_window(qtbot, article)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert "N edits the note of the current span" in window.last_message
    assert not window.note_edit.hasFocus()
    window.close()


def test_a_note_typed_right_after_redo_goes_to_the_span_that_came_back(qtbot: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    window = open_in_window(qtbot, article)
    double_click_word(qtbot, window.view, TEXT.index("مشهد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # location
    annotations = tmp_path / "a.annotations.json"
    wait_saved(qtbot, annotations, lambda d: len(d["spans"]) == 1)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.current_span_id() == ""
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.annotations is not None
    (span,) = window.annotations.spans()
    assert window.current_span_id() == span.id  # current, as after the add
    assert window.table.currentIndex().isValid()
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert window.note_edit.hasFocus()
    type_text(window.note_edit, "شهر")
    qtbot.keyClick(window.note_edit, Qt.Key.Key_Return)
    data = wait_saved(qtbot, annotations, lambda d: len(d["spans"]) == 1 and d["spans"][0]["note"] == "شهر")
    assert data["spans"][0]["text"] == "مشهد"
    # undo of a delete brings the span back current too
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert window.current_span_id() == ""
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.current_span_id() == span.id
    window.close()


def test_tag_all_has_a_key_and_tab_reaches_it(qtbot: Any, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    window = open_in_window(qtbot, article)
    qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # nothing searched yet
    assert "Ctrl+F" in window.last_message
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.query.hasFocus()
    type_text(window.search.query, "تهران")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert len(window.search.hits) == 2
    # Tab goes round the panel to the button and the label beside it
    reached = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget().objectName())
        if reached[-1] == "tagAllLabel":
            break
    assert "tagAllButton" in reached and reached[-1] == "tagAllLabel", reached
    qtbot.keyClick(window.search.label_box, Qt.Key.Key_Down)  # Actor → Location
    assert window.search.label_box.currentData() == "location"
    assert "Ctrl+T" in window.search.tag_all.toolTip()
    asked: list[str] = []
    answer_tag_question(qtbot, asked)
    qtbot.keyClick(window.search.label_box, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert asked and asked[0].startswith("Tag 2 results as “Location”")
    data = wait_saved(qtbot, tmp_path / "a.annotations.json", lambda d: len(d["spans"]) == 2)
    assert [(s["label"], s["text"]) for s in data["spans"]] == [("location", "تهران")] * 2
    # F1's list and the README's key table name the key
    from annotator.ui.shortcuts_dialog import menu_rows

    assert any("Ctrl+T" in keys for _where, _what, keys in menu_rows(window.menuBar()))
    readme = README.read_text(encoding="utf-8")
    assert re.search(r"\|[^|\n]*tag all[^|\n]*\|[^\n]*`Ctrl\+T`", readme, re.IGNORECASE)
    window.close()
    assert saved(tmp_path / "a.annotations.json")["spans"] == data["spans"]
