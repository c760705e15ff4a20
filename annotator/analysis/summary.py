"""Figures a methods section needs, and the series the window's charts draw.

Both read the same records as the claims table and the networks (records.py), so a chart,
a table and `annotator stats` never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

import jdatetime

from ..model.schema import Schema
from .records import Coding, distinct

ACTOR_LABEL = "actor"
CHARTS = ("actors", "positions", "topics", "time")


def figures(codings: Iterable[Coding]) -> dict[str, Any]:
    """Documents coded, claims, actors, mentions per entity; overall and per annotator.

    - `documents_coded`: documents with at least one span (overall: by any chosen coder);
    - `claims`: claim spans; `claims_with_claimant`: those linked to at least one actor;
    - `actors`: distinct actors (entities, or unlinked mentions by their folded text) among
      spans labelled `actor` and the claimants and addressees of claims;
    - `mentions`, `mentions_linked`: spans of entity labels, and those linked to an entity;
    - `entities`: per entity id, its names, type and number of mentions (linked spans).
    """
    overall_docs: set[str] = set()
    per: dict[str, dict[str, Any]] = {}
    overall_actors: set[str] = set()
    entity_mentions: Counter[str] = Counter()
    entity_info: dict[str, dict[str, str]] = {}
    totals: Counter[str] = Counter()
    for coding in codings:
        mine = per.setdefault(
            coding.annotator,
            {
                "documents_coded": 0,
                "documents_done": 0,
                "claims": 0,
                "claims_with_claimant": 0,
                "actors": set(),
                "mentions": 0,
                "mentions_linked": 0,
            },
        )
        if coding.claims or coding.mentions:
            overall_docs.add(coding.document.id)
            mine["documents_coded"] += 1
        if coding.status == "done":
            mine["documents_done"] += 1
        actors = {p.node for p in coding.mentions if p.label == ACTOR_LABEL}
        for claim in coding.claims:
            actors |= {p.node for p in distinct(claim.claimants)} | {p.node for p in distinct(claim.addressees)}
            if claim.claimants:
                mine["claims_with_claimant"] += 1
                totals["claims_with_claimant"] += 1
        mine["actors"] |= actors
        overall_actors |= actors
        mine["claims"] += len(coding.claims)
        totals["claims"] += len(coding.claims)
        mine["mentions"] += len(coding.mentions)
        totals["mentions"] += len(coding.mentions)
        for party in coding.mentions:
            if party.entity is not None:
                mine["mentions_linked"] += 1
                totals["mentions_linked"] += 1
                entity_mentions[party.entity.id] += 1
                entity_info[party.entity.id] = {
                    "name_fa": party.entity.name_fa,
                    "name_en": party.entity.name_en,
                    "type": party.entity.type,
                }
    for info in per.values():
        info["actors"] = len(info["actors"])
    return {
        "documents_coded": len(overall_docs),
        "claims": totals["claims"],
        "claims_with_claimant": totals["claims_with_claimant"],
        "actors": len(overall_actors),
        "mentions": totals["mentions"],
        "mentions_linked": totals["mentions_linked"],
        "entities": {
            eid: {**entity_info[eid], "mentions": n}
            for eid, n in sorted(entity_mentions.items(), key=lambda kv: (-kv[1], kv[0]))
        },
        "per_annotator": dict(sorted(per.items())),
    }


def month(iso: str, calendar: str) -> str:
    """The month of an ISO date: `2023-08`, or in the Jalali calendar `1402-05`."""
    if calendar == "jalali":
        j = jdatetime.date.fromgregorian(date=dt.date.fromisoformat(iso))
        return f"{j.year:04d}-{j.month:02d}"
    return iso[:7]


def series(
    chart: str,
    codings: Iterable[Coding],
    schema: Schema,
    language: str = "fa",
    top: int = 15,
    calendar: str = "gregorian",
) -> list[tuple[str, int]]:
    """(label, count) pairs for a chart: claims per actor (the `top` most active
    claimants, most first), per position and per topic (in the schema's order, then any
    other value; "uncoded" last), or per month of the document's date (in time order;
    undated claims are left out)."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for coding in codings:
        for claim in coding.claims:
            if chart == "actors":
                for who in distinct(claim.claimants):
                    counts[who.node] += 1
                    names[who.node] = who.display
            elif chart in ("positions", "topics"):
                counts[getattr(claim, "position" if chart == "positions" else "topic")] += 1
            elif chart == "time":
                if claim.document.date_gregorian:
                    counts[month(claim.document.date_gregorian, calendar)] += 1
            else:
                raise ValueError(f"unknown chart {chart!r} (choose {', '.join(CHARTS)})")
    if chart == "actors":
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], names[kv[0]]))[:top]
        return [(names[node], n) for node, n in ranked]
    if chart == "time":
        return sorted(counts.items())
    attribute = schema.attribute("position" if chart == "positions" else "topic", "claim")
    order = [c.id for c in attribute.choices] if attribute is not None else []
    uncoded = "uncoded" if language.startswith("en") else "کدگذاری‌نشده"
    result = []
    for value in order + sorted(v for v in counts if v and v not in order):
        if counts.get(value):
            result.append((attribute.value_name(value, language) if attribute else value, counts[value]))
    if counts.get(""):
        result.append((uncoded, counts[""]))
    return result
