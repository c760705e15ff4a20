"""Bundled files (schemas, fonts, translations, the sample article) via importlib.resources.

The repository keeps them in the top-level folders resources/ and seeds/; they are installed
as the packages `annotator_resources` and `annotator_seeds`.
"""

from __future__ import annotations

import json
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from typing import Any


def resource(*parts: str) -> Traversable:
    return files("annotator_resources").joinpath(*parts)


def read_json_resource(*parts: str) -> Any:
    return json.loads(resource(*parts).read_text(encoding="utf-8"))


def sample_article() -> Traversable:
    """The bundled sample article (seeds/), opened when the program starts with no argument."""
    seeds = files("annotator_seeds")
    return next(p for p in sorted(seeds.iterdir(), key=lambda p: p.name) if p.name.endswith(".txt"))


__all__ = ["as_file", "read_json_resource", "resource", "sample_article"]
