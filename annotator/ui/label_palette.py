"""The label palette: one button a label, showing its colour and key. The buttons wrap onto
more rows when the window is narrower than one row of them (20 labels are ~1450 px), so
the window's minimum width does not grow with the number of labels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QApplication, QPushButton, QSizePolicy, QWidget

from ..model import Schema
from .colors import edge_color_for, is_dark
from .flow_layout import FlowLayout
from .theme import number


def _style(color: str, palette: QPalette) -> str:
    """The button's style: its label's colour on both sides (lifted on a dark window, see
    colors.edge_color_for), a grey outline that shows on the window's colour."""
    edge = edge_color_for(color, palette).name()
    outline = "palette(light)" if is_dark(palette) else "palette(mid)"  # dark's mid is the window's grey
    return (
        f"QPushButton {{ border: 1px solid {outline}; border-radius: 3px; background: palette(button);"
        f" border-left: 6px solid {edge}; border-right: 6px solid {edge}; padding: 4px 12px; }}"
        " QPushButton:hover { background: palette(midlight); }"
        " QPushButton:pressed { background: palette(mid); }"
    )


class LabelPalette(QWidget):
    labelClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelPalette")
        self._layout = FlowLayout(self, spacing=6)
        self._layout.setContentsMargins(6, 4, 6, 4)
        # as wide as the tool bar gives, as tall as its rows need at that width
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._rows_height = 0
        self._buttons: dict[str, QPushButton] = {}
        self._shown: object = None  # what the buttons show (see set_schema)
        self._one_row = 0  # the height of one row of buttons (see _row_height)

    def set_schema(self, schema: Schema | None, language: str) -> None:
        """A button per label of `schema` (none for None: no document)."""
        shown = (
            language,
            [(x.id, x.name(language), x.shortcut, x.color, x.name_en, x.name_fa) for x in schema.labels]
            if schema is not None
            else None,
        )
        if shown == self._shown:  # the same buttons (an opening shows them before its first frame)
            return
        self._shown = shown
        for button in self._buttons.values():
            button.hide()  # now: deleteLater waits for the event loop (opening paints before it)
            button.deleteLater()
        self._buttons.clear()
        while self._layout.count():
            self._layout.takeAt(0)
        for label in schema.labels if schema is not None else []:
            key = f" ({number(label.shortcut)})" if label.shortcut else ""
            button = QPushButton(f"{label.name(language)}{key}", self)
            button.setObjectName(f"label-{label.id}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the article's selection
            # Qt draws a style sheet's side borders only when the whole border has a style:
            # without the first `border`, the label's colour never showed
            button.setStyleSheet(_style(label.color, QApplication.palette()))
            button.setProperty("labelColor", label.color)
            button.setToolTip(label.name_en if language == "fa" else label.name_fa)
            button.clicked.connect(lambda _checked=False, lid=label.id: self.labelClicked.emit(lid))
            self._layout.addWidget(button)
            if self.isVisible():  # at once, for the first frame: the layout would show it at the next turn
                button.show()  # (never hide() it here: a hidden child stays hidden when the window shows)
            self._buttons[label.id] = button
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self._layout.heightForWidth(width), self._row_height())

    def _row_height(self) -> int:
        """One row of buttons high, with none yet (no document): the first document's
        buttons then take no more room, and the panels under the tool bar stay where they
        are. They moved down a row when it opened, and were all painted again in its first
        frame (issue 10)."""
        if not self._one_row:
            probe = QPushButton("X", self)  # styled as a label's button: same font, padding, borders
            probe.setStyleSheet(_style("gray", QApplication.palette()))
            margins = self._layout.contentsMargins()
            self._one_row = probe.sizeHint().height() + margins.top() + margins.bottom()
            probe.setParent(None)  # gone with its wrapper, never shown
        return self._one_row

    def sizeHint(self) -> QSize:
        """At the width it has, the height of its rows there: a tool bar asks no
        height-for-width, so the hint changes with the width (resizeEvent)."""
        hint = self._layout.sizeHint()
        if self.width() > 0 and self.isVisible():
            return QSize(min(hint.width(), self.width()), max(hint.height(), self.heightForWidth(self.width())))
        return QSize(hint.width(), max(hint.height(), self._row_height()))

    def minimumSizeHint(self) -> QSize:
        least = self._layout.minimumSize()
        return QSize(least.width(), max(least.height(), self._row_height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(event.size().width())
        if needed != self._rows_height:  # more or fewer rows: the tool bar gets taller or lower
            self._rows_height = needed
            self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            palette = QApplication.palette()  # a theme switch: the edges for the new window colour
            for button in self._buttons.values():
                button.setStyleSheet(_style(str(button.property("labelColor")), palette))

    def button(self, label_id: str) -> QPushButton:
        return self._buttons[label_id]
