"""Jalali dates read as written, with the Gregorian date stored beside them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.io.importers.dates import date_from_url, with_dates
from annotator.io.project import Project
from annotator.persian.dates import date_fields, jalali_from_iso, parse_date


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("۱۴۰۲/۰۵/۱۲", "2023-08-03"),
        ("١٤٠٢/٠٥/١٢", "2023-08-03"),  # Arabic-Indic digits
        ("1402-05-12", "2023-08-03"),
        ("1403/12/30", "2025-03-20"),  # leap year
        ("۱۲ مرداد ۱۴۰۲", "2023-08-03"),
        ("پنجشنبه ۱۲ مرداد ۱۴۰۲", "2023-08-03"),
        # "month" after the name, spaced, joined by a ZWNJ or not at all (the new user's trial)
        ("۱۲ مرداد ماه ۱۴۰۲", "2023-08-03"),
        ("۱۲ مرداد‌ماه ۱۴۰۲", "2023-08-03"),
        ("۱۲ مردادماه ۱۴۰۲", "2023-08-03"),
        ("سه شنبه، ۱۰ مرداد ماه ۱۴۰۲", "2023-08-01"),  # a weekday of two words, a comma
        ("۱۲ مرداد ۱۴۰۲ - ۱۰:۳۰", "2023-08-03"),  # a time after the year
        ("۱۲ مرداد ۱۴۰۲، ساعت ۱۰:۳۰", "2023-08-03"),
        ("۱ دی ماه ۱۴۰۲", "2023-12-22"),
        ("2023-08-03T09:30:00Z", "2023-08-03"),
        ("03/08/2023", "2023-08-03"),
    ],
)
def test_written_dates_read(written: str, iso: str) -> None:
    parsed = parse_date(written)
    assert parsed is not None and parsed.iso == iso and parsed.written == written


@pytest.mark.parametrize(
    "written",
    ["", "دیروز", "1402/13/01", "1402/12/30", "۱۲ ماه ۱۴۰۲", "۱۲ مرداد ۱۴۰۲۵", "گفت ۱۲ نفر از ۱۴۰۲ نفر"],
)
def test_what_is_no_date_is_none(written: str) -> None:
    assert parse_date(written) is None


@pytest.mark.parametrize(
    ("written", "calendar", "iso", "jalali"),
    [
        ("۱۲ دي ۱۴۰۲", "jalali", "2024-01-02", "1402/10/12"),  # دي with Arabic yeh, as scraped
        ("1402/5/12 10:30", "jalali", "2023-08-03", "1402/05/12"),  # a time after the date
        (" ۱۴۰۲ / ۰۵ / ۱۲ ", "jalali", "2023-08-03", "1402/05/12"),
        ("12.5.1402", "jalali", "2023-08-03", "1402/05/12"),  # day first
        ("۱۲ امرداد ۱۴۰۲", "jalali", "2023-08-03", "1402/05/12"),
        ("1699/01/01", "jalali", "2320-03-21", "1699/01/01"),  # the last Jalali year read
        ("1700-01-01", "gregorian", "1700-01-01", "1078/10/12"),  # the first Gregorian one
        ("01/01/1700", "gregorian", "1700-01-01", "1078/10/12"),
        ("2023-08-03", "gregorian", "2023-08-03", "1402/05/12"),
    ],
)
def test_calendar_and_both_forms(written: str, calendar: str, iso: str, jalali: str) -> None:
    # the document header shows the other calendar's date: which one the source used matters
    parsed = parse_date(written)
    assert parsed is not None
    assert (parsed.written, parsed.calendar, parsed.iso, parsed.jalali) == (written, calendar, iso, jalali)


def test_date_fields_keep_the_written_form() -> None:
    assert date_fields("  ۱۴۰۲/۰۵/۱۲\n") == {"date": "۱۴۰۲/۰۵/۱۲", "date_gregorian": "2023-08-03"}
    assert date_fields(" \t ") == {} and date_fields("") == {}
    assert jalali_from_iso("2023-08-03T09:30:00Z") == "1402/05/12"
    assert jalali_from_iso("2023-08-3") == "" and jalali_from_iso("") == ""
    assert date_fields("۱۴۰۲/۰۵/۱۲") == {"date": "۱۴۰۲/۰۵/۱۲", "date_gregorian": "2023-08-03"}
    assert date_fields("بهار") == {"date": "بهار"}
    assert jalali_from_iso("2023-08-03") == "1402/05/12"


def test_fars_links_carry_the_date() -> None:
    assert date_from_url("https://www.farsnews.ir/news/8707060313") == "1387/07/06"
    assert date_from_url("https://www.farsnews.ir/news/13970506000631/رودباری") == "1397/05/06"
    assert date_from_url("https://example.com/news/8707060313") == ""
    assert with_dates({"url": "https://www.farsnews.ir/news/8707060313"}) == {
        "url": "https://www.farsnews.ir/news/8707060313",
        "date": "1387/07/06",
        "date_from": "url",
        "date_gregorian": "2008-09-27",
    }
    assert with_dates({"date": "2020-01-02", "url": "https://www.farsnews.ir/news/8707060313"})["date"] == "2020-01-02"


@pytest.mark.corpora
def test_every_imported_fars_article_has_a_date(corpora: Path, tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p", "fars")
    report = project.import_sources([corpora / "news" / "fars-news-2.json"], normalize=False)
    assert len(report.added) == 300
    summaries = project.summaries()
    assert all(s.date and s.date_gregorian for s in summaries)
    assert all("2003-01-01" < s.date_gregorian < "2022-01-01" for s in summaries)
    catalog = json.loads((tmp_path / "p" / "documents.json").read_text(encoding="utf-8"))
    assert catalog["documents"][0]["date"] == "1387/07/06"
    assert catalog["documents"][0]["date_gregorian"] == "2008-09-27"


def test_editing_document_details_in_a_project(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("عنوان\nمتن خبر", encoding="utf-8")
    project = Project.create(tmp_path / "p", "p")
    (doc_id,) = project.import_sources([source]).added
    project.set_document_info(doc_id, "تیتر تازه", {"date": "۱۴۰۲/۰۵/۱۲", "source": "ایرنا", "url": "https://x.ir/1"})
    again = Project.open(tmp_path / "p")
    doc = again.load_document(doc_id)
    assert doc.title == "تیتر تازه"
    assert doc.metadata["date"] == "۱۴۰۲/۰۵/۱۲" and doc.metadata["date_gregorian"] == "2023-08-03"
    summary = again.summary(doc_id)
    assert (summary.title, summary.date, summary.date_gregorian) == ("تیتر تازه", "۱۴۰۲/۰۵/۱۲", "2023-08-03")
