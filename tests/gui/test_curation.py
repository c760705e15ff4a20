"""Curation through the real window by keyboard: every coder's version side by side,
accept / reject / edit each disagreement, undo, all saved as the annotator `curated`;
and Project ▸ Agreement, whose least agreed document opens with Enter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.io.project import Project

from .conftest import open_in_window, wait_saved

TEXT = "نخست‌وزیر عراق در بغداد گفت که آمریکا باید برود."
PM, BAGHDAD, USA = (TEXT.index(w) for w in ("نخست‌وزیر", "بغداد", "آمریکا"))
CLAIM = (TEXT.index("آمریکا باید"), len(TEXT) - 1)


def three_coders(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("متن دیگری که کسی برچسب نزده است.", encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "p")
    project.import_sources([tmp_path / "a.txt", tmp_path / "b.txt"])
    doc = project.document_ids()[0]
    plan = {
        "A": [("actor", PM, PM + 9), ("location", BAGHDAD, BAGHDAD + 5), ("actor", USA, USA + 6)],
        "B": [("actor", PM, PM + 9), ("location", BAGHDAD, BAGHDAD + 5), ("location", USA, USA + 6)],
        "C": [("actor", PM, PM + 14), ("location", BAGHDAD, BAGHDAD + 5), ("actor", USA, USA + 6)],
    }
    for coder, spans in plan.items():
        aset = project.load_annotations(doc, coder)
        for span in spans:
            aset.add_span(*span)
        aset.add_span("claim", *CLAIM)
        project.save_annotations(aset)
    return root, doc


def spans_of(data: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((s["label"], s["text"]) for s in data["spans"])


def test_curation_by_keyboard(qtbot: Any, tmp_path: Path) -> None:
    root, doc = three_coders(tmp_path)
    window = open_in_window(qtbot, root, "Sara")
    assert window.session is not None and window.session.doc_id == doc
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    from annotator.ui.curation import CurationSession

    session = window.session
    assert isinstance(session, CurationSession) and session.annotator == "curated"
    assert session.doc_id == doc and "curating as Sara" in window.windowTitle()
    assert window.annotations is not None and window.annotations.annotator == "curated"
    # the curated set starts from what all three agree on: Baghdad and the claim
    assert sorted((s.label, s.text) for s in window.annotations.spans()) == [
        ("claim", "آمریکا باید برود"), ("location", "بغداد")
    ]  # fmt: skip
    table = window.findChild(type(session.panel.table), "curationTable")
    assert table is not None and table.rowCount() == 4  # 2 agreed, 2 disagreements
    assert [table.item(r, 0).text() for r in range(4)] == ["≠", "✓", "✓", "≠"]
    # "1 A": the name isolated, the whole left to right (tests/gui/test_curation_bidi.py)
    assert table.horizontalHeaderItem(2).text() == "\u20661 \u2068A\u2069\u2069"
    assert table.horizontalHeaderItem(4).text() == "\u20663 \u2068C\u2069\u2069"
    assert table.currentRow() == 0  # the first open disagreement: the prime minister
    assert "نخست‌وزیر عراق" in table.item(0, 4).text()  # C's version, side by side with A's and B's

    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # to the list
    assert table.hasFocus()
    path = root / "annotations" / "curated" / f"{doc}.json"
    qtbot.keyClick(table, Qt.Key.Key_3)  # accept C's version (not the label key 3)
    data = wait_saved(qtbot, path, lambda d: ("actor", "نخست‌وزیر عراق") in spans_of(d))
    assert data["annotator"] == "curated" and len(data["spans"]) == 3
    assert table.currentRow() == 3  # on to the next open one: America
    qtbot.keyClick(table, Qt.Key.Key_2)  # B: a location
    wait_saved(qtbot, path, lambda d: ("location", "آمریکا") in spans_of(d))
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    wait_saved(qtbot, path, lambda d: ("location", "آمریکا") not in spans_of(d) and len(d["spans"]) == 3)
    table.setCurrentCell(3, 0)
    qtbot.keyClick(table, Qt.Key.Key_1)  # A: an actor
    wait_saved(qtbot, path, lambda d: ("actor", "آمریکا") in spans_of(d))
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # reject: no span there
    wait_saved(qtbot, path, lambda d: not any(t == "آمریکا" for _, t in spans_of(d)))
    assert table.item(3, table.columnCount() - 1).text() == "rejected"  # decided: no span there (an open one reads "—")
    # edit: the text is selected in the article, tagged there with the label key
    qtbot.keyClick(table, Qt.Key.Key_E)
    assert window.view.hasFocus() and window.view.selection_range() == (USA, USA + 6)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # location, in the article
    wait_saved(qtbot, path, lambda d: ("location", "آمریکا") in spans_of(d))
    assert table.item(3, table.columnCount() - 1).text() == "\u20662 \u2068B\u2069\u2069"  # now B's version

    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not isinstance(window.session, CurationSession)
    assert window.session is not None and window.session.annotator == "Sara"
    assert window.findChild(type(table), "curationTable") is None or not table.isVisible()
    for coder in "ABC":  # the coders' files are as they were
        saved = json.loads((root / "annotations" / coder / f"{doc}.json").read_text(encoding="utf-8"))
        assert saved["annotator"] == coder
    window.close()


def test_agreement_view_opens_the_least_agreed_document(qtbot: Any, tmp_path: Path) -> None:
    root, doc = three_coders(tmp_path)
    project = Project.open(root)
    other = project.document_ids()[1]
    for coder in "AB":  # the second document: perfect agreement
        aset = project.load_annotations(other, coder)
        aset.add_span("actor", 0, 3)
        project.save_annotations(aset)
    window = open_in_window(qtbot, root, "Sara")
    assert window.session is not None
    window.session.open_document(other)
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.findChild(type(window), "agreementView") or window.findChild(object, "agreementView")
    assert view is not None and view.isVisible()
    qtbot.waitUntil(lambda: bool(view.report), timeout=20000)  # computed in a worker thread
    assert "\u2068A\u2069, \u2068B\u2069, \u2068C\u2069" in view.summary.text()  # each name isolated
    documents = view.documents
    assert documents.rowCount() == 2 and documents.hasFocus()
    assert documents.item(0, 0).text() == window.session.project.summary(doc).title  # the worst first
    assert documents.item(1, 1).text() == "\u20661.000\u2069"  # isolated: reads the same right to left
    documents.setCurrentCell(0, 0)
    qtbot.keyClick(documents, Qt.Key.Key_Return)
    assert window.session.doc_id == doc
    labels = view.labels
    rows = {labels.item(r, 0).text(): labels.item(r, 1).text() for r in range(labels.rowCount())}
    # labels by their names in the interface language, not their ids
    assert {"Actor", "Location", "Claim"} <= set(rows) and rows["Location"] != "–"
    window.set_language("fa", save=False)
    schema = window.session.project.schema
    persian = {labels.item(r, 0).text() for r in range(labels.rowCount())}
    assert {schema.label_name(lb, "fa") for lb in ("actor", "location", "claim")} <= persian
    assert not {"actor", "location", "claim", "Actor"} & persian
    window.close()


def test_agreement_with_one_coder_says_so_in_the_interface_language(qtbot: Any, tmp_path: Path) -> None:
    root, doc = three_coders(tmp_path)
    for coder in "BC":  # only A's work is left
        for file in (root / "annotations" / coder).glob("*.json"):
            file.unlink()
    window = open_in_window(qtbot, root, "Sara")
    window.set_language("fa", save=False)
    assert window.session is not None
    window.session.open_document(doc)
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.findChild(object, "agreementView")
    done: list[bool] = []
    view.computed.connect(lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    text = view.summary.text()
    assert "A" in text and "coders" not in text and str(root) not in text
    assert "کدگذار" in text  # Persian: "coder"
    assert view.labels.rowCount() == 0
    window.close()
