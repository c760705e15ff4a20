"""The project's document list: title, status, span count, date; sortable and filterable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from ..io.project import DocumentSummary
from ..model import Status
from ..persian.match import fold
from .theme import number

Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractTableModel):
    COLUMNS = ("title", "status", "spans", "date")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []
        self._row_of: dict[str, int] = {}

    def set_summaries(self, summaries: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self._row_of = {s.id: i for i, s in enumerate(self._rows)}
        self.endResetModel()

    def update_summary(self, summary: DocumentSummary) -> None:
        row = self._row_of.get(summary.id)
        if row is not None:
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def summaries(self) -> list[DocumentSummary]:
        return list(self._rows)

    def summary_at(self, row: int) -> DocumentSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, doc_id: str) -> int:
        return self._row_of.get(doc_id, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

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
                return self.status_name(summary.status)
            if column == "spans":
                return number(summary.span_count)
            return number(summary.date)  # Persian digits in the Persian interface
        if role == Qt.ItemDataRole.UserRole:  # what sorting and filtering use
            return {
                "title": fold(summary.title or summary.id),
                "status": list(Status).index(summary.status),
                "spans": summary.span_count,
                "date": summary.date,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
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
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))


class _Filter(QSortFilterProxyModel):
    """Filters on the title, Persian-aware (ي=ی, ك=ک, digits, ZWNJ/space, diacritics)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+, where invalidateFilter is deprecated
            self.beginFilterChange()
            self._needle = fold(text.strip())
            self.endFilterChange()
        else:
            self._needle = fold(text.strip())
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        title = model.data(model.index(source_row, 0, source_parent), Qt.ItemDataRole.UserRole)
        return self._needle in str(title)


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
        self.model = DocumentListModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = _Table(self)
        self.table.setObjectName("documentList")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # import order until asked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # the title takes what the other columns leave, but never less than TITLE_MIN (in a
        # narrow panel the list scrolls sideways rather than squeeze the titles to nothing)
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
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        self.filter_edit.textChanged.connect(self.proxy.set_needle)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)

    TITLE_MIN = 170

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title()
        return super().eventFilter(watched, event)

    def _fit_title(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(1, header.count()) if not header.isSectionHidden(c))
        header.resizeSection(0, max(self.TITLE_MIN, self.table.viewport().width() - others))

    def _activated(self, index: QModelIndex) -> None:
        summary = self.model.summary_at(self.proxy.mapToSource(index).row())
        if summary is not None:
            self.documentActivated.emit(summary.id)

    def select_document(self, doc_id: str) -> None:
        row = self.model.row_of(doc_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter by title"))
        self.model.retranslate()
