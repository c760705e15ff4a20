"""The document's details (title, date, source, address), edited from its header."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ..model import Document


class DetailsDialog(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsDialog")
        self.setWindowTitle(self.tr("Document details"))
        meta = document.metadata
        self.title = QLineEdit(document.title, self)
        self.title.setObjectName("detailsTitle")
        self.date = QLineEdit(str(meta.get("date", "")), self)
        self.date.setObjectName("detailsDate")
        self.date.setPlaceholderText("۱۴۰۲/۰۵/۱۲")
        self.source = QLineEdit(str(meta.get("source", "")), self)
        self.source.setObjectName("detailsSource")
        self.url = QLineEdit(str(meta.get("url", "")), self)
        self.url.setObjectName("detailsUrl")
        self.url.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.reading = QLabel(self)
        self.date.textChanged.connect(self._show_reading)
        form = QFormLayout(self)
        # the fields as wide as a headline: they opened ~110 px wide (the title and address
        # cut off) and widened only as the user typed
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in (self.title, self.source, self.url):
            field.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Date (Jalali or Gregorian, as written):"), self.date)
        form.addRow("", self.reading)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Address (URL):"), self.url)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for field in (self.title, self.date, self.source, self.url):
            # a field shows its text from its start: set with the caret at its end, a title
            # longer than the field showed only its last words (a Persian one, its left end)
            field.setCursorPosition(0)
        self._show_reading(self.date.text())

    def _show_reading(self, text: str) -> None:
        from ..persian.dates import parse_date

        parsed = parse_date(text) if text.strip() else None
        if not text.strip():
            self.reading.setText("")
        elif parsed is None:
            self.reading.setText(self.tr("Not a date this program reads; it is kept as written"))
        else:
            self.reading.setText(
                self.tr("Gregorian %1, Jalali %2").replace("%1", parsed.iso).replace("%2", parsed.jalali)
            )

    def values(self) -> tuple[str, dict[str, object]]:
        return self.title.text().strip(), {
            "date": self.date.text().strip(),
            "source": self.source.text().strip(),
            "url": self.url.text().strip(),
        }
