"""annotator merge PROJECT --into curated: pre-fill the adjudicated annotations with the
spans (and relations) on which at least K coders agree exactly (docs/team.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "pre-fill the curated annotations with what at least K coders agree on exactly"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="project folder")
    parser.add_argument("--into", required=True, metavar="NAME", help="the annotator to fill: curated")
    parser.add_argument(
        "--min-agree",
        type=int,
        default=None,
        metavar="K",
        help="how many coders must agree (default: every coder who annotated the document)",
    )
    parser.add_argument(
        "--annotators", metavar="A,B,...", help="the coders to merge (default: all but curated, imported)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but problems")


def run(args: argparse.Namespace) -> int:
    from ..io.project import Project, ProjectError, safe_name
    from ..io.team import merge

    names = [n for n in args.annotators.split(",") if n.strip()] if args.annotators else None
    if safe_name(args.into, "") != args.into:
        print(f"annotator merge: --into {args.into!r} is not a usable annotator name", file=sys.stderr)
        return 2
    try:
        project = Project.open(Path(args.project))
        report = merge(project, args.into, names, args.min_agree)
    except ProjectError as exc:
        print(f"annotator merge: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(report.lines()[0])
        for line in report.undecided_lines():  # what is left for curation, and where
            print(line)
    for line in report.problems:
        print(f"annotator merge: {line}", file=sys.stderr)
    return 1 if report.problems else 0
