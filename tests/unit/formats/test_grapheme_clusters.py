"""Exports never cut a user-perceived character (a grapheme cluster) in two.

hazm and the simple split cut 👍🏽 into 👍 and 🏽, a ZWJ family into its people (dropping
the ZWJs), a flag into two regional indicators, 1️⃣ after the digit and ❤️ before its
variation selector; CoNLL and WebAnno wrote each piece as a token of its own and widened
a span only to the piece. Now every token is whole clusters (annotator/persian/graphemes.py).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotator.io.formats import AnnotatedDocument, SpanRecord, get
from annotator.model import Document
from annotator.persian.offsets import utf16_len

SKIN = "👍🏽"
FAMILY = "👨\u200d👩\u200d👧"
FLAG = "🇮🇷"
KEYCAP = "1\ufe0f\u20e3"
HEART = "\u2764\ufe0f"  # a variation selector
CODER = "👩🏽\u200d💻"  # modifier and ZWJ in one
LATIN_MARK = "cafe\u0301"  # a letter and a combining mark

CLUSTERS = {"skin": SKIN, "family": FAMILY, "flag": FLAG, "keycap": KEYCAP, "heart": HEART, "coder": CODER}


def text_with(cluster: str) -> str:
    # first in the text, alone between spaces, glued to a Persian word with ZWNJ and
    # diacritics, and last: each position tokenized differently by hazm
    return f"{cluster} وزیر {cluster} گفت نخست‌وزیرِ{cluster}تهران مُحَمَّد {cluster}"


def conll_tokens(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return [line.split("\t")[0] for line in lines if line and not line.startswith("-DOCSTART-")]


def webanno_rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return [line.split("\t") for line in lines if line[:1].isdigit()]


def cluster_spans(text: str, cluster: str) -> list[SpanRecord]:
    spans, at = [], text.find(cluster)
    while at >= 0:
        spans.append(SpanRecord(f"e{at}", "emoji", at, at + len(cluster)))
        at = text.find(cluster, at + 1)
    return spans


@pytest.mark.parametrize("kind", CLUSTERS)
def test_conll_keeps_each_cluster_one_token_and_reads_back(tmp_path: Path, kind: str) -> None:
    cluster = CLUSTERS[kind]
    text = text_with(cluster)
    word = text.index("نخست")
    spans = [
        *cluster_spans(text, cluster),
        # a span whose end lies right after a cluster: the word and the emoji glued to it
        SpanRecord("w", "actor", word, word + len("نخست‌وزیرِ") + len(cluster)),
    ]
    doc = AnnotatedDocument(Document("d", text), spans)
    report = get("conll").write([doc], tmp_path / "o.conll", {"layers": [["emoji"], ["actor"]]})
    assert conll_tokens(tmp_path / "o.conll") == [
        cluster, "وزیر", cluster, "گفت", "نخست‌وزیرِ", cluster, "تهران", "مُحَمَّد", cluster
    ]  # fmt: skip
    assert report.changed == {} and report.left_out == {}
    back = get("conll").read(tmp_path / "o.conll", {"tag_columns": 2}).documents[0]
    # the text read back is the tokens joined by spaces: the spans cover the same tokens
    got = sorted(back.text[s.start : s.end].replace(" ", "") for s in back.spans)
    assert got == sorted(text[s.start : s.end] for s in spans)


@pytest.mark.parametrize("kind", CLUSTERS)
def test_webanno_keeps_each_cluster_one_token_with_utf16_offsets(tmp_path: Path, kind: str) -> None:
    cluster = CLUSTERS[kind]
    text = text_with(cluster)
    word = text.index("نخست")
    spans = [*cluster_spans(text, cluster), SpanRecord("w", "actor", word, word + len("نخست‌وزیرِ") + len(cluster))]
    doc = AnnotatedDocument(Document("d", text), spans)
    report = get("webanno").write([doc], tmp_path)
    rows = webanno_rows(tmp_path / "d.tsv")
    assert [r[2] for r in rows] == [
        cluster, "وزیر", cluster, "گفت", "نخست‌وزیرِ", cluster, "تهران", "مُحَمَّد", cluster
    ]  # fmt: skip
    # offsets count UTF-16 units, as WebAnno's reader takes them (Java strings): a token
    # is as long as its text in UTF-16, and the next starts after the space
    for row in rows:
        begin, end = map(int, row[1].split("-"))
        assert end - begin == utf16_len(row[2])
    assert rows[0][1] == f"0-{utf16_len(cluster)}"
    assert report.changed == {} and "spans covering no token" not in report.left_out
    back = get("webanno").read(tmp_path / "d.tsv").documents[0]
    assert back.text == text
    assert sorted((s.start, s.end) for s in back.spans) == sorted((s.start, s.end) for s in spans)


def test_a_span_on_half_a_cluster_is_exported_on_the_whole(tmp_path: Path) -> None:
    # a span made before this fix covers 👍 of 👍🏽: the export widens it to the whole
    # cluster (never splits the token inside it), and says so
    text = f"سلام {SKIN} دنیا"
    doc = AnnotatedDocument(Document("d", text), [SpanRecord("a", "emoji", 5, 6)])
    report = get("conll").write([doc], tmp_path / "o.conll")
    assert (tmp_path / "o.conll").read_text(encoding="utf-8").split("\n")[2:5] == [
        "سلام\tO", f"{SKIN}\tB-emoji", "دنیا\tO"
    ]  # fmt: skip
    assert report.changed == {"span edges inside a character moved to the character's edge": 1}
    assert report.left_out == {}


def test_webanno_emoji_row_matches_webanno_own_test_file(corpora: Path, tmp_path: Path) -> None:
    # WebAnno's tsv3-suite testSentenceWithEmoji: "I like it 😊 ." with 😊 at 10-12 (UTF-16);
    # the same sentence with a skin-toned emoji: one row 10-14, the "." at 15-16
    reference = corpora / "interop/webanno/testSentenceWithEmoji.tsv"
    assert "1-4\t10-12\t😊\t" in reference.read_text(encoding="utf-8")
    doc = AnnotatedDocument(Document("d", f"I like it {SKIN} ."), [SpanRecord("s", "x", 10, 12)])
    get("webanno").write([doc], tmp_path)
    rows = webanno_rows(tmp_path / "d.tsv")
    assert [r[:4] for r in rows[3:]] == [["1-4", "10-14", SKIN, "x"], ["1-5", "15-16", ".", "_"]]


# ---- property: no exported token edge inside a cluster --------------------------------

PIECES = [SKIN, FAMILY, FLAG, KEYCAP, HEART, CODER, LATIN_MARK, "🇮", "🏽", "\u200d", "\ufe0f", "\u20e3"]
PIECES += ["وزیر", "نخست‌وزیر", "مُحَمَّد", "کتابً", "رحمٰن", "\u0651", "\u064e", "\u0670", "۱۲", "12"]
PIECES += [" ", " ", "\n", "\u200c", "،", ".", "«", "»", "!", "#"]
cluster_texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join)


def allowed_edges(text: str) -> set[int]:
    """Next to white space and a ZWNJ (the two departures graphemes.py documents), and
    where Unicode's \\X puts cluster edges in each piece between those (a ZWJ after a
    ZWNJ joins nothing before it: in 👍🏽 ZWNJ ZWJ 👍🏽 the ZWJ and the second 👍🏽 are
    apart, though \\X over the whole text joins them, commit ca60f93)."""
    cuts = {0, len(text)}
    cuts |= {i for i, ch in enumerate(text) if ch.isspace() or ch == "\u200c"}
    cuts |= {i + 1 for i, ch in enumerate(text) if ch.isspace() or ch == "\u200c"}
    ordered = sorted(cuts)
    edges = set(cuts)
    for a, b in itertools.pairwise(ordered):
        edges |= {a + m.start() for m in regex.finditer(r"\X", text[a:b])}
    return edges


@settings(max_examples=150, deadline=None)
@given(cluster_texts)
@example("👍🏽\u200c\u200d👍🏽")
def test_no_exported_token_edge_falls_inside_a_cluster(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    tmp = tmp_path_factory.mktemp("p")
    doc = AnnotatedDocument(Document("d", text), [SpanRecord("a", "x", 0, len(text))])
    get("webanno").write([doc], tmp)
    rows = webanno_rows(tmp / "d.tsv")
    utf16_edges = {sum(2 if ord(c) > 0xFFFF else 1 for c in text[:i]) for i in allowed_edges(text)}
    for row in rows:
        begin, end = map(int, row[1].split("-"))
        assert begin in utf16_edges and end in utf16_edges, (text, row)
    get("conll").write([doc], tmp / "o.conll")
    tokens = conll_tokens(tmp / "o.conll")
    # each token line is whole clusters of the text, in order
    at = 0
    edges = allowed_edges(text)
    for token in tokens:
        found = text.find(token, at)
        assert found >= 0 and found in edges and found + len(token) in edges, (text, token)
        at = found + len(token)
