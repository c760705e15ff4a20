"""Fixtures for the reliability tests: a small Persian article and its annotation file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.io import jsonformat
from annotator.model import AnnotationSet, Document, Schema, default_schema

from .helpers import TEXT


@pytest.fixture
def schema() -> Schema:
    return default_schema()


@pytest.fixture
def document() -> Document:
    return Document("doc1", TEXT, "نمونه")


@pytest.fixture
def saved(tmp_path: Path, document: Document, schema: Schema) -> Path:
    """An annotation file with two spans and a relation, saved with the text embedded."""
    aset = AnnotationSet(document, "ali", schema)
    minister = TEXT.index("وزیر امور خارجه")
    claim = TEXT.index("مذاکرات ادامه دارد")
    a = aset.add_span("actor", minister, minister + len("وزیر امور خارجه"))
    c = aset.add_span("claim", claim, claim + len("مذاکرات ادامه دارد"))
    aset.add_relation("claimed_by", c.id, a.id)
    path = tmp_path / "doc1.annotations.json"
    jsonformat.save(aset, path)
    return path
