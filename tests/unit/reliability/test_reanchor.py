"""Changed texts: spans follow their text; those that cannot be placed are kept apart."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.model import Span
from annotator.model.reanchor import reanchor

OLD = "وزیر امور خارجه در تهران گفت که مذاکرات ادامه دارد. سخنگوی دولت در تهران چیزی نگفت."


def span(sid: str, text: str, source: str = OLD, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = source.index(text, start + 1)
    return Span(sid, "actor", start, start + len(text), text, {"k": "v"}, "note")


def test_spans_follow_an_insertion_before_them() -> None:
    new = "خبر فوری: " + OLD
    spans = [span("s1", "وزیر امور خارجه"), span("s2", "مذاکرات ادامه دارد")]
    result = reanchor(spans, new, OLD)
    assert not result.unplaced
    for placed in result.placed:
        assert new[placed.start : placed.end] == placed.text
        assert placed.attributes == {"k": "v"} and placed.note == "note"
    assert result.placed[0].start == len("خبر فوری: ")


def test_repeated_word_keeps_its_own_occurrence() -> None:
    second = span("s1", "تهران", nth=1)
    new = OLD.replace("مذاکرات ادامه دارد", "گفتگوها متوقف شد")
    [placed] = reanchor([second], new, OLD).placed
    assert placed.start == new.index("تهران", new.index("سخنگوی"))


def test_repeated_word_found_by_context_when_its_surroundings_changed() -> None:
    second = span("s1", "تهران", nth=1)
    new = OLD.replace("سخنگوی دولت در", "سخنگوی دولت نیز در")
    [placed] = reanchor([second], new, OLD).placed
    assert placed.start == new.index("تهران", new.index("سخنگوی"))


def test_deleted_text_is_unplaced_not_dropped() -> None:
    gone = span("s1", "مذاکرات ادامه دارد")
    kept = span("s2", "سخنگوی دولت")
    new = OLD.replace("مذاکرات ادامه دارد", "")
    result = reanchor([gone, kept], new, OLD)
    assert result.unplaced == [gone]
    assert [s.id for s in result.placed] == ["s2"]


def test_a_short_word_whose_sentence_went_is_not_pinned_elsewhere() -> None:
    first = span("s1", "تهران", nth=0)
    new = "سخنگوی دولت در تهران چیزی نگفت. او در تهران بود."
    assert reanchor([first], new, OLD).unplaced == [first]


def test_without_the_old_text_the_nearest_occurrence_wins() -> None:
    second = span("s1", "تهران", nth=1)
    new = "مقدمه. " + OLD
    [placed] = reanchor([second], new).placed
    assert placed.start == OLD.index("تهران", OLD.index("سخنگوی")) + len("مقدمه. ")
    assert reanchor([span("s2", "اصفهان", "در اصفهان")], new).unplaced


def test_unchanged_text_changes_nothing() -> None:
    spans = [span("s1", "تهران", nth=1), span("s2", "وزیر")]
    assert reanchor(spans, OLD, OLD).placed == spans
    assert reanchor(spans, OLD).placed == spans


words = st.lists(st.sampled_from(["ایران", "تهران", "گفت", "که", "وزیر", "و", "در", "."]), max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    before=words,
    middle=words,
    after=words,
    insert=words,
    data=st.data(),
)
def test_every_span_is_placed_correctly_or_kept(
    before: list[str], middle: list[str], after: list[str], insert: list[str], data: st.DataObject
) -> None:
    old = " ".join(before + middle + after)
    new = " ".join(before + insert + after)  # the middle was replaced
    spans = []
    for i in range(data.draw(st.integers(0, 6))):
        if not old:
            break
        start = data.draw(st.integers(0, len(old) - 1))
        end = data.draw(st.integers(start + 1, len(old)))
        spans.append(Span(f"s{i}", "actor", start, end, old[start:end]))
    for old_text in (old, None):
        result = reanchor(spans, new, old_text)
        assert sorted(s.id for s in result.placed + result.unplaced) == [s.id for s in spans]
        for placed in result.placed:
            assert new[placed.start : placed.end] == placed.text
        assert all(s in spans for s in result.unplaced)
    # a span wholly inside the unchanged beginning is placed; where its text is unique in
    # the new text (no other alignment is as good), it does not move
    prefix = len(" ".join(before))
    for s in spans:
        if s.end < prefix:
            [moved] = reanchor([s], new, old).placed
            if new.count(s.text) == 1:
                assert (moved.start, moved.end) == (s.start, s.end)


def test_a_repeated_word_removed_later_does_not_move_the_unchanged_beginning() -> None:
    # found by Hypothesis: a word diff may take the first "که" as the deleted one
    old, new = "که که که ایران", "که که ایران"
    first = Span("s1", "actor", 0, 2, "که")
    second = Span("s2", "actor", 3, 5, "که")
    assert reanchor([first, second], new, old).placed == [first, second]
    iran = Span("s3", "location", 9, 14, "ایران")
    assert reanchor([iran], new, old).placed == [Span("s3", "location", 6, 11, "ایران")]
