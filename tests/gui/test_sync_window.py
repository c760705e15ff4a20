"""The window in a git clone: browsing writes nothing git sees, an edit changes only the
coder's own folder, and File ▸ Synchronise sends it and says what arrived."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from annotator.io.project import Project

from .conftest import double_click_word, open_in_window

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Lead", "-c", "user.email=lead@example.invalid", *args],
        cwd=cwd, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def test_browsing_is_invisible_to_git_and_synchronise_reports_arrivals(qtbot: Any, tmp_path: Path) -> None:
    bare = tmp_path / "team.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(bare))
    (tmp_path / "src").mkdir()
    for name, text in {"a.txt": "حمله پهپادی در بغداد.", "b.txt": "دمشق هشدار داد."}.items():
        (tmp_path / "src" / name).write_text(text, encoding="utf-8")
    lead = tmp_path / "lead"
    Project.create(lead, "team").import_sources([tmp_path / "src"])
    git(lead, "init", "-q", "-b", "main")
    git(lead, "add", "-A")
    git(lead, "commit", "-q", "-m", "articles")
    git(lead, "remote", "add", "origin", str(bare))
    git(lead, "push", "-q", "-u", "origin", "main")
    git(tmp_path, "clone", "-q", str(bare), "sara")
    sara = tmp_path / "sara"

    window = open_in_window(qtbot, sara, "Sara")
    assert window.session is not None
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    window.show_agreement()  # computing figures writes nothing either
    panel = window.findChild(object, "agreementView")
    qtbot.waitUntil(lambda: panel.refresh_button.isEnabled(), timeout=20000)
    window.checkpoint()
    assert git(sara, "status", "--porcelain") == ""  # caches, locks: ignored; no file rewritten

    assert window.annotations is not None
    double_click_word(qtbot, window.view, window.annotations.text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.checkpoint()
    changed = git(sara, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert changed and all(line[3:].startswith("annotations/Sara/") for line in changed)

    # meanwhile a colleague sends their work
    git(tmp_path, "clone", "-q", str(bare), "reza")
    reza = tmp_path / "reza"
    project = Project.open(reza)
    aset = project.load_annotations(project.document_ids()[1], "Reza")
    aset.add_span("location", 0, 4)
    project.save_annotations(aset)
    git(reza, "add", "-A")
    git(reza, "commit", "-q", "-m", "Reza's work")
    git(reza, "push", "-q")

    doc = window.session.doc_id
    window.act_sync.trigger()  # File ▸ Synchronise
    assert "Reza: 1" in window.last_message and "sent" in window.last_message, window.last_message
    assert window.session is not None and window.session.doc_id == doc  # back where the coder was
    assert window.annotations is not None and window.annotations.span_count() == 1
    assert git(sara, "status", "--porcelain") == ""
    git(reza, "pull", "-q", "--rebase")
    assert (reza / "annotations" / "Sara").is_dir()
    window.close()


def test_synchronise_outside_git_says_so(qtbot: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("سلام دنیا", encoding="utf-8")
    root = tmp_path / "p"
    Project.create(root, "p").import_sources([tmp_path / "a.txt"])
    window = open_in_window(qtbot, root, "Sara")
    assert not window.synchronise()
    assert "not a git work tree" in window.last_message
    assert window.session is not None and window.annotations is not None  # still working
    window.close()
