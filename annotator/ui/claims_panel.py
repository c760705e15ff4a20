"""Claims by actor: each entity (or actor mention without one) with its claims under it,
position and topic, for the current document or the whole project; choosing a claim
opens its document at it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..model import AnnotationSet, Schema
from ..model.span import Relation, Span
from .inspector import isolate, short
from .lazy_panel import LazyPanel

if TYPE_CHECKING:
    from .claims_context import ClaimsContext


@dataclass(frozen=True)
class ClaimRow:
    doc_id: str
    span_id: str
    text: str
    position: str
    topic: str
    actor_key: str  # an entity id, or "mention:<text>" for an actor not linked to one
    actor_text: str


def claims_of(doc_id: str, spans: list[Span], relations: list[Relation]) -> list[ClaimRow]:
    """One row per (claim, claimant); a claim without a claimant under "no claimant"."""
    by_id = {s.id: s for s in spans}
    rows: list[ClaimRow] = []
    claimants: dict[str, list[Span]] = {}
    for rel in relations:
        if rel.type == "claimed_by" and rel.source in by_id and rel.target in by_id:
            claimants.setdefault(rel.source, []).append(by_id[rel.target])
    for span in spans:
        if span.label != "claim":
            continue
        position = str(span.attributes.get("position", ""))
        topic = str(span.attributes.get("topic", ""))
        for actor in claimants.get(span.id, []) or [None]:
            if actor is None:
                key, text = "", ""
            else:
                key = actor.entity or f"mention:{' '.join(actor.text.split())}"
                text = actor.text
            rows.append(ClaimRow(doc_id, span.id, span.text, position, topic, key, text))
    return rows


class ClaimsPanel(LazyPanel):
    def __init__(self, controller: ClaimsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsPanel")
        self.controller = controller
        self.scope = QComboBox(self)
        self.scope.setObjectName("claimsScope")
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("claimsTree")
        self.tree.setColumnCount(3)
        self.tree.itemActivated.connect(self._activated)
        # the claim's text takes what position and topic leave (and is cut with an ellipsis)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def retranslate(self) -> None:
        index = self.scope.currentIndex()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItems([self.tr("This document"), self.tr("Whole project")])
        self.scope.setCurrentIndex(max(index, 0))
        self.scope.blockSignals(False)
        self.tree.setHeaderLabels([self.tr("Actor / claim"), self.tr("Position"), self.tr("Topic")])
        self.refresh_when_shown()  # a hidden panel is built when shown, in the language of then

    def document_changed(self) -> None:
        if self.scope.currentIndex() == 0:
            self.refresh_when_shown()

    def rows(self) -> list[ClaimRow]:
        aset = self.controller.aset
        rows: list[ClaimRow] = []
        current_doc = aset.document.id if aset is not None else ""
        if aset is not None:
            rows += claims_of(current_doc, aset.spans(), aset.relations())
        session = self.controller.host.session
        if self.scope.currentIndex() == 1 and session is not None:
            from ..io import jsonformat

            for doc_id, path in session.project.annotation_files():
                if (
                    doc_id == current_doc
                    or path.parent != session.project.annotation_path(doc_id, session.annotator).parent
                ):
                    continue
                try:
                    data: Any = json.loads(path.read_text(encoding="utf-8"))
                    spans = [jsonformat.span_from_json(s) for s in data.get("spans", [])]
                    relations = [Relation(r["id"], r["type"], r["from"], r["to"]) for r in data.get("relations", [])]
                except (OSError, ValueError, KeyError, TypeError, AttributeError):
                    continue
                rows += claims_of(doc_id, spans, relations)
        return rows

    def refresh(self) -> None:
        self._stale = False
        aset: AnnotationSet | None = self.controller.aset
        schema: Schema | None = aset.schema if aset is not None else None
        language = self.controller.host.language
        registry = self.controller.registry
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for row in sorted(self.rows(), key=lambda r: (r.actor_key == "", r.actor_key, r.doc_id)):
            group = groups.get(row.actor_key)
            if group is None:
                if not row.actor_key:
                    name = self.tr("(no claimant)")
                elif row.actor_key.startswith("mention:"):
                    name = self.tr("%1 (no entity)").replace("%1", row.actor_key[len("mention:") :])
                else:
                    entity = registry.get(row.actor_key)
                    name = entity.name(language) if entity else row.actor_key
                group = QTreeWidgetItem([name, "", ""])
                group.setFirstColumnSpanned(False)
                self.tree.addTopLevelItem(group)
                groups[row.actor_key] = group
            item = QTreeWidgetItem(
                [
                    isolate(short(row.text, 40)),
                    self._value(schema, "position", row.position, language),
                    self._value(schema, "topic", row.topic, language),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, (row.doc_id, row.span_id))
            item.setToolTip(0, row.text)
            group.addChild(item)
        for group in groups.values():
            group.setText(0, f"{group.text(0)}  ({group.childCount()})")
        self.tree.expandAll()

    @staticmethod
    def _value(schema: Schema | None, key: str, value: str, language: str) -> str:
        if not value or schema is None:
            return value
        definition = schema.attribute(key, "claim")
        return definition.value_name(value, language) if definition else value

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if not data:
            return
        doc_id, span_id = data
        host = self.controller.host
        session = host.session
        aset = self.controller.aset
        if session is not None and (aset is None or aset.document.id != doc_id) and not session.open_document(doc_id):
            return
        host.reveal_span(span_id)
