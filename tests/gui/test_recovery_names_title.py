"""The crash-recovery message names the document by its title, isolated, in either
interface (the fourth trial read the project file's slug, "عدالت-…-ادامه.json", broken by
bidi across the English sentence)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.io.project import Project
from annotator.io.store import AnnotationStore, journal_path
from annotator.ui.bidi import FSI, PDI

from .conftest import open_in_window

TITLE = "عدالت مهم‌ترین محور برنامه دولت Paydari است"


def crashed(tmp_path: Path) -> tuple[Project, str, Path]:
    source = tmp_path / "s.jsonl"
    line = {"id": "n1", "title": TITLE, "text": "وزیر خارجه در تهران گفت."}
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    project = Project.create(tmp_path / "p", "p")
    (doc_id,) = project.import_sources([source]).added
    path = project.annotation_path(doc_id, "ali")
    project.save_annotations(project.load_annotations(doc_id, "ali"))
    store = AnnotationStore.open(path, project.schema, project.load_document(doc_id), embed_text=False)[0]
    store.aset.add_span("location", 14, 19)
    store.detach()  # killed: the edit is in the journal only
    assert journal_path(path).exists()
    return project, doc_id, path


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_recovery_names_the_documents_title(qtbot: Any, tmp_path: Path, language: str) -> None:
    project, _doc_id, path = crashed(tmp_path)

    window = open_in_window(qtbot, project.path, annotator="ali", size=(1366, 768), language=language)
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    texts = [box.text() for box in boxes]
    said = next(t for t in texts if "Recovered" in t or "بازیابی" in t)
    quoted = f"“{FSI}{TITLE}{PDI}”" if language == "en" else f"«{FSI}{TITLE}{PDI}»"
    assert quoted in said, said
    assert path.name not in said  # not the file's slug
    boxes[0].grab().save(str(tmp_path / f"recovered_{language}.png"))
    window.close()
    assert [s["text"] for s in json.loads(path.read_text(encoding="utf-8"))["spans"]] == ["تهران"]
