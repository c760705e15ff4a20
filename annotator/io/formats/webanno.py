"""WebAnno TSV 3.3 (also read by INCEpTION): sentences, one token a row, a column per feature.

Offsets in the rows count UTF-16 units (Java strings); they are converted through
annotator.persian.offsets at this edge. Written: one span layer and one relation layer,
those a WebAnno file was read with (layout `webanno`: names, features, the relation's
base type) or else annotator's own (`webanno.custom.Span|label`,
`webanno.custom.Relation|label|BT_webanno.custom.Span`); a span's label is the first
feature, its attributes the others; a value read as "no value" is written `*` again; a
relation layer based on tokens is written on tokens, without the spans the project needed
at its ends. Sentences and tokens are those kept from an import, else hazm's
(annotator.persian.segment). Spans are whole tokens: a token that a span starts or ends
inside is split there (_exact.py; counted), so that each span covers exactly its text;
attributes the layer has no feature for, and notes, have no column (counted); text
between or after sentences is not in the format (counted, once per document).

Read: every span layer (`#T_SP`), its first feature as the label (an annotation with no
value, `*`, takes the layer's short name), its other features as attributes; relation
layers (`#T_RL`) as relations, from the annotation in the referenced row (the governor)
to the one in the row it is written on. A relation whose base type is not a span layer
(e.g. Token) connects tokens: each end becomes a span labelled with that type's short
name. Chain layers (`#T_CH`) are reported and skipped. The document text is rebuilt from
the `#Text=` lines at their offsets; what lay between sentences is not in the format and
becomes line breaks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...model import Document
from ._exact import SPLIT, WIDENED, exact_edges, split_tokens, token_range
from ._text import sentence_spans, utf16_map, word_spans
from .base import (
    AnnotatedDocument,
    FormatError,
    Progress,
    ReadResult,
    RelationRecord,
    SpanRecord,
    WriteReport,
    atomic_text_writer,
    leave_out_entity_links,
    loses_title_or_metadata,
    problem,
    read_utf8,
)

HEADER = "#FORMAT=WebAnno TSV 3.3"
SPAN_LAYER = "webanno.custom.Span"
RELATION_LAYER = "webanno.custom.Relation"
# feature values as WebAnno escapes them (webanno-io-tsv, tsv3x/Escaping.java, escapeValue):
# a backslash before each special string, and a tab or line break as the letters \t and \n,
# so that a value never splits a row or a line
_SPECIAL = ["\\", "[", "]", "|", "_", "->", ";", "*"]
_CONTROL = {"\t": "t", "\n": "n"}
_UNESCAPE = re.compile(r"\\(->|.)", re.S)


def escape(value: str) -> str:
    for ch in _SPECIAL:
        value = value.replace(ch, "\\" + ch)
    for ch, letter in _CONTROL.items():
        value = value.replace(ch, "\\" + letter)
    return value


def unescape(value: str) -> str:
    control = {letter: ch for ch, letter in _CONTROL.items()}
    return _UNESCAPE.sub(lambda m: control.get(m.group(1), m.group(1)), value)


# the text of a #Text= line as WebAnno writes it (webanno-io-tsv, tsv3x/Escaping.java,
# escapeText; read back by unescapeText for TSV 3.2 and later): a backslash doubled; tab,
# line feed, form feed, carriage return and backspace as \t \n \f \r \b; every other
# control character below U+0020 but the vertical tab behind a backslash. Without it a
# backslash in an article (a path, ¯\_(ツ)_/¯) read back by INCEpTION eats the next letter.
_TEXT_ESCAPES = {chr(i): "\\" + chr(i) for i in range(32) if not 8 <= i <= 13}
_TEXT_ESCAPES.update({"\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\b": "\\b", "\\": "\\\\"})
_TEXT_UNESCAPES = {escaped: ch for ch, escaped in _TEXT_ESCAPES.items()}
_TEXT_SPECIAL = re.compile("[" + re.escape("".join(_TEXT_ESCAPES)) + "]")
_TEXT_ESCAPED = re.compile(r"\\.", re.S)
# TSV 3.0 and 3.1 read #Text= with commons-lang's unescapeJava: octal, \uXXXX, the Java
# escapes, and a backslash before any other character dropped
_JAVA_ESCAPED = re.compile(r"\\(u+[0-9a-fA-F]{4}|[0-3][0-7]{0,2}|[4-7][0-7]?|.|$)", re.S)
_JAVA_LETTERS = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r"}


def escape_text(text: str) -> str:
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_ESCAPES[m.group(0)], text)


def unescape_text(text: str, minor_version: int = 3) -> str:
    """A #Text= line's text, as WebAnno of that format version reads it."""
    if minor_version <= 1:
        return _JAVA_ESCAPED.sub(_java_unescape, text)
    return _TEXT_ESCAPED.sub(lambda m: _TEXT_UNESCAPES.get(m.group(0), m.group(0)), text)


def _java_unescape(match: re.Match[str]) -> str:
    body = match.group(1)
    if not body:
        return ""  # a lone backslash at the end
    if body[0] == "u" and len(body) > 1:
        return chr(int(body.lstrip("u"), 16))
    if body[0] in "01234567":
        return chr(int(body, 8))
    return _JAVA_LETTERS.get(body, body)


def _split_unescaped(value: str, sep: str) -> list[str]:
    parts, current, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


_REF = re.compile(r"^(.*?)(?:\[(\d+)\])?$", re.S)
_REL_REF = re.compile(r"^(\d+-\d+(?:\.\d+)?)(?:\[(\d+)_(\d+)\])?$")


@dataclass
class _Layer:
    kind: str  # "SP", "RL", "CH"
    name: str
    features: list[str]
    base: str = ""
    first_column: int = 0

    @property
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    @property
    def width(self) -> int:
        if self.kind == "SP":
            return max(1, len(self.features))
        if self.kind == "RL":
            return len(self.features) + 1
        return 2


@dataclass
class _Row:
    ref: str
    begin: int
    end: int
    token: str
    cells: list[str]
    line: int


@dataclass
class _Sentence:
    lines: list[str] = field(default_factory=list)
    rows: list[_Row] = field(default_factory=list)
    minor_version: int = 3  # of the file's #FORMAT line: how its #Text= lines are escaped


NOT_WEBANNO = "not a WebAnno TSV 3 file (no #FORMAT line); read anyway"
NOT_WEBANNO_AT_ALL = "not a WebAnno TSV 3 file (no #FORMAT line and no token row)"


def _parse(path: Path, problems: list[str]) -> tuple[list[_Layer], list[_Sentence]]:
    layers: list[_Layer] = []
    sentences: list[_Sentence] = []
    column = 0
    current: _Sentence | None = None
    lines = read_utf8(path).split("\n")
    if not lines or not lines[0].startswith("#FORMAT=WebAnno TSV 3"):
        problems.append(problem(path, 1, NOT_WEBANNO))
    version = re.match(r"#FORMAT=WebAnno TSV 3\.(\d+)", lines[0]) if lines else None
    minor = int(version.group(1)) if version else 3
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if line.startswith("#T_"):
            kind, _, spec = line[3:].partition("=")
            parts = spec.split("|")
            base = parts.pop()[3:] if kind == "RL" and parts[-1].startswith("BT_") else ""
            layer = _Layer(kind, parts[0], parts[1:], base, column)
            layers.append(layer)
            column += layer.width
            if kind == "CH":
                problems.append(problem(path, number, f"chain layer {layer.name} is not read"))
        elif line.startswith("#Text="):
            if current is None or current.rows:
                current = _Sentence(minor_version=minor)
                sentences.append(current)
            current.lines.append(line[6:])
        elif line.startswith("#") or not line.strip():
            continue
        else:
            fields = line.split("\t")
            if fields and fields[-1] == "":
                fields.pop()  # rows end with a tab
            try:
                begin, end = (int(x) for x in fields[1].split("-"))
            except (IndexError, ValueError):
                problems.append(problem(path, number, f"cannot read the row {line[:60]!r}"))
                continue
            if current is None:
                current = _Sentence(minor_version=minor)
                sentences.append(current)
            cells = fields[3:] + ["_"] * max(0, column - len(fields) + 3)
            current.rows.append(_Row(fields[0], begin, end, fields[2], cells, number))
    return layers, sentences


def _rebuild_text(path: Path, sentences: list[_Sentence], problems: list[str]) -> str:
    """The document text: each sentence's text placed at its first token's offset (UTF-16)."""
    pieces: list[str] = []
    u16 = 0
    for sentence in sentences:
        if not sentence.rows:
            continue
        first = sentence.rows[0]
        raw = "\n".join(sentence.lines)
        body = None
        # as WebAnno reads it; else as written (this program wrote it unescaped until 2026-11)
        unescaped = "\n".join(unescape_text(line, sentence.minor_version) for line in sentence.lines)
        for candidate in (unescaped, raw):
            base = first.begin
            cmap = utf16_map(candidate)
            try:
                if all(
                    candidate[cmap.to_codepoint(r.begin - base) : cmap.to_codepoint(r.end - base)]
                    in (r.token, unescape(r.token))  # WebAnno writes tokens as they are
                    for r in sentence.rows
                    if "." not in r.ref
                ):
                    body = candidate
                    break
            except (ValueError, IndexError):
                continue
        if body is None:
            problems.append(
                problem(path, first.line, "the tokens do not match the #Text line; text rebuilt from the tokens")
            )
            body = _from_tokens(sentence.rows)
        gap = first.begin - u16
        if gap < 0:
            problems.append(problem(path, first.line, "sentences overlap; offsets may be off"))
        pieces.append("\n" * max(gap, 0))
        pieces.append(body)
        u16 = max(u16, first.begin) + len(body.encode("utf-16-le")) // 2
    return "".join(pieces)


def _from_tokens(rows: list[_Row]) -> str:
    out: list[str] = []
    base = rows[0].begin
    pos = base
    for r in rows:
        if "." in r.ref:
            continue
        token = unescape(r.token)
        out.append(" " * max(0, r.begin - pos) + token)
        pos = r.begin + len(token.encode("utf-16-le")) // 2
    return "".join(out)


def read_webanno(path: Path) -> ReadResult:
    path = Path(path)
    problems: list[str] = []
    try:
        layers, sentences = _parse(path, problems)
    except FormatError as exc:
        return ReadResult([], [str(exc)])
    if not any(s.rows for s in sentences) and problems[:1] == [problem(path, 1, NOT_WEBANNO)]:
        # not WebAnno at all (another format, a file cut before its first row): one line
        # for the file, not one per line it holds
        return ReadResult([], [problem(path, None, f"{NOT_WEBANNO_AT_ALL}; nothing was imported from this file")])
    text = _rebuild_text(path, sentences, problems)
    offsets = utf16_map(text)

    class _Safe:
        """Offsets from the file, converted; one outside the text is reported and clamped."""

        def to_codepoint(self, u16: int) -> int:
            try:
                return offsets.to_codepoint(u16)
            except ValueError as exc:
                problems.append(problem(path, None, f"{exc}; clamped"))
                return offsets.to_codepoint(min(max(u16, 0), offsets.utf16_length), snap="down")

    umap = _Safe()
    rows = [r for s in sentences for r in s.rows]
    row_by_ref = {r.ref: r for r in rows}
    doc = AnnotatedDocument(Document(path.stem, text, "", {"source": path.name}))
    tokens: list[tuple[int, int]] = []
    for r in rows:
        if "." not in r.ref:
            tokens.append((umap.to_codepoint(r.begin), umap.to_codepoint(r.end)))
    doc.tokens = tokens

    # spans: (layer name, id or row ref) -> span
    spans: dict[tuple[str, str], SpanRecord] = {}
    at_row: dict[tuple[str, str], list[tuple[int, SpanRecord]]] = {}  # (layer, ref) -> [(id, span)]
    for layer in layers:
        if layer.kind != "SP":
            continue
        for r in rows:
            cells = [_split_unescaped(r.cells[layer.first_column + k], "|") for k in range(layer.width)]
            if cells[0] == ["_"]:
                continue
            for n, value in enumerate(cells[0]):
                match = _REF.match(value)
                assert match is not None  # the pattern matches any string
                label_raw, ident = match.group(1), match.group(2)
                label = layer.short if label_raw == "*" else unescape(label_raw)
                key = (layer.name, ident) if ident and ident != "0" else (layer.name, f"@{r.ref}#{n}")
                start, end = umap.to_codepoint(r.begin), umap.to_codepoint(r.end)
                if key in spans:
                    span = spans[key]
                    span.start, span.end = min(span.start, start), max(span.end, end)
                else:
                    span = SpanRecord(f"{layer.short}{ident or ''}@{r.ref}#{n}", label, start, end)
                    for k, feature in enumerate(layer.features[1:], 1):
                        vals = cells[k] if k < len(cells) else []
                        if n < len(vals):
                            attr = _REF.match(vals[n])
                            raw_val = attr.group(1) if attr else vals[n]
                            if raw_val not in ("_", "*", ""):
                                span.attributes[feature] = unescape(raw_val)
                    spans[key] = span
                at_row.setdefault((layer.name, r.ref), []).append((int(ident or 0), span))
    doc.spans = list(spans.values())
    token_spans: dict[str, SpanRecord] = {}

    def endpoint(base: str, ref: str, ident: int, line: int) -> SpanRecord | None:
        candidates = at_row.get((base, ref), [])
        if ident:
            found = [s for i, s in candidates if i == ident]
        else:
            found = [s for i, s in candidates if i == 0] or [s for _, s in candidates][:1]
        if found:
            return found[0]
        if any(layer.name == base for layer in layers if layer.kind == "SP"):
            problems.append(problem(path, line, f"a relation refers to no annotation at {ref}"))
            return None
        row = row_by_ref.get(ref)
        if row is None:
            problems.append(problem(path, line, f"a relation refers to a missing token {ref}"))
            return None
        if ref not in token_spans:
            short = base.rsplit(".", 1)[-1] or "Token"
            token_spans[ref] = SpanRecord(
                f"{short}@{ref}", short, umap.to_codepoint(row.begin), umap.to_codepoint(row.end)
            )
            doc.spans.append(token_spans[ref])
        return token_spans[ref]

    for layer in layers:
        if layer.kind != "RL":
            continue
        for r in rows:
            refs = _split_unescaped(r.cells[layer.first_column + layer.width - 1], "|")
            if refs == ["_"]:
                continue
            labels = _split_unescaped(r.cells[layer.first_column], "|") if layer.features else []
            for n, ref_value in enumerate(refs):
                match = _REL_REF.match(ref_value)
                if match is None:
                    problems.append(problem(path, r.line, f"cannot read the relation reference {ref_value!r}"))
                    continue
                source = endpoint(layer.base, match.group(1), int(match.group(2) or 0), r.line)
                target = endpoint(layer.base, r.ref, int(match.group(3) or 0), r.line)
                if source is None or target is None:
                    continue
                label = unescape(labels[n]) if n < len(labels) and labels[n] not in ("_", "*") else layer.short
                doc.relations.append(RelationRecord(f"{layer.short}@{r.ref}#{n}", label, source.id, target.id))
    doc.layout = {"webanno": _layers_read(layers)}
    return ReadResult([doc], problems)


def _layers_read(layers: list[_Layer]) -> dict[str, Any]:
    """The file's span and relation layers (the first of each), for an export that writes
    them back under their names: `span` {layer, features}, `relation` {layer, features,
    base, tokens: whether its ends are tokens, not spans}; absent when the file had none."""
    span = next((x for x in layers if x.kind == "SP"), None)
    relation = next((x for x in layers if x.kind == "RL"), None)
    kept: dict[str, Any] = {"span_layer": span.name if span else SPAN_LAYER, "layers_read": True}
    if span is not None:
        kept["span"] = {"layer": span.name, "features": list(span.features)}
    if relation is not None:
        span_layers = {x.name for x in layers if x.kind == "SP"}
        kept["relation"] = {
            "layer": relation.name,
            "features": list(relation.features),
            "base": relation.base,
            "tokens": relation.base not in span_layers,
        }
    return kept


# ---- writing -----------------------------------------------------------------------


def _sentences(doc: AnnotatedDocument, edges: set[int], report: WriteReport) -> list[list[tuple[int, int]]]:
    """The tokens by sentence; a token that one of `edges` (the spans' edges) falls
    inside is split there (_exact.py), so that every span is whole tokens."""
    text = doc.text
    tokens = list(doc.tokens) if doc.tokens is not None else word_spans(text)
    tokens = [t for t in tokens if text[t[0] : t[1]].strip()]
    tokens, split = split_tokens(text, tokens, edges)
    report.change(SPLIT, split)
    groups: list[list[tuple[int, int]]] = []
    if doc.tokens is not None:
        for i, tok in enumerate(tokens):
            if not groups or "\n" in text[tokens[i - 1][1] : tok[0]]:
                groups.append([])
            groups[-1].append(tok)
        return groups
    starts = sorted(s for s, _ in sentence_spans(text))
    current = -1
    for tok in tokens:
        k = bisect.bisect_right(starts, tok[0]) - 1
        if not groups or k != current:
            groups.append([])
            current = k
        groups[-1].append(tok)
    return groups


@dataclass
class _Columns:
    """The layers an export writes: the ones a WebAnno file was read with (layout
    `webanno`), under their names and features, else annotator's own."""

    span_layer: str = SPAN_LAYER
    span_features: list[str] = field(default_factory=lambda: ["label"])
    relation_layer: str = RELATION_LAYER
    relation_features: list[str] = field(default_factory=lambda: ["label"])
    base: str = SPAN_LAYER
    write_spans: bool = True
    write_relations: bool = True
    empty_span: str = ""  # the label an annotation without a value was read as: written "*"
    empty_relation: str = ""
    token_ends: str = ""  # the label of the spans that stand for the tokens a relation joins

    def header(self) -> str:
        lines = [HEADER]
        if self.write_spans:
            lines.append("|".join([f"#T_SP={self.span_layer}", *self.span_features]))
        if self.write_relations:
            lines.append("|".join([f"#T_RL={self.relation_layer}", *self.relation_features, f"BT_{self.base}"]))
        return "\n".join(lines) + "\n\n"


def _short(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def columns_for(doc: AnnotatedDocument) -> _Columns:
    kept = doc.layout.get("webanno", {})
    if not isinstance(kept, dict) or not kept.get("layers_read"):
        return _Columns()
    out = _Columns()
    span, relation = kept.get("span"), kept.get("relation")
    if isinstance(relation, dict) and relation.get("tokens"):
        out.token_ends = _short(str(relation.get("base", ""))) or "Token"
    if isinstance(span, dict):
        out.span_layer, out.span_features = str(span["layer"]), [str(f) for f in span.get("features", [])]
        out.empty_span = _short(out.span_layer)
    else:  # the file had no span layer: one is written only for spans of the coder's own
        out.write_spans = any(s.label != out.token_ends for s in doc.spans)
    out.base = out.span_layer
    if isinstance(relation, dict):
        out.relation_layer = str(relation["layer"])
        out.relation_features = [str(f) for f in relation.get("features", [])]
        out.empty_relation = _short(out.relation_layer)
        if relation.get("tokens"):
            out.base = str(relation.get("base", ""))
    else:
        out.write_relations = bool(doc.relations)
    return out


def document_to_tsv(doc: AnnotatedDocument, report: WriteReport, out: _Columns | None = None) -> str:
    out = out or _Columns()
    text = doc.text
    umap = utf16_map(text)
    exact = [exact_edges(text, s.start, s.end) for s in doc.spans]
    sentences = _sentences(doc, {edge for e in exact if e for edge in e.cuts}, report)
    flat = [t for s in sentences for t in s]
    refs = [f"{si}-{ti}" for si, s in enumerate(sentences, 1) for ti in range(1, len(s) + 1)]
    starts = [s for s, _ in flat]
    ends = [e for _, e in flat]
    width = max(1, len(out.span_features))
    cells: list[list[list[str]]] = [[[] for _ in range(width)] for _ in flat]
    first_token: dict[str, int] = {}
    numbers: dict[str, int] = {}
    placed: list[tuple[int, int, SpanRecord]] = []
    for n in sorted(range(len(doc.spans)), key=lambda n: (doc.spans[n].start, -doc.spans[n].end, doc.spans[n].id)):
        span, edges = doc.spans[n], exact[n]
        first, last = token_range(starts, ends, edges.start, edges.end) if edges else (1, 0)
        if edges is None or first > last:
            report.leave_out("spans covering no token")
            continue
        first_token[span.id] = first
        if out.token_ends and span.label == out.token_ends:
            continue  # a token a relation joins (a relation layer based on tokens): no span
        if not out.write_spans:
            continue
        if edges.moved:
            report.change(WIDENED)
        extra = [k for k in span.attributes if k not in out.span_features[1:]]
        if extra or span.note:
            report.leave_out(
                "span attributes/notes (one feature: the label)"
                if out.span_features == ["label"]
                else "span attributes/notes the layer has no feature for"
            )
        if not out.span_features and span.label and span.label != out.empty_span:
            report.leave_out(f"span labels (the layer {out.span_layer} has no feature)")
        placed.append((first, last, span))
    per_token: dict[int, int] = {}
    for first, last, _ in placed:
        for k in range(first, last + 1):
            per_token[k] = per_token.get(k, 0) + 1
    for first, last, span in placed:
        needs_id = last > first or any(per_token[k] > 1 for k in range(first, last + 1))
        number = len(numbers) + 1
        if needs_id:
            numbers[span.id] = number
        # an annotation without a value is "*" (Tsv3XSerializer: NULL_VALUE)
        values = ["*" if not span.label or span.label == out.empty_span else escape(span.label)]
        for feature in out.span_features[1:]:
            value = span.attributes.get(feature)
            values.append("*" if value is None else escape(str(value)))
        for k in range(first, last + 1):
            for column in range(width):
                cells[k][column].append(f"{values[column]}[{number}]" if needs_id else values[column])
    rel_cells: list[list[tuple[str, str]]] = [[] for _ in flat]
    for rel in doc.relations:
        if rel.source not in first_token or rel.target not in first_token:
            report.leave_out("relations to spans not written")
            continue
        src, dst = first_token[rel.source], first_token[rel.target]
        ids = ""
        if not out.token_ends and (rel.source in numbers or rel.target in numbers):
            ids = f"[{numbers.get(rel.source, 0)}_{numbers.get(rel.target, 0)}]"
        label = "*" if not rel.type or rel.type == out.empty_relation else escape(rel.type)
        if not out.relation_features and label != "*":
            report.leave_out(f"relation types (the layer {out.relation_layer} has no feature)")
        rel_cells[dst].append((label, refs[src] + ids))
    lines: list[str] = []
    for s_tokens in sentences:
        if not s_tokens:
            continue
        lines.append("")
        body = text[s_tokens[0][0] : s_tokens[-1][1]]
        lines += [f"#Text={escape_text(part)}" for part in body.split("\n")]
        for tok in s_tokens:
            k = bisect.bisect_left(starts, tok[0])
            here = rel_cells[k]
            row = [
                refs[k],
                f"{umap.to_utf16(tok[0])}-{umap.to_utf16(tok[1])}",
                text[tok[0] : tok[1]].replace("\t", " ").replace("\n", " "),
            ]
            if out.write_spans:
                row += ["|".join(column) or "_" for column in cells[k]]
            if out.write_relations:
                if out.relation_features:
                    row.append("|".join(r[0] for r in here) or "_")
                    # features after the first have no place in the model: no value
                    row += ["|".join("*" for _ in here) or "_" for _ in out.relation_features[1:]]
                row.append("|".join(r[1] for r in here) or "_")
            lines.append("\t".join(row) + "\t")
    return "\n".join(lines) + "\n"


def lost_between_sentences(doc: AnnotatedDocument) -> bool:
    """Whether the text outside the sentences written is more than the line breaks a reader
    puts there: WebAnno keeps only sentences (#Text= lines at their tokens' offsets), so
    what lies between them comes back as line breaks, and what follows the last is gone."""
    text = doc.text
    pos = 0
    for s_tokens in _sentences(doc, set(), WriteReport()):
        if not s_tokens:
            continue
        if text[pos : s_tokens[0][0]].strip("\n"):
            return True
        pos = s_tokens[-1][1]
    return pos < len(text)


class WebAnno:
    name = "webanno"
    writes_folder = True  # one file per document: the window asks for a folder's name
    description = "WebAnno TSV 3.3 (INCEpTION): one span layer with a label, one relation layer"
    extensions: tuple[str, ...] = (".tsv",)
    can_read = True
    can_write = True

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult:
        path = Path(path)
        if path.is_dir():
            result = ReadResult([])
            for file in sorted(path.rglob("*.tsv")):
                one = read_webanno(file)
                result.documents += one.documents
                result.problems += one.problems
            return result
        return read_webanno(path)

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        out: Path,
        options: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> WriteReport:
        """Write one ID.tsv per document into the folder `out` (WebAnno's unit is a document)."""
        from .jsonl import safe_file_stem

        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        report = WriteReport()
        taken: set[str] = set()
        for doc in docs:
            stem = safe_file_stem(doc.document.id, taken)
            columns = columns_for(doc)
            with atomic_text_writer(out / f"{stem}.tsv") as handle:
                handle.write(columns.header())
                handle.write(document_to_tsv(doc, report, columns))
            if lost_between_sentences(doc):
                report.leave_out(
                    "documents' text between or after sentences (WebAnno keeps sentences only: "
                    "it reads back as line breaks, a CR or space there as a line break, the end as nothing)"
                )
            if loses_title_or_metadata(doc):
                report.leave_out("document titles/metadata (the file name is the document id)")
            leave_out_entity_links(doc, report, "one feature: the label")
            report.written += 1
            if progress:
                progress(report.written)
        return report


PROVIDES = (WebAnno(),)
