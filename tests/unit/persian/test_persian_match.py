"""Persian-aware folding and search (annotator.persian.match)."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.persian import match
from annotator.persian.match import FoldedText, SearchIndex, context, find_all, fold

from .strategies import any_text, text_and_span

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("علي", "علی"),  # Arabic yeh
        ("موسى", "موسی"),  # alef maksura
        ("كتاب", "کتاب"),  # Arabic kaf
        ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),  # Persian digits
        ("١٢٣٤٥٦٧٨٩٠", "1234567890"),  # Arabic-Indic digits
        ("١٢٣", "۱۲۳"),
        (f"نخست{ZWNJ}وزیر", "نخست وزیر"),  # ZWNJ = space
        ("نخست  \n\t وزیر", "نخست وزیر"),  # whitespace runs collapse
        (f"کتاب {ZWNJ} ها", "کتاب ها"),
        ("کِتابٌ", "کتاب"),  # harakat
        ("الرّحمٰن", "الرحمن"),  # shadda, superscript alef
        ("کتـــاب", "کتاب"),  # tatweel
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("خانۀ", "خانه"),  # heh with yeh above
        ("مؤمن", "مومن"),  # waw with hamza
        ("أحمد إيران آب", "احمد ایران اب"),  # alef variants (fold_alef)
        ("Tehran IRAN", "tehran iran"),  # Latin case
        ("İSTANBUL", "istanbul"),
        ("ΟΔΟΣ", "οδοσ"),  # final sigma is not context-dependent
        ("a\u200fb\u200dc\ufeff", "abc"),  # invisible format characters
    ],
)
def test_equivalences(a: str, b: str) -> None:
    assert fold(a) == fold(b)
    assert find_all(a, b) == [(0, len(a))]
    assert find_all(b, a) == [(0, len(b))]


def test_alef_folding_is_optional() -> None:
    assert fold("آب", fold_alef=False) != fold("اب", fold_alef=False)
    assert find_all("آب و اب", "اب", fold_alef=False) == [(5, 7)]
    assert find_all("آب و اب", "اب") == [(0, 2), (5, 7)]
    index = SearchIndex(fold_alef=False)
    index.add("آب و اب")
    assert index.find_all("اب") == [(0, 5, 7)]


def test_different_things_stay_different() -> None:
    assert fold("کتاب") != fold("کتب")
    assert fold("ک") != fold("گ")
    assert fold("1") != fold("2")
    assert fold("نخست‌وزیر") != fold("نخستوزیر")  # ZWNJ is a space, not nothing


def test_match_spans_are_original_offsets_and_keep_trailing_marks() -> None:
    text = "گفت: كتابِ من و کتاب‌ها"
    assert find_all(text, "کتاب") == [(5, 10), (16, 20)]
    assert text[5:10] == "كتابِ"
    assert find_all(text, "کتاب ها") == [(16, 23)]
    assert find_all("a  b", "a b") == [(0, 4)]
    assert find_all("abc", "") == [] and find_all("abc", "ِ") == []


def test_whole_words() -> None:
    text = "کتاب کتابخانه کتاب‌ها"
    # a ZWNJ joins the word to its affix: کتاب‌ها is one word (issue 9)
    assert find_all(text, "کتاب", whole_words=True) == [(0, 4)]
    assert len(find_all(text, "کتاب")) == 3


def test_whole_words_never_inside_a_word() -> None:
    # issue 9: Tag all of تهران tagged تهرانی
    text = "تهران، تهرانی‌ها و تهران‌ها؛ مردم تهرانِ قديم (تهران) نخست‌وزیر گفت"
    found = [text[s:e] for s, e in find_all(text, "تهران", whole_words=True)]
    assert found == ["تهران", "تهرانِ", "تهران"]  # a trailing kasra belongs to the word
    assert find_all(text, "وزیر", whole_words=True) == []  # inside نخست‌وزیر
    # the ZWNJ inside the query and the text still match a space, as without whole words
    (hit,) = find_all(text, "نخست وزير", whole_words=True)
    assert text[hit[0] : hit[1]] == "نخست‌وزیر"
    assert find_all("در ۱۴۰۲ و 1402م", "1402", whole_words=True) == [(3, 7)]


def test_matches_do_not_overlap() -> None:
    assert find_all("aaaa", "aa") == [(0, 2), (2, 4)]


def test_whitespace_table_is_complete() -> None:
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert spaces == set(match._WHITESPACE)


@settings(max_examples=150)
@given(any_text)
def test_fold_map_points_at_the_source_character(text: str) -> None:
    ft = FoldedText(text)
    assert len(ft.folded) <= len(text)
    assert "  " not in ft.folded
    positions = [ft.to_original(i) for i in range(len(ft.folded) + 1)]
    assert positions == sorted(set(positions)) and positions[-1] == len(text)
    for i, ch in enumerate(ft.folded):
        assert fold(text[positions[i]]) == ch
    with pytest.raises(ValueError):
        ft.to_original(len(ft.folded) + 1)


@settings(max_examples=150)
@given(text_and_span())
def test_a_piece_of_the_text_is_found_where_it_is(case: tuple[str, int, int]) -> None:
    text, start, end = case
    query = text[start:end]
    key = fold(query)
    assert key in fold(text)
    hits = find_all(text, query)
    assert bool(hits) == bool(key)
    for s, e in hits:
        assert 0 <= s < e <= len(text)
        assert fold(text[s:e]).strip() == key.strip() or key.isspace()


def test_search_index_over_many_documents() -> None:
    index = SearchIndex()
    docs = ["علي رفت", "هیچ", "علی آمد و علی رفت"]
    assert [index.add(d) for d in docs] == [0, 1, 2]
    assert len(index) == 3 and index.text(2) == docs[2]
    assert index.find_all("علی") == [(0, 0, 3), (2, 0, 3), (2, 10, 13)]
    assert index.find_all("علی", limit=2) == [(0, 0, 3), (2, 0, 3)]
    assert index.find_all("علی", limit=0) == []
    assert index.find_all("غایب") == []
    index.prepare()
    assert index.folded(0).folded == "علی رفت"


def test_context() -> None:
    text = "الف\nب  ج کتاب د\n\nه و"
    s = text.index("کتاب")
    assert context(text, s, s + 4, width=4) == (" ج ", "کتاب", " د ")
    assert context(text, 0, 3, width=100) == ("", "الف", " ب ج کتاب د ه و")
    with pytest.raises(ValueError):
        context(text, 3, 2)


@settings(max_examples=50)
@given(st.lists(any_text, max_size=5), any_text)
def test_index_agrees_with_find_all(docs: list[str], query: str) -> None:
    index = SearchIndex()
    for d in docs:
        index.add(d)
    expected = [(i, s, e) for i, d in enumerate(docs) for s, e in find_all(d, query)]
    assert index.find_all(query) == expected


@settings(max_examples=100)
@given(any_text)
def test_fast_folding_agrees_with_the_mapping_regex(text: str) -> None:
    ft = FoldedText(text)
    translated = match._replace_all(text, match._PAIRS[True]).lower()
    assert ft.folded == match._REMOVE.sub("", translated)
