"""Hostile project and folder files (issue 15, items 6 and 7): deep nesting, huge integers,
1e999, symlinks to /dev/zero, FIFOs. Each gives one clear line (or, for a cache, nothing:
it is rebuilt), never a traceback, exit 70, a hang or an unbounded read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.article import open_article_store
from annotator.io.project import Project
from annotator.model import SchemaError

CLI = [sys.executable, "-P", "-c", "import sys; from annotator.cli import main; sys.exit(main())"]
TEXT = "وزیر خارجه در تهران گفت مذاکرات ادامه دارد."

HOSTILE_JSON = {
    "deep": "[" * 100_000 + "]" * 100_000,
    "huge-int": '{"labels": [{"id": "actor", "n": ' + "9" * 5000 + "}]}",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "Traceback" not in out
    return code, out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    source.mkdir()
    for i in range(3):
        (source / f"a{i}.txt").write_text(f"{TEXT} شماره {i}", encoding="utf-8")
    root = tmp_path / "proj"
    assert len(Project.create(root, "p").import_sources([source]).added) == 3
    return root


@pytest.mark.parametrize("kind", sorted(HOSTILE_JSON))
def test_a_hostile_folder_schema_is_one_message(tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    (tmp_path / "annotator-schema.json").write_text(HOSTILE_JSON[kind], encoding="utf-8")
    with pytest.raises(SchemaError, match=r"annotator-schema\.json"):
        open_article_store(article)  # the window's way in: it shows this message
    (tmp_path / "a.annotations.json").write_text("{}", encoding="utf-8")
    code, out = run(capsys, "validate", str(tmp_path / "a.annotations.json"))
    assert code == 1 and "annotator-schema.json" in out


@pytest.mark.parametrize("kind", sorted(HOSTILE_JSON))
def test_a_hostile_project_schema_is_one_message(project: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((project / "project.json").read_text(encoding="utf-8"))
    raw = json.dumps(data).replace('"schema": {', '"schema": {"x": ' + HOSTILE_JSON[kind] + ", ", 1)
    (project / "project.json").write_text(raw, encoding="utf-8")
    for command in (["validate", str(project)], ["stats", str(project)]):
        code, out = run(capsys, *command)
        assert code in (1, 2) and "project.json" in out, command


def test_length_1e999_in_the_catalogue_is_one_message(project: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    catalog = project / "documents.json"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace('"length": ', '"length": 1e999, "x": ', 1))
    more = tmp_path / "more.txt"
    more.write_text("متنی دیگر", encoding="utf-8")
    commands = [
        ["stats", str(project)],
        ["validate", str(project)],
        ["export", str(project), "--format", "jsonl", "--out", str(tmp_path / "out.jsonl")],
        ["import", str(project), str(more)],
    ]
    for command in commands:
        code, out = run(capsys, *command)
        assert code in (1, 2) and "documents.json" in out and "length" in out, (command, out)


@pytest.mark.parametrize("kind", ["1e999", "deep", "huge-int", "zero"])
def test_a_hostile_cache_is_rebuilt(project: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    project_obj = Project.open(project)
    project_obj.set_status(project_obj.document_ids()[0], "ali", "done")
    index = project / ".cache" / "index.json"
    if kind == "1e999":
        index.write_text(index.read_text(encoding="utf-8").replace("[", "[1e999,", 2))
    elif kind == "zero":
        index.unlink()
        index.symlink_to("/dev/zero")
    else:
        index.write_text(HOSTILE_JSON[kind], encoding="utf-8")
    code, out = run(capsys, "stats", str(project), "--json")
    assert code == 0, out
    assert json.loads(out)["status"]["done"] == 1


def test_symlinks_to_dev_zero_are_refused_unread(project: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    folder = project / "annotations" / "ali"
    folder.mkdir(parents=True)
    (folder / "zero.json").symlink_to("/dev/zero")
    doc = Project.open(project).document_ids()[0]
    (folder / f"{doc}.json").symlink_to("/dev/zero")
    code, out = run(capsys, "stats", str(project))
    # finishes at once: either without that file or naming it (a link leading out of the project)
    assert code == 0 or (code == 2 and f"{doc}.json" in out), out
    code, out = run(capsys, "validate", str(project))
    assert code == 1 and "not a regular file" in out
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "x.annotations.json").symlink_to("/dev/zero")
    code, out = run(capsys, "validate", str(loose))
    assert code == 1 and "x.annotations.json: cannot read: not a regular file" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_like_an_annotation_file_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.annotations.json")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    for args in (["validate", str(tmp_path)], ["validate", str(tmp_path / "x.annotations.json")],
                 ["import", str(tmp_path / "proj"), str(tmp_path / "b.txt")]):  # fmt: skip
        done = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60)
        assert done.returncode == 1 and "not a regular file" in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
