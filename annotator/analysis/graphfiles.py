"""GraphML and GEXF written a line at a time, for networks too large for networkx's writers.

networkx builds the whole XML tree in memory before writing it: a co-occurrence network
of 492,401 edges took 17 of its 21 seconds and 1.3 GB there. These writers stream the same
documents: what networkx writes (GraphML with named keys, GEXF 1.3: its key and attribute
declarations, types, reserved attributes, element order), so that networkx's readers
(and Gephi's) read back the same graph; tests/unit/analysis/test_graphfiles.py checks that
on every network kind. A graph with an attribute of two types, or of a type networkx would
write differently (a bool, None, a list), is left to networkx (`supported`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import IO, Any

import networkx as nx

import annotator

# networkx's names for Python types (readwrite/graphml.py, gexf.py; 3.x)
_TYPES = {str: "string", int: "long", float: "double"}
_GEXF_NODE_RESERVED = ("id", "label", "pid", "start", "end", "viz")
_GEXF_EDGE_RESERVED = ("id", "label", "weight", "type", "start", "end")


def _text(value: str) -> str:
    """Character data as ElementTree escapes it."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def _attribute(value: str) -> str:
    """An attribute value as ElementTree escapes it (quotes, and the white space XML would
    otherwise normalise)."""
    value = _text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\t" in value:
        value = value.replace("\t", "&#09;")
    return value


def _value(value: Any) -> str:
    return value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)


def _declared(items: Iterable[dict[str, Any]]) -> dict[str, type] | None:
    """Each attribute's type in the order first seen; None when one has two types, or a
    type these writers do not write as networkx does."""
    found: dict[str, type] = {}
    for data in items:
        for key, value in data.items():
            kind = type(value)
            if kind not in _TYPES or found.setdefault(key, kind) is not kind:
                return None
    return found


def supported(graph: nx.Graph) -> bool:
    """Whether these writers write `graph` exactly as networkx would read it back."""
    if graph.is_multigraph():
        return False
    return all(
        _declared(items) is not None
        for items in (
            [graph.graph],
            (d for _n, d in graph.nodes(data=True)),
            (d for _a, _b, d in graph.edges(data=True)),
        )
    ) and all(isinstance(n, str) for n in graph)


def graphml_lines(graph: nx.Graph) -> Iterator[str]:
    """networkx's write_graphml(graph, named_key_ids=True), a line at a time."""
    graph_keys = _declared([graph.graph]) or {}
    node_keys = _declared(d for _n, d in graph.nodes(data=True)) or {}
    edge_keys = _declared(d for _a, _b, d in graph.edges(data=True)) or {}
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
        ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    # networkx puts each key first as it meets it: the last met is declared first
    declared = [(k, "graph", t) for k, t in graph_keys.items()]
    declared += [(k, "node", t) for k, t in node_keys.items()]
    declared += [(k, "edge", t) for k, t in edge_keys.items()]
    for key, scope, kind in reversed(declared):
        name = _attribute(key)
        yield f'  <key id="{name}" for="{scope}" attr.name="{name}" attr.type="{_TYPES[kind]}" />\n'
    yield f'  <graph edgedefault="{"directed" if graph.is_directed() else "undirected"}">\n'
    ids: dict[Any, str] = {}
    for node, data in graph.nodes(data=True):
        ids[node] = ident = _attribute(str(node))
        if not data:
            yield f'    <node id="{ident}" />\n'
            continue
        yield f'    <node id="{ident}">\n'
        yield from _data_lines(data, "      ")
        yield "    </node>\n"
    for a, b, data in graph.edges(data=True):
        if not data:
            yield f'    <edge source="{ids[a]}" target="{ids[b]}" />\n'
            continue
        yield f'    <edge source="{ids[a]}" target="{ids[b]}">\n'
        yield from _data_lines(data, "      ")
        yield "    </edge>\n"
    yield from _data_lines(graph.graph, "    ")
    yield "  </graph>\n</graphml>\n"


def _data_lines(data: dict[str, Any], indent: str) -> Iterator[str]:
    for key, value in data.items():
        text = _text(_value(value))
        name = _attribute(key)
        yield f'{indent}<data key="{name}">{text}</data>\n' if text else f'{indent}<data key="{name}" />\n'


def gexf_lines(graph: nx.Graph) -> Iterator[str]:
    """networkx's write_gexf(graph, version="1.3"), a line at a time (its creator is
    annotator; graph-level data, which networkx's GEXF leaves out, is left out too)."""
    node_keys = {
        k: t
        for k, t in (_declared(d for _n, d in graph.nodes(data=True)) or {}).items()
        if k not in _GEXF_NODE_RESERVED
    }
    edge_keys = {
        k: t
        for k, t in (_declared(d for _a, _b, d in graph.edges(data=True)) or {}).items()
        if k not in _GEXF_EDGE_RESERVED
    }
    # attribute ids in the order networkx numbers them: nodes' first, then edges'
    numbers = {("node", k): str(i) for i, k in enumerate(node_keys)}
    numbers.update({("edge", k): str(len(node_keys) + i) for i, k in enumerate(edge_keys)})
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield (
        '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://w3.org/2001/XMLSchema-instance"'
        ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
    )
    yield f'  <meta lastmodifieddate="{datetime.date.today().isoformat()}">\n'
    yield f"    <creator>annotator {_text(annotator.__version__)}</creator>\n  </meta>\n"
    kind = "directed" if graph.is_directed() else "undirected"
    name = _attribute(str(graph.graph.get("name", "")))
    yield f'  <graph defaultedgetype="{kind}" mode="static" name="{name}">\n'
    # networkx puts each class's declarations first as it makes them: edges' above nodes'
    for scope, keys in (("edge", edge_keys), ("node", node_keys)):
        if keys:
            yield f'    <attributes mode="static" class="{scope}">\n'
            for key, typ in keys.items():
                yield (
                    f'      <attribute id="{numbers[(scope, key)]}" title="{_attribute(key)}"'
                    f' type="{_TYPES[typ]}" />\n'
                )
            yield "    </attributes>\n"
    ids: dict[Any, str] = {}
    yield "    <nodes>\n"
    for node, data in graph.nodes(data=True):
        ids[node] = ident = _attribute(str(node))
        label = _attribute(_value(data.get("label", node)))
        values = [(numbers[("node", k)], v) for k, v in data.items() if ("node", k) in numbers]
        if not values:
            yield f'      <node id="{ident}" label="{label}" />\n'
            continue
        yield f'      <node id="{ident}" label="{label}">\n'
        yield from _attvalue_lines(values, "        ")
        yield "      </node>\n"
    yield "    </nodes>\n    <edges>\n"
    for number, (a, b, data) in enumerate(graph.edges(data=True)):
        extra = "".join(
            f' {k}="{_attribute(_value(data[k]))}"' for k in ("label", "weight", "type", "start", "end") if k in data
        )
        ident = _attribute(_value(data.get("id", number)))
        values = [(numbers[("edge", k)], v) for k, v in data.items() if ("edge", k) in numbers]
        opening = f'      <edge source="{ids[a]}" target="{ids[b]}" id="{ident}"{extra}'
        if not values:
            yield opening + " />\n"
            continue
        yield opening + ">\n"
        yield from _attvalue_lines(values, "        ")
        yield "      </edge>\n"
    yield "    </edges>\n  </graph>\n</gexf>\n"


def _attvalue_lines(values: list[tuple[str, Any]], indent: str) -> Iterator[str]:
    yield f"{indent}<attvalues>\n"
    for number, value in values:
        yield f'{indent}  <attvalue for="{number}" value="{_attribute(_value(value))}" />\n'
    yield f"{indent}</attvalues>\n"


def write_lines(lines: Iterable[str], handle: IO[str], chunk: int = 1 << 16) -> None:
    """The lines, joined into writes of about `chunk` characters."""
    buffer: list[str] = []
    size = 0
    for line in lines:
        buffer.append(line)
        size += len(line)
        if size >= chunk:
            handle.write("".join(buffer))
            buffer, size = [], 0
    handle.write("".join(buffer))
