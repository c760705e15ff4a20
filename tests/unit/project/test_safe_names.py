"""Document ids and annotator names become file names that never leave the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.io.project import Project, ProjectError, is_safe_name, safe_name

NASTY = [
    "../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\system32",
    "\\\\server\\share",
    "a\x00b",
    "CON",
    "con.txt",
    "LPT1",
    "nul",
    "..",
    ".",
    "",
    " ",
    ".hidden",
    "name. ",
    "a" * 500,
    "x/../../y",
    "خبر/فارس",
    "tab\there",
]


@pytest.mark.parametrize("name", NASTY)
def test_nasty_names_become_plain_file_names(name: str) -> None:
    safe = safe_name(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert not safe.startswith(".")
    assert safe.split(".")[0].lower() not in {"con", "nul", "prn", "aux", "lpt1"}
    assert len(safe) <= 120
    assert is_safe_name(safe)


@given(st.text())
def test_any_name_is_safe_and_stable(name: str) -> None:
    safe = safe_name(name)
    assert is_safe_name(safe)
    assert Path(safe).name == safe and Path(safe).parent == Path(".")


def test_persian_names_are_kept() -> None:
    assert safe_name("خبرگزاری فارس") == "خبرگزاری فارس"
    assert safe_name("می‌آید") == "می‌آید"  # ZWNJ stays


def test_long_names_stay_different() -> None:
    assert safe_name("a" * 300 + "1") != safe_name("a" * 300 + "2")


@pytest.mark.parametrize("name", NASTY)
def test_imported_ids_stay_inside(project: Project, tmp_path: Path, name: str) -> None:
    source = tmp_path / "articles.json"
    source.write_text(json.dumps([{"id": name, "title": "t", "text": f"متن خبر {name!r}"}]), encoding="utf-8")
    report = project.import_sources([source], normalize=False)
    assert report.problems == []
    (doc_id,) = report.added
    path = project.document_path(doc_id).resolve()
    assert path.parent == (project.path / "documents").resolve()
    assert path.exists()
    ann = project.annotation_path(doc_id, name).resolve()
    assert ann.parent.parent == (project.path / "annotations").resolve()
    assert not (tmp_path / "etc").exists()


def test_annotator_names_stay_inside(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("سلام دنیا", encoding="utf-8")
    (doc_id,) = project.import_sources([source]).added
    for name in ("../../evil", "/abs", "CON", "a\x00b", ""):
        aset = project.load_annotations(doc_id, name)
        aset.add_span("actor", 0, 4)
        saved = project.save_annotations(aset).resolve()
        assert saved.parent.parent == (project.path / "annotations").resolve()


def test_a_hand_edited_catalogue_cannot_point_outside(project: Project) -> None:
    catalogue = project.path / "documents.json"
    data = json.loads(catalogue.read_text(encoding="utf-8"))
    data["documents"].append({"id": "../../outside", "title": "x"})
    catalogue.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectError, match="not a safe file name"):
        Project.open(project.path)


def test_unknown_or_unsafe_ids_are_refused(project: Project) -> None:
    with pytest.raises(ProjectError):
        project.load_document("../project")
    with pytest.raises(ProjectError):
        project.annotation_path("../x", "me")
