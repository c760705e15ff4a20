"""The document list's date range: typed in Jalali (Persian or Latin digits) or Gregorian,
shown back in Jalali as the program writes dates, filtered on each document's Gregorian date
in the catalogue index, paged and sorted as the rest of the list."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLineEdit

from annotator.io.project import Project
from annotator.ui import MainWindow
from annotator.ui.document_list import ID_ROLE

from .conftest import type_text

COUNT = 1300
JALALI = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def written_date(i: int) -> str:
    """Day i from 2023-01-01, written as Persian news write dates: most Gregorian, every
    fifth in Jalali with Persian digits, every thirteenth none, every 97th unreadable."""
    if i % 13 == 0:
        return ""
    if i % 97 == 1:
        return "بهار امسال"
    day = dt.date(2023, 1, 1) + dt.timedelta(days=i // 2)
    if i % 5 == 0:
        import jdatetime

        j = jdatetime.date.fromgregorian(date=day)
        return f"{j.year}/{j.month:02d}/{j.day:02d}".translate(JALALI)
    return day.isoformat()


def make_project(tmp_path: Path) -> Path:
    root = tmp_path / "dated"
    project = Project.create(root, "dated")
    source = tmp_path / "news.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(COUNT):
            record = {"id": f"n{i:05d}", "title": f"خبر {i}", "date": written_date(i), "text": f"متن خبر {i}."}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    assert len(project.import_sources([source], normalize=False).added) == COUNT
    return root


def visible_ids(table: QAbstractItemView) -> list[str]:
    model = table.model()
    ids = []
    for row in range(model.rowCount()):
        rect = table.visualRect(model.index(row, 0))
        if rect.isValid() and table.viewport().rect().intersects(rect):
            ids.append(str(model.index(row, 0).data(ID_ROLE)))
        elif ids:
            break
    return ids


def enter_date(qtbot: Any, box: QLineEdit, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    type_text(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_a_date_range_typed_in_jalali_filters_the_paged_list(qtbot: Any, tmp_path: Path) -> None:
    root = make_project(tmp_path)
    window = MainWindow()
    window.annotator_override = "sara"
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.open(root), window.last_message
    table = window.findChild(QAbstractItemView, "documentList")
    first = window.findChild(QLineEdit, "documentDateFrom")
    last = window.findChild(QLineEdit, "documentDateTo")
    assert table is not None and first is not None and last is not None
    model = table.model()
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().height() > 200)
    truth = Project.open(root).summaries("sara")  # documents.json's dates, read whole
    assert model.rowCount() == COUNT

    # from 1 Farvardin 1402 (2023-03-21), Persian digits, to the end of Shahrivar 1402 (2023-09-22)
    enter_date(qtbot, first, "۱۴۰۲/۰۱/۰۱")
    enter_date(qtbot, last, "1402/6/31")
    inside = [s for s in truth if s.date_gregorian and "2023-03-21" <= s.date_gregorian <= "2023-09-22"]
    assert len(inside) > 200  # over a page of the list
    assert model.rowCount() == len(inside)
    # each field shows its date in Jalali as the program writes dates, the Gregorian in its tooltip
    assert (first.text(), last.text()) == ("1402/01/01", "1402/06/31")
    assert "2023-03-21" in first.toolTip() and "2023-09-22" in last.toolTip()
    # the first and, through the keyboard, the last page: import order
    assert visible_ids(table) == [s.id for s in inside[: len(visible_ids(table))]]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert visible_ids(table) == [s.id for s in inside[-len(visible_ids(table)) :]]
    # sorted by date (a header click), newest first on the second: the range kept
    header = table.horizontalHeader()
    assert isinstance(header, QHeaderView)
    date_x = header.sectionViewportPosition(3) + header.sectionSize(3) // 2
    for _ in range(2):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(date_x, header.height() // 2))
    newest = sorted(inside, key=lambda s: s.date_gregorian, reverse=True)
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == len(inside)
    assert [model.index(r, 0).data(ID_ROLE) for r in range(5)] == [s.id for s in newest[:5]]

    # a Gregorian date is read too, and shown in Jalali; the range narrows to one month
    enter_date(qtbot, first, "2023-09-01")
    assert first.text() == "1402/06/10"
    september = [s for s in truth if s.date_gregorian and "2023-09-01" <= s.date_gregorian <= "2023-09-22"]
    assert model.rowCount() == len(september) > 0
    # an unreadable date is said, and that end is not applied
    enter_date(qtbot, last, "۱۴۰۲/۱۳/۴۰")
    assert "Not a date" in last.toolTip()
    assert model.rowCount() == len([s for s in truth if s.date_gregorian >= "2023-09-01"])
    # the ends the wrong way round: both said, in red
    enter_date(qtbot, last, "1402/06/01")
    enter_date(qtbot, first, "1402/06/30")
    assert model.rowCount() == 0
    for box in (first, last):
        assert box.toolTip() == "The first date is after the second: no document can be in this range"
        assert "#c62828" in box.styleSheet()
    # both cleared: every document again
    for box in (first, last):
        box.setFocus()
        box.selectAll()
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert model.rowCount() == COUNT

    # opening a document the range hides (the next one from a document at its end) clears it
    enter_date(qtbot, first, "1402/06/01")
    enter_date(qtbot, last, "1402/06/01")
    assert 0 < model.rowCount() < 10
    assert window.session.open_document("n00002")  # dated 2023-01-02
    assert model.rowCount() == COUNT and first.text() == "" and last.text() == ""
    window.close()
    QApplication.processEvents()


def test_the_header_writes_a_jalali_date_as_the_list_does() -> None:
    """The third trial: a date written "1387/07/06" read so above the article in the
    Persian interface, and ۱۳۸۷/۰۷/۰۶ in the document list."""
    from annotator.ui.document_header import date_line

    assert date_line({"date": "1387/07/06"}, "fa") == "۱۳۸۷/۰۷/۰۶ (2008-09-27)"
    assert date_line({"date": "1387/07/06"}, "en") == "1387/07/06 (2008-09-27)"
    assert date_line({"date": "2008-09-27"}, "fa") == "2008-09-27 (۱۳۸۷/۰۷/۰۶)"
    assert date_line({"date": "2008-09-27"}, "en") == "2008-09-27 (1387/07/06)"
