"""The curation list's coder headers ("1 Ali", "3 سارا") read in the interface's order
whatever the name's script: in the Persian interface the number stood left of a Persian
name and right of a Latin one. Each name is isolated, the whole laid out in the interface's
direction; a long name is elided after its number (the key that accepts that version),
whole in the tooltip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from annotator.io.project import Project
from annotator.ui.bidi import FSI, LRI, PDI, RLI
from annotator.ui.theme import install_language

from .conftest import open_in_window

TEXT = "نخست‌وزیر عراق در بغداد گفت که آمریکا باید برود."
CODERS = ("Ali", "Maryam Hosseini-Tabatabaei of the Second Team", "سارا")
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    yield
    install_language("en")  # the translators are the application's


def at(word: str) -> tuple[int, int]:
    return TEXT.index(word), TEXT.index(word) + len(word)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    root = tmp_path / "p"
    made = Project.create(root, "p")
    made.import_sources([tmp_path / "a.txt"])
    doc = made.document_ids()[0]
    for n, coder in enumerate(CODERS):
        aset = made.load_annotations(doc, coder)
        aset.add_span("location", *at("بغداد"))
        aset.add_span("actor" if n != 1 else "location", *at("آمریکا"))  # a disagreement
        made.save_annotations(aset)
    return root


def open_curation(qtbot: Any, root: Path, language: str) -> Any:
    window = open_in_window(qtbot, root, "curator", size=(1366, 768))
    window.set_language(language, save=False)
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    session = window.session
    table = session.panel.table
    qtbot.waitUntil(lambda: table.columnCount() == 3 + len(CODERS))
    QApplication.processEvents()
    return window, session, table


def digit_side(table: Any, column: int, digit: str, other: str) -> str:
    """Where the header's number is drawn: 'right' or 'left' of the middle of its ink,
    found by drawing the header again with another digit of the same width."""
    header = table.horizontalHeader()
    cell = table.visualRect(table.model().index(0, column))  # the header lies along the viewport
    area = QRect(cell.x(), 0, cell.width(), header.height())
    before = header.grab(area).toImage()
    item = table.horizontalHeaderItem(column)
    text = item.text()
    item.setText(text.replace(digit, other, 1))
    QApplication.processEvents()
    after = header.grab(area).toImage()
    item.setText(text)
    changed = [
        x for x in range(before.width()) for y in range(before.height()) if before.pixel(x, y) != after.pixel(x, y)
    ]
    ink = [
        x for x in range(before.width()) for y in range(before.height()) if (before.pixel(x, y) & 0xFFFFFF) < 0x606060
    ]
    assert changed and ink, "the number is drawn"
    return "right" if sum(changed) / len(changed) > sum(ink) / len(ink) else "left"


def test_persian_headers_put_the_number_first_for_latin_and_persian_names(qtbot: Any, project: Path) -> None:
    window, session, table = open_curation(qtbot, project, "fa")
    coders = session.present_coders()
    assert set(coders) == set(CODERS)
    for n, coder in enumerate(coders, 1):
        item = table.horizontalHeaderItem(n + 1)
        digit = str(n).translate(PERSIAN_DIGITS)
        assert item.text().startswith(f"{RLI}{digit} {FSI}") and item.text().endswith(f"{PDI}{PDI}")
        assert item.toolTip() == coder
        # drawn where a Persian reader starts: at the right, whatever the name's script
        assert digit_side(table, n + 1, digit, "۸") == "right", (coder, item.text())
    # accepting a version: the curated cell says whose, in the same order
    table.setFocus()
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "≠")
    table.setCurrentCell(row, 0)
    latin = coders.index("Ali") + 1
    qtbot.keyClick(table, str(latin))
    cell = table.item(row, table.columnCount() - 1).text()
    assert cell == f"{RLI}{str(latin).translate(PERSIAN_DIGITS)} {FSI}Ali{PDI}{PDI}"
    assert f"{FSI}Ali{PDI}" in window.last_message or "Ali" in window.statusBar().currentMessage()
    # a version's label stands first as the interface reads, isolated from the quoted words
    version = table.item(row, 2).text()
    assert version.startswith(RLI) and version.endswith(PDI) and f"{FSI}" in version
    window.set_language("en", save=False)  # the list follows the language
    first = table.horizontalHeaderItem(2).text()
    assert first == f"{LRI}1 {FSI}{coders[0]}{PDI}{PDI}" or first.startswith(f"{LRI}1 {FSI}")
    persian_name = coders.index("سارا") + 2
    assert digit_side(table, persian_name, str(persian_name - 1), "8") == "left"
    window.close()


def test_a_long_name_gives_way_after_its_number_and_comes_back_whole(qtbot: Any, project: Path) -> None:
    window, session, table = open_curation(qtbot, project, "fa")
    column = session.present_coders().index(CODERS[1]) + 2
    header = table.horizontalHeader()
    window.resize(800, 600)
    qtbot.waitUntil(lambda: "…" in table.horizontalHeaderItem(column).text())
    shown = table.horizontalHeaderItem(column).text()
    assert shown.startswith(f"{RLI}۲ {FSI}Maryam") and CODERS[1] not in shown  # its number kept
    assert table.horizontalHeaderItem(column).toolTip() == CODERS[1]
    assert digit_side(table, column, "۲", "۸") == "right"
    # every column in view: nothing to scroll sideways for
    assert table.horizontalScrollBar().maximum() == 0
    assert sum(header.sectionSize(c) for c in range(table.columnCount())) <= table.viewport().width()
    window.resize(2600, 900)
    qtbot.waitUntil(lambda: CODERS[1] in table.horizontalHeaderItem(column).text())
    window.close()
