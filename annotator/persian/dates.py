"""Dates as Persian news write them: Jalali (۱۴۰۲/۰۵/۱۲, ۱۲ مرداد ۱۴۰۲) or Gregorian.

A document keeps its date exactly as written (`metadata["date"]`); what this module adds
is the Gregorian equivalent (`metadata["date_gregorian"]`, ISO `YYYY-MM-DD`) that exports,
sorting and date filters use. The calendar arithmetic is jdatetime's (a maintained
library), never ours: here are only the reading of the written forms.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("فروردین",),
            ("اردیبهشت",),
            ("خرداد",),
            ("تیر",),
            ("مرداد", "امرداد"),
            ("شهریور",),
            ("مهر",),
            ("آبان",),
            ("آذر",),
            ("دی",),
            ("بهمن",),
            ("اسفند",),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC = re.compile(r"^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:[T\s].*)?$")
_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})\s*$")
# "[سه شنبه،] ۱۲ مرداد[ ماه|‌ماه|ماه] ۱۴۰۲[، ساعت ۱۰:۳۰]": up to two words of weekday before,
# "ماه" (month) after the name as news often write it, a time or anything after the year
_WORDS = re.compile(r"^\s*(?:\S+\s+){0,2}?(\d{1,2})\s+(\S+?)(?:[\s\u200c]*ماه)?\s+(\d{4})(?:[\s،,\-–].*)?$")
JALALI_BEFORE = 1700  # a year below this is a Jalali year (Gregorian news dates are later)


@dataclass(frozen=True)
class ParsedDate:
    written: str  # as the source wrote it
    calendar: str  # "jalali" or "gregorian"
    gregorian: _dt.date

    @property
    def iso(self) -> str:
        return self.gregorian.isoformat()

    @property
    def jalali(self) -> str:
        """The date in Jalali as YYYY/MM/DD (Latin digits)."""
        return _jalali(self.gregorian)


def _jalali(gregorian: _dt.date) -> str:
    import jdatetime  # here, not at the top: the window starts without it

    j = jdatetime.date.fromgregorian(date=gregorian)
    return f"{j.year:04d}/{j.month:02d}/{j.day:02d}"


def parse_date(written: str) -> ParsedDate | None:
    """The date a string names, or None when it is no date this module reads.

    Persian, Arabic-Indic and Latin digits; `/`, `-` or `.` between the parts; a Jalali
    year (below 1700) or a Gregorian one; a time after the date is ignored.
    """
    text = written.translate(_DIGITS).replace("ي", "ی").strip()
    if match := _NUMERIC.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMERIC_DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
    elif (match := _WORDS.match(text)) and match.group(2) in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2)], int(match.group(3))
    else:
        return None
    try:
        if year < JALALI_BEFORE:
            import jdatetime

            gregorian = jdatetime.date(year, month, day).togregorian()
            return ParsedDate(written, "jalali", gregorian)
        return ParsedDate(written, "gregorian", _dt.date(year, month, day))
    except (ValueError, OverflowError):
        return None


def date_fields(written: str) -> dict[str, str]:
    """The metadata a written date gives: the date as written, and its Gregorian ISO date
    when it can be read (exports and the document list use that one)."""
    written = written.strip()
    if not written:
        return {}
    parsed = parse_date(written)
    fields = {"date": written}
    if parsed is not None:
        fields["date_gregorian"] = parsed.iso
    return fields


def jalali_from_iso(iso: str) -> str:
    """`2023-08-03` -> `1402/05/12`; "" when `iso` is no ISO date."""
    try:
        return _jalali(_dt.date.fromisoformat(iso[:10]))
    except ValueError:
        return ""
