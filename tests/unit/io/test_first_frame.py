"""The spans a big article's first frame shows before its annotation file is checked
(annotator/io/first_frame.py): exactly the file's spans that start before the screen's
end, and none at the first sign that the file is not one we can read that way."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.io import jsonformat
from annotator.io.first_frame import spans_before
from annotator.model import AnnotationSet, Document, Span

TEXT = "وزیر امور خارجه در تهران گفت که مذاکرات با هیئت عراقی در بغداد ادامه دارد.\n" * 50


def saved(tmp_path: Path, spans: list[Span], text: str = TEXT) -> bytes:
    aset = AnnotationSet(Document("a", text, "a"))
    aset.load(spans)
    jsonformat.save(aset, tmp_path / "a.annotations.json")
    return (tmp_path / "a.annotations.json").read_bytes()


def span(i: int, start: int, end: int, label: str = "actor") -> Span:
    return Span(f"s{i}", label, start, end, TEXT[start:end])


def test_the_spans_that_start_before_the_end_in_reading_order(tmp_path: Path) -> None:
    word = TEXT.index("تهران")
    spans = [span(i + 1, word + 78 * i, word + 78 * i + 5) for i in range(40)]
    outer = span(99, 0, 15, "claim")  # written first: the file is in reading order
    raw = saved(tmp_path, [*spans, outer])
    assert spans_before(raw, TEXT, 78 * 3) == [outer, *spans[:3]]
    assert spans_before(raw, TEXT, len(TEXT)) == [outer, *spans]


def test_nothing_when_the_spans_were_made_on_another_text(tmp_path: Path) -> None:
    raw = saved(tmp_path, [span(1, 0, 4)])
    assert spans_before(raw, "x" + TEXT[1:], 500) == []  # the span's own text no longer fits
    assert spans_before(raw, TEXT[:3], 500) == []  # past the end


def test_nothing_from_a_file_laid_out_otherwise_or_without_spans(tmp_path: Path) -> None:
    raw = saved(tmp_path, [span(1, 0, 4)])
    reindented = json.dumps(json.loads(raw), ensure_ascii=False, indent=2).encode("utf-8")
    assert spans_before(reindented, TEXT, 500) == []  # a span over several lines
    assert spans_before(json.dumps(json.loads(raw)).encode(), TEXT, 500) == []  # one line
    assert spans_before(saved(tmp_path, []), TEXT, 500) == []
    assert spans_before(b"", TEXT, 500) == []


def test_it_stops_at_the_first_line_it_cannot_take(tmp_path: Path) -> None:
    raw = saved(tmp_path, [span(1, 0, 4), span(2, 5, 9), span(3, 10, 15)])
    broken = raw.replace(b'"id": "s2"', b'"id": 2')
    assert spans_before(broken, TEXT, 500) == [span(1, 0, 4)]
    twice = raw.replace(b'"id": "s2"', b'"id": "s1"')
    assert spans_before(twice, TEXT, 500) == [span(1, 0, 4)]
