"""A Label Studio task coded by several people: one document, a set per coder, so that
`agree` compares them and `merge`/curation works; the export gives each coder back as an
annotation of the same task, with its id and completed_by (docs/formats.md)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.io.project import Project

TEXT = "وزیر خارجه 😊 ایران در تهران"


def region(ident: str, start: int, end: int, label: str) -> dict[str, Any]:
    value = {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}
    return {"id": ident, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def two_coders(ali: Any = None, sara: Any = None) -> list[dict[str, Any]]:
    """The trial's two.json: task 7, coded by ali and by sara (completed_by as given)."""
    return [
        {
            "id": 7,
            "data": {"text": TEXT},
            "annotations": [
                {
                    "id": 1,
                    "completed_by": {"email": "ali@x.ir"} if ali is None else ali,
                    "result": [region("a", 0, 18, "PER"), region("b", 22, 27, "LOC")],
                },
                {
                    "id": 2,
                    "completed_by": {"email": "sara@x.ir"} if sara is None else sara,
                    "result": [region("c", 13, 18, "LOC"), region("d", 22, 27, "LOC")],
                },
            ],
        }
    ]


def write(path: Path, tasks: Any) -> Path:
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def coder_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root / "annotations")) for p in (root / "annotations").rglob("*.json"))


def test_two_coders_of_a_task_are_one_document_that_agree_compares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "LS2"
    assert main(["import", str(root), str(write(tmp_path / "two.json", two_coders())), "--format", "labelstudio"]) == 0
    assert "another document" not in capsys.readouterr().err
    assert Project.open(root).document_ids() == ["7"]
    assert coder_files(root) == ["ali@x.ir/7.json", "sara@x.ir/7.json"]
    assert main(["agree", str(root), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["annotators"], figures["documents"]) == (["ali@x.ir", "sara@x.ir"], 1)
    # LOC: both marked تهران, only sara ایران -> 2 * 1 / (1 + 2)
    assert figures["labels"]["LOC"]["f1_exact"] == pytest.approx(2 / 3)
    # and curation starts from what both agree on
    assert main(["merge", str(root), "--into", "curated", "-q"]) == 0
    curated = json.loads((root / "annotations" / "curated" / "7.json").read_text(encoding="utf-8"))
    assert [(s["label"], s["start"], s["end"]) for s in curated["spans"]] == [("LOC", 22, 27)]


def test_the_export_gives_the_task_back_with_its_id_and_each_coder(tmp_path: Path) -> None:
    tasks = two_coders(ali={"id": 3, "email": "ali@x.ir", "first_name": "Ali"}, sara=12)  # both of LS's forms
    root = tmp_path / "p"
    assert main(["import", str(root), str(write(tmp_path / "in.json", tasks)), "--format", "labelstudio", "-q"]) == 0
    # a user id is the coder's name as it stands (a name the project accepts)
    assert coder_files(root) == ["12/7.json", "ali@x.ir/7.json"]
    out = tmp_path / "out.json"
    assert main(["export", str(root), "--format", "labelstudio", "--out", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert len(written) == 1 and written[0]["id"] == 7 and "annotator" not in written[0]["data"]
    by = {json.dumps(a["completed_by"]): [r["id"] for r in a["result"]] for a in written[0]["annotations"]}
    assert by == {"12": ["c", "d"], json.dumps(tasks[0]["annotations"][0]["completed_by"]): ["a", "b"]}
    # one coder: one annotation, theirs
    one = tmp_path / "ali.json"
    assert main(["export", str(root), "--format", "labelstudio", "--out", str(one), "--annotator", "ali@x.ir"]) == 0
    [task] = json.loads(one.read_text(encoding="utf-8"))
    assert task["id"] == 7 and [a["completed_by"]["id"] for a in task["annotations"]] == [3]
    # named coders, in the order named
    pair = tmp_path / "pair.json"
    assert main(["export", str(root), "--format", "labelstudio", "--out", str(pair), "--annotator", "12,ali@x.ir"]) == 0
    [paired] = json.loads(pair.read_text(encoding="utf-8"))
    assert [a["completed_by"] for a in paired["annotations"]] == [
        12,
        {"email": "ali@x.ir", "first_name": "Ali", "id": 3},
    ]
    # what was exported imports back as the same coders' sets
    again = tmp_path / "again"
    assert main(["import", str(again), str(out), "--format", "labelstudio", "-q"]) == 0
    assert coder_files(again) == coder_files(root)
    for name in ("12", "ali@x.ir"):
        first = json.loads((root / "annotations" / name / "7.json").read_text(encoding="utf-8"))
        second = json.loads((again / "annotations" / name / "7.json").read_text(encoding="utf-8"))
        assert first["spans"] == second["spans"] and first["annotator"] == second["annotator"]


def test_importing_the_same_task_again_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "p"
    source = write(tmp_path / "two.json", two_coders())
    assert main(["import", str(root), str(source), "--format", "labelstudio", "-q"]) == 0
    capsys.readouterr()
    assert main(["import", str(root), str(source), "--format", "labelstudio"]) == 0
    assert "0 document(s) added, 1 duplicate(s) skipped" in capsys.readouterr().out
    assert Project.open(root).document_ids() == ["7"]
    # sara changed her mind: another version of the task, kept as another document (said)
    changed = two_coders()
    changed[0]["annotations"][1]["result"].pop()
    assert main(["import", str(root), str(write(tmp_path / "v2.json", changed)), "--format", "labelstudio"]) == 0
    assert "the same text as 7, added as another document" in capsys.readouterr().err
    assert Project.open(root).document_ids() == ["7", "7-2"]


def test_coders_the_project_cannot_hold_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the same person twice, and a name reserved for the project's own use
    tasks = two_coders(ali={"email": "ali@x.ir"}, sara={"email": "ali@x.ir"})
    tasks.append(copy.deepcopy(tasks[0]))
    tasks[1]["id"], tasks[1]["data"]["text"] = 8, TEXT + "."
    tasks[1]["annotations"][1]["completed_by"] = {"email": "curated"}
    root = tmp_path / "p"
    # exit 1: a problem was said
    assert main(["import", str(root), str(write(tmp_path / "t.json", tasks)), "--format", "labelstudio"]) == 1
    err = capsys.readouterr().err
    assert "the coder name 'curated' cannot be a coder's in a project; kept as 'imported'" in err
    # ali's second annotation of task 7 is another document, as before; task 8's "curated" is the import's
    assert Project.open(root).document_ids() == ["7", "7-2", "8"]
    assert coder_files(root) == ["ali@x.ir/7-2.json", "ali@x.ir/7.json", "ali@x.ir/8.json", "imported/8.json"]


def test_coders_not_from_label_studio_are_named_in_the_task(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert main(["import", str(root), str(write(tmp_path / "t.json", two_coders(ali=None, sara=None))), "-q"]) == 0
    project = Project.open(root)
    for name in ("bita", "reza"):  # two coders of this project, never in Label Studio
        aset = project.load_annotations("7", "ali@x.ir")
        aset.annotator = name
        project.save_annotations(aset)
    out = tmp_path / "out.json"
    assert main(["export", str(root), "--format", "labelstudio", "--out", str(out), "--annotator", "bita,reza"]) == 0
    [task] = json.loads(out.read_text(encoding="utf-8"))
    # Label Studio's importer takes completed_by only as a member's id or {"email": ...}
    assert task["data"]["annotators"] == ["bita", "reza"]
    assert all("completed_by" not in a for a in task["annotations"])
    back = tmp_path / "back"
    assert main(["import", str(back), str(out), "--format", "labelstudio", "-q"]) == 0
    assert coder_files(back) == ["bita/7.json", "reza/7.json"]


@pytest.mark.corpora
def test_label_studio_s_example_task_coded_twice(
    corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    task = json.loads((corpora / "interop" / "labelstudio" / "named_entity_task.json").read_text(encoding="utf-8"))
    first = task["annotations"][0]
    second = copy.deepcopy(first)
    second["result"][0]["value"]["labels"] = ["Location"]  # one coder differs on the label
    task["annotations"] = [{**first, "completed_by": 1}, {**second, "completed_by": {"id": 2, "email": "b@x.org"}}]
    root = tmp_path / "p"
    assert main(["import", str(root), str(write(tmp_path / "t.json", [task])), "--format", "labelstudio", "-q"]) == 0
    assert coder_files(root) == ["1/1.json", "b@x.org/1.json"]
    capsys.readouterr()
    assert main(["agree", str(root), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["documents"] == 1 and figures["overall"]["f1_exact"] == 0.0
    out = tmp_path / "out.json"
    assert main(["export", str(root), "--format", "labelstudio", "--out", str(out)]) == 0
    [back] = json.loads(out.read_text(encoding="utf-8"))
    assert back["id"] == 1 and back["data"]["text"] == task["data"]["text"]
    assert [a["completed_by"] for a in back["annotations"]] == [1, {"id": 2, "email": "b@x.org"}]
    values = [first["result"][0]["value"], second["result"][0]["value"]]
    assert [a["result"][0]["value"] for a in back["annotations"]] == values
