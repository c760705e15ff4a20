"""The Persian statistics dialog shows each coder's "spans · documents done" whole (the
fourth trial: "۳۴۰ · ۰" was cut off in its cell), and `annotator stats` labels its
counts (it printed "83 actor(s)", distinct actors, beside "actor: 115", spans, with neither
labelled)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QTableWidget

from annotator.cli import main
from annotator.io.project import Project

from .conftest import open_in_window

TEXT = "وزیر خارجه در تهران گفت. " * 40


def coded_project(tmp_path: Path) -> Project:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    project = Project.create(tmp_path / "p", "p")
    (doc,) = project.import_sources([tmp_path / "a.txt"]).added
    for coder, many in (("ali", 340), ("sara", 12)):
        aset = project.load_annotations(doc, coder)
        for i in range(many):
            aset.add_span("actor" if i % 2 else "location", i * 2, i * 2 + 1)
        project.save_annotations(aset)
    return project


@pytest.mark.parametrize("language", ["fa", "en"])
def test_each_count_is_whole_in_its_cell(qtbot: Any, tmp_path: Path, language: str) -> None:
    project = coded_project(tmp_path)
    window = open_in_window(qtbot, project.path, annotator="ali", size=(1366, 768))
    window.set_language(language, save=False)
    assert window.session is not None
    dialog = window.session.show_statistics()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    table = dialog.findChild(QTableWidget, "statisticsTable")
    metrics = table.fontMetrics()
    width = table.columnWidth(1)
    x = table.columnViewportPosition(1)
    assert x >= 0 and x + width <= table.viewport().width(), (x, width, table.viewport().width())
    for row in range(table.rowCount()):
        text = table.item(row, 1).text()
        # the text, the cell's margins and room to read it: not flush with the table's edge
        assert metrics.horizontalAdvance(text) + 20 <= width, (text, metrics.horizontalAdvance(text), width)
    assert table.horizontalScrollBar().maximum() == 0
    dialog.grab().save(str(tmp_path / f"stats_{language}.png"))
    dialog.close()
    window.close()


def test_stats_labels_spans_and_distinct_actors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = coded_project(tmp_path)
    assert main(["stats", str(project.path)]) == 0
    out = capsys.readouterr().out
    assert "  actor: 176 span(s)" in out  # 170 + 6, the two sets added up
    assert "distinct actor(s) (one per entity, else per spelling)" in out
    assert " actor(s), " not in out.replace("distinct actor(s)", "")
    assert "distinct actors: " in out
