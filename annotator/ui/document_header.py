"""Above the article: its title, date (as written, with the other calendar beside it),
source and address; a button (or Ctrl+Shift+D) edits them."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ..model import Document
from .bidi import clip, reads_right_to_left, rtl
from .theme import persian_digits


def escape(text: str) -> str:
    """Plain text inside the label's rich text (html.escape's three characters that matter
    there, without importing html and its entity tables at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def date_line(metadata: dict[str, object], language: str) -> str:
    """`۱۴۰۲/۰۵/۱۲ (2023-08-03)`: the date as written and its other calendar; in the Persian
    interface a Jalali date in Persian digits, as the document list writes it (a date
    written "1387/07/06" read so in the header and ۱۳۸۷/۰۷/۰۶ in the list), the ISO date as
    it is."""
    written = str(metadata.get("date", "")).strip()
    if not written:
        return ""
    from ..persian.dates import jalali_from_iso, parse_date  # when there is a date: a faster start

    parsed = parse_date(written)
    if parsed is None:
        return written
    if parsed.calendar == "jalali":
        other = parsed.iso
        written = persian_digits(written) if language.startswith("fa") else written
    else:
        other = jalali_from_iso(parsed.iso)
        other = persian_digits(other) if language.startswith("fa") else other
    return f"{written} ({other})"


class AddressLabel(QLabel):
    """One line of a web address, left to right in either interface, shortened in its
    middle to the label's width (its host and its end stay in view)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.full_text = ""

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        if not self.full_text:
            self.setText("")
            return
        width = max(self.width(), 10 * self.fontMetrics().averageCharWidth())
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideMiddle, width)
        self.setText(f"\u2066{shown}\u2069")


class DocumentHeader(QWidget):
    edited = Signal(str, dict)  # title, metadata (date, source, url)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentHeader")
        self.title = QLabel(self)
        self.title.setObjectName("documentTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("documentDetails")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setOpenExternalLinks(False)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long URL has no place to wrap: the line may be cut at the panel's edge, but it
        # must never widen the window past the screen (the whole line is in its tooltip)
        self.details.setWordWrap(True)
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # the address on its own line, left to right and never wrapped: wrapped with the
        # details it broke at every "/" and "-" into lines that read in no order; a long
        # one is shortened in its middle (its host and its end stay), the whole in the tooltip
        self.address = AddressLabel(self)
        self.address.setObjectName("documentAddress")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # at the right edge, under the Persian title and details, in either interface
        self.address.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.address.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.button = QToolButton(self)
        self.button.setObjectName("editDetails")
        self.button.clicked.connect(self.edit)
        # a document marked done is read-only in the window until reopened: said here, where
        # the eye is when it starts reading, not only when a key is refused
        self.done_notice = QLabel(self)
        self.done_notice.setObjectName("documentDoneNotice")
        self.done_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.done_notice.setStyleSheet("QLabel { border: 1px solid palette(mid); border-radius: 3px; padding: 0 6px; }")
        self.done_notice.hide()
        self._done_key = ""
        text_box = QWidget(self)
        from PySide6.QtWidgets import QVBoxLayout

        column = QVBoxLayout(text_box)
        self._column = column
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.details)
        column.addWidget(self.address)
        # the badge on its own line under the details, at the interface's leading edge:
        # beside the title it took ~250 px of a 1024 px window and squeezed the title and
        # details into a narrow column, a long title broken over four lines
        column.addWidget(self.done_notice, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(text_box, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self._document: Document | None = None
        self._language = "en"
        self.show_document(None, "en")

    def set_done(self, done: bool, key: str) -> None:
        """Say (or stop saying) that the document is marked done and read-only, and which
        key reopens it."""
        self._done_key = key if done else ""
        self.done_notice.setText(self.tr("Done · read-only (%1 reopens it)").replace("%1", key))
        self.done_notice.setVisible(done)

    def show_document(self, document: Document | None, language: str) -> None:
        self._document, self._language = document, language
        self.button.setText(self.tr("Edit details…"))
        if self._done_key:  # the interface's language changed
            self.set_done(True, self._done_key)
        self.button.setToolTip(self.tr("Title, date, source and address (Ctrl+Shift+D)"))
        if document is None:
            self.title.setText("")
            self.details.setText("")
            self.setVisible(False)
            return
        self.setVisible(True)
        named = bool(document.title) and not _an_id(document.title)
        # first words standing in for a title are told apart by a muted colour, as a
        # placeholder is: not by italics, which Persian type does not have (Qt slants the
        # letters instead, and loading that slanted face cost the first frame 2 ms)
        role = QPalette.ColorRole.WindowText if named else QPalette.ColorRole.PlaceholderText
        self.title.setForegroundRole(role)
        if named:
            self.title.setText(document.title)
            self.title.setToolTip("")
        else:
            # a scraped file's name is often an id (the sample's is 000_bdf8ef5fdfe34543):
            # the article's first words say more; shown only, never saved as its title
            first = document.text.strip().split("\n", 1)[0]
            self.title.setText(rtl(clip(first, 90)) if first else document.id)
            self.title.setToolTip(
                self.tr("No title yet: the article's first words are shown. Edit details… gives it one.")
            )
        meta = document.metadata
        parts: list[str] = []
        date = date_line(meta, language)
        if date:
            # right-to-left isolate: the date as written first, its other calendar after it
            suffix = self.tr(" (from the address)") if meta.get("date_from") == "url" else ""
            parts.append(f"\u2067{escape(date)}\u2069{suffix}")
        if meta.get("source"):
            parts.append(escape(str(meta["source"])))
        url = str(meta.get("url", "") or "")
        # each part isolated, so that Persian and Latin parts keep their order in either interface
        isolated = [f"\u2068{part}\u2069" for part in parts]
        empty = not parts and not url
        nothing = self.tr("No date, source or address yet") if empty else ""
        self.details.setText(" · ".join(isolated) if parts else nothing)
        # each line at its reading edge: Qt takes a line's direction from its first letter
        # outside an isolate, and found none in the isolated first words shown as a title or
        # in the details' isolated parts: both stood at the left in the Persian interface
        # while a title given in Persian stood at the right
        # a Latin title too in the Persian interface (it stood at the left, its details at the right)
        right = language == "fa" or reads_right_to_left(self.title.text())
        title_edge = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
        self.title.setAlignment(title_edge | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        details_edge = Qt.AlignmentFlag.AlignRight if language == "fa" else Qt.AlignmentFlag.AlignLeft
        self.details.setAlignment(details_edge | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        self.details.setVisible(bool(parts) or empty)
        self.address.setVisible(bool(url))
        self.address.setToolTip(url)
        self.address.set_full_text(url)
        # a line shown or hidden counts at once: the first frame lays the header out right
        # after this (MainWindow._paint_first_frame), before Qt's posted layout requests
        self._column.invalidate()
        self._column.activate()

    def edit(self) -> None:
        if self._document is None:
            return
        from .details_dialog import DetailsDialog  # here: its Qt classes cost start-up time

        dialog = DetailsDialog(self._document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.edited.emit(*dialog.values()))
        dialog.show()
        self.dialog = dialog


def _an_id(title: str) -> bool:
    """A title that is only a number or a hash (hex digits, digits, _ and -), as scraped
    files are named: no word in it."""
    return len(title) >= 6 and re.fullmatch(r"[0-9a-fA-F_\-]+", title) is not None and any(c.isdigit() for c in title)
