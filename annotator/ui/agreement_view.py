"""Project ▸ Agreement: the figures of `annotator agree` in a panel, with the least agreed
documents first; Enter or a double click opens one (docs/team.md)."""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .theme import counted

if TYPE_CHECKING:
    from ..io.project import Project
    from ..model import Schema


_TOO_FEW_CODERS = "too few coders"


def _fmt(value: Any) -> str:
    # isolated left to right: in a right-to-left table "-0.043" would read "0.043-"
    return "–" if value is None else f"\u2066{value:.3f}\u2069"


class _Table(QTableWidget):
    activated = Signal(int)

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
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
                if c > 0 and value.lstrip("\u2066")[:1] in "0123456789–-":
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, cell)
        self.resizeColumnsToContents()
        if headers:
            self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


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
        self.refresh_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        # three columns side by side: a bottom panel is wide and low
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.labels_title, self.pairs_title, self.documents_title = QLabel(self), QLabel(self), QLabel(self)
        self.labels = _Table("agreementLabels", self)
        self.pairs = _Table("agreementPairs", self)
        self.documents = _Table("agreementDocuments", self)
        for title, table in (
            (self.labels_title, self.labels),
            (self.pairs_title, self.pairs),
            (self.documents_title, self.documents),
        ):
            column = QWidget(splitter)
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(0, 0, 0, 0)
            column_layout.addWidget(title)
            column_layout.addWidget(table, 1)
            splitter.addWidget(column)
        layout.addWidget(splitter, 1)
        self.documents.activated.connect(self._open_row)
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Compute again"))
        self.labels_title.setText(self.tr("Per label (α: Krippendorff's alpha)"))
        self.pairs_title.setText(self.tr("Per pair of coders (κ: Cohen's kappa)"))
        self.documents_title.setText(self.tr("Documents, least agreed first (Enter opens one)"))
        if self.report:
            self.show_report(self.report, self.titles)

    def show_message(self, text: str) -> None:
        self.report = {}
        self.summary.setText(text)
        for table in (self.labels, self.pairs, self.documents):
            table.fill([], [])

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
            .replace("%1", ", ".join(report["annotators"]))
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
            [f"{p['a']} × {p['b']}", self._label(label), _fmt(v["kappa"]), _fmt(v["f1_exact"]), _fmt(v["f1_overlap"])]
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

    def compute(self, project: Project) -> None:
        """Compute the figures for the project's coders in a worker thread (nltk takes
        seconds on a big project: the window stays usable); `computed` says when."""
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
        else:
            self.show_report(report, titles)
            if problems:
                self.summary.setText(self.summary.text() + "\n" + "\n".join(problems[:5]))
        self.computed.emit()

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.document_ids):
            self.documentRequested.emit(self.document_ids[row])
