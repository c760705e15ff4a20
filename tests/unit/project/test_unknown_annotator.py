"""A misspelt --annotator is an error naming the project and its annotators (trial defect:
`export --annotator Sara` of sara's project wrote every document with none of her spans)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.project import Project

Write = Callable[[str, str | bytes], Path]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def coded(project: Project, write: Write) -> Project:
    """Two documents: the import's pre-annotation and sara's own span on the first."""
    project.import_sources([write("a.txt", "علی در تهران گفت"), write("b.txt", "مریم در شیراز ماند")])
    imported = project.load_annotations("a", "imported")
    imported.add_spans("tag", [("location", 7, 12)])
    project.save_annotations(imported)
    mine = project.load_annotations("a", "sara")
    mine.add_spans("tag", [("actor", 0, 3)])
    project.save_annotations(mine)
    second = project.load_annotations("b", "ali")
    second.add_spans("tag", [("actor", 0, 4)])
    project.save_annotations(second)
    return project


@pytest.mark.parametrize("name", ["Sara", "nobody"])
def test_export_refuses_an_unknown_annotator(
    coded: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out = tmp_path / "x.csv"
    for fmt, target in (("csv", out), ("jsonl", tmp_path / "x.jsonl"), ("claims", tmp_path / "c.csv")):
        code, _, err = run(capsys, "export", str(coded.path), "--annotator", name, "--format", fmt,
                                "--out", str(target))  # fmt: skip
        assert code == 2, err
        assert not target.exists()
        assert err.count("\n") == 1 and "Traceback" not in err and "document(s)" not in err
        assert str(coded.path) in err and f"no annotator {name!r}" in err
        assert "imported" in err and "sara" in err and "ali" in err
    assert ("did you mean 'sara'?" in err) == (name == "Sara")


def test_export_of_a_known_annotator_still_writes_their_spans(
    coded: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.jsonl"
    code, _, err = run(capsys, "export", str(coded.path), "--annotator", "sara", "--format", "jsonl", "--out", str(out))
    assert code == 0, err
    records = {r["document"]["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    # sara began from the import's location and added an actor
    assert sorted(s["label"] for s in records["a"]["spans"]) == ["actor", "location"]
    assert records["a"]["annotator"] == "sara"


def test_stats_refuses_an_unknown_annotator(coded: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run(capsys, "stats", str(coded.path), "--annotator", "Sara")
    assert code == 2 and stdout == ""
    assert err.count("\n") == 1 and "no annotator 'Sara'" in err and "did you mean 'sara'?" in err
    code, stdout, err = run(capsys, "stats", str(coded.path), "--annotator", "sara", "--json")
    assert code == 0 and json.loads(stdout)["annotators"]["sara"]["spans"] == 2


@pytest.mark.parametrize("command", [["agree"], ["merge", "--into", "curated"]])
def test_agree_and_merge_take_names_exactly_like_export(
    coded: Project, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """They matched names without regard to case; on Linux "Sara" and "sara" are two coders'
    folders, so a name now means one annotator, as in export and stats."""
    code, _, err = run(capsys, command[0], str(coded.path), *command[1:], "--annotators", "Sara,ali")
    assert code == 2 and "no annotator 'Sara'" in err and "did you mean 'sara'?" in err
    assert not (coded.path / "annotations" / "curated").exists()
