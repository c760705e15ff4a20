"""The index of annotation files checks each file as loading does, against the project's
schema as it is now: a label the schema loses makes the files using it unreadable for
stats (and the document list), and readable again when the label comes back."""

from __future__ import annotations

from pathlib import Path

from annotator.io.project import Project
from annotator.model import Schema


def test_a_schema_edit_is_checked_against_again(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("وزیر خارجه ایران گفت تحریم‌ها باید لغو شود.", encoding="utf-8")
    project = Project.create(tmp_path / "P", "P")
    (doc_id,) = project.import_sources([source]).added
    aset = project.load_annotations(doc_id, "Ali")
    aset.add_span("location", 11, 16)
    project.save_annotations(aset)
    assert project.stats()["left_out"] == []
    original = project.schema_json()
    shrunk = dict(original, labels=[label for label in original["labels"] if label["id"] != "location"])
    project.set_schema(Schema.from_json(shrunk))
    stats = project.stats()
    assert stats["left_out"] == [
        f"{project.annotation_path(doc_id, 'Ali')}: $.spans[0].label: unknown label 'location' (known: actor, claim)"
    ]
    assert stats["spans"] == 0 and project.unreadable_files("Ali") == {doc_id: stats["left_out"][0].split(": ", 1)[1]}
    # another process (or window) opening the project sees the same, from the cached index
    assert Project.open(project.path).stats()["left_out"] == stats["left_out"]
    project.set_schema(Schema.from_json(original))
    assert project.stats()["left_out"] == [] and project.stats()["spans"] == 1
    assert Project.open(project.path).stats()["spans"] == 1
