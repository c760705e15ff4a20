"""Big dumps are read one article at a time: the size limit is per article, not per file."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.io import textfile
from annotator.io.importers import base, csvfile, jsonlines, stream_source
from annotator.io.project import Project

Write = Callable[[str, str | bytes], Path]


def article(i: int, words: int = 40) -> dict[str, str]:
    return {
        "id": f"n{i}",
        "title": f"خبر {i}",
        "date": f"2024-01-{i % 28 + 1:02d}",
        "text": f"متن خبر شماره {i} " * words,
    }


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Limits of a few kilobytes, so that 'big' files are small in a test."""
    monkeypatch.setattr(textfile, "MAX_SOURCE_BYTES", 4096)
    monkeypatch.setattr(csvfile, "MAX_SOURCE_BYTES", 4096)
    monkeypatch.setattr(base, "MAX_ARTICLE_BYTES", 3000)
    monkeypatch.setattr(jsonlines, "MAX_ARTICLE_BYTES", 3000)


def test_json_lines_above_the_file_limit_import_and_a_long_line_is_left_out(
    tmp_path: Path, write: Write, small_limits: None
) -> None:
    lines = [json.dumps(article(i), ensure_ascii=False) for i in range(30)]
    lines[7] = json.dumps(article(7, words=200), ensure_ascii=False)  # above the 3000-byte article limit
    source = write("year.jsonl", "\n".join(lines) + "\n")
    assert source.stat().st_size > 4096
    project = Project.create(tmp_path / "p", "p")
    report = project.import_sources([source], normalize=False)
    assert len(report.added) == 29
    assert report.problems == [
        f"{source}:8: an article of 0 MB is more than the 0 MB annotator takes for one article; left out"
    ]
    assert project.load_document("n8").text.startswith("متن خبر شماره 8")


def test_a_json_array_is_streamed_and_a_cut_dump_keeps_what_came_before(tmp_path: Path, write: Write) -> None:
    items = [article(i) for i in range(20)]
    whole = json.dumps({"source": "fars", "articles": items}, ensure_ascii=False)
    cut = whole[: whole.index('"n15"')]
    source = write("cut.json", cut)
    found = list(stream_source(source, "json"))
    texts = [a for _, a in found if isinstance(a, base.Article)]
    problems = [p for _, p in found if isinstance(p, str)]
    assert len(texts) == 15 and texts[14].name == "n14"
    assert len(problems) == 1 and problems[0].startswith(f"{source}: not valid JSON (line 1, column ")
    assert problems[0].endswith("); the 15 item(s) before it were imported")
    fractions = [f for f, _ in found]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    project = Project.create(tmp_path / "p", "p")
    assert len(project.import_sources([write("whole.json", whole)], normalize=False).added) == 20


def test_a_json_array_is_read_with_flat_memory(tmp_path: Path) -> None:
    source = tmp_path / "big.json"
    with source.open("w", encoding="utf-8") as out:
        out.write("[")
        for i in range(1500):
            out.write(("," if i else "") + json.dumps(article(i, 60), ensure_ascii=False))
        out.write("]")
    size = source.stat().st_size
    tracemalloc.start()
    count = sum(1 for _, a in stream_source(source, "json") if isinstance(a, base.Article))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 1500
    assert peak < size / 10, f"peak {peak} bytes reading a {size}-byte array"


def test_a_big_csv_is_streamed_row_by_row(tmp_path: Path, write: Write, small_limits: None) -> None:
    out = io.StringIO()
    rows = csv.writer(out)
    rows.writerow(["id", "title", "text"])
    for i in range(100):
        rows.writerow([f"c{i}", f"عنوان {i}", f"متن سطر {i}\nدومین خط"])
    source = write("big.csv", out.getvalue())
    assert source.stat().st_size > 4096
    found = [a for _, a in stream_source(source, "csv")]
    assert [a.name for a in found if isinstance(a, base.Article)] == [f"c{i}" for i in range(100)]
    assert found[3].text == "متن سطر 3\nدومین خط"  # type: ignore[union-attr]
