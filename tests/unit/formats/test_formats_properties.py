"""Offsets survive text with ZWNJ, Arabic letters and emoji, in every format (Hypothesis)."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.io.formats import FORMATS, AnnotatedDocument, RelationRecord, SpanRecord
from annotator.model import Document

ZWNJ = "\u200c"
LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةأإؤئ"

letters = st.text(alphabet=LETTERS, min_size=1, max_size=6)
word = st.one_of(
    st.lists(letters, min_size=1, max_size=3).map(ZWNJ.join),
    st.sampled_from(["\U0001f600", "\U0001f9d5", "\U0001f4a5"]),
)


@st.composite
def documents(draw: st.DrawFn, nested: bool) -> AnnotatedDocument:
    words = draw(st.lists(word, min_size=1, max_size=12))
    text = " ".join(words)
    bounds, pos = [], 0
    for w in words:
        bounds.append((pos, pos + len(w)))
        pos += len(w) + 1
    spans: list[SpanRecord] = []
    i = 0
    while i < len(bounds):
        length = draw(st.integers(1, 3))
        if draw(st.booleans()):
            j = min(len(bounds), i + length)
            label = draw(st.sampled_from(["actor", "location", "claim"]))
            spans.append(SpanRecord(f"s{len(spans) + 1}", label, bounds[i][0], bounds[j - 1][1]))
            if nested and j - i > 1:
                spans.append(SpanRecord(f"s{len(spans) + 1}", "actor", bounds[i][0], bounds[i][1]))
            i = j
        else:
            i += 1
    relations = []
    if len(spans) >= 2 and draw(st.booleans()):
        relations.append(RelationRecord("r1", "claimed_by", spans[0].id, spans[1].id))
    return AnnotatedDocument(Document("d1", text, "عنوان"), spans, relations)


def keys(doc: AnnotatedDocument) -> list[tuple[str, int, int, str]]:
    return sorted((s.label, s.start, s.end, doc.text[s.start : s.end]) for s in doc.spans)


def rel_keys(doc: AnnotatedDocument) -> list[tuple[str, tuple[str, int, int], tuple[str, int, int]]]:
    # a relation is its type and both of its ends, whole: label and offsets
    by_id = {s.id: (s.label, s.start, s.end) for s in doc.spans}
    return sorted((r.type, by_id[r.source], by_id[r.target]) for r in doc.relations)


OUT = {"json": "out", "brat": "out", "webanno": "out"}
LOSSLESS_NESTING = ["json", "jsonl", "brat", "doccano", "labelstudio"]
TOKEN_FORMATS = ["conll", "webanno"]


def round_trip(name: str, doc: AnnotatedDocument, options: dict[str, object] | None = None) -> AnnotatedDocument:
    fmt = FORMATS[name]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / OUT.get(name, "out.txt")
        fmt.write([doc], out, options or {})
        result = fmt.read(out)
    assert result.problems == []
    (back,) = result.documents
    return back


@settings(max_examples=30, deadline=None)
@given(documents(nested=True))
def test_span_formats_keep_offsets_and_nesting(doc: AnnotatedDocument) -> None:
    for name in LOSSLESS_NESTING:
        options = {"variant": "relations"} if name == "doccano" else {}
        back = round_trip(name, doc, options)
        assert back.text == doc.text, name
        assert keys(back) == keys(doc), name
        assert rel_keys(back) == rel_keys(doc), name


@settings(max_examples=30, deadline=None)
@given(documents(nested=False))
def test_token_formats_keep_offsets(doc: AnnotatedDocument) -> None:
    for name in TOKEN_FORMATS:
        back = round_trip(name, doc)
        assert back.text == doc.text, name
        assert keys(back) == keys(doc), name
    assert rel_keys(round_trip("webanno", doc)) == rel_keys(doc)


@settings(max_examples=20, deadline=None)
@given(documents(nested=True))
def test_export_only_formats_keep_offsets(doc: AnnotatedDocument) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        FORMATS["spacy"].write([doc], Path(tmp) / "s.jsonl")
        line = json.loads((Path(tmp) / "s.jsonl").read_text(encoding="utf-8"))
        assert sorted((s["label"], s["start"], s["end"]) for s in line["spans"]) == [k[:3] for k in keys(doc)]
        FORMATS["csv"].write([doc], Path(tmp) / "s.csv")
        with (Path(tmp) / "s.csv").open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert sorted((r["label"], int(r["start"]), int(r["end"]), r["text"]) for r in rows) == keys(doc)
