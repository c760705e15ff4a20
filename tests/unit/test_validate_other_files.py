"""`annotator validate` on valid files of other kinds: one line saying what the file looks
like and how to import it, never "damaged"; the exit status stays 1. A damaged annotation
file is still called damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main

CHECKS = "not an annotation file: validate checks annotation files (*.annotations.json) and project folders"


def validate(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list[str]]:
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert out == ""
    return code, err.splitlines()


@pytest.fixture
def project_and_export(corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A project made from doccano's example file, and the program's own JSON Lines export."""
    project = tmp_path / "p"
    source = corpora / "interop" / "doccano" / "sequence_labeling.jsonl"
    assert main(["import", str(project), str(source), "--format", "doccano", "-q"]) == 0
    assert main(["export", str(project), "--format", "jsonl", "--out", str(tmp_path / "t.jsonl")]) == 0
    capsys.readouterr()
    return project, tmp_path / "t.jsonl"


@pytest.mark.corpora
def test_our_own_json_lines_export_is_named_not_called_damaged(
    project_and_export: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    export = project_and_export[1]
    assert len(export.read_text(encoding="utf-8").splitlines()) > 1
    assert validate(capsys, export) == (
        1,
        [
            f"{export}: looks like JSON Lines (one JSON object per line): annotator's JSON Lines export, {CHECKS};"
            f" import it with `annotator import PROJECT {export} --format jsonl`"
        ],
    )


@pytest.mark.corpora
@pytest.mark.parametrize(
    ("name", "shape", "fmt"),
    [
        ("doccano/sequence_labeling.jsonl", "JSON Lines (one JSON object per line): doccano JSONL", "doccano"),
        ("doccano/relation_extraction.jsonl", "doccano JSONL", "doccano"),  # one line: one JSON value
        ("labelstudio/named_entity_task.json", "Label Studio tasks", "labelstudio"),
    ],
)
def test_other_tools_files_are_named(
    corpora: Path, capsys: pytest.CaptureFixture[str], name: str, shape: str, fmt: str
) -> None:
    path = corpora / "interop" / name
    assert validate(capsys, path) == (
        1,
        [f"{path}: looks like {shape}, {CHECKS}; import it with `annotator import PROJECT {path} --format {fmt}`"],
    )


def test_spacy_lines_and_plain_article_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spacy = tmp_path / "s.jsonl"
    line = {"text": "وزیر گفت", "spans": [{"start": 0, "end": 4, "label": "PER"}]}
    spacy.write_text((json.dumps(line, ensure_ascii=False) + "\n") * 2, encoding="utf-8")
    articles = tmp_path / "a.jsonl"
    articles.write_text('{"title": "خبر", "text": "متن"}\n{"title": "دو", "text": "متن دو"}\n', encoding="utf-8")
    assert validate(capsys, spacy)[1] == [
        f"{spacy}: looks like JSON Lines (one JSON object per line): spaCy / Prodigy JSONL, {CHECKS};"
        f" import it with `annotator import PROJECT {spacy} --format spacy`"
    ]
    assert validate(capsys, articles)[1] == [
        f"{articles}: looks like JSON Lines (one JSON object per line), {CHECKS};"
        f" import it with `annotator import PROJECT {articles} --format jsonl`"
    ]


@pytest.mark.corpora
def test_a_projects_own_files_point_to_the_folder(
    project_and_export: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_and_export[0]
    document = next((project / "documents").glob("*.json"))
    for path, what in [
        (document, "a project's document file (annotator/document)"),
        (project / "project.json", "a project's settings file (annotator/project)"),
    ]:
        assert validate(capsys, path) == (1, [f"{path}: {what}, {CHECKS}; validate the project's folder"])
    assert main(["validate", str(project)]) == 0  # the folder itself is valid


def test_damaged_files_are_still_damaged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cut = tmp_path / "cut.annotations.json"
    cut.write_text('{"format": "annotator/annotations", "version": 1,', encoding="utf-8")
    assert validate(capsys, cut) == (
        1,
        [
            f"{cut}: not valid JSON (line 1, column 50: expecting property name enclosed in double quotes);"
            " the file is damaged and was left as it is"
        ],
    )
    # JSON Lines with one damaged line: named, and the damage said
    lines = tmp_path / "l.jsonl"
    lines.write_text('{"text": "یک"}\n{"text": \n{"text": "سه"}\n', encoding="utf-8")
    code, err = validate(capsys, lines)
    assert code == 1 and len(err) == 1
    assert err[0].startswith(f"{lines}: looks like JSON Lines (one JSON object per line), {CHECKS}")
    assert err[0].endswith("; in it, not valid JSON (line 4, column 1: expecting ',' delimiter)")
