"""What every article importer returns, and the field names articles come with."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class SourceError(Exception):
    """A source that cannot be read at all; the message names it and says why."""


@dataclass
class Article:
    """One article as read, before normalization. `text` is what gets annotated."""

    text: str
    title: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)  # url, date, tags, source ...
    name: str = ""  # a hint for the document id (the file name, the record's id)
    unread: str = ""  # a problem: the record's annotation fields, which an article import leaves out
    # the source file's text as decoded (BOM, CRs, outer blank space kept) and the
    # persian.normalize.OffsetMap from it to `text`, when they differ (txt files)
    as_in_file: str = ""
    file_map: Any = None


@dataclass
class SourceResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "FILE: item 3: message"
    encoding: str = ""


# the usual field names, in order of preference (compared case-insensitively)
TITLE_FIELDS = ("title", "headline", "heading", "subject", "name")
TEXT_FIELDS = ("text", "body", "content", "article", "story", "full_text", "fulltext")
PARAGRAPH_FIELDS = ("paragraphs", "paras", "body_paragraphs")
LEAD_FIELDS = ("abstract", "lead", "summary", "description", "intro")
URL_FIELDS = ("url", "link", "href", "source_url", "canonical_url")
DATE_FIELDS = ("date", "published", "published_at", "publish_date", "pubdate", "datetime", "time")
TAG_FIELDS = ("tags", "keywords")
ID_FIELDS = ("id", "_id", "guid", "doc_id", "document_id", "news_id")
# long text fields not chosen are not copied into the metadata
_BULK = {*TEXT_FIELDS, *PARAGRAPH_FIELDS}


def clean_text(text: str) -> str:
    """Line endings made "\\n", outer blank space dropped; nothing else touched."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def clean_text_mapped(as_in_file: str, strip: bool = True) -> tuple[str, Any]:
    """clean_text of a file's text as decoded (a leading U+FEFF, the BOM, dropped too),
    and the persian.normalize.OffsetMap from `as_in_file` to it (None when they are equal).
    `strip` False keeps the outer blank space (what the window reads of an article file).

    The BOM, the CR of each CRLF and the outer blank space are deletions; a lone CR made
    "\\n" is a one-character change; everything else maps one to one.
    """
    from ...persian.normalize import OffsetMap

    bom = 1 if as_in_file.startswith("\ufeff") else 0
    body = as_in_file[bom:]
    text = clean_text(body) if strip else body.replace("\r\n", "\n").replace("\r", "\n")
    if text == as_in_file:
        return text, None
    first = bom + len(body) - len(body.lstrip()) if strip else bom  # what is kept: [first, last)
    last = bom + len(body.rstrip()) if strip else len(as_in_file)
    edits: list[tuple[int, int, int]] = []  # (file start, length, length in the text)
    if first > 0:
        edits.append((0, first, 0))
    edits += _crs(as_in_file, first, last)
    if last < len(as_in_file) and last >= first:
        edits.append((last, len(as_in_file) - last, 0))
    changes: list[tuple[int, int, int, int]] = []
    shift = 0  # the text's offset minus the file's, before the edit
    for start, length, kept in edits:
        if changes and changes[-1][0] + changes[-1][1] == start and changes[-1][3] == kept == 0:
            # deletions side by side (the BOM and a blank line) are one block
            os_, ol, ns, nl = changes.pop()
            changes.append((os_, ol + length, ns, nl + kept))
        else:
            changes.append((start, length, start + shift, kept))
        shift += kept - length
    return text, OffsetMap(changes, len(as_in_file), len(text))


def _crs(text: str, first: int, last: int) -> list[tuple[int, int, int]]:
    """The CRs kept between `first` and `last`: deleted before a LF, else made a LF."""
    out = []
    at = text.find("\r", first, last)
    while at >= 0:
        out.append((at, 1, 0 if text.startswith("\n", at + 1) else 1))
        at = text.find("\r", at + 1, last)
    return out


def _pick(record: Mapping[str, Any], names: tuple[str, ...]) -> tuple[str, Any] | None:
    lowered = {str(k).lower(): k for k in record}
    for name in names:
        key = lowered.get(name)
        if key is not None and record[key] not in (None, "", []):
            return key, record[key]
    return None


def _paragraphs(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            found = _pick(item, TEXT_FIELDS)
            item = found[1] if found else ""
        if isinstance(item, str) and item.strip():
            out.append(clean_text(item))
    return out


def _scalar(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return list(value)
    return None


def article_from_record(record: Any, where: str) -> Article | str:
    """An Article from a JSON object or CSV row with the usual field names, or a problem.

    The text is `text`/`body`/`content` (or a `paragraphs` list, one paragraph a line),
    preceded by the lead (`abstract`, `summary` ...) as the first paragraph when there is
    one that the body does not already start with.
    """
    if not isinstance(record, Mapping):
        return f"{where}: not an object with article fields"
    used: set[str] = set()
    paragraphs: list[str] = []
    found = _pick(record, TEXT_FIELDS) or _pick(record, PARAGRAPH_FIELDS)
    if found is not None:
        used.add(found[0])
        paragraphs = _paragraphs(found[1])
    if not paragraphs:
        looked = "/".join(TEXT_FIELDS[:3] + PARAGRAPH_FIELDS[:1])
        return f"{where}: no article text (looked for {looked})"
    lead = _pick(record, LEAD_FIELDS)
    if lead is not None and isinstance(lead[1], str) and lead[1].strip():
        used.add(lead[0])
        first = clean_text(lead[1])
        if not paragraphs[0].startswith(first):
            paragraphs.insert(0, first)
    metadata: dict[str, Any] = {}
    title = ""
    if (got := _pick(record, TITLE_FIELDS)) is not None:
        used.add(got[0])
        title = " ".join(str(got[1]).split())
    fields: tuple[tuple[str, tuple[str, ...]], ...] = (("url", URL_FIELDS), ("date", DATE_FIELDS))
    for key, names in fields:
        if (got := _pick(record, names)) is not None:
            used.add(got[0])
            metadata[key] = str(got[1]).strip()
    if (got := _pick(record, TAG_FIELDS)) is not None:
        used.add(got[0])
        value = got[1]
        tags = value if isinstance(value, list) else re.split(r"[,،;]", str(value))
        metadata["tags"] = [str(t).strip() for t in tags if str(t).strip()]
    name = ""
    if (got := _pick(record, ID_FIELDS)) is not None:
        used.add(got[0])
        name = str(got[1])
        metadata["source_id"] = name
    for key, value in record.items():
        if key in used or str(key).lower() in _BULK:
            continue
        kept = _scalar(value)
        if kept not in (None, "", []):
            metadata[str(key)] = kept
    return Article("\n".join(paragraphs), title, metadata, name, unread_annotations(record, where))


# Fields that hold annotations in other tools' files (spaCy/Prodigy, doccano, Label Studio,
# ours); an article importer does not read them and says so instead of dropping them.
ANNOTATION_FIELDS = ("spans", "ents", "entities", "label", "labels", "annotations", "predictions", "relations")


def unread_annotations(record: Any, where: str) -> str:
    """A problem naming the annotation-like fields of `record` an article import leaves out."""
    if not isinstance(record, Mapping):
        return ""
    found = [k for k, v in record.items() if str(k).lower() in ANNOTATION_FIELDS and isinstance(v, list | dict) and v]
    if not found:
        return ""
    return (
        f"{where}: {', '.join(map(str, found))} not read: an article import takes the text only "
        "(its annotations come with the format spacy, doccano, labelstudio or jsonl, chosen in "
        "File > Import or with --format; imported again that way it is added as another document)"
    )


def problem(path: Path, message: str) -> str:
    return f"{path}: {message}"


# ---- streaming big dumps -------------------------------------------------------------------

# the largest article an import takes (one JSON Lines line, one CSV cell, one text file);
# a dump of any size is read article by article (docs/projects.md)
MAX_ARTICLE_BYTES = 100 * 2**20

# (fraction of the file read, an article or a problem line)
Streamed = tuple[float, "Article | str"]


def too_large_article(where: str, size: int) -> str:
    return (
        f"{where}: an article of {size / 2**20:,.0f} MB is more than the "
        f"{MAX_ARTICLE_BYTES // 2**20} MB annotator takes for one article; left out"
    )


def streamable_utf8(path: Path) -> bool:
    """Whether a file can be read as a stream of UTF-8 (with or without a BOM): no UTF-16
    or UTF-32 mark, no NUL in its first 64 KB and that stretch decodes (a character cut at
    the end of the stretch allowed). Other encodings are read whole, as before."""
    import codecs

    from ..reading import NotRegularFile, read_head

    try:  # a FIFO or a device is not streamed: the whole-file reader refuses it by name
        head = read_head(path, 1 << 16)
    except (OSError, NotRegularFile):
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True
