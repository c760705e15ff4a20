"""Two writers of one project's catalogue: imports in two processes, and the window's
project after a command-line import (issue 15, item 3)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annotator.io.catalog import ImportProgress
from annotator.io.project import Project, validate_project

CLI = [sys.executable, "-P", "-c", "import sys; from annotator.cli import main; sys.exit(main())"]


def articles(path: Path, prefix: str, n: int, start: int = 0) -> Path:
    items = [
        {"id": f"doc-{i}", "title": f"{prefix} {i}", "text": f"متن خبر {prefix} شماره {i} درباره تهران."}
        for i in range(start, start + n)
    ]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def listed(root: Path) -> list[str]:
    data = json.loads((root / "documents.json").read_text(encoding="utf-8"))
    return [d["id"] for d in data["documents"]]


def cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_import_processes_at_once_keep_every_entry(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    Project.create(root, "p")
    a = articles(tmp_path / "a.json", "الف", 150)
    b = articles(tmp_path / "b.json", "ب", 150)  # the same ids, other texts
    runs = [cli("import", str(root), str(src), "--no-normalize", "-q") for src in (a, b)]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "150 document(s) added" in out
    ids = listed(root)
    assert len(ids) == 300 and len({i.casefold() for i in ids}) == 300
    on_disk = sorted(p.stem for p in (root / "documents").glob("*.json"))
    assert on_disk == sorted(ids)
    assert validate_project(root) == []


def test_an_import_racing_another_process_re_reads_the_catalogue(tmp_path: Path) -> None:
    """Deterministic: while this process's import is reading, a command-line import adds
    documents (some the same, some with the same ids); ours must keep them all."""
    root = tmp_path / "proj"
    project = Project.create(root, "p")
    ours = articles(tmp_path / "ours.json", "الف", 20)
    theirs = articles(tmp_path / "theirs.json", "ب", 15)
    # five of theirs are the same texts as five of ours
    same = json.loads(ours.read_text(encoding="utf-8"))[:5]
    items = json.loads(theirs.read_text(encoding="utf-8")) + [{**d, "id": f"x-{d['id']}"} for d in same]
    theirs.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    ran: list[str] = []

    def meanwhile(_p: ImportProgress) -> None:
        if not ran:
            done = subprocess.run([*CLI, "import", str(root), str(theirs), "--no-normalize", "-q"],
                                  capture_output=True, text=True, timeout=300)  # fmt: skip
            ran.append(done.stdout)
            assert done.returncode == 0, done.stderr

    report = project.import_sources([ours], normalize=False, progress=meanwhile)
    assert "20 document(s) added" in ran[0]
    assert len(report.added) == 15 and len(report.skipped_duplicates) == 5
    ids = listed(root)
    assert len(ids) == 35 and project.document_ids() == ids
    assert all(project.load_document(i).id == i for i in ids)
    assert validate_project(root) == []


def test_the_window_project_imports_after_a_command_line_import(tmp_path: Path) -> None:
    """A project held open (as the window does) is not stale when it writes the catalogue."""
    root = tmp_path / "proj"
    window = Project.create(root, "p")
    window.import_sources([articles(tmp_path / "first.json", "اول", 6)], normalize=False)
    done = subprocess.run([*CLI, "import", str(root), str(articles(tmp_path / "cli.json", "دوم", 150)),
                           "--no-normalize", "-q"], capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = window.import_sources([articles(tmp_path / "later.json", "سوم", 4)], normalize=False)
    assert len(report.added) == 4
    assert len(listed(root)) == 160 == len(window)
    window.update_settings(normalize=False)  # a settings change does not lose the catalogue either
    assert len(listed(root)) == 160 and validate_project(root) == []
