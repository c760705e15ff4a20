"""Which format a file is in, from its name and its content (what `--format auto` reads).

A file that carries annotations must never be read as plain articles: its labels would be
dropped, and importing it again with the right format would add every text a second time.
So the content decides, not the extension alone: the first JSON values of a `.json` /
`.jsonl` file (doccano's `label` triples or `entities`, Label Studio's `data`, spaCy's
`spans`/`ents`, our own annotation objects), the token/tag lines of a CoNLL file named
`.txt`, a brat `.ann` beside a `.txt`. When a file holds annotation fields in a shape none
of these has, the guess is *uncertain* and says why; the importer then leaves the file out
and asks for a format instead of taking only its text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..reading import read_head
from ..textfile import MAX_SOURCE_BYTES

# fields that hold annotations in other tools' files (as importers.base.ANNOTATION_FIELDS)
_ANNOTATION_FIELDS = ("spans", "ents", "entities", "label", "labels", "annotations", "predictions", "relations")
_CONLL_NAMES = (".conll", ".bio", ".iob", ".iob2")
_TAG = re.compile(r"^(?:O|[BIES][-_]\S+)$")
_DOC_ID = re.compile(r"^# ?doc_id ?= ?.")  # a document's first line, as conll.py reads and writes it
_SAMPLE_VALUES = 50  # JSON values looked at (a line each in JSON Lines)
_SAMPLE_LINES = 2000  # lines of a text file looked at (as the CoNLL reader's separator guess)


@dataclass(frozen=True)
class Detection:
    """`name`: the interchange format (formats.FORMATS) the file is in, or None for plain
    articles. `certain` False: the file seems to hold annotations no format here is sure
    to read (`name` None) -- importing only its text would lose them. `why` says what was
    seen, for the import report."""

    name: str | None
    certain: bool = True
    why: str = ""


def detect(path: Path) -> Detection:
    """The format of a file or folder, from its name and first bytes."""
    path = Path(path)
    if path.is_dir():
        if any(path.glob("*.ann")):
            return Detection("brat", why="the folder has .ann files")
        if any(path.glob("*.annotations.json")):
            return Detection("json", why="the folder has .annotations.json files")
        return Detection(None)
    name = path.name.lower()
    if name.endswith(".annotations.json"):
        return Detection("json", why="an annotator annotation file")
    if name.endswith((".ann", ".conf")):
        return Detection("brat", why="a brat file")
    if name.endswith(_CONLL_NAMES):
        return Detection("conll", why="by its name")
    head = _head(path)
    if name.endswith(".tsv") and head.startswith("#FORMAT=WebAnno"):
        return Detection("webanno", why="its first line is #FORMAT=WebAnno")
    if name.endswith((".json", ".jsonl", ".ndjson", ".jsonlines")):
        return _detect_json(path, head)
    if name.endswith(".txt") and path.with_suffix(".ann").exists():
        return Detection("brat", why="a .ann file beside it")
    if name.endswith((".txt", ".tsv")):
        found = _detect_token_lines(head)
        if found.name is not None or not found.certain or not name.endswith(".tsv"):
            return found
    if name.endswith((".csv", ".tsv")):
        return _detect_span_table(head)
    return Detection(None)


def _detect_span_table(head: str) -> Detection:
    """A table of spans (our `export --format csv`: document_id, label, start, end ...) is
    not articles: read as CSV articles, each span's text would become a document."""
    import csv

    first = head.split("\n", 1)[0].strip()
    try:
        header = next(csv.reader([first], csv.Sniffer().sniff(first, ",;\t")))
    except (csv.Error, StopIteration):
        return Detection(None)
    columns = {c.strip().lower() for c in header}
    if {"label", "start", "end"} <= columns:
        return Detection(
            None,
            False,
            "it is a table of spans (label, start, end; what export --format csv writes), which no format"
            " here reads back: import the project's jsonl or json export instead",
        )
    return Detection(None)


# ---- JSON ---------------------------------------------------------------------------------


def _detect_json(path: Path, head: str) -> Detection:
    values = list(_json_values(head.lstrip()))
    if not values:  # the head cuts the first value (one article of more than 64 KB): read on,
        # and look at as many values as when they fit (not the first alone: a long article
        # first must not hide the labels of the records after it)
        values = list(_json_values(_head(path, MAX_SOURCE_BYTES).lstrip()))
    kinds: dict[str, str] = {}  # kind -> why, in the order first seen
    for value in values:
        kind, why = _kind(value)
        kinds.setdefault(kind, why)
    known = [k for k in kinds if k not in ("plain", "unknown")]
    if len(known) == 1:
        return Detection(known[0], why=kinds[known[0]])
    if len(known) > 1:
        return Detection(None, False, "its records look like " + " and ".join(known) + " at once")
    if "unknown" in kinds:
        return Detection(None, False, kinds["unknown"])
    return Detection(None)


def _json_values(text: str) -> Iterator[Any]:
    """The first JSON values of `text`: the lines of JSON Lines, or the items of an array
    (a whole array that fits is its items; one cut by the head gives the items before the cut)."""
    decoder = json.JSONDecoder()
    array = text.startswith("[")
    pos = 1 if array else 0
    for _ in range(_SAMPLE_VALUES):
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return
        yield value


def _kind(value: Any) -> tuple[str, str]:
    """What one record is: our own, labelstudio, doccano, spacy, plain (an article) or
    unknown (annotation fields in another shape), and what showed it."""
    if not isinstance(value, dict):
        return "plain", ""
    if value.get("format") == "annotator/annotations":
        return "jsonl", "its records are annotator annotation objects"
    if isinstance(value.get("data"), dict):
        return "labelstudio", "its tasks have data (and annotations)"
    fields = [k for k in value if str(k).lower() in _ANNOTATION_FIELDS and value[k] not in (None, "")]
    if not fields:
        return "plain", ""
    if isinstance(value.get("text"), str):
        if _doccano(value):
            return "doccano", "its records have text and " + ("entities" if "entities" in value else "label")
        if _spacy(value):
            return "spacy", "its records have text and spans/ents with start, end, label"
    shown = ", ".join(map(str, fields))
    return "unknown", f"it has annotation fields ({shown}) in a shape no format here reads for certain"


def _doccano(value: dict[str, Any]) -> bool:
    if "entities" in value:
        entities, relations = value["entities"], value.get("relations", [])
        return (
            isinstance(entities, list)
            and all(isinstance(e, dict) and {"start_offset", "end_offset", "label"} <= e.keys() for e in entities)
            and isinstance(relations, list)
        )
    if any(k in value for k in ("spans", "ents", "annotations", "predictions")):
        return False
    labels = value.get("label", value.get("labels"))
    return isinstance(labels, list) and all(
        isinstance(t, list) and len(t) == 3 and isinstance(t[0], int) and isinstance(t[1], int) for t in labels
    )


def _spacy(value: dict[str, Any]) -> bool:
    if any(k in value for k in ("entities", "label", "labels", "annotations", "predictions")):
        return False
    lists: list[Any] = []
    for key in ("spans", "ents"):
        item = value.get(key)
        if isinstance(item, dict) and key == "spans":  # Doc.to_json(): span groups (its ents are a list)
            lists += [v for v in item.values() if isinstance(v, list)]
            if not all(isinstance(v, list) for v in item.values()):
                return False
        elif isinstance(item, list):
            lists.append(item)
        elif item is not None:
            return False
    return bool(lists) and all(
        isinstance(s, dict) and {"start", "end", "label"} <= s.keys() for items in lists for s in items
    )


# ---- token-per-line text ------------------------------------------------------------------


def _detect_token_lines(head: str) -> Detection:
    """CoNLL/BIO when nearly every line of the head is "token SEP tag" (a `.txt` corpus such
    as Arman or PEYMA); uncertain when many are; plain text otherwise."""
    # white space after the tag means nothing, as to the reader (and a file whose lines all
    # end in a space is still CoNLL); document boundaries are not token lines
    lines = [ln.rstrip() for ln in head.split("\n")[:_SAMPLE_LINES][:-1]]
    lines = [ln for ln in lines if ln and not ln.startswith("-DOCSTART-") and not _DOC_ID.match(ln)]
    if not lines:
        return Detection(None)
    tagged = sum(1 for ln in lines if _tagged(ln))
    share = tagged / len(lines)
    if share >= 0.9:
        return Detection("conll", why=f"{share:.0%} of its first lines are token and tag")
    if share >= 0.5:
        return Detection(None, False, f"{share:.0%} of its first lines look like CoNLL token and tag lines")
    return Detection(None)


def _tagged(line: str) -> bool:
    return any(sep in line and _TAG.match(line.rsplit(sep, 1)[1]) for sep in ("\t", "|", " "))


def _head(path: Path, size: int = 65536) -> str:
    try:
        return read_head(path, size).decode("utf-8-sig", errors="replace")
    except (OSError, ValueError):  # the reader itself says what is wrong with the file
        return ""
