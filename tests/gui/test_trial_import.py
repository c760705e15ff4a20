"""The fresh-clone trial, File ▸ Import: a doccano export imported with the format left on its
default keeps its labels (on disk and on the page), the window says which format it found,
and the format list says what each entry is, as File ▸ Export does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from annotator.io.project import Project
from annotator.ui import MainWindow

TEXT = "سخنگوی وزارت خارجه ایران در تهران گفت"


def open_project(qtbot: Any, root: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need an active window
    assert window.open(root), window.last_message
    return window


def test_ctrl_i_on_the_default_format_keeps_a_doccano_files_labels(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "doccano.jsonl"
    line = {"text": TEXT, "label": [[19, 24, "LOC"], [28, 33, "LOC"]]}
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    root = tmp_path / "p"
    Project.create(root, "p")
    window = open_project(qtbot, root)
    asked: dict[str, Any] = {}

    def pick(_parent: Any, _title: str, label: str, items: list[str], current: int, *_a: Any) -> tuple[str, bool]:
        asked["label"], asked["items"] = label, items
        return items[current], True  # Return on the list as it opens: the default

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(source)], ""))
    monkeypatch.setattr(QInputDialog, "getItem", pick)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)

    items = asked["items"]
    assert items[0].startswith("auto: detected from each file")
    assert "txt: plain text, one article a file" in items
    assert "doccano: " + "doccano JSONL" in " ".join(items)
    assert all(": " in item for item in items)  # no bare ids: each says what it is
    assert asked["label"] == "Format"

    project = Project.open(root)
    (doc_id,) = project.document_ids()
    saved = json.loads((root / "annotations" / "imported" / f"{doc_id}.json").read_text(encoding="utf-8"))
    assert [(s["label"], s["text"]) for s in saved["spans"]] == [("LOC", "ایران"), ("LOC", "تهران")]
    assert window.annotations is not None  # the imported document opens with its labels on it
    assert [(s.label, s.text) for s in window.annotations.spans()] == [("LOC", "ایران"), ("LOC", "تهران")]
    assert window.last_message.splitlines()[:4] == [
        "1 document added",
        "0 duplicates skipped",
        "0 problems",
        "doccano.jsonl: format detected: doccano",
    ]
    window.close()
