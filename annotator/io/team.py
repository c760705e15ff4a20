"""A team of coders on one project: who they are, how far they agree, the merged result.

Agreement figures come from annotator.model.agreement; this module reads the coders'
files from a project (docs/team.md). The annotator `curated` is reserved for the
adjudicated annotations (curation in the window, `annotator merge`), and `imported` for
what an import brought: neither is a coder unless named explicitly.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..model import AnnotationSet, Document, Schema, Span
from ..model.agreement import CoderAnnotations, Report, SpanKey, compare
from . import jsonformat
from .catalog import ANNOTATIONS_DIR
from .names import CURATED, is_reserved, journal_path
from .project import DEFAULT_ANNOTATOR, Project, ProjectError, safe_name

ENTITY_KEY = "(entity)"  # a mention's entity link, in attribute agreement


def coders(project: Project) -> list[str]:
    """The project's coders: every annotator with an annotation file, except the reserved
    ones (an empty folder, made when someone opened a document, is nobody's work yet)."""
    return [name for name in project.annotators() if not is_reserved(name) and has_files(project, name)]


def has_files(project: Project, name: str) -> bool:
    """Whether an annotator's folder holds an annotation file (curation makes the folder
    before its first decision)."""
    try:
        with os.scandir(project.path / ANNOTATIONS_DIR / safe_name(name, DEFAULT_ANNOTATOR)) as found:
            return any(e.name.endswith(".json") and not e.name.startswith(".") for e in found)
    except OSError:
        return False


def default_coder(project: Project, current: str) -> str:
    """Whose claims the window counts first: the curated set when it has files, else the
    current coder's, else the only annotator; "" (every coder pooled) only when none fits."""
    names = project.annotators()
    if CURATED in names and has_files(project, CURATED):
        return CURATED
    if current in names and current != CURATED:
        return current
    return names[0] if len(names) == 1 else ""


def resolve_annotators(project: Project, names: Sequence[str] | None) -> list[str]:
    """The coders to compare: the given names (checked: Project.resolve_annotator), or every
    coder of the project. Raises ProjectError naming an unknown one."""
    if not names:
        return coders(project)
    chosen = [project.resolve_annotator(name) for name in names]
    return list(dict.fromkeys(chosen))


def reduce(aset: AnnotationSet) -> CoderAnnotations:
    """What agreement compares of an annotation set: span keys, relations by their ends,
    and span attributes."""
    key = {s.id: (s.label, s.start, s.end) for s in aset.spans()}
    return CoderAnnotations(
        spans=list(key.values()),
        relations=[(r.type, key[r.source], key[r.target]) for r in aset.relations()],
        # the entity link is compared like an attribute ("(entity)": ids of the shared registry)
        attributes={
            key[s.id]: {**s.attributes, **({ENTITY_KEY: s.entity} if s.entity else {})}
            for s in aset.spans()
            if s.attributes or s.entity
        },
    )


@dataclass
class Collected:
    texts: dict[str, str] = field(default_factory=dict)
    annotations: dict[str, dict[str, CoderAnnotations]] = field(default_factory=dict)
    sets: dict[str, dict[str, AnnotationSet]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # "FILE: problem", files left out


def collect(
    project: Project,
    annotators: Sequence[str],
    minimum: int = 2,
    keep_sets: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Collected:
    """Every document that at least `minimum` of the annotators have a file for, with
    their annotations. A file that cannot be read is reported and left out."""
    schema = project.schema
    found = Collected()
    ids = project.document_ids()
    for n, doc_id in enumerate(ids):
        if progress is not None:
            progress(n, len(ids))
        paths = {c: project.annotation_path(doc_id, c) for c in annotators}
        present = {c: p for c, p in paths.items() if os.path.exists(p)}
        if len(present) < minimum:
            continue
        try:
            document = project.load_document(doc_id)
        except ProjectError as exc:
            found.problems.append(str(exc))
            continue
        by_coder: dict[str, CoderAnnotations] = {}
        sets: dict[str, AnnotationSet] = {}
        for coder, path in present.items():
            try:
                aset = jsonformat.load(path, schema, document)
            except jsonformat.AnnotationFileError as exc:
                found.problems.append(exc.problems[0].line(path) if exc.problems else str(exc))
                continue
            except OSError as exc:
                found.problems.append(f"{path}: cannot read: {exc.strerror or exc}")
                continue
            by_coder[coder] = reduce(aset)
            if keep_sets:
                sets[coder] = aset
        if len(by_coder) >= minimum:
            found.texts[doc_id] = document.text
            found.annotations[doc_id] = by_coder
            if keep_sets:
                found.sets[doc_id] = sets
    return found


def agreement(
    project: Project,
    annotators: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Report, list[str]]:
    """The agreement report of a project, and the files that had to be left out.
    Raises ProjectError for an unknown annotator or fewer than two coders."""
    chosen = resolve_annotators(project, annotators)
    if len(chosen) < 2:
        raise ProjectError(f"{project.path}: agreement needs two or more coders (found: {', '.join(chosen) or 'none'})")
    if labels is not None:
        known = [lb.id for lb in project.schema.labels]
        unknown = [lb for lb in labels if lb not in known]
        if unknown:
            raise ProjectError(f"{project.path}: no label {unknown[0]!r} (labels: {', '.join(known)})")
    else:
        labels = None
    found = collect(project, chosen, progress=progress)
    if labels is None:
        used = {s[0] for by in found.annotations.values() for a in by.values() for s in a.spans}
        labels = [lb.id for lb in project.schema.labels if lb.id in used]
    return compare(found.texts, found.annotations, chosen, labels), found.problems


# ---- merging into the curated set -------------------------------------------------------


@dataclass
class MergeReport:
    documents: int = 0  # documents whose curated file changed
    spans: int = 0
    relations: int = 0
    problems: list[str] = field(default_factory=list)
    # what fewer than K coders agree on, left for curation: (kind, "where: what") with
    # kind "span", "attribute" or "link" (docs/team.md)
    undecided: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"{self.spans} span(s) and {self.relations} relation(s) added in {self.documents} document(s)",
            *self.problems,
        ]

    def undecided_lines(self) -> list[str]:
        """A count line, and where each undecided item is (none when all was decided)."""
        if not self.undecided:
            return []
        count = {kind: sum(1 for k, _ in self.undecided if k == kind) for kind in ("span", "attribute", "link")}
        head = (
            f"left for curation (fewer than K coders agree): {count['span']} span(s), "
            f"{count['attribute']} attribute value(s), {count['link']} link(s)"
        )
        return [head, *(f"  {where}" for _, where in self.undecided)]


def load_curated(project: Project, document: Document, name: str = CURATED) -> AnnotationSet:
    """The curated annotations of a document, or an empty set (never the imported ones)."""
    path = project.annotation_path(document.id, name)
    if path.exists():
        return jsonformat.load(path, project.schema, document)
    return AnnotationSet(document, name, project.schema)


def agreed_items(
    sets: dict[str, AnnotationSet], min_agree: int | None
) -> tuple[list[SpanKey], list[tuple[str, SpanKey, SpanKey]], int]:
    """Spans and relations on which at least K coders agree exactly (K: `min_agree`, or
    every coder with a file when None), and K."""
    k = len(sets) if min_agree is None else min_agree
    span_votes, relation_votes = _votes(sets)
    spans = sorted(s for s, v in span_votes.items() if len(v) >= k)
    relations = sorted(r for r, v in relation_votes.items() if len(v) >= k)
    return spans, relations, k


def _votes(
    sets: dict[str, AnnotationSet],
) -> tuple[dict[SpanKey, list[str]], dict[tuple[str, SpanKey, SpanKey], list[str]]]:
    """Who marked each span and each relation."""
    span_votes: dict[SpanKey, list[str]] = {}
    relation_votes: dict[tuple[str, SpanKey, SpanKey], list[str]] = {}
    for coder, aset in sets.items():
        reduced = reduce(aset)
        for span in dict.fromkeys(reduced.spans):
            span_votes.setdefault(span, []).append(coder)
        for rel in dict.fromkeys(reduced.relations):
            relation_votes.setdefault(rel, []).append(coder)
    return span_votes, relation_votes


UNSET = ""  # an attribute a coder left unset, or a mention not linked to an entity


def _feature_values(span: Span) -> dict[str, str]:
    values = {k: str(v) for k, v in span.attributes.items() if v not in (None, "")}
    if span.entity:
        values[ENTITY_KEY] = span.entity
    return values


def voted_features(
    sets: dict[str, AnnotationSet], spans: Sequence[SpanKey], k: int | None = None
) -> tuple[dict[SpanKey, Span], list[tuple[SpanKey, str, dict[str, str]]]]:
    """For each span, the attribute values (and entity link) that at least K of its coders
    gave alike (K None: all of them), as templates; and the features left undecided:
    (span, feature, {coder: value}) where no one value (unset counts as one) has K votes,
    or more than one has."""
    wanted = set(spans)
    found: dict[SpanKey, dict[str, Span]] = {}
    for coder, aset in sets.items():
        for span in aset.spans():
            key = (span.label, span.start, span.end)
            if key in wanted:
                found.setdefault(key, {}).setdefault(coder, span)
    templates: dict[SpanKey, Span] = {}
    undecided: list[tuple[SpanKey, str, dict[str, str]]] = []
    for key, versions in found.items():
        need = len(versions) if k is None else k
        values = {coder: _feature_values(span) for coder, span in versions.items()}
        chosen: dict[str, str] = {}
        for feature in sorted({f for v in values.values() for f in v}):
            given = {coder: v.get(feature, UNSET) for coder, v in values.items()}
            tally: dict[str, int] = {}
            for value in given.values():
                tally[value] = tally.get(value, 0) + 1
            winners = [value for value, votes in tally.items() if votes >= need]
            if len(winners) == 1:
                if winners[0] != UNSET:
                    chosen[feature] = winners[0]
            else:
                undecided.append((key, feature, given))
        entity = chosen.pop(ENTITY_KEY, "")
        attributes = {a: first_value(versions, a, v) for a, v in chosen.items()}
        templates[key] = Span("", key[0], key[1], key[2], "", attributes, "", entity=entity)
    return templates, undecided


def first_value(versions: dict[str, Span], attribute: str, value: str) -> object:
    """The value as a coder stored it (a number stays a number), from its string."""
    for span in versions.values():
        stored = span.attributes.get(attribute)
        if stored is not None and str(stored) == value:
            return stored
    return value


def agreed_templates(sets: dict[str, AnnotationSet], spans: Sequence[SpanKey]) -> dict[SpanKey, Span]:
    """For each agreed span, what all its coders also agree on: the attribute values all
    of them gave alike (a claim's position, topic …) and the entity link, when the same."""
    return voted_features(sets, spans)[0]


def prefill(
    aset: AnnotationSet,
    spans: Sequence[SpanKey],
    relations: Sequence[tuple[str, SpanKey, SpanKey]],
    templates: dict[SpanKey, Span] | None = None,
) -> None:
    """Put agreed spans (with the attributes their coders agree on) and relations into a
    curated set as one undoable edit; what it already has stays."""
    aset.replace_spans("Merge agreed spans", [], spans, "merge", templates=templates, relations=relations)


def agreed_set(
    document: Document, schema: Schema, sets: dict[str, AnnotationSet], name: str = CURATED
) -> AnnotationSet:
    """A new curated set holding what every coder with a file agrees on (INCEpTION's
    auto-merge on first opening), outside the undo history: a start, not an edit."""
    aset = AnnotationSet(document, name, schema)
    if len(sets) < 2:
        return aset
    spans, relations, _ = agreed_items(sets, None)
    try:
        prefill(aset, spans, relations, agreed_templates(sets, spans))
    except ValueError:
        return AnnotationSet(document, name, schema)  # a span the schema refuses: start empty
    fresh = AnnotationSet(document, name, schema)
    fresh.load(aset.spans(), aset.relations())  # the same content, no undo history, status new
    return fresh


def coder_sets(
    project: Project, document: Document, annotators: Sequence[str]
) -> tuple[dict[str, AnnotationSet], list[str]]:
    """The coders' annotation sets on a document (those with a file), and problems."""
    sets: dict[str, AnnotationSet] = {}
    problems: list[str] = []
    for coder in annotators:
        path = project.annotation_path(document.id, coder)
        if not path.exists():
            continue
        try:
            sets[coder] = jsonformat.load(path, project.schema, document)
        except jsonformat.AnnotationFileError as exc:
            problems.append(exc.problems[0].line(path) if exc.problems else str(exc))
        except OSError as exc:
            problems.append(f"{path}: cannot read: {exc.strerror or exc}")
    return sets, problems


def merge(
    project: Project,
    into: str = CURATED,
    annotators: Sequence[str] | None = None,
    min_agree: int | None = None,
) -> MergeReport:
    """Pre-fill `into` with the spans (and relations) on which at least `min_agree` coders
    agree exactly; disagreements are left for curation, and what the curated files
    already hold is kept. A curated file with unsaved edits (a journal) is left alone."""
    chosen = [c for c in resolve_annotators(project, annotators) if safe_name(c) != safe_name(into)]
    if min_agree is not None and min_agree < 1:
        raise ProjectError(f"--min-agree must be 1 or more, not {min_agree}")
    if min_agree is not None and min_agree > len(chosen):
        # nothing could ever be merged: said, not "0 span(s) added" and success
        raise ProjectError(
            f"{project.path}: --min-agree {min_agree} needs {min_agree} coders, and there are "
            f"{len(chosen)} ({', '.join(chosen) or 'none'})"
        )
    report = MergeReport()
    found = collect(project, chosen, minimum=max(1, min(min_agree or 2, 2)), keep_sets=True)
    report.problems += found.problems
    most = max((len(sets) for sets in found.sets.values()), default=0)
    needed = 1 if min_agree == 1 else max(2, min_agree or 2)  # as collect() and agreed_items() count
    if most < needed:
        report.problems.append(
            f"{project.path}: nothing to merge: no document was coded by {needed} or more of "
            f"{', '.join(chosen) or 'no coders'}"
            + (f" (at most {most} on one document)" if most else "")
        )
        return report
    for doc_id, sets in found.sets.items():
        spans, relations, k = agreed_items(sets, min_agree)
        if len(sets) < k:
            continue
        templates, open_features = voted_features(sets, spans, k)
        report.undecided += _undecided(doc_id, sets, spans, relations, k, open_features)
        if not spans:
            continue
        path = project.annotation_path(doc_id, into)
        if journal_path(path).exists():
            report.problems.append(f"{journal_path(path)}: unsaved edits of {into}; open the document first")
            continue
        document = next(iter(sets.values())).document
        try:
            target = load_curated(project, document, into)
        except jsonformat.AnnotationFileError as exc:
            report.problems.append(exc.problems[0].line(path) if exc.problems else str(exc))
            continue
        before_spans, before_relations = target.span_count(), len(target.relations())
        target.annotator = into
        prefill(target, spans, relations, templates)
        new_spans = target.span_count() - before_spans
        new_relations = len(target.relations()) - before_relations
        if new_spans or new_relations:
            project.save_annotations(target)
            report.documents += 1
            report.spans += new_spans
            report.relations += new_relations
    return report


def _undecided(
    doc_id: str,
    sets: dict[str, AnnotationSet],
    spans: Sequence[SpanKey],
    relations: Sequence[tuple[str, SpanKey, SpanKey]],
    k: int,
    open_features: Sequence[tuple[SpanKey, str, dict[str, str]]],
) -> list[tuple[str, str]]:
    """Where merge could not decide (fewer than K coders agree): spans, the attribute
    values and entity links of merged spans, and links from or to merged spans."""
    text = next(iter(sets.values())).text
    span_votes, relation_votes = _votes(sets)
    merged, taken = set(spans), set(relations)

    def where(key: SpanKey) -> str:
        words = text[key[1] : key[2]].replace("\n", " ")
        return f"{doc_id} {key[1]}-{key[2]} {key[0]} «{words if len(words) <= 40 else words[:39] + '…'}»"

    def coders_of(votes: Sequence[str]) -> str:
        return ", ".join(votes)

    found: list[tuple[str, str]] = []
    for key in sorted(span_votes, key=lambda s: (s[1], s[2], s[0])):
        if key not in merged:
            found.append(("span", f"{where(key)}: marked by {coders_of(span_votes[key])} of {len(sets)}"))
    for key, feature, given in open_features:
        values = ", ".join(f"{coder} {value or 'unset'}" for coder, value in given.items())
        found.append(("attribute", f"{where(key)}: {feature}: {values}"))
    for rel, votes in sorted(relation_votes.items()):
        rtype, source, target = rel
        if rel not in taken and (source in merged or target in merged):
            found.append(("link", f"{where(source)} {rtype} {where(target).split(' ', 1)[1]}: by {coders_of(votes)}"))
    return found
