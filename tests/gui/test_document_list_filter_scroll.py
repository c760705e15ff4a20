"""Typing a title filter in a scrolled document list shows the top of the matches, or the
open document when it is among them (the list kept its old scroll position, clamped to
the shorter list: the user saw the last matches and thought the first were missing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from annotator.ui import MainWindow
from annotator.ui.theme import install_language

from .conftest import type_text
from .test_document_list_paging import make_project, open_window, table_of, visible_ids


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """The interface's translators are the application's: a test that switched to Persian
    puts English back, for the tests after it that make no window."""
    yield
    install_language("en")


def scroll_list_to_its_end(qtbot: Any, window: MainWindow) -> None:
    table = table_of(window)
    table.setFocus()  # (a click would open the document under it)
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    bar = table.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0


def type_filter(qtbot: Any, window: MainWindow, text: str) -> None:
    edit = window.findChild(QLineEdit, "documentFilter")
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    type_text(edit, text)
    qtbot.wait(20)


def test_a_filter_shows_the_first_matches(qtbot: Any, tmp_path: Path) -> None:
    window = open_window(qtbot, make_project(tmp_path, 300))
    window.set_language("fa", save=False)
    scroll_list_to_its_end(qtbot, window)
    type_filter(qtbot, window, "کشور")
    table = table_of(window)
    shown = visible_ids(table)
    assert shown[0] == "n00004" and table.verticalScrollBar().value() == 0, shown  # the first "کشور 4"
    assert table.model().rowCount() == 50 > len(shown)


def test_a_filter_keeps_the_open_document_in_view(qtbot: Any, tmp_path: Path) -> None:
    window = open_window(qtbot, make_project(tmp_path, 300))
    window.set_language("fa", save=False)
    assert window.session is not None
    window.session.open_document("n00154")  # "کشور 154": the 26th match
    table = table_of(window)
    # selected in the Persian (right-to-left) list too, where QTableView.selectRow selected nothing
    assert [i.row() for i in table.selectionModel().selectedRows()] == [154]
    scroll_list_to_its_end(qtbot, window)
    type_filter(qtbot, window, "کشور")
    assert "n00154" in visible_ids(table)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [25], "the open document's row, selected"
