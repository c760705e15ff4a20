"""brat standoff: ID.txt + ID.ann per document, annotation.conf for the folder.

Offsets are code points over the .txt file as brat reads it: UTF-8 with a byte-order mark
kept as the character U+FEFF at offset 0, and no newline conversion (CR counted). Our
document's text drops that BOM, so offsets after it move back by one. Mapping:

- `T1<TAB>Label START END<TAB>text` <-> a span (discontinuous `START END;START END` is
  not read: reported);
- `R1<TAB>Type Arg1:T1 Arg2:T2` <-> a relation (Arg1 is the source);
- `E1<TAB>Type:T3 Role:T1 ...` (events) -> relations of type Role from the trigger span
  T3 to each argument (an argument that is an event stands for its trigger);
- `*<TAB>Alias T1 T2 T3` (equivalences) -> a chain of relations T1->T2, T2->T3;
- `A1<TAB>Name T1 [Value]` <-> attribute Name = Value (True for a binary attribute);
  an attribute on an event goes to its trigger;
- `#1<TAB>AnnotatorNotes T1<TAB>note` <-> the span's note (notes on relations are
  reported, not kept: our relations carry no note).

Written: T, R, A and # lines, and an annotation.conf listing the labels, relation types
and attributes used.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ...model import Document
from .base import (
    AnnotatedDocument,
    FormatError,
    Progress,
    ReadResult,
    RelationRecord,
    SpanRecord,
    WriteReport,
    atomic_text_writer,
    check_span,
    leave_out_entity_links,
    loses_title_or_metadata,
    problem,
    read_utf8,
)
from .jsonl import safe_file_stem


def read_document(txt: Path, ann: Path, problems: list[str]) -> AnnotatedDocument:
    # brat opens the .txt with codecs.open(..., encoding="utf8"): a BOM stays a character
    # and every offset in the .ann counts it (server/src/annotation.py, open_textfile)
    brat_text = read_utf8(txt, keep_bom=True)
    bom = 1 if brat_text.startswith("\ufeff") else 0
    text = brat_text[bom:]
    doc = AnnotatedDocument(Document(txt.stem, text, "", {}))
    spans: dict[str, SpanRecord] = {}
    triggers: dict[str, str] = {}  # event id -> its trigger span id
    pending: list[tuple[int, str, list[str]]] = []  # lines that refer to others: after T/E
    lines = read_utf8(ann).split("\n") if ann.exists() else []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0]
        where = (ann, number)
        if ident.startswith("T"):
            span = _text_bound(fields, brat_text, where, problems, bom)
            if span is not None:
                if span.id in spans:
                    problems.append(problem(ann, number, f"duplicate id {span.id}"))
                else:
                    spans[span.id] = span
        elif ident.startswith("E") and len(fields) >= 2:
            parts = fields[1].split()
            trigger = parts[0].split(":", 1)[-1] if parts else ""
            triggers[ident] = trigger
            pending.append((number, ident, fields))
        elif ident[:1] in ("R", "*", "A", "M", "#", "N"):
            pending.append((number, ident, fields))
        else:
            problems.append(problem(ann, number, f"cannot read {line[:60]!r}"))
    doc.spans = list(spans.values())

    def resolve(ref: str) -> str | None:
        ref = triggers.get(ref, ref)
        return ref if ref in spans else None

    relation_ids: set[str] = set()

    def add_relation(rel_id: str, rel_type: str, source: str, target: str) -> None:
        doc.relations.append(RelationRecord(rel_id, rel_type, source, target))
        relation_ids.add(rel_id)

    for number, ident, fields in pending:
        parts = fields[1].split() if len(fields) > 1 else []
        if ident.startswith("R") and len(parts) == 3:
            args = [p.split(":", 1)[-1] for p in parts[1:]]
            ends = [resolve(a) for a in args]
            if None in ends:
                problems.append(problem(ann, number, f"{ident} refers to a missing span"))
                continue
            add_relation(ident, parts[0], str(ends[0]), str(ends[1]))
        elif ident.startswith("E") and parts:
            event_trigger = resolve(triggers[ident])
            if event_trigger is None:
                problems.append(problem(ann, number, f"{ident}: its trigger is missing"))
                continue
            for n, arg in enumerate(parts[1:], 1):
                role, _, ref = arg.partition(":")
                target = resolve(ref)
                if target is None:
                    problems.append(problem(ann, number, f"{ident}: {ref} is missing"))
                    continue
                add_relation(f"{ident}-{n}", role.rstrip("0123456789") or role, event_trigger, target)
        elif ident == "*" and len(parts) >= 3:
            members = [resolve(p) for p in parts[1:]]
            if None in members:
                problems.append(problem(ann, number, "an equivalence refers to a missing span"))
                continue
            for n, (a, b) in enumerate(itertools.pairwise(members), 1):
                add_relation(f"*{number}-{n}", parts[0], str(a), str(b))
        elif ident[:1] in ("A", "M") and len(parts) in (2, 3):
            target = resolve(parts[1])
            if target is None:
                problems.append(problem(ann, number, f"{ident} refers to a missing span"))
                continue
            spans[target].attributes[parts[0]] = parts[2] if len(parts) == 3 else True
        elif ident.startswith("#") and len(parts) >= 2:
            note = fields[2] if len(fields) > 2 else ""
            target = resolve(parts[1])
            if target is not None:
                spans[target].note = note
            elif parts[1] in relation_ids:
                problems.append(problem(ann, number, f"a note on relation {parts[1]} is not kept"))
            else:
                problems.append(problem(ann, number, f"{ident} refers to a missing annotation"))
        elif ident.startswith("N"):
            problems.append(problem(ann, number, "normalizations (N lines) are not read"))
        else:
            problems.append(problem(ann, number, f"cannot read {' '.join(fields)[:60]!r}"))
    return doc


def _text_bound(
    fields: list[str], text: str, where: tuple[Path, int], problems: list[str], bom: int = 0
) -> SpanRecord | None:
    """The span of a T line; `text` is the .txt as brat counts it, `bom` 1 when it starts
    with a BOM our text drops (the span is moved back over it)."""
    file, number = where
    parts = fields[1].split(" ", 1) if len(fields) > 1 else []
    if len(parts) != 2:
        problems.append(problem(file, number, "a T line needs a label and offsets"))
        return None
    label, offsets = parts
    if ";" in offsets:
        problems.append(problem(file, number, "discontinuous spans are not supported"))
        return None
    try:
        start, end = (int(x) for x in offsets.split())
    except ValueError:
        problems.append(problem(file, number, f"offsets {offsets!r} are not two numbers"))
        return None
    why = check_span(text, start, end)
    if why:
        problems.append(problem(file, number, why))
        return None
    if len(fields) > 2 and fields[2] != _one_line(text[start:end]):
        problems.append(
            problem(
                file,
                number,
                f"says {fields[2][:40]!r} but the text has {text[start:end][:40]!r} (kept)",
            )
        )
    if bom and end <= bom:
        problems.append(problem(file, number, "the span covers only the byte-order mark; left out"))
        return None
    return SpanRecord(fields[0], label, max(start - bom, 0), end - bom)


def _one_line(text: str) -> str:
    return text.replace("\n", " ").replace("\r", " ").replace("\t", " ")


class Brat:
    name = "brat"
    writes_folder = True  # one file per document: the window asks for a folder's name
    description = "brat standoff: ID.txt and ID.ann per document, plus annotation.conf"
    extensions: tuple[str, ...] = (".ann",)
    can_read = True
    can_write = True

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult:
        path = Path(path)
        if path.is_dir():
            texts = sorted(path.rglob("*.txt"))
        elif path.suffix in (".ann", ".txt"):
            texts = [path.with_suffix(".txt")]
        else:
            return ReadResult([], [problem(path, None, "not a brat .ann/.txt file or folder")])
        result = ReadResult([])
        for txt in texts:
            ann = txt.with_suffix(".ann")
            if not ann.exists():
                result.problems.append(problem(txt, None, "no .ann file beside it (no spans)"))
            try:
                result.documents.append(read_document(txt, ann, result.problems))
            except FormatError as exc:
                result.problems.append(str(exc))
        return result

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        out: Path,
        options: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> WriteReport:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        report = WriteReport()
        labels: dict[str, None] = {}
        relations: dict[str, tuple[set[str], set[str]]] = {}
        attributes: dict[str, set[str]] = {}
        taken: set[str] = set()
        for doc in docs:
            stem = safe_file_stem(doc.document.id, taken)
            with atomic_text_writer(out / f"{stem}.txt") as handle:
                handle.write(doc.text)
            with atomic_text_writer(out / f"{stem}.ann") as handle:
                handle.write(_ann(doc, report, labels, relations, attributes))
            if loses_title_or_metadata(doc):
                report.leave_out("document titles/metadata (brat keeps only the text)")
            leave_out_entity_links(doc, report)
            report.written += 1
            if progress:
                progress(report.written)
        with atomic_text_writer(out / "annotation.conf") as handle:
            handle.write(_conf(labels, relations, attributes))
        return report


def _ann(
    doc: AnnotatedDocument,
    report: WriteReport,
    labels: dict[str, None],
    relation_types: dict[str, tuple[set[str], set[str]]],
    attributes: dict[str, set[str]],
) -> str:
    text = doc.text
    lines: list[str] = []
    t_of: dict[str, str] = {}
    label_of: dict[str, str] = {}
    a_number = note_number = 0
    for n, span in enumerate(sorted(doc.spans, key=lambda s: (s.start, -s.end, s.id)), 1):
        tid = f"T{n}"
        t_of[span.id] = tid
        label = _name(span.label, report)
        label_of[span.id] = label
        labels[label] = None
        lines.append(f"{tid}\t{label} {span.start} {span.end}\t{_one_line(text[span.start : span.end])}")
        for key, value in sorted(span.attributes.items()):
            a_number += 1
            name = _name(key, report)
            values = attributes.setdefault(name, set())
            if value is True:
                lines.append(f"A{a_number}\t{name} {tid}")
            elif value is False or value is None:
                report.leave_out("false/empty attributes (brat has no way to say 'off')")
            else:
                written = _name(str(value), report)
                values.add(written)
                lines.append(f"A{a_number}\t{name} {tid} {written}")
        if span.note:
            note_number += 1
            lines.append(f"#{note_number}\tAnnotatorNotes {tid}\t{_one_line(span.note)}")
    for n, rel in enumerate(doc.relations, 1):
        if rel.source not in t_of or rel.target not in t_of:
            report.leave_out("relations to missing spans")
            continue
        rtype = _name(rel.type, report)
        sources, targets = relation_types.setdefault(rtype, (set(), set()))
        sources.add(label_of[rel.source])
        targets.add(label_of[rel.target])
        lines.append(f"R{n}\t{rtype} Arg1:{t_of[rel.source]} Arg2:{t_of[rel.target]}\t")
    return "".join(line + "\n" for line in lines)


def _name(value: str, report: WriteReport | None = None) -> str:
    """brat types and values are single words: whitespace becomes '_' (and is counted)."""
    name = "_".join(value.split()) or "_"
    if report is not None and name != value:
        report.leave_out("labels/attribute values with spaces (written with '_')")
    return name


def _conf(
    labels: dict[str, None],
    relations: dict[str, tuple[set[str], set[str]]],
    attributes: dict[str, set[str]],
) -> str:
    lines = ["# written by annotator", "", "[entities]", "", *labels, "", "[relations]", ""]
    # spans of any labels may nest, be equal or cross (claims contain actors); without this
    # rule brat refuses them (projectconfig.py, overlap_types: "<ANY>" allows all three)
    lines.append("<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>")
    for rtype, (sources, targets) in relations.items():
        lines.append(f"{rtype}\tArg1:{'|'.join(sorted(sources))}, Arg2:{'|'.join(sorted(targets))}")
    lines += ["", "[events]", "", "[attributes]", ""]
    for name, values in attributes.items():
        spec = "Arg:<ENTITY>" + (f", Value:{'|'.join(sorted(values))}" if values else "")
        lines.append(f"{name}\t{spec}")
    return "\n".join(lines) + "\n"


PROVIDES = (Brat(),)
