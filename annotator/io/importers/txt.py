"""Plain text files: the whole file is the text; a short first line is also the title."""

from __future__ import annotations

from pathlib import Path

from ..textfile import TextFileError, read_text_file
from .base import Article, SourceError, SourceResult, clean_text_mapped

NAME = "txt"
EXTENSIONS = (".txt", ".text", ".md")
_TITLE_MAX = 200


def read(path: Path) -> SourceResult:
    try:
        as_in_file, encoding = read_text_file(path, as_in_file=True)
    except TextFileError as exc:
        raise SourceError(str(exc)) from None
    # the file's own text is kept beside ours when they differ (a BOM, CRLF, blank space
    # around it), with the map between them: --original-offsets counts in the file
    text, file_map = clean_text_mapped(as_in_file)
    if not text:
        return SourceResult([], [f"{path}: the file is empty"], encoding)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = path.stem
    if len(lines) > 1 and len(lines[0]) <= _TITLE_MAX:
        title = lines[0]
    metadata = {"source": path.name, "encoding": encoding}
    article = Article(text, title, metadata, path.stem)
    if file_map is not None:
        article.as_in_file, article.file_map = as_in_file, file_map
    return SourceResult([article], [], encoding)
