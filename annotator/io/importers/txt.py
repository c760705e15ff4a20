"""Plain text files: the whole file is the text; a short first line is also the title."""

from __future__ import annotations

from pathlib import Path

from ..textfile import TextFileError, read_text_file
from .base import Article, SourceError, SourceResult, clean_text

NAME = "txt"
EXTENSIONS = (".txt", ".text", ".md")
_TITLE_MAX = 200


def read(path: Path) -> SourceResult:
    try:
        raw, encoding = read_text_file(path)
    except TextFileError as exc:
        raise SourceError(str(exc)) from None
    text = clean_text(raw)
    if not text:
        return SourceResult([], [f"{path}: the file is empty"], encoding)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = path.stem
    if len(lines) > 1 and len(lines[0]) <= _TITLE_MAX:
        title = lines[0]
    metadata = {"source": path.name, "encoding": encoding}
    return SourceResult([Article(text, title, metadata, path.stem)], [], encoding)
