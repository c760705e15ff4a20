"""Actor networks from coded claims, as networkx graphs (written as GraphML or GEXF).

Following the Discourse Network Analyzer (Leifeld; see docs/analysis.md): a claim is a
statement whose actor is its claimant, whose concept is its topic and whose qualifier is
its position. Nodes are entities, or the folded text of a mention not yet linked to one
(records.py). Kinds:

- `actor-topic`: two-mode; an edge joins a claimant and a topic, weighted by the number of
  claims, with the positions counted (`supports`, `opposes`, `neutral`, `uncoded`), their
  difference (`signed` = supports - opposes, DNA's "subtract") and DNA's "combine" code
  (0 none, 1 only supports, 2 only opposes, 3 both).
- `actor-actor`: one-mode, two actors tied through the topics they both make claims on:
  `congruence` = sum over topics and positions of x[i,t,p] * x[j,t,p] (same position on the
  same topic), `conflict` = sum over topics of x[i,t,supports] * x[j,t,opposes] +
  x[i,t,opposes] * x[j,t,supports]; `weight` is the one chosen (congruence, conflict, or
  their difference, subtract). Claims without a topic or a position cannot take part.
- `claimant-addressee`: directed; claimant -> addressee, weighted by claims, with positions.
- `co-occurrence`: entities (actors, locations: every mention not of a claim label)
  mentioned in the same window: the document (the default), a paragraph (a line of its
  text) or a sentence (persian.segment.sentence_spans, what `S` selects); weight = the
  number of windows that mention both, one edge per pair. Optionally normalised as DNA
  normalises one-mode networks, with a_i the number of windows mentioning i: `average`
  w / ((a_i + a_j) / 2), `jaccard` w / (a_i + a_j - w), `cosine` w / sqrt(a_i * a_j) (the
  cosine of the two binary occurrence vectors); the count is then kept as `count`. Pairs
  seen in fewer than `min_weight` windows are left out.

Every edge carries `first_date` and `last_date` (ISO Gregorian of its earliest and latest
dated document; "" when none of its documents has a date). Every node of an actor (an
entity, or a mention's text) carries, in every network, `mentions` (its mentions in the
documents the filters keep), `documents` (those of them that mention it) and `claims`
(the claims it made: in a network of claims, those the network counts; in a co-occurrence
network, all of them), so that a node can be sized by any of them. A topic node has
`claims` and `documents` (of the claims on it), and no `mentions`.
"""

from __future__ import annotations

import io
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx

from ..io.atomic import write_atomic
from ..model.schema import Schema
from ..persian.segment import sentence_spans
from .records import Coding, Party, distinct

KINDS = ("actor-topic", "actor-actor", "claimant-addressee", "co-occurrence")
AGGREGATIONS = ("congruence", "conflict", "subtract")
POSITIONS = ("supports", "opposes", "neutral")
WINDOWS = ("document", "paragraph", "sentence")  # co-occurrence: mentioned together in one of these
NORMALIZATIONS = ("no", "average", "jaccard", "cosine")  # DNA's one-mode normalisations
# the defaults of `annotator export` and of Project > Analysis alike: the document, every
# pair, counts (what co-occurrence was before it could be shaped)
DEFAULT_AGGREGATION, DEFAULT_WINDOW, DEFAULT_NORMALIZATION, DEFAULT_MIN_WEIGHT = "congruence", "document", "no", 1
TOPIC_PREFIX = "topic:"


@dataclass
class NetworkReport:
    claims: int = 0
    documents: int = 0
    left_out: Counter[str] = field(default_factory=Counter)
    below_min_weight: int = 0  # co-occurrence: pairs left out by `min_weight` (also in left_out)

    def lines(self) -> list[str]:
        return [f"  left out: {n} {what}" for what, n in sorted(self.left_out.items())]


class _Dates:
    """The earliest and latest date seen on an edge."""

    def __init__(self) -> None:
        self.first = ""
        self.last = ""

    def see(self, iso: str) -> None:
        if not iso:
            return
        if not self.first or iso < self.first:
            self.first = iso
        if not self.last or iso > self.last:
            self.last = iso


def _add_node(graph: nx.Graph, party: Party, **extra: Any) -> None:
    if party.node not in graph:
        graph.add_node(
            party.node,
            label=party.display,
            name_fa=party.name_fa,
            name_en=party.name_en,
            type=party.type,
            kind="entity" if party.entity else "mention",
            claims=0,
        )
    for key, value in extra.items():
        graph.nodes[party.node][key] += value


def build(
    kind: str,
    codings: Iterable[Coding],
    schema: Schema,
    aggregation: str = DEFAULT_AGGREGATION,
    window: str = DEFAULT_WINDOW,
    normalization: str = DEFAULT_NORMALIZATION,
    min_weight: int = DEFAULT_MIN_WEIGHT,
) -> tuple[nx.Graph, NetworkReport]:
    """`window`, `normalization` and `min_weight` shape a co-occurrence network only."""
    if kind not in KINDS:
        raise ValueError(f"unknown network {kind!r} (choose {', '.join(KINDS)})")
    if aggregation not in AGGREGATIONS:
        raise ValueError(f"unknown aggregation {aggregation!r} (choose {', '.join(AGGREGATIONS)})")
    if window not in WINDOWS:
        raise ValueError(f"unknown window {window!r} (choose {', '.join(WINDOWS)})")
    if normalization not in NORMALIZATIONS:
        raise ValueError(f"unknown normalization {normalization!r} (choose {', '.join(NORMALIZATIONS)})")
    report = NetworkReport()
    codings = list(codings)
    if kind == "co-occurrence":
        graph = _co_occurrence(codings, report, window, normalization, max(1, min_weight))
    else:
        builder = {
            "actor-topic": _actor_topic,
            "actor-actor": _actor_actor,
            "claimant-addressee": _claimant_addressee,
        }[kind]
        graph = builder(codings, schema, report, aggregation)
    _size_nodes(graph, codings, claims=kind == "co-occurrence")
    graph.graph["network"] = kind
    if kind == "actor-actor":
        graph.graph["aggregation"] = aggregation
    return graph, report


def _size_nodes(graph: nx.Graph, codings: list[Coding], claims: bool) -> None:
    """Every actor node's `mentions` and `documents` (and, with `claims`, the claims it
    made), counted over the same documents as the edges: one pass, whatever the network."""
    mentions: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    made: Counter[str] = Counter()
    for coding in codings:
        nodes = [party.node for party in coding.mentions]
        mentions.update(nodes)
        documents.update(set(nodes))
        if claims:
            for claim in coding.claims:
                made.update(party.node for party in distinct(claim.claimants))
    for node, data in graph.nodes(data=True):
        if data.get("kind") == "topic":
            continue
        data["mentions"] = mentions[node]
        data["documents"] = documents[node]
        if claims:
            data["claims"] = made[node]


def _count_claims(codings: list[Coding], report: NetworkReport) -> None:
    report.documents = len({c.document.id for c in codings})
    report.claims = sum(len(c.claims) for c in codings)


def _position(value: str) -> str:
    return value if value in POSITIONS else "uncoded"


def _actor_topic(codings: list[Coding], schema: Schema, report: NetworkReport, _: str) -> nx.Graph:
    graph = nx.Graph()
    _count_claims(codings, report)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    dates: dict[tuple[str, str], _Dates] = defaultdict(_Dates)
    topic_def = schema.attribute("topic", "claim")
    topic_documents: dict[str, set[str]] = {}
    for coding in codings:
        for claim in coding.claims:
            claimants = distinct(claim.claimants)
            if not claimants:
                report.left_out["claims without a claimant"] += 1
                continue
            if not claim.topic:
                report.left_out["claims without a topic"] += 1
                continue
            topic = TOPIC_PREFIX + claim.topic
            if topic not in graph:
                graph.add_node(
                    topic,
                    label=topic_def.value_name(claim.topic, "fa") if topic_def else claim.topic,
                    name_fa=topic_def.value_name(claim.topic, "fa") if topic_def else claim.topic,
                    name_en=topic_def.value_name(claim.topic, "en") if topic_def else claim.topic,
                    type="",
                    kind="topic",
                    claims=0,
                )
                topic_documents[topic] = set()
            graph.nodes[topic]["claims"] += 1
            topic_documents[topic].add(claim.document.id)
            for who in claimants:
                _add_node(graph, who, claims=1)
                counts[(who.node, topic)][_position(claim.position)] += 1
                dates[(who.node, topic)].see(claim.document.date_gregorian)
    for node, data in graph.nodes(data=True):
        data["bipartite"] = 1 if data["kind"] == "topic" else 0
        if node in topic_documents:
            data["documents"] = len(topic_documents[node])
    for (actor, topic), c in counts.items():
        supports, opposes = c["supports"], c["opposes"]
        graph.add_edge(
            actor,
            topic,
            weight=sum(c.values()),
            supports=supports,
            opposes=opposes,
            neutral=c["neutral"],
            uncoded=c["uncoded"],
            signed=supports - opposes,
            combine=(1 if supports else 0) + (2 if opposes else 0),
            first_date=dates[(actor, topic)].first,
            last_date=dates[(actor, topic)].last,
        )
    return graph


def _actor_actor(codings: list[Coding], schema: Schema, report: NetworkReport, aggregation: str) -> nx.Graph:
    graph = nx.Graph()
    _count_claims(codings, report)
    # x[actor][(topic, position)] = number of claims; and the dates of those claims
    x: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    topic_dates: dict[tuple[str, str], _Dates] = defaultdict(_Dates)  # (actor, topic)
    for coding in codings:
        for claim in coding.claims:
            claimants = distinct(claim.claimants)
            if not claimants:
                report.left_out["claims without a claimant"] += 1
                continue
            if not claim.topic or claim.position not in POSITIONS:
                report.left_out["claims without a topic or a position"] += 1
                continue
            for who in claimants:
                _add_node(graph, who, claims=1)
                x[who.node][(claim.topic, claim.position)] += 1
                topic_dates[(who.node, claim.topic)].see(claim.document.date_gregorian)
    for a, b in combinations(sorted(x), 2):
        congruence = sum(n * x[b][key] for key, n in x[a].items())
        conflict = sum(
            x[a][(topic, "supports")] * x[b][(topic, "opposes")] + x[a][(topic, "opposes")] * x[b][(topic, "supports")]
            for topic in {t for t, _ in x[a]} | {t for t, _ in x[b]}
        )
        weight = {"congruence": congruence, "conflict": conflict, "subtract": congruence - conflict}[aggregation]
        if not (weight or (aggregation == "subtract" and (congruence or conflict))):
            continue
        dates = _Dates()  # the claims of either actor on a topic both spoke to
        for topic in {t for t, _ in x[a]} & {t for t, _ in x[b]}:
            for actor in (a, b):
                dates.see(topic_dates[(actor, topic)].first)
                dates.see(topic_dates[(actor, topic)].last)
        graph.add_edge(
            a,
            b,
            weight=weight,
            congruence=congruence,
            conflict=conflict,
            first_date=dates.first,
            last_date=dates.last,
        )
    return graph


def _claimant_addressee(codings: list[Coding], schema: Schema, report: NetworkReport, _: str) -> nx.Graph:
    graph = nx.DiGraph()
    _count_claims(codings, report)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    dates: dict[tuple[str, str], _Dates] = defaultdict(_Dates)
    for coding in codings:
        for claim in coding.claims:
            claimants, addressees = distinct(claim.claimants), distinct(claim.addressees)
            if not claimants or not addressees:
                report.left_out["claims without both a claimant and an addressee"] += 1
                continue
            for who in claimants:
                _add_node(graph, who, claims=1)
            for whom in addressees:
                _add_node(graph, whom)
                graph.nodes[whom.node].setdefault("addressed", 0)
            for who in claimants:
                for whom in addressees:
                    counts[(who.node, whom.node)][_position(claim.position)] += 1
                    dates[(who.node, whom.node)].see(claim.document.date_gregorian)
    for (a, b), c in counts.items():
        graph.add_edge(
            a,
            b,
            weight=sum(c.values()),
            supports=c["supports"],
            opposes=c["opposes"],
            neutral=c["neutral"],
            uncoded=c["uncoded"],
            first_date=dates[(a, b)].first,
            last_date=dates[(a, b)].last,
        )
    for _node, data in graph.nodes(data=True):
        data.pop("addressed", None)
    return graph


def _windows(coding: Coding, window: str) -> list[list[Party]]:
    """The document's mentions grouped by window (a mention belongs where it starts)."""
    if window == "document" or not coding.mentions:
        return [coding.mentions]
    text = coding.text
    if window == "paragraph":
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    else:
        starts = [s for s, _e in sentence_spans(text)] or [0]
    groups: dict[int, list[Party]] = defaultdict(list)
    for party in coding.mentions:
        groups[bisect_right(starts, party.start) - 1].append(party)
    return list(groups.values())


def _normalized(n: int, a: int, b: int, normalization: str) -> float:
    if normalization == "average":
        value = n / ((a + b) / 2)
    elif normalization == "jaccard":
        value = n / (a + b - n)
    else:  # cosine of the two binary occurrence vectors
        value = n / math.sqrt(a * b)
    return round(value, 6)


def _co_occurrence(
    codings: list[Coding], report: NetworkReport, window: str, normalization: str, min_weight: int
) -> nx.Graph:
    graph = nx.Graph()
    _count_claims(codings, report)
    weights: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], str] = {}  # dated pairs only: most corpora have no dates
    last: dict[tuple[str, str], str] = {}
    windows_of: Counter[str] = Counter()  # a_i: the windows mentioning each node
    for coding in codings:
        for party in coding.mentions:
            _add_node(graph, party)
        date = coding.document.date_gregorian
        for group in _windows(coding, window):
            together = sorted({party.node for party in group})
            windows_of.update(together)
            for pair in combinations(together, 2):
                weights[pair] += 1
                if date:
                    if pair not in first or date < first[pair]:
                        first[pair] = date
                    if date > last.get(pair, ""):
                        last[pair] = date
    for pair, n in weights.items():
        if n < min_weight:
            report.left_out[f"pairs seen in fewer than {min_weight} {window}s"] += 1
            report.below_min_weight += 1
            continue
        a, b = pair
        data: dict[str, Any] = {"weight": n}
        if normalization != "no":
            data = {"weight": _normalized(n, windows_of[a], windows_of[b], normalization), "count": n}
        graph.add_edge(a, b, **data, first_date=first.get(pair, ""), last_date=last.get(pair, ""))
    graph.graph.update(window=window, normalization=normalization, min_weight=min_weight)
    return graph


def export(
    kind: str,
    codings: Iterable[Coding],
    schema: Schema,
    out: Path,
    file_format: str,
    aggregation: str = DEFAULT_AGGREGATION,
    window: str = DEFAULT_WINDOW,
    normalization: str = DEFAULT_NORMALIZATION,
    min_weight: int = DEFAULT_MIN_WEIGHT,
) -> tuple[nx.Graph, NetworkReport]:
    """Build a network and write it: what `annotator export --format graphml|gexf` and
    Project > Analysis's Export network both do, so the two write the same file."""
    graph, report = build(
        kind, codings, schema, aggregation, window=window, normalization=normalization, min_weight=min_weight
    )
    write(graph, out, file_format)
    return graph, report


def write(graph: nx.Graph, out: Path, file_format: str) -> None:
    """GraphML with named keys (Gephi reads a key named d3 as the node label otherwise,
    gephi#1840) or GEXF 1.3 (what Gephi recommends since 0.9.3); atomically. Streamed a
    line at a time as networkx would write it (graphfiles), else by networkx."""
    from ..io.formats.base import atomic_text_writer
    from . import graphfiles

    if file_format in ("graphml", "gexf") and graphfiles.supported(graph):
        lines = graphfiles.graphml_lines(graph) if file_format == "graphml" else graphfiles.gexf_lines(graph)
        with atomic_text_writer(out) as handle:
            graphfiles.write_lines(lines, handle)
        return
    buffer = io.BytesIO()
    if file_format == "graphml":
        nx.write_graphml(graph, buffer, named_key_ids=True)
    elif file_format == "gexf":
        nx.write_gexf(graph, buffer, version="1.3")
    else:
        raise ValueError(f"unknown network file format {file_format!r}")
    write_atomic(out, buffer.getvalue())
