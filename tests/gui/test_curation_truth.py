"""The curation list says the truth (new user's trial, after `annotator merge --min-agree 1`
and a curator's deletions): a green ✓ only for an agreed span the curated set holds, no ✓
where one coder alone annotated, an open disagreement's curated cell "—" (it read "2 Sara"
for a span Sara never made), and at 1366x768 the curated column in view beside a long claim."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.io.project import Project
from annotator.ui.theme import install_language

from .conftest import open_in_window

TEXT = (
    "به گزارش خبرگزاری فارس، «جان کیریاکو» افسر سابق اطلاعاتی سازمان سیا در گفت‌وگو با شبکه "
    "راشاتودی گفت که باراک اوباما، رئیس‌جمهور آمریکا همان سیاست‌های دولت بوش را در پیش‌گرفته است. "
    "امام خمینی در ایران."
)


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    yield
    install_language("en")  # the translators are the application's


def at(word: str) -> tuple[int, int]:
    return TEXT.index(word), TEXT.index(word) + len(word)


def two_coders_merged(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "p")
    project.import_sources([tmp_path / "a.txt"])
    doc = project.document_ids()[0]
    plan = {
        "Ali": [("actor", *at("کیریاکو")), ("claim", 0, TEXT.index(".")), ("location", *at("ایران"))],
        "Sara": [("actor", *at("کیریاکو")), ("actor", *at("امام خمینی"))],
    }
    for coder, spans in plan.items():
        aset = project.load_annotations(doc, coder)
        for span in spans:
            aset.add_span(*span)
        project.save_annotations(aset)
    # what `merge --min-agree 1` left, less what the curator then deleted (Kiriakou, Iran)
    curated = project.load_annotations(doc, "curated")
    curated.add_span("claim", 0, TEXT.index("."))
    curated.add_span("actor", *at("امام خمینی"))
    project.save_annotations(curated)
    return root


@pytest.mark.parametrize("language", ["fa", "en"])
def test_the_curation_list_says_what_the_curated_set_holds(qtbot: Any, tmp_path: Path, language: str) -> None:
    window = open_in_window(qtbot, two_coders_merged(tmp_path), "Sara", size=(1366, 768))
    window.set_language(language, save=False)
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    from annotator.ui.curation import AGREED, CurationSession

    session = window.session
    assert isinstance(session, CurationSession)
    table = session.panel.table
    qtbot.waitUntil(lambda: table.rowCount() == 4)
    QApplication.processEvents()
    rows = {table.item(r, 1).text(): r for r in range(4)}
    last = table.columnCount() - 1
    kiriakou, khomeini, iran = rows["کیریاکو"], rows["امام خمینی"], rows["ایران"]
    # agreed by both coders, but not in the curated set: ✓ for the coders, not green, "—"
    assert table.item(kiriakou, 0).text() == "✓"
    assert table.item(kiriakou, last).text() == "—"
    assert table.item(kiriakou, 0).background().color() != AGREED
    # Iran: Ali's location, Sara nothing, the curated set nothing: open, and the cell "—"
    assert session.is_open(session.items[iran])
    assert table.item(iran, last).text() == "—"
    # Khomeini: Sara's actor, in the curated set: "2 Sara" (in the interface's direction
    # and digits, the name isolated: tests/gui/test_curation_bidi.py)
    two = "\u2067۲" if language == "fa" else "\u20662"
    assert table.item(khomeini, last).text() == f"{two} \u2068Sara\u2069\u2069"
    # the curated column is in view beside the long claim (elided, its tooltip whole)
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(last) >= 0
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    claim = rows[next(t for t in rows if t.startswith("به گزارش"))]
    assert TEXT[: TEXT.index(".")] in table.item(claim, 2).toolTip()
    # rejecting Iran: nothing there still, now said as a decision, not as a coder's "—"
    table.setCurrentCell(iran, 0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_R)
    assert not session.is_open(session.items[iran])
    assert table.item(iran, last).text() == ("ردشده" if language == "fa" else "rejected")
    # 1 puts the agreed span back into the curated set: now green, "✓"
    table.setCurrentCell(kiriakou, 0)
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert table.item(kiriakou, last).text() == "✓"
    assert table.item(kiriakou, 0).background().color() == AGREED
    # the key line is whole in the panel
    keys = session.panel.keys
    assert keys.heightForWidth(keys.width()) <= keys.height()
    window.close()


def test_one_coder_alone_is_not_agreement(qtbot: Any, tmp_path: Path) -> None:
    root = two_coders_merged(tmp_path)
    project = Project.open(root)
    doc = project.document_ids()[0]
    project.annotation_path(doc, "Sara").unlink()
    window = open_in_window(qtbot, root, "Sara", size=(1366, 768))
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    from annotator.ui.curation import AGREED, CurationSession

    session = window.session
    assert isinstance(session, CurationSession)
    table = session.panel.table
    qtbot.waitUntil(lambda: table.rowCount() == 3)
    last = table.columnCount() - 1
    assert [table.item(r, 0).text() for r in range(3)] == ["", "", ""]  # nothing was compared
    assert all(table.item(r, 0).background().color() != AGREED for r in range(3))
    held = {table.item(r, 1).text()[:8]: table.item(r, last).text() for r in range(3)}
    assert held["کیریاکو"] == "—" and held["ایران"] == "—" and held["به گزارش"] == "✓"
    window.close()
