"""The document list follows documents.json when another process changes it while the
window is open (trial 5, item 3): `annotator import` from the command line, or a synced
folder bringing a colleague's import. The list, "N of M documents done" and Ctrl+PgDown
stayed with the documents there were when the project opened, until a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.io.project import Project

from .conftest import open_in_window
from .test_project_window import make_project

CTRL = Qt.KeyboardModifier.ControlModifier


def test_an_import_from_the_command_line_shows_in_the_open_window(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    table = window.findChild(type(window.table).__mro__[1], "documentList")
    assert table is not None and table.model().rowCount() == 3
    assert window.session.progress_text() == "0 of 3 documents done"

    more = tmp_path / "more"
    more.mkdir()
    (more / "d-tehran.txt").write_text("وزیر خارجه در تهران گفت مذاکرات ادامه دارد.", encoding="utf-8")
    other = Project.open(root)  # another process: the command line's import
    assert other.import_sources([more]).added

    qtbot.waitUntil(lambda: table.model().rowCount() == 4, timeout=6000)
    assert window.session.progress_text() == "0 of 4 documents done"
    first = window.session.doc_id
    for _ in range(3):  # Ctrl+PgDown reaches the new document
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    assert window.session.doc_id != first
    assert window.annotations is not None and "مذاکرات" in window.annotations.text
    window.close()
