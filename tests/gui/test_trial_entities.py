"""The new user's trial of the entity registry: two coders' windows on one project folder
each make a new entity with E (before, both made `e5` and one coder's mention took the
other's name); the undo of a tag removes the entity its E made; E names a new entity as
typed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.cli import main
from annotator.io.project import Project
from annotator.ui import MainWindow

from .conftest import open_in_window, type_text, wait_saved

TEXT = "مشاوران اطلاعاتی برای جورج بوش گزارش نوشتند و نخست‌وزیر روسیه پاسخ داد."


def make_project(tmp_path: Path) -> tuple[Path, str]:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(TEXT, encoding="utf-8")
    root = tmp_path / "project"
    (doc_id,) = Project.create(root, "trial").import_sources([sources]).added
    return root, doc_id


def registry(root: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((root / "entities.json").read_text(encoding="utf-8"))
    return {e["id"]: e for e in data["entities"]}


def tag_and_press_e(qtbot: Any, window: MainWindow, phrase: str, typed: str = "") -> str:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    aset = window.annotations
    assert aset is not None
    start = aset.text.index(phrase)
    span = aset.add_span("actor", start, start + len(phrase))
    window.make_current(span.id)
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    picker = window.claims.picker
    qtbot.waitUntil(picker.isVisible)
    if typed:
        type_text(picker.edit, typed)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    return span.id


def linked(qtbot: Any, root: Path, coder: str, doc_id: str) -> list[str]:
    path = root / "annotations" / coder / f"{doc_id}.json"
    data = wait_saved(qtbot, path, lambda d: any("entity" in s for s in d["spans"]))
    return [s["entity"] for s in data["spans"] if "entity" in s]


def test_two_coders_windows_on_one_folder_never_share_an_entity_id(qtbot: Any, tmp_path: Path) -> None:
    root, doc_id = make_project(tmp_path)
    (tmp_path / "b.txt").write_text("کاخ سفید پاسخ داد.", encoding="utf-8")
    (other_doc,) = Project.open(root).import_sources([tmp_path / "b.txt"]).added
    ali = open_in_window(qtbot, root, annotator="ali", size=(1000, 700))
    bita = open_in_window(qtbot, root, annotator="bita", size=(1000, 700))  # opened before ali's E
    tag_and_press_e(qtbot, ali, "مشاوران اطلاعاتی")
    tag_and_press_e(qtbot, bita, "برای جورج بوش")
    names = {e["name_fa"]: i for i, e in registry(root).items()}
    assert set(names) == {"مشاوران اطلاعاتی", "برای جورج بوش"}
    assert names["مشاوران اطلاعاتی"] != names["برای جورج بوش"]
    ali.checkpoint()
    bita.checkpoint()
    assert linked(qtbot, root, "ali", doc_id) == [names["مشاوران اطلاعاتی"]]
    assert linked(qtbot, root, "bita", doc_id) == [names["برای جورج بوش"]]
    # ali's window (its registry stale) offers bita's entity at the next E
    ali.activateWindow()
    qtbot.waitUntil(ali.isActiveWindow)
    qtbot.keyClick(ali.view, Qt.Key.Key_E)
    qtbot.waitUntil(ali.claims.picker.isVisible)
    assert any("برای جورج بوش" in t for t in ali.claims.picker.visible_texts())
    qtbot.keyClick(ali.claims.picker.edit, Qt.Key.Key_Escape)
    # and a window that opens another document (the same registry) takes them in too
    bita.claims.registry.add("کاخ سفید")
    assert ali.session is not None
    ali.session.open_document(other_doc if ali.session.doc_id == doc_id else doc_id)
    assert any(e.name_fa == "کاخ سفید" for e in ali.claims.registry.entities())
    ali.close()
    bita.close()
    assert main(["validate", str(root)]) == 0


def test_undoing_the_tag_removes_the_entity_its_e_made(qtbot: Any, tmp_path: Path) -> None:
    root, doc_id = make_project(tmp_path)
    window = open_in_window(qtbot, root, annotator="ali", size=(1000, 700))
    tag_and_press_e(qtbot, window, "مشاوران اطلاعاتی")
    (made,) = registry(root)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the link
    assert registry(root) == {}
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the tag
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    assert list(registry(root)) == [made]  # redone: the link has its entity again
    window.checkpoint()
    assert linked(qtbot, root, "ali", doc_id) == [made]
    # another coder links to it meanwhile: the undo must leave it
    other = root / "annotations" / "bita" / f"{doc_id}.json"
    other.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads((root / "annotations" / "ali" / f"{doc_id}.json").read_text(encoding="utf-8"))
    data["annotator"] = "bita"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list(registry(root)) == [made]
    window.close()
    assert main(["validate", str(root)]) == 0


def test_e_names_a_new_entity_as_typed_and_the_mention_stays_as_written(qtbot: Any, tmp_path: Path) -> None:
    root, _doc_id = make_project(tmp_path)
    window = open_in_window(qtbot, root, annotator="ali", size=(1000, 700))
    span_id = tag_and_press_e(qtbot, window, "نخست‌وزیر روسیه", typed="پوتین")
    (entity,) = registry(root).values()
    assert entity["name_fa"] == "پوتین" and entity["aliases"] == ["نخست‌وزیر روسیه"]
    assert window.annotations is not None and window.annotations.span(span_id).text == "نخست‌وزیر روسیه"
    # the next mention written that way is offered it first
    window.claims.pick_entity()
    picker = window.claims.picker
    assert picker.visible_texts()[0].startswith("پوتین")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Escape)
    window.close()


def test_the_entities_panel_deletes_an_entity_without_mentions_only(qtbot: Any, tmp_path: Path) -> None:
    root, _doc_id = make_project(tmp_path)
    window = open_in_window(qtbot, root, annotator="ali", size=(1200, 800))
    tag_and_press_e(qtbot, window, "مشاوران اطلاعاتی")  # one mention
    registry_ = window.claims.registry
    lonely = registry_.add("بی‌اشاره").id  # e.g. left by an older version's undone tag
    (linked_id,) = (i for i in registry(root) if i != lonely)
    window.checkpoint()
    window.claims.entities_dock.show()
    panel = window.claims.entity_panel
    panel.refresh()
    panel.select(lonely, linked_id)
    qtbot.mouseClick(panel.buttons["delete"], Qt.MouseButton.LeftButton)
    assert list(registry(root)) == [linked_id]  # the one with a mention stays
    assert "مشاوران اطلاعاتی" in window.statusBar().currentMessage()
    qtbot.mouseClick(panel.buttons["undo"], Qt.MouseButton.LeftButton)
    assert set(registry(root)) == {lonely, linked_id}
    window.close()
