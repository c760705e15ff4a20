"""`annotator import` of a damaged file of another tool (new user's trial): each reader
says one plain line naming the file and the problem, in the words used for annotator's
own damaged files ("not valid JSON (line L, column C: ...)", jsonformat.json_problem),
never json's bare "Unterminated string starting at" and never a second line ("nothing to
import in this file") for the same file; exit 1 as for any source with a problem; and
when nothing could be read, no project is made and an existing one is left as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.project import Project

# (file name, bytes, --format, the whole line after "FILE: ")
NOT_CLOSED = r"not valid JSON \(line 1, column \d+: unterminated string\); nothing was imported from this file"
DAMAGED: dict[str, tuple[str, bytes, str, str]] = {
    "Label Studio, cut short": ("tasks.json", '[{"data": {"text": "سلام'.encode(), "labelstudio", NOT_CLOSED),
    "Label Studio, detected": ("tasks.json", '[{"data": {"text": "سلام'.encode(), "auto", NOT_CLOSED),
    "doccano, cut short": ("all.jsonl", '{"text": "سلام", "label": [[0, 2, "X'.encode(), "doccano", NOT_CLOSED),
    "spaCy JSON Lines, cut short": (
        "s.jsonl",
        '{"text": "سلام", "spans": [{"start": 0'.encode(),
        "spacy",
        r"not valid JSON \(line 1, column \d+: expecting ',' delimiter\); "
        "nothing was imported from this file",
    ),
    "annotator JSON Lines, cut short": (
        "e.jsonl",
        b'{"format": "annotator-annotations", "spans": [',
        "jsonl",
        r"not valid JSON \(line 1, column \d+: expecting value\); "
        "that line was not imported",
    ),
    "brat, not UTF-8": ("a.ann", b"T1\tPER 0 4\t\xff\xfe\n", "brat", r"not UTF-8 text \(byte \d+\)"),
    "WebAnno, not WebAnno at all": (
        "a.tsv",
        b'{"text": "x"}',
        "webanno",
        re.escape("not a WebAnno TSV 3 file (no #FORMAT line and no token row); nothing was imported from this file"),
    ),
}


def import_lines(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["import", "-q", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err.splitlines()


@pytest.mark.parametrize("kind", list(DAMAGED))
def test_one_line_names_the_file_and_nothing_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    name, raw, fmt, said = DAMAGED[kind]
    source = tmp_path / name
    source.write_bytes(raw)
    if fmt == "brat":
        source.with_suffix(".txt").write_text("سلام دنیا", encoding="utf-8")
    project = tmp_path / "P"
    code, lines = import_lines(capsys, str(project), str(source), "--format", fmt)
    named = [line for line in lines if not line.startswith(f"{project}: ") and "format detected" not in line]
    assert code == 1
    assert len(named) == 1 and re.fullmatch(f"{re.escape(str(source))}: {said}", named[0]), lines
    assert not project.exists()
    assert source.read_bytes() == raw


def test_a_damaged_line_costs_that_line_only_and_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON Lines hold one record a line: a line cut short costs its record, said with its
    line and column; the others are imported (as the documents of a CSV file are)."""
    source = tmp_path / "all.jsonl"
    source.write_text('{"text": "سلام دنیا", "label": [[0, 4, "X"]]}\n{"text": "ab', encoding="utf-8")
    project = tmp_path / "P"
    code, lines = import_lines(capsys, str(project), str(source), "--format", "doccano")
    assert code == 1
    assert lines[0] == (
        f"{source}: not valid JSON (line 2, column 10: unterminated string); "
        "what stands there was not imported, the rest was read"
    )
    assert len([line for line in lines if str(source) in line]) == 1
    assert len(Project.open(project).entries()) == 1


def test_an_existing_project_is_left_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("وزیر خارجه ایران گفت.", encoding="utf-8")
    project = tmp_path / "P"
    assert import_lines(capsys, str(project), str(article))[0] == 0
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and ".cache" not in p.parts}
    source = tmp_path / "tasks.json"
    source.write_bytes(DAMAGED["Label Studio, cut short"][1])
    code, lines = import_lines(capsys, str(project), str(source), "--format", "labelstudio")
    assert code == 1 and lines[0].startswith(f"{source}: not valid JSON (line 1, column ")
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and ".cache" not in p.parts}
    assert after == before
