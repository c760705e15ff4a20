"""Sharing a project through git: two clones of a bare repository in tmp_path, two coders
synchronising both ways, agreement on the merged result; what stays out of git; clear
messages when git, a work tree or a remote is missing; a conflict loses nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io import gitsync
from annotator.io.lock import ProjectLock
from annotator.io.project import Project
from annotator.io.store import journal_path

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ARTICLES = {
    "a.txt": "نخست‌وزیر عراق در بغداد گفت که آمریکا باید برود.",
    "b.txt": "نیروهای آمریکایی در سوریه مستقر هستند. دمشق هشدار داد.",
}


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Lead", "-c", "user.email=lead@example.invalid", *args],
        cwd=cwd, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def shared_project(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A project made by the lead, pushed to a bare repository, cloned by two coders."""
    bare = tmp_path / "team.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(bare))
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, text in ARTICLES.items():
        (sources / name).write_text(text, encoding="utf-8")
    lead = tmp_path / "lead"
    project = Project.create(lead, "team")
    project.import_sources([sources])
    git(lead, "init", "-q", "-b", "main")
    git(lead, "add", "-A")
    git(lead, "commit", "-q", "-m", "the articles")
    git(lead, "remote", "add", "origin", str(bare))
    git(lead, "push", "-q", "-u", "origin", "main")
    git(tmp_path, "clone", "-q", str(bare), "sara")
    git(tmp_path, "clone", "-q", str(bare), "reza")
    return tmp_path / "sara", tmp_path / "reza", project.document_ids()


def annotate(root: Path, coder: str, doc: str, words: list[tuple[str, str]]) -> None:
    project = Project.open(root)
    aset = project.load_annotations(doc, coder)
    for label, word in words:
        start = aset.text.index(word)
        aset.add_span(label, start, start + len(word))
    project.save_annotations(aset)


def test_two_coders_synchronise_both_ways_and_agree_on_the_merged_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sara, reza, (doc_a, doc_b) = shared_project(tmp_path)
    annotate(sara, "سارا", doc_a, [("actor", "نخست‌وزیر"), ("location", "بغداد"), ("actor", "آمریکا")])
    # what a coder's work leaves besides their files: an index, a window lock, a journal
    Project.open(sara).summaries()
    ProjectLock(sara, "سارا").acquire()
    journal_path(sara / "annotations" / "سارا" / f"{doc_b}.json").write_text("{}\n", encoding="utf-8")

    first = gitsync.synchronise(sara, "سارا")
    assert first.committed == 1 and first.pulled and first.pushed and not first.arrived
    status = git(sara, "status", "--porcelain", "--ignored")
    assert git(sara, "status", "--porcelain") == ""  # everything else is ignored ...
    assert ".cache/" in status and ".annotator-" in status and ".journal" in status  # ... not committed
    author = git(sara, "log", "-1", "--format=%an <%ae>%n%s")
    assert "سارا" in author and "@annotator.invalid" in author  # no git identity here: the coder's name

    annotate(reza, "Reza", doc_a, [("actor", "نخست‌وزیر عراق"), ("location", "بغداد"), ("location", "آمریکا")])
    annotate(reza, "Reza", doc_b, [("location", "سوریه")])
    second = gitsync.synchronise(reza, "Reza")
    assert second.committed == 2 and second.pushed
    assert second.others == {"سارا": 1} and not second.new_documents
    assert (reza / "annotations" / "سارا" / f"{doc_a}.json").exists()

    third = gitsync.synchronise(sara, "سارا")
    assert third.committed == 0 and third.others == {"Reza": 2} and third.pushed
    assert any("Reza: 2" in line for line in third.lines())
    # both clones hold the same annotations, and the same agreement
    reports = []
    for clone in (sara, reza):
        capsys.readouterr()
        assert main(["agree", str(clone), "--json"]) == 0
        reports.append(json.loads(capsys.readouterr().out))
    assert reports[0] == reports[1]
    report = reports[0]
    assert sorted(report["annotators"]) == ["Reza", "سارا"] and report["documents"] == 1
    # Baghdad agreed exactly; the prime minister overlaps; America differs in label
    assert report["labels"]["location"]["f1_exact"] == pytest.approx(2 * 1 / (1 + 2))
    assert report["labels"]["actor"]["f1_exact"] == 0.0
    assert report["labels"]["actor"]["f1_overlap"] == pytest.approx(2 * 1 / (2 + 1))
    assert git(sara, "log", "--format=%s", "-3").count("annotations") == 2

    # the lead imports a new article and pushes it: the coders hear of it
    lead = tmp_path / "lead"
    git(lead, "pull", "-q", "--rebase")
    (tmp_path / "new.txt").write_text("خبر تازه‌ای از تهران رسید.", encoding="utf-8")
    Project.open(lead).import_sources([tmp_path / "new.txt"])
    git(lead, "add", "-A")
    git(lead, "commit", "-q", "-m", "one more article")
    git(lead, "push", "-q")
    fourth = gitsync.synchronise(reza, "Reza")
    assert len(fourth.new_documents) == 1 and len(Project.open(reza)) == 3
    assert any("1 new document" in line for line in fourth.lines())


def test_clear_messages_when_git_a_work_tree_or_a_remote_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "alone"
    Project.create(root, "alone")
    with pytest.raises(gitsync.SyncError, match="not a git work tree"):
        gitsync.synchronise(root, "Sara")
    git(root, "init", "-q")
    annotate_text = tmp_path / "x.txt"
    annotate_text.write_text("سلام دنیا", encoding="utf-8")
    Project.open(root).import_sources([annotate_text])
    annotate(root, "Sara", Project.open(root).document_ids()[0], [("actor", "سلام")])
    report = gitsync.synchronise(root, "Sara")
    assert report.committed == 1 and not report.pulled
    assert any("no remote" in note for note in report.notes)
    assert any("documents.json" in note for note in report.notes)  # the import is not sent by a sync
    git(root, "remote", "add", "origin", str(tmp_path / "nowhere.git"))
    with pytest.raises(gitsync.SyncError, match="follows no remote branch"):
        gitsync.synchronise(root, "Sara")
    monkeypatch.setattr(gitsync.shutil, "which", lambda _name: None)
    with pytest.raises(gitsync.SyncError, match="git is not installed"):
        gitsync.synchronise(root, "Sara")


def test_a_conflict_is_reported_and_loses_nothing(tmp_path: Path) -> None:
    sara, other_machine, (doc_a, _) = shared_project(tmp_path)
    # the same coder on two machines, editing the same document differently
    annotate(other_machine, "سارا", doc_a, [("location", "بغداد")])
    gitsync.synchronise(other_machine, "سارا")
    annotate(sara, "سارا", doc_a, [("actor", "نخست‌وزیر")])
    mine = (sara / "annotations" / "سارا" / f"{doc_a}.json").read_bytes()
    with pytest.raises(gitsync.SyncError, match="conflicts") as raised:
        gitsync.synchronise(sara, "سارا")
    assert doc_a in str(raised.value)
    assert (sara / "annotations" / "سارا" / f"{doc_a}.json").read_bytes() == mine  # the edit is there
    assert "annotations" in git(sara, "log", "-1", "--format=%s")  # and committed
    assert git(sara, "status", "--porcelain") == ""  # the rebase was undone cleanly
