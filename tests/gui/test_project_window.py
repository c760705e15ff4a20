"""A project in the window: the document list, moving between documents, marking them
done, searching the project and tagging every hit; all checked on disk after a restart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QStyle, QStyleOptionButton

from annotator.io.project import Project
from annotator.ui import MainWindow
from annotator.ui.tag_all_question import TagAllQuestion

from .conftest import double_click_word, open_in_window, type_text

ARTICLES = {
    "a-baghdad.txt": "حمله پهپادی در بغداد. نخست‌وزیر عراق واكنش نشان داد.",
    "b-damascus.txt": "نیروهای آمريکایی در سوریه مستقر هستند. دمشق هشدار داد.",
    "c-gaza.txt": "در غزه ۱۰۰ نفر کشته شدند. آمریکا سکوت کرد و آمریکا پاسخی نداد.",
}


def make_project(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, text in ARTICLES.items():
        (sources / name).write_text(text, encoding="utf-8")
    root = tmp_path / "project"
    project = Project.create(root, "test")
    report = project.import_sources([sources])
    assert len(report.added) == 3, report.problems
    return root


def answer_question(qtbot: Any, asked: list[str], key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Answer the next question box with a key press (Return: its default, Yes), noting its text."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, TagAllQuestion):
            asked.append(box.headline.text())
        elif isinstance(box, QMessageBox):
            asked.append(box.text())
        else:
            QTimer.singleShot(20, press)
            return
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)


def annotation_file(root: Path, doc_id: str) -> dict[str, Any]:
    return json.loads((root / "annotations" / "anonymous" / f"{doc_id}.json").read_text(encoding="utf-8"))


def test_document_list_navigation_done_and_restart(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    table = window.findChild(type(window.table).__mro__[1], "documentList")
    assert table is not None and table.model().rowCount() == 3
    first = window.session.doc_id
    assert window.annotations is not None and "بغداد" in window.annotations.text

    text = window.annotations.text
    double_click_word(qtbot, window.view, text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # mark done
    assert annotation_file(root, first)["status"] == "done"
    status_cell = table.model().index(0, 1)
    assert status_cell.data() == "done"

    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # next document
    second = window.session.doc_id
    assert second != first and "سوریه" in window.annotations.text
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.session.doc_id == first
    qtbot.keyClick(window.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # next unfinished
    assert window.session.doc_id == second
    window.close()

    again = open_in_window(qtbot, root, size=(1200, 800))
    assert again.session is not None
    assert again.session.doc_id == second  # the first unfinished document
    rows = {again.session.list.model.summary_at(r).id: again.session.list.model.summary_at(r) for r in range(3)}  # type: ignore[union-attr]
    assert rows[first].status.value == "done" and rows[first].span_count == 1
    again.close()


TITLED = [
    {"id": "t1", "title": "حمله پهپادی به بغداد", "text": "حمله پهپادی در بغداد."},
    {"id": "t2", "title": "کشته شدن ۱۰۰ نفر در غزه", "text": "در غزه ۱۰۰ نفر کشته شدند."},
    {"id": "t3", "title": "هشدار دمشق به آمریکا در سال 2024", "text": "دمشق هشدار داد."},
    {"id": "t4", "title": "سخنان نخست‌وزیر", "text": "نخست‌وزیر سخن گفت."},
]


def shown_titles(window: MainWindow) -> list[str]:
    """The titles the document list shows now, read from the view the user sees."""
    from PySide6.QtWidgets import QAbstractItemView

    table = window.findChild(QAbstractItemView, "documentList")
    assert table is not None
    model = table.model()
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    return sorted(str(t).strip("\u2068\u2069") for t in rows)


def test_filter_the_document_list_persian_aware(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLineEdit

    source = tmp_path / "titled.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in TITLED), encoding="utf-8")
    root = tmp_path / "project"
    assert len(Project.create(root, "test").import_sources([source]).added) == 4
    window = open_in_window(qtbot, root, size=(1200, 800))
    titles = shown_titles(window)
    assert len(titles) == 4

    def titled(beginning: str) -> list[str]:
        # as shown: the import may have unified the title's letters or digits
        return [t for t in titles if t.startswith(beginning)]

    box = window.findChild(QLineEdit, "documentFilter")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    box.setFocus()
    for typed, expected in [
        ("پهپادي", titled("حمله")),  # Arabic yeh finds Persian yeh
        ("كشته", titled("کشته")),  # Arabic kaf finds Persian keheh
        ("100", titled("کشته")),  # Latin digits find the title's Persian ones
        ("١٠٠", titled("کشته")),  # and so do Arabic-Indic ones
        ("۲۰۲۴", titled("هشدار")),  # Persian digits find the title's year, however it is written
        ("2024", titled("هشدار")),
        ("نخست وزير", titled("سخنان")),  # a space where the title has a ZWNJ
        ("امريكا", titled("هشدار")),  # Arabic letters and an alef without madda
        ("كابل", []),
    ]:
        assert typed == "كابل" or len(expected) == 1
        box.selectAll()
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
        assert box.text() == ""
        type_text(box, typed)
        assert box.text() == typed
        assert shown_titles(window) == expected, typed
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert len(shown_titles(window)) == 4
    window.close()


def test_search_project_opens_hit_and_tag_all(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.search.query.hasFocus()
    type_text(window.search.query, "امريكا")  # Arabic ي and ك: must find آمريکا / آمریکا
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    # whole words (the default): not the آمریکا inside Damascus's آمریکایی
    assert window.search.whole_words.isChecked()
    assert [h.match for h in window.search.hits] == ["آمریکا", "آمریکا"]
    qtbot.mouseClick(window.search.whole_words, Qt.MouseButton.LeftButton)
    hits = window.search.hits
    # the import normalized ي to ی; the query still has the Arabic letters
    assert [h.match for h in hits] == ["آمریکا", "آمریکا", "آمریکا"]
    damascus = hits[0].document_id
    qtbot.mouseClick(window.search.whole_words, Qt.MouseButton.LeftButton)
    hits = window.search.hits
    assert len(hits) == 2
    gaza = hits[1].document_id
    item = window.search.results.item(1)
    qtbot.mouseClick(
        window.search.results.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.search.results.visualItemRect(item).center(),
    )
    assert window.session is not None and window.session.doc_id == gaza
    assert window.view.selection_range() == (hits[1].start, hits[1].end)
    window.search.label_box.setCurrentIndex(window.search.label_box.findData("location"))
    asked: list[str] = []
    answer_question(qtbot, asked, Qt.Key.Key_Escape)  # asked first; Escape: nothing happens
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert asked == ["Tag 2 results as “Location” in 1 document?"]
    aset = window.annotations
    assert aset is not None and aset.spans() == []
    answer_question(qtbot, asked)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert [(s.label, s.text) for s in aset.spans()] == [("location", "آمریکا"), ("location", "آمریکا")]
    assert window.last_message == "Spans added: 2, in 1 document"
    window.activateWindow()  # the question box had the keyboard
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step undoes both
    assert aset.spans() == []
    assert window.last_message == "Undone: Tag 2 results"  # not the count of spans now gone
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.last_message == "Redone: Tag 2 results"
    window.set_language("fa")  # the count in Persian digits, as every other count there
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "۲" in window.last_message and not any(c.isascii() and c.isdigit() for c in window.last_message)
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    window.set_language("en")
    window.checkpoint()
    assert [s["text"] for s in annotation_file(root, gaza)["spans"]] == ["آمریکا", "آمریکا"]
    # Damascus's آمریکایی was not tagged inside the word
    assert not (root / "annotations" / "anonymous" / f"{damascus}.json").exists()
    window.close()


def test_tag_all_in_the_article_scope_stays_in_the_article(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    gaza = next(d for d in window.session.project.document_ids() if "gaza" in d)
    assert window.session.open_document(gaza)
    window.searching.show(False)
    type_text(window.search.query, "آمریکا")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert len(window.search.hits) == 2
    window.search.label_box.setCurrentIndex(window.search.label_box.findData("location"))
    asked: list[str] = []
    answer_question(qtbot, asked)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert asked == ["Tag 2 results as “Location” in this article?"]
    assert window.annotations is not None and len(window.annotations.spans()) == 2
    others = [d for d in window.session.project.document_ids() if d != gaza]
    assert not any((root / "annotations" / "anonymous" / f"{d}.json").exists() for d in others)
    window.close()


def click_box(qtbot: Any, box: QCheckBox) -> None:
    """Click a check box's square, wherever the layout direction puts it."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    square = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=square.center())


def answer_tag_question(
    qtbot: Any, asked: list[str], tick: bool = False, tick_done: bool = False, key: Qt.Key = Qt.Key.Key_Return
) -> None:
    """Answer the next Tag all question with Return (or `key`), noting its text, details and
    the boxes it shows (with a Yes that cannot be pressed, "[Yes disabled]"); tick its 'also
    tag the coded ones' box, and its 'also the documents marked done' box, first when asked
    to (with the mouse), noting the question again after that."""

    def note(box: TagAllQuestion) -> None:
        boxes = [b.text() for b in (box.also_other, box.also_done) if b.isVisibleTo(box)]
        disabled = "" if box.yes.isEnabled() else " [Yes disabled]"
        asked.append(
            f"{box.headline.text()} | {box.details.text().replace(chr(10), ' ')} | {' / '.join(boxes)}{disabled}"
        )

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, TagAllQuestion):
            QTimer.singleShot(20, press)
            return
        note(box)
        if tick:
            click_box(qtbot, box.also_other)
        if tick_done:
            click_box(qtbot, box.also_done)
        if tick or tick_done:
            note(box)
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)


def test_tag_all_leaves_words_already_coded_unless_asked(qtbot: Any, tmp_path: Path) -> None:
    """A word the coder tagged by hand (here آمریکا as an actor, the state) is not tagged a
    second time with another label by a bulk Tag all: the question says how many are left
    as they are, and a box (off by default) tags them too."""
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    gaza = next(d for d in window.session.project.document_ids() if "gaza" in d)
    assert window.session.open_document(gaza)
    aset = window.annotations
    assert aset is not None
    first = aset.text.index("آمریکا")
    second = aset.text.index("آمریکا", first + 1)
    window.view.select_range(first, first + len("آمریکا"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # by hand: the first آمریکا is an actor
    assert [(s.label, s.start) for s in aset.spans()] == [("actor", first)]
    window.searching.show(False)
    type_text(window.search.query, "آمریکا")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    window.search.label_box.setCurrentIndex(window.search.label_box.findData("location"))
    asked: list[str] = []
    answer_tag_question(qtbot, asked)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert asked == [
        "Tag 1 result as “Location” in this article? | 1 result has another label: left as it is unless you"
        " tick the box below. | Also tag those already tagged with another label (1)"
    ]
    assert sorted((s.start, s.label) for s in aset.spans()) == [(first, "actor"), (second, "location")]
    assert window.last_message == "Spans added: 1"
    assert window.act_undo.text() == "&Undo Tag 1 result"  # not "Tag 1 results" (the trial)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.checkpoint()
    saved = annotation_file(root, gaza)["spans"]
    assert sorted((s["start"], s["label"]) for s in saved) == [(first, "actor"), (second, "location")]
    # again, ticking the box: the hand-coded actor gets the location too; the other is left
    answer_tag_question(qtbot, asked, tick=True)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert asked[1:] == [
        "Nothing will be tagged “Location” unless you tick a box below. | 1 result already has the label"
        " “Location”: not tagged twice. 1 result has another label: left as it is unless you tick the box below."
        " | Also tag those already tagged with another label (1) [Yes disabled]",
        "Tag 1 result as “Location” in this article? | 1 result already has the label “Location”: not tagged"
        " twice. | Also tag those already tagged with another label (1)",
    ]
    assert sorted((s.start, s.label) for s in aset.spans()) == [
        (first, "actor"),
        (first, "location"),
        (second, "location"),
    ]
    # a third time there is nothing to tag: said, not asked
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert len(asked) == 3
    assert window.last_message == "Every result is already tagged “Location”"
    window.close()


def test_tag_all_across_the_project_leaves_words_already_coded(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    gaza = next(d for d in window.session.project.document_ids() if "gaza" in d)
    assert window.session.open_document(gaza)
    aset = window.annotations
    assert aset is not None
    first = aset.text.index("آمریکا")
    window.view.select_range(first, first + len("آمریکا"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    window.searching.show(True)
    type_text(window.search.query, "آمریکا")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert len(window.search.hits) == 2
    window.search.label_box.setCurrentIndex(window.search.label_box.findData("location"))
    asked: list[str] = []
    answer_tag_question(qtbot, asked)
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    assert asked == [
        "Tag 1 result as “Location” in 1 document? | 1 result has another label: left as it is unless you"
        " tick the box below. | Also tag those already tagged with another label (1)"
    ]
    assert sorted((s.start, s.label) for s in aset.spans()) == [
        (first, "actor"),
        (aset.text.index("آمریکا", first + 1), "location"),
    ]
    assert window.last_message == (
        "Spans added: 1, in 1 document; already tagged with another label, left as they are: 1"
    )
    window.close()


def test_second_window_on_the_project_is_warned_and_never_overwrites(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    root = make_project(tmp_path)
    first = open_in_window(qtbot, root, size=(1200, 800))
    asked: list[str] = []

    def refuse(self: MainWindow, reason: str) -> bool:
        asked.append(reason)
        return False

    monkeypatch.setattr(MainWindow, "ask_take_over", refuse)
    second = MainWindow()
    qtbot.addWidget(second)
    assert not second.open(root)
    assert len(asked) == 1 and asked[0].startswith("This project is already open in another window")
    assert str(root) in asked[0]
    assert second.session is None and second.annotations is None
    first.close()
    assert second.open(root)  # the first window let go of the project
    second.close()


def test_export_from_the_window_writes_the_chosen_format(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    aset = window.annotations
    assert aset is not None and window.session is not None
    double_click_word(qtbot, window.view, aset.text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    out = tmp_path / "out.jsonl"
    assert window.session.export("doccano", str(out))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3
    start = aset.text.index("بغداد")
    assert [start, start + 5, "location"] in lines[0]["label"]
    window.close()


def window_on_article(qtbot: Any, article: Path) -> tuple[MainWindow, str]:
    text = "نخست‌وزیر عراق در بغداد سخن گفت."
    article.write_text(text, encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open(article)
    return window, text


def test_disk_refusing_an_edit_is_said_and_save_as_keeps_the_work(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import errno

    from annotator.io import store as store_module

    window, text = window_on_article(qtbot, tmp_path / "a.txt")
    double_click_word(qtbot, window.view, text.index("عراق") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # the first edit writes the whole file

    def full_disk(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.AnnotationStore, "_append_line", full_disk)
    monkeypatch.setattr(store_module, "write_atomic", full_disk, raising=False)
    double_click_word(qtbot, window.view, text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert "disk is full" in window.last_message and "Save As" in window.last_message
    assert window.isWindowModified()
    monkeypatch.undo()
    elsewhere = tmp_path / "elsewhere.annotations.json"
    assert window.save_to(elsewhere)
    saved_spans = json.loads(elsewhere.read_text(encoding="utf-8"))["spans"]
    assert [s["text"] for s in saved_spans] == ["عراق", "بغداد"]
    window.close()


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".cache" not in p.parts and not p.name.startswith(".annotator-")
    }


def test_import_from_the_window_and_cancel_leaves_the_project_as_it_was(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    session = window.session
    assert session is not None
    more = tmp_path / "more"
    more.mkdir()
    for i in range(5):
        (more / f"extra-{i}.txt").write_text(f"خبر شماره {i} از تهران و کابل.", encoding="utf-8")
    window.checkpoint()
    before = _tree(root)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    session.import_files([str(more)])
    assert "cancelled" in window.last_message
    assert _tree(root) == before
    assert session.list.model.rowCount() == 3
    monkeypatch.undo()
    session.import_files([str(more)])
    assert session.list.model.rowCount() == 8
    assert "5 documents added" in window.last_message
    text = session.statistics_text()
    assert text.splitlines() == [
        "test: 8 documents",
        "new 8 · in progress 0 · done 0",
        "spans per label:",
        "per annotator:",  # none yet: opening creates no folder until the first edit
    ]
    window.close()


def test_closing_when_the_disk_refuses_asks_and_cancel_keeps_the_window(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    import errno

    from annotator.io import store as store_module

    window, text = window_on_article(qtbot, tmp_path / "a.txt")
    for word in ("عراق", "بغداد"):
        double_click_word(qtbot, window.view, text.index(word) + 1)
        qtbot.keyClick(window.view, Qt.Key.Key_2)
    window._checkpoint_timer.stop()

    def read_only(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(store_module, "write_atomic", read_only)
    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "_ask_unsaved", lambda self, reason: asked.append(reason) or False)
    window.close()
    said = "the disk is mounted read-only (Read-only file system)"
    assert asked == [f"cannot save {tmp_path / 'a.annotations.json'}: {said}"]
    assert window.isVisible()  # cancelled: nothing thrown away
    assert window.annotations is not None and len(window.annotations.spans()) == 2
    monkeypatch.undo()
    window.close()
    assert not window.isVisible()
    assert [s["text"] for s in json.loads((tmp_path / "a.annotations.json").read_text(encoding="utf-8"))["spans"]] == [
        "عراق",
        "بغداد",
    ]


def test_window_imports_a_conll_file_and_exports_it_back_the_same(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog

    conll = "علی|B_PER\nدر|O\nتهران|B_LOC\nبود|O\n.|O\n\nسازمان|B_ORG\nملل|I_ORG\nگفت|O\n\n"
    source = tmp_path / "corpus.txt"
    source.write_text(conll, encoding="utf-8")
    root = tmp_path / "ner"
    Project.create(root, "ner")
    window = open_in_window(qtbot, root, size=(1200, 800))
    session = window.session
    assert session is not None and window.annotations is None  # an empty project
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: ("conll", True))
    assert session.choose_import_format() == "conll"
    session.import_files([str(source)], fmt="conll")
    assert session.list.model.rowCount() == 1, window.last_message
    aset = window.annotations  # the first imported document opens, the imported tags on it
    assert aset is not None
    assert [(s.label, s.text) for s in aset.spans()] == [("PER", "علی"), ("LOC", "تهران"), ("ORG", "سازمان ملل")]
    out = tmp_path / "back.txt"
    assert session.export("conll", str(out))
    assert out.read_text(encoding="utf-8") == conll  # the corpus comes back as it was read
    window.close()


def test_a_window_whose_project_was_taken_over_stops_writing(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    root = make_project(tmp_path)
    first = open_in_window(qtbot, root, size=(1200, 800))
    aset = first.annotations
    assert aset is not None and first.session is not None
    double_click_word(qtbot, first.view, aset.text.index("بغداد") + 1)
    qtbot.keyClick(first.view, Qt.Key.Key_2)
    doc_id = first.session.doc_id
    monkeypatch.setattr(MainWindow, "ask_take_over", lambda self, reason: True)
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.open(root)  # told to take over
    assert second.annotations is not None and len(second.annotations.spans()) == 1
    first.session.refresh_lock()  # what the first window's timer does every few minutes
    assert "already open" in first.last_message and first.annotations is None
    before = annotation_file(root, doc_id)
    aset.add_span("actor", 0, 4)  # a stray edit on the old set reaches no file
    assert annotation_file(root, doc_id) == before
    first.close()
    second.close()


def test_an_empty_project_and_no_document_are_harmless(qtbot: Any, tmp_path: Path) -> None:
    root = tmp_path / "empty"
    Project.create(root, "empty")
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None and window.annotations is None
    for key, modifiers in (
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
    ):
        qtbot.keyClick(window, key, modifiers)
    window.searching.show(True)
    type_text(window.search.query, "تهران")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert window.search.hits == []
    qtbot.mouseClick(window.search.tag_all, Qt.MouseButton.LeftButton)
    window.set_language("fa")
    assert window.session.dock.windowTitle() == "سندها"
    window.set_language("en")
    assert window.session.list.model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    window.close()


def test_an_annotation_file_opens_on_its_own(qtbot: Any, tmp_path: Path) -> None:
    window, text = window_on_article(qtbot, tmp_path / "a.txt")
    double_click_word(qtbot, window.view, text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.open(tmp_path / "a.annotations.json"), again.last_message
    assert again.annotations is not None and again.annotations.text == text
    assert [s.text for s in again.annotations.spans()] == ["بغداد"]
    again.close()


def test_opening_a_hit_the_filter_hides_shows_it_in_the_list(qtbot: Any, tmp_path: Path) -> None:
    """The trial: a search hit in a document the list's filter hid opened it, and the list
    went on hiding it (nothing selected, no way to see where one was).  The filters clear."""
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    box = window.findChild(QLineEdit, "documentFilter")
    assert box is not None
    box.setFocus()
    type_text(box, "damascus")
    assert len(shown_titles(window)) == 1
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    type_text(window.search.query, "غزه")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    [hit] = window.search.hits
    item = window.search.results.item(0)
    qtbot.mouseClick(
        window.search.results.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.search.results.visualItemRect(item).center(),
    )
    assert window.session is not None and window.session.doc_id == hit.document_id
    assert box.text() == ""
    assert len(shown_titles(window)) == 3
    table = window.findChild(QAbstractItemView, "documentList")
    assert table is not None
    [selected] = table.selectionModel().selectedRows()
    assert "gaza" in str(selected.data())
    window.close()


def test_export_dialog_names_each_format_and_suggests_its_extension(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """The trial: File ▸ Export listed bare names (json … csv) and suggested "proj-csv"
    with no extension under "All files"."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    asked: dict[str, Any] = {}

    def pick(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> tuple[str, bool]:
        asked["items"] = items
        return next(i for i in items if i.startswith("csv: ")), True

    def save(_parent: Any, _title: str, suggested: str, file_filter: str = "") -> tuple[str, str]:
        asked["suggested"], asked["filter"] = suggested, file_filter
        return suggested, file_filter

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    assert window.session.export()
    assert "csv: CSV, one row per span (UTF-8 with BOM, opens in a spreadsheet)" in asked["items"]
    assert all(": " in item for item in asked["items"])
    assert asked["suggested"] == str(root.parent / "test-csv.csv")
    assert asked["filter"] == "csv (*.csv)"
    assert (root.parent / "test-csv.csv").read_text(encoding="utf-8-sig").startswith("document")

    # a format written as one file a document: a folder's name, no extension or filter
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *_a: (next(i for i in asked["items"] if i.startswith("brat: ")), True)
    )
    assert window.session.export()
    assert (asked["suggested"], asked["filter"]) == (str(root.parent / "test-brat"), "")
    assert (root.parent / "test-brat").is_dir()
    window.close()


def test_new_project_takes_the_name_of_a_folder_not_made_yet(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """The trial: File ▸ New project refused a new folder's name ("Directory not found");
    the folder had to be made first, outside the program."""
    from PySide6.QtWidgets import QFileDialog

    from annotator.ui.project_session import ProjectSession

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "gaza-2023"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    imported: list[bool] = []
    monkeypatch.setattr(ProjectSession, "import_files", lambda self: imported.append(True))
    window.new_project()
    assert (target / "project.json").is_file()
    assert window.session is not None and window.session.project.path == target
    assert imported == [True]  # then the import dialog, as before
    window.close()


def test_a_project_reopens_on_the_document_last_read(qtbot: Any, tmp_path: Path) -> None:
    """Reopening a project goes back to the document this annotator was reading (not the
    first one not done), and to the first not done when that document is gone."""
    root = make_project(tmp_path)
    window = open_in_window(qtbot, root, size=(1200, 800))
    assert window.session is not None
    ids = window.session.project.document_ids()
    first = window.session.doc_id
    third = ids[-1] if ids[-1] != first else ids[0]
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # next document
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.session.doc_id == third != first
    window.close()
    again = open_in_window(qtbot, root, size=(1200, 800))
    assert again.session is not None and again.session.doc_id == third
    assert again.session.list.table.currentIndex().row() == again.session.list.model.row_of(third)
    again.close()
    # another annotator starts where they left off, not where this one did
    other = MainWindow(annotator="sara")
    qtbot.addWidget(other)
    assert other.open(root), other.last_message
    assert other.session is not None and other.session.doc_id == first
    other.close()
    # the document was removed from the project outside the program: the first not done
    Project.open(root).document_path(third).unlink()
    gone = open_in_window(qtbot, root, size=(1200, 800))
    assert gone.session is not None and gone.session.doc_id == first, gone.last_message
    gone.close()
