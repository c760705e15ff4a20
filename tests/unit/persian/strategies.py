"""Hypothesis strategies shared by the annotator.persian tests."""

from __future__ import annotations

from hypothesis import strategies as st

PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإؤئةۀ"
ARABIC_VARIANTS = "يىك"
MARKS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0640"
LATIN = "abcXYZİΣ"
DIGITS = "0123۴۵۶٧٨٩"
PUNCT = '،؛؟«».!:()"-'
SPACES = "  \n\n\t\u00a0"
ZWNJ = "\u200c"
ASTRAL = "😀𝕏👍🏽"

ALPHABET = PERSIAN_LETTERS + ARABIC_VARIANTS + MARKS + LATIN + DIGITS + PUNCT + SPACES + ZWNJ + ASTRAL

# Text biased towards word-like runs: mostly letters, with the rest sprinkled in.
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=60)
bits = st.text(alphabet=st.sampled_from(ALPHABET), max_size=4)
words = st.text(alphabet=st.sampled_from(PERSIAN_LETTERS + ARABIC_VARIANTS), min_size=1, max_size=8)
sentences = st.lists(
    st.one_of(words, st.sampled_from([" ", " ", ZWNJ, "\n", "، ", ". ", "«", "»", "😀"]), bits),
    max_size=20,
).map("".join)
any_text = st.one_of(texts, sentences)


@st.composite
def text_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(any_text)
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(0, len(text)))
    return text, min(a, b), max(a, b)
