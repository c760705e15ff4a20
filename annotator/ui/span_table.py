"""The span list: every span in reading order (label, text, note), kept in step with the
model by row inserts and removals rather than resets, so an edit costs the same in an
article of ten spans or twenty thousand."""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QKeyEvent, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..model import AnnotationSet, Change, Span
from .colors import background_for
from .wrappers import own_viewport

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
Index = QModelIndex | QPersistentModelIndex
MAX_COLUMN_WIDTH = 220  # pixels; a longer text or link is elided (the tooltip has it all)
OTHERS_SHARE = 0.6  # of the list's width, for label, links and note together: the text keeps the rest


class SpanTableModel(QAbstractTableModel):
    COLUMNS = ("label", "text", "links", "note")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aset: AnnotationSet | None = None
        self._keys: list[tuple[int, int, str]] = []  # Span.sort_key, in reading order
        self._brushes: dict[str, QBrush] = {}  # label id -> fill, for the current palette
        # PySide makes the classes of all QBrush's constructors' arguments (QGradient with its
        # 180 presets, QImage, QPixmap ...) at the first QBrush made: here, as the list is built
        # right after the article's first frame, not in the first tag's frame (~5 ms)
        QBrush(QColor())
        self.language = "en"
        self._titles: dict[str, str] = {}  # the columns' titles, in the installed language
        self.changing = False  # rows are being inserted or removed for an edit

    def set_annotations(self, aset: AnnotationSet | None) -> None:
        self.beginResetModel()
        if self._aset is not None:
            self._aset.unsubscribe(self._on_change)
        self._aset = aset
        self._brushes.clear()
        self._keys = [s.sort_key for s in aset.spans()] if aset else []
        if aset is not None:
            aset.subscribe(self._on_change)
        self.endResetModel()

    def _on_change(self, change: Change) -> None:
        if change.schema_changed:
            self._brushes.clear()  # a label's colour may have changed
            # a label renamed or added: the list measures its label column again
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        self.changing = True
        try:
            self._apply_change(change)
        finally:
            self.changing = False

    def _apply_change(self, change: Change) -> None:
        for span in change.spans_removed:
            row = bisect.bisect_left(self._keys, span.sort_key)
            if row < len(self._keys) and self._keys[row] == span.sort_key:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._keys[row]
                self.endRemoveRows()
        for span in change.spans_added:
            row = bisect.bisect_left(self._keys, span.sort_key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._keys.insert(row, span.sort_key)
            self.endInsertRows()
        for relation in change.relations_added + change.relations_removed:
            row = self.row_of(relation.source)
            if row >= 0:
                links = self.index(row, self.COLUMNS.index("links"))
                self.dataChanged.emit(links, links)

    def _links(self, span: Span) -> str:
        """The relations drawn from this span, e.g. "claimed by: السودانی"."""
        assert self._aset is not None
        parts = []
        for relation in self._aset.relations_of(span.id):
            if relation.source != span.id:
                continue
            relation_type = self._aset.schema.relation_type(relation.type)
            name = relation_type.name(self.language) if relation_type else relation.type
            parts.append(f"{name}: \u2067{self._aset.span(relation.target).text[:40]}\u2069")
        return "; ".join(parts)

    @property
    def annotations(self) -> AnnotationSet | None:
        return self._aset

    def span_at(self, row: int) -> Span | None:
        if self._aset is None or not 0 <= row < len(self._keys):
            return None
        return self._aset.span(self._keys[row][2])

    def row_of(self, span_id: str) -> int:
        if self._aset is None or not self._aset.has_span(span_id):
            return -1
        key = self._aset.span(span_id).sort_key
        row = bisect.bisect_left(self._keys, key)
        return row if row < len(self._keys) and self._keys[row] == key else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # asked for ~6 roles of every visible cell at each repaint (hundreds of calls a key
        # press): roles we never answer go first, and nothing here asks Qt for a palette
        role = int(role)
        if role not in _ROLES:
            return None
        span = self.span_at(index.row()) if index.isValid() else None
        if span is None or self._aset is None:
            return None
        column = self.COLUMNS[index.column()]
        if role in _TEXT_ROLES:
            if column == "label":
                return self._aset.schema.label_name(span.label, self.language)
            if column == "text":
                text = span.text.replace("\n", " ")
                if role == Qt.ItemDataRole.DisplayRole and len(text) >= 80:
                    text = text[:79] + "…"
                # isolate as right-to-left, so that edge punctuation («») stays where it belongs
                # even in an English (left-to-right) interface
                return f"\u2067{text}\u2069"
            if column == "links":
                return self._links(span)
            return f"\u2068{span.note}\u2069" if span.note else ""
        if role == _ALIGNMENT:
            return _RIGHT if column == "text" else None
        if role == _BACKGROUND:
            return self._brush(span.label) if column == "label" else None
        return span.id  # UserRole

    def _brush(self, label_id: str) -> QBrush | None:
        """The label's fill, made once per label and palette (palette_changed forgets them)."""
        brush = self._brushes.get(label_id)
        if brush is None and self._aset is not None:
            label = self._aset.schema.label(label_id)
            if label is None:
                return None
            brush = self._brushes[label_id] = QBrush(background_for(label.color, _palette()))
        return brush

    def palette_changed(self) -> None:
        self._brushes.clear()
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, 0))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not self._titles:  # asked a hundred times as the list is shown and its columns fitted
            self._titles = {
                "label": self.tr("Label"),
                "text": self.tr("Text"),
                "links": self.tr("Links"),
                "note": self.tr("Note"),
            }
        return self._titles[self.COLUMNS[section]]

    def retranslate(self, language: str) -> None:
        self.language = language
        self._titles = {}  # in the language now installed
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, 0))


_TEXT_ROLES = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole))
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ROLES = frozenset((*_TEXT_ROLES, _ALIGNMENT, _BACKGROUND, int(Qt.ItemDataRole.UserRole)))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)


def _palette() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.palette()


class SpanTable(QTableView):
    labelRequested = Signal(str)
    deleteRequested = Signal()
    currentSpanChanged = Signal(str)
    spanMenuRequested = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)  # before anything asks for it (ui/wrappers.py)
        self.setObjectName("spanTable")
        self.span_model = SpanTableModel(self)
        self.setModel(self.span_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(28)
        self.setWordWrap(False)
        # the Text column takes the room the others leave; label, links and note are as wide
        # as what they show (the label: the schema's widest name; links and note: the rows
        # in view, up to a limit; longer ones are elided, the tooltip has it all), measured
        # when a document is shown, the list resized or the interface's language changed,
        # never on an edit or a scroll: a note written on a span, a new span or a link
        # made the columns jump under the user's eyes. A column the user has resized keeps
        # the user's width. Qt's own ResizeToContents mode is not used: it measured once,
        # on the empty list, and then squeezed every text to a letter
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SpanTableModel.COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(0)
        header.setMaximumSectionSize(MAX_COLUMN_WIDTH)
        header.setStretchLastSection(False)
        self._fitting = False  # fit_columns is resizing: not the user
        self.user_sized: set[str] = set()  # the columns the user has resized
        header.sectionResized.connect(self._on_section_resized)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)  # after the frame that shows the document
        self._fit_timer.timeout.connect(self.fit_columns)
        for signal in (self.span_model.modelReset, self.span_model.headerDataChanged):
            signal.connect(self._fit_timer.start)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        palette = self.palette()
        # the current span stays visible when the focus is in the article
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(QPalette.ColorGroup.Inactive, role, palette.color(QPalette.ColorGroup.Active, role))
        self.setPalette(palette)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._quiet = False

    def fit_columns(self) -> None:
        """Label, links and note as wide as their widest cell in view or their title (the
        label: as its widest name in the schema), but together at most OTHERS_SHARE of the
        list's width: a claim's links ("Claimed by: …, Addressed to: …") squeezed the text
        to two letters and pushed the note out of view. The links give way first, then the
        note; elided cells keep their tooltips. A column the user has resized is left as
        the user made it."""
        header = self.horizontalHeader()
        widths: dict[str, int] = {}
        for column, name in enumerate(SpanTableModel.COLUMNS):
            if name == "text":
                continue
            natural = max(self.sizeHintForColumn(column), header.sectionSizeFromContents(column).width())
            if name == "label":
                natural = max(natural, self._label_names_width())
            widths[name] = min(natural, MAX_COLUMN_WIDTH)
        budget = int(self.viewport().width() * OTHERS_SHARE)
        for name in ("links", "note"):
            excess = sum(widths.values()) - budget
            if excess > 0 and name in widths and name not in self.user_sized:
                title = header.sectionSizeFromContents(SpanTableModel.COLUMNS.index(name)).width()
                widths[name] = max(title, widths[name] - excess)
        resized = False
        self._fitting = True
        try:
            for name, width in widths.items():
                column = SpanTableModel.COLUMNS.index(name)
                if name not in self.user_sized and header.sectionSize(column) != width:
                    header.resizeSection(column, width)
                    resized = True
        finally:
            self._fitting = False
        if resized:
            # the scroll bars follow now: Qt updates them at its own timer after a column
            # resize, and until then a list filled after the window was shown kept a
            # horizontal scroll bar for the columns' old widths
            self.updateGeometries()

    def _label_names_width(self) -> int:
        """The width of the label column's widest possible cell: the schema's widest
        label name, whatever the rows hold now (a new span's label then fits as it is)."""
        aset = self.span_model.annotations
        if aset is None:
            return 0
        language = self.span_model.language
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(label.name(language)) for label in aset.schema.labels), default=0)
        from PySide6.QtWidgets import QStyle  # here: its wrapper and enums cost 6 ms at start-up

        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        return widest + 2 * margin + (1 if self.showGrid() else 0)

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        # every other resize of these columns is the user's (a drag or a double click on
        # the header's edge); the Text column follows the others (Stretch)
        name = SpanTableModel.COLUMNS[column]
        if not self._fitting and name != "text":
            self.user_sized.add(name)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_soon()  # the share of the other columns follows the width

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_soon()

    def _fit_soon(self) -> None:
        """After this turn's frame; before the window's first frame, now: its columns at
        Qt's default widths were wider than the list, and its first frame showed an empty
        horizontal scroll bar, gone at the next (3 ms of that frame to paint it)."""
        if self.window().windowHandle() is None or not self.window().windowHandle().isExposed():
            self.fit_columns()
        else:
            self._fit_timer.start()

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # rows come and go under an edit (a note replaces its span's row): the rows Qt makes
        # current meanwhile are not the user's choice (the window puts the current span back)
        if self._quiet or self.span_model.changing:
            return
        span = self.span_model.span_at(current.row())
        self.currentSpanChanged.emit(span.id if span else "")

    def select_span(self, span_id: str) -> None:
        """Show a span as the current row without echoing it back as a user choice."""
        row = self.span_model.row_of(span_id)
        self._quiet = True
        try:
            if row < 0:
                self.clearSelection()
                self.selectionModel().clearCurrentIndex()
            else:
                index = self.span_model.index(row, 0)
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                    | QItemSelectionModel.SelectionFlag.Current
                )
                self.selectionModel().setCurrentIndex(index, flags)
                self.scrollTo(index)
        finally:
            self._quiet = False

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the current row's span
            row = self.currentIndex().row()
            span = self.span_model.span_at(row)
            if span is not None:
                rect = self.visualRect(self.currentIndex())
                self.spanMenuRequested.emit(span.id, self.viewport().mapToGlobal(rect.center()))
            return
        span = self.span_model.span_at(self.rowAt(event.pos().y()))
        if span is not None:
            self.spanMenuRequested.emit(span.id, event.globalPos())

    def current_span_id(self) -> str:
        span = self.span_model.span_at(self.currentIndex().row()) if self.currentIndex().isValid() else None
        return span.id if span and self.selectionModel().isRowSelected(self.currentIndex().row()) else ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.span_model.palette_changed()  # a theme switch: fills for the new palette
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().translate(_DIGITS)
        aset = self.span_model.annotations
        if aset is not None and text and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            for label in aset.schema.labels:
                if label.shortcut and text == label.shortcut:
                    self.labelRequested.emit(label.id)
                    return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit()
            return
        if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            # the current row's menu, as the Menu key opens it (Qt maps Shift+F10 on Windows only)
            at = self.visualRect(self.currentIndex()).center()
            self.contextMenuEvent(
                QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, self.viewport().mapToGlobal(at))
            )
            return
        super().keyPressEvent(event)
