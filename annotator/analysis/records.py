"""Claims as records: one `ClaimRecord` per claim span, with the mentions it is linked to.

A claim is a span whose label is of kind `claim`. Its claimants, addressees and locations
are the spans its `claimed_by`, `addressed_to` and `located_in` relations point to. Each
such mention stands for a *node*: the entity it is linked to (`e12`), or, while it is not
linked, its own text folded Persian-aware (`mention:آمریکا`), so that networks and tables
count "آمريكا" and "آمریکا" as one actor even before the entity registry is used.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..io import entities as entity_files
from ..io.catalog import CatalogEntry
from ..io.jsonformat import AnnotationFileError
from ..io.project import IMPORT_ANNOTATOR, Project, ProjectError
from ..model import AnnotationSet, Span
from ..model.entities import Entity, EntityRegistry
from ..model.schema import LabelKind, Schema
from ..persian.dates import parse_date
from ..persian.match import fold

CLAIMED_BY = "claimed_by"
ADDRESSED_TO = "addressed_to"
LOCATED_IN = "located_in"
POSITION = "position"
TOPIC = "topic"
MENTION_PREFIX = "mention:"


class AnalysisError(ValueError):
    """Filters or a project that cannot be analysed; the message says why."""


@dataclass(frozen=True)
class Party:
    """A mention linked to a claim (or any entity mention of a document)."""

    node: str  # the entity id, or "mention:" + the folded text
    mention: str  # the span's text, as written
    label: str
    start: int
    end: int
    entity: Entity | None = None

    @property
    def name_fa(self) -> str:
        return self.entity.name_fa if self.entity else self.mention

    @property
    def name_en(self) -> str:
        return self.entity.name_en if self.entity else ""

    @property
    def type(self) -> str:
        return self.entity.type if self.entity else ""

    @property
    def display(self) -> str:
        """The name shown in a table or a chart: the canonical Persian name, else English,
        else the mention as written."""
        return self.display_in("fa")

    def display_in(self, language: str) -> str:
        """The entity's name in the interface's language where it has one."""
        if self.entity:
            return self.entity.name(language)
        return self.mention


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    title: str
    date: str  # as written (Jalali or Gregorian)
    date_gregorian: str  # ISO, "" when unknown
    source: str
    url: str


@dataclass
class ClaimRecord:
    document: DocumentInfo
    annotator: str
    claim: Span
    position: str
    topic: str
    claimants: list[Party] = field(default_factory=list)
    addressees: list[Party] = field(default_factory=list)
    locations: list[Party] = field(default_factory=list)

    @property
    def note(self) -> str:
        return self.claim.note


@dataclass
class Coding:
    """One annotator's work on one document: its claims and every entity mention."""

    document: DocumentInfo
    annotator: str
    status: str
    claims: list[ClaimRecord]
    mentions: list[Party]  # spans of entity labels (actors, locations ...), in text order
    text: str = ""  # the document's text (sentences and paragraphs for co-occurrence windows)


@dataclass(frozen=True)
class Filters:
    annotators: tuple[str, ...] = ()  # empty: every coder (see coders())
    status: str = ""  # "", "new", "in_progress" or "done"
    date_from: str = ""  # ISO Gregorian, inclusive
    date_to: str = ""  # ISO Gregorian, inclusive

    def dated(self) -> bool:
        return bool(self.date_from or self.date_to)

    def takes_date(self, iso: str) -> bool:
        if not self.dated():
            return True
        if not iso:  # a date filter keeps only dated documents
            return False
        return (not self.date_from or iso >= self.date_from) and (not self.date_to or iso <= self.date_to)


def iso_date(written: str, option: str) -> str:
    """A --from/--to value (ISO, or Jalali as news write it: ۱۴۰۲/۰۵/۱۲) as ISO Gregorian."""
    if not written:
        return ""
    try:
        return dt.date.fromisoformat(written.strip()).isoformat()
    except ValueError:
        pass
    parsed = parse_date(written)
    if parsed is None:
        raise AnalysisError(f"{option} {written!r}: not a date (use 2023-08-03 or ۱۴۰۲/۰۵/۱۲)")
    return parsed.iso


def make_filters(annotators: str | None, status: str | None, date_from: str | None, date_to: str | None) -> Filters:
    names = tuple(a.strip() for a in (annotators or "").split(",") if a.strip())
    if status and status not in ("new", "in_progress", "done"):
        raise AnalysisError(f"--status {status!r}: use new, in_progress or done")
    start, end = iso_date(date_from or "", "--from"), iso_date(date_to or "", "--to")
    if start and end and start > end:
        raise AnalysisError(f"--from {date_from} is after --to {date_to}")
    return Filters(names, status or "", start, end)


def coders(project: Project, filters: Filters) -> list[str]:
    """Whose files to read: the coders named, or every coder with a folder. The
    pre-annotations of an import (annotator "imported") count only when nobody else coded."""
    present = project.annotators()
    if filters.annotators:
        try:
            return list(dict.fromkeys(project.resolve_annotator(a) for a in filters.annotators))
        except ProjectError as exc:
            raise AnalysisError(str(exc)) from None
    coding = [a for a in present if a != IMPORT_ANNOTATOR]
    return coding or present


def load_registry(project: Project) -> EntityRegistry:
    path = project.path / entity_files.PROJECT_FILE
    if not path.exists():
        return EntityRegistry()
    try:
        return entity_files.load(path)
    except entity_files.EntityFileError as exc:
        raise AnalysisError(str(exc)) from None


def document_info(entry: CatalogEntry) -> DocumentInfo:
    return DocumentInfo(entry.id, entry.title, entry.date, entry.date_gregorian, entry.source, entry.url)


def mention_node(span: Span, registry: EntityRegistry) -> Party:
    entity = registry.get(span.entity) if span.entity else None
    # unlinked (or linked to an entity the registry lacks): the folded text
    node = entity.id if entity is not None else MENTION_PREFIX + " ".join(fold(span.text).split())
    return Party(node, span.text, span.label, span.start, span.end, entity)


def codings_of(aset: AnnotationSet, info: DocumentInfo, registry: EntityRegistry) -> Coding:
    """The claims and entity mentions of one annotation set."""
    schema: Schema = aset.schema
    kinds = {label.id: label.kind for label in schema.labels}
    by_id = {s.id: s for s in aset.spans()}
    roles: dict[str, dict[str, list[Party]]] = {}
    for rel in aset.relations():
        if rel.type in (CLAIMED_BY, ADDRESSED_TO, LOCATED_IN) and rel.target in by_id:
            roles.setdefault(rel.source, {}).setdefault(rel.type, []).append(mention_node(by_id[rel.target], registry))
    claims: list[ClaimRecord] = []
    mentions: list[Party] = []
    for span in aset.spans():
        if kinds.get(span.label) is LabelKind.CLAIM:
            linked = roles.get(span.id, {})
            claims.append(
                ClaimRecord(
                    info,
                    aset.annotator,
                    span,
                    _value(span.attributes.get(POSITION)),
                    _value(span.attributes.get(TOPIC)),
                    sorted(linked.get(CLAIMED_BY, []), key=_in_text),
                    sorted(linked.get(ADDRESSED_TO, []), key=_in_text),
                    sorted(linked.get(LOCATED_IN, []), key=_in_text),
                )
            )
        else:
            mentions.append(mention_node(span, registry))
    status = aset.status.value if hasattr(aset.status, "value") else str(aset.status)
    return Coding(info, aset.annotator, status, claims, mentions, aset.text)


def iter_codings(
    project: Project,
    filters: Filters,
    registry: EntityRegistry | None = None,
    left_out: list[str] | None = None,
) -> Iterator[Coding]:
    """Every (document, coder) that passes the filters, in catalogue order, then coder order.
    Only coders' own files count: a document a coder has not touched is not theirs.

    `left_out`: a file that cannot be read (damaged, refused) is skipped and its one-line
    reason appended there, so that one bad file costs the figures of that file, not of the
    project; without the list its AnnotationFileError is raised."""
    registry = registry if registry is not None else load_registry(project)
    names = coders(project, filters)
    # each coder's folder is listed once: a project of 100,000 articles with 200 coded is
    # 200 documents to read, not 100,000 catalogue copies and 100,000 file checks
    files = {annotator: _annotated(project, annotator) for annotator in names}
    # the catalogue in pages (Project.iter_entries): memory flat in the number of documents
    for entry in project.iter_entries():
        doc_id = entry.id
        if not any(doc_id in files[annotator] for annotator in names):
            continue
        info = document_info(entry)
        if not filters.takes_date(info.date_gregorian):
            continue
        document = None
        for annotator in names:
            if doc_id not in files[annotator] or not project.annotation_path(entry.id, annotator).exists():
                continue
            document = document or project.load_document(entry.id)
            try:
                aset = project.load_annotations(entry.id, annotator, document)
            except AnnotationFileError as exc:
                if left_out is None:
                    raise
                left_out.append(exc.first_line())
                continue
            coding = codings_of(aset, info, registry)
            if filters.status and coding.status != filters.status:
                continue
            yield coding


def _annotated(project: Project, annotator: str) -> set[str]:
    """The ids of the documents with a file in the annotator's folder."""
    folder = project.annotation_path("x", annotator).parent
    try:
        return {name[: -len(".json")] for name in os.listdir(folder) if name.endswith(".json")}
    except OSError:
        return set()


def iter_claims(
    project: Project, filters: Filters, registry: EntityRegistry | None = None, left_out: list[str] | None = None
) -> Iterator[ClaimRecord]:
    for coding in iter_codings(project, filters, registry, left_out):
        yield from coding.claims


def open_project(path: Path) -> Project:
    if not (path / "project.json").exists():
        raise AnalysisError(f"{path}: not a project folder (no project.json); analysis needs a project")
    try:
        return Project.open(path)
    except ProjectError as exc:
        raise AnalysisError(str(exc)) from None


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _in_text(party: Party) -> tuple[int, int]:
    return (party.start, party.end)


def distinct(parties: Iterable[Party]) -> list[Party]:
    """The parties with one per node, first seen first (a claim linked twice to one actor
    counts once)."""
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.node not in seen:
            seen.add(p.node)
            out.append(p)
    return out
