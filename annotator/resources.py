"""Bundled files (schemas, fonts, translations, the sample article) via importlib.resources.

The repository keeps them in the top-level folders resources/ and seeds/; they are installed
as the packages `annotator_resources` and `annotator_seeds`.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def _files(package: str) -> Traversable:
    """The package's folder: a plain folder as pip installs it (importlib.resources and
    its readers took ~3 ms of every start to say so), else importlib.resources (a zip)."""
    module = __import__(package)
    location = getattr(module, "__file__", None)
    folder = Path(location).parent if location else None
    if folder is not None and folder.is_dir():
        return folder
    from importlib.resources import files

    return files(package)


def resource(*parts: str) -> Traversable:
    return _files("annotator_resources").joinpath(*parts)


def as_file(resource: Traversable) -> AbstractContextManager[Path]:
    """A real file's path for a resource (importlib.resources.as_file): itself when it is one."""
    if isinstance(resource, Path):
        return nullcontext(resource)
    from importlib.resources import as_file as extracted

    return extracted(resource)


def read_json_resource(*parts: str) -> Any:
    return json.loads(resource(*parts).read_text(encoding="utf-8"))


def sample_article() -> Traversable:
    """The bundled sample article (seeds/), opened when the program starts with no argument."""
    seeds = _files("annotator_seeds")
    return next(p for p in sorted(seeds.iterdir(), key=lambda p: p.name) if p.name.endswith(".txt"))


__all__ = ["as_file", "read_json_resource", "resource", "sample_article"]
