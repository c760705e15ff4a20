"""A type-ahead list: type to filter (Persian-aware), arrows to move, Enter to choose.

Used by the inspector's keys: C/A/L (link the current claim to an actor or a place,
nearest first), E (link a mention to an entity, or make a new one) and V (set an
attribute value). Not modal: the window stays usable and a test drives it with keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..persian.match import fold


@dataclass(frozen=True)
class Choice:
    text: str  # what the list shows
    value: object  # what choosing it hands back
    keys: str = ""  # more text the filter matches (aliases, an English name)
    always: bool = False  # shown whatever is typed (e.g. "new entity")
    preferred: bool = False  # the one Enter takes while nothing is typed (else the first)


@dataclass(frozen=True)
class Typed:
    """The value of the choice made from what was typed ("New entity: <typed>")."""

    text: str


class Picker(QFrame):
    chosen = Signal(object)  # the chosen Choice's value
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("typeAheadPicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("pickerFilter")
        self.list = QListWidget(self)
        self.list.setObjectName("pickerList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self._choices: list[Choice] = []
        self._select_first = True
        self._create: Callable[[str], str] | None = None
        self._done = False
        self.edit.textChanged.connect(self._filter)
        self.edit.installEventFilter(self)
        self.list.itemActivated.connect(self._choose_item)
        self.resize(380, 320)

    def open(
        self,
        title: str,
        choices: list[Choice],
        anchor: QWidget,
        text: str = "",
        select_first: bool = True,
        create: Callable[[str], str] | None = None,
    ) -> None:
        """`select_first=False`: with nothing typed and no preferred choice, nothing is
        current, so Enter takes nothing until the user moves to a row or types.
        `create`: what typed text can make (its row's text, e.g. "New entity: پوتین"),
        chosen as Typed(text): first, and what Enter takes, when the text matches nothing."""
        self.title.setText(title)
        self._choices = choices
        self._select_first = select_first
        self._create = create
        self._done = False
        self.edit.setText(text)
        self._filter(text)
        center = anchor.mapToGlobal(anchor.rect().center())
        self.move(center.x() - self.width() // 2, center.y() - self.height() // 2)
        self.show()
        self.edit.setFocus()

    def visible_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _filter(self, text: str) -> None:
        key = fold(text).strip()
        self.list.clear()
        current = -1
        for choice in self._choices:
            if choice.always or not key or key in fold(f"{choice.text} {choice.keys}"):
                item = QListWidgetItem(choice.text)
                item.setData(Qt.ItemDataRole.UserRole, choice)
                self.list.addItem(item)
                # what Enter takes: typed text picks the first choice it matched (not one
                # shown whatever is typed); nothing typed, the preferred one
                if current < 0 and (choice.preferred if not key else not choice.always):
                    current = self.list.count() - 1
        if self._create is not None and key:
            # typed text can name a new one: first (and Enter's) when it matches nothing,
            # else after what it matched
            item = QListWidgetItem(self._create(text))
            item.setData(Qt.ItemDataRole.UserRole, Choice(item.text(), Typed(" ".join(text.split()))))
            matched = [i for i in range(self.list.count()) if not self._choice_at(i).always]
            row = matched[-1] + 1 if matched else 0
            self.list.insertItem(row, item)
            if not matched:
                current = 0
        if current < 0 and self.list.count() and (key or self._select_first):
            current = 0
        self.list.setCurrentRow(current)

    def _choice_at(self, row: int) -> Choice:
        choice = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        assert isinstance(choice, Choice)
        return choice

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.list.keyPressEvent(event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_item(self.list.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)

    def _choose_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        choice = item.data(Qt.ItemDataRole.UserRole)
        self._done = True
        self.hide()
        self.chosen.emit(choice.value)

    def hideEvent(self, event: object) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        if not self._done:
            self._done = True
            self.cancelled.emit()
