"""The fresh-clone trial, File ▸ Import: a doccano export imported with the format left on its
default keeps its labels (on disk and on the page), the window says which format it found,
and the format list says what each entry is, as File ▸ Export does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QPushButton

from annotator.io.project import Project
from annotator.ui import MainWindow

from .conftest import open_in_window

TEXT = "سخنگوی وزارت خارجه ایران در تهران گفت"


def test_ctrl_i_on_the_default_format_keeps_a_doccano_files_labels(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "doccano.jsonl"
    line = {"text": TEXT, "label": [[19, 24, "LOC"], [28, 33, "LOC"]]}
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    root = tmp_path / "p"
    Project.create(root, "p")
    window = open_in_window(qtbot, root, size=(1100, 760))
    asked: dict[str, Any] = {}

    def pick(_parent: Any, _title: str, label: str, items: list[str], current: int, *_a: Any) -> tuple[str, bool]:
        asked["label"], asked["items"] = label, items
        return items[current], True  # Return on the list as it opens: the default

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(source)], ""))
    monkeypatch.setattr(QInputDialog, "getItem", pick)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)

    items = asked["items"]
    assert items[0].startswith("auto: detected from each file")
    assert "txt: plain text, one article a file" in items
    assert "doccano: " + "doccano JSONL" in " ".join(items)
    assert all(": " in item for item in items)  # no bare ids: each says what it is
    assert asked["label"] == "Format"

    project = Project.open(root)
    (doc_id,) = project.document_ids()
    saved = json.loads((root / "annotations" / "imported" / f"{doc_id}.json").read_text(encoding="utf-8"))
    assert [(s["label"], s["text"]) for s in saved["spans"]] == [("LOC", "ایران"), ("LOC", "تهران")]
    assert window.annotations is not None  # the imported document opens with its labels on it
    assert [(s.label, s.text) for s in window.annotations.spans()] == [("LOC", "ایران"), ("LOC", "تهران")]
    assert window.last_message.splitlines()[:5] == [
        "1 document added",
        "0 duplicates skipped",
        "0 problems",
        "2 spans imported: LOC 2",
        "doccano.jsonl: format detected: doccano",
    ]
    window.close()


def spans_column(window: MainWindow) -> dict[str, str]:
    """What the document list shows in its Spans column, by document id."""
    model = window.session.list.model if window.session is not None else None
    assert model is not None
    column = model.COLUMNS.index("spans")
    return {
        model.summary_at(row).id: model.data(model.index(row, column))  # type: ignore[union-attr]
        for row in range(model.rowCount())
    }


def test_the_list_counts_the_spans_an_import_brought(qtbot: Any, tmp_path: Path) -> None:
    """Trial: imported documents with their labels showed 0 spans in the list."""
    source = tmp_path / "doccano.jsonl"
    # the labelled one second: not the one the window opens on
    lines = [{"text": TEXT + " دیروز", "label": []}, {"text": TEXT, "label": [[19, 24, "LOC"], [28, 33, "LOC"]]}]
    source.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    root = tmp_path / "p"
    assert not Project.create(root, "p").import_sources([source]).problems
    window = open_in_window(qtbot, root, size=(1100, 760))
    first, second = Project.open(root).document_ids()
    assert window.session is not None and window.session.doc_id == first
    assert spans_column(window) == {first: "0", second: "2"}
    window.close()


def one_article_project(tmp_path: Path) -> Path:
    """A project of one imported article (TEXT), no annotations: its folder."""
    root = tmp_path / "p"
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    Project.create(root, "p").import_sources([tmp_path / "a.txt"])
    return root


def test_the_list_counts_what_a_journal_replay_brought_back(qtbot: Any, tmp_path: Path) -> None:
    """Trial: after a crash, the reopened document showed its recovered spans, the list the
    count of the file as it was before them."""
    from annotator.io.store import AnnotationStore, journal_path

    root = one_article_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1100, 760))
    assert window.session is not None
    doc_id, annotator = window.session.doc_id, window.session.annotator
    window.close()

    # a session that tagged two words and was killed before its checkpoint
    project = Project.open(root)
    document = project.load_document(doc_id)
    path = project.annotation_path(doc_id, annotator)
    store, _ = AnnotationStore.open_or_start(
        path, project.schema, document, lambda: project.load_annotations(doc_id, annotator, document), False
    )
    label = project.schema.labels[0].id
    store.aset.add_span(label, 19, 24)  # the first edit writes the file
    store.aset.add_span(label, 28, 33)  # this one is only in the journal
    store.detach()
    assert journal_path(path).exists()

    window = open_in_window(qtbot, root, size=(1100, 760))
    assert window.annotations is not None and len(window.annotations.spans()) == 2
    assert spans_column(window) == {doc_id: "2"}
    window.close()


def test_the_status_bar_counts_follow_an_import_and_marking_done(qtbot: Any, tmp_path: Path) -> None:
    """Trial: the status bar's "0 of 1 documents done" stayed after an import (and after
    marking the document done) until something else happened."""
    root = one_article_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1100, 760))
    assert window.session is not None
    assert window.status_label.text().startswith("0 of 1 document done")
    more = tmp_path / "more"
    more.mkdir()
    for i in range(2):
        (more / f"b{i}.txt").write_text(f"خبر شماره {i} از کابل", encoding="utf-8")
    window.session.import_files([str(more)])
    assert window.status_label.text().startswith("0 of 3 documents done")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # mark done
    assert window.status_label.text().startswith("1 of 3 documents done")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # and back
    assert window.status_label.text().startswith("0 of 3 documents done")
    window.close()


def test_a_new_project_shows_its_own_labels_before_any_document(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial: File ▸ New project kept the previous project's labels in the palette until a
    document opened (in a new project, none does until something is imported)."""
    from annotator.ui.label_palette import LabelPalette
    from annotator.ui.project_session import ProjectSession

    source = tmp_path / "doccano.jsonl"
    source.write_text(json.dumps({"text": TEXT, "label": [[19, 24, "GPE"]]}, ensure_ascii=False) + "\n", "utf-8")
    old = tmp_path / "old"
    Project.create(old, "old").import_sources([source])
    window = open_in_window(qtbot, old, size=(1100, 760))
    palette = window.findChild(LabelPalette, "labelPalette")
    assert palette is not None
    shown = lambda: [b.text() for b in palette.findChildren(QPushButton) if b.isVisible()]  # noqa: E731
    assert any(t.startswith("GPE") for t in shown())  # the old project's own label

    target = tmp_path / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(ProjectSession, "import_files", lambda self: None)  # the import dialog: cancelled
    window.new_project()
    assert window.session is not None and window.session.project.path == target
    assert window.annotations is None  # no document yet
    expected = [lb.name("en") for lb in Project.open(target).schema.labels]
    assert [t.split(" (")[0] for t in shown()] == expected
    assert not any(t.startswith("GPE") for t in shown())
    window.close()
