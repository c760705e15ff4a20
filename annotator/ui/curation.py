"""Curation mode: the window edits the annotator `curated` while a panel lists, for the
current document, what every coder marked: agreed spans, and the disagreements to decide
one by one by keyboard (docs/team.md).

Keys in the curation list: Up/Down move, Space the next undecided disagreement, 1-9 (or
۱-۹) accept that coder's version, Delete/R reject (no span), E or Enter edit (the text is
selected in the article: tag or relabel it as usual); Ctrl+Z undoes like any edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..io.store import AnnotationStore
from ..io.team import CURATED, agreed_set, coder_sets, coders
from ..model import AnnotationSet, Change
from ..model import curation as cur
from .bidi import in_reading_order, isolated
from .project_session import ProjectSession, SessionHost
from .theme import counted, number

if TYPE_CHECKING:
    from ..io.project import Project

_HEADER_PADDING = 8  # a header section's margin on each side (Fusion's is 4 to 6 px)


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


_DIGITS = str.maketrans("۱۲۳۴۵۶۷۸۹١٢٣٤٥٦٧٨٩", "123456789123456789")
AGREED = QColor(0, 150, 60, 45)
OPEN = QColor(220, 40, 40, 55)


class CurationTable(QTableWidget):
    acceptRequested = Signal(int)  # coder number, from 1
    rejectRequested = Signal()
    editRequested = Signal()
    nextRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curationTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self._coders: list[str] = []
        self._right_to_left = False

    MIN_COLUMN = 90

    def set_coders(self, coders: list[str], right_to_left: bool) -> None:
        """The coders' columns (2, 3, ...): headed "1 Ali", "2 سارا" with the name
        isolated and the whole in the interface's direction (in the Persian interface a
        Latin name beside a Persian number stood in the other order), the number kept
        when a long name is elided (the key that accepts that version), the whole name
        as the header's tooltip."""
        self._coders = coders
        self._right_to_left = right_to_left

    def _coder_headers(self, width_of: dict[int, int] | None) -> None:
        """Each coder's header, its name elided to `width_of[column]` pixels when given."""
        metrics = QFontMetrics(_bold(self.horizontalHeader().font()))  # a selected row's headers are bold
        for n, name in enumerate(self._coders, 1):
            column = n + 1
            item = self.horizontalHeaderItem(column)
            if item is None:
                continue
            shown = name
            if width_of is not None:
                room = width_of[column] - metrics.horizontalAdvance(f"{number(n)} ") - 2 * _HEADER_PADDING
                shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 0)) or "…"
            item.setText(in_reading_order(f"{number(n)} {isolated(shown)}", self._right_to_left))
            item.setToolTip(name)

    def fit_columns(self) -> None:
        """Every column in view: the text and the coders' versions give way (elided, the
        whole in the tooltip) so that the curated column stays on screen; a long claim
        pushed it off the panel's right edge."""
        self._coder_headers(None)  # whole, so that a column can grow back to its name
        self.resizeColumnsToContents()
        count = self.columnCount()
        if count < 3:
            return
        header = self.horizontalHeader()
        metrics = QFontMetrics(_bold(header.font()))  # Qt sizes a header by its plain font
        for n, name in enumerate(self._coders, 1):
            whole = metrics.horizontalAdvance(f"{number(n)} {name}") + 2 * _HEADER_PADDING
            if n + 1 < count - 1 and header.sectionSize(n + 1) < whole:
                header.resizeSection(n + 1, whole)
        middle = range(1, count - 1)
        # the curated column as wide as its content (it stretches to the edge: its stretched
        # width capped the others while the panel had room for every name whole)
        curated = max(self.sizeHintForColumn(count - 1), header.sectionSizeHint(count - 1))
        room = self.viewport().width() - header.sectionSize(0) - curated
        if sum(header.sectionSize(c) for c in middle) > room:
            cap = max(self.MIN_COLUMN, room // len(middle))
            for column in middle:
                if header.sectionSize(column) > cap:
                    header.resizeSection(column, cap)
        self._coder_headers({c: header.sectionSize(c) for c in range(count)})

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _command(self, event: QKeyEvent) -> str:
        if event.modifiers() not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            return ""
        text = event.text().translate(_DIGITS)
        if text.isdigit() and text != "0":
            return text
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_R):
            return "reject"
        if key in (Qt.Key.Key_E, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return "edit"
        if key == Qt.Key.Key_Space:
            return "next"
        return ""

    def event(self, event: QEvent) -> bool:
        # the window's label keys (1 2 3 …) would take digits first: here they choose a version
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._command(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = self._command(event)
        if command.isdigit():
            self.acceptRequested.emit(int(command))
        elif command == "reject":
            self.rejectRequested.emit()
        elif command == "edit":
            self.editRequested.emit()
        elif command == "next":
            self.nextRequested.emit()
        else:
            super().keyPressEvent(event)


class CurationPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curationPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = CurationTable(self)
        self.keys = QLabel(self)
        self.keys.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.keys)


class CurationSession(ProjectSession):
    """A project session whose annotator is `curated`, with the curation panel."""

    PANEL_HEIGHT = 260  # a wide, low panel: every coder's version side by side

    def __init__(self, host: SessionHost, project: Project, curator: str, parent: QWidget) -> None:
        self.coders = coders(project)
        self.curator = curator
        self.items: list[cur.Item] = []
        self.feature_items: list[cur.Item] = []  # the items of an agreed span's differing features
        self._open_spans: set[frozenset[tuple[str, int, int]]] = set()
        self.sets: dict[str, AnnotationSet] = {}
        self._watched: AnnotationSet | None = None
        self.rejected: set[cur.Item] = set()  # decided as "no span" in this session
        super().__init__(host, project, CURATED, parent)
        self.panel = CurationPanel(parent)
        self.panel_dock = QDockWidget(parent)
        self.panel_dock.setObjectName("curationDock")
        self.panel_dock.setWidget(self.panel)
        host.add_panel(self.panel_dock, Qt.DockWidgetArea.BottomDockWidgetArea, self.PANEL_HEIGHT)
        self.panel_dock.show()
        table = self.panel.table
        table.acceptRequested.connect(self.accept)
        table.rejectRequested.connect(self.reject)
        table.editRequested.connect(self.edit)
        table.nextRequested.connect(self.next_open)
        table.currentCellChanged.connect(lambda row, *_: self._show_item(row))
        self.retranslate()

    # ---- documents ---------------------------------------------------------------------

    def open_store(self, doc_id: str, foreign: str = "") -> tuple[AnnotationStore, str]:
        """The curated annotations; a document never curated starts from what every coder
        agrees on (not yet a file: it is written with the first decision)."""
        document = self.project.load_document(doc_id)
        sets, problems = coder_sets(self.project, document, self.coders)
        self.sets = sets
        if problems:
            self.window.show_error("\n".join(problems))
        path = self.project.annotation_path(doc_id, CURATED)
        path.parent.mkdir(parents=True, exist_ok=True)
        return AnnotationStore.open_or_start(
            path,
            self.project.schema,
            document,
            lambda: agreed_set(document, self.project.schema, sets),
            False,
            foreign=foreign,
            same_id=True,  # named by document id: another id is another document's file
        )

    def open_document(self, doc_id: str) -> bool:
        if not super().open_document(doc_id):
            return False
        aset = self.window.annotations
        if self._watched is not None and self._watched is not aset:
            self._watched.unsubscribe(self._on_curated_change)
            self._watched = None
        if aset is not None and self._watched is None:
            aset.subscribe(self._on_curated_change)
            self._watched = aset
        self.rejected.clear()
        self.items = cur.items(
            {c: [(s.label, s.start, s.end) for s in a.spans()] for c, a in self.sets.items()},
            {c: cur.span_features(a) for c, a in self.sets.items()},  # differing attributes, links
        )
        self.feature_items = [it for it in self.items if it.feature]
        self._fill()
        if self.items:
            self.panel.table.setCurrentCell(0, 0)
            self.next_open(from_row=-1)
        return True

    # ---- the list ----------------------------------------------------------------------

    def present_coders(self) -> list[str]:
        return [c for c in self.coders if c in self.sets]

    def _fill(self) -> None:
        table = self.panel.table
        coders_here = self.present_coders()
        table.blockSignals(True)
        table.clear()
        table.setColumnCount(3 + len(coders_here))
        headers = ["", self.tr("text")] + [self._numbered(n, c) for n, c in enumerate(coders_here, 1)]
        headers.append(self.tr("curated"))
        table.setHorizontalHeaderLabels(headers)
        table.set_coders(coders_here, self._persian())
        table.setRowCount(len(self.items))
        self._find_open_features()
        for row, item in enumerate(self.items):
            self._fill_row(row, item)
        table.fit_columns()
        table.blockSignals(False)
        self._fill_summary_only()

    def _persian(self) -> bool:
        return str(getattr(self.window, "language", "en")).startswith("fa")

    def _numbered(self, n: int, coder: str) -> str:
        """ "1 Ali" (۱ in the Persian interface), the name isolated and the whole in the
        interface's direction: the number the key that accepts that version, first as the
        interface reads, whatever the name's script."""
        return in_reading_order(f"{number(n)} {isolated(coder)}", self._persian())

    def _fill_row(self, row: int, item: cur.Item) -> None:
        table = self.panel.table
        aset = self.window.annotations
        text = aset.text if aset is not None else ""
        language = getattr(self.window, "language", "en")
        schema = self.project.schema

        def describe(spans: tuple[tuple[str, int, int], ...]) -> str:
            if not spans:
                return "—"
            # each label isolated (a Latin "ORG" beside Persian words), the whole in the
            # interface's direction: the label first as the interface reads
            versions = "; ".join(f"{isolated(schema.label_name(lb, language))} «{text[s:e]}»" for lb, s, e in spans)
            return in_reading_order(versions, self._persian())

        coders_here = self.present_coders()
        if item.feature:
            self._fill_feature_row(row, item, coders_here)
            return
        # ✓ only where two coders or more were compared (with one, every span "agreed")
        compared = len(coders_here) >= 2
        marker = ("✓" if compared else "") if item.agreed else "≠"
        cells = [marker, text[item.start : item.end].replace("\n", " ")[:80]]
        cells += [describe(item.version(c)) for c in coders_here]
        held = aset is not None and bool(cur.spans_in(aset, item, self.items))
        decided = cur.decision(aset, item, self.items) if aset is not None else ""
        open_item = self.is_open(item)
        if item.agreed:
            cells.append("✓" if held else "—")  # the curated set may lack it (merged earlier, deleted)
        elif not held:  # nothing there: open, or rejected in this session (never a coder's "—")
            cells.append("—" if open_item else self.tr("rejected"))
        elif decided == cur.EDITED:
            cells.append(self.tr("edited"))
        else:
            cells.append(self._numbered(coders_here.index(decided) + 1, decided) if decided in coders_here else decided)
        for col, value in enumerate(cells):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)  # a long claim is elided in its cell
            # green: agreed, in the curated set, and no feature of it left to decide
            if item.agreed and held and compared and not self._open_features(item):
                cell.setBackground(QBrush(AGREED))
            elif open_item:
                cell.setBackground(QBrush(OPEN))
            table.setItem(row, col, cell)

    def _fill_feature_row(self, row: int, item: cur.Item, coders_here: list[str]) -> None:
        """A feature of an agreed span on which the coders differ: each coder's value, and
        what the curated span has."""
        table = self.panel.table
        aset = self.window.annotations
        text = aset.text if aset is not None else ""
        span_text = text[item.start : item.end].replace("\n", " ")[:80]
        cells = ["≠", in_reading_order(f"{isolated(self._feature_name(item))}: {span_text}", self._persian())]
        cells += [self._describe_value(item, item.value(c)) for c in coders_here]
        value = cur.held(aset, item) if aset is not None else None
        if value is None or (not value and self.is_open(item)):
            cells.append("—")  # the span is not in the curated set, or nothing decided yet
        elif not value:
            cells.append(self.tr("rejected"))
        else:
            cells.append(self._describe_value(item, value))
        open_item = self.is_open(item)
        for col, shown in enumerate(cells):
            cell = QTableWidgetItem(shown)
            cell.setToolTip(shown)
            if open_item:
                cell.setBackground(QBrush(OPEN))
            table.setItem(row, col, cell)

    def _feature_name(self, item: cur.Item) -> str:
        """The feature in the interface's language: "Position", "Located in", "Entity"."""
        language = getattr(self.window, "language", "en")
        schema = self.project.schema
        if item.feature == cur.ENTITY:
            return self.tr("Entity")
        if item.feature.startswith(cur.LINK):
            rtype = schema.relation_type(item.feature[len(cur.LINK) :])
            return rtype.name(language) if rtype is not None else item.feature[len(cur.LINK) :]
        attribute = schema.attribute(item.feature, item.span[0])
        return attribute.name(language) if attribute is not None else item.feature

    def _describe_value(self, item: cur.Item, value: cur.Value) -> str:
        if not value:
            return "—"
        language = getattr(self.window, "language", "en")
        if isinstance(value, frozenset):
            text = self.window.annotations.text if self.window.annotations is not None else ""
            ends = sorted(value, key=lambda k: (k[1], k[2], k[0]))
            return in_reading_order("; ".join(f"«{text[s:e]}»" for _, s, e in ends), self._persian())
        attribute = self.project.schema.attribute(item.feature, item.span[0])
        return attribute.value_name(value, language) if attribute is not None else value

    def _open_features(self, item: cur.Item) -> bool:
        """Whether an agreed span has a feature still to decide."""
        return item.keys in self._open_spans

    def _find_open_features(self) -> None:
        """The spans with a feature still open, once per refill (not once per row)."""
        self._open_spans = {it.keys for it in self.feature_items if self.is_open(it)}

    def is_open(self, item: cur.Item) -> bool:
        """A disagreement not decided yet: the curated set has nothing there and it was
        not rejected in this session (for a feature: the curated span has no value)."""
        aset = self.window.annotations
        if item.agreed or aset is None:
            return False
        if item.feature:
            return cur.held(aset, item) == cur.empty(item.feature) and item not in self.rejected
        return not cur.spans_in(aset, item, self.items) and item not in self.rejected

    def open_count(self) -> int:
        return sum(1 for it in self.items if self.is_open(it))

    def current_item(self) -> cur.Item | None:
        row = self.panel.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_item(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        view = getattr(self.window, "view", None)
        if view is not None:
            view.ensure_visible(item.start)
            view.select_range(item.start, item.end)

    def _on_curated_change(self, change: Change) -> None:
        self._find_open_features()
        for row, item in enumerate(self.items):
            self._fill_row(row, item)
        self._fill_summary_only()

    def _fill_summary_only(self) -> None:
        agreed = sum(1 for it in self.items if it.agreed)
        if len(self.sets) < 2:
            text = self.tr("Fewer than two coders have annotated this document: nothing to compare.")
        else:
            text = (
                self.tr("%1 agreed, %2 (%3 open)")
                .replace("%2", counted(len(self.items) - agreed, self.tr("%1 disagreement"),
                                       self.tr("%1 disagreements")))
                .replace("%3", number(self.open_count()))
                .replace("%1", number(agreed))
            )
        self.panel.summary.setText(text)

    # ---- decisions ---------------------------------------------------------------------

    def accept(self, number: int) -> None:
        aset, item = self.window.annotations, self.current_item()
        coders_here = self.present_coders()
        if aset is None or item is None or not 1 <= number <= len(coders_here) or self.window.refuse_if_done():
            return
        coder = coders_here[number - 1]
        if item.feature:
            done = self.tr("Accepted the version of %1").replace("%1", isolated(coder))
            missing = cur.accept_feature(aset, item, coder, self.sets.get(coder))
            if self._decide_feature(item, missing, done) and not item.value(coder):
                self.rejected.add(item)
            self._refill(item)
            self.next_open()
            return
        cur.accept(aset, item, coder, self.items, self.sets.get(coder))
        if not item.version(coder):
            self.rejected.add(item)
        self._fill_row(self.panel.table.currentRow(), item)
        self._fill_summary_only()
        self.window.show_status(self.tr("Accepted the version of %1").replace("%1", isolated(coder)))
        self.next_open()

    def _decide_feature(self, item: cur.Item, missing: list[tuple[str, int, int]] | None, done: str) -> bool:
        """After a feature decision, the status line: `done`, or what could not be done
        (False: nothing was). In the status bar, as every curation step: a message box
        would take the keys from the list."""
        aset = self.window.annotations
        if missing is None:
            self.window.show_status(self.tr("The curated set has no such span: put it back first (1 on its row)."))
            return False
        if missing and aset is not None:
            ends = ", ".join(f"«{aset.text[s:e]}»" for _, s, e in missing)
            done = self.tr("Not linked to %1: not in the curated set (decide it first)").replace("%1", ends)
        self.window.show_status(done)
        return True

    def _refill(self, item: cur.Item) -> None:
        """A feature's row and its span's (whose green depends on it)."""
        self._find_open_features()
        for row, other in enumerate(self.items):
            if other is item or (other.agreed and other.keys == item.keys):
                self._fill_row(row, other)
        self._fill_summary_only()

    def reject(self) -> None:
        aset, item = self.window.annotations, self.current_item()
        if aset is None or item is None or item.agreed or self.window.refuse_if_done():
            return
        if item.feature:
            done = self.tr("Rejected: the curated span has no %1").replace("%1", self._feature_name(item))
            if self._decide_feature(item, cur.reject_feature(aset, item), done):
                self.rejected.add(item)
            self._refill(item)
            self.next_open()
            return
        cur.reject(aset, item, self.items)
        self.rejected.add(item)
        self._fill_row(self.panel.table.currentRow(), item)
        self._fill_summary_only()
        self.window.show_status(self.tr("Rejected: no span there"))
        self.next_open()

    def edit(self) -> None:
        """Select the item's text in the article and go there: tag, relabel or resize it
        with the usual keys; Ctrl+K comes back to the list."""
        item = self.current_item()
        view = getattr(self.window, "view", None)
        if item is None or view is None:
            return
        view.ensure_visible(item.start)
        view.select_range(item.start, item.end)
        view.setFocus()

    def next_open(self, from_row: int | None = None) -> None:
        """Move to the next disagreement not decided yet (wrapping round)."""
        table = self.panel.table
        start = table.currentRow() if from_row is None else from_row
        count = len(self.items)
        for k in range(1, count + 1):
            row = (start + k) % count
            if self.is_open(self.items[row]):
                table.setCurrentCell(row, 0)
                return

    def focus_list(self) -> None:
        self.panel_dock.show()
        self.panel.table.setFocus()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "panel"):
            self.panel_dock.setWindowTitle(self.tr("Curation"))
            self.panel.keys.setText(
                self.tr(
                    "Up/Down: move · Space: next open disagreement · 1–9: accept that coder's version · "
                    "Delete or R: reject · E or Enter: edit in the article (Ctrl+K: back here) · Ctrl+Z: undo"
                )
            )
            if self.items:  # label names, numbers and directions in the new language
                row = self.panel.table.currentRow()
                self._fill()
                if row >= 0:
                    self.panel.table.setCurrentCell(row, 0)

    def close(self) -> None:
        if self._watched is not None:
            self._watched.unsubscribe(self._on_curated_change)
            self._watched = None
        self.window.remove_panel(self.panel_dock)
        self.panel_dock.deleteLater()
        super().close()
