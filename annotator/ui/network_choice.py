"""Project ▸ Analysis's network choices: which network, and how it is shaped, as
`annotator export --network KIND` takes them (--aggregation for actor-actor; --window,
--normalization and --min-weight for co-occurrence), with the same defaults
(annotator.analysis.networks) and the same code underneath (networks.export)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..analysis import networks


class NetworkChoice(QGroupBox):
    """The network's kind and options, and the button that exports it. An option the
    kind does not take is disabled (and its default is what is exported): the command
    line refuses it for that kind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkChoice")
        self.kind = QComboBox(self, objectName="networkKind")
        for kind in networks.KINDS:
            self.kind.addItem(kind, kind)
        self.aggregation = QComboBox(self, objectName="networkAggregation")
        for value in networks.AGGREGATIONS:
            self.aggregation.addItem(value, value)
        self.window = QComboBox(self, objectName="networkWindow")
        for value in networks.WINDOWS:
            self.window.addItem(value, value)
        self.normalization = QComboBox(self, objectName="networkNormalization")
        for value in networks.NORMALIZATIONS:
            self.normalization.addItem(value, value)
        self.min_weight = QSpinBox(self, objectName="networkMinWeight")
        self.min_weight.setRange(1, 9999)
        self.export = QPushButton(self, objectName="exportNetwork")
        self.export.setAutoDefault(False)  # Enter in a date field applies it, and saves nothing
        self.aggregation_label, self.window_label = QLabel(self), QLabel(self)
        self.normalization_label, self.min_weight_label = QLabel(self), QLabel(self)
        # each label's buddy: Alt and the label's underlined letter (where the language
        # has one) go to its field, and a screen reader names the field by it
        for label, field in (
            (self.aggregation_label, self.aggregation),
            (self.window_label, self.window),
            (self.normalization_label, self.normalization),
            (self.min_weight_label, self.min_weight),
        ):
            label.setBuddy(field)
        grid = QGridLayout(self)
        grid.addWidget(self.kind, 0, 0, 1, 2)
        grid.addWidget(self.aggregation_label, 0, 2)
        grid.addWidget(self.aggregation, 0, 3)
        grid.addWidget(self.export, 0, 4, 1, 2)
        grid.addWidget(self.window_label, 1, 0)
        grid.addWidget(self.window, 1, 1)
        grid.addWidget(self.normalization_label, 1, 2)
        grid.addWidget(self.normalization, 1, 3)
        grid.addWidget(self.min_weight_label, 1, 4)
        grid.addWidget(self.min_weight, 1, 5)
        grid.setColumnStretch(6, 1)
        # Tab runs as the eye reads: the kind, its options, then the button
        order = [self.kind, self.aggregation, self.window, self.normalization, self.min_weight, self.export]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.set_options()
        self.kind.currentIndexChanged.connect(self._enable)
        self.window.currentIndexChanged.connect(self._suffix)
        self.min_weight.valueChanged.connect(self._suffix)
        self._enable()

    def set_options(
        self,
        kind: str | None = None,
        aggregation: str = networks.DEFAULT_AGGREGATION,
        window: str = networks.DEFAULT_WINDOW,
        normalization: str = networks.DEFAULT_NORMALIZATION,
        min_weight: int = networks.DEFAULT_MIN_WEIGHT,
    ) -> None:
        """The options as given (by default, the command line's defaults)."""
        if kind is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.aggregation.setCurrentIndex(max(0, self.aggregation.findData(aggregation)))
        self.window.setCurrentIndex(max(0, self.window.findData(window)))
        self.normalization.setCurrentIndex(max(0, self.normalization.findData(normalization)))
        self.min_weight.setValue(min_weight)

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def options(self) -> dict[str, Any]:
        """networks.export's keyword arguments for the chosen kind: an option the kind does
        not take is its default, as `annotator export` requires."""
        kind = self.current_kind()
        co_occurrence = kind == "co-occurrence"
        return {
            "aggregation": str(self.aggregation.currentData())
            if kind == "actor-actor"
            else networks.DEFAULT_AGGREGATION,
            "window": str(self.window.currentData()) if co_occurrence else networks.DEFAULT_WINDOW,
            "normalization": str(self.normalization.currentData()) if co_occurrence else networks.DEFAULT_NORMALIZATION,
            "min_weight": self.min_weight.value() if co_occurrence else networks.DEFAULT_MIN_WEIGHT,
        }

    def _enable(self) -> None:
        kind = self.current_kind()
        for widget in (self.aggregation_label, self.aggregation):
            widget.setEnabled(kind == "actor-actor")
        for widget in (
            self.window_label,
            self.window,
            self.normalization_label,
            self.normalization,
            self.min_weight_label,
            self.min_weight,
        ):
            widget.setEnabled(kind == "co-occurrence")

    def _suffix(self) -> None:
        """The spin box says what it counts, as the window chosen ("2 sentences")."""
        window = str(self.window.currentData())
        one, many = {
            "document": (self.tr(" document"), self.tr(" documents")),
            "paragraph": (self.tr(" paragraph"), self.tr(" paragraphs")),
            "sentence": (self.tr(" sentence"), self.tr(" sentences")),
        }[window]
        self.min_weight.setSuffix(one if self.min_weight.value() == 1 else many)

    def retranslate(self, persian: bool) -> None:
        # Qt's Persian locale writes the spin box's number in Persian digits
        self.min_weight.setLocale(QLocale(QLocale.Language.Persian if persian else QLocale.Language.English))
        self.setTitle(self.tr("Network"))
        for i, name in enumerate(
            (
                self.tr("Network: actors and topics"),
                self.tr("Network: actors agreeing or in conflict"),
                self.tr("Network: who addresses whom"),
                self.tr("Network: mentioned together"),
            )
        ):
            self.kind.setItemText(i, name)
        self.export.setText(self.tr("Export network…"))
        self.aggregation_label.setText(self.tr("Tied by:"))
        for i, name in enumerate(
            (
                self.tr("same position (congruence)"),
                self.tr("opposite positions (conflict)"),
                self.tr("congruence minus conflict"),
            )
        ):
            self.aggregation.setItemText(i, name)
        self.aggregation.setToolTip(
            self.tr(
                "Actors agreeing or in conflict: an edge's weight counts the two actors' claims of the same "
                "position on a topic (congruence), of opposite positions (conflict), or the first less the second"
            )
        )
        self.window_label.setText(self.tr("Together in:"))
        for i, name in enumerate((self.tr("a document"), self.tr("a paragraph"), self.tr("a sentence"))):
            self.window.setItemText(i, name)
        self.window.setToolTip(
            self.tr(
                "Mentioned together: two entities are tied when one document, paragraph (a line of the text) "
                "or sentence mentions both; a sentence keeps a long corpus's network small"
            )
        )
        self.normalization_label.setText(self.tr("Weight:"))
        for i, name in enumerate((self.tr("count"), self.tr("average"), self.tr("Jaccard"), self.tr("cosine"))):
            self.normalization.setItemText(i, name)
        self.normalization.setToolTip(
            self.tr(
                "Mentioned together: an edge's weight is the number of windows that mention both (count), "
                "or that number divided as DNA's one-mode normalisations do; the count is then kept as 'count'"
            )
        )
        self.min_weight_label.setText(self.tr("At least:"))
        self.min_weight.setToolTip(
            self.tr("Mentioned together: only pairs mentioned together in at least this many windows")
        )
        self._suffix()
