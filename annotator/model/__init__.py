"""The domain model: pure Python, no Qt (a test imports it with PySide6 blocked)."""

from .annotation_set import AnnotationSet, Change, EditError, Status
from .commands import Command, UndoStack
from .document import Document, text_sha256
from .schema import (
    AttributeDef,
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
    "Change",
    "Command",
    "Document",
    "EditError",
    "Label",
    "LabelKind",
    "Relation",
    "RelationType",
    "Schema",
    "SchemaError",
    "Span",
    "Status",
    "UndoStack",
    "default_schema",
    "text_sha256",
]
