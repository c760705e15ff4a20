"""Reading spans back: reading order, nesting and overlap, and range queries.

spans_in and spans_at use bisection over a sorted index; Hypothesis checks them against a
brute-force scan after random adds, removals, resizes and undos.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.model import AnnotationSet, Document, Span

TEXT = "سخنگوی وزارت امور خارجه ایران امروز در تهران گفت که گفت‌وگوها ادامه دارد. 🇮🇷"


def fresh(text: str = TEXT) -> AnnotationSet:
    return AnnotationSet(Document("d", text))


def test_nested_and_overlapping_spans_coexist_in_reading_order() -> None:
    a = fresh()
    outer = a.add_span("claim", 0, 45)  # the whole clause
    inner = a.add_span("actor", 0, 29)  # starts with it, nested
    deeper = a.add_span("location", 24, 29)  # ایران inside the actor
    overlap = a.add_span("actor", 20, 35)  # crosses the actor's end
    same_extent = a.add_span("location", 0, 29)  # same offsets, another label
    assert deeper.text == "ایران"
    # by start, the outer (longer) span first, then id
    assert a.spans() == [outer, inner, same_extent, overlap, deeper]
    assert a.spans_at(25) == [deeper, overlap, inner, same_extent, outer]
    assert a.spans_at(33) == [overlap, outer]
    assert a.spans_at(50) == []
    assert list(a.spans_in(29, 35)) == [outer, overlap]
    assert a.find_span(0, 29, "location") == same_extent
    assert a.find_span(0, 29, "claim") is None


def test_spans_in_after_the_longest_span_is_gone() -> None:
    a = fresh()
    long = a.add_span("claim", 0, len(TEXT))
    short = a.add_span("actor", 40, 45)
    a.remove_span(long.id)
    assert list(a.spans_in(0, len(TEXT))) == [short]
    assert list(a.spans_in(46, 50)) == []


def brute_in(spans: list[Span], start: int, end: int) -> list[Span]:
    found = [s for s in spans if s.start < end and s.end > start]
    return sorted(found, key=lambda s: (s.start, s.end, s.id))


N = 40
offsets = st.tuples(st.integers(0, N - 1), st.integers(1, N)).filter(lambda p: p[0] < p[1])
actions = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(["actor", "location", "claim"]), offsets),
        st.tuples(st.just("remove"), st.integers(0, 50), st.none()),
        st.tuples(st.just("resize"), st.integers(0, 50), offsets),
        st.tuples(st.just("undo"), st.none(), st.none()),
        st.tuples(st.just("redo"), st.none(), st.none()),
    ),
    max_size=30,
)


def play(a: AnnotationSet, steps: list[tuple[str, object, object]]) -> None:
    for action, arg, where in steps:
        ids = sorted(s.id for s in a.spans())
        if action == "add":
            assert isinstance(arg, str) and isinstance(where, tuple)
            a.add_span(arg, *where)
        elif action in ("remove", "resize") and ids:
            assert isinstance(arg, int)
            span_id = ids[arg % len(ids)]
            if action == "remove":
                a.remove_span(span_id)
            else:
                assert isinstance(where, tuple)
                a.resize_span(span_id, *where)
        elif action == "undo":
            a.undo()
        elif action == "redo":
            a.redo()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=actions, query=offsets, pos=st.integers(-2, N + 2))
def test_range_queries_match_a_brute_force_scan(
    steps: list[tuple[str, object, object]], query: tuple[int, int], pos: int
) -> None:
    a = fresh("ا" * N)
    play(a, steps)
    spans = a.spans()
    assert len(spans) == a.span_count() == len({s.id for s in spans})
    assert spans == sorted(spans, key=lambda s: (s.start, -s.end, s.id))
    assert list(a.spans_in(*query)) == brute_in(spans, *query)
    assert list(a.spans_in(0, N)) == brute_in(spans, 0, N)
    at = a.spans_at(pos)
    assert set(at) == {s for s in spans if s.start <= pos < s.end}
    lengths = [s.end - s.start for s in at]
    assert lengths == sorted(lengths)  # innermost first
