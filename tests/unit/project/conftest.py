"""Helpers for project tests: a fresh project, files in each encoding, folder snapshots."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.io.project import Project

ARABIC_TEXT = "علي به كتابخانه رفت و كتاب خريد.\nاو گفت اين كتاب را دوست دارد."
PERSIAN_TEXT = "علی به کتابخانه رفت و کتاب خرید.\nاو گفت این کتاب را دوست دارد."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project.create(tmp_path / "proj", "test project")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` with a hash of its bytes, except the search
    and catalogue indexes (.cache/search.sqlite*, .cache/catalog.sqlite*): caches whose bytes
    SQLite may change on any use, and whose rows past the catalogue's end are never read
    (tests check their contents)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if rel == ".cache" or rel.startswith((".cache/search.sqlite", ".cache/catalog.sqlite")):
            continue
        if path.is_dir():
            found[rel + "/"] = ""
        else:
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    src = tmp_path / "src"
    src.mkdir()

    def make(name: str, content: str | bytes) -> Path:
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return make
