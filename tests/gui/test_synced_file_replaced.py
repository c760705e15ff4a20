"""An annotation file replaced under the open window, as a synced folder (Dropbox,
Nextcloud, Syncthing) does when the same coder's other computer saved it (trial 5,
item 1). The window used to refuse every edit after that ("was changed by another program
... use Save As") and, on leaving the document, offered Save As over the same file, which
dropped the other computer's spans, or Discard, which dropped the edit made here. Now its
changes are taken in: nothing of either side is lost. Driven with real keys; what counts is
the file on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from annotator.ui import MainWindow

from .conftest import double_click_word, open_in_window
from .test_project_window import make_project

CTRL = Qt.KeyboardModifier.ControlModifier


def file_of(root: Path, doc_id: str) -> Path:
    return root / "annotations" / "anonymous" / f"{doc_id}.json"


def on_disk(path: Path) -> list[tuple[str, str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return sorted((s["label"], s["text"], s["note"]) for s in data["spans"])


def replace_from_elsewhere(path: Path, text: str, word: str, label: str, note: str) -> None:
    """What a sync client does: the other computer's version, written aside and renamed
    over the file. The span it added there is numbered as that computer numbers, s2 after
    s1, the very id this window gives its own next span."""
    data = json.loads(path.read_text(encoding="utf-8"))
    start = text.index(word)
    data["spans"].append(
        {"id": f"s{len(data['spans']) + 1}", "label": label, "start": start, "end": start + len(word),
         "text": word, "attributes": {}, "note": note}
    )  # fmt: skip
    tmp = path.with_name(path.name + ".sync-tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def opened(qtbot: Any, tmp_path: Path) -> tuple[MainWindow, str, str, Path]:
    """A project open in a window: (the window, its document's id and text, its file)."""
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None and window.annotations is not None
    doc_id = window.session.doc_id
    return window, doc_id, window.annotations.text, file_of(root, doc_id)


def tag(qtbot: Any, window: MainWindow, word: str, key: Qt.Key) -> None:
    assert window.annotations is not None
    double_click_word(qtbot, window.view, window.annotations.text.index(word) + 1)
    qtbot.keyClick(window.view, key)


def test_a_file_replaced_while_idle_is_taken_in_before_the_next_edit(qtbot: Any, tmp_path: Path) -> None:
    window, doc_id, text, path = opened(qtbot, tmp_path)
    tag(qtbot, window, "بغداد", Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)  # checkpointed: nothing unsaved here
    assert on_disk(path) == [("location", "بغداد", "")]

    replace_from_elsewhere(path, text, "عراق", "location", "from the laptop")
    tag(qtbot, window, "نخست‌وزیر", Qt.Key.Key_1)  # the next edit: refused before
    assert window.store is not None and window.store.durable, window.store.last_error
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    assert on_disk(path) == [
        ("actor", "نخست‌وزیر", ""), ("location", "بغداد", ""), ("location", "عراق", "from the laptop")
    ]  # fmt: skip
    assert "changed by another program" in window.last_message

    # the document is left without a question and reopened as it is on disk
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    assert window.session.doc_id != doc_id
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)
    assert window.session.doc_id == doc_id
    assert sorted((s.label, s.text, s.note) for s in window.annotations.spans()) == on_disk(path)
    window.close()


def test_edits_not_yet_saved_here_and_theirs_are_both_kept(qtbot: Any, tmp_path: Path) -> None:
    """The file is replaced while this window's edits are only in its journal (before the
    checkpoint): the file ends with both, and Ctrl+Z takes back theirs alone."""
    window, _doc_id, text, path = opened(qtbot, tmp_path)
    tag(qtbot, window, "بغداد", Qt.Key.Key_2)  # the first edit writes the file
    window._checkpoint_timer.stop()
    tag(qtbot, window, "پهپادی", Qt.Key.Key_3)  # journaled only
    window._checkpoint_timer.stop()
    assert on_disk(path) == [("location", "بغداد", "")]

    replace_from_elsewhere(path, text, "عراق", "location", "from the laptop")
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)  # a save no longer refuses, nor overwrites theirs
    assert window.store is not None and window.store.durable, window.store.last_error
    assert on_disk(path) == [
        ("claim", "پهپادی", ""), ("location", "بغداد", ""), ("location", "عراق", "from the laptop")
    ]  # fmt: skip
    assert not Path(str(path) + ".journal").exists()

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # takes back what came from elsewhere
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    assert on_disk(path) == [("claim", "پهپادی", ""), ("location", "بغداد", "")]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # then this window's own edits, as before
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    assert on_disk(path) == [("location", "بغداد", "")]
    window.close()


def test_the_window_takes_the_change_in_while_nobody_types(qtbot: Any, tmp_path: Path) -> None:
    window, _doc_id, text, path = opened(qtbot, tmp_path)
    tag(qtbot, window, "بغداد", Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    replace_from_elsewhere(path, text, "عراق", "location", "from the laptop")
    qtbot.waitUntil(lambda: window.annotations is not None and window.annotations.span_count() == 2, timeout=5000)
    assert sorted(s.text for s in window.view.annotations.spans()) == ["بغداد", "عراق"]
    window.close()


@pytest.mark.parametrize("language", ["en", "fa"])
def test_a_kill_then_a_replaced_file_keeps_both_at_the_restart(qtbot: Any, tmp_path: Path, language: str) -> None:
    """Killed with an edit only in the journal; before the restart, a synced folder brought
    the other computer's version of the file (trial 5, item 2). The restart set the journal
    aside ("made on another version of the file") and showed the file without the edit."""
    from PySide6.QtWidgets import QMessageBox

    from annotator.io.project import Project
    from annotator.io.store import AnnotationStore, journal_path

    project = Project.open(make_project(tmp_path))
    doc_id = project.document_ids()[0]
    path = project.annotation_path(doc_id, "ali")
    project.save_annotations(project.load_annotations(doc_id, "ali"))
    document = project.load_document(doc_id)
    store = AnnotationStore.open(path, project.schema, document, embed_text=False)[0]
    start = document.text.index("بغداد")
    store.aset.add_span("location", start, start + len("بغداد"))
    store.detach()  # killed: the edit is in the journal only
    assert journal_path(path).exists()
    replace_from_elsewhere(path, document.text, "عراق", "location", "from the laptop")

    window = open_in_window(qtbot, project.path, annotator="ali", size=(1366, 768), language=language)
    assert window.session is not None and window.session.doc_id == doc_id
    assert window.annotations is not None
    expected = [("location", "بغداد", ""), ("location", "عراق", "from the laptop")]
    assert sorted((s.label, s.text, s.note) for s in window.annotations.spans()) == expected
    assert on_disk(path) == expected
    said = " ".join(box.text() for box in window.findChildren(QMessageBox) if box.isVisible())
    assert ("replaced meanwhile" in said) if language == "en" else ("جایگزین شده بود" in said), said
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    boxes[0].grab().save(str(tmp_path.parent / f"replaced_{language}.png"))
    window.close()
    assert on_disk(path) == expected


def test_a_span_changed_on_both_computers_keeps_the_other_version_beside_the_file(qtbot: Any, tmp_path: Path) -> None:
    """The note written here stays in the file; the laptop's note on the same span was
    written over and lost. Its whole version is now kept beside the file, and the status
    bar says where (in the Persian interface too)."""
    from .test_io_messages import type_text

    window, _doc_id, _text, path = opened(qtbot, tmp_path)
    window.set_language("fa", save=False)
    window._disk_watch.stop()  # its look every 2 s could take the laptop's note in first: no conflict then
    tag(qtbot, window, "بغداد", Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"][0]["note"] = "from the laptop"
    path.with_name("sync-tmp").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(path.with_name("sync-tmp"), path)  # the laptop's note on the same span
    laptop = path.read_bytes()

    qtbot.keyClick(window.view, Qt.Key.Key_N)  # the note here, on the span just tagged
    type_text(window.note_edit, "پایتخت")
    qtbot.keyClick(window.note_edit, Qt.Key.Key_Return)
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL)
    assert on_disk(path) == [("location", "بغداد", "پایتخت")]
    [kept] = list(path.parent.glob(path.name + ".other-*"))
    assert kept.read_bytes() == laptop
    assert kept.name in window.last_message and "نسخهٔ دیگر" in window.last_message, window.last_message
    window.set_language("en", save=False)
