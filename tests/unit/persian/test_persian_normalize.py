"""hazm normalization with an offset map (annotator.persian.normalize)."""

from __future__ import annotations

import functools
import itertools
import json
import random
import re
import time
from bisect import bisect_right
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.io.project import DEFAULT_NORMALIZER
from annotator.persian.match import fold
from annotator.persian.normalize import (
    PROTECTED,
    OffsetMap,
    UncertainAlignment,
    _normalizer,
    align,
    normalize,
    protected_spans,
    unaligned,
)
from annotator.persian.segment import word_spans

from .strategies import any_text, repeated_letter_words

SAMPLE = Path(__file__).resolve().parents[3] / "seeds" / "000_bdf8ef5fdfe34543.txt"


def hazm_normalize(text: str, **options: bool) -> str:
    result: str = hazm_normalizer(tuple(sorted(options.items()))).normalize(text)
    return result


def hazm_normalizer(options: tuple[tuple[str, bool], ...]) -> Any:
    # Building a full hazm Normalizer takes 1-5 s (word lists, lemmatizer), so the heavy
    # ones are shared with the module's cache; it must still be a plain hazm Normalizer.
    from hazm import Normalizer

    found = _normalizer(options)
    assert type(found) is Normalizer
    return found


# Without spacing, repeated-letter and "mi" handling hazm loads no word lists, so this
# Normalizer is built independently in no time: an outside check of normalize().text.
LIGHT = {"correct_spacing": False, "decrease_repeated_chars": False, "seperate_mi": False}


@functools.cache
def hazm_table() -> dict[int, Any]:
    """hazm's 1:1 translations, read straight from the hazm that is installed."""
    from hazm import Normalizer

    try:
        from hazm import constants
        from hazm.utils import maketrans

        pairs = [(constants.NUMBERS_SRC, constants.NUMBERS_DST), (constants.TRANSLATION_SRC, constants.TRANSLATION_DST)]
    except ImportError:  # hazm 0.10 (Python 3.11) keeps them on the Normalizer
        from hazm import maketrans

        plain = Normalizer(**LIGHT)
        pairs = [
            (plain.number_translation_src, plain.number_translation_dst),
            (plain.translation_src, plain.translation_dst),
        ]
    table: dict[int, Any] = {}
    for src, dst in pairs:
        table.update(maketrans(src, dst))
    return table


class Covered:
    """What a span must map to, worked out from the map's blocks one stretch at a time.

    Every character of the span outside a changed block has one partner on the other
    side; a block the span reaches into comes whole ("spans widen to the whole block"),
    and so does text inserted strictly inside the span, but not text inserted at its
    edges.  The image is the smallest span holding all of that; None when nothing is
    (only deleted text): then the span maps to an empty span.
    """

    def __init__(self, m: OffsetMap, to_norm: bool) -> None:
        src_len, dst_len = (
            (m.original_length, m.normalized_length) if to_norm else (m.normalized_length, m.original_length)
        )
        self.blocks = [c if to_norm else (c[2], c[3], c[0], c[1]) for c in m.changes]
        self.blocks.append((src_len, 0, dst_len, 0))
        self.starts = [b[0] for b in self.blocks]

    def __call__(self, s: int, e: int) -> tuple[int, int] | None:
        blocks = self.blocks
        k = max(0, bisect_right(self.starts, s) - 1)
        so, do = (blocks[k - 1][0] + blocks[k - 1][1], blocks[k - 1][2] + blocks[k - 1][3]) if k else (0, 0)
        lo = hi = -1
        for bs, bl, bd, bdl in itertools.islice(blocks, k, None):
            if so > e:
                break
            parts = []
            a, b = max(s, so), min(e, bs)
            if a < b:  # the equal stretch [so, bs) <-> [do, bd)
                parts.append((a - so + do, b - so + do))
            reaches = s < bs + bl and bs < e if bl else s < bs < e
            if reaches and bdl:
                parts.append((bd, bd + bdl))
            for x, y in parts:
                lo = x if lo < 0 else min(lo, x)
                hi = max(hi, y)
            so, do = bs + bl, bd + bdl
        return None if lo < 0 else (lo, hi)


def check_map(original: str, normalized: str, m: OffsetMap) -> None:
    assert (m.original_length, m.normalized_length) == (len(original), len(normalized))
    check_map_sparse(original, normalized, m)
    for src_len, point, span in (
        (len(normalized), m.to_original, m.span_to_original),
        (len(original), m.to_normalized, m.span_to_normalized),
    ):
        dst_len = len(original) if src_len == len(normalized) else len(normalized)
        images = [point(i) for i in range(src_len + 1)]
        assert images == sorted(images)
        assert all(0 <= x <= dst_len for x in images)
        assert images[0] == 0
        covered = Covered(m, to_norm=point == m.to_normalized)
        for s in range(src_len + 1):
            for e in range(s, min(src_len, s + 6) + 1):
                a, b = span(s, e)
                assert 0 <= a <= b <= dst_len
                expected = covered(s, e) if e > s else None
                if expected is None:
                    assert a == b, (s, e, a, b)
                else:
                    assert (a, b) == expected, (s, e)
        # the messages name the offset and the text's length, or the span
        with pytest.raises(ValueError, match=rf"^offset {src_len + 1} outside 0\.\.{src_len}$"):
            point(src_len + 1)
        with pytest.raises(ValueError, match=rf"^offset {src_len + 1} outside 0\.\.{src_len}$"):
            span(0, src_len + 1)
        with pytest.raises(ValueError, match=r"^inverted span \(1, 0\)$"):
            span(1, 0)


def without_protected(text: str) -> str:
    while PROTECTED.search(text):
        text = PROTECTED.sub(" ", text)
    return text


def in_order(tokens: list[str], text: str) -> bool:
    at = 0
    for token in tokens:
        at = text.find(token, at)
        if at < 0:
            return False
        at += len(token)
    return True


@settings(max_examples=60, deadline=None)
@given(any_text)
def test_text_is_hazms_around_kept_tokens_and_map_is_valid(text: str) -> None:
    result = normalize(text)
    assert in_order(PROTECTED.findall(text), result.text)
    plain = without_protected(text)
    assert normalize(plain).text == hazm_normalize(plain, persian_numbers=False)
    assert result.original == text
    check_map(text, result.text, result.map)
    assert OffsetMap.from_json(json.loads(json.dumps(result.map.to_json()))) == result.map


@settings(max_examples=60, deadline=None)
@given(any_text, any_text)
def test_align_any_two_texts(a: str, b: str) -> None:
    check_map(a, b, align(a, b))


@settings(max_examples=40, deadline=None)
@given(any_text, st.booleans(), st.booleans())
def test_options_are_passed_to_hazm(text: str, diacritics: bool, numbers: bool) -> None:
    from hazm import Normalizer

    options = {**LIGHT, "remove_diacritics": diacritics, "persian_numbers": numbers}
    text = without_protected(text)
    result = normalize(text, **options)
    # digits are never converted, whatever the options say
    assert result.text == Normalizer(**{**options, "persian_numbers": False}).normalize(text)
    check_map(text, result.text, result.map)


# issue 9: what `annotator import` used to write, and what it must keep
KEPT = [
    ("قیمت 3.5% شد", "3.5%"),
    ("به 678.90 دلار رسید", "678.90"),
    ("در تاریخ ۱۴۰۲/۰۵/۱۲ گفت", "۱۴۰۲/۰۵/۱۲"),
    ("ساعت ۱۰:۳۰ صبح", "۱۰:۳۰"),
    ("نامه به info@example.com رسید", "info@example.com"),
    ("در https://t.co/abc?x=1 آمده", "https://t.co/abc?x=1"),
    ("سایت www.farsnews.ir، گزارش داد", "www.farsnews.ir"),
    ("پیام #ایران_قوي و #نه‌_به_جنگ", "#ایران_قوي"),
    ("پیام #ایران_قوي و #نه‌به_جنگ", "#نه‌به_جنگ"),
    ("پاسخ @user_1 به او", "@user_1"),
    ("(کافرون/6ــ1)", "6ــ1"),
    ("جمعیت ۸۵٬۰۰۰٬۰۰۰ نفر و ٣٫٥ درصد", "۸۵٬۰۰۰٬۰۰۰"),
    ("جمعیت ۸۵٬۰۰۰٬۰۰۰ نفر و ٣٫٥ درصد", "٣٫٥"),
    ("جنگنده F-35 و ویروس COVID-19", "F-35"),
    ("جنگنده F-35 و ویروس COVID-19", "COVID-19"),
]


@pytest.mark.parametrize(("text", "token"), KEPT)
def test_numbers_dates_urls_emails_hashtags_mentions_are_kept(text: str, token: str) -> None:
    result = normalize(text, correct_spacing=True, persian_style=True, persian_numbers=True)
    assert token in result.text, result.text
    check_map(text, result.text, result.map)
    s = result.text.index(token)
    assert result.map.span_to_original(s, s + len(token)) == (text.index(token), text.index(token) + len(token))


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # no "@" in the text: the faster pattern (every kind starts with a Latin letter,
        # a digit or "#")
        (
            "از t.co/abc و www.fars.ir، COVID-19 و F-35 و 5G و H5N1 در ۱۴۰۲/۰۵/۱۲ ساعت 10:30 #نه‌_به_جنگ",
            ["t.co/abc", "www.fars.ir", "COVID-19", "F-35", "5G", "H5N1", "۱۴۰۲/۰۵/۱۲", "10:30", "#نه‌_به_جنگ"],
        ),
        ("https://x.ir/a?b=1) و ۳٫۵٪ و 6ــ1", ["https://x.ir/a?b=1", "۳٫۵٪", "6ــ1"]),
        ("هیچ", []),
        # with "@": e-mails (from their first letter, Persian or not) and mentions too
        (
            "به info@example.com و علی.رضا@mail.ir و @user_1 از t.co/abc در 1402",
            ["info@example.com", "علی.رضا@mail.ir", "@user_1", "t.co/abc", "1402"],
        ),
    ],
)
def test_protected_spans_are_exactly_the_kept_tokens(text: str, tokens: list[str]) -> None:
    spans = protected_spans(text)
    assert [text[a:b] for a, b in spans] == tokens
    assert spans == [m.span() for m in PROTECTED.finditer(text)]


def test_what_normalization_is_for_still_happens() -> None:
    text = "آنها كتاب ها را مي خوانند ، و در سال 1402 رفتند ."
    assert normalize(text).text == "آنها کتاب‌ها را می‌خوانند، و در سال 1402 رفتند."


def test_sample_article() -> None:
    original = SAMPLE.read_text(encoding="utf-8")
    result = normalize(original)
    assert result.text == hazm_normalize(original)
    assert (len(original), len(result.text)) == (2442, 2451)
    check_map(original, result.text, result.map)

    # Every word of the normalized text maps back to the same word in the original,
    # up to folding and the spaces/ZWNJs hazm inserts or swaps.
    def key(s: str) -> str:
        return fold(s).replace(" ", "")

    checked = 0
    for s, e in word_spans(result.text):
        a, b = result.map.span_to_original(s, e)
        assert key(original[a:b]) == key(result.text[s:e]), (result.text[s:e], original[a:b])
        checked += 1
    assert checked > 400
    # hazm joined "صهیونیست ها" with a ZWNJ; the span maps onto the two original words.
    s = result.text.index("صهیونیست\u200cها")
    a, b = result.map.span_to_original(s, s + len("صهیونیست\u200cها"))
    assert original[a:b] == "صهیونیست ها"


def test_diacritics_stay_with_their_letter() -> None:
    original = "کتابَ خوبـــی"
    result = normalize(original)
    assert result.text == "کتاب خوبی"
    assert result.map.span_to_original(0, 4) == (0, 5)  # the fatha comes along
    a, b = result.map.span_to_original(5, 9)
    assert original[a:b] == "خوبـــی"
    assert result.map.span_to_normalized(0, 5) == (0, 4)


def test_insertions_and_deletions_at_span_edges() -> None:
    m = OffsetMap([(2, 0, 2, 1), (5, 2, 6, 0)], 9, 8)  # one char inserted, two deleted
    assert m.span_to_original(2, 3) == (2, 2)  # only the inserted char: empty, no inversion
    assert m.span_to_original(0, 2) == (0, 2)  # ends before the insertion
    assert m.span_to_original(3, 6) == (2, 5)  # starts after it, stops before the deletion
    assert m.span_to_original(6, 8) == (7, 9)  # starts after the deletion
    assert m.to_original(6) == 5 and m.to_normalized(6) == 6
    assert m.span_to_normalized(5, 7) == (6, 6)  # deleted text has no image


def test_from_json_rejects_bad_data() -> None:
    good = normalize("کتاب ها").map.to_json()
    assert OffsetMap.from_json(good).to_json() == good
    bad: list[Any] = [
        None,
        [],
        {**good, "version": 99},
        {**good, "changes": [[0, 1, 0]]},
        {**good, "changes": [[0, 1, 0, "1"]]},
        {**good, "original_length": good["original_length"] + 1},
        {**good, "changes": [[3, 1, 4, 1]]},
        {**good, "changes": [[0, 0, 0, 0]]},
        {key: v for key, v in good.items() if key != "changes"},
    ]
    for data in bad:
        with pytest.raises(ValueError):
            OffsetMap.from_json(data)


def test_identical_and_empty_texts() -> None:
    assert normalize("").map.changes == ()
    m = align("سلام", "سلام")
    assert m.changes == () and m.span_to_original(1, 3) == (1, 3)


def test_100kb_article_aligns_quickly() -> None:
    original = SAMPLE.read_text(encoding="utf-8")
    # Diacritics and extra newlines make the worst realistic case for the alignment.
    text = "\n\n\n".join(original.replace("ر", "رَ") for _ in range(40))
    normalized = hazm_normalize(text)
    began = time.perf_counter()
    m = align(text, normalized)
    elapsed = time.perf_counter() - began
    check_map_sparse(text, normalized, m)
    assert elapsed < 3.0, elapsed


def check_map_sparse(original: str, normalized: str, m: OffsetMap) -> None:
    """Outside the changed blocks the texts agree, up to hazm's 1:1 translations."""
    table = hazm_table()
    o = n = 0
    for co, col, cn, cnl in [*m.changes, (len(original), 0, len(normalized), 0)]:
        a, b = original[o:co], normalized[n:cn]
        if a.translate(table) != b:
            assert len(a) == len(b)
            assert all(x == y or x.translate(table) == y for x, y in zip(a, b, strict=True))
        o, n = co + col, cn + cnl


def equivalent(text: str) -> str:
    """A span's text up to what normalization documents changing: folding (ي/ك, digits,
    diacritics), spaces and ZWNJs hazm inserts, removes or swaps, the decimal separator
    and straight quotes that become guillemets."""
    return fold(text).replace(" ", "").replace("٫", ".").translate(str.maketrans("«»", '""'))


def corpus_texts(corpora: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """Every text of the shared corpora with its annotated spans (news articles have none)."""
    from annotator.io.formats import get

    texts: list[tuple[str, list[tuple[int, int]]]] = []
    for name in ("ner/peyma-dev.txt", "ner/arman-dev.txt"):
        result = get("conll").read(corpora / name)
        assert result.problems == []
        texts += [(doc.text, [(s.start, s.end) for s in doc.spans]) for doc in result.documents]
    articles = json.loads((corpora / "news/fars-news-2.json").read_text(encoding="utf-8"))
    texts += [("\n".join([a["title"], a["abstract"], *a["paragraphs"]]), []) for a in articles]
    return texts


def letters(text: str) -> str:
    """A span's letters and digits, folded: what it must still cover after normalizing
    (hazm inserts, deletes and swaps only the spaces, ZWNJs, punctuation and marks
    between them)."""
    return "".join(c for c in fold(text) if c.isalnum() and c != "\u0640")


@pytest.mark.corpora
@pytest.mark.parametrize("options", [{}, DEFAULT_NORMALIZER], ids=["hazm-defaults", "project-defaults"])
def test_corpus_spans_and_words_cover_the_same_text_after_normalizing(corpora: Path, options: dict[str, bool]) -> None:
    spans = words = 0
    for number, (original, annotated) in enumerate(corpus_texts(corpora)):
        result = normalize(original, **options)
        m = result.map
        # the annotated spans (PEYMA, ARMAN) cover the same text, and come back exactly
        for s, e in annotated:
            a, b = m.span_to_normalized(s, e)
            assert equivalent(result.text[a:b]) == equivalent(original[s:e]), (original[s:e], result.text[a:b])
            assert m.span_to_original(a, b) == (s, e)
            spans += 1
        # every word, both ways, covers exactly what its characters are aligned with, and
        # that is the same word: the same letters (a ZWNJ after every word, as in Fars
        # News article 270, once mapped words onto a phrase repeated further on)
        for text, other, to_norm, span in (
            (original, result.text, True, m.span_to_normalized),
            (result.text, original, False, m.span_to_original),
        ):
            covered = Covered(m, to_norm)
            for s, e in word_spans(text):
                a, b = span(s, e)
                expected = covered(s, e)
                assert (a, b) == expected if expected else a == b, (number, text[s:e], to_norm, s, e)
                if letters(text[s:e]):  # (a lone tatweel or mark goes with the letter before it)
                    assert letters(other[a:b]) == letters(text[s:e]), (number, text[s:e], other[a:b], to_norm, s)
                words += 1
    assert spans == 1959 + 8617
    assert words > 400_000


# Fars News article 270 (fars-news-2.json), as written: a ZWNJ after every word, and
# "یک چارچوب" twice in one sentence
ZWNJ_AFTER_EVERY_WORD = "اين‌ چارچوب‌ بيش‌ ازآن‌كه‌ يك‌ چارچوب‌ فقهي‌ محض‌ باشد، يك چارچوب كلامي ــ تفسيري است"


def test_a_zwnj_after_every_word_maps_each_word_onto_itself() -> None:
    result = normalize(ZWNJ_AFTER_EVERY_WORD)
    assert result.text == "این چارچوب بیش ازآن‌که یک چارچوب فقهی محض باشد، یک چارچوب کلامی تفسیری است"
    check_map(ZWNJ_AFTER_EVERY_WORD, result.text, result.map)
    assert unaligned(ZWNJ_AFTER_EVERY_WORD, result.text, result.map) is None
    found = [result.map.span_to_original(s, e) for s, e in word_spans(result.text)]
    expected = "اين چارچوب بيش ازآن\u200cكه يك چارچوب فقهي محض باشد ، يك چارچوب كلامي تفسيري است"
    assert [ZWNJ_AFTER_EVERY_WORD[a:b] for a, b in found] == expected.split(" ")
    assert [result.text[a:b] for a, b in (result.map.span_to_normalized(*f) for f in found)] == [
        result.text[s:e] for s, e in word_spans(result.text)
    ]


def test_a_map_that_moves_letters_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # "یک دو" -> "یک دو" mapped as: drop "یک ", pair "دو" with "یک", insert " دو"
    wrong = OffsetMap([(0, 3, 0, 0), (5, 0, 2, 3)], 5, 5)
    assert unaligned("یک دو", "یک دو", wrong) == 0
    assert unaligned("یک دو", "یک دو", OffsetMap([], 5, 5)) is None
    # hazm's own edits pass: ي/ك, spacing, ZWNJ, marks, ligatures, repeated letters
    for text, options in [
        ("كتاب ها را مي خوانند ، و", {}),
        ("کتابَ خوبـــی ﻻ", {}),
        ("سلاممممم به همه", {"decrease_repeated_chars": True}),
    ]:
        result = normalize(text, **options)
        assert result.text != text
        assert unaligned(text, result.text, result.map, repeats=True) is None
    # letters that vanish are not hazm's edit unless repeated letters may be shortened
    short = OffsetMap([(4, 4, 4, 0)], 15, 11)
    assert unaligned("سلاممممم به همه", "سلام به همه", short, repeats=True) is None
    assert unaligned("سلاممممم به همه", "سلام به همه", short) == 4

    import annotator.persian.normalize as module

    monkeypatch.setattr(module, "_align", lambda original, normalized, repeats: wrong)
    # a short text: the letter-by-letter alignment after it is right, and is taken
    assert normalize("یک دو").map.changes == ()
    monkeypatch.setattr(module, "_align_by_letters", lambda original, normalized: wrong)
    with pytest.raises(
        UncertainAlignment, match=r"^normalization could not be aligned with the original at character 0$"
    ) as refused:
        normalize("یک دو")
    assert refused.value.offset == 0  # where the doubt starts, for a caller to point at


def test_from_json_says_what_is_wrong() -> None:
    good = normalize("کتاب ها").map.to_json()
    for data, message in [
        ({**good, "version": 99}, r"^unsupported offset-map version 99$"),
        ({**good, "changes": [[0, 1, 0]]}, r"^malformed change \[0, 1, 0\]$"),
        ({**good, "normalized_length": "7"}, r"^lengths must be integers$"),
        ({**good, "original_length": 7.0}, r"^lengths must be integers$"),
        ({"version": 1}, r"^malformed offset map: KeyError\('changes'\)$"),
    ]:
        with pytest.raises(ValueError, match=message):
            OffsetMap.from_json(data)


@pytest.mark.parametrize(
    ("changes", "lengths", "message"),
    [
        # a stored map (a project's .norm file) that no alignment can have made: each
        # field of a change negative, blocks out of order or overlapping, lengths that
        # do not add up; the message says which change
        ([(-1, 1, 0, 1)], (2, 2), r"^invalid change \(-1, 1, 0, 1\)$"),
        ([(0, -1, 0, 2)], (0, 3), r"^invalid change \(0, -1, 0, 2\)$"),
        ([(0, 1, -1, 1)], (2, 2), r"^invalid change \(0, 1, -1, 1\)$"),
        ([(0, 2, 0, -1)], (3, 0), r"^invalid change \(0, 2, 0, -1\)$"),
        ([(0, 0, 0, 0)], (2, 2), r"^invalid change \(0, 0, 0, 0\)$"),
        ([(1, 1, 0, 1)], (3, 2), r"^change \(1, 1, 0, 1\) out of order or inconsistent$"),
        ([(0, 2, 0, 2), (1, 1, 1, 1)], (3, 3), r"^change \(1, 1, 1, 1\) out of order or inconsistent$"),
        ([(0, 1, 0, 2)], (3, 3), r"^lengths inconsistent with changes$"),
        ([], (3, 4), r"^lengths inconsistent with changes$"),
    ],
)
def test_a_map_that_cannot_be_is_refused(
    changes: list[tuple[int, int, int, int]], lengths: tuple[int, int], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        OffsetMap(changes, *lengths)


class _DroppingNormalizer:
    """hazm as it has never behaved: with spacing correction on, it drops the placeholder
    characters normalize() puts where the kept tokens go."""

    def __init__(self, options: tuple[tuple[str, bool], ...], light_drops_too: bool) -> None:
        self.spacing = dict(options).get("correct_spacing", True)
        self.light_drops_too = light_drops_too

    def normalize(self, text: str) -> str:
        text = text.replace("ي", "ی")
        if self.spacing or self.light_drops_too:
            return "".join(c for c in text if not 0xE000 <= ord(c) <= 0xF8FF)
        return text


@pytest.mark.parametrize("light_drops_too", [False, True])
def test_kept_tokens_survive_a_normalizer_that_drops_their_placeholders(
    monkeypatch: pytest.MonkeyPatch, light_drops_too: bool
) -> None:
    # normalize() then tries hazm without spacing correction (which only translates
    # characters) and, if that drops them too, leaves the text as written
    import annotator.persian.normalize as module

    monkeypatch.setattr(module, "_normalizer", lambda options: _DroppingNormalizer(options, light_drops_too))
    text = "علي در ۱۴۰۲/۰۵/۱۲ رفت"
    result = normalize(text, correct_spacing=True)
    assert result.text == (text if light_drops_too else "علی در ۱۴۰۲/۰۵/۱۲ رفت")
    assert result.map.changes == ()


_PRIVATE_USE = "".join(chr(c) for c in range(0xE000, 0xF900))  # U+E000-U+F8FF, 6,400


@pytest.mark.parametrize("free", ["\ue000", "\uf8ff"])
def test_a_text_with_one_private_use_character_free_keeps_its_tokens(free: str) -> None:
    # the placeholder that stands in for "۱۲" while hazm works is the one left free
    text = _PRIVATE_USE.replace(free, "") + " قيمت ۱۲ دلار"
    result = normalize(text)
    assert result.text == _PRIVATE_USE.replace(free, "") + " قیمت ۱۲ دلار"
    assert result.map.changes == ()  # ي -> ی is one character for one: no block


def test_a_text_that_uses_every_private_use_character_is_refused_not_crashed() -> None:
    # none is free to stand in for "۱۲": normalize() used to let StopIteration escape
    # (an import would have stopped with a traceback); now the import keeps the text as
    # written and says why, as for any text it cannot normalize safely
    with pytest.raises(
        UncertainAlignment,
        match=r"^normalization could not keep the token at character 6406 as written: the text uses every"
        r" private-use character \(U\+E000-U\+F8FF\), so none is free to stand in for it$",
    ) as refused:
        normalize(_PRIVATE_USE + " قيمت ۱۲ دلار")
    assert refused.value.offset == 6406
    # without a token to stand in for there is nothing to keep: hazm normalizes it all
    assert normalize(_PRIVATE_USE + " قيمت دلار").text == _PRIVATE_USE + " قیمت دلار"


def test_marks_and_tatweel_go_with_the_letter_before_them() -> None:
    # a deleted combining mark (Mn), enclosing mark (Me) or tatweel belongs to its letter
    for mark in ("\u064e", "\u20dd", "\u0640"):
        m = align("اب" + mark + "پ", "ابپ")
        assert m.changes == ((1, 2, 1, 1),), mark
        assert m.span_to_original(1, 2) == (1, 3)
    assert align("اب-پ", "ابپ").changes == ((2, 1, 2, 0),)  # not a mark: the letter stays out


def test_texts_that_never_agree_again_keep_their_common_end() -> None:
    # no 8 characters agree within the widest window: the middle is one block and the
    # common end is found from the back
    a = "سر " + "ا" * 5000 + " پایان مشترک."  # an odd length: a skipped comparison shows
    b = "سر " + "ب" * 4000 + " پایان مشترک."
    m = align(a, b)
    assert m.changes == ((3, 5000, 3, 4000),)
    tail = len(" پایان مشترک.")
    assert m.span_to_normalized(len(a) - tail, len(a)) == (len(b) - tail, len(b))
    check_map_sparse(a, b, m)
    c = "ا" * 5000
    assert align(c + "x", "ب" * 5000 + "y").changes == ((0, 5001, 0, 5001),)  # nothing in common


def random_words(seed: int, count: int) -> str:
    """Persian-looking words whose 8-character stretches occur once: the text agrees with
    itself nowhere but at the same place, as in real prose away from repeated phrases."""
    rnd = random.Random(seed)
    alphabet = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
    return " ".join("".join(rnd.choice(alphabet) for _ in range(rnd.randint(2, 7))) for _ in range(count))


PROSE = random_words(17, 1200)  # 6619 characters, longer than the widest search window


@pytest.mark.parametrize("length", [1, 8, 9, 16, 17, 64, 65, 256, 257, 1024, 1025, 4096])
def test_a_stretch_inserted_or_deleted_anywhere_within_the_window_is_one_block(length: int) -> None:
    # "!" * length after character 10, and one "؟" 30 characters later: the search for
    # where the texts agree again (16, 64, 256, 1024, then 4096 characters ahead on
    # either side) finds the end of the inserted stretch, so each change is its own block
    # and the 30 characters between them still map onto themselves
    edited = PROSE[:10] + "!" * length + PROSE[10:40] + "؟" + PROSE[40:]
    inserted = align(PROSE, edited)
    assert inserted.changes == ((10, 0, 10, length), (40, 0, 40 + length, 1))
    assert inserted.span_to_normalized(10, 40) == (10 + length, 40 + length)
    deleted = align(edited, PROSE)
    assert deleted.changes == ((10, length, 10, 0), (40 + length, 1, 40, 0))
    assert deleted.span_to_original(10, 40) == (10 + length, 40 + length)


def test_a_stretch_longer_than_the_window_joins_the_next_change() -> None:
    # 4097 characters inserted: no agreement within 4096 characters, so everything up to
    # the text's common end (after the "؟") is one block, both ways
    edited = PROSE[:10] + "!" * 4097 + PROSE[10:40] + "؟" + PROSE[40:]
    assert align(PROSE, edited).changes == ((10, 30, 10, 4097 + 31),)
    assert align(edited, PROSE).changes == ((10, 4097 + 31, 10, 30),)


@pytest.mark.parametrize("back", [1, 2, 3, 7, 8, 9, 30])
def test_an_insertion_near_the_end_is_one_block(back: int) -> None:
    # fewer than 8 characters after the change: only the end of the other text can agree
    end = len(PROSE) - back
    edited = PROSE[:end] + "!!" + PROSE[end:]
    assert align(PROSE, edited).changes == ((end, 0, end, 2),)
    assert align(edited, PROSE).changes == ((end, 2, end, 0),)
    # the same after a first change, whose search must not stop at the end of the text
    twice = PROSE[:10] + "--" + edited[10:]
    assert align(PROSE, twice).changes == ((10, 0, 10, 2), (end, 0, end + 2, 2))


def test_a_short_text_with_a_repeated_letter_after_punctuation_normalizes() -> None:
    # found by Hypothesis (test_text_is_hazms_around_kept_tokens_and_map_is_valid): hazm
    # gives "آ (آآ"; the fast alignment of so short a text moved a letter, so it was
    # refused (UncertainAlignment); short texts now fall back to pairing their letters
    result = normalize(" آ(آآآ")
    assert result.text == "آ (آآ"
    assert unaligned(" آ(آآآ", result.text, result.map, repeats=True) is None
    assert result.map.changes == ((0, 1, 0, 0), (2, 0, 1, 1), (5, 1, 5, 0))
    # every letter maps onto the same letter: the first آ, and the run after "("
    assert result.map.span_to_normalized(1, 2) == (0, 1)
    assert result.map.span_to_normalized(3, 5) == (3, 5)


# about 200 characters of plain news prose (hazm changes none of it)
PROSE_200 = " ".join(["این خبر را خبرگزاری فارس امروز منتشر کرد و گفت که نشست دولت تا پایان هفته ادامه دارد"] * 3)


def test_the_letter_pairing_fallback_reaches_texts_of_length_times_length_40000() -> None:
    # a text of 200 characters (200 x 200: hazm deletes a space and inserts one after
    # "،") that the fast alignment refuses: its letters are paired again around the block
    # in doubt (once only for texts up to this length times length)
    text = (" آ(آآآ خبر،امروز " + PROSE_200)[:200]
    result = normalize(text)
    assert len(text) * len(result.text) == 40_000
    assert result.text == "آ (آآ خبر، امروز " + PROSE_200[: 200 - 17]
    assert unaligned(text, result.text, result.map, repeats=True) is None
    check_map(text, result.text, result.map)


@pytest.mark.parametrize(
    ("text", "expected", "after"),
    [
        # hazm: "با (ا! ب"; the run's 2nd and 3rd ا go, the ا after "(" stays itself
        ("بااا( ا !ب", ("با (ا! ب", ((2, 2, 2, 1), (5, 1, 4, 0), (7, 1, 5, 0), (9, 0, 6, 1))), (6, 4)),
        ("یییا( ا ", ("یا (ا", ((1, 2, 1, 0), (4, 0, 2, 1), (5, 1, 4, 0), (7, 1, 5, 0))), (6, 4)),
        # a run at the very start that hazm shortens to two: its first two letters stay
        # themselves, the third goes (with the space hazm inserts before "(", one block)
        ("ااا( ا !ب", ("اا (ا! ب", ((2, 1, 2, 1), (4, 1, 4, 0), (6, 1, 5, 0), (8, 0, 6, 1))), (5, 4)),
    ],
)
def test_a_run_hazm_shortens_then_the_same_letter_after_punctuation_normalizes(
    text: str, expected: tuple[str, tuple[tuple[int, int, int, int], ...]], after: tuple[int, int]
) -> None:
    # found from x_normalize__mutmut_39 (fifth round): normalize() refused these
    # (UncertainAlignment): the fast alignment moves a letter, and the letter-pairing
    # fallback paired the run's third ا with the ا after "(" (the closest match of the bare
    # letters); it now pairs a letter that repeats the one before it apart
    result = normalize(text)
    assert (result.text, result.map.changes) == expected
    assert unaligned(text, result.text, result.map, repeats=True) is None
    check_map(text, result.text, result.map)
    # the one-letter word after "(" maps onto itself, both ways
    o, n = after
    assert (text[o - 2 : o + 1], result.text[n - 1 : n + 1]) == ("( ا", "(ا")
    assert result.map.span_to_normalized(o, o + 1) == (n, n + 1)
    assert result.map.span_to_original(n, n + 1) == (o, o + 1)


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        (" آ(آآآ " + PROSE_200, ((0, 1, 0, 0), (2, 0, 1, 1), (5, 1, 5, 0))),
        ("بااا( ا !ب " + PROSE_200, ((2, 2, 2, 1), (5, 1, 4, 0), (7, 1, 5, 0), (9, 0, 6, 1))),
        (
            PROSE_200 + " بااا( ا !ب " + PROSE_200,
            ((257, 2, 257, 1), (260, 1, 259, 0), (262, 1, 260, 0), (264, 0, 261, 1)),
        ),
        (PROSE_200 + " یییا( ا ", ((256, 2, 256, 0), (259, 0, 257, 1), (260, 1, 259, 0), (262, 1, 260, 0))),
        (
            " آ(آآآ " + PROSE_200 + " بااا( ا !ب " + PROSE_200 + " یییا( ا ",
            (
                *((0, 1, 0, 0), (2, 0, 1, 1), (5, 1, 5, 0)),
                *((264, 2, 263, 1), (267, 1, 265, 0), (269, 1, 266, 0), (271, 0, 267, 1)),
                *((529, 2, 526, 0), (532, 0, 527, 1), (533, 1, 529, 0), (535, 1, 530, 0)),
            ),
        ),
    ],
    ids=["start", "start-2", "middle", "end", "three"],
)
def test_a_run_hazm_shortens_then_the_same_letter_after_punctuation_in_a_long_text(
    text: str, blocks: tuple[tuple[int, int, int, int], ...]
) -> None:
    # " آ(آآآ" alone normalizes (test_a_short_text_with_a_repeated_letter_after_punctuation_normalizes),
    # but in a text of more than 200 characters the fast alignment moves a letter there,
    # and normalize() refused the whole text (the letter-pairing fallback was for short
    # texts only; an import kept the article as written, with a message): the letters are
    # now paired again in a window around each such block, as in the short texts
    result = normalize(text)
    assert result.text == hazm_normalize(text, persian_numbers=False)
    assert result.map.changes == blocks
    assert unaligned(text, result.text, result.map, repeats=True) is None
    check_map(text, result.text, result.map)
    # every word maps onto the same word (its letters, runs counted once), both ways
    for source, target, span in (
        (text, result.text, result.map.span_to_normalized),
        (result.text, text, result.map.span_to_original),
    ):
        for s, e in word_spans(source):
            a, b = span(s, e)
            assert squeezed(target[a:b]) == squeezed(source[s:e]), (source[s:e], target[a:b])


def test_a_spot_far_into_a_long_text_is_paired_around_it_only() -> None:
    # 1,500 characters of prose before the spot: the window around it is what must stay
    # within the pairing's bound (length x length 40,000), not the offsets it lies at
    text = PROSE_200 * 6 + " بااا( ا !ب " + PROSE_200
    at = len(PROSE_200 * 6)
    result = normalize(text)
    assert result.map.changes == tuple(
        (o + at + 1, ol, n + at + 1, nl) for o, ol, n, nl in ((2, 2, 2, 1), (5, 1, 4, 0), (7, 1, 5, 0), (9, 0, 6, 1))
    )
    check_map_sparse(text, result.text, result.map)


def test_a_block_still_in_doubt_in_a_long_text_is_refused_within_the_pairing_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a letter pairing that always drops every letter of the window (as a misalignment
    # would): the window grows around the block in doubt, doubling, and the text is
    # refused once a larger window would pass the quadratic pairing's bound; the offset
    # says where the doubt starts
    import annotator.persian.normalize as module
    from annotator.persian.normalize import _align

    text = PROSE_200 * 3 + " بااا( ا !ب " + PROSE_200
    normalized = hazm_normalize(text, persian_numbers=False)
    at = unaligned(text, normalized, _align(text, normalized, True), repeats=True)
    assert at == len(PROSE_200 * 3) + 7  # the ا after "("
    sizes: list[tuple[int, int]] = []

    def drops_every_letter(original: str, normalized: str) -> OffsetMap:
        sizes.append((len(original), len(normalized)))
        return OffsetMap(
            [(0, len(original), 0, 0), (len(original), 0, 0, len(normalized))], len(original), len(normalized)
        )

    monkeypatch.setattr(module, "_align_by_letters", drops_every_letter)
    with pytest.raises(
        UncertainAlignment, match=rf"^normalization could not be aligned with the original at character {at}$"
    ) as refused:
        normalize(text)
    assert refused.value.offset == at
    products = [x * y for x, y in sizes]
    assert products == sorted(products) and len(products) >= 3  # it grew, window by window
    assert 10_000 < products[-1] <= 40_000  # up to the bound, never past it


# Words of one repeated letter ("هههه", laughter), with hazm's defaults: hazm shortens
# each run within its word and never joins two words' runs, so each word maps onto its
# own shortened word, both ways. The letter check once squeezed runs after removing
# spaces, so " هههه  هههه هههه" mapped the first laugh onto an empty span (sixth round).
WORDS_OF_ONE_LETTER = [
    # (original, normalized, blocks, the original words' images, the normalized words' images)
    (
        " هههه  هههه هههه",
        "هه هه هه",
        ((0, 1, 0, 0), (3, 2, 2, 0), (6, 1, 3, 0), (9, 2, 5, 0), (14, 2, 8, 0)),
        [(0, 2), (3, 5), (6, 8)],
        [(1, 3), (7, 9), (12, 14)],
    ),
    (
        "هههه  هههه هههه",
        "هه هه هه",
        ((2, 2, 2, 0), (5, 1, 3, 0), (8, 2, 5, 0), (13, 2, 8, 0)),
        [(0, 2), (3, 5), (6, 8)],
        [(0, 2), (6, 8), (11, 13)],
    ),
    # a ZWNJ is inside a word: the word maps onto the whole word
    ("هههه\u200cهههه", "هه\u200cهه", ((2, 2, 2, 0), (5, 2, 3, 0)), [(0, 5)], [(0, 9)]),
    ("هههه\nهههه", "هه\nهه", ((2, 2, 2, 0), (5, 2, 3, 0)), [(0, 2), (3, 5)], [(0, 2), (7, 9)]),
    ("هههه، هههه", "هه، هه", ((2, 2, 2, 0), (6, 2, 4, 0)), [(0, 2), (4, 6)], [(0, 2), (8, 10)]),
    # the second word's first two letters go, with the space hazm inserts after "."
    ("هههه.هههه", "هه. هه", ((2, 2, 2, 0), (5, 2, 3, 1)), [(0, 2), (3, 6)], [(0, 2), (7, 9)]),
    ("هههه\u200c هههه", "هه هه", ((2, 3, 2, 0), (6, 2, 3, 0)), [(0, 2), (3, 5)], [(0, 2), (8, 10)]),
    ("ههههه \u200cهههه", "هه هه", ((2, 3, 2, 0), (6, 3, 3, 0)), [(0, 2), (3, 5)], [(0, 2), (9, 11)]),
    (
        "هههه\u200cهههه هههه",
        "هه\u200cهه هه",
        ((2, 2, 2, 0), (7, 2, 5, 0), (10, 2, 6, 0)),
        [(0, 5), (6, 8)],
        [(0, 7), (12, 14)],
    ),
]


@pytest.mark.parametrize(("text", "normalized", "blocks", "forth", "back"), WORDS_OF_ONE_LETTER)
def test_words_of_one_repeated_letter_each_map_onto_their_shortened_word(
    text: str, normalized: str, blocks: Any, forth: list[tuple[int, int]], back: list[tuple[int, int]]
) -> None:
    result = normalize(text)
    assert (result.text, result.map.changes) == (normalized, blocks)
    # words: white space and punctuation apart (a ZWNJ is inside a word)
    words = [m.span() for m in re.finditer(r"[^\s،.]+", text)]
    assert [result.map.span_to_normalized(*w) for w in words] == forth
    assert [normalized[a:b].strip() for a, b in forth] == [
        re.sub("ه+", "هه", text[a:b].strip("\u200c")) for a, b in words
    ]
    # each normalized word maps back onto its own word's letters that hazm kept (the
    # letters it dropped are at an edge, outside: spans never take deleted text there)
    assert [result.map.span_to_original(*m.span()) for m in re.finditer(r"[^\s،.]+", normalized)] == back
    assert all(w0 <= a < b <= w1 for (a, b), (w0, w1) in zip(back, words, strict=True))
    check_map(text, result.text, result.map)


def squeezed(text: str) -> str:
    """A text's letters with every run of one letter counted once (hazm's repeated-letter
    step shortens runs of three or more to one or two)."""
    return re.sub(r"(.)\1+", r"\1", letters(text))


@settings(max_examples=150, deadline=None)
@given(repeated_letter_words)
def test_words_of_one_repeated_letter_map_onto_their_own_words(text: str) -> None:
    # with hazm's defaults (runs shortened), every word maps onto the same word, both ways:
    # a span over a word covers that word's letters and no other word's (a ZWNJ is
    # inside a word: hazm inserts some inside runs, "هههها" -> "هه‌ها")
    result = normalize(text)
    check_map(text, result.text, result.map)
    for source, target, span in (
        (text, result.text, result.map.span_to_normalized),
        (result.text, text, result.map.span_to_original),
    ):
        for m in re.finditer(r"[^\W_]+(?:\u200c+[^\W_]+)*", source):
            a, b = span(*m.span())
            assert squeezed(target[a:b]) == squeezed(m.group()), (m.group(), target[a:b])


# hazm shortens the first laugh and joins the last two with a ZWNJ ("هه هه" -> "هه\u200cهه"):
# the run of ه has three words here and two there, but three parts on both sides, so the
# letters pair part by part (they once paired in order over the whole run, the first
# laugh's last two letters onto the second laugh: refused, and the property test below
# failed at random on these)
JOINED_LAUGHS = [
    ("هههه\tهه هه", ((2, 3, 2, 1), (7, 1, 5, 1)), [(0, 3), (3, 5), (6, 8)], [(0, 2), (5, 7), (8, 10)]),
    ("هههه\tهه\tهه", ((2, 3, 2, 1), (7, 1, 5, 1)), [(0, 3), (3, 5), (6, 8)], [(0, 2), (5, 7), (8, 10)]),
    ("هههه\u200c هه هه", ((2, 3, 2, 0), (8, 1, 5, 1)), [(0, 2), (3, 5), (6, 8)], [(0, 2), (6, 8), (9, 11)]),
    ("هههه\u200c هه\tهه", ((2, 3, 2, 0), (8, 1, 5, 1)), [(0, 2), (3, 5), (6, 8)], [(0, 2), (6, 8), (9, 11)]),
    (
        "هههه \u200cهه هه",
        ((2, 2, 2, 0), (5, 1, 3, 0), (8, 1, 5, 1)),
        [(0, 2), (3, 5), (6, 8)],
        [(0, 2), (6, 8), (9, 11)],
    ),
    (
        "هههه \u200cهه\tهه",
        ((2, 2, 2, 0), (5, 1, 3, 0), (8, 1, 5, 1)),
        [(0, 2), (3, 5), (6, 8)],
        [(0, 2), (6, 8), (9, 11)],
    ),
]


@pytest.mark.parametrize(("text", "blocks", "forth", "back"), JOINED_LAUGHS)
def test_laughs_hazm_joins_with_a_zwnj_map_part_by_part(
    text: str, blocks: Any, forth: list[tuple[int, int]], back: list[tuple[int, int]]
) -> None:
    result = normalize(text)
    assert (result.text, result.map.changes) == ("هه هه\u200cهه", blocks)
    # each laugh (a run of letters) onto its own shortened laugh, and back onto its own
    # laugh's letters hazm kept (a tab hazm turned into a space may come along: one block)
    laughs = [m.span() for m in re.finditer(r"[^\W_]+", text)]
    assert [result.map.span_to_normalized(*w) for w in laughs] == forth
    assert [result.text[a:b].strip() for a, b in forth] == ["هه"] * 3
    shortened = [m.span() for m in re.finditer(r"[^\W_]+", result.text)]
    assert [result.map.span_to_original(*w) for w in shortened] == back
    assert all(w0 <= a < b <= w1 for (a, b), (w0, w1) in zip(back, laughs, strict=True))
    check_map(text, result.text, result.map)


@pytest.mark.parametrize(
    ("text", "normalized", "blocks", "forth"),
    [
        ("هههه ها", "هه\u200cها", ((2, 3, 2, 1),), [(0, 3), (3, 5)]),
        ("آهههههه\u00a0ها", "آهه\u200cها", ((3, 5, 3, 1),), [(0, 4), (4, 6)]),
    ],
)
def test_a_laugh_hazm_shortens_and_joins_to_the_next_word_is_one_block(
    text: str, normalized: str, blocks: Any, forth: list[tuple[int, int]]
) -> None:
    # hazm shortens the laugh and joins "ها" to it with a ZWNJ where a space was: the
    # letter check squeezed "هه‌ها" as one run (a ZWNJ inside a word does not end a run)
    # and the original as two words, and refused the text; a ZWNJ may now end a run
    # (on both sides at once).  Each word onto its own word; the joined word back onto both
    result = normalize(text)
    assert (result.text, result.map.changes) == (normalized, blocks)
    words = [m.span() for m in re.finditer(r"[^\W_]+", text)]
    assert [result.map.span_to_normalized(*w) for w in words] == forth
    assert [squeezed(result.text[a:b]) for a, b in forth] == [squeezed(text[a:b]) for a, b in words]
    assert result.map.span_to_original(0, len(normalized)) == (0, len(text))
    check_map(text, result.text, result.map)


@pytest.mark.parametrize(
    ("text", "normalized", "blocks"),
    [
        # hazm splits "ها" off the second laugh with a ZWNJ inside its run of ه (and turns
        # "\u200c " into " "): the run's second word has one part here, two there
        (" هههههه\u200c ههها", "هه هه\u200cها", ((0, 1, 0, 0), (3, 5, 2, 0), (11, 0, 5, 1))),
        # hazm joins "ای" and "ي" with a ZWNJ where two spaces were: the run of ی has two
        # words here and one there
        (
            "كككككك\n\nای  ي\u200c ببببب.",
            "کک\n\nای\u200cی بب.",
            ((2, 4, 2, 0), (10, 2, 6, 1), (13, 1, 8, 0), (17, 3, 11, 0)),
        ),
    ],
)
def test_a_run_whose_words_hazm_splits_or_joins_pairs_its_letters_in_order(
    text: str, normalized: str, blocks: tuple[tuple[int, int, int, int], ...]
) -> None:
    # the fast alignment leaves a block in doubt in both, so the letters are paired run by
    # run; with as many words or parts on both sides they pair word by word, otherwise
    # in order over the whole run
    result = normalize(text)
    assert (result.text, result.map.changes) == (normalized, blocks)
    check_map(text, result.text, result.map)
    for source, target, span in (
        (text, result.text, result.map.span_to_normalized),
        (result.text, text, result.map.span_to_original),
    ):
        for m in re.finditer(r"[^\W_]+(?:\u200c+[^\W_]+)*", source):
            a, b = span(*m.span())
            assert squeezed(target[a:b]) == squeezed(m.group()), (m.group(), target[a:b])


@pytest.mark.parametrize(
    ("text", "normalized", "blocks"),
    [
        # hazm deletes the tatweel and the mark, then shortens "یییی" to "ی": the block
        # starts after the tatweel, and the letter before the run lies past it
        ("-سـيَییس؟", "-سیس؟", ((1, 2, 1, 1), (3, 4, 2, 1))),
        ("کتـــابببـَب خوب", "کتاب خوب", ((1, 4, 1, 1), (7, 5, 4, 0))),
        # a mark inside the run hazm shortens does not end the run when the letters are
        # paired again (the fast alignment leaves the ا after "(" in doubt)
        ("بااَا( ا !ب", "با (ا! ب", ((2, 3, 2, 1), (6, 1, 4, 0), (8, 1, 5, 0), (10, 0, 6, 1))),
        # hazm splits "ها" off with a ZWNJ, then shortens "ههههه" to "هه": the ZWNJ it put
        # inside the run does not end the run (one block, the fast alignment's)
        ("هههههها!", "هه\u200cها!", ((2, 3, 2, 1),)),
    ],
)
def test_the_letter_check_looks_past_deleted_marks_and_tatweel(
    text: str, normalized: str, blocks: tuple[tuple[int, int, int, int], ...]
) -> None:
    result = normalize(text)
    assert (result.text, result.map.changes) == (normalized, blocks)
    # the map is hazm's edit as the check sees it (not refused, then paired again)
    assert unaligned(text, normalized, result.map, repeats=True) is None


def test_a_long_stretch_of_changed_words_pairs_every_letter() -> None:
    # 50 two-letter words that each gain "اا" inside: no 8 characters agree anywhere in
    # the 149 / 249 characters, so the stretch is matched as a whole (SequenceMatcher); on
    # a second text of 200 characters or more, its "autojunk" heuristic would ignore every
    # letter used more than 3 times and leave most words in replaced blocks. Each word must
    # still be its own 2-character insertion, every letter of the original paired.
    letters = "بپتثجچحخدذرزسشصضطظعغفقکگلمنوهی"
    words = [letters[k % 30] + letters[k * 7 % 30] for k in range(50)]
    head, tail = "این متن آغاز خبر است و ادامه دارد. ", " پایان خبر اینجا است و تمام شد."
    original = head + " ".join(words) + tail
    changed = head + " ".join(w[0] + "اا" + w[1] for w in words) + tail
    m = align(original, changed)
    assert len(m.changes) == 50
    assert all(ol == 0 and nl == 2 for _, ol, _, nl in m.changes)
    check_map(original, changed, m)


@pytest.mark.parametrize("repeats", [True, False])
@pytest.mark.parametrize(
    ("before", "mark", "after"), [("", "\u064e", ""), ("", "\u0640", "زم"), ("سلام ", "\u064e", "زم است")]
)
def test_a_ligature_next_to_a_deleted_mark_stays_aligned(before: str, mark: str, after: str, repeats: bool) -> None:
    # hazm deletes a mark or tatweel after the ligature "ﻻ"; hazm 0.12 keeps the ligature,
    # 0.10 spells it "لا". The letters were compared with "ﻻ" spelled out on the original
    # side only, so with hazm 0.12 normalize() raised UncertainAlignment for these (a
    # scraped PDF's "ﻻَزم" was enough)
    ligature = normalize("ﻻ").text  # as this hazm writes it
    result = normalize(before + "ﻻ" + mark + after, decrease_repeated_chars=repeats)
    assert result.text == before + ligature + after
    at = len(before)
    assert result.map.changes == ((at, 2, at, len(ligature)),)
    check_map(before + "ﻻ" + mark + after, result.text, result.map)


@pytest.mark.parametrize("repeats", [True, False])
def test_an_arabic_yeh_whose_mark_is_deleted_stays_aligned(repeats: bool) -> None:
    # the block holds ي and its mark on one side, ی on the other
    result = normalize("عليَ", decrease_repeated_chars=repeats)
    assert (result.text, result.map.changes) == ("علی", ((2, 2, 2, 1),))
    # at the very start of the text too: the mark goes with its letter
    result = normalize("يَ", decrease_repeated_chars=repeats)
    assert (result.text, result.map.changes) == ("ی", ((0, 2, 0, 1),))


def test_a_run_of_arabic_kaf_shortened_by_hazm_maps_onto_what_is_left() -> None:
    result = normalize("كككككك")  # hazm keeps two of a repeated letter, as Persian ک
    assert (result.text, result.map.changes) == ("کک", ((2, 4, 2, 0),))
    assert result.map.span_to_normalized(0, 6) == (0, 2)


@pytest.mark.parametrize("rest", ["", " است"])
def test_a_letter_inserted_after_a_spacing_change_is_found(rest: str) -> None:
    # hazm never inserts a letter: a map whose block does (after a block that only
    # changes spacing, which holds no letters to compare) is where the doubt starts
    original, changed = "کتاب  خوب" + rest, "کتاب خوبی" + rest
    m = align(original, changed)
    assert m.changes == ((5, 1, 5, 0), (9, 0, 8, 1))
    assert unaligned(original, changed, m) == 9


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_a_repeated_letter_in_a_long_text_is_one_deleted_block(where: str) -> None:
    # hazm shortens "سلامممم" to "سلام"; in a text too long for the short-text fallback
    # the letter check must squeeze repeats too, or the text cannot be normalized
    word, prose = "سلامممم", random_words(3, 60)
    text = {"start": word + " " + prose, "middle": prose[:100] + " " + word + " " + prose[100:]}.get(
        where, prose + " " + word
    )
    at = text.index(word) + 4
    result = normalize(text)
    assert result.text == text[:at] + text[at + 3 :]
    assert result.map.changes == ((at, 3, at, 0),)


# Random prose with hazm-like edits (spaces, ZWNJ, marks, Arabic letters, punctuation):
# the exact maps align() and normalize() give and where unaligned() doubts them. Each of
# these inputs told a surviving mutant apart from the code in a screen of issue 17's
# survivors (another resynchronisation point, letters compared without their neighbours,
# the deletion pass skipped): they pin choices the property tests leave open.
_MARKET = "بازار امروز آرام بود و نرخ ارز تغییری نکرد اما قیمت طلا بالا رفت"

EDITED_PROSE: list[tuple[str, str, Any, Any]] = [
    # x_align__mutmut_7
    (
        "a",
        "چحاظخ اعودمع ارضغسث غگ ق طسقعن یغرثثك ظ ظ یح ژ چ جح پپ کژ ير ف جم بظد فسر ثپلق و فژدتفژ پسچدهم صت طیفشگ غیو كی ذه",  # noqa: E501
        "چحاظخ اعودمع ارضغسث غگ ق طسقعن یغرثثك ظ یح ژ چ جح ۱پ کژ ير ف جم بظد فسر ثپلق و فژدتفژ پسچدهم ص  ت طیفشگ غیو كی ذه",  # noqa: E501
        (((36, 3, 36, 1), (52, 1, 50, 1), (58, 1, 56, 1), (96, 0, 94, 2), (108, 1, 108, 1)), 36, 36),
    ),
    # x__common_prefix__mutmut_7
    (
        "a",
        "ظيگکظغ رضكلب اثکسمص حچزت یشاکژ",
        "ظيگکظ رضكلب اثکسمصك، حچزت یشاک",
        (((1, 1, 1, 1), (5, 1, 5, 0), (9, 1, 8, 1), (19, 0, 18, 2), (29, 1, 30, 0)), 5, 5),
    ),
    # x__pre_normalize__mutmut_3
    (
        "n",
        "عشه ج1سژظف زجن و يضتض غس ز فسشطوخ زژنظط. م ینخدزـ ترش  كظپ",
        {"remove_diacritics": False},
        ("عشه ج1سژظف زجن و یضتض غس ز فسشطوخ زژنظط. م ینخدز ترش کظپ", ((47, 2, 47, 1), (54, 1, 53, 0))),
    ),
    # x__pre_normalize__mutmut_8
    (
        "n",
        "غ\u200c .ِ.طخ ک1ق",
        {"remove_diacritics": False},
        ("غ. ِ. طخ ک1ق", ((1, 2, 1, 0), (4, 0, 2, 1), (6, 0, 5, 1))),
    ),
    # x__same_letters__mutmut_16
    (
        "a",
        "۱ضك تدراژ خج ضكچ وجيظ ز زجنژ ل یذظعظ ثظوث ثخچ گوحناک هشطحوا ژدطکظغ جصزز حغظض هغنکج د چررز پوجچ پذ م ثغمي ژد کهغلاگ عشكبص زغظ نچکژيغ چذص ظسفيي زك زبزجخش لغغج ضوح خشثص",  # noqa: E501
        "ضك تدراژ خج ضكچ وجيظ ز زجنژ ل یذظعظ ثظوث ثخچ گوحناک هشطحوا ژدطکظغ جصزز حغظض هغنکج د چخررز پوجچ پذ م ثغمي ژد کهغلاگ عشكبص زغظ نچکژيغ چذص ظسفيي زك زبزجخش لغغج ضوح خشثص",  # noqa: E501
        (
            (
                (0, 1, 0, 0),
                (2, 1, 1, 1),
                (14, 1, 13, 1),
                (19, 1, 18, 1),
                (86, 0, 85, 1),
                (103, 1, 103, 1),
                (117, 1, 117, 1),
                (129, 1, 129, 1),
                (139, 2, 139, 2),
                (143, 1, 143, 1),
            ),
            0,
            0,
        ),
    ),
    # x__same_letters__mutmut_17
    (
        "a",
        "چي ع گ زيغصض ذ خغقم گژ رثغظهچ ف تسضظغژ گرثکيی ژحگبحچ شصنگيت کا ص ضغي كچنث پکذکه یت یلطك ظقكط ضططب ش پذلکت گتع س هصشپ چودشح ل حژتف دحقنخ لوصلقك طخ هح ظيفضض زضشزش زپتاض مبپ س ضثجذش",  # noqa: E501
        "چي ع گ زيغصض ذ خغقم گژ رثغظهچ  تس،ظغژ گرثکيی ژحگبحچ يشصنگيت کا ص ضغي كچنث پکذکه یت یلطك ظقكط ضط ش پ۱لکت گتع س هصشچودشح ل حژتف دحقنخ لوصلقك طخ هح ظيفضض زضشزش زپتاض مبپ س ضثجذش",  # noqa: E501
        (
            (
                (1, 1, 1, 1),
                (8, 1, 8, 1),
                (30, 1, 30, 0),
                (34, 1, 33, 1),
                (43, 1, 42, 1),
                (53, 0, 52, 1),
                (57, 1, 57, 1),
                (67, 1, 67, 1),
                (69, 1, 69, 1),
                (86, 1, 86, 1),
                (90, 1, 90, 1),
                (95, 2, 95, 0),
                (101, 1, 99, 1),
                (115, 2, 113, 0),
                (141, 1, 137, 1),
                (150, 1, 146, 1),
            ),
            30,
            30,
        ),
    ),
    # x__same_letters__mutmut_27
    (
        "a",
        "ضك تدراژ خج ضكچ وجيظ ز زجنژ ل یذظعظ ثظوث ثخچ گوحناک هشطحوا ژدطکظغ جصزز حغظض هغنکج د چخررز پوجچ پذ م ثغمي ژد کهغلاگ عشكبص زغظ نچکژيغ چذص ظسفيي زك زبزجخش لغغج ضوح خشثص",  # noqa: E501
        "۱ضك تدراژ خج ضكچ وجيظ ز زجنژ ل یذظعظ ثظوث ثخچ گوحناک هشطحوا ژدطکظغ جصزز حغظض هغنکج د چررز پوجچ پذ م ثغمي ژد کهغلاگ عشكبص زغظ نچکژيغ چذص ظسفيي زك زبزجخش لغغج ضوح خشثص",  # noqa: E501
        (
            (
                (0, 0, 0, 1),
                (1, 1, 2, 1),
                (13, 1, 14, 1),
                (18, 1, 19, 1),
                (85, 1, 86, 0),
                (103, 1, 103, 1),
                (117, 1, 117, 1),
                (129, 1, 129, 1),
                (139, 2, 139, 2),
                (143, 1, 143, 1),
            ),
            0,
            0,
        ),
    ),
    # x__same_letters__mutmut_40
    (
        "a",
        "د زوپشط تزجعج ع لغ ذثاث»خ قزدخس ژجسا فالخحض كه ح حگخثكك ت نكن گغفيژش قپژبزف نسه صل صجوژ چطب بزف کپژشص رداخپز ع يکرثب ب رمع ع« خاژ عترغ  ظ عسشچ عف س",  # noqa: E501
        "د زوپشط تزجعجج ع لغ ذثاثخ قزدخس ژجسا فالخحض كه ح حگخثكك ت نكن گغفيژش قپژبزف هنسه صل صجوژ چطب بزف کپژشص رداخپز ع يکرثب ب رمع ع خاژ عترغ ظ عسشچ عف س",  # noqa: E501
        (
            (
                (13, 0, 13, 1),
                (23, 1, 24, 0),
                (44, 1, 44, 1),
                (53, 2, 53, 2),
                (59, 1, 59, 1),
                (65, 1, 65, 1),
                (76, 0, 76, 1),
                (111, 1, 112, 1),
                (124, 1, 125, 0),
                (135, 1, 135, 0),
            ),
            13,
            76,
        ),
    ),
    # x__attach_marks__mutmut_30 (text of three letters: repeated words); what is inserted
    # after a letter's marks and tatweel, and the spaces deleted before "اـ", are blocks
    # of their own: "ابب" maps onto "اـبب" alone, "اپب" onto "اپبـ"
    (
        "a",
        "پپ پا ب پپ ابب باپ ب ابپ اا ا اپبـبِپاا اپپ بپب اپ پپا بپا اب ببا. بپب ب پ ب ااا بب   اـبب ا ااپ بپ ب ا ا اپا",
        "پپ پا ب پپ ابب باپ ب ابپ اا ا اپب ب پاا اپپ بپب اپ پپا بپا اب ببا بپب ب پ ب ااا بب ابب ا ااپ بپ ب ا ا اپا",
        (
            (
                *((32, 2, 32, 1), (34, 0, 33, 1), (34, 2, 34, 1), (36, 0, 35, 1)),
                *((65, 1, 65, 0), (84, 2, 83, 0), (86, 2, 83, 1)),
            ),
            None,
            None,
        ),
    ),
    # x__equal_runs__mutmut_56, x__equal_runs__mutmut_64 (text of three letters: repeated words)
    (
        "a",
        "باب پب پا اا اپب ب اپپ ب ب ا ببا ا ااپ پ پا اب اا ب پا",
        "باب پب پا اا اپب« ب. اپپ ب ب ا ببا اااپ پ پا ب اا ب پا",
        (((16, 0, 16, 1), (18, 0, 19, 1), (34, 1, 36, 0), (44, 1, 45, 0)), 44, 44),
    ),
    # x__resync__mutmut_54 (text of three letters: repeated words)
    (
        "n",
        "پا به ابپ ب ا پ ابب پ پ پبب ا اپا پب پبب پا بپا بب ااا ا » با ا«ا ببب",
        {},
        (
            "پا به ابپ ب ا پ ابب پ پ پبب ا اپا پب پبب پا بپا بب اا ا» با ا «ا بب",
            ((53, 1, 53, 0), (56, 1, 55, 0), (63, 0, 61, 1), (66, 1, 65, 0)),
        ),
    ),
    # x__resync__mutmut_65 (text of three letters: repeated words)
    (
        "a",
        "ااپ ا ا ااب پ بپا پ پپب بب اب پپپ اا اپب بپ اب پ ابب ب باا ب ببا پا پ با پ اپپ اپ پپ پاا ااب پ ب ابپ ببا پبا بپ",  # noqa: E501
        "ااَ ا ا !ااب پ بپا پپب بب اب پپپ اا اپب بپ اب پ ابب ب باا ب ببا پا پ با پ اپپ اپ پپ پاا ااب پ ب ابپ ببا با بپ",
        (((2, 1, 2, 1), (8, 0, 8, 1), (19, 2, 20, 0), (105, 1, 104, 0)), 2, 2),
    ),
    # Fifth round (the screen of the fourth round's 68 survivors, docs/mutation/persian-normalize.md):
    # a double space on each side of a word, the next words repeated just before:
    # x__resync__mutmut_43 (the search for where the texts agree again starts at the text's
    # start and finds only the earlier copy)
    ("n", "کتاب را خوانند  و  خوانند تا", {}, ("کتاب را خوانند و خوانند تا", ((15, 1, 15, 0), (17, 1, 16, 0)))),
    # the first of two spaces goes, not the second, before a Latin token written twice:
    # x__resync__mutmut_48 (the last place the next 8 characters agree, not the first)
    (
        "n",
        " و  COVID-19 COVID-19",
        {"decrease_repeated_chars": False},
        ("و COVID-19 COVID-19", ((0, 1, 0, 0), (2, 1, 1, 0))),
    ),
    # the space after "(" deleted, before a Latin token written twice:
    # x__resync__mutmut_92 (the next search from the window's end, unbounded: it finds the
    # same place again and again and never returns)
    (
        "n",
        " ( COVID-19 COVID-19 ببپ ا COVID-1",
        {},
        ("(COVID-19 COVID-19 ببپ ا COVID-1", ((0, 1, 0, 0), (2, 1, 1, 0))),
    ),
    # the network "X" beside two kinds of deleted vowel marks: x__pre_normalize__mutmut_5
    # (the deleted characters joined into one class with "XXXX" between them: the Latin X
    # counted as deleted)
    (
        "n",
        "او در X نوشت: «ما بَرنده\u200cایم» و خِندید",
        {},
        ("او در X نوشت: «ما برنده\u200cایم» و خندید", ((18, 2, 18, 1), (32, 2, 31, 1))),
    ),
    # a run of "!" / "؟" whose leading space hazm deletes: one deleted space, each mark on
    # itself; x__equal_runs__mutmut_45-_49, _51 (the one-character deletion step not
    # taken: the run's 8 next characters also agree one further on, so a swap and a
    # deletion at the run's end were found instead)
    (
        "n",
        "این خبر دروغ است !!!!!!!!!! باور نکنید",
        {},
        ("این خبر دروغ است!!!!!!!!!! باور نکنید", ((16, 1, 16, 0),)),
    ),
    (
        "n",
        "چرا ؟؟؟؟؟؟؟؟؟؟ هیچ کس پاسخ نداد",
        {},
        ("چرا؟؟؟؟؟؟؟؟؟؟ هیچ\u200cکس پاسخ نداد", ((3, 1, 3, 0), (18, 1, 17, 1))),
    ),
    # a decorative line of ZWNJ and "~" after a space, whose first ZWNJ hazm deletes: in a
    # periodic run an insertion and a deletion both fit; the map takes the insertion, as
    # the general search does (it tries skips in the normalized text first):
    # x__equal_runs__mutmut_30, _32, _34-_38 (the one-character insertion step not taken,
    # so the deletion step was)
    (
        "n",
        "پایان خبر \u200c~\u200c~\u200c~\u200c~\u200c~ خبر بعدی",
        {},
        ("پایان خبر ~\u200c~\u200c~\u200c~\u200c~ خبر بعدی", ((10, 0, 10, 1), (18, 2, 19, 0))),
    ),
    # a spaced ellipsis whose first dot is written "…": one swapped character, every other
    # dot on itself; x__equal_runs__mutmut_43, _57, _59-_63, _65-_69 (the one-character
    # swap step not taken: the run's next 8 characters also agree one further on, so an
    # insertion and a deletion at the run's end were found instead)
    ("a", "او گفت . . . . . و رفت", "او گفت … . . . . و رفت", (((7, 1, 7, 1),), None, None)),
    # a one-letter word and a decorative line of ZWNJ and "=" that hazm closes up: of the
    # equally near places where the texts agree again, the first one found:
    # x__resync__mutmut_55 (a later place as near replaced it)
    (
        "n",
        " و\u200c=\u200c=\u200c=\u200c=\u200c=",
        {},
        ("و=\u200c=\u200c=\u200c=\u200c=", ((0, 1, 0, 0), (2, 0, 1, 1), (10, 2, 10, 0))),
    ),
    # " -" inserted and a kashida stretched: x__resync__mutmut_57 (the search for a nearer
    # place stops once the skip in the first text reaches twice the other's)
    ("a", "نه اـــز", "نه - اــــــز", (((3, 0, 3, 2), (4, 0, 6, 3)), None, None)),
    # hazm's squeezed repeated letter and the same letter after "(" (what
    # test_a_short_text_with_a_repeated_letter_after_punctuation_normalizes has with آ, here
    # after punctuation hazm keeps, and with an Arabic yeh): short texts the fast alignment
    # refuses, paired letter by letter; x__align_by_letters__mutmut_30, _31 (the first gap
    # before the first paired letter taken from None / from the second character), _2, _5,
    # _7, _8 (hazm's 1:1 letter rewrites not counted as equal when pairing letters)
    ("n", "« آ(آآآ", {}, ("«آ (آآ", ((1, 1, 1, 0), (3, 0, 2, 1), (6, 1, 6, 0)))),
    ("n", " ي(ييي", {}, ("ی (یی", ((0, 1, 0, 0), (2, 0, 1, 1), (5, 1, 5, 0)))),
    # hazm's squeezed "ایراننن" and a double space after it, after a semicolon without a
    # space: one block deletes the extra letters and the space; x_normalize__mutmut_24,
    # x__align__mutmut_16, _19, x__equal_runs__mutmut_81, _86, x__resync__mutmut_75
    # (repeated letters not squeezed when looking where the texts agree again)
    ("n", "گفت؛ایراننن  در ایران در", {}, ("گفت؛ ایران در ایران در", ((4, 0, 4, 1), (9, 3, 10, 0)))),
    # texts of one letter and dashes (every 8 characters occur many times over):
    # x__resync__mutmut_96 (the next place the 8 characters agree looked for from two
    # further on), x__resync__mutmut_94 (the next place looked for from the window's end
    # backwards)
    ("a", "ا-اااااااا", "-اااااااااا", (((0, 0, 0, 1), (1, 1, 2, 0), (10, 0, 10, 1)), 10, None)),
    (
        "a",
        "اااااااااااااااا--ا-ا---",
        "اااااا-ااااا-ا-اا--ا-ا---ا-ا---ا-ا---",
        (
            (
                (6, 0, 6, 1),
                (11, 0, 12, 1),
                (12, 0, 14, 1),
                (14, 0, 17, 2),
                (15, 0, 20, 1),
                (16, 0, 22, 1),
                (24, 0, 31, 6),
            ),
            24,
            24,
        ),
    ),
    # a ligature inserted before tatweels and underscores: no place keeps the letters, and
    # of the equally near places where the texts agree, the first is taken:
    # x__resync__mutmut_64 (the last of them)
    ("a", "ـ_ـ_ـ_ـ_ـ", "ﻻ_ـ_ـ_ـ_ـ_", (((0, 0, 0, 2), (7, 2, 9, 1)), 0, 0)),
    # a short text the fast alignment refuses, with a lone tatweel and a score written
    # with tatweels (kept, so no tatweel is deleted before aligning):
    # x__is_letter__mutmut_3 (tatweel counted as a letter when pairing letters)
    ("n", "ـ آ(آآآ ۲ــ۱", {}, ("آ (آآ ۲ــ۱", ((0, 2, 0, 0), (3, 0, 1, 1), (6, 1, 5, 0)))),
    # Sixth round. A short text the fast alignment refuses whose normalized form holds 200
    # letters or more: a line of Rial signs, each of which hazm spells out as four letters.
    # Pairing the letters, the common ones (ا, ر, ی, ل: more than 1 % of them) must still
    # count, or the ا after "(" pairs with the run's third ا and the text is refused:
    # x__align_by_letters__mutmut_25, _34 (SequenceMatcher's autojunk on)
    (
        "n",
        "بااا( ا !ب " + "﷼" * 38 + " " + _MARKET,
        {},
        (
            "با (ا! ب " + "ریال" * 38 + " " + _MARKET,
            ((2, 2, 2, 1), (5, 1, 4, 0), (7, 1, 5, 0), (9, 0, 6, 1), (11, 38, 9, 152)),
        ),
    ),
    # A divider with "==-" deleted: one block; the search must go on past the first place
    # that agrees (3 deleted, 2 inserted) to a nearer one (4 deleted, none inserted):
    # x__resync__mutmut_19, _20, _56 (it stops early)
    ("a", "پایان خبر -==--..-..-..-.. خبر بعدی", "پایان خبر -..-..-..-.. خبر بعدی", (((11, 4, 11, 0),), None, None)),
    # Punctuation inserted before a letter, a stretch of it swapped 20 characters on, and
    # the inserted run repeated 48 characters on: the first place past the letter that
    # agrees (2 characters on) skips the letter on one side only, and the next one lies
    # beyond the first window (16); the nearest place that keeps the letters is the
    # swap's end (20, 20), found in the second window, not that next one (1, 48):
    # x__resync__mutmut_19, _56, _90, _93 (the next find without the window's end)
    (
        "a",
        "خبر ب«»()[]{}@#$%^&*+=~|/\\٪×÷•°…" + "-" * 20 + " پایان",
        "خبر --«»()[]{}ب:;<>'\"`,./\\٪×÷•°…" + "-" * 20 + "«»()[]{} پایان",
        (((4, 0, 4, 10), (5, 19, 15, 9), (52, 0, 52, 8)), None, None),
    ),
    # Laughter written as one repeated letter, after a leading space and a double space,
    # with the project's options (decrease_repeated_chars off): hazm keeps every ه, so no
    # run may be taken as shortened and each word maps onto itself (read with the option
    # on, the first word was deleted and the last inserted):
    # x_normalize__mutmut_14, _18, _19 (the option read under another name)
    ("n", " هههه  هههه هههه", DEFAULT_NORMALIZER, ("هههه هههه هههه", ((0, 1, 0, 0), (5, 1, 4, 0)))),
]


@pytest.mark.parametrize(("kind", "x", "y", "expected"), EDITED_PROSE)
def test_exact_maps_of_edited_prose(kind: str, x: str, y: Any, expected: Any) -> None:
    if kind == "a":
        m = align(x, y)
        assert (m.changes, unaligned(x, y, m), unaligned(x, y, m, repeats=True)) == expected
        check_map(x, y, m)
    else:
        result = normalize(x, **y)
        assert (result.text, result.map.changes) == expected
        check_map(x, result.text, result.map)
