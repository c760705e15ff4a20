"""Project ▸ Agreement: the figures of `annotator agree` in a panel, with the least agreed
documents first; Enter or a double click opens one (docs/team.md)."""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .bidi import isolated
from .theme import counted, number

if TYPE_CHECKING:
    from ..io.project import Project
    from ..model import Schema


_TOO_FEW_CODERS = "too few coders"
# the summary's and the titles' room at their sides: a Persian line ends at the panel's
# edge, and the first letter's ink drawn past its advance there (the bowl of «ب» in
# «برای هر برچسب») was cut off by the panel's edge
_TEXT_MARGINS = (4, 2, 4, 2)


def _fmt(value: Any) -> str:
    # isolated left to right: in a right-to-left table "-0.043" would read "0.043-"; in
    # Persian digits in the Persian interface, as its other numbers; a tiny negative
    # figure (-0.0001) is 0.000, not "-0.000"
    if value is None:
        return "–"
    text = f"{value:.3f}"
    return f"\u2066{number('0.000' if text == '-0.000' else text)}\u2069"


class _Table(QTableWidget):
    """A table of figures whose name columns (a label, two coders, a document's title)
    give way to the panel's width, elided with the whole name as their tooltip, while the
    figures keep their width: nothing to scroll sideways for (at 1366x768 the three tables
    were each wider than their third of the panel)."""

    activated = Signal(int)
    MIN_NAME = 60  # a name column narrower than this says nothing

    def __init__(self, name: str, names: tuple[int, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.names = names  # the columns that give way; the first takes any room left over
        self.wanted: list[int] = []  # each column's width for its whole content
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)  # "arman-dev-0001" broke over two lines in the Persian table
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a name's start and end both say something
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.cellDoubleClicked.connect(lambda row, _col: self.activated.emit(row))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated.emit(self.currentRow())
            return
        super().keyPressEvent(event)

    def fill(self, headers: list[str], rows: list[list[str]]) -> None:
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = QTableWidgetItem(value)
                if c in self.names:
                    cell.setToolTip(value)  # whole, when the column elides it
                elif value.lstrip("\u2066")[:1] in "0123456789–-":
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, cell)
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        self.wanted = [header.sectionSize(c) for c in range(self.columnCount())]
        self.fit_columns()

    def needed_width(self, name_cap: int) -> int:
        """The width that shows every figure whole and each name up to `name_cap` pixels."""
        columns = sum(min(w, name_cap) if c in self.names else w for c, w in enumerate(self.wanted))
        return columns + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def fit_columns(self) -> None:
        """The figures at their width, the names sharing what is left: whole when they fit,
        else each shrunk in proportion (not below MIN_NAME), elided."""
        if not self.wanted:
            return
        names = [c for c in self.names if c < len(self.wanted)]
        room = self.viewport().width() - sum(w for c, w in enumerate(self.wanted) if c not in names)
        total = sum(self.wanted[c] for c in names)
        if total <= room:
            widths = {c: self.wanted[c] for c in names}
            if names:
                widths[names[0]] += room - total
        else:
            # in proportion, never wider than the name needs (a label column wanting 50 px
            # was set to MIN_NAME, 60: the row grew wider than the table, which scrolled
            # sideways), nor narrower than MIN_NAME while another name has room to give
            floor = {c: min(self.MIN_NAME, self.wanted[c]) for c in names}
            widths = {c: max(floor[c], self.wanted[c] * room // max(total, 1)) for c in names}
            over = sum(widths.values()) - room
            for c in sorted(names, key=lambda c: widths[c] - floor[c], reverse=True):
                if over <= 0:
                    break
                give = min(over, widths[c] - floor[c])
                widths[c] -= give
                over -= give
        header = self.horizontalHeader()
        for c, width in widths.items():
            header.resizeSection(c, width)
        for c, width in enumerate(self.wanted):
            if c not in widths:
                header.resizeSection(c, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # also when the viewport changes (a scroll bar comes or goes)
        self.fit_columns()


class AgreementPanel(QWidget):
    """Figures per label, per pair of coders, and per document (worst first)."""

    documentRequested = Signal(str)
    computed = Signal()  # the figures (or a message why there are none) are shown
    _done = Signal(object)  # from the worker thread, delivered in the window's

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementView")
        self.report: dict[str, Any] = {}
        self.document_ids: list[str] = []
        self.titles: dict[str, str] = {}
        # labels, relations and attributes are named from the project's schema in the
        # interface language (the report holds their ids)
        self.schema: Schema | None = None
        self.language = "en"
        self._worker: threading.Thread | None = None
        self._done.connect(self._finish)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setObjectName("agreementSummary")
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(*_TEXT_MARGINS)
        self.refresh_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        # three columns side by side (a bottom panel is wide and low) when the panel is
        # wide enough for them, else one at a time, in tabs (a 1366 px screen)
        self.labels_title, self.pairs_title, self.documents_title = QLabel(self), QLabel(self), QLabel(self)
        self.labels = _Table("agreementLabels", (0,), self)
        self.pairs = _Table("agreementPairs", (0, 1), self)
        self.documents = _Table("agreementDocuments", (0,), self)
        self.columns: list[QWidget] = []
        for title, table in (
            (self.labels_title, self.labels),
            (self.pairs_title, self.pairs),
            (self.documents_title, self.documents),
        ):
            title.setWordWrap(True)  # a title as wide as its line kept the panel from narrowing
            title.setContentsMargins(*_TEXT_MARGINS)
            column = QWidget(self)
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(0, 0, 0, 0)
            column_layout.addWidget(title)
            column_layout.addWidget(table, 1)
            self.columns.append(column)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("agreementSideBySide")
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("agreementTabs")
        self.tabs.setDocumentMode(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        self._tabbed: bool | None = None
        self._arrange(tabbed=False)
        # in tabs, Ctrl+Tab and Ctrl+Shift+Tab go round them (Tab moves between a table's cells)
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+Shift+Backtab", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.next_tab(step))
        self.documents.activated.connect(self._open_row)
        self.retranslate()

    NAME_CAP = 150  # side by side, each name column has up to this much room, else tabs

    def side_by_side_width(self) -> int:
        """The width at which the three tables fit side by side, their figures whole and
        their names up to NAME_CAP pixels."""
        handles = 2 * self.splitter.handleWidth()
        return sum(t.needed_width(self.NAME_CAP) for t in (self.labels, self.pairs, self.documents)) + handles

    def tabbed(self) -> bool:
        return bool(self._tabbed)

    def _arrange(self, tabbed: bool) -> None:
        """Put the three tables side by side or in tabs (the same widgets, moved)."""
        if tabbed == self._tabbed:
            return
        focus = self.focusWidget()
        current = self.tabs.currentIndex() if self._tabbed else 2  # the documents, as at first
        self._tabbed = tabbed
        if tabbed:
            for column in self.columns:
                self.tabs.addTab(column, "")
            self.tabs.setCurrentIndex(max(0, current))
            self.stack.setCurrentWidget(self.tabs)
        else:
            while self.tabs.count():
                self.tabs.removeTab(0)
            for column in self.columns:
                self.splitter.addWidget(column)
                column.show()
            self.stack.setCurrentWidget(self.splitter)
            wants = [t.needed_width(self.NAME_CAP) for t in (self.labels, self.pairs, self.documents)]
            self.splitter.setSizes(wants)
        self._name_tabs()
        if focus is not None and focus.isVisible():
            focus.setFocus()

    def _name_tabs(self) -> None:
        if self._tabbed:
            for i, name in enumerate((self.tr("Per label (α)"), self.tr("Per pair (κ)"), self.tr("Documents"))):
                self.tabs.setTabText(i, name)

    def _fit(self) -> None:
        self._arrange(tabbed=self.width() < self.side_by_side_width())
        if not self._tabbed:
            wants = [t.needed_width(self.NAME_CAP) for t in (self.labels, self.pairs, self.documents)]
            self.splitter.setSizes(wants)  # in proportion to what each needs

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def next_tab(self, step: int) -> None:
        """The next (1) or previous (-1) table, focused, when they stand in tabs."""
        if not self._tabbed:
            return
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())
        table = (self.labels, self.pairs, self.documents)[self.tabs.currentIndex()]
        table.setFocus()

    def focus_documents(self) -> None:
        """The documents' table, least agreed first (Enter opens one), in view and focused."""
        if self._tabbed:
            self.tabs.setCurrentWidget(self.columns[2])
        self.documents.setFocus()

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Compute again"))
        self.labels_title.setText(self.tr("Per label (α: Krippendorff's alpha)"))
        self.pairs_title.setText(self.tr("Per pair of coders (κ: Cohen's kappa)"))
        self.documents_title.setText(self.tr("Documents, least agreed first (Enter opens one)"))
        self._name_tabs()
        if self.report:
            self.show_report(self.report, self.titles)

    def show_message(self, text: str) -> None:
        self.report = {}
        self.summary.setText(text)
        for table in (self.labels, self.pairs, self.documents):
            table.fill([], [])
        self._fit()

    def _label(self, label_id: str) -> str:
        return self.schema.label_name(label_id, self.language) if self.schema else label_id

    def _relation(self, type_id: str) -> str:
        relation_type = self.schema.relation_type(type_id) if self.schema else None
        return relation_type.name(self.language) if relation_type else type_id

    def _attribute(self, key: str) -> str:
        """"claim.position" as "Claim · Position" (its label's and its own name)."""
        label_id, _, attribute_id = key.partition(".")
        attribute = self.schema.attribute(attribute_id, label_id) if self.schema else None
        return f"{self._label(label_id)} · {attribute.name(self.language) if attribute else attribute_id}"

    def show_report(self, report: dict[str, Any], titles: dict[str, str]) -> None:
        self.report = report
        self.titles = titles
        self.summary.setText(
            self.tr("Coders: %1 · %2 · %3 (non-blank characters)")
            .replace("%2", counted(report["documents"], self.tr("%1 document compared"),
                                   self.tr("%1 documents compared")))
            .replace("%3", counted(report["units"], self.tr("%1 unit"), self.tr("%1 units")))
            .replace("%1", self.tr(", ").join(map(isolated, report["annotators"])))
        )
        f1e, f1o = self.tr("F1 exact"), self.tr("F1 overlap")
        rows = [
            [self._label(k), _fmt(v["alpha"]), _fmt(v["f1_exact"]), _fmt(v["f1_overlap"])]
            for k, v in report["labels"].items()
        ]
        overall = report["overall"]
        rows.append(
            [self.tr("overall"), _fmt(overall["alpha"]), _fmt(overall["f1_exact"]), _fmt(overall["f1_overlap"])]
        )
        relation = self.tr("relation")
        rows += [[f"{self._relation(t)} ({relation})", "", _fmt(v["f1"]), ""] for t, v in report["relations"].items()]
        rows += [[self._attribute(k), _fmt(v["alpha"]), "", ""] for k, v in report["attributes"].items()]
        self.labels.fill([self.tr("label"), "α", f1e, f1o], rows)
        pair_rows = [
            [
                f"{isolated(p['a'])} × {isolated(p['b'])}",
                self._label(label),
                _fmt(v["kappa"]),
                _fmt(v["f1_exact"]),
                _fmt(v["f1_overlap"]),
            ]
            for p in report["pairs"]
            for label, v in p["labels"].items()
        ]
        self.pairs.fill([self.tr("coders"), self.tr("label"), "κ", f1e, f1o], pair_rows)
        ranked = sorted(
            report["by_document"].items(),
            key=lambda kv: (kv[1]["f1_overlap"] is None, kv[1]["f1_overlap"] or 0.0, kv[1]["f1_exact"] or 0.0, kv[0]),
        )
        self.document_ids = [doc for doc, _ in ranked]
        self.documents.fill(
            [self.tr("document"), f1e, f1o],
            [[titles.get(doc, doc) or doc, _fmt(v["f1_exact"]), _fmt(v["f1_overlap"])] for doc, v in ranked],
        )
        self._fit()  # the figures may need more room than the tables had: tabs

    def compute(self, project: Project) -> None:
        """Compute the figures for the project's coders in a worker thread (reading every
        coder's files of a big project takes a moment: the window stays usable); `computed`
        says when."""
        if self._worker is not None and self._worker.is_alive():
            return
        self.refresh_button.setEnabled(False)
        self.summary.setText(self.tr("Computing the agreement…"))
        path = project.path

        def work() -> None:
            from ..io.project import Project, ProjectError
            from ..io.team import agreement, coders

            result: tuple[Any, ...]
            try:
                own = Project.open(path)  # its own index: the window's is not shared across threads
                found = coders(own)
                if len(found) < 2:  # said in the interface language, in _finish
                    result = ({}, {}, found, _TOO_FEW_CODERS)
                    with contextlib.suppress(RuntimeError):
                        self._done.emit(result)
                    return
                report, problems = agreement(own)
                titles = {s.id: s.title for s in own.summaries()}
                result = (report.to_json(), titles, problems, "")
            except ProjectError as exc:
                result = ({}, {}, [], str(exc).split(": ", 1)[-1])
            except Exception as exc:  # a worker must never die silently
                result = ({}, {}, [], f"{type(exc).__name__}: {exc}")
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._done.emit(result)

        self._worker = threading.Thread(target=work, name="agreement", daemon=True)
        self._worker.start()

    def _finish(self, result: object) -> None:
        report, titles, problems, error = result  # type: ignore[misc]
        self.refresh_button.setEnabled(True)
        if error == _TOO_FEW_CODERS:
            found = ", ".join(problems)
            self.show_message(
                self.tr("Agreement compares two or more coders; this project has only %1.").replace("%1", found)
                if found
                else self.tr("Agreement compares two or more coders; nobody has coded a document of this project yet.")
            )
        elif error:
            self.show_message(error)
        elif not report["documents"]:
            # a table of dashes read as computed figures: say why there are none
            self.show_message(
                self.tr("Nothing to compare: no document was coded by two or more of the coders (%1).").replace(
                    "%1", self.tr(", ").join(map(isolated, report["annotators"]))
                )
            )
        else:
            self.show_report(report, titles)
            if problems:
                self.summary.setText(self.summary.text() + "\n" + "\n".join(problems[:5]))
        self.computed.emit()

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.document_ids):
            self.documentRequested.emit(self.document_ids[row])
