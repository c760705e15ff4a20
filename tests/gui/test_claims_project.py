"""Claims across a project: entity merge and rename relink every document on disk and
undo; a schema rename reaches closed documents and undoes; the document's details go to
the document list; the claims overview opens a claim's document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.io.project import Project
from annotator.ui import MainWindow

from .conftest import open_in_window, wait_saved
from .test_project_window import annotation_file

ARTICLES = {
    "a.txt": "آمریکا گفت که تحریم‌ها ادامه دارد.",
    "b.txt": "واشنگتن در تهران گفت که مذاکره ممکن است.",
}


def make_project(tmp_path: Path) -> tuple[Path, list[str]]:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, text in ARTICLES.items():
        (sources / name).write_text(text, encoding="utf-8")
    root = tmp_path / "project"
    ids = Project.create(root, "claims").import_sources([sources]).added
    assert len(ids) == 2
    return root, ids


def tag(window: MainWindow, label: str, phrase: str) -> str:
    aset = window.annotations
    assert aset is not None
    start = aset.text.index(phrase)
    span = aset.add_span(label, start, start + len(phrase))
    window.make_current(span.id)
    return span.id


def new_entity_for_current(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    picker = window.claims.picker
    qtbot.waitUntil(picker.isVisible)
    # nothing typed and no entity named as the mention is written: Enter makes a new one
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)


def entities(root: Path) -> dict[str, Any]:
    data = json.loads((root / "entities.json").read_text(encoding="utf-8"))
    return {e["id"]: e for e in data["entities"]}


def test_entity_merge_and_rename_relink_every_document_and_undo(qtbot: Any, tmp_path: Path) -> None:
    root, (a, b) = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None and window.session.doc_id == a
    tag(window, "actor", "آمریکا")
    new_entity_for_current(qtbot, window)
    window.session.open_document(b)
    tag(window, "actor", "واشنگتن")
    new_entity_for_current(qtbot, window)
    assert {e["name_fa"] for e in entities(root).values()} == {"آمریکا", "واشنگتن"}
    e1, e2 = (i for n in ("آمریکا", "واشنگتن") for i, e in entities(root).items() if e["name_fa"] == n)
    wait_saved(
        qtbot, root / "annotations" / "anonymous" / f"{b}.json", lambda d: d["spans"] and "entity" in d["spans"][0]
    )
    window.checkpoint()

    window.claims.entities_dock.show()
    panel = window.claims.entity_panel
    panel.refresh()
    assert panel.counts == {e1: 1, e2: 1}
    panel.select(e1, e2)  # the first is current: it is kept
    qtbot.mouseClick(panel.buttons["merge"], Qt.MouseButton.LeftButton)
    assert list(entities(root)) == [e1] and "واشنگتن" in entities(root)[e1]["aliases"]
    assert annotation_file(root, a)["spans"][0]["entity"] == e1  # closed: rewritten on disk
    assert window.annotations is not None and window.annotations.spans()[0].entity == e1  # open: relinked
    window.checkpoint()
    assert annotation_file(root, b)["spans"][0]["entity"] == e1
    assert panel.counts == {e1: 2}

    qtbot.mouseClick(panel.buttons["undo"], Qt.MouseButton.LeftButton)
    assert set(entities(root)) == {e1, e2}
    window.checkpoint()
    assert annotation_file(root, b)["spans"][0]["entity"] == e2
    assert annotation_file(root, a)["spans"][0]["entity"] == e1
    qtbot.mouseClick(panel.buttons["redo"], Qt.MouseButton.LeftButton)
    window.checkpoint()
    assert annotation_file(root, b)["spans"][0]["entity"] == e1

    panel.select(e1)
    panel.rename("ایالات متحده", "United States")
    assert entities(root)[e1]["name_fa"] == "ایالات متحده" and "آمریکا" in entities(root)[e1]["aliases"]
    qtbot.mouseClick(panel.buttons["undo"], Qt.MouseButton.LeftButton)
    assert entities(root)[e1]["name_fa"] == "آمریکا"
    window.close()


def test_a_label_renamed_in_a_project_reaches_closed_documents_and_undoes(qtbot: Any, tmp_path: Path) -> None:
    root, (a, b) = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    tag(window, "claim", "تحریم‌ها ادامه دارد")
    assert window.session is not None
    window.session.open_document(b)
    tag(window, "claim", "مذاکره ممکن است")
    tag(window, "location", "تهران")
    window.checkpoint()
    window.claims.edit_schema()
    editor = window.claims.schema_dialog
    editor.set_cell(editor.labels, editor.row_of(editor.labels, "claim"), 0, "statement")
    schema, migration = editor.result()
    found = window.claims.count_schema_edit(migration)
    assert (found.spans_changed, found.documents) == (2, 2)
    assert window.claims.apply_schema(schema, migration, confirm=False)
    assert [s["label"] for s in annotation_file(root, a)["spans"]] == ["statement"]
    assert "statement" in Project.open(root).schema.label_ids
    window.checkpoint()
    assert sorted(s["label"] for s in annotation_file(root, b)["spans"]) == ["location", "statement"]
    window.undo()
    window.checkpoint()
    assert [s["label"] for s in annotation_file(root, a)["spans"]] == ["claim"]
    assert sorted(s["label"] for s in annotation_file(root, b)["spans"]) == ["claim", "location"]
    assert "statement" not in Project.open(root).schema.label_ids
    window.close()


def test_document_details_edited_above_the_article_reach_the_list(qtbot: Any, tmp_path: Path) -> None:
    root, (a, _b) = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    header = window.claims.header
    assert header.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = header.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.date.setText("۱۴۰۲/۰۵/۱۲")
    dialog.source.setText("ایرنا")
    assert "2023-08-03" in dialog.reading.text()
    dialog.accept()
    assert "۱۴۰۲/۰۵/۱۲ (2023-08-03)" in header.details.text() and "ایرنا" in header.details.text()
    catalog = json.loads((root / "documents.json").read_text(encoding="utf-8"))
    entry = next(d for d in catalog["documents"] if d["id"] == a)
    assert (entry["date"], entry["date_gregorian"], entry["source"]) == ("۱۴۰۲/۰۵/۱۲", "2023-08-03", "ایرنا")
    summary = Project.open(root).summary(a)
    assert summary.date_gregorian == "2023-08-03"
    window.undo()  # one step, like any edit
    assert window.annotations is not None and "date" not in window.annotations.document.metadata
    catalog = json.loads((root / "documents.json").read_text(encoding="utf-8"))
    assert "date" not in next(d for d in catalog["documents"] if d["id"] == a)
    window.close()


def test_claims_by_actor_opens_the_claims_document(qtbot: Any, tmp_path: Path) -> None:
    root, (a, b) = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    actor = tag(window, "actor", "آمریکا")
    new_entity_for_current(qtbot, window)
    claim = tag(window, "claim", "تحریم‌ها ادامه دارد")
    assert window.annotations is not None
    window.annotations.add_relation("claimed_by", claim, actor)
    window.annotations.set_attribute(claim, "position", "supports")
    window.session.open_document(b)
    window.checkpoint()
    panel = window.claims.claims_panel
    window.claims.claims_dock.show()
    panel.scope.setCurrentIndex(1)  # the whole project
    tree = panel.tree
    assert tree.topLevelItem(0).text(0).startswith("آمریکا")
    item = tree.topLevelItem(0).child(0)
    assert item.text(1) == "supports"
    tree.itemActivated.emit(item, 0)
    assert window.session.doc_id == a and window.current_span_id() == claim
    window.close()


def test_entity_counts_read_only_the_files_that_changed(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """The entity list counts mentions in every other annotation file; switching documents
    read them all again each time.  Now a file is read again only when it changed, and a
    change made outside the window (another coder's save) still shows."""
    root, (a, b) = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None and window.session.doc_id == a
    tag(window, "actor", "آمریکا")
    new_entity_for_current(qtbot, window)
    window.checkpoint()
    window.session.open_document(b)
    window.claims.entities_dock.show()
    panel = window.claims.entity_panel
    [entity] = entities(root)
    panel.refresh()
    assert panel.counts == {entity: 1}

    read: list[Path] = []
    real_read_text = Path.read_text

    def spying(path: Path, *args: Any, **kwargs: Any) -> str:
        read.append(path)
        return real_read_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", spying)
    panel.refresh()
    assert panel.counts == {entity: 1}
    assert [p for p in read if p.parent.name == "anonymous"] == []  # a's file did not change

    # another coder's program saves a's file again, now with two mentions (atomic: a new file)
    a_file = root / "annotations" / "anonymous" / f"{a}.json"
    data = json.loads(real_read_text(a_file, encoding="utf-8"))
    data["spans"].append(dict(data["spans"][0], id="s-outside", start=0, end=1, text="آ"))
    replacement = a_file.with_name("replacement.tmp")
    replacement.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    replacement.replace(a_file)
    panel.refresh()
    assert panel.counts == {entity: 2}
    assert [p for p in read if p.parent.name == "anonymous"] == [a_file]
    window.close()


def test_the_details_dialog_opens_wide_enough_for_a_headline(qtbot: Any, tmp_path: Path) -> None:
    # the trial: its fields opened ~110 px wide, the title and address cut off
    root, _ = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1366, 768))
    header = window.claims.header
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = header.dialog
    qtbot.waitUntil(dialog.isVisible)
    headline = "رئیس‌جمهور در دیدار با وزیر امور خارجه عراق درباره همکاری‌های اقتصادی گفت"
    for field in (dialog.title, dialog.source, dialog.url):
        needed = field.fontMetrics().horizontalAdvance(headline) * 0.8
        assert field.width() >= needed, (field.objectName(), field.width())
    assert dialog.width() <= 1366
    dialog.reject()
    window.close()


def test_the_details_dialog_shows_a_long_title_from_its_start(qtbot: Any) -> None:
    # the trial: a Persian title longer than its field showed only its last words (its
    # left end), the caret having been left at the end of the text
    from annotator.model import Document
    from annotator.ui.details_dialog import DetailsDialog

    title = "رئیس‌جمهور در دیدار با وزیر امور خارجه عراق " * 6
    dialog = DetailsDialog(Document("d1", "متن", title=title.strip(), metadata={"source": "ایرنا " * 30}))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for field in (dialog.title, dialog.source):
        assert field.fontMetrics().horizontalAdvance(field.text()) > field.width()  # longer than its field
        assert field.cursorPosition() == 0  # the caret at the title's start...
        # ...which is the part in view once painted (a line edit scrolls to its caret)
        qtbot.waitUntil(lambda field=field: field.rect().contains(field.cursorRect().center()))
    dialog.reject()
