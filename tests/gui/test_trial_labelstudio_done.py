"""Trial: a Label Studio export's completed tasks were done in `annotator stats` and new in
the window's "N of M documents done". The status goes where the spans go: to the coder
its annotation names (`completed_by`), else to the import's annotations, which a coder who
has not touched the document sees as their own, status included. Both views read it so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from annotator.cli import main
from annotator.io.project import Project

from .conftest import open_in_window


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def stats(capsys: pytest.CaptureFixture[str], root: Path, *more: str) -> dict[str, Any]:
    figures: dict[str, Any] = json.loads(cli(capsys, "stats", str(root), "--json", *more))
    return figures


def a_project(tmp_path: Path, corpora: Path, capsys: pytest.CaptureFixture[str], *exports: Path) -> Path:
    """Label Studio exports first, then three Fars News articles, imported with the command."""
    articles = json.loads((corpora / "news" / "fars-news-2.json").read_text(encoding="utf-8"))[:3]
    fars = tmp_path / "fars.json"
    fars.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    root = tmp_path / "p"
    cli(capsys, "import", str(root), *map(str, exports), str(fars), "-q")
    return root


def test_a_completed_task_without_a_coder_is_done_in_stats_and_in_the_window(
    qtbot: Any, tmp_path: Path, corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Label Studio's own example task: one submitted annotation, no completed_by
    root = a_project(tmp_path, corpora, capsys, corpora / "interop" / "labelstudio" / "named_entity_task.json")
    task, *articles = Project.open(root).document_ids()
    saved = json.loads((root / "annotations" / "imported" / f"{task}.json").read_text(encoding="utf-8"))
    assert (saved["status"], [s["text"] for s in saved["spans"]]) == ("done", ["February 22"])
    assert stats(capsys, root)["status"] == {"new": 3, "in_progress": 0, "done": 1}

    window = open_in_window(qtbot, root, annotator="sara", size=(1100, 760))
    assert window.session is not None
    assert window.status_label.text().startswith("1 of 4 documents done")
    assert window.session.doc_id == articles[0]  # opened on the first one not done
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.session.doc_id == task
    assert window.annotations is not None and window.annotations.status.value == "done"
    assert [s.text for s in window.annotations.spans()] == ["February 22"]
    qtbot.keyClick(window.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # next unfinished
    assert window.session.doc_id == articles[0]

    # sara reopens the task for herself: her own file, the count follows, and so does stats
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.status_label.text().startswith("0 of 4 documents done")
    window.close()
    own = json.loads((root / "annotations" / "sara" / f"{task}.json").read_text(encoding="utf-8"))
    assert (own["status"], [s["text"] for s in own["spans"]]) == ("in_progress", ["February 22"])
    assert stats(capsys, root, "--annotator", "sara")["status"] == {"new": 3, "in_progress": 1, "done": 0}
    assert stats(capsys, root)["status"] == {"new": 3, "in_progress": 1, "done": 0}
    # the import's file is as it came
    assert json.loads((root / "annotations" / "imported" / f"{task}.json").read_text(encoding="utf-8")) == saved


def test_a_task_completed_by_a_coder_is_done_for_that_coder_where_the_spans_went(
    qtbot: Any, tmp_path: Path, corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    task = json.loads((corpora / "interop" / "labelstudio" / "named_entity_task.json").read_text(encoding="utf-8"))
    # as Label Studio's JSON export writes the coder (data_export/serializers.py, CompletedBySerializer)
    task["annotations"][0]["completed_by"] = {"id": 11, "email": "sara@example.org", "first_name": "Sara"}
    export = tmp_path / "project-1-at-2026.json"
    export.write_text(json.dumps([task]), encoding="utf-8")
    root = a_project(tmp_path, corpora, capsys, export)
    doc_id = Project.open(root).document_ids()[0]
    assert not (root / "annotations" / "imported").exists()
    saved = json.loads((root / "annotations" / "sara@example.org" / f"{doc_id}.json").read_text(encoding="utf-8"))
    assert (saved["annotator"], saved["status"], len(saved["spans"])) == ("sara@example.org", "done", 1)
    assert stats(capsys, root, "--annotator", "sara@example.org")["status"] == {"new": 3, "in_progress": 0, "done": 1}
    assert stats(capsys, root)["status"] == {"new": 3, "in_progress": 0, "done": 1}

    window = open_in_window(qtbot, root, annotator="sara@example.org", size=(1100, 760))
    assert window.status_label.text().startswith("1 of 4 documents done")
    window.close()
    # another coder has not done it: new to them, in the window as in stats
    window = open_in_window(qtbot, root, annotator="reza", size=(1100, 760))
    assert window.status_label.text().startswith("0 of 4 documents done")
    assert window.annotations is not None and window.annotations.spans() == []
    window.close()
