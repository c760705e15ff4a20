"""Bundled files are read through importlib.resources, so an installed copy finds them.

CI installs the project without -e and sets ANNOTATOR_EXPECT_INSTALLED=1, so these tests then
also prove they ran against the installed package, not the checkout.
"""

from __future__ import annotations

import os
from importlib.resources import as_file, files
from pathlib import Path

import pytest

import annotator
from annotator.io import jsonformat
from annotator.io.textfile import decode_text
from annotator.resources import read_json_resource, resource, sample_article

CHECKOUT = Path(__file__).resolve().parents[2]


def test_the_annotation_schema_is_bundled() -> None:
    schema = read_json_resource("schemas", "annotations-v1.schema.json")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["format"] == {"const": jsonformat.FORMAT}


def test_the_sample_article_is_bundled_and_readable() -> None:
    sample = sample_article()
    assert sample.name.endswith(".txt")
    text, encoding = decode_text(sample.read_bytes(), sample.name)
    assert encoding == "utf-8"
    assert len(text) > 500
    assert "گزارش" in text  # Persian news prose
    with as_file(sample) as path:  # a real file for code that needs a path
        assert path.is_file()


def test_a_persian_font_and_its_licence_are_bundled() -> None:
    fonts = resource("fonts")
    names = sorted(p.name for p in fonts.iterdir())
    ttf = [n for n in names if n.lower().endswith((".ttf", ".otf"))]
    assert ttf, names
    assert any(n.upper().startswith(("OFL", "LICENSE")) for n in names), names
    data = fonts.joinpath(ttf[0]).read_bytes()
    assert data[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true")


@pytest.mark.skipif(
    os.environ.get("ANNOTATOR_EXPECT_INSTALLED") != "1",
    reason="only CI (.ci/run) installs the project without -e",
)
def test_ci_runs_against_the_installed_package() -> None:
    for module in (annotator,):
        origin = Path(module.__file__ or "").resolve()
        assert CHECKOUT not in origin.parents, origin
    assert "site-packages" in str(files("annotator_resources"))
    assert annotator.__version__ != "0.0.0+source"


def test_the_icon_and_desktop_entry_are_bundled() -> None:
    svg = resource("icons", "annotator.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    entry = resource("annotator.desktop").read_text(encoding="utf-8")
    assert "[Desktop Entry]" in entry and "Icon=annotator" in entry and "Exec=annotator %f" in entry
