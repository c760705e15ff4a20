"""Edits a journal brought back at opening (after a kill) are written into the annotation
file shortly, as any edit is, without waiting for the next edit or for closing (trial 5,
item 4: the window sat 40 minutes with "*" in its title and the file behind the journal,
which a synced folder carried to the coder's other computer without those edits)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.io.store import journal_path

from .conftest import open_in_window
from .test_recovery_names_title import crashed


def test_recovered_edits_are_checkpointed_without_another_edit(qtbot: Any, tmp_path: Path) -> None:
    project, _doc_id, path = crashed(tmp_path)

    window = open_in_window(qtbot, project.path, annotator="ali", size=(1366, 768))
    assert [s["text"] for s in json.loads(path.read_text(encoding="utf-8"))["spans"]] == []  # behind
    qtbot.waitUntil(lambda: not journal_path(path).exists(), timeout=5000)
    assert [s["text"] for s in json.loads(path.read_text(encoding="utf-8"))["spans"]] == ["تهران"]
    assert window.store is not None and not window.store.needs_checkpoint
    assert not window.isWindowModified()
    window.close()
