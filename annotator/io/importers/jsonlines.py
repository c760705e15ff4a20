"""JSON Lines: one article object a line (blank lines allowed; a bad line is reported)."""

from __future__ import annotations

import json
from pathlib import Path

from ..textfile import TextFileError, read_text_file
from .base import Article, SourceError, SourceResult, article_from_record

NAME = "jsonl"
EXTENSIONS = (".jsonl", ".ndjson", ".jsonlines")


def read(path: Path) -> SourceResult:
    try:
        text, encoding = read_text_file(path)
    except TextFileError as exc:
        raise SourceError(str(exc)) from None
    return read_text(path, text, encoding)


def read_text(path: Path, text: str, encoding: str) -> SourceResult:
    result = SourceResult(encoding=encoding)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            result.problems.append(f"{path}:{number}: malformed JSON: {exc.msg}")
            continue
        except RecursionError:
            result.problems.append(f"{path}:{number}: JSON nested too deeply")
            continue
        found = article_from_record(value, f"{path}:{number}")
        if isinstance(found, Article):
            result.articles.append(found)
        else:
            result.problems.append(found)
    if not result.articles and not result.problems:
        result.problems.append(f"{path}: the file is empty")
    return result
