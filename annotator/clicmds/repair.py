"""annotator repair PROJECT: finish or clean what killed imports, saves and exports left."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..io.project import Project, ProjectError, validate_project

HELP = (
    "finish imports killed while moving in, remove what killed imports, saves and exports "
    "left, list document files left unlisted; exit 0 when the project is then valid"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="project folder")


def run(args: argparse.Namespace) -> int:
    try:
        project = Project.open(Path(args.project))
        said = project.repair()
    except ProjectError as exc:
        print(f"annotator repair: {exc}", file=sys.stderr)
        return 2
    for line in said:
        print(line)
    remaining = validate_project(project.path)
    for line in remaining:
        print(line, file=sys.stderr)
    if not said and not remaining:
        print(f"{project.path}: nothing to repair")
    return 1 if remaining else 0
