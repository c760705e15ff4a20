"""Plain-article importers: text, JSON, JSON Lines, CSV and HTML files become Articles.

Each format is one module with `NAME`, `EXTENSIONS` and `read(path) -> SourceResult`; the
registry below maps names to them (adding a format is one module and one line). An
importer never fetches anything and never runs anything found in a file. Interchange
formats that carry annotations (brat, CoNLL ...) live in annotator.io.formats instead.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from .base import Article, SourceError, SourceResult, Streamed, article_from_record

__all__ = [
    "FORMATS",
    "Article",
    "SourceError",
    "SourceResult",
    "article_from_record",
    "detect",
    "expand",
    "importer",
    "read_source",
    "stream_source",
]

# format name -> module in this package
_MODULES = {
    "txt": "txt",
    "json": "jsonarticles",
    "jsonl": "jsonlines",
    "csv": "csvfile",
    "html": "html",
}
FORMATS: tuple[str, ...] = tuple(_MODULES)


def importer(name: str) -> ModuleType:
    if name not in _MODULES:
        raise SourceError(f"unknown article format {name!r} (known: {', '.join(FORMATS)})")
    return importlib.import_module(f"{__name__}.{_MODULES[name]}")


def detect(path: Path) -> str | None:
    """The format a file's name says it is in, or None."""
    suffix = path.suffix.lower()
    for name in FORMATS:
        if suffix in importer(name).EXTENSIONS:
            return name
    return None


def expand(source: Path, fmt: str = "auto") -> Iterator[tuple[Path, str] | str]:
    """The files a source stands for, with their format; a problem line for what cannot be.

    A folder stands for the files in it (recursively, in name order) that the format
    reads; hidden files and folders are left out.
    """
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source)
            if any(part.startswith(".") for part in rel.parts) or not path.is_file():
                continue
            name = detect(path) if fmt == "auto" else fmt
            if name is not None and (fmt == "auto" or detect(path) in (fmt, None)):
                yield path, name
        return
    if not source.exists():
        yield f"{source}: no such file or folder"
        return
    name = detect(source) if fmt == "auto" else fmt
    if name is None:
        yield f"{source}: unknown file type (choose one with --format: {', '.join(FORMATS)})"
        return
    yield source, name


def read_source(path: Path, fmt: str) -> SourceResult:
    """Read one file; raises SourceError (naming the file) when nothing can be read."""
    result: SourceResult = importer(fmt).read(path)
    return result


def stream_source(path: Path, fmt: str) -> Iterator[Streamed]:
    """(fraction of the file read, article or problem line), in file order.

    Formats with a `stream` (JSON Lines, JSON arrays, CSV) read a file of any size one
    article at a time; the others are read whole (problems first, as `read_source` gives
    them). SourceError (naming the file) when nothing can be read.
    """
    module = importer(fmt)
    stream = getattr(module, "stream", None)
    if stream is not None:
        yield from stream(path)
        return
    result: SourceResult = module.read(path)
    yield from ((0.0, p) for p in result.problems)
    total = max(len(result.articles), 1)
    yield from (((k + 1) / total, a) for k, a in enumerate(result.articles))
