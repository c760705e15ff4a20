"""The date of an imported article: as its source wrote it, plus the Gregorian ISO date.

Fars News articles (the shared corpus fars-news-2.json) have no date field, but their
news id carries one: `https://www.farsnews.ir/news/8707060313` is 1387/07/06 (the old
ten-digit ids start YYMMDD of the Jalali 13YY), `.../news/13970506000631` is 1397/05/06
(the newer fourteen-digit ids start YYYYMMDD). That date is stored with
`date_from: "url"`, so nobody mistakes it for one the source stated.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from ...persian.dates import date_fields, parse_date

_FARS_ID = re.compile(r"^/news/(\d{10}|\d{14})(?:/|$)")


def date_from_url(url: str) -> str:
    """A Jalali date (YYYY/MM/DD) that a news site's article URL encodes, or ""."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    host = parts.netloc.lower().split(":")[0]
    if not (host == "farsnews.ir" or host.endswith(".farsnews.ir")):
        return ""
    match = _FARS_ID.match(parts.path)
    if not match:
        return ""
    digits = match.group(1)
    year, month, day = (f"13{digits[:2]}", digits[2:4], digits[4:6]) if len(digits) == 10 else (
        digits[:4], digits[4:6], digits[6:8])  # fmt: skip
    written = f"{year}/{month}/{day}"
    return written if parse_date(written) is not None else ""


def with_dates(metadata: dict[str, Any]) -> dict[str, Any]:
    """The metadata with `date_gregorian` added for a readable `date`, or a date taken from
    the URL when there is none. The written date is never changed."""
    result = dict(metadata)
    written = str(result.get("date", "")).strip()
    if not written:
        written = date_from_url(str(result.get("url", "")))
        if not written:
            return result
        result["date_from"] = "url"
    for key, value in date_fields(written).items():
        result.setdefault(key, value)
    return result
