"""A JSON array of articles (or one article, or {"articles": [...]}), usual field names.

`stream` reads a UTF-8 array (or the array under a wrapper key) of any size item by item
with ijson (its C backend, yajl); a dump cut short keeps the items before the cut and says
where it stopped. One object, JSON Lines in a .json file and other encodings are read as
a whole (up to the source-file limit), as `read` does.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..jsonformat import json_problem
from ..textfile import TextFileError, read_text_file
from .base import Article, SourceError, SourceResult, Streamed, article_from_record, streamable_utf8

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
        raise SourceError(f"{path}: {json_problem(exc)}; nothing was imported from this file") from None
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


def _shape(path: Path) -> tuple[str, str]:
    """("array", "item") for a top-level array, ("array", "KEY.item") for the first
    wrapper key holding one, ("lines", "") for JSON Lines, ("whole", "") otherwise."""
    import ijson

    with path.open("rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"["):
            return "array", "item"
        if not head.startswith(b"{"):
            return "whole", ""
        handle.seek(0)
        first = handle.readline(1 << 20)
        try:
            json.loads(first.decode("utf-8-sig"))
            if handle.readline().strip():
                return "lines", ""
        except (ValueError, RecursionError):
            pass
        handle.seek(0)
        events = ijson.parse(handle, multiple_values=True)
        try:
            previous_key = ""
            for prefix, event, value in events:
                if prefix == "" and event == "map_key":
                    previous_key = str(value)
                elif event == "start_array" and prefix == previous_key and previous_key in _WRAPPERS:
                    return "array", f"{previous_key}.item"
                elif prefix == "" and event == "end_map":
                    break
        except ijson.JSONError:
            pass
    return "whole", ""


NOTHING_IMPORTED = "; nothing was imported from this file"

# a damaged file up to this size is parsed again with json to name the line and column
REPARSE_DAMAGED_BELOW = 64 << 20


def _where_damaged(path: Path, exc: Exception, near: int) -> str:
    """ijson's complaint in the words used for every JSON file (jsonformat.json_problem):
    json, run again on the file, gives the line and column; a huge dump gets the byte."""
    try:
        if os.path.getsize(path) < REPARSE_DAMAGED_BELOW:
            json.loads(path.read_bytes().decode("utf-8-sig"))
    except json.JSONDecodeError as found:
        return json_problem(found)
    except (OSError, ValueError, RecursionError):
        pass
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"not valid JSON (near byte {near}: {message})"


def stream(path: Path) -> Iterator[Streamed]:
    """(fraction read, article or problem) for each item, in file order; flat memory for
    a UTF-8 array of any size."""
    import ijson

    shape, prefix = _shape(path) if streamable_utf8(path) else ("whole", "")
    if shape == "lines":
        from . import jsonlines

        yield from jsonlines.stream(path)
        return
    if shape == "whole":
        result = read(path)
        yield from ((1.0, p) for p in result.problems)
        yield from ((1.0, a) for a in result.articles)
        return
    with path.open("rb") as handle:
        size = max(os.fstat(handle.fileno()).st_size, 1)
        count = 0
        try:
            # use_float: numbers as float, not Decimal (metadata is JSON again later)
            for record in ijson.items(handle, prefix, use_float=True):
                count += 1
                yield handle.tell() / size, article_from_record(record, f"{path}: item {count}")
        except ijson.JSONError as exc:
            kept = f"; the {count} item(s) before it were imported" if count else NOTHING_IMPORTED
            yield 1.0, f"{path}: {_where_damaged(path, exc, handle.tell())}{kept}"
            return
        except RecursionError:
            yield 1.0, f"{path}: JSON nested too deeply after item {count}"
            return
    if count == 0:
        yield 1.0, f"{path}: nothing to import in this file"
