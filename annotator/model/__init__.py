"""The domain model: pure Python, no Qt (a test imports it with PySide6 blocked)."""

from typing import TYPE_CHECKING, Any

from .annotation_set import AnnotationSet, Change, DocumentDone, EditError, Status
from .document import Document, text_sha256
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
from .undo import UndoStack

if TYPE_CHECKING:
    from .commands import Command
    from .entities import Entity, EntityError, EntityRegistry
    from .migration import MigrationCount, SchemaMigration

_LATER = {"Entity", "EntityError", "EntityRegistry"}  # the claims panels' (after the first frame)
_MIGRATION = {"MigrationCount", "SchemaMigration"}  # a schema edit's


def __getattr__(name: str) -> Any:
    # imported when first asked for: ~3 ms of the program's start each (entities with persian.match)
    if name in _LATER:
        from . import entities

        return getattr(entities, name)
    if name in _MIGRATION:
        from . import migration

        return getattr(migration, name)
    if name == "Command":  # an edit's (annotation_set.py loads commands at the first one)
        from .commands import Command

        return Command
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AnnotationSet",
    "AttributeDef",
    "AttributeType",
    "Change",
    "Choice",
    "Command",
    "Document",
    "DocumentDone",
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
