"""A project on a read-only disk opens for viewing (issue 15, item 9): the title says so,
nothing is created until the first edit, and that edit's failure is a message."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.io.project import Project
from annotator.ui import MainWindow


def snapshot_of(folder: Path) -> dict[str, bytes]:
    # not the cache: the import made in this process keeps its own database open on the
    # writable path (its -wal/-shm files come and go with it)
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b"/"
        for p in folder.rglob("*")
        if ".cache" not in p.relative_to(folder).parts
    }


@pytest.fixture
def read_only_project(tmp_path: Path) -> Iterator[Path]:
    source = tmp_path / "a.txt"
    source.write_text("وزیر خارجه در تهران گفت مذاکرات ادامه دارد.", encoding="utf-8")
    root = tmp_path / "proj"
    Project.create(root, "p").import_sources([source])
    mount = tmp_path / "ro"
    mount.mkdir()
    bind = subprocess.run(["mount", "--bind", str(root), str(mount)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip("cannot make a read-only mount here (needs root)")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], capture_output=True).returncode != 0:
            pytest.skip("cannot make a read-only mount here")
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)  # lazy: a database may be open


def test_a_read_only_project_opens_for_viewing(qtbot: Any, read_only_project: Path) -> None:
    before = snapshot_of(read_only_project)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open(read_only_project), window.last_message
    assert window.annotations is not None and "تهران" in window.annotations.text
    assert "read-only" in window.windowTitle()
    assert "Errno" not in window.last_message
    window.close()
    assert snapshot_of(read_only_project) == before  # nothing created, nothing changed
