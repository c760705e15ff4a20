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


def claim_sets() -> dict[str, AnnotationSet]:
    """Three coders mark the same claim, claimant and place; A and C say "opposes", B
    "supports"; A alone links the claim to the place, B alone links the actor to an entity."""
    sets = {}
    for coder, position in (("A", "opposes"), ("B", "supports"), ("C", "opposes")):
        aset = AnnotationSet(Document("d", TEXT), coder, default_schema())
        actor = aset.add_span("actor", PM, PM + 14)
        place = aset.add_span("location", BAGHDAD, BAGHDAD + 5)
        claim = aset.add_span("claim", USA, len(TEXT) - 1, attributes={"position": position, "topic": "security"})
        aset.add_relation("claimed_by", claim.id, actor.id)
        if coder == "A":
            aset.add_relation("located_in", claim.id, place.id)
        if coder == "B":
            aset.set_entity(actor.id, "e1")
        sets[coder] = aset
    return sets


def test_an_agreed_span_whose_coders_differ_on_a_feature_has_an_item_per_feature() -> None:
    sets = claim_sets()
    items = cur.items(
        {c: [(s.label, s.start, s.end) for s in a.spans()] for c, a in sets.items()},
        {c: cur.span_features(a) for c, a in sets.items()},
    )
    claim = ("claim", USA, len(TEXT) - 1)
    place = ("location", BAGHDAD, BAGHDAD + 5)
    assert [(it.agreed, it.feature) for it in items] == [
        (True, ""),  # the actor
        (False, cur.ENTITY),  # B alone linked it to an entity
        (True, ""),  # Baghdad
        (True, ""),  # the claim: its extent, label, topic and claimant agreed ...
        (False, "position"),  # ... its position not
        (False, cur.LINK + "located_in"),  # ... nor its located_in link
    ]
    position, located = items[4], items[5]
    assert position.span == claim and position.values == (("A", "opposes"), ("B", "supports"), ("C", "opposes"))
    assert located.value("A") == frozenset({place}) and located.value("B") == frozenset()
    # without the features (as before): only the spans
    assert [
        it.agreed for it in cur.items({c: [(s.label, s.start, s.end) for s in a.spans()] for c, a in sets.items()})
    ] == [True] * 3


def test_a_feature_is_decided_in_one_undoable_edit() -> None:
    sets = claim_sets()
    items = cur.items(
        {c: [(s.label, s.start, s.end) for s in a.spans()] for c, a in sets.items()},
        {c: cur.span_features(a) for c, a in sets.items()},
    )
    entity, position, located = (it for it in items if it.feature)
    aset = AnnotationSet(Document("d", TEXT), "curated", default_schema())
    assert cur.held(aset, position) is None  # no span yet: nothing to hold
    assert cur.accept_feature(aset, position, "B") is None
    actor = aset.add_span("actor", PM, PM + 14)
    claim = aset.add_span("claim", USA, len(TEXT) - 1, attributes={"topic": "security"})
    aset.add_relation("claimed_by", claim.id, actor.id)
    assert cur.held(aset, position) == "" and cur.held(aset, located) == frozenset()
    assert cur.accept_feature(aset, position, "B", sets["B"]) == []
    assert aset.find_span(USA, len(TEXT) - 1, "claim").attributes == {"topic": "security", "position": "supports"}  # type: ignore[union-attr]
    assert cur.held(aset, position) == "supports"
    # a link whose other end the curated set lacks is named, not made
    assert cur.accept_feature(aset, located, "A") == [("location", BAGHDAD, BAGHDAD + 5)]
    assert cur.held(aset, located) == frozenset()
    aset.add_span("location", BAGHDAD, BAGHDAD + 5)
    assert cur.accept_feature(aset, located, "A") == []
    assert cur.held(aset, located) == frozenset({("location", BAGHDAD, BAGHDAD + 5)})
    assert len(aset.relations()) == 2  # claimed_by kept
    aset.undo()
    assert cur.held(aset, located) == frozenset() and len(aset.relations()) == 1
    assert cur.accept_feature(aset, entity, "B") == [] and cur.held(aset, entity) == "e1"
    assert cur.reject_feature(aset, entity) == [] and cur.held(aset, entity) == ""
    assert cur.reject_feature(aset, position) == [] and cur.held(aset, position) == ""
    aset.undo()
    assert cur.held(aset, position) == "supports"
