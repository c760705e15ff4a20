"""A layout that places its items in reading order and wraps them onto more rows, as words
on a line (Qt's Flow Layout example), right to left in a right-to-left widget. Its minimum
width is its widest item's, not the sum of them all."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._heights: dict[int, int] = {}  # width -> height, until the items change
        # asked dozens of times as a window is shown (the tool bar, the palette): until then
        self._hint: QSize | None = None
        self._least: QSize | None = None

    def invalidate(self) -> None:
        self._heights.clear()
        self._hint = self._least = None
        super().invalidate()

    # ---- QLayout's item list ------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)

    # ---- sizes ----------------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # asked several times a layout pass (the tool bar, the palette's resizeEvent)
        if width not in self._heights:
            self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return self._heights[width]

    def sizeHint(self) -> QSize:
        """One row of every item: what it would like, given the room."""
        if self._hint is None:
            self._hint = self._one_row()
        return QSize(self._hint)

    def _one_row(self) -> QSize:
        m = self.contentsMargins()
        shown = [i.sizeHint() for i in self._items if not i.isEmpty()]
        width = sum(s.width() for s in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((s.height() for s in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest item: rows wrap below that, so the window's minimum width does not
        grow with the number of labels."""
        if self._least is not None:
            return QSize(self._least)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        self._least = size + QSize(m.left() + m.right(), m.top() + m.bottom())
        return QSize(self._least)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in `rect` (moving them when `move`); the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        rtl = self.parentWidget() is not None and self.parentWidget().isRightToLeft()
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20)).expandedTo(item.minimumSize())
            if x > area.x() and x + hint.width() > area.x() + area.width():
                x, y, row_height = area.x(), y + row_height + self._gap, 0
            if move:
                left = area.x() + area.right() - (x + hint.width() - 1) if rtl else x
                item.setGeometry(QRect(QPoint(left, y), hint))
            x += hint.width() + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()
