"""Search: in the article or across the project, Persian-aware; results with context;
"tag all" tags every hit in the open article with a label as one undoable step."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Hit:
    document_id: str  # "" for the open article outside a project
    start: int
    end: int
    before: str
    match: str
    after: str
    title: str = ""


class SearchPanel(QWidget):
    searchRequested = Signal(str, bool)  # query, across the whole project
    hitActivated = Signal(object)  # a Hit
    tagAllRequested = Signal(str)  # label id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.query = QLineEdit(self)
        self.query.setObjectName("searchEdit")
        self.query.setClearButtonEnabled(True)
        self.scope = QComboBox(self)
        self.scope.setObjectName("searchScope")
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.count = QLabel(self)
        self.label_box = QComboBox(self)
        self.label_box.setObjectName("tagAllLabel")
        self.tag_all = QPushButton(self)
        self.tag_all.setObjectName("tagAllButton")
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.scope)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.label_box)
        bottom.addWidget(self.tag_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addLayout(bottom)
        self.query.returnPressed.connect(self._search)
        self.scope.currentIndexChanged.connect(lambda _i: self._search() if self.query.text().strip() else None)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        self.tag_all.clicked.connect(
            lambda: self.tagAllRequested.emit(self.label_box.currentData()) if self.label_box.count() else None
        )
        self.hits: list[Hit] = []

    def set_project_mode(self, on: bool) -> None:
        self.scope.setEnabled(on)
        if not on:
            self.scope.setCurrentIndex(0)

    def set_labels(self, items: list[tuple[str, str]]) -> None:
        self.label_box.clear()
        for label_id, name in items:
            self.label_box.addItem(name, label_id)

    def _search(self) -> None:
        self.searchRequested.emit(self.query.text(), self.scope.currentIndex() == 1)

    def show_hits(self, hits: list[Hit], limited: bool = False) -> None:
        self.hits = hits
        self.results.clear()
        for hit in hits:
            title = f"{hit.title}: " if hit.title else ""
            item = QListWidgetItem(f"\u2067{title}…{hit.before}[{hit.match}]{hit.after}…\u2069")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
            self.results.addItem(item)
        more = "+" if limited else ""
        self.count.setText(self.tr("%1 results").replace("%1", f"{len(hits)}{more}"))
        self.tag_all.setEnabled(bool(hits))

    def _activated(self, item: QListWidgetItem) -> None:
        self.hitActivated.emit(item.data(Qt.ItemDataRole.UserRole))

    def focus(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr("Search (ي=ی, ك=ک, digits, ZWNJ and diacritics ignored)"))
        current = max(self.scope.currentIndex(), 0)
        self.scope.clear()
        self.scope.addItems([self.tr("This article"), self.tr("Whole project")])
        self.scope.setCurrentIndex(current)
        self.tag_all.setText(self.tr("Tag all in this article as"))
        self.count.setText("")
