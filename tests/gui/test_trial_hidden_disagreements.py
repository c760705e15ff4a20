"""Curated data must not be silently incomplete (new user's trial, the Putin article):
three coders agree on a claim's extent but not on its position, one adds a link; the
curation list shows each as an item to decide, and Project ▸ Analysis counts one set
(the curated one when there is one, else the coder's own), never every coder pooled
unless asked, and then said so."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from annotator.cli import main
from annotator.io.project import Project
from annotator.ui.theme import install_language

from .conftest import open_in_window, wait_saved

TEXT = "ولادمیر پوتین گفت: نیروهای امنیتی روسیه عاملان را محاکمه می‌کنند. وی افزود: مسکو برخورد شدیدی خواهد کرد."


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    yield
    install_language("en")


def putin_project(tmp_path: Path) -> tuple[Path, str]:
    """ali and carol give claim 1 the position "neutral", bita "opposes"; ali adds a
    located_in link, bita an actor «وی»; every coder has claim 2 claimed by Putin too."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "p")
    project.import_sources([tmp_path / "a.txt"])
    doc = project.document_ids()[0]
    text = project.load_document(doc).text

    def at(word: str) -> tuple[int, int]:
        return text.index(word), text.index(word) + len(word)

    claim1 = (text.index("نیروهای"), text.index("می‌کنند") + len("می‌کنند"))
    claim2 = (text.index("مسکو"), text.index("خواهد کرد") + len("خواهد کرد"))
    for coder, position in (("ali", "neutral"), ("bita", "opposes"), ("carol", "neutral")):
        aset = project.load_annotations(doc, coder)
        putin = aset.add_span("actor", *at("ولادمیر پوتین"))
        c1 = aset.add_span("claim", *claim1, attributes={"position": position, "topic": "security"})
        c2 = aset.add_span("claim", *claim2, attributes={"position": "opposes"})
        russia = aset.add_span("location", *at("روسیه"))
        aset.add_relation("claimed_by", c1.id, putin.id)
        aset.add_relation("claimed_by", c2.id, putin.id)
        if coder == "ali":
            aset.add_relation("located_in", c1.id, russia.id)
        if coder == "bita":
            aset.add_span("actor", *at("وی"))
        project.save_annotations(aset)
    return root, doc


def analysis_of(window: Any) -> Any:
    window.act_analysis.trigger()
    dialog = window.findChild(QDialog, "analysisDialog")
    assert dialog is not None
    return dialog


def test_analysis_counts_the_coders_own_claims_then_the_curated_ones(qtbot: Any, tmp_path: Path) -> None:
    root, _ = putin_project(tmp_path)
    window = open_in_window(qtbot, root, "ali")
    dialog = analysis_of(window)
    assert dialog.coder.currentData() == "ali"  # not every coder pooled: 2 claims, not 6
    assert dialog.chart.series == [("ولادمیر پوتین", 2)]
    assert dialog.coder.itemText(0) == "All coders, pooled"  # pooling, when chosen, says so
    dialog.close()
    window.close()
    assert main(["merge", str(root), "--into", "curated", "--min-agree", "2", "-q"]) == 0
    window = open_in_window(qtbot, root, "bita")
    window.set_language("fa", save=False)
    dialog = analysis_of(window)
    assert dialog.coder.currentData() == "curated"  # the adjudicated set, once there is one
    assert dialog.chart.series == [("ولادمیر پوتین", 2)]
    assert dialog.coder.itemText(0) == "همهٔ کدگذاران، روی هم"
    dialog.close()
    window.close()


def plain(text: str) -> str:
    return text.translate({c: None for c in range(0x2066, 0x206A)})


def claim_of(data: dict[str, Any], word: str) -> dict[str, Any]:
    return next(s for s in data["spans"] if s["label"] == "claim" and word in s["text"])


def links_of(data: dict[str, Any], span: dict[str, Any]) -> list[tuple[str, str]]:
    texts = {s["id"]: s["text"] for s in data["spans"]}
    return sorted((r["type"], texts[r["to"]]) for r in data["relations"] if r["from"] == span["id"])


@pytest.mark.parametrize("language", ["en", "fa"])
def test_a_differing_position_and_link_are_items_to_decide(qtbot: Any, tmp_path: Path, language: str) -> None:
    root, doc = putin_project(tmp_path)
    window = open_in_window(qtbot, root, "ali", size=(1366, 768))
    window.set_language(language, save=False)
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    from annotator.ui.curation import AGREED, OPEN, CurationSession

    session = window.session
    assert isinstance(session, CurationSession)
    table = session.panel.table
    qtbot.waitUntil(lambda: table.rowCount() == 7)
    last = table.columnCount() - 1
    # the cells as read (without the bidi marks that lay them out in the interface's direction)
    rows = [[plain(table.item(r, c).text()) for c in range(table.columnCount())] for r in range(7)]
    persian = language == "fa"
    position, located = ("موضع", "مکان ادعا") if persian else ("Position", "Located in")
    neutral, opposes = ("خنثی", "مخالف") if persian else ("neutral", "opposes")
    # Putin ✓; claim 1 ✓ (its extent) but not green; its position and its located_in
    # link each an open item with every coder's value; Russia ✓; bita's «وی»; claim 2 ✓
    assert [r[0] for r in rows] == ["✓", "✓", "≠", "≠", "✓", "≠", "✓"]
    assert rows[2][1].startswith(f"{position}: نیروهای امنیتی")
    assert rows[2][2:] == [neutral, opposes, neutral, "—"]
    assert rows[3][1].startswith(f"{located}: ")
    assert rows[3][2:] == ["«روسیه»", "—", "—", "—"]
    assert table.item(0, 0).background().color() == AGREED
    assert table.item(1, 0).background().color() != AGREED  # something of it is still open
    assert table.item(2, 0).background().color() == OPEN
    summary = session.panel.summary.text()
    assert summary == ("۴ توافق، ۳ اختلاف (۳ باز)" if persian else "4 agreed, 3 disagreements (3 open)")
    assert table.currentRow() == 2  # the first open item: claim 1's position

    path = root / "annotations" / "curated" / f"{doc}.json"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_1)  # ali's value: neutral
    data = wait_saved(qtbot, path, lambda d: claim_of(d, "نیروهای").get("attributes", {}).get("position") == "neutral")
    assert claim_of(data, "نیروهای")["attributes"] == {"position": "neutral", "topic": "security"}
    assert plain(table.item(2, last).text()) == neutral
    assert table.currentRow() == 3  # on to the link
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # no located_in link (bita's and carol's view)
    assert table.item(3, last).text() == ("ردشده" if persian else "rejected")
    assert table.currentRow() == 5  # on to bita's «وی»
    table.setCurrentCell(3, 0)
    qtbot.keyClick(table, Qt.Key.Key_1)  # changed mind: ali's link to Russia
    data = wait_saved(qtbot, path, lambda d: ("located_in", "روسیه") in links_of(d, claim_of(d, "نیروهای")))
    assert links_of(data, claim_of(data, "نیروهای")) == [("claimed_by", "ولادمیر پوتین"), ("located_in", "روسیه")]
    assert plain(table.item(3, last).text()) == "«روسیه»"
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: the link goes
    data = wait_saved(qtbot, path, lambda d: links_of(d, claim_of(d, "نیروهای")) == [("claimed_by", "ولادمیر پوتین")])
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_saved(qtbot, path, lambda d: ("located_in", "روسیه") in links_of(d, claim_of(d, "نیروهای")))
    table.setCurrentCell(5, 0)
    qtbot.keyClick(table, Qt.Key.Key_R)  # bita's «وی»: rejected
    assert session.open_count() == 0
    assert table.item(1, 0).background().color() == AGREED  # claim 1: all of it decided
    for coder in ("ali", "bita", "carol"):  # the coders' files are as they were
        saved = json.loads((root / "annotations" / coder / f"{doc}.json").read_text(encoding="utf-8"))
        assert saved["annotator"] == coder
    window.close()


def test_a_link_to_a_span_the_curated_set_lacks_is_named_not_made(qtbot: Any, tmp_path: Path) -> None:
    root, doc = putin_project(tmp_path)
    project = Project.open(root)
    ali = project.load_annotations(doc, "ali")
    curated = project.load_annotations(doc, "curated")  # the curator deleted Russia
    for span in ali.spans():
        if span.label != "location":
            curated.add_span(span.label, span.start, span.end, attributes={})
    project.save_annotations(curated)
    window = open_in_window(qtbot, root, "ali")
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    session = window.session
    table = session.panel.table  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: table.rowCount() == 7)
    assert plain(table.item(3, 1).text()).startswith("Located in: ")
    path = root / "annotations" / "curated" / f"{doc}.json"
    table.setCurrentCell(3, 0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_1)  # ali's link: its end, Russia, is not in the curated set
    assert window.statusBar().currentMessage().endswith(
        "Not linked to «روسیه»: not in the curated set (decide it first)"
    )
    assert session.is_open(session.items[3])  # type: ignore[union-attr]
    table.setCurrentCell(4, 0)
    qtbot.keyClick(table, Qt.Key.Key_1)  # Russia back into the curated set
    table.setCurrentCell(3, 0)
    qtbot.keyClick(table, Qt.Key.Key_1)  # now the link is made
    wait_saved(qtbot, path, lambda d: ("located_in", "روسیه") in links_of(d, claim_of(d, "نیروهای")))
    assert not session.is_open(session.items[3])  # type: ignore[union-attr]
    window.close()
