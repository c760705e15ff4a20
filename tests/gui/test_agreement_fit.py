"""Project ▸ Agreement fits its panel (new user's trial): at 1366x768 the three tables
side by side were each wider than their third of the panel and scrolled sideways, a
label column squeezed to "…". Now the tables stand in tabs when the panel cannot hold
them side by side, the figures keep their width and the names give way (elided, whole in
their tooltips); at 1920x1080 they stand side by side. Coders' names are isolated."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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
