"""Restarting after a crash (kill -9): the lock the killed window left is stale and taken
over without a question, the status bar says the last session ended without closing, and
its journaled edits are on disk after the restart. The trial's shell had not reaped the
killed window (a zombie: os.kill(pid, 0) still succeeded), and the restart asked whether to
take the project over from the dead process, its first sentence in English in the Persian
interface. A live holder is still asked about, in the interface's language."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from annotator.io.lock import ProjectLock
from annotator.io.project import Project
from annotator.io.store import AnnotationStore, journal_path
from annotator.ui import MainWindow

TEXTS = {"a.txt": "وزیر خارجه در تهران گفت.", "b.txt": "سخنگوی دولت در مشهد هشدار داد."}


def crashed_project(tmp_path: Path) -> tuple[Project, list[str], subprocess.Popen[bytes]]:
    """Ali's window tagged a word in each document (journaled, not checkpointed) and was
    killed; its process is a zombie, its lock left behind."""
    sources = tmp_path / "s"
    sources.mkdir()
    for name, text in TEXTS.items():
        (sources / name).write_text(text, encoding="utf-8")
    project = Project.create(tmp_path / "p", "p")
    ids = project.import_sources([sources]).added
    for doc_id, word in zip(ids, ("تهران", "مشهد"), strict=True):
        path = project.annotation_path(doc_id, "ali")
        project.save_annotations(project.load_annotations(doc_id, "ali"))
        store = AnnotationStore.open(path, project.schema, project.load_document(doc_id), embed_text=False)[0]
        start = store.aset.text.index(word)
        store.aset.add_span("location", start, start + len(word))
        store.detach()  # killed: the edit is in the journal only
        assert journal_path(path).exists()
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    lock = ProjectLock(project.path, "ali")
    data = {"pid": proc.pid, "host": socket.gethostname(), "time": time.time(), "annotator": "ali", "token": "t"}
    lock.path.write_text(json.dumps(data), encoding="utf-8")
    proc.kill()
    deadline = time.time() + 10
    while Path(f"/proc/{proc.pid}/stat").read_text().split(") ")[1][0] != "Z" and time.time() < deadline:
        time.sleep(0.01)
    return project, ids, proc


@pytest.mark.parametrize("language", ["en", "fa"])
def test_restart_after_a_kill_takes_the_lock_over_and_keeps_the_edits(
    qtbot: Any, tmp_path: Path, language: str
) -> None:
    if not Path("/proc/self/stat").exists():
        pytest.skip("no /proc here")
    project, ids, proc = crashed_project(tmp_path)
    try:
        from annotator.ui.settings import Settings

        settings = Settings()
        settings.annotator = "ali"
        settings.language = language
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.resize(1100, 760)
        window.show()
        qtbot.waitExposed(window)
        assert window.open(project.path), window.last_message  # no question (conftest fails on one)
        pid = str(proc.pid) if language == "en" else str(proc.pid).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        said = window.last_message
        if language == "en":
            assert said.startswith(f"The last session ended without closing (process {pid}).")
            assert "Its unsaved edits to 1 other document are kept and come back when it opens." in said
        else:
            assert said.startswith(f"نشست پیشین بی‌آنکه بسته شود پایان یافت (فرایند {pid}).")
        lock = ProjectLock(project.path, "ali").read()
        assert lock is not None and lock.pid != proc.pid  # ours now
        window.checkpoint()
        assert window.session is not None
        other = ids[1] if window.session.doc_id == ids[0] else ids[0]
        window.session.open_document(other)
        window.checkpoint()
        window.close()
    finally:
        proc.wait()
    for doc_id, word in zip(ids, ("تهران", "مشهد"), strict=True):
        data = json.loads(project.annotation_path(doc_id, "ali").read_text(encoding="utf-8"))
        assert [s["text"] for s in data["spans"]] == [word]


def test_a_live_holder_is_asked_about_in_persian(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project.create(tmp_path / "p", "p")
    holder = ProjectLock(project.path, "ali")
    holder.acquire()  # this very process: alive
    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "ask_take_over", lambda self, reason: asked.append(reason) or False)
    from annotator.ui.settings import Settings

    settings = Settings()
    settings.annotator = "ali"
    settings.language = "fa"
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.open(project.path)
    assert asked and asked[0].startswith("این پروژه در پنجرهٔ دیگری باز است: کدگذار")
    assert "already open" not in asked[0]
    holder.release()
