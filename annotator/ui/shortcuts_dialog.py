"""Help ▸ Keyboard shortcuts (F1): every key of the window, read from its menus so that the
list can never disagree with them, and the keys that act without a menu entry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Row = tuple[str, str, str]  # (where, what, keys)


def menu_rows(bar: QMenuBar) -> list[Row]:
    """(menu, action, its keys) for every action with a key, in menu order."""
    rows: list[Row] = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), where)  # type: ignore[arg-type]
            elif action.shortcuts() and action.text():
                # the names printed on the keys (Ctrl, Shift), in either language
                keys = "  ".join(k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts())
                rows.append((where, action.text().replace("&", ""), keys))

    for top in bar.actions():
        if top.menu() is not None:
            walk(top.menu(), top.text().replace("&", ""))  # type: ignore[arg-type]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = menu_rows(bar) + self.other_rows()
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("What"), self.tr("Keys")])
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:  # keys are typed left to right, whatever the interface's direction
                    item.setText(f"\u2066{value}\u2069")
                self.table.setItem(row, column, item)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 620)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def other_rows(self) -> list[Row]:
        """Keys that work without a menu entry (in the article, the span list, the panels)."""
        where = self.tr("Article and lists")
        return [
            (where, self.tr("Select text"), self.tr("drag, double-click a word, Shift+arrows")),
            (
                where,
                self.tr("Tag the selection, or relabel the current span"),
                self.tr("the label's key (Persian digits too)"),
            ),
            (where, self.tr("The current span's menu"), self.tr("Menu key  Shift+F10")),
            (where, self.tr("Keep the note"), "Enter"),
            (where, self.tr("Delete the current span"), "Delete  Backspace"),
            (where, self.tr("Clear the selection and the current span"), "Esc"),
            (where, self.tr("Close the search panel"), "Esc"),
        ]

    def keys_listed(self) -> list[str]:
        return [self.table.item(r, 2).text().strip("\u2066\u2069") for r in range(self.table.rowCount())]
