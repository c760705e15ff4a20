"""Co-occurrence networks of a real NER corpus (PEYMA's dev split, imported with its labels):
the document, paragraph and sentence windows, DNA's normalisations and a minimum weight,
each read back with networkx and compared with counts made here from the files on disk."""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from annotator.cli import main
from annotator.persian.segment import sentence_spans

from . import expected
from .conftest import SHARED_CORPORA


@pytest.fixture(scope="module")
def peyma(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = SHARED_CORPORA / "ner" / "peyma-dev.txt"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is absent (it sits beside the project, not in it)")
    root = tmp_path_factory.mktemp("peyma") / "p"
    assert main(["import", str(root), str(corpus), "--format", "conll", "-q"]) == 0
    return root


@cache
def windows(root: Path, window: str) -> list[set[str]]:
    """The sets of nodes mentioned together, one per window, from the files."""
    registry: dict[str, Any] = {}  # no entity registry: every node is a mention's folded text
    found: list[set[str]] = []
    for doc_id, data in expected.files(root, "imported").items():
        text = json.loads((root / "documents" / f"{doc_id}.json").read_text("utf-8"))["text"]
        sentences = sentence_spans(text)  # what `S` selects: the definition of a sentence
        groups: dict[int, set[str]] = defaultdict(set)
        sentence = 0
        for span in sorted(data["spans"], key=lambda x: x["start"]):
            while sentence + 1 < len(sentences) and sentences[sentence + 1][0] <= span["start"]:
                sentence += 1
            key = {"document": 0, "paragraph": text.count("\n", 0, span["start"]), "sentence": sentence}[window]
            groups[key].add(expected.node(span, registry))
        found += groups.values()
    return found


def pairs(groups: list[set[str]]) -> Counter[tuple[str, str]]:
    counted: Counter[tuple[str, str]] = Counter()
    for nodes in groups:
        counted.update(combinations(sorted(nodes), 2))
    return counted


def export(root: Path, out: Path, *args: str) -> nx.Graph:
    assert main(["export", str(root), "--format", out.suffix[1:], "--network", "co-occurrence", "--out", str(out),
                 *args]) == 0  # fmt: skip
    return nx.read_graphml(out) if out.suffix == ".graphml" else nx.read_gexf(out)


def weights(graph: nx.Graph, key: str = "weight") -> dict[tuple[str, str], Any]:
    return {tuple(sorted((a, b))): d[key] for a, b, d in graph.edges(data=True)}  # type: ignore[misc]


@pytest.mark.parametrize("window", ["document", "paragraph", "sentence"])
def test_each_window_counts_the_windows_that_mention_both(peyma: Path, tmp_path: Path, window: str) -> None:
    args = () if window == "document" else ("--window", window)  # document: the default, as before
    graph = export(peyma, tmp_path / "net.graphml", *args)
    want = pairs(windows(peyma, window))
    assert weights(graph) == dict(want) and want
    assert graph.graph["window"] == window and graph.graph["normalization"] == "no"
    assert all(isinstance(d["weight"], int) for _a, _b, d in graph.edges(data=True))
    if window == "sentence":  # the point of a window: not every pair of a long document
        assert len(want) * 10 < len(pairs(windows(peyma, "document")))


@pytest.mark.parametrize("normalization", ["average", "jaccard", "cosine"])
def test_dna_normalisations(peyma: Path, tmp_path: Path, normalization: str) -> None:
    groups = windows(peyma, "sentence")
    seen = Counter(node for nodes in groups for node in nodes)
    graph = export(peyma, tmp_path / "net.gexf", "--window", "sentence", "--normalization", normalization)
    counts, written = pairs(groups), weights(graph)
    assert {k: int(v) for k, v in weights(graph, "count").items()} == dict(counts)
    for (a, b), n in counts.items():
        x, y = seen[a], seen[b]
        value = {"average": n / ((x + y) / 2), "jaccard": n / (x + y - n), "cosine": n / math.sqrt(x * y)}
        assert written[(a, b)] == pytest.approx(value[normalization], abs=1e-6)
    assert all(0 < w <= 1 for w in written.values())


def test_a_minimum_weight_leaves_out_rare_pairs(
    peyma: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = export(peyma, tmp_path / "net.graphml", "--min-weight", "2")
    counts = pairs(windows(peyma, "document"))
    assert weights(graph) == {pair: n for pair, n in counts.items() if n >= 2}
    rare = sum(1 for n in counts.values() if n < 2)
    assert f"left out: {rare} pairs seen in fewer than 2 documents" in capsys.readouterr().err
    assert graph.number_of_nodes() == len({node for nodes in windows(peyma, "document") for node in nodes})


@pytest.mark.parametrize("option", [("--window", "sentence"), ("--normalization", "jaccard"), ("--min-weight", "3")])
def test_the_options_of_co_occurrence_are_refused_for_other_networks(
    peyma: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: tuple[str, str]
) -> None:
    out = tmp_path / "net.graphml"
    args = ["export", str(peyma), "--format", "graphml", "--network", "actor-topic", "--out", str(out), *option]
    assert main(args) == 2
    assert capsys.readouterr().err.strip() == f"annotator export: {option[0]}: only for --network co-occurrence"
    assert not out.exists()
