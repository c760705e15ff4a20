"""Project ▸ Analysis: charts of the coded claims, saved as PNG or SVG, and the claims
table and networks exported from the window (annotator.analysis does the counting)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..analysis import networks, summary, table
from ..analysis.records import AnalysisError, Coding, Filters, iter_codings, make_filters
from ..io.team import default_coder
from .bidi import isolated
from .chart_view import ChartView
from .network_choice import NetworkChoice
from .theme import counted, persian_digits


class AnalysisDialog(QDialog):
    def __init__(self, project: Any, language: str, parent: QWidget | None = None, coder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("analysisDialog")
        self.project = project
        self.language = language
        self.codings: list[Coding] = []
        self.chart_choice = QComboBox(objectName="chartChoice")
        for key in ("actors", "positions", "topics", "time"):
            self.chart_choice.addItem(key, key)
        self.coder = QComboBox(objectName="coderChoice")
        self.coder.addItem("", "")
        for name in project.annotators():
            self.coder.addItem(name, name)
        # one set's counts unless pooling is chosen: the curated set, else the coder's own
        self.coder.setCurrentIndex(max(0, self.coder.findData(default_coder(project, coder))))
        self.done_only = QCheckBox(objectName="doneOnly")
        self.date_from = QLineEdit(objectName="dateFrom")
        self.date_to = QLineEdit(objectName="dateTo")
        for edit in (self.date_from, self.date_to):
            edit.setClearButtonEnabled(True)
            edit.setMinimumWidth(130)
        self.top = QSpinBox(objectName="topActors")
        self.top.setRange(3, 100)
        self.top.setValue(15)
        self.coder_label, self.from_label, self.to_label, self.top_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.chart = ChartView(self)
        self.message = QLabel(objectName="analysisMessage")
        self.message.setWordWrap(True)
        filters = QHBoxLayout()
        filters.addWidget(self.chart_choice)
        for widget in (self.coder_label, self.coder, self.done_only, self.from_label, self.date_from):
            filters.addWidget(widget)
        for widget in (self.to_label, self.date_to, self.top_label, self.top):
            filters.addWidget(widget)
        filters.addStretch()
        buttons = QHBoxLayout()
        self.save_png = QPushButton(objectName="savePng")
        self.save_svg = QPushButton(objectName="saveSvg")
        self.export_table = QPushButton(objectName="exportClaims")
        for widget in (self.save_png, self.save_svg, self.export_table):
            buttons.addWidget(widget)
        for button in (self.save_png, self.save_svg, self.export_table):
            button.setAutoDefault(False)  # Enter in a date field applies it, and saves nothing
        buttons.addStretch()
        # the network, its options as `annotator export` takes them, and its button
        self.network = NetworkChoice(self)
        self.network_kind, self.export_network = self.network.kind, self.network.export
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.network)
        self.chart_choice.currentIndexChanged.connect(self.redraw)
        self.top.valueChanged.connect(self.redraw)
        self.coder.currentIndexChanged.connect(self.reload)
        self.done_only.toggled.connect(self.reload)
        self.date_from.editingFinished.connect(self.reload)
        self.date_to.editingFinished.connect(self.reload)
        self.save_png.clicked.connect(lambda: self.save_chart("png"))
        self.save_svg.clicked.connect(lambda: self.save_chart("svg"))
        self.export_table.clicked.connect(lambda: self.export_claims())
        self.export_network.clicked.connect(lambda: self.export_graph())
        self.resize(900, 600)
        self.retranslate(language)

    def retranslate(self, language: str) -> None:
        """Texts in the interface's language (also when it changes while this is open)."""
        self.language = language
        persian = language.startswith("fa")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if persian else Qt.LayoutDirection.LeftToRight)
        # Qt's Persian locale writes the spin box's number in Persian digits
        self.top.setLocale(QLocale(QLocale.Language.Persian if persian else QLocale.Language.English))
        self.setWindowTitle(self.tr("Analysis"))
        for i, name in enumerate(
            (
                self.tr("Claims per actor"),
                self.tr("Claims per position"),
                self.tr("Claims per topic"),
                self.tr("Claims over time"),
            )
        ):
            self.chart_choice.setItemText(i, name)
        self.coder.setItemText(0, self.tr("All coders, pooled"))
        self.done_only.setText(self.tr("Done only"))
        self.coder_label.setText(self.tr("Coder"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.top_label.setText(self.tr("Top"))
        hint = self.tr("A date as the news write it (۱۴۰۲/۰۵/۱۲) or ISO (2023-08-03)")
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText("۱۴۰۲/۰۵/۱۲" if persian else "2023-08-03")
            edit.setToolTip(hint)
        self.save_png.setText(self.tr("Save as PNG…"))
        self.save_svg.setText(self.tr("Save as SVG…"))
        self.export_table.setText(self.tr("Export claims table…"))
        self.network.retranslate(persian)
        self.reload()

    # ---- data ---------------------------------------------------------------------------

    def filters(self) -> Filters:
        coder = str(self.coder.currentData() or "")
        return make_filters(
            coder or None, "done" if self.done_only.isChecked() else None, self.date_from.text(), self.date_to.text()
        )

    def reload(self) -> bool:
        """Read the coded claims again with the filters (the counting is annotator.analysis's)."""
        # a file that cannot be read costs its own claims, not the analysis: it is named
        # under the chart, as the Agreement panel names them
        self.left_out: list[str] = []
        try:
            self.codings = list(iter_codings(self.project, self.filters(), left_out=self.left_out))
        except AnalysisError as exc:
            self.codings = []
            self.message.setText(str(exc))
            self.redraw()
            return False
        claims = sum(len(c.claims) for c in self.codings)
        # the documents read (those the filters let through) and those holding the claims:
        # "1 claims in 3 documents" read as if one claim were in three
        read = len({c.document.id for c in self.codings})
        holding = len({c.document.id for c in self.codings if c.claims})
        text = (
            self.tr("Claims: %1, in %2 of %3")
            .replace("%3", counted(read, self.tr("%1 document read"), self.tr("%1 documents read")))
            .replace("%1", self._n(claims))
            .replace("%2", self._n(holding))
        )
        if self.left_out:
            heading = counted(
                len(self.left_out),
                self.tr("%1 annotation file cannot be read and is left out:"),
                self.tr("%1 annotation files cannot be read and are left out:"),
            )
            # each file in its own direction: a path in a right-to-left label lost its
            # leading slash to the far end of the line
            text = "\n".join([text, heading, *map(isolated, self.left_out)])
        self.message.setText(text)
        self.redraw()
        return True

    def _n(self, n: int) -> str:
        text = str(n)
        return persian_digits(text) if self.language.startswith("fa") else text

    def redraw(self) -> None:
        chart = str(self.chart_choice.currentData())
        calendar = "jalali" if self.language.startswith("fa") else "gregorian"
        series = summary.series(chart, self.codings, self.project.schema, self.language, self.top.value(), calendar)
        self.top.setEnabled(chart == "actors")
        self.chart.set_chart(
            series,
            self.chart_choice.currentText(),
            vertical=chart == "time",
            persian_digits=self.language.startswith("fa"),
            empty=self.tr("No coded claims match these filters"),
        )

    # ---- saving and exporting -------------------------------------------------------------

    def _ask_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(self.project.path.parent / suggested), file_filter)
        return Path(path) if path else None

    def save_chart(self, kind: str, path: Path | None = None) -> bool:
        path = path or self._ask_path(
            self.tr("Save chart"), f"{self.project.name}-{self.chart_choice.currentData()}.{kind}", f"*.{kind}"
        )
        if path is None:
            return False
        ok = self.chart.save_png(path) if kind == "png" else self.chart.save_svg(path)
        if not ok:
            self._error(self.tr("Cannot write %1").replace("%1", str(path)))
        return ok

    def export_claims(self, path: Path | None = None) -> bool:
        path = path or self._ask_path(
            self.tr("Export claims table"), f"{self.project.name}-claims.csv", "CSV (*.csv);;Excel (*.xlsx)"
        )
        if path is None:
            return False
        claims = [claim for coding in self.codings for claim in coding.claims]
        try:
            if path.suffix.lower() == ".xlsx":
                rows = table.write_xlsx(claims, path)
            else:
                rows = table.write_csv(claims, path, excel=True)
        except OSError as exc:
            self._error(f"{path}: {exc.strerror or exc}")
            return False
        written = counted(rows, self.tr("%1 row"), self.tr("%1 rows"))
        self.message.setText(self.tr("%1 written to %2").replace("%1", written).replace("%2", str(path)))
        return True

    def export_graph(self, path: Path | None = None) -> bool:
        """The chosen network of what the filters keep, as `annotator export --format
        graphml|gexf --network KIND` with the same options writes it (networks.export)."""
        kind = self.network.current_kind()
        if len({c.annotator for c in self.codings}) > 1:
            self._error(self.tr("A network is one coder's view: choose a coder first."))
            return False
        path = path or self._ask_path(
            self.tr("Export network"), f"{self.project.name}-{kind}.graphml", "GraphML (*.graphml);;GEXF (*.gexf)"
        )
        if path is None:
            return False
        file_format = "gexf" if path.suffix.lower() == ".gexf" else "graphml"
        options = self.network.options()
        try:
            graph, report = networks.export(kind, self.codings, self.project.schema, path, file_format, **options)
        except OSError as exc:
            self._error(f"{path}: {exc.strerror or exc}")
            return False
        text = (
            self.tr("%1 and %2 written to %3")
            .replace("%1", counted(graph.number_of_nodes(), self.tr("%1 node"), self.tr("%1 nodes")))
            .replace("%2", counted(graph.number_of_edges(), self.tr("%1 edge"), self.tr("%1 edges")))
            .replace("%3", isolated(str(path)))
        )
        if report.below_min_weight:
            left = counted(
                report.below_min_weight,
                self.tr("%1 pair below “At least” left out"),
                self.tr("%1 pairs below “At least” left out"),
            )
            text += "\n" + left
        self.message.setText(text)
        return True

    def _error(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
