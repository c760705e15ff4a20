"""Project ▸ Agreement fits its panel (new user's trial): at 1366x768 the three tables
side by side were each wider than their third of the panel and scrolled sideways, a
label column squeezed to "…". Now the tables stand in tabs when the panel cannot hold
them side by side, the figures keep their width and the names give way (elided, whole in
their tooltips); at 1920x1080 they stand side by side. Coders' names are isolated. The
titles are whole: wrapped when their column is narrow, and off the panel's edge (the
first letter of the Persian per-label title was cut there, at 1366 px)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QWidget

from annotator.io.project import Project
from annotator.ui.agreement_view import AgreementPanel
from annotator.ui.bidi import FSI, PDI
from annotator.ui.theme import install_language

from .conftest import open_in_window

TEXT = "نخست‌وزیر عراق در بغداد گفت که آمریکا باید برود و ایران و روسیه در مسکو سکوت کردند."
TITLE = "پوتین: روسیه از تشدید تحریم‌های غرب علیه مسکو نمی‌هراسد و پاسخ می‌دهد، به گزارش خبرگزاری"
CODERS = ("Ali", "Maryam Hosseini-Tabatabaei", "سارا")


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    yield
    install_language("en")  # the translators are the application's


def at(word: str) -> tuple[int, int]:
    return TEXT.index(word), TEXT.index(word) + len(word)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    source = tmp_path / "news.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(3):
            out.write(
                json.dumps({"id": f"n{i}", "title": f"{TITLE} {i}", "text": f"{TEXT} خبر {i}."}, ensure_ascii=False)
                + "\n"
            )
    root = tmp_path / "p"
    made = Project.create(root, "p")
    assert len(made.import_sources([source], normalize=False).added) == 3
    for i, doc in enumerate(made.document_ids()):
        for n, coder in enumerate(CODERS):
            aset = made.load_annotations(doc, coder)
            aset.add_span("location", *at("بغداد"))
            aset.add_span("actor" if (n + i) % 3 else "location", *at("آمریکا"))
            aset.add_span("actor", *at("ایران"))
            claim = aset.add_span("claim", *at("آمریکا باید برود"))
            aset.set_attribute(claim.id, "position", "supports" if n != 1 else "opposes")
            made.save_annotations(aset)
    return root


def show_agreement(qtbot: Any, root: Path, language: str, size: tuple[int, int]) -> tuple[Any, AgreementPanel]:
    window = open_in_window(qtbot, root, "Ali", size=size)
    window.set_language(language, save=False)
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.findChild(AgreementPanel, "agreementView")
    assert panel is not None
    qtbot.waitUntil(lambda: bool(panel.report), timeout=30000)  # computed in a worker thread
    QApplication.processEvents()
    return window, panel


def assert_fits(table: Any) -> None:
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0, table.objectName()
    assert sum(header.sectionSize(c) for c in range(table.columnCount())) <= table.viewport().width()
    for c in range(table.columnCount()):  # the figures whole
        if c not in table.names:
            assert header.sectionSize(c) >= min(table.wanted[c], header.sectionSizeHint(c)), (table.objectName(), c)


@pytest.mark.parametrize("language", ["fa", "en"])
def test_at_1366x768_the_tables_fit_in_tabs(qtbot: Any, project: Path, language: str) -> None:
    window, panel = show_agreement(qtbot, project, language, (1366, 768))
    assert panel.tabbed()
    tabs = panel.tabs
    # opened on the documents, least agreed first, focused: Enter opens one, as before
    assert tabs.currentIndex() == 2 and panel.documents.hasFocus()
    assert tabs.tabText(2) == ("سندها" if language == "fa" else "Documents")
    seen = set()
    for _ in range(3):  # Ctrl+Tab goes round the tabs
        table = (panel.labels, panel.pairs, panel.documents)[tabs.currentIndex()]
        QApplication.processEvents()
        assert table.isVisible()
        assert_fits(table)
        seen.add(table.objectName())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert seen == {"agreementLabels", "agreementPairs", "agreementDocuments"}
    assert tabs.currentIndex() == 2
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, shift_ctrl)
    assert tabs.currentIndex() == 1 and panel.pairs.hasFocus()
    # a name gives way, whole in its tooltip; the pair of coders with each name isolated
    pairs = panel.pairs
    long_pair = next(r for r in range(pairs.rowCount()) if "Maryam" in pairs.item(r, 0).text())
    assert f"{FSI}Maryam Hosseini-Tabatabaei{PDI}" in pairs.item(long_pair, 0).text()
    assert pairs.item(long_pair, 0).toolTip() == pairs.item(long_pair, 0).text()
    documents = panel.documents
    assert documents.item(0, 0).toolTip().startswith(TITLE)
    assert not documents.wordWrap()  # one line a row, elided
    assert all(f"{FSI}{name}{PDI}" in panel.summary.text() for name in CODERS)
    # Enter on a document opens it, from the tab
    tabs.setCurrentIndex(2)
    documents.setFocus()
    documents.setCurrentCell(1, 0)
    qtbot.keyClick(documents, Qt.Key.Key_Return)
    assert window.session.doc_id == panel.document_ids[1]
    window.close()


@pytest.mark.parametrize("language", ["fa", "en"])
def test_at_1920x1080_the_tables_stand_side_by_side_and_fit(qtbot: Any, project: Path, language: str) -> None:
    window, panel = show_agreement(qtbot, project, language, (1920, 1080))
    assert not panel.tabbed() and panel.splitter.isVisible()
    for table in (panel.labels, panel.pairs, panel.documents):
        assert table.isVisible()
        assert_fits(table)
    assert panel.documents.hasFocus()
    # narrowed to a laptop's width, the same panel goes to tabs, and back when widened
    window.resize(1366, 768)
    qtbot.waitUntil(panel.tabbed)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: not panel.tabbed())
    for table in (panel.labels, panel.pairs, panel.documents):
        QApplication.processEvents()
        assert_fits(table)
    window.close()


def ink_at_the_sides(image: QImage, rect: QRect) -> list[int]:
    """The rows of `rect` whose two outermost pixel columns, left or right, hold ink:
    a letter there is drawn to the edge, and what it draws past its advance is cut."""
    columns = (rect.left(), rect.left() + 1, rect.right() - 1, rect.right())
    return [
        y
        for y in range(rect.top(), rect.bottom() + 1)
        if any(image.pixelColor(x, y).lightness() < 120 for x in columns)
    ]


def assert_titles_whole(panel: AgreementPanel) -> None:
    QApplication.processEvents()
    image = panel.grab().toImage()
    for label in (panel.summary, panel.labels_title, panel.pairs_title, panel.documents_title):
        if not label.isVisible():
            continue
        # what the panel shows of it (a right-to-left splitter puts its first column one
        # pixel past its own edge: Qt's mirroring)
        rect = QRect(label.mapTo(panel, QPoint(0, 0)), label.size()).intersected(panel.rect())
        assert rect.width() >= label.width() - 1, (label.text(), rect)
        assert label.heightForWidth(label.width()) <= label.height(), label.text()  # every line shown
        assert label.minimumSizeHint().width() <= label.width(), label.text()  # its longest word too
        assert not ink_at_the_sides(image, rect), (label.text(), rect, ink_at_the_sides(image, rect))


def drag(qtbot: Any, widget: QWidget, by: int) -> None:
    start = widget.rect().center()
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(widget, start + QPoint(by // 2, 0))
    qtbot.mouseMove(widget, start + QPoint(by, 0))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=start + QPoint(by, 0))


@pytest.mark.parametrize("language", ["fa", "en"])
def test_at_1366_the_titles_are_whole(qtbot: Any, project: Path, language: str) -> None:
    window, panel = show_agreement(qtbot, project, language, (1366, 768))
    assert panel.tabbed()
    for _ in range(3):  # each table's title, in its tab
        assert_titles_whole(panel)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    # the document list closed (its button), the panel is wide enough for the three side by side
    dock = window.findChild(QDockWidget, "documentDock")
    close = dock.findChild(QAbstractButton, "qt_dockwidget_closebutton")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.tabbed())
    for table in (panel.labels, panel.pairs, panel.documents):
        assert_fits(table)
    assert_titles_whole(panel)
    # the per-label column dragged narrow: its title wraps over more lines, each whole
    lines = panel.labels_title.height()
    toward_labels = 1 if panel.isRightToLeft() else -1  # the first column is on the leading side
    drag(qtbot, panel.splitter.handle(1), toward_labels * panel.labels.width())
    assert panel.labels_title.width() < 150 and panel.labels_title.height() > lines
    assert_titles_whole(panel)
    window.close()
