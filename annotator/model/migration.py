"""What a schema edit means for spans already made.

Renaming a label, an attribute or a choice value that spans use rewrites those spans;
removing one deletes the spans (a label) or the attribute values (an attribute, a value)
that use it. Nothing is dropped silently: `count` says how many spans an edit touches
before it is made, and `AnnotationSet.apply_schema` makes the whole of it one undoable
command. The same functions migrate the files of a project's other documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .span import Relation, Span


@dataclass(frozen=True)
class SchemaMigration:
    label_renames: dict[str, str] = field(default_factory=dict)  # old id -> new id
    label_removals: frozenset[str] = frozenset()  # spans with these labels are deleted
    attribute_renames: dict[str, str] = field(default_factory=dict)  # old key -> new key
    attribute_removals: frozenset[str] = frozenset()  # these keys are removed from spans
    value_renames: dict[tuple[str, str], str] = field(default_factory=dict)  # (key, old) -> new
    value_removals: frozenset[tuple[str, str]] = frozenset()  # (key, value): the value is removed
    relation_type_renames: dict[str, str] = field(default_factory=dict)
    relation_type_removals: frozenset[str] = frozenset()

    def is_empty(self) -> bool:
        return not any(
            (self.label_renames, self.label_removals, self.attribute_renames, self.attribute_removals,
             self.value_renames, self.value_removals, self.relation_type_renames, self.relation_type_removals)
        )  # fmt: skip

    def span(self, span: Span) -> Span | None:
        """The span after the edit; None when it is deleted; the same object when untouched."""
        if span.label in self.label_removals:
            return None
        label = self.label_renames.get(span.label, span.label)
        attributes = self._attributes(span.attributes)
        if label == span.label and attributes == span.attributes:
            return span
        return replace(span, label=label, attributes=attributes)

    def _attributes(self, attributes: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in attributes.items():
            if key in self.attribute_removals:
                continue
            if isinstance(value, str) and (key, value) in self.value_removals:
                continue
            if isinstance(value, str):
                value = self.value_renames.get((key, value), value)
            result[self.attribute_renames.get(key, key)] = value
        return dict(sorted(result.items()))

    def relation(self, relation: Relation) -> Relation | None:
        if relation.type in self.relation_type_removals:
            return None
        new_type = self.relation_type_renames.get(relation.type, relation.type)
        return relation if new_type == relation.type else replace(relation, type=new_type)


@dataclass(frozen=True)
class MigrationCount:
    spans_changed: int = 0
    spans_deleted: int = 0
    relations_changed: int = 0
    relations_deleted: int = 0
    documents: int = 0  # with at least one change

    def __add__(self, other: MigrationCount) -> MigrationCount:
        return MigrationCount(
            self.spans_changed + other.spans_changed,
            self.spans_deleted + other.spans_deleted,
            self.relations_changed + other.relations_changed,
            self.relations_deleted + other.relations_deleted,
            self.documents + other.documents,
        )

    @property
    def touched(self) -> int:
        return self.spans_changed + self.spans_deleted + self.relations_changed + self.relations_deleted


def count(migration: SchemaMigration, spans: list[Span], relations: list[Relation]) -> MigrationCount:
    """How many of these spans and relations the migration changes or deletes."""
    changed = deleted = rel_changed = rel_deleted = 0
    gone: set[str] = set()
    for span in spans:
        after = migration.span(span)
        if after is None:
            deleted += 1
            gone.add(span.id)
        elif after is not span:
            changed += 1
    for rel in relations:
        after_rel = migration.relation(rel)
        if after_rel is None or rel.source in gone or rel.target in gone:
            rel_deleted += 1
        elif after_rel is not rel:
            rel_changed += 1
    touched = deleted + changed + rel_changed + rel_deleted
    return MigrationCount(changed, deleted, rel_changed, rel_deleted, 1 if touched else 0)
