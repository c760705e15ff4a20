"""annotator stats PROJECT: documents by status, spans per label and per annotator."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..io.project import Project, ProjectError

HELP = "show a project's progress: documents by status, spans per label and annotator"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="project folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--annotator", help="only this annotator's work")


def format_stats(stats: dict[str, Any]) -> list[str]:
    status = stats["status"]
    lines = [
        f"project: {stats['project']}",
        f"documents: {stats['documents']} ({stats['characters']} characters)",
        f"  new: {status['new']}  in progress: {status['in_progress']}  done: {status['done']}",
        f"spans: {stats['spans']}  relations: {stats['relations']}",
    ]
    lines += [f"  {label}: {n}" for label, n in stats["labels"].items()]
    for name, info in stats["annotators"].items():
        st = info["status"]
        lines.append(
            f"annotator {name}: {info['files']} file(s), {info['spans']} span(s); "
            f"done {st['done']}, in progress {st['in_progress']}, new {st['new']}"
        )
        lines += [f"  {label}: {n}" for label, n in info["labels"].items()]
    return lines


def run(args: argparse.Namespace) -> int:
    try:
        project = Project.open(Path(args.project))
        stats = project.stats(args.annotator)
    except ProjectError as exc:
        print(f"annotator stats: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print("\n".join(format_stats(stats)))
    return 0
