"""annotator export PROJECT --format F --out PATH: write annotations in an interchange format.

PROJECT is a project folder, a single annotation file, or a folder of *.annotations.json
files. A progress line goes to stderr when it is a terminal; the summary says how many
documents were written and what the format could not hold, so nothing is dropped silently.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

HELP = "write a project's annotations as JSON Lines, brat, CoNLL, doccano, Label Studio ..."

FORMAT_OPTIONS = {
    "separator": "CoNLL column separator: space, tab or pipe (default: as read, else space)",
    "tag_style": "CoNLL tag style: B- or B_ (default: as read, else B-)",
    "variant": "doccano variant: label or relations (default: as read, else label)",
    "key": "spaCy list: spans (overlaps allowed) or ents (outermost kept)",
    "offsets": "doccano offsets: utf16 (what doccano's annotation view counts; the default) or codepoints",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..io import formats

    parser.add_argument("project", metavar="PROJECT", help="project folder or annotation file(s)")
    from . import export_analysis

    parser.add_argument(
        "--format", required=True, choices=[*formats.names(writable=True), *export_analysis.FORMATS], help="the format"
    )
    parser.add_argument("--out", required=True, metavar="PATH", help="file (or folder for json, brat, webanno)")
    parser.add_argument("--annotator", default=None, help="whose annotations (needed when a project has several)")
    parser.add_argument(
        "--original-offsets",
        action="store_true",
        help="write the text as imported (before normalization) with offsets mapped onto it",
    )
    parser.add_argument(
        "--layers",
        default="kinds",
        metavar="SPEC",
        help="CoNLL tag columns: 'kinds' (one per label kind: entities, claims; the default), "
        "'one' (a single column), or label groups like 'actor,location/claim'",
    )
    for key, text in FORMAT_OPTIONS.items():
        parser.add_argument(f"--{key.replace('_', '-')}", dest=key, default=None, help=text)
    export_analysis.add_arguments(parser)


# ---- documents to export --------------------------------------------------------------


class Source:
    """The documents of what was named on the command line, with their count and schema."""

    def __init__(self, count: int, schema: Any, documents: Iterator[Any], skipped: dict[str, int]):
        self.count = count
        self.schema = schema
        self.documents = documents
        self.skipped = skipped  # what the conversion to original offsets could not keep


def open_source(path: Path, annotator: str | None, original_offsets: bool) -> Source:
    """Raise SystemExit-worthy ValueError with a message when the path cannot be exported."""
    if (path / "project.json").exists():
        return iter_project_documents(path, annotator, original_offsets)
    if original_offsets:
        raise ValueError("--original-offsets needs a project (annotation files keep one text)")
    return _annotation_files(path)


def iter_project_documents(path: Path, annotator: str | None, original_offsets: bool) -> Source:
    from ..io.formats import from_annotation_set
    from ..io.project import IMPORT_ANNOTATOR, Project, ProjectError

    try:
        project = Project.open(path)
    except ProjectError as exc:
        raise ValueError(str(exc)) from None
    names = project.annotators()
    if annotator is None:
        if len(names) > 1:
            raise ValueError(f"{path}: annotations by {', '.join(names)}: choose one with --annotator")
        annotator = names[0] if names else IMPORT_ANNOTATOR
    ids = project.document_ids()
    skipped: dict[str, int] = {}

    def documents() -> Iterator[Any]:
        for doc_id in ids:
            record = from_annotation_set(project.load_annotations(doc_id, annotator))
            if original_offsets:
                _to_original(project, record, skipped)
            yield record

    return Source(len(ids), project.schema, documents(), skipped)


def _to_original(project: Any, record: Any, skipped: dict[str, int]) -> None:
    """Put the record on the text as imported: spans and tokens mapped through the project."""
    doc_id = record.document.id
    if project.offset_map(doc_id) is None:
        return
    record.document.text = project.original_text(doc_id)
    kept = []
    for span in record.spans:
        span.start, span.end = project.original_offsets(doc_id, span.start, span.end)
        if span.end > span.start:
            kept.append(span)
        else:
            what = "spans with no original text (made of normalization's insertions)"
            skipped[what] = skipped.get(what, 0) + 1
    ids = {s.id for s in kept}
    record.spans = kept
    record.relations = [r for r in record.relations if r.source in ids and r.target in ids]
    if record.tokens is not None:
        record.tokens = [project.original_offsets(doc_id, s, e) for s, e in record.tokens]


def _annotation_files(path: Path) -> Source:
    from ..io import jsonformat
    from ..io.article import SUFFIX, schema_for_folder
    from ..io.formats import from_annotation_set

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
            yield from_annotation_set(jsonformat.load(file, schema))

    return Source(len(files), schema, documents(), {})


def conll_layers(spec: str, schema: Any) -> list[list[str]] | None:
    """The --layers option as label groups; None means one column for every label."""
    if spec == "one":
        return None
    if spec == "kinds":
        groups: dict[str, list[str]] = {}
        for label in schema.labels:
            groups.setdefault(str(label.kind), []).append(label.id)
        return list(groups.values()) if len(groups) > 1 else None
    return [[x.strip() for x in group.split(",") if x.strip()] for group in spec.split("/")]


# ---- progress ---------------------------------------------------------------------------


def progress_printer(total: int, stream: TextIO) -> Callable[[int], None]:
    """A `\\r` progress bar on a terminal (every 1 %); nothing when stderr is a file."""
    if not stream.isatty() or total <= 0:
        return lambda done: None
    step = max(1, total // 100)
    started = time.monotonic()

    def show(done: int) -> None:
        if done % step and done != total:
            return
        share = done / total
        bar = "#" * int(share * 30)
        rate = done / max(time.monotonic() - started, 1e-9)
        stream.write(f"\r[{bar:<30}] {done}/{total} ({share:.0%}, {rate:,.0f} docs/s)")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


def run(args: argparse.Namespace) -> int:
    from ..io import formats
    from ..io.formats.base import WriteReport
    from . import export_analysis

    if args.format in export_analysis.FORMATS:
        return export_analysis.run(args)

    try:
        fmt = formats.get(args.format)
        source = open_source(Path(args.project), args.annotator, args.original_offsets)
    except (ValueError, formats.FormatError) as exc:
        print(f"annotator export: {exc}", file=sys.stderr)
        return 2
    options: dict[str, Any] = {k: getattr(args, k) for k in FORMAT_OPTIONS if getattr(args, k)}
    if fmt.name == "conll":
        layers = conll_layers(args.layers, source.schema)
        # the default (kinds) yields to the layout a document was imported in
        key = "default_layers" if args.layers == "kinds" else "layers"
        if layers is not None:
            options[key] = layers
    out = Path(args.out)
    progress = progress_printer(source.count, sys.stderr)
    started = time.monotonic()
    try:
        report: WriteReport = fmt.write(source.documents, out, options, progress)
    except formats.FormatError as exc:
        print(f"annotator export: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"annotator export: {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a document the model refuses (bad annotation file ...)
        print(f"annotator export: {exc}", file=sys.stderr)
        return 1
    for what, count in source.skipped.items():
        report.leave_out(what, count)
    seconds = time.monotonic() - started
    lines = report.summary()
    lines[0] += f" to {out} as {fmt.name} in {seconds:.1f} s"
    for line in lines:
        print(line, file=sys.stderr)
    return 0
