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


MONTHS_AT_MOST = 36  # a longer stretch is counted by year, so that bars stay readable


def _year_month(iso: str, calendar: str) -> tuple[int, int]:
    day = dt.date.fromisoformat(iso)
    if calendar == "jalali":
        j = jdatetime.date.fromgregorian(date=day)
        return j.year, j.month
    return day.year, day.month


def time_buckets(isos: Iterable[str], calendar: str) -> list[tuple[str, int]]:
    """Counts of dates per month (`2023-08`, Jalali `1402/05`), or per year when they span
    more than three years; every month (or year) between the first and the last is there,
    with 0 where nothing was dated, so that a gap in time shows as a gap."""
    counts = Counter(_year_month(iso, calendar) for iso in isos)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    sep = "/" if calendar == "jalali" else "-"
    if (last[0] - first[0]) * 12 + last[1] - first[1] >= MONTHS_AT_MOST:
        years: Counter[int] = Counter()
        for (year, _month), n in counts.items():
            years[year] += n
        return [(f"{y:04d}", years[y]) for y in range(first[0], last[0] + 1)]
    out = []
    year, month = first
    while (year, month) <= last:
        out.append((f"{year:04d}{sep}{month:02d}", counts[(year, month)]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


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
    other value; "uncoded" last), or over time by the document's date (time_buckets;
    undated claims are left out)."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    dates: list[str] = []
    for coding in codings:
        for claim in coding.claims:
            if chart == "actors":
                for who in distinct(claim.claimants):
                    counts[who.node] += 1
                    names[who.node] = who.display_in(language)
            elif chart in ("positions", "topics"):
                counts[getattr(claim, "position" if chart == "positions" else "topic")] += 1
            elif chart == "time":
                if claim.document.date_gregorian:
                    dates.append(claim.document.date_gregorian)
            else:
                raise ValueError(f"unknown chart {chart!r} (choose {', '.join(CHARTS)})")
    if chart == "actors":
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], names[kv[0]]))[:top]
        return [(names[node], n) for node, n in ranked]
    if chart == "time":
        return time_buckets(dates, calendar)
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
