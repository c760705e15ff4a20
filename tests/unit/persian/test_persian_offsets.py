"""Code points <-> UTF-16 code units (annotator.persian.offsets)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.persian.offsets import Utf16Map, cp_to_utf16, utf16_len, utf16_to_cp

from .strategies import any_text


def units(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@settings(max_examples=100)
@given(any_text)
def test_every_codepoint_offset_round_trips(text: str) -> None:
    m = Utf16Map(text)
    assert m.utf16_length == units(text) == utf16_len(text)
    assert m.length == len(text)
    for cp in range(len(text) + 1):
        u = m.to_utf16(cp)
        assert u == units(text[:cp]) == cp_to_utf16(text, cp)
        assert m.to_codepoint(u) == cp
        assert utf16_to_cp(text, u) == cp


@settings(max_examples=100)
@given(any_text)
def test_every_utf16_offset_is_a_boundary_or_splits_a_pair(text: str) -> None:
    m = Utf16Map(text)
    boundaries = {m.to_utf16(cp) for cp in range(len(text) + 1)}
    for u in range(m.utf16_length + 1):
        if u in boundaries:
            assert m.to_utf16(m.to_codepoint(u)) == u
            assert m.to_codepoint(u, snap="down") == m.to_codepoint(u, snap="up")
            continue
        with pytest.raises(ValueError, match="surrogate"):
            m.to_codepoint(u)
        down, up = m.to_codepoint(u, snap="down"), m.to_codepoint(u, snap="up")
        assert (m.to_utf16(down), m.to_utf16(up)) == (u - 1, u + 1)
        assert up == down + 1 and ord(text[down]) > 0xFFFF


def test_known_values() -> None:
    text = "a😀ب𝕏"
    m = Utf16Map(text)
    assert not m.is_identity
    assert [m.to_utf16(i) for i in range(5)] == [0, 1, 3, 4, 6]
    assert m.utf16_length == 6
    assert m.span_to_utf16(1, 2) == (1, 3)
    assert m.span_to_codepoint(2, 5) == (1, 4)  # both halves widened outwards
    with pytest.raises(ValueError):
        m.to_codepoint(2)


def test_persian_text_takes_the_identity_path() -> None:
    m = Utf16Map("نخست‌وزیر گفت: «سلام»")
    assert m.is_identity
    assert m.to_utf16(5) == 5 and m.to_codepoint(5) == 5


def test_out_of_range_and_inverted() -> None:
    m = Utf16Map("ab😀")
    for bad in (-1, 4):
        with pytest.raises(ValueError):
            m.to_utf16(bad)
    for bad in (-1, 5):
        with pytest.raises(ValueError):
            m.to_codepoint(bad)
    with pytest.raises(ValueError):
        m.span_to_codepoint(3, 1)
    with pytest.raises(ValueError):
        cp_to_utf16("ab", 3)


def test_lone_surrogate_counts_as_one_unit() -> None:
    text = "a\ud800b"  # possible in a str decoded with surrogateescape
    m = Utf16Map(text)
    assert m.is_identity and m.utf16_length == 3 == utf16_len(text)


def test_large_text_without_astral_characters_is_cheap() -> None:
    text = "سلام دنیا " * 100_000
    m = Utf16Map(text)
    assert m.is_identity and m.to_utf16(len(text)) == len(text)


def test_messages_name_the_offset_and_the_range() -> None:
    # these messages reach users (a bad offset in an imported file): they say what is wrong
    text = "a😀b"
    m = Utf16Map(text)
    with pytest.raises(ValueError, match=r"^code-point offset 4 outside 0\.\.3$"):
        m.to_utf16(4)
    with pytest.raises(ValueError, match=r"^code-point offset 4 outside 0\.\.3$"):
        cp_to_utf16(text, 4)
    with pytest.raises(ValueError, match=r"^UTF-16 offset 5 outside 0\.\.4$"):
        m.to_codepoint(5)
    with pytest.raises(ValueError, match=r"^UTF-16 offset 2 splits a surrogate pair$"):
        m.to_codepoint(2)
    with pytest.raises(ValueError, match=r"^inverted span \(3, 1\)$"):
        m.span_to_codepoint(3, 1)


def test_one_off_conversions_pass_the_snap_on_and_lengths_are_integers() -> None:
    text = "a😀b"
    assert utf16_to_cp(text, 2, "down") == 1
    assert utf16_to_cp(text, 2, "up") == 2
    assert Utf16Map(text).span_to_codepoint(2, 2) == (1, 2)  # an empty span inside a pair widens
    assert Utf16Map(text).span_to_codepoint(1, 1) == (1, 1)
    assert type(utf16_len(text)) is int and type(Utf16Map(text).utf16_length) is int


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=400), st.integers(min_value=0, max_value=400), st.booleans())
def test_the_narrow_text_shortcut_never_hides_an_astral_character(text: str, at: int, astral: bool) -> None:
    # Utf16Map takes a text CPython keeps in 1 or 2 bytes a code point as the identity
    # without encoding it: never when one character is above U+FFFF, however long the text
    from annotator.persian.offsets import _narrow

    if astral:
        at = min(at, len(text))
        text = text[:at] + "😀" + text[at:]
    wide = any(ord(ch) > 0xFFFF for ch in text)
    if wide:
        assert not _narrow(text)
    m = Utf16Map(text)
    assert m.utf16_length == len(text.encode("utf-16-le", "surrogatepass")) // 2
    assert m.is_identity == (not wide)
    long = "س" * 5000
    assert _narrow(long) and not _narrow(long + "😀") and Utf16Map(long + "😀").to_utf16(5001) == 5002
