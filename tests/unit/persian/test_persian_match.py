"""Persian-aware folding and search (annotator.persian.match)."""

from __future__ import annotations

import sys
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.persian import match
from annotator.persian.graphemes import is_boundary, widen
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
    start, end = widen(text, start, end)  # a piece of whole characters
    query = text[start:end]
    key = fold(query)
    assert key in fold(text)
    hits = find_all(text, query)
    if not key:
        assert not hits
    # it is found, unless the first character of it the fold keeps is inside a cluster
    # (ignored marks before it in the piece: "ً🏽")
    kept = [k for k in range(start, end) if fold(text[k])]
    if kept and is_boundary(text, kept[0]):
        assert hits
    for s, e in hits:
        assert 0 <= s < e <= len(text) and is_boundary(text, s) and is_boundary(text, e)
        # the piece, and after it only marks that dress its last character (test_match_clusters.py)
        got = fold(text[s:e]).strip()
        assert key.isspace() or (got.startswith(key.strip()) and set(got[len(key.strip()) :]) <= match._DRESSING)


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


def test_whole_words_at_the_edges_of_the_text() -> None:
    # a whole word that ends the text, and one that starts it
    assert find_all("سخنگوی دولت", "دولت", whole_words=True) == [(7, 11)]
    assert find_all("دولت گفت", "دولت", whole_words=True) == [(0, 4)]
    # a letter right before the match, at the text's second character: "تاب" is inside "کتاب"
    assert find_all("کتاب", "تاب", whole_words=True) == []
    assert find_all("کتاب", "تاب") == [(1, 4)]
    # a ZWNJ that opens the text joins its first word to nothing before it, yet joins it;
    # a ZWNJ that ends the text does not reach back to its first word
    assert find_all(f"{ZWNJ}ها و دیگر", "ها", whole_words=True) == []
    assert find_all(f"تهران و شیراز{ZWNJ}", "تهران", whole_words=True) == [(0, 5)]
    assert find_all(f"تهران و شیراز{ZWNJ}", "شیراز", whole_words=True) == []
    # every position is tried after a rejected one: the first "؟؟" follows a letter, the next is whole
    assert find_all("چرا؟؟؟ نه", "؟؟", whole_words=True) == [(4, 6)]


def test_defaults_find_inside_words_and_fold_alef() -> None:
    text = "آب و کتابخانه"
    ft = FoldedText(text)
    assert ft.find_all("کتاب") == [(5, 9)]  # not whole words unless asked
    assert ft.find_folded("کتاب") == [(5, 9)]
    assert ft.find_all("اب") == [(0, 2), (7, 9)]  # آ folds to ا by default
    index = SearchIndex()
    index.add(text)
    assert index.find_all("کتاب") == [(0, 5, 9)]
    assert index.find_all("کتاب", whole_words=True) == []
    assert index.find_all("اب") == [(0, 0, 2), (0, 7, 9)]
    assert index.folded(0) is index.folded(0)  # folded once and kept


def test_query_is_folded_like_the_text() -> None:
    # without alef folding a query's آ stays آ, as in the text
    assert find_all("آب و اب", "آب", fold_alef=False) == [(0, 2)]
    assert FoldedText("آب و اب", fold_alef=False).find_folded("آب") == [(0, 2)]


def test_empty_and_inverted_spans_map_back() -> None:
    text = "کِتاب  من"  # a kasra and a double space are not in the folded text
    ft = FoldedText(text)
    assert ft.folded == "کتاب من"
    points = [ft.span_to_original(k, k) for k in range(len(ft.folded) + 1)]
    assert points == [(p, p) for p in (0, 2, 3, 4, 5, 7, 8, 9)]  # an empty span is a point
    assert ft.span_to_original(1, 5) == (2, 7)
    with pytest.raises(ValueError, match=r"^inverted span \(3, 2\)$"):
        ft.span_to_original(3, 2)
    with pytest.raises(ValueError, match=r"^folded offset 8 outside 0\.\.7$"):
        ft.to_original(8)


@pytest.mark.parametrize("fold_alef", [True, False])
def test_runs_restore_the_same_search(fold_alef: bool) -> None:
    # what the on-disk index (io/textindex.py) stores and gives back
    text = "نخستِ  وزیر آب و اب\u200f، كتاب‌ها"
    ft = FoldedText(text, fold_alef=fold_alef)
    fold_starts, orig_starts = ft.runs()
    # the kasra, the second space and the RLM are left out of the folded text
    assert list(fold_starts) == [0, 4, 5, 17] and list(orig_starts) == [0, 5, 7, 20]
    if fold_alef:
        again = FoldedText.restore(text, ft.folded, fold_starts, orig_starts)
    else:
        again = FoldedText.restore(text, ft.folded, fold_starts, orig_starts, fold_alef=False)
    assert (again.text, again.folded, again.fold_alef) == (text, ft.folded, fold_alef)
    for query in ["نخست وزیر", "آب", "اب", "کتاب", "ها"]:
        for whole in (False, True):
            assert again.find_all(query, whole_words=whole) == ft.find_all(query, whole_words=whole)
    # the RLM after اب belongs to the match; the third is inside كتاب
    assert again.find_all("آب") == ([(12, 14), (17, 20), (24, 26)] if fold_alef else [(12, 14)])
    assert FoldedText("بی‌تغییر").runs() == (array("q"), array("q"))  # identity map: no runs
    # marks removed at the very start and end make no empty run (scraped text often opens
    # with an RLM): one run per stretch of kept characters
    ft = FoldedText("\u200fسلام،  دنیا\u064b")
    assert ft.folded == "سلام، دنیا" and ft.runs() == (array("q", [0, 6]), array("q", [1, 8]))


def test_context_edges_and_messages() -> None:
    text = "الف ب\nج"
    # up to width characters: fewer at the start, the match at the very end of the text
    assert context(text, 4, 5, width=40) == ("الف ", "ب", " ج")
    assert context(text, 6, 7, width=2) == ("ب ", "ج", "")
    assert context(text, 6, 6, width=1) == (" ", "", "ج")  # an empty span is a point
    assert context("نخست \n وزیر گفت", 0, 11, width=5) == ("", "نخست وزیر", " گفت")
    with pytest.raises(ValueError, match=r"^span \(3, 8\) invalid for text of length 7$"):
        context(text, 3, 8)
