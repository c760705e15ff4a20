"""Edits that reach every annotation file of a project (or a folder of articles): a schema
migration (a label renamed or removed) and an entity merge (mentions relinked).

The open document is edited through its AnnotationSet (one command on its undo stack);
the other files are rewritten here, each atomically, and the bytes before and after are
kept in a `BulkEdit`, so the window can undo the whole step: a file is put back only when
it still holds what this edit wrote (someone else's later change is never overwritten;
such files are named instead).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Schema
from ..model.migration import MigrationCount, SchemaMigration, count
from ..model.span import Relation, Span
from . import jsonformat
from .atomic import write_atomic


@dataclass(frozen=True)
class FileEdit:
    path: Path
    before: bytes
    after: bytes


@dataclass
class BulkEdit:
    name: str
    files: list[FileEdit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # files that could not be read or written


def _read(path: Path) -> tuple[bytes, Any]:
    raw = jsonformat.read_bytes(path)
    return raw, jsonformat.parse(raw, path)


def _spans_relations(data: Any) -> tuple[list[Span], list[Relation]]:
    spans = [jsonformat.span_from_json(s) for s in data.get("spans", [])]
    relations = [
        Relation(str(r["id"]), str(r["type"]), str(r["from"]), str(r["to"])) for r in data.get("relations", [])
    ]
    return spans, relations


def count_in_files(paths: Iterable[Path], migration: SchemaMigration) -> tuple[MigrationCount, list[str]]:
    """How many spans and relations of these files a migration touches (and unreadable files)."""
    total = MigrationCount()
    problems: list[str] = []
    for path in paths:
        try:
            _raw, data = _read(path)
            total += count(migration, *_spans_relations(data))
        except (jsonformat.AnnotationFileError, KeyError, TypeError, ValueError) as exc:
            problems.append(str(exc).splitlines()[0])
    return total, problems


def _migrated(data: dict[str, Any], schema: Schema, migration: SchemaMigration) -> dict[str, Any]:
    spans, relations = _spans_relations(data)
    kept: dict[str, Span] = {}
    for span in spans:
        after = migration.span(span)
        if after is not None:
            kept[after.id] = after
    new_relations: list[Relation] = []
    for rel in relations:
        after_rel = migration.relation(rel)
        if after_rel is None or rel.source not in kept or rel.target not in kept:
            continue
        rt = schema.relation_type(after_rel.type)
        if rt is not None and rt.fits(kept[rel.source].label, kept[rel.target].label):
            new_relations.append(after_rel)
    result = dict(data)
    result["spans"] = [jsonformat.span_to_json(s) for s in sorted(kept.values(), key=lambda s: s.sort_key)]
    result["relations"] = [jsonformat.relation_to_json(r) for r in new_relations]
    return result


def _relinked(data: dict[str, Any], relinks: dict[str, str]) -> dict[str, Any]:
    result = dict(data)
    spans = []
    for item in data.get("spans", []):
        entity = item.get("entity")
        if entity in relinks:
            item = {k: v for k, v in item.items() if k != "entity"}
            if relinks[entity]:
                item["entity"] = relinks[entity]
        spans.append(item)
    result["spans"] = spans
    return result


def _rewrite(paths: Iterable[Path], name: str, change: Any) -> BulkEdit:
    edit = BulkEdit(name)
    for path in paths:
        try:
            before, data = _read(path)
            after = jsonformat.format_json(change(data)).encode("utf-8")
        except (jsonformat.AnnotationFileError, KeyError, TypeError, ValueError) as exc:
            edit.problems.append(str(exc).splitlines()[0])
            continue
        if after == before:
            continue
        try:
            write_atomic(path, after)
        except OSError as exc:
            edit.problems.append(f"{path}: cannot save: {exc.strerror or exc}")
            continue
        edit.files.append(FileEdit(path, before, after))
    return edit


def migrate_files(paths: Iterable[Path], schema: Schema, migration: SchemaMigration, name: str = "") -> BulkEdit:
    """Rewrite these annotation files for a schema edit (see AnnotationSet.apply_schema)."""
    return _rewrite(paths, name or "Edit labels and attributes", lambda data: _migrated(data, schema, migration))


def relink_files(paths: Iterable[Path], relinks: dict[str, str], name: str = "") -> BulkEdit:
    """Point mentions of entity `old` at `relinks[old]` ("" unlinks them) in these files."""
    return _rewrite(paths, name or "Relink mentions", lambda data: _relinked(data, relinks))


def revert(edit: BulkEdit) -> list[str]:
    """Put the files back as they were before the edit; lines for files changed since."""
    return _swap(edit, undo=True)


def reapply(edit: BulkEdit) -> list[str]:
    return _swap(edit, undo=False)


def _swap(edit: BulkEdit, undo: bool) -> list[str]:
    problems: list[str] = []
    for item in edit.files:
        expected, wanted = (item.after, item.before) if undo else (item.before, item.after)
        try:
            current = item.path.read_bytes()
        except OSError as exc:
            problems.append(f"{item.path}: cannot read: {exc.strerror or exc}")
            continue
        if current != expected:
            problems.append(f"{item.path}: changed since; left as it is")
            continue
        try:
            write_atomic(item.path, wanted)
        except OSError as exc:
            problems.append(f"{item.path}: cannot save: {exc.strerror or exc}")
    return problems
