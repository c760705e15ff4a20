"""`annotator stats`, `validate` and `export` page through the catalogue index (issue 16):
with the index in step they never read documents.json into memory (their memory stays
flat as the project grows), and they say exactly what they say with it read whole."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.analysis.records import Filters, iter_codings
from annotator.io import catalog, exporting
from annotator.io.catalogindex import CATALOG_DB
from annotator.io.project import Project, check_project

from .test_catalog_index import annotate, make_project


def results(root: Path) -> dict[str, object]:
    project = Project.open(root)
    stats = project.stats()
    sara = project.stats("sara")
    check = check_project(root)
    source = exporting.iter_project_documents(root, "sara", False)
    exported = [(r.document.id, [(s.label, s.start, s.end) for s in r.spans]) for r in source.documents]
    codings = [(c.document.id, c.annotator, c.status) for c in iter_codings(Project.open(root), Filters(()))]
    return {"stats": stats, "sara": sara, "check": (check.lines, check.documents, check.annotation_files),
            "export": (source.count, exported), "codings": codings}  # fmt: skip


@pytest.fixture
def annotated(tmp_path: Path) -> Path:
    project = make_project(tmp_path, 40)
    annotate(project)
    annotate(project, "reza")
    # a document whose text changed and an annotation file of no listed document: reported alike
    doc_file = project.path / "documents" / "d005.json"
    doc_file.write_text(doc_file.read_text(encoding="utf-8").replace("متن", "متنی"), encoding="utf-8")
    shutil.copy(project.path / "annotations" / "sara" / "d000.json", project.path / "annotations" / "sara" / "x.json")
    return project.path


def test_the_commands_never_read_the_catalogue_whole_when_its_index_is_in_step(
    annotated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(root: Path) -> list[catalog.CatalogEntry]:
        raise AssertionError(f"{root}: documents.json read whole")

    monkeypatch.setattr("annotator.io.project.read_catalog", refuse)
    found = results(annotated)
    assert found["stats"]["documents"] == 40  # type: ignore[index]
    assert found["export"][0] == 40 and len(found["export"][1]) == 40  # type: ignore[index]


def test_paging_says_what_the_catalogue_read_whole_says(annotated: Path) -> None:
    paged = results(annotated)
    (annotated / ".cache" / CATALOG_DB).unlink()
    whole_project = Project.open(annotated)
    assert whole_project._lazy() is None  # documents.json was read: the in-memory path
    whole = results(annotated)
    assert paged == whole
    stats = paged["stats"]
    assert stats["annotators"]["sara"]["files"] == 6  # type: ignore[index]
    assert stats["status"]["new"] + stats["status"]["in_progress"] + stats["status"]["done"] == 40  # type: ignore[index]
    assert any("d005.json" in line for line in paged["check"][0])  # type: ignore[index]
    assert any("x.json" in line for line in paged["check"][0])  # type: ignore[index]
    assert json.dumps(stats, ensure_ascii=False)  # JSON-ready as before
