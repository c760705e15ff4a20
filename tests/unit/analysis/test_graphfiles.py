"""The streamed GraphML and GEXF (analysis.graphfiles) are what networkx writes: byte for byte
(GEXF: but for its <creator>), on every network kind of coded Fars News articles and on
graphs made to be awkward (markup and line breaks in ids and values, empty values, no data,
directed, floats); what they cannot write as networkx does is left to networkx."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest

from annotator.analysis import graphfiles, networks
from annotator.analysis.records import iter_codings, make_filters, open_project

pytestmark = pytest.mark.corpora


def by_networkx(graph: nx.Graph, fmt: str) -> str:
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, named_key_ids=True)
    else:
        nx.write_gexf(graph, buffer, version="1.3")
    return buffer.getvalue().decode("utf-8")


def streamed(graph: nx.Graph, fmt: str, tmp_path: Path) -> str:
    out = tmp_path / f"net.{fmt}"
    networks.write(graph, out, fmt)
    return out.read_text(encoding="utf-8")


def same_file(graph: nx.Graph, fmt: str, tmp_path: Path) -> None:
    ours, theirs = streamed(graph, fmt, tmp_path), by_networkx(graph, fmt)
    if fmt == "gexf":
        creator = "    <creator>annotator "
        assert [line.startswith(creator) for line in ours.splitlines()].count(True) == 1
        ours = "\n".join(line for line in ours.splitlines() if not line.startswith(creator))
        theirs = "\n".join(line for line in theirs.splitlines() if not line.startswith("    <creator>NetworkX"))
    assert ours == theirs


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("kind", networks.KINDS)
def test_every_network_of_coded_articles_is_written_as_networkx_writes_it(
    coded_fars: Path, tmp_path: Path, kind: str, fmt: str
) -> None:
    project = open_project(coded_fars)
    codings = list(iter_codings(project, make_filters("maryam", None, None, None)))
    graph, _report = networks.build(kind, codings, project.schema)
    assert graph.number_of_edges() and graphfiles.supported(graph)
    same_file(graph, fmt, tmp_path)
    if kind == "co-occurrence":  # float weights, and a count
        graph, _report = networks.build(kind, codings, project.schema, window="sentence", normalization="cosine")
        assert any(isinstance(d["weight"], float) for _a, _b, d in graph.edges(data=True))
        same_file(graph, fmt, tmp_path)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("directed", [False, True])
def test_awkward_graphs(tmp_path: Path, fmt: str, directed: bool) -> None:
    graph: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    graph.graph.update(network="test", name='a "name" & <more>', n=3)
    odd = 'mention:a & b <c> "d"\n\te\r'
    graph.add_node(odd, label="ZWNJ\u200cو «نقل»", name_en="", claims=0, share=0.25)
    graph.add_node("e1", label="ایران", name_en="Iran", claims=2, share=1e-7)
    graph.add_node("bare")
    graph.add_edge(odd, "e1", weight=0.5, count=3, first_date="", last_date="2020-01-01")
    graph.add_edge("e1", "bare")
    graph.add_edge("bare", odd, weight=2.0, count=1, first_date="a>b", last_date="")
    assert graphfiles.supported(graph)
    same_file(graph, fmt, tmp_path)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_what_it_cannot_write_as_networkx_does_goes_to_networkx(tmp_path: Path, fmt: str) -> None:
    mixed = nx.Graph()
    mixed.add_edge("a", "b", weight=1)
    mixed.add_edge("b", "c", weight=0.5)  # one attribute, two types
    flagged = nx.Graph()
    flagged.add_node("a", seen=True)  # networkx writes a bool its own way
    numbered = nx.Graph()
    numbered.add_edge(1, 2)  # ids that are not strings
    for graph in (mixed, flagged, numbered):
        assert not graphfiles.supported(graph)
        if fmt == "graphml" or graph is not mixed:  # GEXF: networkx itself refuses mixed types
            assert streamed(graph, fmt, tmp_path) == by_networkx(graph, fmt)
