"""The question before a relabel that would remove links.

Relabelling a span drops the relations whose type no longer fits its new label (a claim's
claimant relabelled as a place is no longer its claimant: AnnotationSet.relabel_drops).
That loss was silent; now the window names it first, and the answer Enter (or Escape)
gives keeps everything: losing links must be a choice.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..model import AnnotationSet, Relation
from ..model.schema import Schema
from .bidi import clip, rtl
from .theme import number


def describe_links(schema: Schema, relations: list[Relation], language: str) -> str:
    """How many links of which kinds: "2 links: Claimed by 1, Addressed to 1" (the
    schema's order; Persian digits in the Persian interface)."""
    counts = Counter(r.type for r in relations)
    order = [rt.id for rt in schema.relation_types]
    parts = []
    for type_id in sorted(counts, key=lambda t: (order.index(t) if t in order else len(order), t)):
        rt = schema.relation_type(type_id)
        parts.append(f"{rt.name(language) if rt else type_id} {number(counts[type_id])}")
    head = (
        QCoreApplication.translate("RelabelQuestion", "1 link")
        if len(relations) == 1
        else QCoreApplication.translate("RelabelQuestion", "%1 links")
    ).replace("%1", number(len(relations)))
    comma = "، " if language.startswith("fa") else ", "  # the Persian comma in Persian
    return f"{head}: {comma.join(parts)}"


def confirm_relabel(parent: QWidget, aset: AnnotationSet, span_id: str, label_id: str, language: str) -> bool:
    """True when the relabel removes no link, or the user chose to remove them."""
    dropped = aset.relabel_drops(span_id, label_id) if aset.has_span(span_id) else []
    label = aset.schema.label(label_id)
    if not dropped or label is None:
        return True
    box = QMessageBox(
        QMessageBox.Icon.Warning, QCoreApplication.translate("RelabelQuestion", "Relabel"), "", parent=parent
    )
    box.setObjectName("relabelQuestion")
    box.setText(
        QCoreApplication.translate("RelabelQuestion", "Relabel «%1» as “%2”? That removes %3.")
        .replace("%1", rtl(clip(aset.span(span_id).text, 50)))
        .replace("%2", label.name(language))
        .replace("%3", describe_links(aset.schema, dropped, language))
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "RelabelQuestion", "Those links do not fit the new label. Ctrl+Z would bring them back."
        )
    )
    remove = box.addButton(
        QCoreApplication.translate("RelabelQuestion", "Relabel and remove the links"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    remove.setObjectName("relabelRemoveLinks")
    keep = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is remove
