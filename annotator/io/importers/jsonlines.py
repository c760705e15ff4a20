"""JSON Lines: one article object a line (blank lines allowed; a bad line is reported).

A UTF-8 file of any size is read line by line (`stream`); a line longer than the article
limit is skipped without being held in memory. Files in other encodings are read whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..jsonformat import json_problem
from ..textfile import TextFileError, read_text_file
from .base import (
    MAX_ARTICLE_BYTES,
    Article,
    SourceError,
    SourceResult,
    Streamed,
    article_from_record,
    streamable_utf8,
    too_large_article,
)

NAME = "jsonl"
EXTENSIONS = (".jsonl", ".ndjson", ".jsonlines")


def read(path: Path) -> SourceResult:
    if streamable_utf8(path):
        result = SourceResult(encoding="utf-8")
        for _fraction, item in stream(path):
            (result.articles if isinstance(item, Article) else result.problems).append(item)  # type: ignore[arg-type]
        return result
    try:
        text, encoding = read_text_file(path)
    except TextFileError as exc:
        raise SourceError(str(exc)) from None
    return read_text(path, text, encoding)


def _record(path: Path, number: int, line: str) -> Article | str | None:
    if not line.strip():
        return None
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        # the line's own place: the column within it, the line within the file
        return f"{path}: {json_problem(exc).replace('(line 1,', f'(line {number},', 1)}; that line was not imported"
    except RecursionError:
        return f"{path}:{number}: JSON nested too deeply"
    return article_from_record(value, f"{path}:{number}")


def read_text(path: Path, text: str, encoding: str) -> SourceResult:
    result = SourceResult(encoding=encoding)
    for number, line in enumerate(text.split("\n"), 1):
        found = _record(path, number, line)
        if isinstance(found, Article):
            result.articles.append(found)
        elif found is not None:
            result.problems.append(found)
    if not result.articles and not result.problems:
        result.problems.append(f"{path}: the file is empty")
    return result


def stream(path: Path, handle: BinaryIO | None = None, first_line: int = 1) -> Iterator[Streamed]:
    """(fraction read, article or problem) for each line, in file order; flat memory."""
    if handle is None and not streamable_utf8(path):
        result = read(path)
        yield from ((1.0, p) for p in result.problems)
        yield from ((1.0, a) for a in result.articles)
        return
    with path.open("rb") if handle is None else handle as source:
        size = max(os.fstat(source.fileno()).st_size, 1)
        seen = False
        number = first_line - 1
        while True:
            raw = source.readline(MAX_ARTICLE_BYTES + 1)
            if not raw:
                break
            number += 1
            if len(raw) > MAX_ARTICLE_BYTES and not raw.endswith(b"\n"):
                length = len(raw)
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line in pieces
                    raw = source.readline(1 << 20)
                    length += len(raw)
                seen = True
                yield source.tell() / size, too_large_article(f"{path}:{number}", length)
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                seen = True
                yield source.tell() / size, f"{path}:{number}: not UTF-8 text (byte {exc.start} of the line)"
                continue
            found = _record(path, number, line)
            if found is not None:
                seen = True
                yield source.tell() / size, found
        if not seen:
            yield 1.0, f"{path}: the file is empty"
