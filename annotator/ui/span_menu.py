"""The right-click menu of a span: relabel, note, relations (e.g. claimed by) and delete,
so that every edit can be made with the mouse as well as the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from ..model import AnnotationSet, Span
from .bidi import clip, rtl


class SpanMenu(QMenu):
    """Edits that need only the model are made here; the two that need the window (the note
    field, choosing the next current span after a delete) are asked for by signal."""

    noteRequested = Signal(str)  # span id
    deleteRequested = Signal(str)  # span id
    relabelRequested = Signal(str, str)  # span id, label id (the window asks before links go)

    def __init__(self, parent: QWidget, aset: AnnotationSet, span_id: str, language: str) -> None:
        super().__init__(parent)
        span = aset.span(span_id)
        relabel = self.addMenu(self.tr("Relabel as"))
        for label in aset.schema.labels:
            action = relabel.addAction(label.name(language))
            action.setEnabled(label.id != span.label)
            action.triggered.connect(lambda _=False, lid=label.id: self.relabelRequested.emit(span_id, lid))
        note = self.addAction(self.tr("Edit note"))
        note.triggered.connect(lambda: self.noteRequested.emit(span_id))
        for relation_type in aset.schema.relation_types:
            if relation_type.from_labels and span.label not in relation_type.from_labels:
                continue
            linked = {
                r.target for r in aset.relations_of(span_id) if r.type == relation_type.id and r.source == span_id
            }
            sub = self.addMenu(relation_type.name(language))
            for target in nearest_targets(aset, span, relation_type.to_labels):
                action = sub.addAction(rtl(clip(target.text, 50)))
                action.setCheckable(True)
                action.setChecked(target.id in linked)
                action.triggered.connect(
                    lambda checked, tid=target.id, tt=relation_type.id: link(aset, tt, span_id, tid, checked)
                )
            sub.setEnabled(not sub.isEmpty())
        self.addSeparator()
        delete = self.addAction(self.tr("Delete span"))
        delete.triggered.connect(lambda: self.deleteRequested.emit(span_id))


def link(aset: AnnotationSet, type_id: str, source: str, target: str, on: bool) -> None:
    """Draw or remove a relation (e.g. a claim claimed_by an actor)."""
    existing = [r for r in aset.relations_of(source) if (r.type, r.source, r.target) == (type_id, source, target)]
    if on and not existing:
        aset.add_relation(type_id, source, target)
    elif not on:
        for relation in existing:
            aset.remove_relation(relation.id)


def nearest_targets(aset: AnnotationSet, span: Span, labels: tuple[str, ...], count: int = 12) -> list[Span]:
    """Candidate ends of a relation: the spans closest to this one, in reading order."""
    candidates = [s for s in aset.spans() if s.id != span.id and (not labels or s.label in labels)]
    candidates.sort(key=lambda s: abs(s.start - span.start))
    return sorted(candidates[:count], key=lambda s: s.sort_key)
