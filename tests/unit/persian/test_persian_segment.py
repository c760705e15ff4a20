"""Word and sentence spans, snapping and trimming (annotator.persian.segment)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings

from annotator.persian import segment
from annotator.persian.segment import (
    is_trimmable,
    sentence_at,
    sentence_spans,
    snap_to_words,
    trim,
    word_at,
    word_spans,
)

from .strategies import any_text, text_and_span

SAMPLE = Path(__file__).resolve().parents[3] / "seeds" / "000_bdf8ef5fdfe34543.txt"
ZWNJ = "\u200c"


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in word_spans(text)]


def test_zwnj_words_are_one_word() -> None:
    text = f"نخست{ZWNJ}وزیر گفت صهیونیست{ZWNJ}ها می{ZWNJ}روند."
    assert words(text) == [f"نخست{ZWNJ}وزیر", "گفت", f"صهیونیست{ZWNJ}ها", f"می{ZWNJ}روند", "."]


def test_punctuation_symbols_and_odd_spaces_split() -> None:
    text = "«سلام»، دنیا؛ چطوری؟ (ع) word😀 a\u00a0b ۵۰٪"
    assert words(text) == [
        "«",
        "سلام",
        "»",
        "،",
        "دنیا",
        "؛",
        "چطوری",
        "؟",
        "(",
        "ع",
        ")",
        "word",
        "😀",
        "a",
        "b",
        "۵۰",
        "٪",  # hazm splits numbers off: "[\\d.:]+"
    ]


def test_verbs_are_not_joined() -> None:
    assert words("انجام داده است") == ["انجام", "داده", "است"]


def test_offsets_are_into_the_text_given() -> None:
    text = "  الف   ب\n\nج  "
    assert word_spans(text) == [(2, 5), (8, 9), (11, 12)]
    assert word_spans(text, 3, 9) == [(3, 5), (8, 9)]


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_word_spans_partition_the_visible_text(text: str) -> None:
    spans = word_spans(text)
    covered: set[int] = set()
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e
        previous_end = e
        assert not any(c.isspace() for c in text[s:e])
        assert text[s] != ZWNJ and text[e - 1] != ZWNJ
        covered.update(range(s, e))
    for i, c in enumerate(text):
        if not (c.isspace() or c in "\u200c\u200d"):
            assert i in covered, (text, i)


def test_snap_expands_inside_a_zwnj_word() -> None:
    text = f"دیروز نخست{ZWNJ}وزیر گفت"
    start = text.index("وزیر")
    assert snap_to_words(text, start, start + 2) == (6, 15)
    assert snap_to_words(text, 7, 8) == (6, 15)
    # A selection across two words covers both, whole.
    assert snap_to_words(text, 3, 8) == (0, 15)


def test_snap_trims_punctuation_spaces_and_zwnj() -> None:
    text = "او گفت: «سلام»، و رفت."
    start = text.index(":")
    a, b = snap_to_words(text, start, text.index("،") + 2) or (0, 0)
    assert text[a:b] == "سلام"
    assert snap_to_words(text, 0, len(text)) == (0, len(text) - 1)
    assert snap_to_words(f" {ZWNJ}کتاب{ZWNJ} ", 0, 7) == (2, 6)


def test_snap_returns_none_when_nothing_is_left() -> None:
    text = "سلام « » ، دنیا"
    assert snap_to_words(text, 4, 10) is None
    assert snap_to_words(text, 2, 2) is None
    # the message names the span and the text's length
    with pytest.raises(ValueError, match=r"^span \(3, 2\) invalid for text of length 15$"):
        snap_to_words(text, 3, 2)
    with pytest.raises(ValueError, match=r"^span \(0, 16\) invalid for text of length 15$"):
        snap_to_words(text, 0, len(text) + 1)


def test_trim() -> None:
    text = " «الف، ب» "
    assert trim(text, 0, len(text)) == (2, 8)
    assert trim(text, 0, 2) == (2, 2)
    assert trim("۵۰٪ #هشتگ", 0, 9) == (0, 9)  # % and # belong to their word
    assert trim("الف ب ", 0, 6) == (0, 5)  # one trimmable character at the end
    assert trim("الف ب!؟ ", 0, 8) == (0, 5)
    assert all(is_trimmable(c) for c in " \n\u200c\u200f،؛؟«».,!?()\"'-")
    assert not any(is_trimmable(c) for c in "اa۵😀%٪")


def _snap_with_whole_text(text: str, start: int, end: int) -> tuple[int, int] | None:
    s, e = trim(text, start, end)
    if s >= e:
        return None
    for ws, we in word_spans(text):
        if ws <= s < we:
            s = ws
        if ws < e <= we:
            e = we
    s, e = trim(text, s, e)
    return (s, e) if s < e else None


@settings(max_examples=150, deadline=None)
@given(text_and_span())
def test_snap_properties(case: tuple[str, int, int]) -> None:
    text, start, end = case
    snapped = snap_to_words(text, start, end)
    assert snapped == _snap_with_whole_text(text, start, end)
    if snapped is None:
        s, e = trim(text, start, end)
        assert s == e
        return
    s, e = snapped
    assert 0 <= s < e <= len(text)
    assert not is_trimmable(text[s]) and not is_trimmable(text[e - 1])
    ts, te = trim(text, start, end)
    assert s <= ts and te <= e
    assert snap_to_words(text, s, e) == snapped  # idempotent


def test_snap_uses_only_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    unit = f"نخست{ZWNJ}وزیر گفت: «سلام». "
    text = unit * 60_000  # ~1.2 M characters
    middle = len(text) // 2
    seen: list[int] = []
    original = segment.word_spans

    def spy(t: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        seen.append((len(t) if end is None else end) - start)
        return original(t, start, end)

    monkeypatch.setattr(segment, "word_spans", spy)
    segment._word_tokenizer()  # built before timing (~1 s when this test runs first)
    began = time.perf_counter()
    result = snap_to_words(text, middle, middle + 3)
    elapsed = time.perf_counter() - began
    assert result is not None and max(seen) < 1_000
    assert elapsed < 0.1, elapsed
    # a word longer than the window each side in the middle: the window reaches its edges,
    # no further
    long_word = "ب" * 600
    text = f"{text[:middle]} {long_word} {text[middle:]}"
    seen.clear()
    assert snap_to_words(text, middle + 300, middle + 301) == (middle + 1, middle + 601)
    assert max(seen) < 1_000


def test_word_at() -> None:
    text = f"سلام نخست{ZWNJ}وزیر!"
    assert word_at(text, 0) == (0, 4)
    assert word_at(text, 4) == (0, 4)  # cursor right after a word
    assert word_at(text, 7) == (5, 14)
    assert word_at(text, 15) is None  # after "!"
    assert word_at(" ", 0) is None


def test_sentences_follow_hazm_and_newlines() -> None:
    from hazm import SentenceTokenizer

    assert segment.SENTENCE_END.pattern == SentenceTokenizer().pattern.pattern
    text = "اولی. دومی؟ سومی!! \nچهارمی بدون نقطه\n\n  پنجمی"
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert got == ["اولی.", "دومی؟", "سومی!!", "چهارمی بدون نقطه", "پنجمی"]


def test_sample_sentences_refine_hazms() -> None:
    from hazm import SentenceTokenizer

    text = SAMPLE.read_text(encoding="utf-8")
    ours = [text[s:e].replace("\n", " ") for s, e in sentence_spans(text)]
    # hazm joins single-newline lines; every hazm sentence is a run of ours.
    joined = iter(ours)
    for sentence in SentenceTokenizer().tokenize(text):
        parts = [next(joined)]
        while " ".join(parts) != sentence:
            assert len(" ".join(parts)) < len(sentence), (parts, sentence)
            parts.append(next(joined))
    assert next(joined, None) is None
    assert len(ours) >= 15


def test_sentence_at_in_sample() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    s, e = sentence_at(text, text.index("پهپاد"))
    assert text[s:e] == "این گروه با انتشار بیانیهای تأکید کرد که این حمله را با یک پهپاد انجام داده است."
    assert sentence_at(text, 0)[0] == 0
    assert sentence_at(text, e) == (s, e)  # cursor right after the full stop
    assert sentence_at(text, e + 1)[0] == e + 1  # next sentence
    end = sentence_at(text, len(text))
    assert end[1] == len(text.rstrip())


def test_sentence_at_edge_cases() -> None:
    assert sentence_at("", 0) == (0, 0)
    assert sentence_at("الف\n\nب", 4) == (4, 4)  # empty line
    assert sentence_at("  الف. ب", 0) == (2, 6)
    with pytest.raises(ValueError):
        sentence_at("الف", 4)


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_sentence_spans_are_ordered_and_single_line(text: str) -> None:
    previous = 0
    for s, e in sentence_spans(text):
        assert previous <= s < e
        assert "\n" not in text[s:e]
        assert not text[s].isspace() and not text[e - 1].isspace()
        previous = e
    for pos in range(0, len(text) + 1, 7):
        s, e = sentence_at(text, pos)
        assert s == e or (s, e) in sentence_spans(text)


class _SlowTokenizer:
    """Stands in for segment._word_tokenizer while hazm is being built: blocks until
    released, then gives the real tokenizer (or raises, as a broken hazm would)."""

    def __init__(self, fail: bool = False) -> None:
        self.release = threading.Event()
        self.calls = 0
        self.fail = fail

    def __call__(self) -> object:
        self.calls += 1
        assert self.release.wait(30)
        if self.fail:
            raise RuntimeError("hazm is broken")
        return _HAZM()

    def cache_info(self) -> SimpleNamespace:
        return SimpleNamespace(currsize=0)


_HAZM = segment._word_tokenizer


@pytest.fixture
def fresh_warm_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "_warming", False)
    monkeypatch.setattr(segment, "_ready", threading.Event())


@pytest.mark.usefixtures("fresh_warm_up")
@pytest.mark.parametrize("fail", [False, True])
def test_warm_up_splits_the_simple_way_until_hazm_is_ready(monkeypatch: pytest.MonkeyPatch, fail: bool) -> None:
    # the window's warm-up, in this process (test_segment_warm_up.py runs it in a fresh one)
    slow = _SlowTokenizer(fail)
    monkeypatch.setattr(segment, "_word_tokenizer", slow)
    text = f"نخست{ZWNJ}وزیر عراق، گفت: «دولت»."
    assert not segment.tokenizer_pending()
    segment.warm_up_in_background()
    assert segment.tokenizer_pending()
    # a daemon thread: quitting while hazm loads does not wait for it
    (thread,) = [t for t in threading.enumerate() if t.name == "hazm-warm-up"]
    assert thread.daemon
    assert word_spans(text) == [(0, 9), (10, 14), (14, 15), (16, 19), (19, 20), (21, 22), (22, 26), (26, 27), (27, 28)]
    segment.warm_up_in_background()  # a second call starts no second build
    slow.release.set()
    assert segment._ready.wait(30)
    thread.join(30)  # gone before the next test counts threads
    assert not segment.tokenizer_pending() and slow.calls == 1
    if fail:  # the next word_spans raises hazm's error itself
        with pytest.raises(RuntimeError, match="hazm is broken"):
            word_spans(text)
    else:
        assert words(text)[:4] == [f"نخست{ZWNJ}وزیر", "عراق", "،", "گفت"]


@pytest.mark.usefixtures("fresh_warm_up")
def test_warm_up_when_hazm_is_built_already_starts_no_thread() -> None:
    segment._word_tokenizer()  # built (as by a command or an earlier test)
    segment.warm_up_in_background()
    assert segment._ready.is_set() and not segment.tokenizer_pending()
    assert not [t for t in threading.enumerate() if t.name == "hazm-warm-up"]


def _snap_with(spans: list[tuple[int, int]], text: str, start: int, end: int) -> tuple[int, int] | None:
    s, e = trim(text, start, end)
    if s >= e:
        return None
    for ws, we in spans:
        if ws <= s < we:
            s = ws
        if ws < e <= we:
            e = we
    s, e = trim(text, s, e)
    return (s, e) if s < e else None


@pytest.mark.parametrize("long_word", ["", "ب" * 300, "aXbc" * 75])
def test_snap_in_a_long_article_agrees_with_the_whole_text(long_word: str) -> None:
    # snapping reads a window of ~256 characters each side of the selection, cut at
    # whitespace: far from both ends of a real article, and inside a word longer than the
    # window (a long hashtag or a run without spaces), it snaps as with the whole text
    sample = SAMPLE.read_text(encoding="utf-8")
    text = f"{sample[:1000]} {long_word} {sample[1000:]}\n{long_word}" if long_word else sample
    spans = word_spans(text)
    for start in [*range(0, len(text), 41), *range(1000, 1310, 13), len(text) - 150, len(text) - 2]:
        for length in (0, 1, 5, 12):
            end = min(start + length, len(text))
            assert snap_to_words(text, start, end) == _snap_with(spans, text, start, end), (start, end)
    if long_word:
        # a long word that opens the text, and one in the middle
        assert snap_to_words(f"{long_word} {text}", 280, 281) == (0, 300)
        assert snap_to_words(f"{long_word} {text}", 257, 258) == (0, 300)  # 256 + 1 in
        assert snap_to_words(text, 1150, 1152) == (1001, 1301)
        assert snap_to_words(text, len(text) - 2, len(text) - 1) == (len(text) - 300, len(text))


def test_word_at_the_end_and_before_a_glued_sign() -> None:
    assert word_at("سلام", 4) == (0, 4)  # the cursor at the very end of the text
    assert word_at("سلام", 3) == (0, 4)
    assert word_at("۵۰٪", 1) == (0, 2)  # the number, not the percent sign glued to it


def test_sentence_spans_of_a_part_of_the_text() -> None:
    text = "اولی. دومی\nسومی"
    assert sentence_spans(text, 0, 8) == [(0, 5), (6, 8)]  # never past the end asked for
    assert sentence_spans(text, 6, 13) == [(6, 10), (11, 13)]


def test_sentence_at_on_empty_lines_between_others() -> None:
    # the cursor on an empty line gets no sentence, however many lines are around it
    assert sentence_at("الف\nب\n\nج", 6) == (6, 6)
    assert sentence_at("الف\n\nب\nج", 4) == (4, 4)
    assert sentence_at("\nالف", 0) == (0, 0)  # a text that opens with an empty line
    assert sentence_at("\nالف. ب", 1) == (1, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\nالف\nب", [(1, 4), (5, 6)]),  # a text that opens with a line break
        ("الف ب \nج", [(0, 5), (7, 8)]),  # spaces before a line break stay out
        ("الف ب  \nج", [(0, 5), (8, 9)]),
        (f"سلام{ZWNJ}{ZWNJ} \nخوب", [(0, 4), (8, 11)]),  # and so do ZWNJs
        (f"{ZWNJ}الف. ب{ZWNJ}", [(1, 5), (6, 7)]),
    ],
)
def test_sentences_leave_out_edge_spaces_and_zwnj(text: str, expected: list[tuple[int, int]]) -> None:
    assert sentence_spans(text) == expected


class _RewritingTokenizer:
    """hazm's tokens with Arabic yeh rewritten as Persian yeh: what a future hazm that
    normalizes while tokenizing would give. Such tokens are not in the text as written."""

    def tokenize(self, text: str) -> list[str]:
        return [t.replace("ي", "ی") for t in _HAZM().tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rewritten word, then words found again: the word is split the simple way
        ("علي رفت و کتاب‌ها آورد.", ["علي", "رفت", "و", "کتاب‌ها", "آورد", "."]),
        ("او علي", ["او", "علي"]),  # a rewritten word at the end
        ("علي، علي؛ حسن", ["علي", "،", "علي", "؛", "حسن"]),  # two in a row
        # a rewritten stretch longer than the search window of the next word (64 + its length)
        ("ي" * 90 + " و علي.", ["ي" * 90, "و", "علي", "."]),
        ("الف " + "ي" * 40 + " " + "ي" * 40 + " ب", ["الف", "ي" * 40, "ي" * 40, "ب"]),
    ],
)
def test_words_hazm_rewrote_are_split_the_simple_way(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: list[str]
) -> None:
    monkeypatch.setattr(segment, "_word_tokenizer", _RewritingTokenizer)
    assert words(text) == expected
    shifted = "«» " + text
    assert word_spans(shifted, 3) == [(s + 3, e + 3) for s, e in word_spans(text)]


@pytest.mark.usefixtures("fresh_warm_up")
def test_warm_up_started_later_by_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    # the window hands the thread's start to a timer, to run once its frame is painted
    slow = _SlowTokenizer()
    monkeypatch.setattr(segment, "_word_tokenizer", slow)
    starts: list[Callable[[], None]] = []
    segment.warm_up_in_background(starts.append)
    assert segment.tokenizer_pending() and len(starts) == 1
    assert not [t for t in threading.enumerate() if t.name == "hazm-warm-up"]  # not yet
    starts[0]()
    slow.release.set()
    assert segment._ready.wait(30) and slow.calls == 1
    for thread in [t for t in threading.enumerate() if t.name == "hazm-warm-up"]:
        thread.join(30)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # after two spaces: the same word as the text's first, the same word repeated
        # (each token is the next one, not a later copy), a decimal number longer than 32
        # characters (hazm's one token, which splitting the simple way cuts at the point)
        ("من  من", [(0, 2), (4, 6)]),
        ("و  و و ۱۲.۵ و", [(0, 1), (3, 4), (5, 6), (7, 11), (12, 13)]),
        ("الف  " + "۱۲۳۴۵۶۷۸۹۰" * 3 + "۱۲۳۴.۵ ب", [(0, 3), (5, 41), (42, 43)]),
    ],
)
def test_hazms_tokens_after_a_run_of_spaces_are_found_where_they_are(text: str, spans: list[tuple[int, int]]) -> None:
    assert word_spans(text) == spans


@pytest.mark.parametrize("lead", ["\u00a0", "\u200c", "\r", "\u2028"])
def test_a_token_that_starts_with_other_white_space_keeps_hazms_tokens_after_it(lead: str) -> None:
    # hazm splits only at spaces (and line breaks, tabs): after two spaces, "\u00a0ب" (an
    # NBSP, ZWNJ, CR or line separator first) is one of its tokens. The search for it must
    # not skip that first character, or it is not found, and every token after a later
    # run of 66 spaces was split the simple way ("۱۲.۵" into three words) until this fix.
    for first in ("", "الف  "):
        text = first + "  " + lead + "ب" + " " * 66 + "۱۲.۵ تا"
        k = len(first)
        expected = [(k + 3, k + 4), (k + 70, k + 74), (k + 75, k + 77)]  # ب, ۱۲.۵, تا
        assert word_spans(text) == ([(0, 3)] if first else []) + expected, (first, lead)


@pytest.mark.parametrize(
    ("gap", "word", "tokens"),
    [(100, "ب... ج", ["ب", "...", "ج"]), (70, "۱۲.۵ ج", ["۱۲.۵", "ج"])],
)
def test_words_after_a_long_run_of_spaces_are_hazms_tokens(gap: int, word: str, tokens: list[str]) -> None:
    # scraped text with a long run of spaces or line breaks before a word: the search for
    # hazm's next token starts after the run, so "..." and "۱۲.۵" stay one token each
    for space in (" ", "\n"):
        text = "الف" + space * gap + word
        assert words(text) == ["الف", *tokens], space


def test_a_sign_before_a_number_is_judged_by_the_digit_after_it() -> None:
    # U+06DD END OF AYAH and U+0600 ARABIC NUMBER SIGN are format characters (trimmable)
    # written before a number, one character with its first digit: trimming took "۝١" for
    # punctuation and kept "٢" alone
    text = "آیه ۝١٢ و ؀٣ و ۝ تنها"
    assert segment.trim(text, 4, 7) == (4, 7)
    assert segment.trim(text, 3, 8) == (4, 7)
    assert segment.trim(text, 10, 12) == (10, 12)
    assert segment.trim(text, 15, 16) == (16, 16)  # a lone sign (before a space) is trimmed
    assert segment.trim("-\u064b ب", 0, 4) == (3, 4)  # a hyphen carrying a tanwin still is
