"""The curation model without a window: items (agreed spans, disagreement clusters), the
curated set's decision on each, accept / reject as single undoable edits."""

from __future__ import annotations

from annotator.model import AnnotationSet, Document, default_schema
from annotator.model import curation as cur

TEXT = "نخست‌وزیر عراق در بغداد گفت که آمریکا باید برود."
PM, IRAQ, BAGHDAD, USA = (TEXT.index(w) for w in ("نخست‌وزیر", "عراق", "بغداد", "آمریکا"))


def coder_spans() -> dict[str, list[tuple[str, int, int]]]:
    return {
        "A": [("actor", PM, PM + 9), ("location", BAGHDAD, BAGHDAD + 5), ("actor", USA, USA + 6)],
        "B": [("actor", PM, PM + 9), ("location", IRAQ, IRAQ + 4), ("location", BAGHDAD, BAGHDAD + 5)],
        "C": [("actor", PM, PM + 14), ("location", BAGHDAD, BAGHDAD + 5), ("location", USA, USA + 6)],
    }


def test_items_group_overlapping_disagreements_and_keep_agreed_spans_apart() -> None:
    items = cur.items(coder_spans())
    assert [(it.start, it.end, it.agreed) for it in items] == [
        (PM, PM + 14, False),  # A and B's actor, C's longer actor, B's location inside: one cluster
        (BAGHDAD, BAGHDAD + 5, True),
        (USA, USA + 6, False),
    ]
    first = items[0]
    assert first.version("A") == (("actor", PM, PM + 9),)
    assert first.version("B") == (("actor", PM, PM + 9), ("location", IRAQ, IRAQ + 4))
    assert first.version("C") == (("actor", PM, PM + 14),)
    assert items[2].version("B") == ()  # B marked nothing there


def test_accept_reject_and_undo_each_as_one_edit() -> None:
    aset = AnnotationSet(Document("d", TEXT), "curated", default_schema())
    items = cur.items(coder_spans())
    first, _agreed, usa = items
    assert cur.decision(aset, first, items) == "" and cur.decision(aset, usa, items) == "B"  # B's "nothing"
    cur.accept(aset, first, "B", items)
    assert sorted((s.label, s.text) for s in aset.spans()) == [("actor", "نخست‌وزیر"), ("location", "عراق")]
    assert cur.decision(aset, first, items) == "B"
    cur.accept(aset, first, "C", items)  # replaces B's version in one step
    assert [(s.label, s.text) for s in aset.spans()] == [("actor", "نخست‌وزیر عراق")]
    assert cur.decision(aset, first, items) == "C"
    aset.undo()
    assert cur.decision(aset, first, items) == "B"
    # the curator's own span in the stretch counts as an edit and is replaced on accept
    aset.add_span("actor", IRAQ, IRAQ + 4)
    assert cur.decision(aset, first, items) == cur.EDITED
    cur.reject(aset, first, items)
    assert aset.span_count() == 0
    assert aset.undo_stack.peek_undo() is not None and aset.undo_stack.peek_undo().kind == "reject"
    aset.undo()
    assert aset.span_count() == 3
    # an agreed span in the curated set is not touched by a decision next to it
    aset.add_span("location", BAGHDAD, BAGHDAD + 5)
    cur.accept(aset, usa, "A", items)
    assert ("location", "بغداد") in [(s.label, s.text) for s in aset.spans()]
    assert cur.decision(aset, usa, items) == "A"
