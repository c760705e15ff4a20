"""Every kind of damaged annotation file, in the window and on the command line alike: a
file that is valid JSON but breaks the format (a wrong type, a span ending before it
starts or past the text, a label the schema does not have, a missing field) is left out
of Project ▸ Statistics… and Project ▸ Analysis, named with its problem, exactly as
`annotator stats` names it (`left_out`), and its spans are not counted by either (the
window used to count them and name nothing; `stats` named them but counted them too)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget

from annotator.cli import main
from annotator.io.project import Project
from annotator.ui.analysis_dialog import AnalysisDialog

from .conftest import open_in_window

TEXTS = [
    "وزیر خارجه ایران گفت تحریم‌ها باید لغو شود. آمریکا پاسخ نداد.",
    "سخنگوی دولت گفت مذاکرات ادامه دارد. روسیه از آن حمایت کرد.",
]


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data["spans"][0].__setitem__(key, value)


DAMAGE: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "wrong type": (_set("start", "x"), "$.spans[0].start: should be integer, not str 'x'"),
    "end before start": (lambda d: d["spans"][0].update(start=5, end=2), "$.spans[0].end: end 2 is not after start 5"),
    "end past the text": (_set("end", 900), "$.spans[0].end: end 900 is beyond the text (58 characters)"),
    "unknown label": (_set("label", "nope"), "$.spans[0].label: unknown label 'nope'"),
    "missing field": (lambda d: d.pop("status"), "'status' is missing"),
    "not JSON": (lambda d: None, "not valid JSON (line "),
}


def damaged_project(tmp_path: Path, kind: str) -> tuple[Path, Path, bytes]:
    """Ali coded a claim in each of two documents; the second file is damaged."""
    sources = []
    for i, text in enumerate(TEXTS):
        sources.append(tmp_path / f"a{i}.txt")
        sources[-1].write_text(text, encoding="utf-8")
    project = Project.create(tmp_path / "P", "P")
    ids = project.import_sources(sources).added
    for doc_id in ids:
        aset = project.load_annotations(doc_id, "Ali")
        actor = aset.add_span("actor", 0, aset.text.index(" "))
        claim = aset.add_span("claim", 0, aset.text.index("."))
        aset.add_relation("claimed_by", claim.id, actor.id)
        project.save_annotations(aset)
    project.stats()  # the index knows the intact file: the damage comes after, as in life
    bad = project.annotation_path(ids[1], "Ali")
    if kind == "not JSON":
        raw = bad.read_bytes()[:300]
    else:
        data = json.loads(bad.read_text(encoding="utf-8"))
        DAMAGE[kind][0](data)
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    bad.write_bytes(raw)
    return project.path, bad, raw


def plain(text: str) -> list[str]:
    return text.replace("\u2068", "").replace("\u2069", "").splitlines()  # bidi isolates


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_window_and_stats_leave_out_the_same_file_for_the_same_reason(
    qtbot: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    root, bad, raw = damaged_project(tmp_path, kind)
    window = open_in_window(qtbot, root, annotator="Ali")
    window.set_language("en")
    window.act_stats.trigger()
    dialog = window.findChild(QDialog, "statisticsDialog")
    table = dialog.findChild(QTableWidget, "statisticsTable")
    cells = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert cells["Claim"] == "1" and cells["Actor"] == "1" and cells["Ali"] == "2 · 0"  # the readable file only
    assert "nope" not in cells
    note = dialog.findChild(QLabel, "statisticsLeftOut")
    assert note is not None and note.isVisible()
    lines = plain(note.text())
    assert lines[0] == "1 annotation file cannot be read and is left out of these figures:"
    assert lines[1].startswith(f"{bad}: {DAMAGE[kind][1]}"), lines
    dialog.close()

    assert main(["stats", str(root), "--json"]) == 1
    stats = json.loads(capsys.readouterr().out)
    assert stats["left_out"] == lines[1:]  # the same file, in the same words
    assert stats["annotators"]["Ali"]["spans"] == 2 and stats["labels"] == {"actor": 1, "claim": 1}

    window.act_analysis.trigger()
    analysis = window.findChild(QDialog, "analysisDialog")
    assert isinstance(analysis, AnalysisDialog)
    said = plain(analysis.message.text())
    assert said[1:] == ["1 annotation file cannot be read and is left out:", lines[1]]
    assert len(analysis.codings) == 1
    analysis.close()

    out = tmp_path / "claims.csv"
    assert main(["export", str(root), "--annotator", "Ali", "--format", "claims", "--out", str(out)]) == 1
    assert f"annotator export: {lines[1]} (left out)" in capsys.readouterr().err.splitlines()
    assert bad.read_bytes() == raw
