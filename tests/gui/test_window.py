"""The annotation window driven with real mouse and keyboard events; checked on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.io.jsonformat import load
from annotator.model import default_schema
from annotator.ui import MainWindow
from annotator.ui.settings import data_dir

from .conftest import answer_relabel, click_at, double_click_word, saved, type_text, wait_saved

SAMPLE_NAME = "000_bdf8ef5fdfe34543"


def sample_paths() -> tuple[Path, Path]:
    folder = data_dir() / "sample"
    return folder / f"{SAMPLE_NAME}.txt", folder / f"{SAMPLE_NAME}.annotations.json"


def open_sample(window: MainWindow) -> str:
    assert window.open_sample(), window.last_message
    assert window.annotations is not None
    return window.annotations.text


def spans_of(data: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    return [(s["label"], s["start"], s["end"], s["text"]) for s in data["spans"]]


def test_double_click_word_and_press_1_saves_actor_with_exact_offsets(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    word = "السودانی"
    start = text.index(word)
    double_click_word(qtbot, window.view, start + 3)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    _, annotations = sample_paths()
    data = wait_saved(qtbot, annotations, lambda d: len(d["spans"]) == 1)
    assert spans_of(data) == [("actor", start, start + len(word), word)]
    assert data["document"]["text"] == text
    assert data["status"] == "in_progress"


def test_sample_in_seeds_is_never_modified(qtbot: Any, window: MainWindow) -> None:
    from annotator.resources import sample_article

    before = sample_article().read_bytes()
    text = open_sample(window)
    double_click_word(qtbot, window.view, text.index("عراق") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.checkpoint()
    assert sample_article().read_bytes() == before
    working_copy, annotations = sample_paths()
    assert working_copy.read_bytes() == before
    assert annotations.exists()


def test_offsets_are_code_points_after_an_emoji(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    article = tmp_path / "emoji.txt"
    text = "خبر 😀🇮🇷 امروز: نخست‌وزیر عراق در بغداد سخن گفت."
    article.write_text(text, encoding="utf-8")
    assert window.open(article), window.last_message
    word = "نخست‌وزیر"
    start = text.index(word)
    assert window.view.to_qt(start) == start + 3  # three astral characters before it
    double_click_word(qtbot, window.view, start + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    double_click_word(qtbot, window.view, text.index("بغداد") + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    data = wait_saved(qtbot, tmp_path / "emoji.annotations.json", lambda d: len(d["spans"]) == 2)
    assert spans_of(data) == [
        ("actor", start, start + len(word), word),
        ("location", text.index("بغداد"), text.index("بغداد") + 5, "بغداد"),
    ]


def test_persian_digit_keys_tag_too(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    start = text.index("واشنگتن")
    double_click_word(qtbot, window.view, start + 2)
    type_text(window.view, "۲")  # a Persian keyboard layout types ۲ where a Latin one types 2
    aset = window.annotations
    assert aset is not None
    assert [(s.label, s.start, s.end) for s in aset.spans()] == [("location", start, start + len("واشنگتن"))]


def test_keyboard_selection_snaps_to_words_and_nests(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    phrase = "گروه مقاومت اسلامی عراق"
    start = text.index(phrase)
    view = window.view
    cursor = view.textCursor()
    cursor.setPosition(view.to_qt(start + 2))  # inside the first word
    view.setTextCursor(cursor)
    view.setFocus()
    # logical order: Shift+End would go to the line end; move character by character
    for _ in range(len(phrase) - 4):
        cursor = view.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_1)  # selection ends inside "عراق": snapping takes it whole
    double_click_word(qtbot, view, text.index("عراق", start) + 1)
    qtbot.keyClick(view, Qt.Key.Key_2)
    data = wait_saved(qtbot, sample_paths()[1], lambda d: len(d["spans"]) == 2)
    iraq = text.index("عراق", start)
    assert spans_of(data) == [
        ("actor", start, start + len(phrase), phrase),
        ("location", iraq, iraq + 4, "عراق"),
    ]


def test_shift_arrows_select_by_keyboard(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    view = window.view
    start = text.index("جام جم")
    cursor = view.textCursor()
    cursor.setPosition(view.to_qt(start))
    view.setTextCursor(cursor)
    view.setFocus()
    # in right-to-left text the Left arrow moves forward in reading order
    for _ in range(len("جام جم")):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_range() == (start, start + len("جام جم"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert window.annotations is not None
    assert [s.text for s in window.annotations.spans()] == ["جام جم"]


def test_sentence_shortcut_then_claim(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    inside = text.index("وعده داد")
    click_at(qtbot, window.view, inside)
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    aset = window.annotations
    assert aset is not None
    (claim,) = aset.spans()
    assert claim.label == "claim"
    assert claim.start <= inside < claim.end
    assert claim.text.startswith("نخست وزیر محمد شیاع السودانی")
    assert claim.text.endswith("خواستار دریافت تضمینهایی برای اخراج اشغالگران آمریکایی شد")


def test_undo_redo_with_names_in_edit_menu(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    double_click_word(qtbot, window.view, text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert window.act_undo.isEnabled()
    assert "Location" in window.act_undo.text()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    data = wait_saved(qtbot, sample_paths()[1], lambda d: d["spans"] == [])
    assert data["spans"] == []
    assert "Location" in window.act_redo.text()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.view, Qt.Key.Key_Z, ctrl_shift)
    wait_saved(qtbot, sample_paths()[1], lambda d: [s["text"] for s in d["spans"]] == ["بغداد"])
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    wait_saved(qtbot, sample_paths()[1], lambda d: [s["text"] for s in d["spans"]] == ["بغداد"])


def test_click_span_relabel_note_delete(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    start = text.index("واشنگتن")
    double_click_word(qtbot, window.view, start + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    click_at(qtbot, window.view, start + 3)  # a click inside the span makes it current
    assert window.table.currentIndex().row() == 0
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # no selection: relabel the current span
    data = wait_saved(qtbot, sample_paths()[1], lambda d: d["spans"] and d["spans"][0]["label"] == "location")
    assert spans_of(data) == [("location", start, start + 7, "واشنگتن")]
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert window.note_edit.hasFocus()
    type_text(window.note_edit, "پایتخت آمریکا")
    qtbot.keyClick(window.note_edit, Qt.Key.Key_Return)
    wait_saved(qtbot, sample_paths()[1], lambda d: d["spans"][0]["note"] == "پایتخت آمریکا")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    wait_saved(qtbot, sample_paths()[1], lambda d: d["spans"] == [])


def test_table_row_selects_span_in_article(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    for word, key in (("بغداد", Qt.Key.Key_2), ("السودانی", Qt.Key.Key_1)):
        double_click_word(qtbot, window.view, text.index(word) + 1)
        qtbot.keyClick(window.view, key)
    model = window.table.span_model
    assert [model.span_at(r).text for r in range(model.rowCount())] == ["بغداد", "السودانی"]  # type: ignore[union-attr]
    rect = window.table.visualRect(model.index(1, 1))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.current_span() == model.span_at(1).id  # type: ignore[union-attr]
    assert window.view.cursor_position() == text.index("السودانی")


def test_reopen_restores_everything(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    double_click_word(qtbot, window.view, text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.open_sample()
    assert again.annotations is not None
    assert [(s.label, s.text) for s in again.annotations.spans()] == [("location", "بغداد")]
    assert again.table.span_model.rowCount() == 1
    again.close()
    reloaded = load(sample_paths()[1], default_schema())
    assert [s.text for s in reloaded.spans()] == ["بغداد"]


def test_label_palette_click_tags_selection(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    double_click_word(qtbot, window.view, text.index("سوریه") + 1)
    qtbot.mouseClick(window.label_palette.button("location"), Qt.MouseButton.LeftButton)
    assert window.annotations is not None
    assert [(s.label, s.text) for s in window.annotations.spans()] == [("location", "سوریه")]


def test_not_a_text_file_gives_a_clear_message(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(bytes(range(256)) * 10)
    assert not window.open(bad)
    assert str(bad) in window.last_message
    assert "Traceback" not in window.last_message


def test_windows_1256_article_reads_correctly(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    article = tmp_path / "cp1256.txt"
    # Windows-1256 has the Arabic yeh (ي) and Persian keheh (ک): files of the time use them
    text = "نيروهاي آمريکايي در عراق و سوريه حضور دارند."
    article.write_bytes(text.encode("cp1256"))
    assert window.open(article), window.last_message
    assert window.annotations is not None
    assert window.annotations.text == text


def test_switch_language_mirrors_interface(qtbot: Any, window: MainWindow) -> None:
    open_sample(window)
    window.set_language("fa")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&پرونده" in titles
    assert window.label_palette.button("actor").text().startswith("کنشگر")
    window.set_language("en")
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert "&File" in [a.text() for a in window.menuBar().actions()]


def test_zoom_with_ctrl_plus_and_minus(qtbot: Any, window: MainWindow) -> None:
    open_sample(window)
    size = window.view.font().pointSize()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSize() == size + 1
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSize() == size - 1


def test_title_shows_unsaved_until_checkpoint(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    # the first edit of a new article writes the whole file; later ones go to the journal
    for word, key in (("بغداد", Qt.Key.Key_2), ("السودانی", Qt.Key.Key_1)):
        double_click_word(qtbot, window.view, text.index(word) + 1)
        qtbot.keyClick(window.view, key)
    assert window.isWindowModified()
    assert len(saved(sample_paths()[1])["spans"]) == 1
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert [s["text"] for s in saved(sample_paths()[1])["spans"]] == ["بغداد", "السودانی"]


def _plain(text: str) -> str:
    """Text as read, without the bidi isolates that keep Persian snippets in order."""
    return text.translate(dict.fromkeys(range(0x2066, 0x206A)))


def _menu_click(qtbot: Any, menu: Any, text: str) -> Any:
    """Click a menu entry with the mouse; returns its submenu when it has one."""
    (action,) = [a for a in menu.actions() if _plain(a.text()) == text]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    if action.menu() is not None:
        qtbot.waitUntil(lambda: action.menu().isVisible())
    return action.menu()


def _right_click(qtbot: Any, window: MainWindow, cp: int) -> Any:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    from .conftest import char_point

    view = window.view
    view.ensure_visible(cp)
    point = char_point(view, cp)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    return QApplication.activePopupWidget()


def test_right_click_menu_links_claim_relabels_and_deletes(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    actor_at = text.index("محمد شیاع السودانی")
    double_click_word(qtbot, window.view, text.index("السودانی", actor_at) + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    click_at(qtbot, window.view, text.index("وعده داد"))
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    menu = _right_click(qtbot, window, text.index("وعده داد"))
    submenu = _menu_click(qtbot, menu, "Claimed by")
    _menu_click(qtbot, submenu, "السودانی")
    data = wait_saved(qtbot, sample_paths()[1], lambda d: len(d["relations"]) == 1)
    claim = next(s for s in data["spans"] if s["label"] == "claim")
    actor = next(s for s in data["spans"] if s["label"] == "actor")
    assert data["relations"][0] | {"id": ""} == {"id": "", "type": "claimed_by", "from": claim["id"], "to": actor["id"]}
    links = window.table.span_model.index(window.table.span_model.row_of(claim["id"]), 2)
    assert "السودانی" in links.data()

    menu = _right_click(qtbot, window, text.index("السودانی", actor_at) + 3)  # the actor, inside the claim
    submenu = _menu_click(qtbot, menu, "Relabel as")
    asked: list[str] = []
    answer_relabel(qtbot, asked, remove=True)  # it asks first: the link would go
    _menu_click(qtbot, submenu, "Location")
    data = wait_saved(qtbot, sample_paths()[1], lambda d: any(s["label"] == "location" for s in d["spans"]))
    assert data["relations"] == []  # claimed_by cannot point to a location: the link goes with it
    assert "Claimed by 1" in asked[0]

    menu = _right_click(qtbot, window, text.index("السودانی", actor_at) + 3)
    _menu_click(qtbot, menu, "Delete span")
    data = wait_saved(qtbot, sample_paths()[1], lambda d: len(d["spans"]) == 1)
    assert data["spans"][0]["label"] == "claim"


def test_edited_article_reanchors_spans_and_lists_what_it_cannot_place(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    article = tmp_path / "changed.txt"
    article.write_text("نخست‌وزیر عراق در بغداد سخن گفت و به واشنگتن هشدار داد.", encoding="utf-8")
    assert window.open(article)
    text = article.read_text(encoding="utf-8")
    for word, key in (("بغداد", Qt.Key.Key_2), ("واشنگتن", Qt.Key.Key_2)):
        double_click_word(qtbot, window.view, text.index(word) + 1)
        qtbot.keyClick(window.view, key)
    window.close_document()
    # someone edits the source: a sentence before the spans, and Washington gone
    article.write_text("خبر تازه. نخست‌وزیر عراق در بغداد سخن گفت و هشدار داد.", encoding="utf-8")
    assert window.open(article), window.last_message
    aset = window.annotations
    assert aset is not None
    new_text = aset.text
    assert [(s.text, s.start) for s in aset.spans()] == [("بغداد", new_text.index("بغداد"))]
    assert "واشنگتن" in window.last_message  # listed for the user ...
    data = saved(tmp_path / "changed.annotations.json")
    assert [s["text"] for s in data["unplaced"]["spans"]] == ["واشنگتن"]  # ... and kept


def test_tooltip_names_every_label_under_the_pointer(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from .conftest import char_point

    text = open_sample(window)
    phrase = "گروه مقاومت اسلامی عراق"
    start = text.index(phrase)
    aset = window.annotations
    assert aset is not None
    aset.add_span("actor", start, start + len(phrase))
    iraq = text.index("عراق", start)
    aset.add_span("location", iraq, iraq + 4)
    window.view.ensure_visible(iraq)
    point = char_point(window.view, iraq + 1)
    event = QHelpEvent(QEvent.Type.ToolTip, point, window.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(window.view.viewport(), event)
    assert "Location: عراق" in _plain(QToolTip.text())
    assert f"Actor: {phrase}" in _plain(QToolTip.text())


def test_a_folder_schema_brings_its_own_labels_and_keys(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    import json

    schema = {
        "labels": [
            {"id": "person", "name_fa": "شخص", "name_en": "Person", "color": "#aa0000", "shortcut": "4"},
            {"id": "org", "name_fa": "سازمان", "name_en": "Organization", "color": "#00aa00", "shortcut": "5"},
        ]
    }
    (tmp_path / "annotator-schema.json").write_text(json.dumps(schema), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("سازمان ملل از علی خواست.", encoding="utf-8")
    assert window.open(article)
    assert window.label_palette.button("org").text() == "Organization (5)"
    double_click_word(qtbot, window.view, 1)
    qtbot.keyClick(window.view, Qt.Key.Key_5)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # not a key of this collection: nothing happens
    data = wait_saved(qtbot, tmp_path / "a.annotations.json", lambda d: len(d["spans"]) == 1)
    assert [(s["label"], s["text"]) for s in data["spans"]] == [("org", "سازمان")]


def test_mouse_drag_selects_and_tags_whole_words(qtbot: Any, window: MainWindow) -> None:
    from .conftest import char_point

    text = open_sample(window)
    phrase = "محمد شیاع السودانی"
    start = text.index(phrase)
    view = window.view
    view.ensure_visible(start)
    # from inside the first word to inside the last: snapping takes all three words
    begin, finish = char_point(view, start + 1), char_point(view, start + len(phrase) - 2)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=begin)
    qtbot.mouseMove(view.viewport(), pos=finish)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=finish)
    assert view.selection_range() is not None
    qtbot.keyClick(view, Qt.Key.Key_1)
    data = wait_saved(qtbot, sample_paths()[1], lambda d: len(d["spans"]) == 1)
    assert spans_of(data) == [("actor", start, start + len(phrase), phrase)]


def test_snapping_off_tags_exactly_the_selection(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    start = text.index("اشغالگران")
    window.act_snap.trigger()  # Edit ▸ Snap to whole words, off
    assert not window.settings.snap_to_words
    window.view.select_range(start, start + 5)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.annotations is not None
    assert [s.text for s in window.annotations.spans()] == ["اشغال"]


def test_the_menu_key_opens_the_current_spans_menu_and_arrows_choose(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    text = open_sample(window)
    start = text.index("واشنگتن")
    double_click_word(qtbot, window.view, start + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # the new span becomes current
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(5, 5), QPoint(5, 5))
    QApplication.sendEvent(window.view.viewport(), event)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = QApplication.activePopupWidget()
    assert [a.text() for a in menu.actions() if a.text()][:2] == ["Relabel as", "Edit note"]
    # keyboard only: into "Relabel as", down to Location (Actor, the current label, is disabled)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu)
    submenu = QApplication.activePopupWidget()
    qtbot.keyClick(submenu, Qt.Key.Key_Return)
    assert window.annotations is not None
    assert [(s.label, s.text) for s in window.annotations.spans()] == [("location", "واشنگتن")]


def test_an_unplaced_span_can_be_put_back_at_the_selection(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []  # no span of the file fits the new text: the coder is asked first
    monkeypatch.setattr(MainWindow, "ask_foreign", lambda self, message: asked.append(message) or "reanchor")
    article = tmp_path / "moved.txt"
    article.write_text("وزیر به واشنگتن هشدار داد.", encoding="utf-8")
    assert window.open(article)
    text = article.read_text(encoding="utf-8")
    double_click_word(qtbot, window.view, text.index("واشنگتن") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.close_document()
    article.write_text("وزیر به ایالات متحده هشدار داد.", encoding="utf-8")
    assert window.open(article)
    assert len(asked) == 1 and "only 0 of 1 spans could be placed" in asked[0]
    assert window.store is not None and [s.text for s in window.store.unplaced] == ["واشنگتن"]
    assert window.act_place.isEnabled()
    new_text = article.read_text(encoding="utf-8")
    start = new_text.index("ایالات متحده")
    window.view.select_range(start + 1, start + len("ایالات متحده") - 1)  # snapping makes it whole
    window.place_unplaced(window.store.unplaced[0].id)
    assert window.annotations is not None
    assert [(s.label, s.text) for s in window.annotations.spans()] == [("location", "ایالات متحده")]
    assert window.store.unplaced == []
    window.checkpoint()
    data = saved(tmp_path / "moved.annotations.json")
    assert "unplaced" not in data and [s["text"] for s in data["spans"]] == ["ایالات متحده"]
    assert window.act_undo.isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # an ordinary edit
    assert window.annotations.spans() == []


def test_an_article_named_by_an_id_is_headed_by_its_first_words(window: MainWindow, tmp_path: Path) -> None:
    """The trial: the sample's heading was its file name, a hash.  A file named by a number
    or a hash is headed by the article's first words (in the muted colour of a placeholder,
    never saved as its title); a file with a name keeps it, in the text's colour."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QLabel

    text = "به گزارش خبرگزاری فارس، نخست‌وزیر عراق امروز در بغداد با سفیر ایران دیدار کرد و درباره مرز سخن گفت.\nدوم."
    first_words = "\u2067به گزارش خبرگزاری فارس، نخست‌وزیر عراق امروز در بغداد با سفیر ایران دیدار کرد"
    first_words += " و درباره مرز…\u2069"  # clipped at a word, isolated right-to-left
    muted, plain = QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.WindowText
    for name, heading, role in [
        ("000_bdf8ef5fdfe34543.txt", first_words, muted),
        ("8412377.txt", first_words, muted),
        ("gaza-2023.txt", "gaza-2023", plain),
    ]:
        article = tmp_path / name
        article.write_text(text, encoding="utf-8")
        assert window.open(article), window.last_message
        title = window.findChild(QLabel, "documentTitle")
        assert title is not None
        assert (title.text(), title.foregroundRole()) == (heading, role)
        assert not title.font().italic()  # Persian type has no italics: Qt slanted the letters
    saved = window.annotations
    assert saved is not None and saved.document.title == "gaza-2023"


def test_the_label_palette_shows_when_the_article_is_opened_before_the_window(qtbot: Any) -> None:
    """`annotator ARTICLE` opens the article and then shows the window (a file that cannot
    be opened is one line and no window).  The palette's buttons were hidden that way at
    every start: the row where the README says to click a label was empty."""
    from PySide6.QtWidgets import QPushButton, QWidget

    from annotator.ui.app import make_app

    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_sample(), window.last_message  # before show, as run_app does
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    palette = window.findChild(QWidget, "labelPalette")
    assert palette is not None
    buttons = palette.findChildren(QPushButton)
    assert [b.objectName() for b in buttons] == ["label-actor", "label-location", "label-claim"]
    assert all(b.isVisible() and b.height() > 20 for b in buttons)
    window.close()


def test_each_palette_button_shows_its_labels_colour(qtbot: Any, window: MainWindow) -> None:
    """The palette's buttons are how a coder matches a key to a highlight: each is edged in
    its label's colour on both sides.  The style sheet set only the side borders, which Qt
    does not draw, so every button was plain grey."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QPushButton, QWidget

    assert window.open_sample(), window.last_message
    palette = window.findChild(QWidget, "labelPalette")
    assert palette is not None
    schema = window.annotations.schema if window.annotations is not None else None
    assert schema is not None
    for label in schema.labels:
        button = palette.findChild(QPushButton, f"label-{label.id}")
        assert button is not None
        image = button.grab().toImage()
        middle = image.height() // 2
        for x in (2, image.width() - 3):  # inside the 6 px edge on either side
            assert image.pixelColor(x, middle).name() == QColor(label.color).name(), (label.id, x)


def test_a_claim_chosen_in_the_span_list_is_shown_whole(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    """The trial: choosing a claim in the span list scrolled only as far as its first line,
    left on the view's last line with the rest of the claim out of view."""
    from PySide6.QtGui import QTextCursor

    text = "\n".join(f"بند {i}: خبرگزاری‌ها گزارش دادند که نشست امروز در تهران برگزار شد." for i in range(120))
    article = tmp_path / "long.txt"
    article.write_text(text, encoding="utf-8")
    assert window.open(article), window.last_message
    aset = window.annotations
    assert aset is not None
    start = text.index("بند 60:")
    claim = aset.add_span("claim", start, text.index("بند 63:") - 1)  # three paragraphs
    other = aset.add_span("location", text.index("تهران"), text.index("تهران") + 5)
    table = window.findChild(object, "spanTable")
    window.view.verticalScrollBar().setValue(0)
    for cp in (text.index("بند 58:"), 0):  # the claim's first line at the bottom edge, then off screen
        window.make_current(other.id)  # another span current: choosing the claim is a change
        window.view.ensure_visible(cp)
        model = table.model()
        row = next(r for r in range(model.rowCount()) if table.span_model.span_at(r).id == claim.id)
        table.scrollTo(model.index(row, 1))
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(row, 1)).center()
        )
        qtbot.waitUntil(lambda: window.view.current_span() == claim.id, timeout=2000)

        def shown(cp: int) -> bool:
            cursor = QTextCursor(window.view.document())
            cursor.setPosition(window.view.to_qt(cp))
            rect = window.view.cursorRect(cursor)
            return rect.top() >= 0 and rect.bottom() <= window.view.viewport().height()

        assert shown(claim.start) and shown(claim.end)


def test_shift_f10_opens_the_current_spans_menu_in_the_article_and_the_list(qtbot: Any, window: MainWindow) -> None:
    """The third trial: the README promises the Menu key or Shift+F10; under X11 Shift+F10
    did nothing (Qt makes it a context menu event on Windows only)."""
    from PySide6.QtWidgets import QApplication

    text = open_sample(window)
    double_click_word(qtbot, window.view, text.index("واشنگتن") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # the new span becomes current
    for widget in (window.view, window.table):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
        menu = QApplication.activePopupWidget()
        assert [a.text() for a in menu.actions() if a.text()][:2] == ["Relabel as", "Edit note"], widget
        menu.close()
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
