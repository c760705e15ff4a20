"""CSV (or TSV) with a text column, found by its header name or, failing that, by length."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from ..textfile import TextFileError, read_text_file
from .base import (
    ID_FIELDS,
    LEAD_FIELDS,
    PARAGRAPH_FIELDS,
    TEXT_FIELDS,
    TITLE_FIELDS,
    URL_FIELDS,
    Article,
    SourceError,
    SourceResult,
    article_from_record,
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
