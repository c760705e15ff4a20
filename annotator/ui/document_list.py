"""The project's document list: title, status, span count, date; sortable and filterable,
paged from the project's catalogue index (io.catalogindex)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..io.catalogindex import DocumentView
from ..io.project import DocumentSummary, Project
from ..model import Status
from ..persian.dates import jalali_from_iso, parse_date
from ..persian.match import fold
from .theme import number

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the document's id (the tooltip shows the title whole)


class DocumentListModel(QAbstractTableModel):
    """The rows of io.catalogindex.DocumentView: read a page at a time from the project's
    catalogue index, filtered and sorted by SQLite, so that a list of 100,000 documents
    costs what one of 1,000 does."""

    COLUMNS = ("title", "status", "spans", "date")
    SORTS = ("title", "status", "spans", "date")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: DocumentView | None = None
        self._project: Project | None = None
        self._annotator = ""
        # {document id: why} of the annotator's files that cannot be read: "can't read"
        self.unreadable: dict[str, str] = {}

    def set_project(self, project: Project, annotator: str) -> None:
        """List this project's documents with this annotator's progress."""
        self.beginResetModel()
        self._project, self._annotator = project, annotator
        index = project.catalog_index(wait=False)  # as it is while a worker makes it again
        index.set_facts(project.progress_facts(annotator))
        self.unreadable = project.unreadable_files(annotator)
        if self.view is None or self.view.index is not index:
            self.view = DocumentView(index)
        else:
            self.view.refresh()
        self.endResetModel()

    def refresh(self) -> None:
        """Read the catalogue and progress again (after an import, a migration ...)."""
        if self._project is not None:
            self.set_project(self._project, self._annotator)

    def update_summary(self, summary: DocumentSummary) -> None:
        if self.view is None:
            return
        self.view.index.set_fact(summary.id, summary.status.value, summary.span_count)
        if self.view.depends_on_facts():  # the row may move or leave: as a sorting proxy did
            self.layoutAboutToBeChanged.emit()
            self.view.refresh()
            self.layoutChanged.emit()
            return
        row = self.view.number_of(summary.id)
        if row >= 0:
            self.view.forget(row)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def mark_unreadable(self, doc_id: str, reason: str) -> None:
        """A document whose file failed to open: its row says so (and why, as a tooltip)."""
        self.unreadable[doc_id] = reason
        row = self.row_of(doc_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def summary_at(self, row: int) -> DocumentSummary | None:
        found = self.view.row(row) if self.view is not None else None
        if found is None:
            return None
        return DocumentSummary(
            found.id, found.title, Status(found.status), found.spans, found.date, found.date_gregorian
        )

    def row_of(self, doc_id: str) -> int:
        return self.view.number_of(doc_id) if self.view is not None else -1

    def title_of(self, doc_id: str) -> str:
        entry = self.view.index.entry(doc_id) if self.view is not None else None
        return entry.title if entry is not None else ""

    def done_count(self) -> int:
        return self.view.index.count_status(Status.DONE.value) if self.view is not None else 0

    def total(self) -> int:
        return self.view.index.count() if self.view is not None else 0

    def first_unfinished(self) -> str | None:
        """The first document in import order not done (the first one when all are)."""
        return self.view.index.first_not(Status.DONE.value) if self.view is not None else None

    def set_needle(self, text: str) -> None:
        self._change(needle=text)

    def set_status_filter(self, status: Status | None) -> None:
        self._change(status=status.value if status is not None else None)

    def set_date_range(self, first: str = "", last: str = "") -> None:
        """Only documents whose Gregorian date (YYYY-MM-DD) is within [first, last]."""
        self._change(date_from=first, date_to=last)

    def _change(self, **what: Any) -> None:
        if self.view is None:
            return
        self.beginResetModel()
        self.view.set_filter(**what)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.view is None:
            return
        key = self.SORTS[column] if 0 <= column < len(self.SORTS) else "pos"
        self.layoutAboutToBeChanged.emit()
        self.view.set_sort(key, descending=order == Qt.SortOrder.DescendingOrder and key != "pos")
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.view is None else len(self.view)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def status_name(self, status: Status) -> str:
        return {
            Status.NEW: self.tr("new"),
            Status.IN_PROGRESS: self.tr("in progress"),
            Status.DONE: self.tr("done"),
        }[status]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        summary = self.summary_at(index.row()) if index.isValid() else None
        if summary is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return f"\u2068{summary.title or summary.id}\u2069"
            if column == "status":
                if summary.id in self.unreadable:
                    return self.tr("can't read")
                return self.status_name(summary.status)
            if column == "spans":
                return number(summary.span_count)
            return number(summary.date)  # Persian digits in the Persian interface
        if role == Qt.ItemDataRole.UserRole:  # what sorting and filtering use (in SQLite)
            return {
                "title": fold(summary.title or summary.id),
                "status": list(Status).index(summary.status),
                "spans": summary.span_count,
                "date": summary.date_gregorian or summary.date,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:  # the title whole (its cell may be elided)
            tip = f"{summary.title}\n{summary.id}" if summary.title else summary.id
            if summary.id in self.unreadable:  # and why its file cannot be read
                tip += f"\n{self.unreadable[summary.id]}"
            return tip
        if role == ID_ROLE:
            return summary.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            "title": self.tr("Title"),
            "status": self.tr("Status"),
            "spans": self.tr("Spans"),
            "date": self.tr("Date"),
        }[self.COLUMNS[section]]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.COLUMNS) - 1))


class _Table(QTableView):
    def sizeHintForColumn(self, column: int) -> int:
        if not self.isVisible():  # Qt would measure every row of a hidden table
            return self.horizontalHeader().sectionSize(column)
        return super().sizeHintForColumn(column)


class DocumentList(QWidget):
    documentActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("documentFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("documentStatusFilter")
        self.status_filter.addItems(["", "", "", ""])  # named by retranslate
        # a range of dates, typed in Jalali (۱۴۰۲/۰۱/۰۱, "۱ فروردین ۱۴۰۲") or Gregorian, either
        # end may stay empty; applied with Enter or on leaving the field, filtered by SQLite
        # on the Gregorian date each document has in the index (paging as before)
        self.date_from = QLineEdit(self)
        self.date_from.setObjectName("documentDateFrom")
        self.date_to = QLineEdit(self)
        self.date_to.setObjectName("documentDateTo")
        for box in (self.date_from, self.date_to):
            box.setClearButtonEnabled(True)
            box.editingFinished.connect(self._apply_dates)
            box.textChanged.connect(lambda text, box=box: self._apply_dates() if not text else None)  # cleared
        self.model = DocumentListModel(self)
        self.table = _Table(self)
        self.table.setObjectName("documentList")
        self.table.setModel(self.model)
        # import order until asked (no sort at first: at 100,000 documents it costs)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # the search index being made again (after it was deleted or damaged): how far, and Cancel
        self.index_progress = QProgressBar(self)
        self.index_progress.setObjectName("indexProgress")
        self.index_cancel = QToolButton(self)
        self.index_cancel.setObjectName("indexCancel")
        self.index_progress.hide()
        self.index_cancel.hide()
        # the title takes what the other columns leave, elided (its tooltip has it whole), but
        # never less than TITLE_MIN: at 1366x768 the list's default width holds every column
        # (with 170 px kept for titles the date was off-screen, behind a sideways scroll)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        # the other columns as wide as what they show, measured on the rows in view only
        # (Qt's default measures the first 1,000 rows at every change, and _Table skips a
        # hidden table, of which Qt measures every row: 96,000 data() calls in all to open
        # a 1,000-article project)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)
        header.setStretchLastSection(False)
        header.sectionResized.connect(lambda column, _old, _new: self._fit_title() if column else None)
        self.table.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.status_filter)
        layout.addLayout(filters)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from, 1)
        dates.addWidget(self.date_to, 1)
        layout.addLayout(dates)
        layout.addWidget(self.table)
        progress = QHBoxLayout()
        progress.addWidget(self.index_progress, 1)
        progress.addWidget(self.index_cancel)
        layout.addLayout(progress)
        self.filter_edit.textChanged.connect(self.model.set_needle)
        self.status_filter.currentIndexChanged.connect(
            lambda i: self.model.set_status_filter(list(Status)[i - 1] if i > 0 else None)
        )
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.current_id = ""  # the open document (select_document)
        # a new filter (or the list read again) shows its top, or the open document when it
        # is among the rows: the view kept its old scroll position, clamped to the shorter
        # list, so a filter typed in a scrolled list showed its last matches
        self.model.modelReset.connect(self._show_current_or_top)

    TITLE_MIN = 80

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title()
        return super().eventFilter(watched, event)

    def _fit_title(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(1, header.count()) if not header.isSectionHidden(c))
        header.resizeSection(0, max(self.TITLE_MIN, self.table.viewport().width() - others))

    def _activated(self, index: QModelIndex) -> None:
        summary = self.model.summary_at(index.row())
        if summary is not None:
            self.documentActivated.emit(summary.id)

    def _show_current_or_top(self) -> None:
        row = self.model.row_of(self.current_id) if self.current_id else -1
        self.table.doItemsLayout()  # the rows and the scroll bar's range for the new rows, now
        self.table.scrollToTop()
        if row >= 0:  # in the first rows it is seen from the top; else in the middle
            index = self.model.index(row, 0)
            if not self.table.viewport().rect().contains(self.table.visualRect(index)):
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self._select_row(row)  # the reset dropped the selection (made current: in view)

    def _select_row(self, row: int) -> None:
        """The row selected and current. Not QTableView.selectRow: in a right-to-left list
        wider than its panel it takes the column at the viewport's far edge, finds none,
        and selects nothing (the open document was never selected in Persian)."""
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
            | QItemSelectionModel.SelectionFlag.Current
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def select_document(self, doc_id: str) -> None:
        """Select the open document's row; when the filters hide it (opened from a search
        hit or by Next), they are cleared, so the list never hides the open document."""
        self.current_id = doc_id
        row = self.model.row_of(doc_id)
        if row < 0 and self.clear_filters():
            row = self.model.row_of(doc_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        if index.isValid():
            self._select_row(row)
            self.table.scrollTo(index)

    def clear_filters(self) -> bool:
        """Show every document again; False when no filter was set."""
        view = self.model.view
        if view is None or not (view.needle or view.status or view.date_from or view.date_to):
            return False
        self.filter_edit.clear()
        self.status_filter.setCurrentIndex(0)
        self.date_from.clear()
        self.date_to.clear()
        self.model.set_date_range("", "")
        return True

    def date_range(self) -> tuple[str, str]:
        """The Gregorian ISO dates the two fields name ("" for an empty or unreadable one)."""
        return _iso_of(self.date_from.text()), _iso_of(self.date_to.text())

    def _apply_dates(self) -> None:
        """The typed dates as the list filters by them; each field shows its date in Jalali
        as the program writes dates (Persian digits in the Persian interface), the Gregorian
        one in its tooltip, or says it cannot read what was typed."""
        for box in (self.date_from, self.date_to):
            text = box.text().strip()
            iso = _iso_of(text)
            if not text:
                box.setToolTip(self._date_hint(box))
                box.setStyleSheet("")
            elif not iso:
                box.setToolTip(self.tr("Not a date: type a Jalali date such as 1402/01/01, or a Gregorian one"))
                box.setStyleSheet("QLineEdit { color: #c62828; }")
            else:
                shown = number(jalali_from_iso(iso))
                if text != shown:
                    box.blockSignals(True)
                    box.setText(shown)
                    box.blockSignals(False)
                box.setToolTip(self.tr("Gregorian %1").replace("%1", number(iso)))
                box.setStyleSheet("")
        first, last = self.date_range()
        if first and last and first > last:  # an empty list must not look like no match
            for box in (self.date_from, self.date_to):
                box.setToolTip(self.tr("The first date is after the second: no document can be in this range"))
                box.setStyleSheet("QLineEdit { color: #c62828; }")
        view = self.model.view
        if view is not None and (view.date_from, view.date_to) != (first, last):
            self.model.set_date_range(first, last)

    def _date_hint(self, box: QLineEdit) -> str:
        if box is self.date_from:
            return self.tr("Only the documents dated on this day or later (Jalali, e.g. 1402/01/01, or Gregorian)")
        return self.tr("Only the documents dated on this day or earlier (Jalali, e.g. 1402/12/29, or Gregorian)")

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter by title"))
        self.date_from.setPlaceholderText(self.tr("From date"))
        self.date_to.setPlaceholderText(self.tr("To date"))
        for box in (self.date_from, self.date_to):
            if not box.text():
                box.setToolTip(self._date_hint(box))
        for i, name in enumerate((self.tr("All"), *(self.model.status_name(s) for s in Status))):
            self.status_filter.setItemText(i, name)
        self.status_filter.setToolTip(self.tr("Show only the documents with this status"))
        self.index_cancel.setText(self.tr("Stop"))
        self.index_cancel.setToolTip(self.tr("Stop making the search index; it goes on from there next time"))

    def show_index_progress(self, done: int, total: int) -> None:
        """The search index being made: a bar under the list (hidden when done)."""
        self._show_progress(done, total, self.tr("Search index: %1 of %2"))
        self.index_cancel.setToolTip(self.tr("Stop making the search index; it goes on from there next time"))

    def show_catalog_progress(self, done: int, total: int) -> None:
        """The catalogue index being made again (documents.json changed outside annotator):
        a bar under the list, busy while documents.json is read (total < 0), hidden when done."""
        self._show_progress(done, total, self.tr("Reading the document list: %1 of %2"))
        if total < 0:
            self.index_progress.setFormat(self.tr("Reading the document list…"))
        self.index_cancel.setToolTip(
            self.tr("Stop reading the document list; the list shows what it held before until it is read")
        )

    def _show_progress(self, done: int, total: int, text: str) -> None:
        if total == 0 or done >= total >= 0:
            self.index_progress.hide()
            self.index_cancel.hide()
            return
        if total < 0:
            self.index_progress.setRange(0, 0)  # busy: how long is not known yet
        else:
            self.index_progress.setRange(0, total)
            self.index_progress.setValue(done)
            self.index_progress.setFormat(text.replace("%1", number(done)).replace("%2", number(total)))
        self.index_progress.show()
        self.index_cancel.show()
        self.model.retranslate()


def _iso_of(text: str) -> str:
    """A typed date's Gregorian ISO form ("" when empty or not a date persian.dates reads)."""
    parsed = parse_date(text) if text.strip() else None
    return parsed.iso if parsed is not None else ""
