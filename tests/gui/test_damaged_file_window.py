"""One damaged annotation file in a project, in the window (new user's trial): Project ▸
Statistics… and Project ▸ Analysis count the readable files and say which file was left
out and why; neither raises (the analysis used to die with a traceback and no dialog)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget

from annotator.io.project import Project
from annotator.ui.analysis_dialog import AnalysisDialog

from .conftest import open_in_window

TEXTS = [
    "وزیر خارجه ایران گفت تحریم‌ها باید لغو شود. آمریکا پاسخ نداد.",
    "سخنگوی دولت گفت مذاکرات ادامه دارد. روسیه از آن حمایت کرد.",
]


def damaged_project(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """Ali coded a claim in each of two documents; the second file is cut at 300 bytes."""
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
    bad = project.annotation_path(ids[1], "Ali")
    raw = bad.read_bytes()[:300]
    bad.write_bytes(raw)
    return project.path, bad, raw


def test_statistics_say_which_file_is_left_out(qtbot: Any, tmp_path: Path) -> None:
    root, bad, raw = damaged_project(tmp_path)
    window = open_in_window(qtbot, root, annotator="Ali")
    window.set_language("en")
    window.act_stats.trigger()
    dialog = window.findChild(QDialog, "statisticsDialog")
    assert dialog is not None
    table = dialog.findChild(QTableWidget, "statisticsTable")
    cells = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert cells["Claim"] == "1" and cells["Ali"] == "2 · 0"  # the readable file's spans only
    note = dialog.findChild(QLabel, "statisticsLeftOut")
    assert note is not None and note.isVisible()
    lines = note.text().replace("\u2068", "").replace("\u2069", "").splitlines()  # bidi isolates
    assert lines[0] == "1 annotation file cannot be read and is left out of these figures:"
    assert lines[1].startswith(f"{bad}: not valid JSON (line ")
    assert lines[1].endswith("unterminated string); the file is damaged and was left as it is")
    dialog.close()
    assert bad.read_bytes() == raw


def test_analysis_opens_from_the_readable_files(qtbot: Any, tmp_path: Path) -> None:
    root, bad, raw = damaged_project(tmp_path)
    window = open_in_window(qtbot, root, annotator="Ali")
    window.set_language("en")
    window.act_analysis.trigger()
    dialog = window.findChild(QDialog, "analysisDialog")
    assert isinstance(dialog, AnalysisDialog)
    qtbot.waitExposed(dialog)
    lines = dialog.message.text().replace("\u2068", "").replace("\u2069", "").splitlines()  # bidi isolates
    assert lines[0] == "Claims: 1, in 1 of 1 document read"
    assert lines[1] == "1 annotation file cannot be read and is left out:"
    assert lines[2].startswith(f"{bad}: not valid JSON (line ") and len(lines) == 3
    assert len(dialog.codings) == 1 and dialog.codings[0].document.id != bad.stem
    dialog.close()
    assert bad.read_bytes() == raw


def test_a_document_that_fails_to_open_gives_the_list_back_to_the_shown_one(qtbot: Any, tmp_path: Path) -> None:
    """The trial: the damaged document stayed highlighted in the list while the article,
    the spans and Ctrl+Return were still the previous document's."""
    from PySide6.QtWidgets import QAbstractItemView

    root, bad, raw = damaged_project(tmp_path)
    window = open_in_window(qtbot, root, annotator="Ali", size=(1200, 800))
    assert window.session is not None
    shown = window.session.doc_id
    assert shown and shown != bad.stem
    table = window.findChild(QAbstractItemView, "documentList")
    model = table.model()
    rows = {window.session.list.model.summary_at(r).id: r for r in range(model.rowCount())}  # type: ignore[union-attr]
    index = model.index(rows[bad.stem], 0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    assert window.last_message.startswith(f"{bad}: not valid JSON (line ")
    assert window.session.doc_id == shown
    status = model.index(rows[bad.stem], 1)
    tip = status.data(Qt.ItemDataRole.ToolTipRole).splitlines()
    assert status.data() == "can't read" and bad.stem in tip and tip[-1].startswith("not valid JSON (line ")
    assert model.index(rows[shown], 1).data() != "can't read"
    selected = {i.row() for i in table.selectionModel().selectedRows()}
    assert selected == {rows[shown]} and table.currentIndex().row() == rows[shown]
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # done: the shown one
    saved = window.session.project.annotation_path(shown, "Ali").read_text(encoding="utf-8")
    assert json.loads(saved)["status"] == "done"
    assert bad.read_bytes() == raw
