"""annotator validate PATH...: check annotation files; one line per problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..io import entities as entity_files
from ..io import jsonformat
from ..io.article import SCHEMA_FILE, schema_for_folder
from ..model import SchemaError

HELP = "check annotation files (and project folders); exit 0 when all are valid"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="annotation file or project folder")


def problems_in_file(path: Path) -> list[str]:
    try:
        schema = schema_for_folder(path.parent)
    except SchemaError as exc:
        return [str(exc)]
    try:
        data = jsonformat.parse(jsonformat.read_bytes(path), path)
    except jsonformat.AnnotationFileError as exc:
        return [p.line(path) for p in exc.problems]
    problems = jsonformat.check(data, schema)
    if not problems:
        problems = jsonformat.check_attributes(data, schema)
        registry_file = path.parent / entity_files.FOLDER_FILE
        if registry_file.exists():
            try:
                problems += entity_files.check_references(data, entity_files.load(registry_file))
            except entity_files.EntityFileError as exc:
                return str(exc).splitlines()
    return [p.line(path) for p in problems]


def run(args: argparse.Namespace) -> int:
    lines: list[str] = []
    checked = 0
    said: list[str] = []  # what was checked, for the closing line
    for name in args.paths:
        path = Path(name)
        if path.is_dir() and (path / "project.json").exists():
            from ..io.project import check_project

            result = check_project(path)
            lines += result.lines
            said.append(
                f"{path}: {result.documents} document(s) and {result.annotation_files} annotation file(s) checked"
            )
            continue
        if path.is_dir():
            # a folder's label set (annotator-schema.json) is no annotation file
            files = sorted(f for f in path.rglob("*.json") if f.name not in (SCHEMA_FILE, entity_files.FOLDER_FILE))
        elif path.exists():
            files = [path]
        else:
            lines.append(f"{path}: no such file or folder")
            continue
        for file in files:
            checked += 1
            lines += problems_in_file(file)
    # a broken annotator-schema.json is reported once, not once per file beside it
    for line in dict.fromkeys(lines):
        print(line, file=sys.stderr)
    if checked or not said:
        said.append(f"{checked} file(s) checked")
    if not lines:
        for line in said:
            print(line.replace(" checked", " valid"))
    return 1 if lines else 0
