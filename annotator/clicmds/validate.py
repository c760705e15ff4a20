"""annotator validate PATH...: check annotation files; one line per problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

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
        other = other_kind(path, None)
        return [other] if other else [p.line(path) for p in exc.problems]
    other = other_kind(path, data)
    if other:
        return [other]
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


# the files of annotator's own that are not annotation files, and where they belong
_OWN_FILES = {
    "annotator/document": "a project's document file",
    "annotator/project": "a project's settings file",
    "annotator/documents": "a project's catalog",
    "annotator/entities": "an entity registry",
    "annotator/journal": "a project's journal",
}
_FORMAT_NAMES = {
    "jsonl": "annotator's JSON Lines export",
    "doccano": "doccano JSONL",
    "spacy": "spaCy / Prodigy JSONL",
    "labelstudio": "Label Studio tasks",
}
_CHECKS = "validate checks annotation files (*.annotations.json) and project folders"


def other_kind(path: Path, data: Any) -> str | None:
    """One line for a valid file of another kind (JSON Lines, another tool's export, a
    project's own files), or None: an annotation file, or a damaged one, is checked.

    `data` is the parsed file, None when it did not parse as one JSON value.
    """
    if isinstance(data, dict) and data.get("format") == jsonformat.FORMAT:
        return None  # an annotation file: what it lacks is reported field by field
    if isinstance(data, dict) and data.get("format") in _OWN_FILES:
        what = _OWN_FILES[str(data["format"])]
        return f"{path}: {what} ({data['format']}), not an annotation file: {_CHECKS}; validate the project's folder"
    damaged = ""
    if data is None:
        lines = _json_lines(path)
        if lines is None:
            return None  # one damaged value: json's complaint says where
        damaged = f"; in it, {lines}" if lines else ""
    from ..io.formats.sniff import detect

    found = detect(path).name
    if found not in _FORMAT_NAMES and data is not None:
        return None  # some other JSON: the missing fields say why it is no annotation file
    if data is None:
        shape = "JSON Lines (one JSON object per line)"
        if found in _FORMAT_NAMES:
            shape += f": {_FORMAT_NAMES[found]}"
    else:
        shape = _FORMAT_NAMES[str(found)]
    fmt = found or "jsonl"
    return (
        f"{path}: looks like {shape}, not an annotation file: {_CHECKS}; import it with"
        f" `annotator import PROJECT {path} --format {fmt}`{damaged}"
    )


def _json_lines(path: Path) -> str | None:
    """For a file that is JSON values one after another (JSON Lines): "" when all parse,
    else where the first damaged one is; None for anything else (one value, damaged)."""
    from ..io.formats.base import iter_json_values

    try:
        text = jsonformat.read_bytes(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, jsonformat.AnnotationFileError):
        return None
    values, damaged = 0, ""
    try:
        for item in iter_json_values(text, path):
            if isinstance(item, str):
                # "FILE: not valid JSON (line 3, ...); what stands there ...": the middle part
                damaged = damaged or item[len(f"{path}: ") :].split(";")[0]
            else:
                values += 1
    except (ValueError, RecursionError):  # nested too deeply, a number of thousands of digits
        return None
    if values > 1 or (values == 1 and damaged):
        return damaged
    return None


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
            # (nor the registry, nor a sync client's conflicted copies of it: read with it)
            own = {SCHEMA_FILE, entity_files.FOLDER_FILE}
            own.update(c.name for c in entity_files.conflict_copies(path / entity_files.FOLDER_FILE))
            files = sorted(f for f in path.rglob("*.json") if f.name not in own)
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
