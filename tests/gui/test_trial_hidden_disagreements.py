"""Curated data must not be silently incomplete (new user's trial, the Putin article):
three coders agree on a claim's extent but not on its position, one adds a link; the
curation list shows each as an item to decide, and Project ▸ Analysis counts one set
(the curated one when there is one, else the coder's own), never every coder pooled
unless asked, and then said so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from annotator.cli import main
from annotator.io.project import Project
from annotator.ui.theme import install_language

from .conftest import open_in_window

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
