"""Grapheme clusters (annotator.persian.graphemes) and the word edges and selections that
must not cut them (annotator.persian.segment)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.model.tagging import selection_to_span_range
from annotator.persian import segment
from annotator.persian.graphemes import clusters, inside, is_boundary, widen, widen_spans
from annotator.persian.segment import snap_to_words, trim, word_at, word_spans

SKIN = "👍🏽"
FAMILY = "👨\u200d👩\u200d👧"
FLAG = "🇮🇷"
KEYCAP = "1\ufe0f\u20e3"
HEART = "\u2764\ufe0f"
SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"  # tag characters (Cf)
ZWNJ = "\u200c"


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in clusters(text)]


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in word_spans(text)]


@pytest.mark.parametrize("cluster", [SKIN, FAMILY, FLAG, KEYCAP, HEART, SCOTLAND, "بِّ", "کتابً"[-2:], "e\u0301"])
def test_each_kind_is_one_cluster(cluster: str) -> None:
    assert pieces(cluster) == [cluster]
    assert [inside(cluster, p) for p in range(1, len(cluster))] == [(0, len(cluster))] * (len(cluster) - 1)
    assert is_boundary(cluster, 0) and is_boundary(cluster, len(cluster))


def test_two_flags_pair_their_indicators() -> None:
    assert pieces("🇮🇷🇺🇸") == ["🇮🇷", "🇺🇸"]
    assert inside("🇮🇷🇺🇸", 2) is None and inside("🇮🇷🇺🇸", 3) == (2, 4)


def test_white_space_and_zwnj_depart_from_uax29() -> None:
    # a mark after a space stays apart from it; a ZWNJ does not extend the letter before it
    assert pieces(" \u064e") == [" ", "\u064e"]
    assert pieces(f"{ZWNJ}\u064e") == [ZWNJ, "\u064e"]
    assert pieces(f"می{ZWNJ}روم") == ["م", "ی", ZWNJ, "ر", "و", "م"]
    assert [m.group() for m in regex.finditer(r"\X", f"ی{ZWNJ}")] == [f"ی{ZWNJ}"]  # what \X alone says


def test_widen() -> None:
    text = f"سلام {SKIN} دنیا"
    assert widen(text, 5, 6) == (5, 7)
    assert widen(text, 6, 7) == (5, 7)
    assert widen(text, 0, 4) == (0, 4)
    assert widen_spans(text, [(0, 4), (5, 6), (6, 7), (8, 12)]) == [(0, 4), (5, 7), (8, 12)]


PIECES = [SKIN, FAMILY, FLAG, KEYCAP, HEART, SCOTLAND, "🇮", "🏽", "\u200d", "\ufe0f", "\u20e3", "e\u0301", "\u0301"]
PIECES += ["وزیر", "مُحَمَّد", "\u0651", "\u064b", "\u0670", "क्ष", "각", "\u1100\u1161", "\u0600", "\r\n"]
PIECES += [" ", "\n", ZWNJ, "،", ".", "a", "۱"]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_inside_agrees_with_clusters(text: str) -> None:
    # inside() decides most positions from two characters and scans the rest locally:
    # it must say what the whole-text scan says
    edges = {s for s, _ in clusters(text)} | {len(text)}
    assert "".join(pieces(text)) == text
    for pos in range(len(text) + 1):
        found = inside(text, pos)
        assert (found is None) == (pos in edges), (text, pos)
        if found is not None:
            assert found in set(clusters(text))


@settings(max_examples=200, deadline=None)
@given(texts)
def test_word_edges_and_trimmed_selections_never_cut_a_cluster(text: str) -> None:
    edges = {s for s, _ in clusters(text)} | {len(text)}
    for s, e in word_spans(text):
        assert s in edges and e in edges, (text, s, e)
    for a in range(len(text) + 1):
        s, e = trim(text, a, len(text))
        assert s in edges and e in edges
        snapped = snap_to_words(text, 0, a)
        assert snapped is None or (snapped[0] in edges and snapped[1] in edges)


@pytest.mark.parametrize("cluster", [SKIN, FAMILY, FLAG, KEYCAP, HEART])
def test_persian_words_with_zwnj_and_diacritics_next_to_emoji(cluster: str) -> None:
    text = f"{cluster}نخست{ZWNJ}وزیرِ{cluster} گفت: «مُحَمَّدٌ{cluster}» رحمٰن{cluster}"
    assert words(text) == [
        cluster, f"نخست{ZWNJ}وزیرِ", cluster, "گفت", ":", "«", "مُحَمَّدٌ", cluster, "»", "رحمٰن", cluster
    ]  # fmt: skip


@pytest.mark.parametrize("text", ["cafe\u0301 ok", f"{HEART} قلب", f"شماره {KEYCAP} یک", f"زن{SKIN}ها"])
def test_the_simple_split_used_during_warm_up_keeps_clusters_whole(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(segment, "tokenizer_pending", lambda: True)
    edges = {s for s, _ in clusters(text)} | {len(text)}
    assert all(s in edges and e in edges for s, e in word_spans(text))
    monkeypatch.undo()
    assert all(s in edges and e in edges for s, e in word_spans(text))


def test_a_selection_inside_a_cluster_snaps_to_its_edges() -> None:
    text = f"سلام {SKIN} و {FAMILY} دنیا"
    skin = text.index(SKIN)
    family = text.index(FAMILY)
    for snap in (True, False):
        # from inside 👍🏽 (between thumb and tone) to inside the family (on a ZWJ)
        assert selection_to_span_range(text, skin + 1, family + 3, snap) == (skin, family + len(FAMILY))
        # the tone alone, the thumb alone
        assert selection_to_span_range(text, skin + 1, skin + 2, snap) == (skin, skin + 2)
        assert selection_to_span_range(text, skin, skin + 1, snap) == (skin, skin + 2)
    assert word_at(text, family + 2) == (family, family + len(FAMILY))


def test_trim_keeps_the_tag_characters_of_a_subdivision_flag() -> None:
    # they are format characters (Cf), trimmed from a selection's edge like a ZWNJ, but
    # here they are the flag's letters
    text = f"پرچم {SCOTLAND} است"
    start = text.index(SCOTLAND)
    assert trim(text, start, start + len(SCOTLAND)) == (start, start + len(SCOTLAND))
    assert trim(text, start, start + 3) == (start, start + len(SCOTLAND))


def test_trim_drops_a_punctuation_cluster_whole() -> None:
    # a tanwin on a hyphen: the mark goes with the hyphen it sits on, not left dangling
    assert trim("علی -ً", 0, 6) == (0, 3)
    assert trim("-ًعلی", 0, 5) == (2, 5)


def test_texts_without_clusters_split_as_before() -> None:
    # widening changes nothing where no cluster is cut (the exports' bytes stay the same)
    text = f"نخست{ZWNJ}وزیر گفت، «تهران» ۵۰٪ است. {ZWNJ}می{ZWNJ} 😀x"
    raw = segment._fallback_spans(text, 0, len(text))
    assert widen_spans(text, raw) == raw
    assert trim(text, 0, len(text)) == (0, len(text))


def test_a_zwj_after_a_zwnj_joins_nothing_before_it() -> None:
    # found by the property test above: the whole text's \\X made "ZWJ 👍🏽" after a ZWNJ
    # one cluster (from the 👍🏽 before the ZWNJ), inside() two
    text = SKIN + ZWNJ + "\u200d" + SKIN
    assert list(clusters(text)) == [(0, 2), (2, 3), (3, 4), (4, 6)]
    assert [inside(text, pos) for pos in range(len(text) + 1)] == [None, (0, 2), None, None, None, (4, 6), None]
