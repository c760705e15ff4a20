"""What io reports of an import or an export, said in the interface's language.

io is free of Qt and writes its reports in English (the command line prints them as they
are): an export's WriteReport counts what the format changed, left out or must note under
fixed English phrases, and an import's problems are lines "SOURCE: message". The window
translates them here, at the boundary, by their English text: each phrase, or template
with `{}` where io puts a value (a file, a layer's name, a count), is a key of the table
below, said again through tr(). A phrase the table does not know is shown as io wrote it,
isolated (an English line keeps its order in a Persian message). tests/gui/
test_io_messages.py reads every phrase io's writers can report from their source, so a
new one without a translation fails there. A Persian coder read an export's whole summary
and an import's problems in English.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QObject

from ..io.catalog import ImportReport
from ..io.formats.base import WriteReport
from .bidi import isolated
from .theme import counted, current_language, number


class IoMessages(QObject):
    """The translations' context (lupdate finds the tr() calls of this class)."""

    def phrases(self) -> dict[str, str]:
        """{io's English phrase or template: its translation, %1, %2 ... for the `{}`}."""
        return {
            # an export: what the format changed so that the file holds what was tagged
            "tokens split at span edges so that the spans are exact": self.tr(
                "tokens split at span edges so that the spans are exact"
            ),
            "span edges inside a character moved to the character's edge": self.tr(
                "span edges inside a character moved to the character's edge"
            ),
            # an export: what the format could not hold (after "left out: N")
            "document titles/metadata (the format has no place for them)": self.tr(
                "document titles/metadata (the format has no place for them)"
            ),
            "document titles/metadata (brat keeps only the text)": self.tr(
                "document titles/metadata (brat keeps only the text)"
            ),
            "document titles/metadata (BIO keeps only tokens and tags)": self.tr(
                "document titles/metadata (BIO keeps only tokens and tags)"
            ),
            "document titles/metadata (the file name is the document id)": self.tr(
                "document titles/metadata (the file name is the document id)"
            ),
            "labels/attribute values with spaces (written with '_')": self.tr(
                "labels/attribute values with spaces (written with '_')"
            ),
            "false/empty attributes (brat has no way to say 'off')": self.tr(
                "false/empty attributes (brat has no way to say 'off')"
            ),
            "relations to missing spans": self.tr("relations to missing spans"),
            "relations to spans not written": self.tr("relations to spans not written"),
            "relations (BIO has no place for them)": self.tr("relations (BIO has no place for them)"),
            "relations (no place in one-row-per-span CSV)": self.tr("relations (no place in one-row-per-span CSV)"),
            "relations (the doccano label variant has none)": self.tr("relations (the doccano label variant has none)"),
            "relations (no place in spaCy JSONL)": self.tr("relations (no place in spaCy JSONL)"),
            "spans whose label is in no tag column": self.tr("spans whose label is in no tag column"),
            "spans covering no token": self.tr("spans covering no token"),
            "spans crossing a sentence end (cut at it)": self.tr("spans crossing a sentence end (cut at it)"),
            "nested/overlapping spans (BIO keeps the outermost in each tag column)": self.tr(
                "nested/overlapping spans (BIO keeps the outermost in each tag column)"
            ),
            "nested/overlapping spans (ents keep the outermost)": self.tr(
                "nested/overlapping spans (ents keep the outermost)"
            ),
            "span attributes/notes (BIO has no place for them)": self.tr(
                "span attributes/notes (BIO has no place for them)"
            ),
            "span attributes/notes (doccano has no place for them)": self.tr(
                "span attributes/notes (doccano has no place for them)"
            ),
            "span attributes/notes (no place in spaCy JSONL)": self.tr(
                "span attributes/notes (no place in spaCy JSONL)"
            ),
            "span attributes/notes (one feature: the label)": self.tr("span attributes/notes (one feature: the label)"),
            "span attributes/notes the layer has no feature for": self.tr(
                "span attributes/notes the layer has no feature for"
            ),
            "span labels (the layer {} has no feature)": self.tr("span labels (the layer %1 has no feature)"),
            "relation types (the layer {} has no feature)": self.tr("relation types (the layer %1 has no feature)"),
            "line breaks inside tokens (written as spaces)": self.tr("line breaks inside tokens (written as spaces)"),
            "metadata named id or title (meta.id/meta.title are the document's)": self.tr(
                "metadata named id or title (meta.id/meta.title are the document's)"
            ),
            "documents' text between or after sentences (WebAnno keeps sentences only: it reads back as line "
            "breaks, a CR or space there as a line break, the end as nothing)": self.tr(
                "documents' text between or after sentences (WebAnno keeps sentences only: it reads back as line "
                "breaks, a CR or space there as a line break, the end as nothing)"
            ),
            "entity links of mentions ({})": self.tr("entity links of mentions (%1)"),
            # ... and why (io/formats/base.py leave_out_entity_links)
            "the format has no place for them": self.tr("the format has no place for them"),
            "BIO has no place for them": self.tr("BIO has no place for them"),
            "no place in spaCy JSONL": self.tr("no place in spaCy JSONL"),
            "one feature: the label": self.tr("one feature: the label"),
            # an export: what the file's reader must know
            "nested or overlapping spans: doccano keeps them only in a project that allows overlapping spans": (
                self.tr(
                    "nested or overlapping spans: doccano keeps them only in a project that allows overlapping spans"
                )
            ),
            "POS/chunk columns of a split token repeated on its pieces": self.tr(
                "POS/chunk columns of a split token repeated on its pieces"
            ),
            "tokens with spaces written as one line per word": self.tr(
                "tokens with spaces written as one line per word"
            ),
            "documents read in different layouts ({}): all written in one standard layout": self.tr(
                "documents read in different layouts (%1): all written in one standard layout"
            ),
            # an import: a source's problems (io/importers), the usual ones
            "{}: no such file or folder": self.tr("%1: no such file or folder"),
            "{}: no file to import in this folder": self.tr("%1: no file to import in this folder"),
            "{}: nothing to import in this file": self.tr("%1: nothing to import in this file"),
            "{}: the file is empty": self.tr("%1: the file is empty"),
            "{}: cannot import: {}": self.tr("%1: cannot import: %2"),
            "{}: cannot read: {}": self.tr("%1: cannot read: %2"),
            "{}: not an object with article fields": self.tr("%1: not an object with article fields"),
            "{}: no article text (looked for {})": self.tr("%1: no article text (looked for %2)"),
            "{}: row {}: no text in column {}": self.tr("%1: row %2: no text in column %3"),
            "{}: no visible article text": self.tr("%1: no visible article text"),
            "{}: not valid JSON (line {}, column {}: {}); that line was not imported": self.tr(
                "%1: not valid JSON (line %2, column %3: %4); that line was not imported"
            ),
            "{}: not valid JSON (line {}, column {}: {}); nothing was imported from this file": self.tr(
                "%1: not valid JSON (line %2, column %3: %4); nothing was imported from this file"
            ),
            "{}: not UTF-8 text (byte {} of the line)": self.tr("%1: not UTF-8 text (byte %2 of the line)"),
            "{}: no text left after normalization": self.tr("%1: no text left after normalization"),
            "{}: kept as written, not normalized: {}": self.tr("%1: kept as written, not normalized: %2"),
            "{}: span {} vanished with normalization; left out": self.tr(
                "%1: span %2 vanished with normalization; left out"
            ),
            "{}: {} token(s) vanished with normalization; left out": self.tr(
                "%1: %2 token(s) vanished with normalization; left out"
            ),
            # an import: the usual problems of a brat or CoNLL file's lines (the NER corpora's)
            "{}: says {} but the text has {} (kept)": self.tr("%1: says %2 but the text has %3 (kept)"),
            "{}: a note on relation {} is not kept": self.tr("%1: a note on relation %2 is not kept"),
            "{}: normalizations (N lines) are not read": self.tr("%1: normalizations (N lines) are not read"),
            "{}: discontinuous spans are not supported": self.tr("%1: discontinuous spans are not supported"),
            "{}: no .ann file beside it (no spans)": self.tr("%1: no .ann file beside it (no spans)"),
            "{}: {} refers to a missing span": self.tr("%1: %2 refers to a missing span"),
            "{}: offsets {}-{} are not a stretch of the text ({} characters)": self.tr(
                "%1: offsets %2-%3 are not a stretch of the text (%4 characters)"
            ),
            "{}: {} is not a tag (O, B-X, I-X); read as O": self.tr("%1: %2 is not a tag (O, B-X, I-X); read as O"),
            "{}: I- tag starts a span (read as its beginning)": self.tr(
                "%1: I- tag starts a span (read as its beginning)"
            ),
            "{}: no token and tag in {}": self.tr("%1: no token and tag in %2"),
            # the system's reasons (strerror) a file could not be read or written, the usual ones
            "Permission denied": self.tr("Permission denied"),
            "No space left on device": self.tr("No space left on device"),
            "Read-only file system": self.tr("Read-only file system"),
            "No such file or directory": self.tr("No such file or directory"),
            "Not a directory": self.tr("Not a directory"),
            "Is a directory": self.tr("Is a directory"),
            "File exists": self.tr("File exists"),
            "Disk quota exceeded": self.tr("Disk quota exceeded"),
            "{}: the same text as {}, added as another document because it comes with other annotations": self.tr(
                "%1: the same text as %2, added as another document because it comes with other annotations"
            ),
        }

    def export_lines(self, report: WriteReport) -> list[str]:
        """WriteReport.summary() in the interface's language, line for line."""
        lines = [counted(report.written, self.tr("%1 document written"), self.tr("%1 documents written"))]
        lines += [f"{number(count)} {say(what)}" for what, count in sorted(report.changed.items())]
        lines += [
            _fill(self.tr("left out: %1 %2"), [number(n), say(what)]) for what, n in sorted(report.left_out.items())
        ]
        documents = self.tr("%1 document"), self.tr("%1 documents")
        lines += [
            _fill(self.tr("note: %1 (%2)"), [say(what), counted(n, *documents)])
            for what, n in sorted(report.notes.items())
        ]
        return lines

    def export_failure(self, out: str, exc: Exception) -> str:
        """Why an export wrote nothing: the system's reason a file could not be written
        ("…/out.conll: cannot write: No space left on device"; the message named the
        temporary file beside it, "[Errno 28] …: '…/.out.conll.5fr8uuh7.tmp'"), else io's
        message (a format's option), as io wrote it."""
        if isinstance(exc, OSError) and exc.strerror:
            said = _fill(self.tr("%1: cannot write: %2"), [_as_written(out), say(exc.strerror)])
            return RLM + said if current_language() == "fa" else said
        return say(f"{out}: {exc}")


RLM = "\u200f"  # a right-to-left mark: the line's first strong letter


@cache
def _pattern(template: str) -> re.Pattern[str]:
    return re.compile("(.+?)".join(map(re.escape, template.split("{}"))), re.DOTALL)


def say(text: str) -> str:
    """io's English phrase or line in the interface's language; as written (isolated)
    when it is not one the table knows."""
    said = _translated(text)
    return said if said is not None else _as_written(text)


def _translated(text: str) -> str | None:
    table = IoMessages().phrases()
    said = table.get(text)
    if said is not None:
        return said
    for template, said in table.items():
        if "{}" not in template:
            continue
        found = _pattern(template).fullmatch(text)
        if found is None:
            continue
        return _fill(said, [_value(v, table) for v in found.groups()])
    return None


def _fill(said: str, values: list[str]) -> str:
    """%1, %2 ... replaced in one pass: a value holding "%2" is not taken for the next place."""
    return re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1], said)


def _value(value: str, table: dict[str, str]) -> str:
    """A value io put in its sentence: a count in the interface's digits, a known phrase
    (why entity links were left out) said too, anything else (a file, a name) as written."""
    if value.isdigit():
        return number(value)
    return table.get(value) or _as_written(value)


def _as_written(text: str) -> str:
    # isolated in the Persian interface: a file's name or an English line keeps its order
    return isolated(text) if current_language() == "fa" else text


def import_problems(report: ImportReport, limit: int = 20) -> list[str]:
    """An import's problems and notices (the first `limit` of each) in the interface's language."""
    lines = []
    for line in report.problems[:limit] + report.notices[:limit]:
        said = _translated(line)
        if said is None:
            lines.append(_as_written(line))
        elif current_language() == "fa":
            # right to left as a whole: a line takes its direction from its first letter, the
            # file's here (Qt does not pass over an isolate), and "PATH: پرونده خالی است"
            # was laid out left to right, the path at the left, its message wrapped under it
            lines.append(RLM + said)
        else:
            lines.append(said)
    return lines
