"""Project ▸ Analysis in the real window: charts of the coded claims that match the files,
saved as PNG and SVG; the claims table and a network exported from the window."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog

from annotator.ui import MainWindow
from annotator.ui.analysis_dialog import AnalysisDialog
from annotator.ui.app import make_app
from annotator.ui.settings import Settings

from . import expected

pytestmark = pytest.mark.corpora


@pytest.fixture
def analysis(qtbot: Any, fars_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AnalysisDialog]:
    monkeypatch.setattr("annotator.ui.app.ask_first_name", lambda: None)
    make_app()
    window = MainWindow(Settings(language="fa"), annotator="maryam")
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    assert window.open_project(fars_copy)
    menu = next(a.menu() for a in window.menuBar().actions() if window.act_analysis in a.menu().actions())
    assert menu.isEnabled()
    window.act_analysis.trigger()
    dialog = window.findChild(QDialog, "analysisDialog")
    assert isinstance(dialog, AnalysisDialog)
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()
    window.close()


def choose(qtbot: Any, combo: Any, data: str) -> None:
    """Pick an item of a combo box with the keyboard, as a user would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def names(project: Path) -> dict[str, str]:
    registry = expected.entities(project)
    return {e: registry[e]["name_fa"] for e in registry}


def test_charts_count_what_the_files_hold(qtbot: Any, analysis: AnalysisDialog, fars_copy: Path) -> None:
    choose(qtbot, analysis.coder, "maryam")
    claims = expected.claims(fars_copy, "maryam")
    per_actor: Counter[str] = Counter()
    for c in claims:
        for who in c["claimants"]:
            per_actor[names(fars_copy).get(who, who.removeprefix("mention:"))] += 1
    assert analysis.chart.series == sorted(per_actor.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
    assert analysis.chart.title == "ادعا بر پایهٔ کنشگر" or analysis.chart.title
    read = len(expected.files(fars_copy, "maryam"))
    holding = len({c["doc"] for c in claims})
    said = f"ادعاها: {len(claims)}، در {holding} سند از {read} سند خوانده‌شده"
    assert analysis.message.text() == said.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    choose(qtbot, analysis.chart_choice, "positions")
    positions = Counter(c["position"] for c in claims)
    want = [("موافق", positions["supports"]), ("مخالف", positions["opposes"]), ("خنثی", positions["neutral"])]
    assert analysis.chart.series == [w for w in want if w[1]] + [("کدگذاری‌نشده", positions[""])]
    choose(qtbot, analysis.chart_choice, "time")
    years = Counter(jalali_year(c["date"]) for c in claims if c["date"])
    assert max(years) - min(years) > 3, "the Fars articles span years: counted by year"
    want_years = [(str(y), years[y]) for y in range(min(years), max(years) + 1)]
    assert analysis.chart.series == want_years
    # done only, by a click
    qtbot.mouseClick(analysis.done_only, Qt.MouseButton.LeftButton)
    choose(qtbot, analysis.chart_choice, "topics")
    topics = Counter(c["topic"] for c in claims if c["status"] == "done")
    assert sum(n for _, n in analysis.chart.series) == sum(topics.values())


def jalali_year(iso: str) -> int:
    import datetime as dt

    import jdatetime

    return int(jdatetime.date.fromgregorian(date=dt.date.fromisoformat(iso)).year)


def test_a_bad_date_is_said_and_nothing_drawn(qtbot: Any, analysis: AnalysisDialog) -> None:
    analysis.date_from.setFocus()
    qtbot.keyClicks(analysis.date_from, "tomorrow")  # keyClicks takes ASCII only
    qtbot.keyClick(analysis.date_from, Qt.Key.Key_Return)
    assert "not a date" in analysis.message.text()
    assert analysis.chart.series == []


def test_save_png_svg_and_export(qtbot: Any, analysis: AnalysisDialog, fars_copy: Path, tmp_path: Path) -> None:
    choose(qtbot, analysis.coder, "maryam")
    png, svg = tmp_path / "chart.png", tmp_path / "chart.svg"
    assert analysis.save_chart("png", png) and analysis.save_chart("svg", svg)
    image = QImage(str(png))
    assert image.width() >= analysis.chart.width() and not image.isNull()
    text = svg.read_text("utf-8")
    assert "<svg" in text and analysis.chart.series[0][0] in text
    out = tmp_path / "claims.csv"
    assert analysis.export_claims(out)
    rows = list(csv.DictReader(out.read_text("utf-8-sig").splitlines()))
    claims = expected.claims(fars_copy, "maryam")
    assert len(rows) == sum(max(1, len(c["claimants"])) for c in claims)
    net = tmp_path / "net.gexf"
    choose(qtbot, analysis.network_kind, "co-occurrence")
    assert analysis.export_graph(net)
    graph = nx.read_gexf(net)
    assert graph.number_of_nodes() > 3


def test_a_network_of_all_coders_is_refused(qtbot: Any, analysis: AnalysisDialog, tmp_path: Path) -> None:
    choose(qtbot, analysis.coder, "")
    assert not analysis.export_graph(tmp_path / "n.graphml")
    assert not (tmp_path / "n.graphml").exists()


def test_analysis_follows_the_language_and_needs_a_project(qtbot: Any, analysis: AnalysisDialog) -> None:
    window = analysis.parent()
    assert isinstance(window, MainWindow)
    window.set_language("en", save=False)
    assert analysis.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert analysis.chart_choice.itemText(0) == "Claims per actor"
    assert analysis.top.locale().language() != analysis.top.locale().Language.Persian
    window.set_language("fa", save=False)
    assert analysis.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert analysis.top.text() == "۱۵"


def test_analysis_without_a_project_says_so(qtbot: Any) -> None:
    make_app()
    window = MainWindow(Settings(language="en"), annotator="maryam")
    qtbot.addWidget(window)
    assert window.open_sample()
    assert not window.act_analysis.isEnabled()
    assert window.show_analysis() is None
    assert "open one with File ▸ Open project" in window.last_message
