"""CSV, one row per span (export only), for a spreadsheet.

Columns: document_id, title, label, text, start, end, attributes, note. UTF-8 with a
byte-order mark so that Excel and LibreOffice open the Persian text intact; attributes
as a JSON object; offsets in code points. Relations have no place (counted); a document
without spans has no row. A cell that a spreadsheet would take for a formula (starting
with = + - @) is written as it is: the text is the data.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .base import (
    AnnotatedDocument,
    FormatError,
    Progress,
    ReadResult,
    WriteReport,
    atomic_text_writer,
    leave_out_entity_links,
)

COLUMNS = ("document_id", "title", "label", "text", "start", "end", "attributes", "note")


class CsvSpans:
    name = "csv"
    description = "CSV, one row per span (UTF-8 with BOM, opens in a spreadsheet)"
    extensions: tuple[str, ...] = (".csv",)
    can_read = False
    can_write = True

    def read(self, path: Path, options: dict[str, Any] | None = None) -> ReadResult:
        raise FormatError("CSV is written, not read")

    def write(
        self,
        docs: Iterable[AnnotatedDocument],
        out: Path,
        options: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> WriteReport:
        report = WriteReport()
        with atomic_text_writer(Path(out), encoding="utf-8-sig") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(COLUMNS)
            for doc in docs:
                text, ident, title = doc.text, doc.document.id, doc.document.title
                for s in sorted(doc.spans, key=lambda s: (s.start, -s.end, s.id)):
                    attributes = json.dumps(s.attributes, ensure_ascii=False, sort_keys=True) if s.attributes else ""
                    writer.writerow((ident, title, s.label, text[s.start : s.end], s.start, s.end, attributes, s.note))
                report.leave_out("relations (no place in one-row-per-span CSV)", len(doc.relations))
                leave_out_entity_links(doc, report)
                report.written += 1
                if progress:
                    progress(report.written)
        return report


PROVIDES = (CsvSpans(),)
