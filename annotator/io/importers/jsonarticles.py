"""A JSON array of articles (or one article, or {"articles": [...]}), usual field names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..textfile import TextFileError, read_text_file
from .base import Article, SourceError, SourceResult, article_from_record

NAME = "json"
EXTENSIONS = (".json",)
_WRAPPERS = ("articles", "documents", "items", "data", "news", "results")


def records(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in _WRAPPERS:
            if isinstance(data.get(key), list):
                return list(data[key])
        return [data]
    return [data]


def read(path: Path) -> SourceResult:
    try:
        text, encoding = read_text_file(path)
    except TextFileError as exc:
        raise SourceError(str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # a .json file may hold JSON Lines
        if exc.msg == "Extra data":
            from . import jsonlines

            return jsonlines.read_text(path, text, encoding)
        raise SourceError(f"{path}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise SourceError(f"{path}: JSON nested too deeply") from None
    result = SourceResult(encoding=encoding)
    for i, record in enumerate(records(data)):
        found = article_from_record(record, f"{path}: item {i + 1}")
        if isinstance(found, Article):
            result.articles.append(found)
        else:
            result.problems.append(found)
    return result
