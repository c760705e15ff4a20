"""CoNLL / BIO: one token a line, its tag(s) in the last column(s), a blank line per sentence.

Reading accepts Arman (`token TAG`, B-/I-), PEYMA (`token|TAG`, B_/I_) and CoNLL-2003
(`-DOCSTART-` lines, POS and chunk columns between token and tag, IOB1 or IOB2). The
separator and tag style are detected (or given); a line is split from the right, so the
token is everything before the tag column(s) and may itself contain the separator: PEYMA
has tokens with spaces, and a token containing the separator is written and read back
unambiguously (tags never contain it).

A document read keeps its tokens and the layout it was read in (separator, tag style,
IOB1/IOB2, extra columns, -DOCSTART- line, tag layers), and is written back in that layout
by default, so a round trip gives the same token and tag lines. Its text is the tokens
joined by a space, sentences by a newline.

Writing needs tokens: those kept from the import, else words and sentences from hazm
(annotator.persian.segment); a token that a written span starts or ends inside is split
at the span's edges, so that the file tags exactly the text tagged (_exact.py). BIO cannot
hold nested or overlapping spans: each tag column (layer; by default one column for every
label) keeps the outermost span where spans overlap, and the export counts what it left
out. `layers` (a list of label lists) writes one tag column per list, e.g. entities in one and claims in another;
`default_layers` is the same but yields to the layers the documents were read with.

One file has one layout (file_settings): readers such as seqeval, spaCy's `convert` and
conllu cannot follow a separator or tag style that changes from one document to the
next. Documents are separated by a `-DOCSTART-` line (or `# doc_id = ID` comments, option
`doc_boundary`); a file read without boundaries is written back without them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from ...model import Document
from ._exact import SPLIT, WIDENED, exact_edges, split_tokens, token_range
from ._text import sentence_spans, word_spans
from .base import (
    AnnotatedDocument,
    FormatError,
    Progress,
    ReadResult,
    SpanRecord,
    WriteReport,
    atomic_text_writer,
    leave_out_entity_links,
    loses_title_or_metadata,
    problem,
    read_utf8,
)

SEPARATORS = {"space": " ", "tab": "\t", "pipe": "|", " ": " ", "\t": "\t", "|": "|"}
_TAG = re.compile(r"^(?:O|([BI])([-_])(.+))$")
DOCSTART = "-DOCSTART-"
_DOC_ID = re.compile(r"^# ?doc_id ?= ?(.+)$")  # CoNLL-U style document comment
DEFAULT_SENTENCES_PER_DOCUMENT = 100


# ---- reading -----------------------------------------------------------------------


def _detect_separator(lines: list[str]) -> str:
    sample = [line for line in lines[:2000] if line.strip() and not line.startswith(DOCSTART)]
    best, best_score = " ", -1
    for sep in ("\t", "|", " "):
        score = sum(1 for line in sample if sep in line and _TAG.match(line.rsplit(sep, 1)[1]))
        if score > best_score:
            best, best_score = sep, score
    return best


def _column_count(lines: list[str], sep: str) -> int:
    counts = Counter(len(line.split(sep)) for line in lines[:2000] if line.strip() and not line.startswith(DOCSTART))
    if not counts:
        return 2
    # the most common count; on a tie the smaller (a token may contain the separator)
    return min(counts, key=lambda c: (-counts[c], c))


class _Builder:
    """Collects the tokens and tags of one document while the file is read."""

    def __init__(self, layers: int) -> None:
        self.tokens: list[str] = []
        self.extra: list[list[str]] = []
        self.tags: list[list[str]] = [[] for _ in range(layers)]
        self.lines: list[int] = []
        self.sentence_ends: list[int] = []  # token counts at each sentence break
        self.doc_id = ""  # from a "# doc_id = ID" line

    def add(self, token: str, extra: list[str], tags: list[str], line: int) -> None:
        self.tokens.append(token)
        self.extra.append(extra)
        for column, tag in zip(self.tags, tags, strict=True):
            column.append(tag)
        self.lines.append(line)

    def end_sentence(self) -> None:
        if self.tokens and (not self.sentence_ends or self.sentence_ends[-1] != len(self.tokens)):
            self.sentence_ends.append(len(self.tokens))

    @property
    def sentences(self) -> int:
        return len(self.sentence_ends) + (
            1 if self.tokens and (not self.sentence_ends or self.sentence_ends[-1] < len(self.tokens)) else 0
        )


def read_conll(
    path: Path,
    separator: str | None = None,
    tag_columns: int = 1,
    sentences_per_document: int = DEFAULT_SENTENCES_PER_DOCUMENT,
) -> ReadResult:
    path = Path(path)
    try:
        lines = read_utf8(path).split("\n")
    except FormatError as exc:
        return ReadResult([], [str(exc)])
    # white space after the tag means nothing (editors and tools leave it): without this a
    # line "EU B-ORG " had the empty tag, and a file of such lines lost every tag
    lines = [line.rstrip() for line in lines]
    sep = SEPARATORS.get(separator or "", "") or _detect_separator(lines)
    columns = max(_column_count(lines, sep), tag_columns + 1)
    result = ReadResult([])
    styles: Counter[str] = Counter()
    docstart: str | None = None
    comments = False  # "# doc_id = ID" lines start documents
    builder = _Builder(tag_columns)
    builders: list[_Builder] = []

    def flush() -> None:
        nonlocal builder
        builder.end_sentence()
        if builder.tokens:
            builders.append(builder)
        builder = _Builder(tag_columns)

    for number, line in enumerate(lines, 1):
        if not line.strip():
            builder.end_sentence()
            if builder.sentences >= sentences_per_document and docstart is None and not comments:
                flush()
            continue
        if line.startswith(DOCSTART):
            flush()
            docstart = line
            continue
        found = _DOC_ID.match(line)
        if found:
            flush()
            comments = True
            builder.doc_id = found.group(1).strip()
            continue
        fields = line.rsplit(sep, columns - 1)
        if len(fields) < tag_columns + 1 or not fields[0]:
            result.problems.append(problem(path, number, f"no token and tag in {line[:60]!r}"))
            continue
        tags = fields[-tag_columns:]
        fixed: list[str] = []
        for tag in tags:
            match = _TAG.match(tag)
            if match is None:
                result.problems.append(problem(path, number, f"{tag[:30]!r} is not a tag (O, B-X, I-X); read as O"))
                tag = "O"
            elif match.group(2):
                styles[match.group(2)] += 1
            fixed.append(tag)
        builder.add(fields[0], fields[1:-tag_columns], fixed, number)
    flush()
    tag_sep = styles.most_common(1)[0][0] if styles else "-"
    for n, b in enumerate(builders, 1):
        doc = _document(path, n, b, sep, tag_sep, docstart, columns, result.problems)
        if comments:
            doc.layout["conll"]["doc_boundary"] = "comment"
        result.documents.append(doc)
    return result


def _document(
    path: Path,
    number: int,
    b: _Builder,
    sep: str,
    tag_sep: str,
    docstart: str | None,
    columns: int,
    problems: list[str],
) -> AnnotatedDocument:
    parts: list[str] = []
    tokens: list[tuple[int, int]] = []
    pos = 0
    ends = set(b.sentence_ends)
    for i, token in enumerate(b.tokens):
        if i:
            glue = "\n" if i in ends else " "
            parts.append(glue)
            pos += 1
        parts.append(token)
        tokens.append((pos, pos + len(token)))
        pos += len(token)
    text = "".join(parts)
    spans: list[SpanRecord] = []
    layers: list[list[str]] = []
    scheme = "IOB2"
    for column, tags in enumerate(b.tags):
        found, iob1 = _spans_from_tags(tags, b.sentence_ends, tokens, column, len(spans))
        if iob1:
            scheme = "IOB1"
        elif iob1 is None:
            problems += [
                problem(path, b.lines[i], "I- tag starts a span (read as its beginning)")
                for i in _orphan_starts(tags, b.sentence_ends)
            ]
        spans += found
        layers.append(list(dict.fromkeys(s.label for s in found)))
    layout: dict[str, Any] = {
        "separator": sep,
        "tag_style": "B" + tag_sep,
        "scheme": scheme,
        "tag_columns": len(b.tags),
    }
    if len(b.tags) > 1:
        layout["layers"] = layers
    if docstart is not None:
        layout["docstart"] = docstart
    if columns - len(b.tags) > 1:
        layout["extra_columns"] = b.extra
    doc_id = b.doc_id or f"{path.stem}-{number:04d}"
    return AnnotatedDocument(
        Document(doc_id, text, doc_id, {"source": path.name}),
        spans,
        tokens=tokens,
        layout={"conll": layout},
    )


def _starts(tags: list[str], sentence_ends: list[int]) -> Iterator[tuple[int, str, str]]:
    """(token index, B or I, label) for each token that begins a span."""
    breaks = set(sentence_ends)
    prev: str | None = None  # the label of the span going on; None: no span (never a label)
    for i, tag in enumerate(tags):
        if i in breaks:
            prev = None
        if tag == "O":
            prev = None
            continue
        prefix, label = tag[0], tag[2:]
        if prefix == "B" or label != prev:
            yield i, prefix, label
        prev = label


def _orphan_starts(tags: list[str], sentence_ends: list[int]) -> list[int]:
    return [i for i, prefix, _ in _starts(tags, sentence_ends) if prefix == "I"]


def _spans_from_tags(
    tags: list[str],
    sentence_ends: list[int],
    tokens: list[tuple[int, int]],
    column: int,
    numbered: int,
) -> tuple[list[SpanRecord], bool | None]:
    """The spans, and whether the tags are IOB1 (True), IOB2 (False) or broken IOB2 (None).

    IOB1: spans start with I-, B- only where a span directly follows one of its label.
    """
    starts = list(_starts(tags, sentence_ends))
    breaks = set(sentence_ends)
    spans: list[SpanRecord] = []
    for n, (i, _prefix, label) in enumerate(starts):
        j = i + 1
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(tags)
        while j < stop and j not in breaks and tags[j] != "O":
            j += 1
        spans.append(SpanRecord(f"s{numbered + len(spans) + 1}", label, tokens[i][0], tokens[j - 1][1]))
    i_starts = [(i, p) for i, p, _ in starts if p == "I"]
    if not i_starts:
        return spans, False
    b_not_after_same = any(
        p == "B" and not (i > 0 and i not in breaks and tags[i - 1][2:] == tags[i][2:]) for i, p, _ in starts
    )
    return spans, (None if b_not_after_same else True)


# ---- writing -----------------------------------------------------------------------


def _tag_lines(
    doc: AnnotatedDocument,
    settings: dict[str, Any],
    report: WriteReport,
) -> Iterator[str]:
    text = doc.text
    kept_layout = doc.layout.get("conll", {})
    tokens = list(doc.tokens) if doc.tokens is not None else word_spans(text)
    tokens = [t for t in tokens if text[t[0] : t[1]].strip()]
    breaks = _breaks(text, tokens, doc.tokens is not None)
    layers: list[list[str]] | None = settings["layers"]
    if layers is None:  # one column of every label
        layers = [list(dict.fromkeys(s.label for s in doc.spans))]
    ranges = [_layer_ranges(doc, tokens, breaks, set(labels), report) for labels in layers]
    # the spans written start and end on token edges: a token they start or end inside
    # is split there (_exact.py); the tokens of other texts are the very same
    edges = {edge for layer in ranges for *_, cuts in layer for edge in cuts}
    fine, split = split_tokens(text, tokens, edges)
    kept_count = len(tokens)  # the extra columns kept from an import are one a token before the split
    origin = list(range(len(tokens)))  # the token each one written comes from
    if split:
        report.change(SPLIT, split)
        old_starts = [s for s, _ in tokens]
        origin = [bisect.bisect_right(old_starts, s) - 1 for s, _ in fine]
        new_starts = [s for s, _ in fine]
        breaks = {bisect.bisect_left(new_starts, tokens[i][0]) for i in breaks}
        tokens = fine
    columns = [_layer_tags(tokens, breaks, layer, settings) for layer in ranges]
    in_layers = set(chain.from_iterable(layers))
    report.leave_out("spans whose label is in no tag column", sum(1 for s in doc.spans if s.label not in in_layers))
    if doc.relations:
        report.leave_out("relations (BIO has no place for them)", len(doc.relations))
    attrs = sum(1 for s in doc.spans if s.attributes or s.note)
    report.leave_out("span attributes/notes (BIO has no place for them)", attrs)
    sep = settings["separator"]
    extra = kept_layout.get("extra_columns") if doc.tokens is not None and settings["extra_columns"] else None
    if extra is not None and len(extra) != kept_count:
        extra = None
    if extra is not None and split:
        # the pieces of a split token keep its POS/chunk columns: the reader needs as many
        # columns on every line, and the import had no finer ones
        report.note("POS/chunk columns of a split token repeated on its pieces")
    split_tokens_ = 0
    for i, (start, end) in enumerate(tokens):
        if i in breaks:
            yield ""
        token = text[start:end]
        if "\n" in token or "\r" in token:
            report.leave_out("line breaks inside tokens (written as spaces)")
            token = token.replace("\r", " ").replace("\n", " ")
        tags = [column[i] for column in columns]
        pieces = token.split() if sep in " \t" and len(token.split()) > 1 else [token]
        # readers split lines at white space: a token with a space (PEYMA has them) is
        # written as its words, the tag continuing over them; read back, the text is the same
        split_tokens_ += len(pieces) > 1
        for k, piece in enumerate(pieces):
            piece_tags = tags if k == 0 else [t if t == "O" else "I" + t[1:] for t in tags]
            yield sep.join([piece, *(extra[origin[i]] if extra else ()), *piece_tags])
    if split_tokens_:
        report.note("tokens with spaces written as one line per word")


def _breaks(text: str, tokens: list[tuple[int, int]], kept: bool) -> set[int]:
    """The indices of the tokens that begin a sentence (but the first). Kept tokens (from
    an import) end a sentence at a line break between them; others at hazm's sentence
    starts."""
    if kept:
        return {i for i in range(1, len(tokens)) if "\n" in text[tokens[i - 1][1] : tokens[i][0]]}
    starts = sorted(s for s, _ in sentence_spans(text))
    breaks = set()
    for i in range(1, len(tokens)):
        k = bisect.bisect_right(starts, tokens[i][0])
        if k and starts[k - 1] > tokens[i - 1][0]:
            breaks.add(i)
    return breaks


Range = tuple[int, int, str, tuple[int, int]]  # start, end, label, where tokens are cut for it


def _layer_ranges(
    doc: AnnotatedDocument,
    tokens: list[tuple[int, int]],
    breaks: set[int],
    labels: set[str],
    report: WriteReport,
) -> list[Range]:
    """The character ranges one tag column writes: its spans' exact edges (_exact.py),
    cut at a sentence end, outermost first where they overlap (BIO cannot nest), in
    text order."""
    text = doc.text
    token_starts = [s for s, _ in tokens]
    token_ends = [e for _, e in tokens]
    ranges: list[Range] = []
    for span in doc.spans:
        if span.label not in labels:
            continue
        exact = exact_edges(text, span.start, span.end)
        first, last = token_range(token_starts, token_ends, exact.start, exact.end) if exact else (1, 0)
        if exact is None or first > last:
            report.leave_out("spans covering no token")
            continue
        if exact.moved:
            report.change(WIDENED)
        start, end, cuts = exact.start, exact.end, exact.cuts
        cut = [b for b in breaks if first < b <= last]
        if cut:
            report.leave_out("spans crossing a sentence end (cut at it)")
            end = token_ends[min(cut) - 1]
            cuts = (cuts[0], end)
        ranges.append((start, end, span.label, cuts))
    kept: list[Range] = []
    dropped = 0
    for item in sorted(ranges, key=lambda r: (r[0], -r[1], r[2])):
        if kept and item[0] < kept[-1][1]:
            dropped += 1
            continue
        kept.append(item)
    report.leave_out("nested/overlapping spans (BIO keeps the outermost in each tag column)", dropped)
    return kept


def _layer_tags(
    tokens: list[tuple[int, int]],
    breaks: set[int],
    ranges: list[Range],
    settings: dict[str, Any],
) -> list[str]:
    token_starts = [s for s, _ in tokens]
    token_ends = [e for _, e in tokens]
    tags = ["O"] * len(tokens)
    b, i_ = "B" + settings["tag_style"][1:], "I" + settings["tag_style"][1:]
    iob1 = settings["scheme"] == "IOB1"
    for start, end, label, _cuts in ranges:
        # the tokens were cut at this span's edges: they are its tokens exactly, but for
        # white space or format characters at its ends (a token read as " a")
        first, last = token_range(token_starts, token_ends, start, end)
        follows_same = first > 0 and first not in breaks and tags[first - 1] != "O" and tags[first - 1][2:] == label
        tags[first] = (b if follows_same else i_) + label if iob1 else b + label
        for k in range(first + 1, last + 1):
            tags[k] = i_ + label
    return tags


class Conll:
    name = "conll"
    description = "CoNLL / BIO (IOB2): token per line, tag in the last column"
    extensions: tuple[str, ...] = (".conll", ".bio", ".iob", ".txt")
    can_read = True
    can_write = True

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult:
        options = options or {}
        return read_conll(
            path,
            options.get("separator"),
            int(options.get("tag_columns", 1)),
            int(options.get("sentences_per_document", DEFAULT_SENTENCES_PER_DOCUMENT)),
        )

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        out: Path,
        options: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> WriteReport:
        options = options or {}
        report = WriteReport()
        documents = list(docs)  # the file's layout depends on every document
        settings = file_settings(documents, options, report)
        boundary = settings["doc_boundary"]
        with atomic_text_writer(Path(out)) as handle:
            for doc in documents:
                if boundary == "docstart":
                    handle.write(f"{settings['docstart']}\n\n")
                elif boundary == "comment":
                    handle.write(f"# doc_id = {' '.join(doc.document.id.split())}\n")
                lines = list(_tag_lines(doc, settings, report))
                if lines:
                    handle.write("\n".join(lines) + "\n\n")
                elif boundary == "comment":
                    handle.write("\n")
                if loses_title_or_metadata(doc):
                    report.leave_out("document titles/metadata (BIO keeps only tokens and tags)")
                leave_out_entity_links(doc, report, "BIO has no place for them")
                report.written += 1
                if progress:
                    progress(report.written)
        return report


def _agreed(layouts: list[dict[str, Any]], key: str) -> Any:
    """The value every document read from CoNLL agrees on, else None (also when some
    document was not read from CoNLL: it has no layout to keep)."""
    values = {repr(layout.get(key)) for layout in layouts}
    return layouts[0].get(key) if layouts and len(values) == 1 else None


def file_settings(documents: list[AnnotatedDocument], options: dict[str, Any], report: WriteReport) -> dict[str, Any]:
    """One layout for the whole file, so that standard readers parse every line of it.

    Each setting is the option given, else what every document was read with (a CoNLL
    file comes back line for line), else the standard: space-separated, B-, IOB2, one
    column (`default_layers`), a -DOCSTART- line per document. Where documents were read
    in different layouts, the report says which were not kept.
    """
    layouts = [d.layout.get("conll") for d in documents]
    kept: list[dict[str, Any]] = [x for x in layouts if x] if all(layouts) else []
    mixed = [k for k in ("separator", "tag_style", "layers", "tag_columns") if len({repr(x.get(k)) for x in kept}) > 1]
    if any(layouts) and not all(layouts):
        mixed.append("CoNLL and other documents")
    if mixed:
        report.note(f"documents read in different layouts ({', '.join(mixed)}): all written in one standard layout")
    if options.get("separator") and str(options["separator"]) not in SEPARATORS:
        raise FormatError(f"separator {options['separator']!r}: use space, tab or pipe")
    # tab: conllu splits at tabs (or two spaces), spaCy's convert and seqeval users at any white space
    separator = options.get("separator") or _agreed(kept, "separator") or "\t"
    layers = options.get("layers")
    if layers is None:
        layers = kept[0].get("layers") if kept and _agreed(kept, "tag_columns") and not mixed else None
        if layers is None and not kept:
            layers = options.get("default_layers")
    docstart = _agreed(kept, "docstart")
    boundary = (
        options.get("doc_boundary")
        or _agreed(kept, "doc_boundary")
        or ("none" if kept and docstart is None and not mixed else "docstart")
    )
    if boundary not in ("docstart", "comment", "none"):
        raise FormatError(f"document boundary {boundary!r}: use docstart, comment or none")
    settings = {
        "separator": SEPARATORS.get(str(separator), "\t"),
        "tag_style": str(options.get("tag_style") or _agreed(kept, "tag_style") or "B-"),
        "scheme": str(options.get("scheme") or _agreed(kept, "scheme") or "IOB2"),
        "layers": None if layers in (None, "all") else layers,
        "extra_columns": bool(kept) and all("extra_columns" in x for x in kept) and not mixed,
        "doc_boundary": boundary,
        "docstart": docstart,
    }
    if not docstart:  # "-DOCSTART- O", as many O as tag columns: every line has the same columns
        columns = len(settings["layers"]) if settings["layers"] else 1
        settings["docstart"] = settings["separator"].join([DOCSTART, *["O"] * columns])
    if settings["tag_style"] not in ("B-", "B_"):
        raise FormatError(f"tag style {settings['tag_style']!r}: use B- or B_")
    return settings


PROVIDES = (Conll(),)
