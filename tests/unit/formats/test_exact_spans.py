"""Token-based exports carry exactly the tagged text (new user's trial, an NER team).

A whole-word search for «تهران» matches inside «کرج-تهران-کرج» (a hyphen is a word edge);
CoNLL and WebAnno wrote the whole token tagged, and the summary called that "left out".
Now the token is split at the span's edges (annotator/io/formats/_exact.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotator.io.formats import AnnotatedDocument, SpanRecord, get
from annotator.io.formats._exact import exact_edges, split_tokens
from annotator.io.formats._text import word_spans
from annotator.model import Document
from annotator.persian.graphemes import clusters
from annotator.persian.match import find_all

SPLIT = "tokens split at span edges so that the spans are exact"
SKIN = "👍🏽"
ZWNJ = "\u200c"


def conll_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line and not line.startswith("-DOCSTART-")]


def webanno_rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").split("\n") if line[:1].isdigit()]


def spans_of(text: str, word: str, label: str = "location") -> list[SpanRecord]:
    return [SpanRecord(f"s{n}", label, s, e) for n, (s, e) in enumerate(find_all(text, word, whole_words=True))]


TRIAL = "جاده کرج-تهران-کرج و تهران-شمال بسته شد. تهران آرام است."


def test_the_trial_whole_word_tag_all_is_written_exactly(tmp_path: Path) -> None:
    spans = spans_of(TRIAL, "تهران")
    assert len(spans) == 3  # the search is right: '-' is a word edge
    doc = AnnotatedDocument(Document("d", TRIAL), spans)
    report = get("conll").write([doc], tmp_path / "o.conll")
    assert conll_lines(tmp_path / "o.conll") == [
        "جاده\tO", "کرج\tO", "-\tO", "تهران\tB-location", "-\tO", "کرج\tO", "و\tO",
        "تهران\tB-location", "-\tO", "شمال\tO", "بسته\tO", "شد\tO", ".\tO",
        "تهران\tB-location", "آرام\tO", "است\tO", ".\tO",
    ]  # fmt: skip
    assert report.changed == {SPLIT: 2}
    assert report.left_out == {}
    assert report.summary() == ["1 document(s) written", f"2 {SPLIT}"]
    # read back, every span is exactly the word tagged
    back = get("conll").read(tmp_path / "o.conll").documents[0]
    assert [back.text[s.start : s.end] for s in back.spans] == ["تهران"] * 3


def test_webanno_splits_the_same_tokens_and_keeps_the_text(tmp_path: Path) -> None:
    spans = spans_of(TRIAL, "تهران")
    report = get("webanno").write([AnnotatedDocument(Document("d", TRIAL), spans)], tmp_path)
    rows = webanno_rows(tmp_path / "d.tsv")
    assert [(r[2], r[3]) for r in rows[1:6]] == [
        ("کرج", "_"), ("-", "_"), ("تهران", "location"), ("-", "_"), ("کرج", "_")
    ]  # fmt: skip
    assert report.changed == {SPLIT: 2}
    back = get("webanno").read(tmp_path / "d.tsv").documents[0]
    assert back.text == TRIAL.replace("شد. ", "شد.\n")  # between sentences: a line break, as always
    assert sorted((s.start, s.end) for s in back.spans) == sorted((s.start, s.end) for s in spans)


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        # at the span's edge, and a run of punctuation touching the cut is its own token
        ("تهران-شمال", 0, 5, [("تهران", "B"), ("-", "O"), ("شمال", "O")]),
        ("شهریار--تهران", 8, 13, [("شهریار", "O"), ("--", "O"), ("تهران", "B")]),
        # a hyphen the span covers stays in it; one no edge touches stays in its token
        ("کرج-تهران-کرج", 0, 9, [("کرج-تهران", "B"), ("-", "O"), ("کرج", "O")]),
        ("کرج-تهران-کرج", 0, 10, [("کرج-تهران", "B"), ("-", "I"), ("کرج", "O")]),
        # starting or ending inside a word: the word is cut there
        ("تهرانی", 0, 5, [("تهران", "B"), ("ی", "O")]),
        ("پیش‌تهران", 4, 9, [("پیش", "O"), ("تهران", "B")]),
        # a ZWNJ at a cut is no token's edge, inside the span or not
        ("نخست‌وزیر", 5, 9, [("نخست", "O"), ("وزیر", "B")]),
        ("نخست‌وزیر", 0, 4, [("نخست", "B"), ("وزیر", "O")]),
        ("نخست‌وزیر", 0, 5, [("نخست", "B"), ("وزیر", "O")]),
        ("صهیونیست‌ها", 0, 8, [("صهیونیست", "B"), ("ها", "O")]),
    ],
)
def test_a_token_is_split_at_the_span_edges(tmp_path: Path, text: str, start: int, end: int, expected: list) -> None:
    assert len(word_spans(text)) == 1  # one token before the split
    doc = AnnotatedDocument(Document("d", text), [SpanRecord("s", "X", start, end)])
    report = get("conll").write([doc], tmp_path / "o.conll", {"doc_boundary": "none"})
    assert conll_lines(tmp_path / "o.conll") == [f"{t}\t{tag}{'-X' if tag != 'O' else ''}" for t, tag in expected]
    assert report.changed == {SPLIT: 1}
    assert report.left_out == {}


def test_emoji_clusters_next_to_a_span_are_never_cut(tmp_path: Path) -> None:
    # tokens kept from an import hold a word and an emoji together
    text = f"تهران{SKIN}کرج"
    tokens = [(0, len(text))]
    spans = [SpanRecord("a", "X", 0, 5)]
    doc = AnnotatedDocument(Document("d", text), spans, tokens=tokens)
    report = get("conll").write([doc], tmp_path / "o.conll", {"doc_boundary": "none"})
    assert conll_lines(tmp_path / "o.conll") == ["تهران\tB-X", f"{SKIN}\tO", "کرج\tO"]
    assert report.changed == {SPLIT: 1}
    # a span ending between 👍 and its skin tone takes the whole 👍🏽, never half of it
    # (a symbol at a cut is a token of its own, as punctuation is)
    doc.spans = [SpanRecord("a", "X", 0, 6)]
    report = get("conll").write([doc], tmp_path / "o.conll", {"doc_boundary": "none"})
    assert conll_lines(tmp_path / "o.conll") == ["تهران\tB-X", f"{SKIN}\tI-X", "کرج\tO"]
    assert report.changed == {SPLIT: 1, "span edges inside a character moved to the character's edge": 1}
    # and one starting inside the cluster starts at its beginning
    doc.spans = [SpanRecord("a", "X", 6, len(text))]
    get("conll").write([doc], tmp_path / "o.conll", {"doc_boundary": "none"})
    assert conll_lines(tmp_path / "o.conll") == ["تهران\tO", f"{SKIN}\tB-X", "کرج\tI-X"]


def test_two_spans_in_one_token_are_both_written(tmp_path: Path) -> None:
    # before, both covered the one token: the second was dropped as overlapping
    text = "کرج-تهران"
    doc = AnnotatedDocument(Document("d", text), [SpanRecord("a", "X", 0, 3), SpanRecord("b", "X", 4, 9)])
    report = get("conll").write([doc], tmp_path / "o.conll", {"doc_boundary": "none"})
    assert conll_lines(tmp_path / "o.conll") == ["کرج\tB-X", "-\tO", "تهران\tB-X"]
    assert report.left_out == {}


def test_nested_and_overlapping_spans_in_bio_keep_the_outermost_and_split_only_for_it(tmp_path: Path) -> None:
    text = "کرج-تهران-کرج"
    outer, inner = SpanRecord("o", "X", 0, 13), SpanRecord("i", "Y", 4, 9)
    doc = AnnotatedDocument(Document("d", text), [inner, outer])
    report = get("conll").write([doc], tmp_path / "o.conll", {"doc_boundary": "none"})
    # the inner span is not written, so the token is not split for it
    assert conll_lines(tmp_path / "o.conll") == ["کرج-تهران-کرج\tB-X"]
    assert report.changed == {}
    assert report.left_out == {"nested/overlapping spans (BIO keeps the outermost in each tag column)": 1}
    # in a tag column of its own the inner span is written, and the token split for it
    report = get("conll").write([doc], tmp_path / "o.conll", {"doc_boundary": "none", "layers": [["X"], ["Y"]]})
    assert conll_lines(tmp_path / "o.conll") == [
        "کرج\tB-X\tO", "-\tI-X\tO", "تهران\tI-X\tB-Y", "-\tI-X\tO", "کرج\tI-X\tO"
    ]  # fmt: skip
    # crossing spans: the first is kept and the token split at its edges only
    doc.spans = [SpanRecord("a", "X", 0, 9), SpanRecord("b", "X", 4, 13)]
    report = get("conll").write([doc], tmp_path / "o.conll", {"doc_boundary": "none"})
    assert conll_lines(tmp_path / "o.conll") == ["کرج-تهران\tB-X", "-\tO", "کرج\tO"]
    assert report.left_out == {"nested/overlapping spans (BIO keeps the outermost in each tag column)": 1}


def test_webanno_writes_nested_spans_over_the_pieces(tmp_path: Path) -> None:
    text = "کرج-تهران-کرج"
    doc = AnnotatedDocument(Document("d", text), [SpanRecord("o", "X", 0, 13), SpanRecord("i", "Y", 4, 9)])
    get("webanno").write([doc], tmp_path)
    assert [(r[2], r[3]) for r in webanno_rows(tmp_path / "d.tsv")] == [
        ("کرج", "X[1]"), ("-", "X[1]"), ("تهران", "X[1]|Y[2]"), ("-", "X[1]"), ("کرج", "X[1]")
    ]  # fmt: skip
    back = get("webanno").read(tmp_path / "d.tsv").documents[0]
    assert sorted((s.label, s.start, s.end) for s in back.spans) == [("X", 0, 13), ("Y", 4, 9)]


def test_kept_pos_columns_follow_the_pieces(tmp_path: Path) -> None:
    source = tmp_path / "in.conll"
    source.write_text("-DOCSTART- -X- O O\n\nکرج-تهران NNP B-NP O\nبسته ADJ B-ADJP O\n\n", encoding="utf-8")
    doc = get("conll").read(source).documents[0]
    doc.spans = [SpanRecord("a", "LOC", 4, 9)]
    report = get("conll").write([doc], tmp_path / "o.conll")
    assert (tmp_path / "o.conll").read_text(encoding="utf-8") == (
        "-DOCSTART- -X- O O\n\nکرج NNP B-NP O\n- NNP B-NP O\nتهران NNP B-NP B-LOC\nبسته ADJ B-ADJP O\n\n"
    )
    assert report.notes == {"POS/chunk columns of a split token repeated on its pieces": 1}


def test_split_tokens_leaves_tokens_without_edges_alone() -> None:
    text = "کرج تهران"
    tokens = [(0, 3), (4, 9)]
    # edges on token edges, between tokens, or outside: the very list back
    assert split_tokens(text, tokens, [0, 3, 4, 9, 20])[0] is tokens
    assert split_tokens(text, tokens, [6]) == ([(0, 3), (4, 6), (6, 9)], 1)


def test_exact_edges() -> None:
    text = f" تهران {SKIN}"
    assert exact_edges(text, 0, 7) == (1, 6, (0, 7), False)  # white space at the ends is no part
    assert exact_edges(text, 7, 8) == (7, 9, (7, 9), True)  # half 👍🏽: the whole
    assert exact_edges(text, 0, 1) is None  # nothing but a space
    assert exact_edges("نخست‌وزیر", 4, 5) is None  # nothing but a ZWNJ


# ---- the shared corpora: spans on token boundaries change no token ------------------

CORPORA = [
    ("conll", "ner/arman-dev.txt"),
    ("conll", "ner/peyma-dev.txt"),
    ("brat", "interop/brat"),
    ("doccano", "interop/doccano/sequence_labeling.jsonl"),
    ("doccano", "interop/doccano/relation_extraction.jsonl"),
    ("labelstudio", "interop/labelstudio/named_entity_task.json"),
    ("webanno", "interop/webanno"),
]


@pytest.mark.corpora
@pytest.mark.parametrize(("reader", "relative"), CORPORA)
@pytest.mark.parametrize("writer", ["conll", "webanno"])
def test_corpora_tokens_are_the_same_with_and_without_their_spans(
    corpora: Path, tmp_path: Path, reader: str, relative: str, writer: str
) -> None:
    docs = get(reader).read(corpora / relative).documents
    assert docs
    options = {"separator": "tab"} if writer == "conll" else {}
    report = get(writer).write(docs, tmp_path / "with", options)
    for doc in docs:
        doc.spans, doc.relations = [], []
    get(writer).write(docs, tmp_path / "without", options)

    def first_column(path: Path) -> list[str]:
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        lines = [line for f in files for line in f.read_text(encoding="utf-8").split("\n")]
        if writer == "webanno":
            return [line.split("\t")[1] + line.split("\t")[2] for line in lines if line[:1].isdigit()]
        return [line.split("\t")[0] for line in lines if line and not line.startswith("-DOCSTART-")]

    assert report.changed == {}
    assert first_column(tmp_path / "with") == first_column(tmp_path / "without")


@pytest.mark.corpora
@pytest.mark.parametrize("relative", ["ner/arman-dev.txt", "ner/peyma-dev.txt"])
def test_conll_corpora_come_back_byte_for_byte(corpora: Path, tmp_path: Path, relative: str) -> None:
    fmt = get("conll")
    report = fmt.write(fmt.read(corpora / relative).documents, tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_bytes() == (corpora / relative).read_bytes()
    assert report.changed == {} and report.left_out == {}


# ---- property: what is tagged is exactly the span, never more ------------------------

PIECES = ["کرج", "-", "تهران", "نخست‌وزیر", "ی", SKIN, "👨\u200d👩\u200d👧", "۵۰", "٪", "،", " ", " ", ZWNJ, "مُحَمَّد"]


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12)))
    edges = sorted({0, len(text), *(s for s, _ in clusters(text))})
    picked = sorted(draw(st.lists(st.sampled_from(edges), min_size=2, max_size=6, unique=True)))
    spans = [(a, b) for a, b in zip(picked[::2], picked[1::2], strict=False)]
    return text, spans


@settings(max_examples=150, deadline=None)
@given(text_and_spans())
@example(("کرج-تهران-کرج", [(4, 9)]))
@example((f"نخست‌وزیر {SKIN}تهران", [(5, 9), (12, 17)]))
def test_conll_tags_exactly_each_span(case: tuple[str, list[tuple[int, int]]]) -> None:
    import tempfile

    text, spans = case
    records = [SpanRecord(f"s{n}", "X", s, e) for n, (s, e) in enumerate(spans)]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "o.conll"
        get("conll").write([AnnotatedDocument(Document("d", text), records)], out, {"doc_boundary": "none"})
        back = get("conll").read(out).documents
    got = [b.text[s.start : s.end] for b in back for s in b.spans]

    def bare(s: str) -> str:
        return "".join(ch for ch in s if not ch.isspace() and ch != ZWNJ)

    wanted = [bare(text[e.start : e.end]) for s, t in spans if (e := exact_edges(text, s, t))]
    assert [bare(g) for g in got] == [w for w in wanted if w]


@settings(max_examples=150, deadline=None)
@given(text_and_spans())
def test_webanno_tags_exactly_each_span_and_cuts_no_character(case: tuple[str, list[tuple[int, int]]]) -> None:
    import tempfile

    text, spans = case
    records = [SpanRecord(f"s{n}", "X", s, e) for n, (s, e) in enumerate(spans)]
    with tempfile.TemporaryDirectory() as folder:
        get("webanno").write([AnnotatedDocument(Document("d", text), records)], Path(folder))
        back = get("webanno").read(Path(folder) / "d.tsv").documents[0]
    boundaries = {0, len(text), *(s for s, _ in clusters(text))}
    assert all(s in boundaries and e in boundaries for s, e in back.tokens or [])
    wanted = sorted((e.start, e.end) for s, t in spans if (e := exact_edges(text, s, t)))
    # the text is read back at the same offsets (what lay between sentences as line breaks)
    assert sorted((s.start, s.end) for s in back.spans) == wanted


def test_an_invisible_mark_left_at_a_cut_is_no_token(tmp_path: Path) -> None:
    # hazm keeps a right-to-left mark in the token «تهران\u200f»: cut after تهران, the mark
    # alone would be an invisible token line
    text = "تهران\u200f شمال"
    assert word_spans(text)[0] == (0, 6)
    doc = AnnotatedDocument(Document("d", text), [SpanRecord("a", "X", 0, 5)])
    get("conll").write([doc], tmp_path / "o.conll", {"doc_boundary": "none"})
    assert conll_lines(tmp_path / "o.conll") == ["تهران\tB-X", "شمال\tO"]
    # the whole token tagged, mark included: nothing is split
    doc.spans = [SpanRecord("a", "X", 0, 6)]
    report = get("conll").write([doc], tmp_path / "o.conll", {"doc_boundary": "none"})
    assert conll_lines(tmp_path / "o.conll") == ["تهران\u200f\tB-X", "شمال\tO"] and report.changed == {}
    # both: the mark is no token, so the longer is written over تهران, as a span that took
    # the space after its word is written without it
    doc.spans = [SpanRecord("a", "X", 0, 5), SpanRecord("b", "Y", 0, 6)]
    report = get("webanno").write([doc], tmp_path)
    assert [(r[2], r[3]) for r in webanno_rows(tmp_path / "d.tsv")] == [("تهران", "Y[1]|X[2]"), ("شمال", "_")]
    assert report.left_out == {} and report.changed == {SPLIT: 1}
