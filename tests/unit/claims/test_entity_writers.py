"""Two writers of one entity registry (two coders' windows on a folder, two git clones):
new ids never collide, each save re-reads and merges, nobody's entity is dropped or renamed
(the new user's trial: both windows made `e5`, and one coder's mention took the other's name)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotator.io import entities as entity_files
from annotator.model.entities import Entity, EntityRegistry, merge_entities


def names(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {e["id"]: e["name_fa"] for e in data["entities"]}


def test_new_ids_are_random_and_never_the_old_numbered_shape() -> None:
    reg = EntityRegistry([Entity("e4", "ایران")])
    ids = {reg.add(f"نام {i}").id for i in range(200)}
    assert len(ids) == 200 and all(re.fullmatch(r"e-[a-z2-9]{8}", i) for i in ids)
    # two registries that start alike (two windows, two clones) make different ids
    a, b = EntityRegistry([Entity("e4", "ایران")]), EntityRegistry([Entity("e4", "ایران")])
    assert a.add("مشاوران اطلاعاتی").id != b.add("برای جورج بوش").id
    assert reg.get("e4") == Entity("e4", "ایران")  # old ids stay as they are


def test_two_windows_on_one_folder_keep_each_others_entities(tmp_path: Path) -> None:
    path = tmp_path / "entities.json"
    entity_files.save(EntityRegistry([Entity("e4", "ایران")]), path)
    ali_file, bita_file = entity_files.RegistryFile(path), entity_files.RegistryFile(path)
    ali, bita = ali_file.load(), bita_file.load()  # both opened before either made one
    mine = ali.add("مشاوران اطلاعاتی").id
    assert ali_file.save(ali) == []
    theirs = bita.add("برای جورج بوش").id
    assert bita_file.save(bita) == []
    on_disk = names(path)
    assert on_disk == {"e4": "ایران", mine: "مشاوران اطلاعاتی", theirs: "برای جورج بوش"}
    assert bita.get(mine) is not None  # the saving window took the other's in
    assert ali_file.refresh(ali) and ali.get(theirs) is not None  # the stale one picks them up
    assert not ali_file.refresh(ali)  # nothing new: the file is not read again


def test_a_rename_in_one_window_and_a_new_entity_in_the_other_both_stay(tmp_path: Path) -> None:
    path = tmp_path / "entities.json"
    entity_files.save(EntityRegistry([Entity("e1", "آمریکا"), Entity("e2", "واشنگتن")]), path)
    one_file, two_file = entity_files.RegistryFile(path), entity_files.RegistryFile(path)
    one, two = one_file.load(), two_file.load()
    one.rename("e1", "ایالات متحده")
    one_file.save(one)
    made = two.add("روسیه").id
    two_file.save(two)  # its stale e1 (unchanged here) does not undo the other's rename
    assert names(path) == {"e1": "ایالات متحده", "e2": "واشنگتن", made: "روسیه"}
    one.remove("e2")
    one_file.save(one)
    two_file.save(two)  # nor does its stale e2 bring the deleted one back
    assert set(names(path)) == {"e1", made}


def test_merge_is_three_way_by_id_and_reports_what_both_changed() -> None:
    base = {"e1": Entity("e1", "الف"), "e2": Entity("e2", "ب")}
    theirs = {"e1": Entity("e1", "الف"), "e2": Entity("e2", "ب ۲"), "x": Entity("x", "ج")}
    mine = {"e1": Entity("e1", "الف ۲"), "e2": Entity("e2", "ب ۳")}
    merged, clashes = merge_entities(base, theirs, mine)
    assert merged == {"e1": Entity("e1", "الف ۲"), "e2": Entity("e2", "ب ۳"), "x": Entity("x", "ج")}
    assert clashes == ["e2"]
    # one side removed it, the other changed it: the change stays
    merged, _ = merge_entities(base, {"e1": base["e1"]}, {**base, "e2": Entity("e2", "ب ۴")})
    assert merged["e2"].name_fa == "ب ۴"


def test_a_damaged_file_on_disk_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "entities.json"
    entity_files.save(EntityRegistry([Entity("e1", "ایران")]), path)
    handle = entity_files.RegistryFile(path)
    reg = handle.load()
    path.write_text("{broken", encoding="utf-8")
    reg.add("روسیه")
    try:
        handle.save(reg)
    except entity_files.EntityFileError as exc:
        assert "entities.json" in str(exc)
    else:
        raise AssertionError("a damaged registry file was overwritten")
    assert path.read_text(encoding="utf-8") == "{broken"


def test_discard_and_restore_are_outside_the_undo_history() -> None:
    reg = EntityRegistry([Entity("e1", "ایران")])
    made = reg.add("روسیه")
    assert reg.discard(made.id) == made and made.id not in reg
    reg.restore(made)
    assert reg.get(made.id) == made
    reg.discard(made.id)
    reg.undo()  # the add's undo: the entity is gone already, nothing breaks
    assert made.id not in reg and reg.get("e1") is not None
