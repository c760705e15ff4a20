"""Networks (`annotator export --format graphml|gexf --network KIND`): each kind read back
with networkx, its nodes, edges and weights equal to counts computed here from the files."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest

from annotator.cli import main

from . import expected

pytestmark = pytest.mark.corpora


def network(project: Path, tmp_path: Path, kind: str, fmt: str = "graphml", *args: str) -> nx.Graph:
    out = tmp_path / f"{kind}.{fmt}"
    assert (
        main(
            [
                "export",
                str(project),
                "--format",
                fmt,
                "--network",
                kind,
                "--annotator",
                "maryam",
                "--out",
                str(out),
                *args,
            ]
        )
        == 0
    )
    return nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)


def edge_weights(graph: nx.Graph, key: str = "weight") -> dict[tuple[str, str], int]:
    if graph.is_directed():
        return {(a, b): int(d[key]) for a, b, d in graph.edges(data=True)}
    return {tuple(sorted((a, b))): int(d[key]) for a, b, d in graph.edges(data=True)}  # type: ignore[misc]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_actor_topic(coded_fars: Path, tmp_path: Path, fmt: str) -> None:
    graph = network(coded_fars, tmp_path, "actor-topic", fmt)
    want: Counter[tuple[str, str]] = Counter()
    positions: dict[tuple[str, str], Counter[str]] = {}
    for c in expected.claims(coded_fars, "maryam"):
        if not c["topic"]:
            continue
        for who in c["claimants"]:
            key = tuple(sorted((who, "topic:" + c["topic"])))
            want[key] += 1  # type: ignore[index]
            positions.setdefault(key, Counter())[c["position"] or "uncoded"] += 1  # type: ignore[arg-type]
    assert edge_weights(graph) == dict(want)
    assert len(want) > 5
    for key, counts in positions.items():
        data = graph.edges[key]
        assert int(data["supports"]) == counts["supports"] and int(data["opposes"]) == counts["opposes"]
        assert int(data["signed"]) == counts["supports"] - counts["opposes"]
        assert int(data["combine"]) == (1 if counts["supports"] else 0) + (2 if counts["opposes"] else 0)
    assert graph.nodes["topic:security"]["kind"] == "topic"
    assert graph.nodes["topic:security"]["name_fa"] == "امنیت"
    assert graph.nodes["e1"]["name_en"] == "Iran" and graph.nodes["e1"]["type"] == "state"
    label = graph.nodes["e1"].get("label")
    assert label == "ایران"


def test_actor_actor_congruence_and_conflict(coded_fars: Path, tmp_path: Path) -> None:
    x: dict[str, Counter[tuple[str, str]]] = {}
    for c in expected.claims(coded_fars, "maryam"):
        if c["topic"] and c["position"]:
            for who in c["claimants"]:
                x.setdefault(who, Counter())[(c["topic"], c["position"])] += 1
    congruence, conflict = {}, {}
    for a, b in combinations(sorted(x), 2):
        topics = {t for t, _ in x[a]} | {t for t, _ in x[b]}
        cg = sum(x[a][(t, p)] * x[b][(t, p)] for t in topics for p in ("supports", "opposes", "neutral"))
        cf = sum(
            x[a][(t, "supports")] * x[b][(t, "opposes")] + x[a][(t, "opposes")] * x[b][(t, "supports")] for t in topics
        )
        congruence[(a, b)], conflict[(a, b)] = cg, cf
    graph = network(coded_fars, tmp_path, "actor-actor")
    assert edge_weights(graph) == {k: v for k, v in congruence.items() if v}
    graph = network(coded_fars, tmp_path, "actor-actor", "graphml", "--aggregation", "conflict")
    assert edge_weights(graph) == {k: v for k, v in conflict.items() if v}
    assert any(conflict.values()) and any(congruence.values())
    graph = network(coded_fars, tmp_path, "actor-actor", "graphml", "--aggregation", "subtract")
    want = {k: congruence[k] - conflict[k] for k in congruence if congruence[k] or conflict[k]}
    assert edge_weights(graph) == want
    assert edge_weights(graph, "congruence") == {k: congruence[k] for k in want}


def test_claimant_addressee_is_directed(coded_fars: Path, tmp_path: Path) -> None:
    want: Counter[tuple[str, str]] = Counter()
    for c in expected.claims(coded_fars, "maryam"):
        for who in c["claimants"]:
            for whom in c["addressees"]:
                want[(who, whom)] += 1
    graph = network(coded_fars, tmp_path, "claimant-addressee")
    assert graph.is_directed()
    assert edge_weights(graph) == dict(want) and want


def test_co_occurrence_counts_documents(coded_fars: Path, tmp_path: Path) -> None:
    want: Counter[tuple[str, str]] = Counter()
    mentions: Counter[str] = Counter()
    for nodes in expected.mention_nodes_by_document(coded_fars, "maryam").values():
        mentions.update(nodes)
        for pair in combinations(sorted(nodes), 2):
            want[pair] += 1  # type: ignore[index]
    graph = network(coded_fars, tmp_path, "co-occurrence", "gexf")
    assert edge_weights(graph) == dict(want)
    assert {n: int(d["mentions"]) for n, d in graph.nodes(data=True)} == dict(mentions)
    assert "mention:روسیه" in graph, "an unlinked mention is a node of its own text"


def test_time_window_and_edge_dates(coded_fars: Path, tmp_path: Path) -> None:
    dated = sorted({c["date"] for c in expected.claims(coded_fars, "maryam") if c["date"]})
    start, end = dated[len(dated) // 3], dated[2 * len(dated) // 3]
    graph = network(coded_fars, tmp_path, "claimant-addressee", "graphml", "--from", start, "--to", end)
    want: Counter[tuple[str, str]] = Counter()
    for c in expected.claims(coded_fars, "maryam"):
        if c["date"] and start <= c["date"] <= end:
            for who in c["claimants"]:
                for whom in c["addressees"]:
                    want[(who, whom)] += 1
    assert edge_weights(graph) == dict(want)
    for _a, _b, data in graph.edges(data=True):
        assert start <= data["first_date"] <= data["last_date"] <= end


def test_a_network_of_several_coders_asks_for_one(
    coded_fars: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "n.graphml"
    assert main(["export", str(coded_fars), "--format", "graphml", "--network", "actor-topic", "--out", str(out)]) == 2
    assert "choose one with --annotator" in capsys.readouterr().err
    assert main(["export", str(coded_fars), "--format", "gexf", "--annotator", "maryam", "--out", str(out)]) == 2
    assert "needs --network" in capsys.readouterr().err
    assert not out.exists()


def test_graphml_keys_are_named_for_gephi(coded_fars: Path, tmp_path: Path) -> None:
    network(coded_fars, tmp_path, "actor-topic")
    text = (tmp_path / "actor-topic.graphml").read_text("utf-8")
    assert 'id="d3"' not in text and 'attr.name="weight"' in text and 'id="label"' in text


def test_time_buckets_fill_gaps_and_switch_to_years() -> None:
    from annotator.analysis.summary import time_buckets

    assert time_buckets(["2023-01-05", "2023-03-30", "2023-03-01"], "gregorian") == [
        ("2023-01", 1),
        ("2023-02", 0),
        ("2023-03", 2),
    ]
    # 2023-03-21 is 1 Farvardin 1402, 2023-03-20 the last day of 1401
    assert time_buckets(["2023-03-20", "2023-03-21"], "jalali") == [("1401/12", 1), ("1402/01", 1)]
    assert time_buckets(["2019-06-01", "2023-01-01", "2023-02-01"], "gregorian") == [
        ("2019", 1),
        ("2020", 0),
        ("2021", 0),
        ("2022", 0),
        ("2023", 2),
    ]
    assert time_buckets([], "gregorian") == []


@pytest.mark.parametrize("kind", ["actor-topic", "actor-actor", "claimant-addressee", "co-occurrence"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_every_actor_node_has_its_real_mentions_documents_and_claims(
    coded_fars: Path, tmp_path: Path, kind: str, fmt: str
) -> None:
    """New user's trial: every node of the three claims networks said mentions=0 and
    documents=0 (آمریکا, mentioned 110 times in 36 documents), and the co-occurrence
    network said claims=0 for an actor who made claims."""
    mentions: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    for nodes in expected.mention_nodes_by_document(coded_fars, "maryam").values():
        mentions.update(nodes)
        documents.update(set(nodes))
    made: Counter[str] = Counter()
    for c in expected.claims(coded_fars, "maryam"):
        made.update(c["claimants"])
    graph = network(coded_fars, tmp_path, kind, fmt)
    actors = {n: d for n, d in graph.nodes(data=True) if d["kind"] != "topic"}
    assert len(actors) >= 3
    for node, data in actors.items():
        assert (int(data["mentions"]), int(data["documents"])) == (mentions[node], documents[node]), node
        assert int(data["mentions"]) >= int(data["documents"]) >= 1
    if kind == "co-occurrence":
        assert {n: int(d["claims"]) for n, d in actors.items()} == {n: made[n] for n in actors}
        assert any(made[n] for n in actors)
    if kind == "actor-topic":
        topic_docs: dict[str, set[str]] = {}
        for c in expected.claims(coded_fars, "maryam"):
            if c["topic"] and c["claimants"]:
                topic_docs.setdefault("topic:" + c["topic"], set()).add(c["doc"])
        topics = {n: d for n, d in graph.nodes(data=True) if d["kind"] == "topic"}
        assert {n: int(d["documents"]) for n, d in topics.items()} == {t: len(d) for t, d in topic_docs.items()}
        assert all("mentions" not in d for d in topics.values())  # a topic is not mentioned
