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


# Words of one repeated letter ("هههه", laughter; "ممم"), the runs hazm shortens, Arabic
# and Persian forms mixed, apart by the white space, ZWNJs and punctuation hazm keeps,
# swaps, joins or spaces: a letter check that squeezed runs across words once mapped one
# laugh onto an empty span, and the next onto the first.
SEPARATORS = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", ZWNJ, ZWNJ * 2, ZWNJ + " ", " " + ZWNJ]
SEPARATORS += ["، ", "،", ".", " . ", "(", ")", "«", "»", "!", "؟", ":", "-"]
repeated_words = st.builds(
    lambda head, ch, n, tail: head + ch * n + tail,
    st.sampled_from(["", "", "", *"مبآ"]),
    st.sampled_from("هماآبسلیيکك"),
    st.integers(1, 7),
    st.sampled_from(["", "", "", *"ابیک"]),
)
repeated_letter_words = st.lists(
    st.tuples(st.sampled_from(["", *SEPARATORS]), repeated_words), min_size=1, max_size=6
).map(lambda pairs: "".join(sep + word for sep, word in pairs))
