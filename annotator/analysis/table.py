"""The claims table: one row per claim and claimant, as CSV (UTF-8, optionally with the
byte-order mark Excel needs to read UTF-8) or as an Excel workbook (XlsxWriter).

A claim with several claimants gives one row per claimant (the claim's other columns
repeat; `claimants` says how many there are), a claim with none gives one row with the
claimant columns empty. Several addressees or locations share one cell, separated by
" | ", in the order they appear in the text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..io.atomic import write_atomic
from .records import ClaimRecord, Party, distinct

SEPARATOR = " | "

COLUMNS = (
    "document_id",
    "title",
    "date",
    "date_gregorian",
    "source",
    "url",
    "annotator",
    "claim_id",
    "claim_text",
    "claim_start",
    "claim_end",
    "position",
    "topic",
    "claimants",
    "claimant_entity",
    "claimant_name_fa",
    "claimant_name_en",
    "claimant_type",
    "claimant_mention",
    "addressee_entity",
    "addressee_name_fa",
    "addressee_name_en",
    "addressee_mention",
    "locations",
    "location_entity",
    "note",
)


def _joined(parties: list[Party], what: str) -> str:
    values = []
    for p in parties:
        value = {
            "entity": p.entity.id if p.entity else "",
            "name_fa": p.name_fa,
            "name_en": p.name_en,
            "mention": p.mention,
        }[what]
        values.append(value)
    return SEPARATOR.join(values) if any(values) else ""


def rows(claims: Iterable[ClaimRecord]) -> Iterator[dict[str, str | int]]:
    for c in claims:
        doc = c.document
        addressees, locations = distinct(c.addressees), distinct(c.locations)
        base: dict[str, str | int] = {
            "document_id": doc.id,
            "title": doc.title,
            "date": doc.date,
            "date_gregorian": doc.date_gregorian,
            "source": doc.source,
            "url": doc.url,
            "annotator": c.annotator,
            "claim_id": c.claim.id,
            "claim_text": c.claim.text,
            "claim_start": c.claim.start,
            "claim_end": c.claim.end,
            "position": c.position,
            "topic": c.topic,
            "claimants": len(distinct(c.claimants)),
            "addressee_entity": _joined(addressees, "entity"),
            "addressee_name_fa": _joined(addressees, "name_fa"),
            "addressee_name_en": _joined(addressees, "name_en"),
            "addressee_mention": _joined(addressees, "mention"),
            "locations": _joined(locations, "name_fa"),
            "location_entity": _joined(locations, "entity"),
            "note": c.note,
        }
        claimants: list[Party | None] = list(distinct(c.claimants)) or [None]
        for who in claimants:
            row = dict(base)
            row.update(
                {
                    "claimant_entity": who.entity.id if who and who.entity else "",
                    "claimant_name_fa": who.name_fa if who else "",
                    "claimant_name_en": who.name_en if who else "",
                    "claimant_type": who.type if who else "",
                    "claimant_mention": who.mention if who else "",
                }
            )
            yield {key: row[key] for key in COLUMNS}


def write_csv(claims: Iterable[ClaimRecord], out: Path, excel: bool = False) -> int:
    """Write atomically; return the number of rows. `excel`: a UTF-8 byte-order mark, and
    CRLF line ends, which is what Excel reads as UTF-8 on a double click."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n" if excel else "\n")
    writer.writeheader()
    count = 0
    for row in rows(claims):
        writer.writerow(row)
        count += 1
    data = buffer.getvalue().encode("utf-8")
    write_atomic(out, (b"\xef\xbb\xbf" if excel else b"") + data)
    return count


def write_xlsx(claims: Iterable[ClaimRecord], out: Path) -> int:
    """An .xlsx workbook, one sheet "claims", laid out right to left, offsets as numbers."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_urls": False, "strings_to_numbers": False})
    sheet = book.add_worksheet("claims")
    sheet.right_to_left()
    bold = book.add_format({"bold": True})
    for col, name in enumerate(COLUMNS):
        sheet.write_string(0, col, name, bold)
    count = 0
    for r, row in enumerate(rows(claims), start=1):
        for col, name in enumerate(COLUMNS):
            value = row[name]
            if isinstance(value, int):
                sheet.write_number(r, col, value)
            else:
                sheet.write_string(r, col, value)
        count += 1
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, count, len(COLUMNS) - 1)
    book.close()
    write_atomic(out, buffer.getvalue())
    return count
