"""What an export reads: a project's documents (or annotation files) and the CoNLL layers.

Shared by `annotator export` (annotator/clicmds/export.py) and the window's Export
(annotator/ui/project_session.py), so both write the same file for the same project.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["LAYER_SPECS", "Source", "conll_layers", "iter_project_coders", "iter_project_documents", "open_source"]


class Source:
    """The documents of what was named on the command line, with their count and schema."""

    def __init__(self, count: int, schema: Any, documents: Iterator[Any], skipped: dict[str, int]):
        self.count = count
        self.schema = schema
        self.documents = documents
        self.skipped = skipped  # what the conversion to original offsets could not keep
        # "FILE: problem" of each annotation file that cannot be read: left out of the export
        # (the rest is written), filled while `documents` is read
        self.left_out: list[str] = []


def open_source(path: Path, annotator: str | None, original_offsets: bool, several: bool = False) -> Source:
    """Raise SystemExit-worthy ValueError with a message when the path cannot be exported.

    several: the format holds several coders per document (Label Studio): without
    `annotator`, or with `A,B`, a project's documents come with every (named) coder's set.
    """
    if (path / "project.json").exists():
        if several and (annotator is None or "," in annotator):
            return iter_project_coders(path, annotator, original_offsets)
        return iter_project_documents(path, annotator, original_offsets, known_only=True)
    return _annotation_files(path, original_offsets)


def iter_project_documents(
    path: Path, annotator: str | None, original_offsets: bool, known_only: bool = False
) -> Source:
    """known_only: `annotator` must be one of the project's (`export --annotator`: a
    misspelt name wrote nobody's work); the window exports its coder's view, their
    files or, before they have any, what the import brought."""
    from .formats import from_annotation_set
    from .project import IMPORT_ANNOTATOR, Project, ProjectError

    try:
        project = Project.open(path)
    except ProjectError as exc:
        raise ValueError(str(exc)) from None
    names = project.annotators()
    if annotator is None:
        if len(names) > 1:
            raise ValueError(f"{path}: annotations by {', '.join(names)}: choose one with --annotator")
        annotator = names[0] if names else IMPORT_ANNOTATOR
    elif known_only:
        try:
            annotator = project.resolve_annotator(annotator)
        except ProjectError as exc:
            raise ValueError(str(exc)) from None
    from .jsonformat import AnnotationFileError

    skipped: dict[str, int] = {}

    def documents() -> Iterator[Any]:
        # the ids in pages of the catalogue (Project.iter_entries), not a list of them all
        for entry in project.iter_entries():
            try:
                aset = project.load_annotations(entry.id, annotator)
            except AnnotationFileError as exc:
                source.left_out.append(exc.first_line())
                continue
            record = from_annotation_set(aset)
            if original_offsets:
                _to_original(project, record, skipped)
            yield record

    source = Source(len(project), project.schema, documents(), skipped)
    return source


def iter_project_coders(path: Path, annotators: str | None, original_offsets: bool) -> Source:
    """Each document once, with the sets of the coders who have a file for it: the first as
    the record, the others as its `more_coders` (annotators: "A,B", else every annotator
    of the project, `curated` and `imported` included)."""
    from .formats import from_annotation_set
    from .jsonformat import AnnotationFileError
    from .project import Project, ProjectError

    try:
        project = Project.open(path)
        names = project.annotators()
        if annotators is not None:
            names = list(dict.fromkeys(project.resolve_annotator(a) for a in annotators.split(",") if a.strip()))
    except ProjectError as exc:
        raise ValueError(str(exc)) from None
    skipped: dict[str, int] = {}

    def documents() -> Iterator[Any]:
        for entry in project.iter_entries():
            records = []
            for name in names:
                if not project.annotation_path(entry.id, name).exists():
                    continue
                try:
                    record = from_annotation_set(project.load_annotations(entry.id, name))
                except AnnotationFileError as exc:
                    source.left_out.append(exc.first_line())
                    continue
                if original_offsets:
                    _to_original(project, record, skipped)
                records.append(record)
            if not records:  # nobody's work yet: the text alone, with no annotation
                from ..model import AnnotationSet

                record = from_annotation_set(AnnotationSet(project.load_document(entry.id), "", project.schema))
                if original_offsets:
                    _to_original(project, record, skipped)
                records = [record]
            records[0].more_coders = records[1:]
            yield records[0]

    source = Source(len(project), project.schema, documents(), skipped)
    return source


def _to_original(project: Any, record: Any, skipped: dict[str, int]) -> None:
    """Put the record on the text as imported: the source file's text as decoded when the
    project kept it (a text file with a BOM, CRLF or blank space around the text), else the
    text before normalization; spans and tokens mapped through the project's maps."""
    doc_id = record.document.id
    if project.offset_map(doc_id) is None and project.file_map(doc_id) is None:
        return
    record.document.text = project.text_as_in_file(doc_id)
    kept = []
    for span in record.spans:
        span.start, span.end = project.file_offsets(doc_id, span.start, span.end)
        if span.end > span.start:
            kept.append(span)
        else:
            what = "spans with no original text (made of normalization's insertions)"
            skipped[what] = skipped.get(what, 0) + 1
    ids = {s.id for s in kept}
    record.spans = kept
    record.relations = [r for r in record.relations if r.source in ids and r.target in ids]
    if record.tokens is not None:
        record.tokens = [project.file_offsets(doc_id, s, e) for s, e in record.tokens]


def _annotation_files(path: Path, original_offsets: bool = False) -> Source:
    from . import jsonformat
    from .article import SUFFIX, schema_for_folder
    from .formats import from_annotation_set

    if path.is_dir():
        files = sorted(path.glob(f"*{SUFFIX}"))
        if not files:
            raise ValueError(f"{path}: no project.json and no *{SUFFIX} files")
    elif path.exists():
        files = [path]
    else:
        raise ValueError(f"{path}: no such file or folder")
    schema = schema_for_folder(files[0].parent)

    def documents() -> Iterator[Any]:
        for file in files:
            try:
                aset = jsonformat.load(file, schema)
            except jsonformat.AnnotationFileError as exc:
                source.left_out.append(exc.first_line())
                continue
            record = from_annotation_set(aset)
            if original_offsets:
                _to_article_file(file, record, skipped)
            yield record

    skipped: dict[str, int] = {}
    source = Source(len(files), schema, documents(), skipped)
    return source


def _to_article_file(annotation_file: Path, record: Any, skipped: dict[str, int]) -> None:
    """Put the record on the text of the article file beside its annotation file (the
    window's ARTICLE.txt -> ARTICLE.annotations.json), as decoded: BOM and CRs kept."""
    from .importers.base import clean_text_mapped
    from .textfile import TextFileError, read_text_file

    name = str(record.document.metadata.get("source", ""))
    article = annotation_file.parent / name
    if not name or "/" in name or "\\" in name or not article.is_file():
        what = "documents with no article file beside them (written with their own text and offsets)"
        skipped[what] = skipped.get(what, 0) + 1
        return
    try:
        as_in_file, _encoding = read_text_file(article, as_in_file=True)
    except TextFileError:
        as_in_file = ""
    text, mapping = clean_text_mapped(as_in_file, strip=False)
    if text != record.document.text:
        what = "documents whose article file changed since (written with their own text and offsets)"
        skipped[what] = skipped.get(what, 0) + 1
        return
    if mapping is None:
        return
    record.document.text = as_in_file
    for span in record.spans:
        span.start, span.end = mapping.span_to_original(span.start, span.end)
    if record.tokens is not None:
        record.tokens = [mapping.span_to_original(s, e) for s, e in record.tokens]


LAYER_SPECS = ("entities", "one", "kinds")
"""--layers values besides label groups (`actor,location/claim`)."""


def conll_layers(spec: str, schema: Any) -> list[list[str]] | None:
    """The --layers option as label groups, one tag column each; None: one column of every label.

    `entities` (the default): one column of the entity labels, what CoNLL readers
    (seqeval, spaCy's convert, conllu) read; claims are left out and counted. `one`: one
    column of every label (the outermost span kept where they nest). `kinds`: a column
    per label kind (entities, then claims).
    """
    if spec == "one":
        return None
    if spec == "entities":
        return [[label.id for label in schema.labels if str(label.kind) == "entity"]]
    if spec == "kinds":
        groups: dict[str, list[str]] = {}
        for label in schema.labels:
            groups.setdefault(str(label.kind), []).append(label.id)
        return list(groups.values()) if len(groups) > 1 else None
    return [[x.strip() for x in group.split(",") if x.strip()] for group in spec.split("/")]
