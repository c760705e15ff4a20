"""The entity registry travels with a coder's work through File ▸ Synchronise (new user's
trial: two clones each made `e1`, Synchronise left `entities.json` behind as "not sent",
the lead's clone failed validate, and after a pull one coder's «شب» exported as the
other's «خبرگزاری»)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io import entities as entity_files
from annotator.io import gitsync
from annotator.io.project import Project

from .test_gitsync import git, shared_project

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def new_entity(root: Path, coder: str, doc: str, word: str) -> str:
    """What E, Enter does in the window: a new entity, and the mention linked to it."""
    handle = entity_files.RegistryFile(root / entity_files.PROJECT_FILE)
    registry = handle.load()
    entity = registry.add(word, "", "")
    handle.save(registry)
    project = Project.open(root)
    aset = project.load_annotations(doc, coder)
    start = aset.text.index(word)
    span = aset.add_span("actor", start, start + len(word))
    aset.set_entity(span.id, entity.id)
    project.save_annotations(aset)
    return entity.id


def names(root: Path) -> dict[str, str]:
    data = json.loads((root / entity_files.PROJECT_FILE).read_text(encoding="utf-8"))
    return {e["id"]: e["name_fa"] for e in data["entities"]}


def test_new_entities_of_two_clones_meet_on_synchronise_and_the_lead_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sara, reza, (doc_a, doc_b) = shared_project(tmp_path)
    mine = new_entity(sara, "سارا", doc_a, "آمریکا")
    theirs = new_entity(reza, "Reza", doc_b, "دمشق")
    assert mine != theirs

    first = gitsync.synchronise(sara, "سارا")
    assert first.pushed and not any("not sent" in note for note in first.notes)
    second = gitsync.synchronise(reza, "Reza")  # both changed entities.json: merged, not a conflict
    assert second.pushed and second.entities_changed, second.lines()
    assert names(reza) == {mine: "آمریکا", theirs: "دمشق"}
    assert git(reza, "status", "--porcelain") == ""
    third = gitsync.synchronise(sara, "سارا")
    assert third.entities_changed and names(sara) == names(reza)

    lead = tmp_path / "lead"
    git(lead, "pull", "-q", "--rebase")
    capsys.readouterr()
    assert main(["validate", str(lead)]) == 0, capsys.readouterr().err
    assert names(lead) == {mine: "آمریکا", theirs: "دمشق"}


def test_old_ids_made_on_both_sides_are_reported_not_silently_renamed(tmp_path: Path) -> None:
    """Two clones of an older annotator each made `e1`: the merge keeps this coder's and says so."""
    sara, reza, _docs = shared_project(tmp_path)
    for root, name in ((sara, "شب"), (reza, "خبرگزاری")):
        (root / entity_files.PROJECT_FILE).write_text(
            json.dumps({"format": "annotator/entities", "version": 1, "entities": [{"id": "e1", "name_fa": name}]}),
            encoding="utf-8",
        )
    gitsync.synchronise(sara, "سارا")
    report = gitsync.synchronise(reza, "Reza")
    assert any("e1" in note and "both" in note for note in report.notes), report.lines()
    assert git(reza, "status", "--porcelain") == ""
