"""annotator export PROJECT --format F --out PATH: write annotations in an interchange format.

PROJECT is a project folder, a single annotation file, or a folder of *.annotations.json
files. A progress line goes to stderr when it is a terminal; the summary says how many
documents were written and what the format could not hold, so nothing is dropped silently.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

HELP = "write a project's annotations as JSON Lines, brat, CoNLL, doccano, Label Studio ..."

FORMAT_OPTIONS = {
    "separator": "CoNLL column separator: space, tab or pipe (default: as read, else tab)",
    "tag_style": "CoNLL tag style: B- or B_ (default: as read, else B-)",
    "doc_boundary": "CoNLL document boundaries: docstart (a -DOCSTART- line), comment ('# doc_id = ID') or none "
    "(default: as read, else docstart)",
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
    parser.add_argument(
        "--annotator",
        default=None,
        help="whose annotations (needed when a project has several; --format claims also takes A,B: one row per "
        "coder; --format labelstudio takes A,B and, without it, writes every coder's: one annotation each)",
    )
    parser.add_argument(
        "--original-offsets",
        action="store_true",
        help="write the text as in the imported file (a .txt file's BOM, CRs and blank lines"
        " kept; else the text before normalization) with offsets mapped onto it; for"
        " annotation files, the article file beside them",
    )
    parser.add_argument(
        "--layers",
        default=None,
        metavar="SPEC",
        help="CoNLL tag columns: 'entities' (one column of the entity labels, what CoNLL readers read; the "
        "default, unless every document was imported from CoNLL: then as read), 'one' (one column of every "
        "label), 'kinds' (a column per label kind: entities, claims), or label groups like 'actor,location/claim'",
    )
    for key, text in FORMAT_OPTIONS.items():
        parser.add_argument(f"--{key.replace('_', '-')}", dest=key, default=None, help=text)
    export_analysis.add_arguments(parser)


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
    from ..io.exporting import conll_layers, open_source
    from ..io.formats.base import WriteReport
    from . import export_analysis

    if args.format in export_analysis.FORMATS:
        return export_analysis.run(args)

    try:
        fmt = formats.get(args.format)
        # Label Studio holds one annotation per coder in a task: every coder's, unless one is named
        several = fmt.name == "labelstudio"
        source = open_source(Path(args.project), args.annotator, args.original_offsets, several)
    except (ValueError, formats.FormatError) as exc:
        print(f"annotator export: {exc}", file=sys.stderr)
        return 2
    options: dict[str, Any] = {k: getattr(args, k) for k in FORMAT_OPTIONS if getattr(args, k)}
    if fmt.name == "conll":
        layers = conll_layers(args.layers or "entities", source.schema)
        # the default yields to the layout every document was imported in
        key = "default_layers" if args.layers is None else "layers"
        options[key] = layers if layers is not None else "all"
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
    # a damaged annotation file costs its own document, not the export: named, exit 1
    for line in source.left_out:
        print(f"annotator export: {line} (left out)", file=sys.stderr)
    return 1 if source.left_out else 0
