"""An import from the window onto a full disk: the progress dialog closes, the message says
why, and the project is as it was (issue 15, item 5, the window's part)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog

from annotator.io.project import Project
from annotator.ui import MainWindow


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 16 MB file system (tmpfs), where root may mount one; skipped elsewhere."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_import_onto_a_full_disk_closes_the_progress_and_says_why(
    qtbot: Any, window: MainWindow, tiny_disk: Path, tmp_path: Path
) -> None:
    project_path = tiny_disk / "proj"
    project = Project.create(project_path, "full")
    source = tmp_path / "news.json"
    source.write_text(json.dumps([{"title": "خبر", "text": "یک متن فارسی. " * 20}], ensure_ascii=False), "utf-8")
    assert project.import_sources([source]).added
    catalogue = (project_path / "documents.json").read_bytes()
    assert window.open_project(project_path)
    big = tmp_path / "big.json"
    article = "آمریکا گفت ایران مسئول حمله در سوریه است. " * 400
    big.write_text(
        json.dumps([{"title": f"خبر {i}", "text": f"{i} {article}"} for i in range(600)], ensure_ascii=False)
    )
    session = window.session
    assert session is not None
    session.import_files([str(big)], "json")
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert "No space left on device" in window.last_message or "full" in window.last_message.lower()
    assert "Traceback" not in window.last_message
    assert (project_path / "documents.json").read_bytes() == catalogue


def test_the_command_line_import_onto_a_full_disk_is_one_line_exit_2(
    tiny_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.cli import main

    Project.create(tiny_disk / "proj", "full")
    big = tmp_path / "big.json"
    article = "آمریکا گفت ایران مسئول حمله در سوریه است. " * 400
    big.write_text(
        json.dumps([{"title": f"خبر {i}", "text": f"{i} {article}"} for i in range(600)], ensure_ascii=False)
    )
    assert main(["import", str(tiny_disk / "proj"), str(big)]) == 2
    err = capsys.readouterr().err
    assert "disk is full" in err and "Traceback" not in err and err.count("\n") == 1
