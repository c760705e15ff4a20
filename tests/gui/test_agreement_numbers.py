"""Agreement figures read the same in a right-to-left table: a negative kappa stays -0.043."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from annotator.ui.agreement_view import AgreementPanel


def test_negative_figures_are_isolated_left_to_right(qtbot: Any) -> None:
    panel = AgreementPanel()
    qtbot.addWidget(panel)
    panel.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    figures = {"alpha": -0.0431, "f1_exact": 0.5, "f1_overlap": None}
    report = {
        "annotators": ["a", "b"],
        "documents": 1,
        "units": 10,
        "labels": {"actor": figures},
        "overall": figures,
        "relations": {},
        "attributes": {},
        "pairs": [{"a": "a", "b": "b", "labels": {"actor": {"kappa": -0.0431, "f1_exact": 0.5, "f1_overlap": None}}}],
        "by_document": {"d1": {"f1_exact": 0.5, "f1_overlap": None}},
    }
    panel.show_report(report, {"d1": "خبر"})
    assert panel.labels.item(0, 1).text() == "\u2066-0.043\u2069"
    assert panel.labels.item(0, 3).text() == "–"
    assert panel.pairs.item(0, 2).text() == "\u2066-0.043\u2069"
    alignment = panel.labels.item(0, 1).textAlignment()
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_the_persian_interface_writes_the_figures_in_persian_digits(qtbot: Any) -> None:
    """The third trial: every figure of the agreement tables had Latin digits in the
    Persian interface, whose other numbers are Persian; and a tiny negative alpha read
    "-0.000"."""
    from annotator.ui.theme import install_language

    panel = AgreementPanel()
    qtbot.addWidget(panel)
    figures = {"alpha": 0.8123, "f1_exact": -0.0001, "f1_overlap": None}
    report = {
        "annotators": ["a", "b"],
        "documents": 1,
        "units": 10,
        "labels": {"actor": figures},
        "overall": figures,
        "relations": {},
        "attributes": {},
        "pairs": [{"a": "a", "b": "b", "labels": {"actor": {"kappa": -0.0431, "f1_exact": 0.5, "f1_overlap": None}}}],
        "by_document": {"d1": {"f1_exact": 0.5, "f1_overlap": None}},
    }
    install_language("fa")
    try:
        panel.show_report(report, {"d1": "خبر"})
        assert panel.labels.item(0, 1).text() == "\u2066۰.۸۱۲\u2069"
        assert panel.labels.item(0, 2).text() == "\u2066۰.۰۰۰\u2069"
        assert panel.pairs.item(0, 2).text() == "\u2066-۰.۰۴۳\u2069"
    finally:
        install_language("en")
    panel.show_report(report, {"d1": "خبر"})
    assert panel.labels.item(0, 1).text() == "\u20660.812\u2069"
