"""The domain model: pure Python, no Qt (a test imports it with PySide6 blocked)."""

from .annotation_set import AnnotationSet, Change, EditError, Status
from .commands import Command, UndoStack
from .document import Document, text_sha256
from .entities import Entity, EntityError, EntityRegistry
from .migration import MigrationCount, SchemaMigration
from .schema import (
    AttributeDef,
    AttributeType,
    Choice,
    Label,
    LabelKind,
    RelationType,
    Schema,
    SchemaError,
    default_schema,
)
from .span import Relation, Span

__all__ = [
    "AnnotationSet",
    "AttributeDef",
    "AttributeType",
    "Change",
    "Choice",
    "Command",
    "Document",
    "EditError",
    "Entity",
    "EntityError",
    "EntityRegistry",
    "Label",
    "LabelKind",
    "MigrationCount",
    "Relation",
    "RelationType",
    "Schema",
    "SchemaError",
    "SchemaMigration",
    "Span",
    "Status",
    "UndoStack",
    "default_schema",
    "text_sha256",
]
