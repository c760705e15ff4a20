"""CSV (or TSV) with a text column, found by its header name or, failing that, by length.

A UTF-8 file above the source-file limit is streamed row by row (`stream`): the text
column is then chosen from its first 1,000 rows, and a cell above the article limit ends
the reading with a line saying where.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from ..textfile import MAX_SOURCE_BYTES, TextFileError, read_text_file
from .base import (
    ID_FIELDS,
    LEAD_FIELDS,
    MAX_ARTICLE_BYTES,
    PARAGRAPH_FIELDS,
    TEXT_FIELDS,
    TITLE_FIELDS,
    URL_FIELDS,
    Article,
    SourceError,
    SourceResult,
    Streamed,
    article_from_record,
    streamable_utf8,
)

NAME = "csv"
EXTENSIONS = (".csv", ".tsv")
_KNOWN = {n.lower() for n in (*TEXT_FIELDS, *PARAGRAPH_FIELDS, *TITLE_FIELDS, *LEAD_FIELDS, *URL_FIELDS, *ID_FIELDS)}


def _dialect(sample: str, path: Path) -> type[csv.Dialect] | csv.Dialect:
    if path.suffix.lower() == ".tsv":
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read(path: Path) -> SourceResult:
    try:
        text, encoding = read_text_file(path)
    except TextFileError as exc:
        raise SourceError(str(exc)) from None
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # whole articles sit in one cell
    try:
        rows = list(csv.reader(io.StringIO(text), _dialect(text[:20000], path)))
    except csv.Error as exc:
        raise SourceError(f"{path}: not readable as CSV: {exc}") from None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return SourceResult([], [f"{path}: the file is empty"], encoding)
    header = [cell.strip().lstrip("\ufeff") for cell in rows[0]]
    result = SourceResult(encoding=encoding)
    if any(name.lower() in _KNOWN for name in header):
        # a header naming a text column: every row is an article with those field names
        has_text = any(name.lower() in (*TEXT_FIELDS, *PARAGRAPH_FIELDS) for name in header)
        if not has_text:
            header = _with_text_column(header, rows[1:])
        for number, row in enumerate(rows[1:], 2):
            record = dict(zip(header, row, strict=False))
            found = article_from_record(record, f"{path}: row {number}")
            if isinstance(found, Article):
                result.articles.append(found)
            else:
                result.problems.append(found)
        return result
    # no header we know: the column with the longest cells is the text
    column = _longest_column(rows)
    start = 1 if _looks_like_header(rows, column) else 0
    for number, row in enumerate(rows[start:], start + 1):
        cell = row[column].strip() if column < len(row) else ""
        if not cell:
            result.problems.append(f"{path}: row {number}: no text in column {column + 1}")
            continue
        result.articles.append(Article(cell.replace("\r\n", "\n"), metadata={"row": number}))
    return result


def stream(path: Path) -> Iterator[Streamed]:
    """(fraction read, article or problem) for each row; files up to the source limit,
    or not UTF-8, are read whole as `read` does."""
    if path.stat().st_size <= MAX_SOURCE_BYTES or not streamable_utf8(path):
        result = read(path)
        yield from ((1.0, p) for p in result.problems)
        yield from ((1.0, a) for a in result.articles)
        return
    csv.field_size_limit(MAX_ARTICLE_BYTES)  # characters; an article is at most this
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle:
        size = max(os.fstat(raw.fileno()).st_size, 1)
        sample_text = handle.read(20000)
        handle.seek(0)
        reader = csv.reader(handle, _dialect(sample_text, path))
        rows = (row for row in reader if any(c.strip() for c in row))
        try:
            sample = [row for _, row in zip(range(1000), rows, strict=False)]
            if not sample:
                yield 1.0, f"{path}: the file is empty"
                return
            header = [cell.strip().lstrip("\ufeff") for cell in sample[0]]
            known = any(name.lower() in _KNOWN for name in header)
            if known:
                if not any(name.lower() in (*TEXT_FIELDS, *PARAGRAPH_FIELDS) for name in header):
                    header = _with_text_column(header, sample[1:])
                start, column = 1, -1
            else:
                column = _longest_column(sample)
                start = 1 if _looks_like_header(sample, column) else 0
            for number, row in enumerate(chain(sample[start:], rows), start + 1):
                where = f"{path}: row {number}"
                fraction = min(1.0, raw.tell() / size)
                if known:
                    yield fraction, article_from_record(dict(zip(header, row, strict=False)), where)
                    continue
                cell = row[column].strip() if column < len(row) else ""
                if not cell:
                    yield fraction, f"{where}: no text in column {column + 1}"
                    continue
                yield fraction, Article(cell.replace("\r\n", "\n").replace("\r", "\n"), metadata={"row": number})
        except csv.Error as exc:
            yield 1.0, f"{path}: not readable as CSV at line {reader.line_num}: {exc}; the rows before it were read"


def _longest_column(rows: list[list[str]]) -> int:
    width = max(len(row) for row in rows)
    totals = [sum(len(row[i]) for row in rows if i < len(row)) for i in range(width)]
    return max(range(width), key=lambda i: totals[i])


def _looks_like_header(rows: list[list[str]], column: int) -> bool:
    if len(rows) < 2 or column >= len(rows[0]):
        return False
    first = len(rows[0][column])
    rest = [len(row[column]) for row in rows[1:] if column < len(row)]
    return bool(rest) and first * 4 < sum(rest) / len(rest)


def _with_text_column(header: list[str], rows: list[list[str]]) -> list[str]:
    """A header without a known text name: call its longest column `text`."""
    if not rows:
        return header
    column = _longest_column(rows)
    renamed = list(header)
    if column < len(renamed) and renamed[column].lower() not in _KNOWN - set(TEXT_FIELDS):
        renamed[column] = "text"
    return renamed
