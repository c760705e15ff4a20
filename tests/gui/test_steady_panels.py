"""The panels keep their shape while the user works: moving between an actor and a claim
does not move the inspector's fields (nor the rest of the window)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from annotator.ui import MainWindow
from annotator.ui.theme import install_language

from .conftest import double_click_word, type_text
from .test_window import open_sample


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """The interface's translators are the application's: a test that switched to Persian
    puts English back, for the tests after it that make no window."""
    yield
    install_language("en")


def tag_actor_location_claim(qtbot: Any, window: MainWindow) -> str:
    """The sample in Persian with an actor, a location and a claim tagged by keys."""
    window.set_language("fa", save=False)
    text = open_sample(window)
    double_click_word(qtbot, window.view, text.index("السودانی") + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    double_click_word(qtbot, window.view, text.index("عراق") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    start = text.index("این گروه با انتشار")
    window.view.select_range(start, text.index(".", text.index(".", start) + 1))
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert window.annotations is not None
    assert sorted(s.label for s in window.annotations.spans()) == ["actor", "claim", "location"]
    return text


def click_span_row(qtbot: Any, window: MainWindow, label: str) -> None:
    table = window.table
    row = next(r for r in range(table.model().rowCount()) if table.span_model.span_at(r).label == label)
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.claims.inspector.span_id == table.span_model.span_at(row).id)
    qtbot.wait(20)  # the frame after: what the old span's form left is gone


def places(window: MainWindow) -> dict[str, QRect]:
    """Where the inspector's heading and note, its panel and the panels around are."""
    inspector = window.claims.inspector

    def at(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())

    return {
        "heading": at(inspector.heading),
        "note": at(inspector.note),
        "form": at(inspector.form_host).adjusted(0, 0, 0, -inspector.form_host.height()),  # its top and width
        "inspector": at(inspector),
        "article": at(window.view),
        "spans": at(window.table),
    }


def test_the_inspector_keeps_its_shape_between_an_actor_and_a_claim(qtbot: Any, window: MainWindow) -> None:
    tag_actor_location_claim(qtbot, window)
    seen = {}
    for label in ("actor", "claim", "location", "claim", "actor"):
        click_span_row(qtbot, window, label)
        inspector = window.claims.inspector
        assert inspector.note.isVisible()
        # the claim's links are drawn where the actor's blank place for them was
        assert inspector.links.isVisible() == (label == "claim")
        seen[label] = places(window)
        assert seen[label] == seen["actor"], (label, seen[label], seen["actor"])


def test_a_long_claim_heading_is_cut_between_words_and_whole_in_its_tooltip(qtbot: Any, window: MainWindow) -> None:
    window.resize(1100, 600)
    text = open_sample(window)
    start = text.index("این گروه با انتشار")
    end = text.index(".", text.index(".", text.index(".", start) + 1) + 1)  # three sentences
    window.view.select_range(start, end)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    heading = window.claims.inspector.heading
    qtbot.waitUntil(heading.isVisible)
    shown, whole = heading.text(), heading.toolTip()
    assert shown.endswith("…»\u2069") and len(shown) < len(whole)
    assert " ".join(text[start:end].split()) in whole
    body = shown[shown.index("«") + 1 : -3]
    assert " ".join(text[start:end].split()).startswith(body)  # whole words, from the first
    assert heading.heightForWidth(heading.width()) <= heading.height()  # every shown line in full


def write_note(qtbot: Any, window: MainWindow, label: str, note: str) -> None:
    """Choose the span's row, press N, type the note and Enter, as the user does."""
    click_span_row(qtbot, window, label)
    qtbot.keyClick(window.table, Qt.Key.Key_N)
    assert window.note_edit.hasFocus()
    type_text(window.note_edit, note)
    qtbot.keyClick(window.note_edit, Qt.Key.Key_Return)
    assert window.annotations is not None
    assert [s.note for s in window.annotations.spans() if s.label == label] == [note]
    qtbot.wait(50)  # the turns after the edit, when the columns were measured again


def column_widths(window: MainWindow) -> list[int]:
    header = window.table.horizontalHeader()
    return [header.sectionSize(c) for c in range(header.count())]


def test_the_span_lists_columns_stay_put_when_a_note_is_written(qtbot: Any, window: MainWindow) -> None:
    tag_actor_location_claim(qtbot, window)
    qtbot.wait(50)
    before = column_widths(window)
    write_note(qtbot, window, "actor", "سخنگوی گروه مقاومت، به نقل از بیانیهٔ دوم")
    assert column_widths(window) == before
    # the note is there, elided in its column and whole in its tooltip
    table = window.table
    row = next(r for r in range(table.model().rowCount()) if table.span_model.span_at(r).label == "actor")
    assert "بیانیهٔ دوم" in table.model().index(row, 3).data(Qt.ItemDataRole.ToolTipRole)


def test_a_column_the_user_widened_keeps_its_width(qtbot: Any, window: MainWindow) -> None:
    window.set_language("en", save=False)  # left to right: the label column's edge is its right side
    text = open_sample(window)
    double_click_word(qtbot, window.view, text.index("السودانی") + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    qtbot.wait(50)
    header = window.table.horizontalHeader()
    width = header.sectionSize(0)
    edge = QPoint(header.sectionViewportPosition(0) + width - 1, header.height() // 2)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(header.viewport(), edge + QPoint(40, 0))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=edge + QPoint(40, 0))
    assert header.sectionSize(0) == width + 40
    write_note(qtbot, window, "actor", "a note")
    window.resize(window.width() - 60, window.height())  # the list narrower: measured again
    qtbot.wait(50)
    assert header.sectionSize(0) == width + 40


def menu_texts(menu: QMenu) -> list[str]:
    """Every entry's text, its submenus' too (separators left out)."""
    texts = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        texts.append(action.text())
        if action.menu() is not None:
            texts += menu_texts(action.menu())
    return texts


def latin(text: str) -> bool:
    return re.search("[A-Za-z]", text) is not None


def test_the_persian_edit_menu_and_the_windows_right_click_menu_are_persian(qtbot: Any, window: MainWindow) -> None:
    tag_actor_location_claim(qtbot, window)
    click_span_row(qtbot, window, "claim")
    position = window.claims.inspector.editors["position"]
    qtbot.keyClick(position, Qt.Key.Key_Down)  # the first position, set from the inspector
    assert window.annotations is not None
    assert [s.attributes for s in window.annotations.spans() if s.label == "claim"] != [{}]
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(bar.actions()[1]).center())
    edit = QApplication.activePopupWidget()
    assert isinstance(edit, QMenu)
    texts = menu_texts(edit)
    edit.close()
    assert "موضع" in texts[0]  # Undo names the attribute as the inspector does ("position" before)
    assert not [t for t in texts if latin(t)], texts
    # the right-click menu of the window's bars: the panels and the label palette, named
    seen: list[str] = []

    def read_and_close() -> None:
        popup = QApplication.activePopupWidget()
        assert isinstance(popup, QMenu)
        seen.extend(menu_texts(popup))
        popup.close()

    palette = window.palette_bar
    point = palette.rect().center()
    QTimer.singleShot(100, read_and_close)
    qtbot.mouseClick(palette.windowHandle() or window.windowHandle(), Qt.MouseButton.RightButton,
                     pos=palette.mapTo(window, point))  # fmt: skip
    qtbot.waitUntil(lambda: bool(seen))
    assert window.tr("Label palette") != "Label palette" and window.tr("Label palette") in seen
    assert all(t and not latin(t) for t in seen), seen
