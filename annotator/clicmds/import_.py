"""annotator import PROJECT SOURCE...: add articles to a project (made if needed).

The module is `import_` because `import` is a Python keyword; cli.py maps the command
name `import` to it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from ..io.importers import FORMATS
from ..io.project import ImportProgress, Project, ProjectError

HELP = (
    "import articles (text, JSON, JSON Lines, CSV, HTML, or an interchange format); "
    "exit 1 when a source had a problem (the others are imported all the same)"
)

INTERCHANGE_HINT = "brat, conll, doccano, labelstudio, spacy, webanno ..."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="project folder (created if needed)")
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="files or folders of files to import")
    parser.add_argument(
        "--format",
        default="auto",
        metavar="FORMAT",
        help=f"auto (each file's format detected from its name and content: articles, or annotations with "
        f"their labels; said on stderr), {', '.join(FORMATS)}, or an interchange format ({INTERCHANGE_HINT}); "
        "default auto",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--normalize",
        dest="normalize",
        action="store_true",
        default=None,
        help="normalize Persian text with hazm, keeping the original (the project's default)",
    )
    group.add_argument("--no-normalize", dest="normalize", action="store_false", help="keep the text as it is")
    parser.add_argument(
        "--offsets",
        choices=("utf16", "codepoints"),
        default=None,
        help="doccano offsets: utf16 (what doccano's annotation view writes; the default) or codepoints "
        "(files made by Python scripts)",
    )
    parser.add_argument("--name", help="the project's name when it is created")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")


def run(args: argparse.Namespace) -> int:
    root = Path(args.project)
    created = not os.path.lexists(root)
    try:
        project = Project.open_or_create(root, args.name)
    except ProjectError as exc:
        print(f"annotator import: {exc}", file=sys.stderr)
        return 2
    try:
        return _import(args, project, created)
    finally:
        # a project this import made and put nothing in is not left behind (an empty
        # folder for a mistyped path, or for files none of which could be read)
        if created and len(project) == 0:
            shutil.rmtree(root, ignore_errors=True)


def _import(args: argparse.Namespace, project: Project, created: bool) -> int:
    show = not args.quiet and sys.stderr.isatty()

    def progress(p: ImportProgress) -> None:
        if show:
            print(f"\r{p.fraction:4.0%}  {p.added} added  {p.current[-50:]:50}", end="",
                  file=sys.stderr)  # fmt: skip

    try:
        read_options = {"offsets": args.offsets} if args.offsets else None
        report = project.import_sources(
            args.sources, fmt=args.format, normalize=args.normalize, progress=progress, read_options=read_options
        )
    except ProjectError as exc:
        print(f"annotator import: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nannotator import: interrupted; the project is as it was", file=sys.stderr)
        return 130
    if show:
        print(file=sys.stderr)
    for line in report.detected_lines() + report.problems + report.notices:
        print(line, file=sys.stderr)
    if report.spans:
        print(f"{project.path}: {report.spans_line()}", file=sys.stderr)
    print(
        f"{project.path}: {len(report.added)} document(s) added, "
        f"{len(report.skipped_duplicates)} duplicate(s) skipped, "
        f"{len(report.problems)} problem(s); {len(project)} document(s) in the project"
        + ("; nothing imported, so the project was not created" if created and not len(project) else "")
    )
    # the rest is imported all the same; the exit status tells a script something was not
    return 1 if report.problems else 0
