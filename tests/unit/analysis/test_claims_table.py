"""The claims table (`annotator export --format claims`): one row per claim and claimant,
matching the annotation files on disk one by one."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.analysis import table
from annotator.cli import main

from . import expected

pytestmark = pytest.mark.corpora


def export(project: Path, out: Path, *args: str) -> int:
    return main(["export", str(project), "--out", str(out), *args])


def read_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def test_rows_match_the_annotation_files_one_by_one(coded_fars: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    assert export(coded_fars, out, "--format", "claims", "--annotator", "maryam") == 0
    rows = read_rows(out)
    assert list(rows[0]) == list(table.COLUMNS)
    claims = expected.claims(coded_fars, "maryam")
    registry = expected.entities(coded_fars)
    docs = expected.documents(coded_fars)
    want = []
    for c in claims:
        for claimant in c["claimants"] or [""]:
            want.append((c["doc"], c["span"]["id"], claimant))
    got = [
        (
            r["document_id"],
            r["claim_id"],
            r["claimant_entity"] or (r["claimant_mention"] and "mention:" + r["claimant_mention"]),
        )
        for r in rows
    ]
    assert len(rows) == len(want) > 60
    assert sorted(got) == sorted(want)
    by_key = {(r["document_id"], r["claim_id"], r["claimant_entity"]): r for r in rows}
    for c in claims:
        for claimant in c["claimants"]:
            entity = claimant if claimant in registry else ""
            row = by_key[(c["doc"], c["span"]["id"], entity)]
            span = c["span"]
            assert row["claim_text"] == span["text"]
            assert (int(row["claim_start"]), int(row["claim_end"])) == (span["start"], span["end"])
            assert row["position"] == c["position"] and row["topic"] == c["topic"]
            assert row["claimants"] == str(len(c["claimants"]))
            assert row["note"] == span.get("note", "")
            assert row["annotator"] == "maryam"
            assert row["title"] == docs[c["doc"]]["title"]
            assert row["date"] == docs[c["doc"]].get("date", "")
            assert row["date_gregorian"] == docs[c["doc"]].get("date_gregorian", "")
            assert row["url"] == docs[c["doc"]].get("url", "")
            if entity:
                assert row["claimant_name_fa"] == registry[entity]["name_fa"]
                assert row["claimant_name_en"] == registry[entity]["name_en"]
                assert row["claimant_type"] == registry[entity]["type"]
            addressees = [a for a in c["addressees"]]
            assert row["addressee_entity"] == " | ".join(a if a in registry else "" for a in addressees) or not any(
                a in registry for a in addressees
            )
            assert row["location_entity"] == " | ".join(c["locations"])


def test_dates_are_real_and_a_claim_with_two_claimants_has_two_rows(coded_fars: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    assert export(coded_fars, out, "--format", "claims", "--annotator", "maryam") == 0
    rows = read_rows(out)
    two = [c for c in expected.claims(coded_fars, "maryam") if len(c["claimants"]) == 2]
    assert two, "the fixture codes claims with two claimants"
    for c in two:
        mine = [r for r in rows if (r["document_id"], r["claim_id"]) == (c["doc"], c["span"]["id"])]
        assert len(mine) == 2
        assert {r["claim_text"] for r in mine} == {c["span"]["text"]}
    assert any(r["date_gregorian"] for r in rows), "Fars documents carry dates"
    for r in rows:
        if r["date_gregorian"]:
            assert len(r["date_gregorian"]) == 10 and r["date_gregorian"][4] == "-"


def test_filters_annotator_status_and_dates(coded_fars: Path, tmp_path: Path) -> None:
    both = tmp_path / "both.csv"
    # several coders' rows only when named: without --annotator the export refuses
    assert export(coded_fars, both, "--format", "claims") == 2
    assert not both.exists()
    assert export(coded_fars, both, "--format", "claims", "--annotator", "maryam,ali") == 0
    rows = read_rows(both)
    assert {r["annotator"] for r in rows} == {"maryam", "ali"}
    done = tmp_path / "done.csv"
    assert export(coded_fars, done, "--format", "claims", "--annotator", "maryam", "--status", "done") == 0
    want = {(c["doc"], c["span"]["id"]) for c in expected.claims(coded_fars, "maryam") if c["status"] == "done"}
    assert {(r["document_id"], r["claim_id"]) for r in read_rows(done)} == want
    dates = sorted(c["date"] for c in expected.claims(coded_fars, "maryam") if c["date"])
    middle = dates[len(dates) // 2]
    window = tmp_path / "window.csv"
    assert (
        export(coded_fars, window, "--format", "claims", "--annotator", "maryam", "--from", middle, "--to", dates[-1])
        == 0
    )
    want = {
        (c["doc"], c["span"]["id"]) for c in expected.claims(coded_fars, "maryam") if c["date"] and c["date"] >= middle
    }
    assert {(r["document_id"], r["claim_id"]) for r in read_rows(window)} == want


def test_jalali_filter_dates_equal_their_gregorian_days(coded_fars: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert export(coded_fars, a, "--format", "claims", "--annotator", "maryam", "--from", "۱۳۸۷/۰۷/۰۶") == 0
    assert export(coded_fars, b, "--format", "claims", "--annotator", "maryam", "--from", "2008-09-27") == 0
    assert a.read_bytes() == b.read_bytes()


def test_excel_csv_has_a_bom_and_crlf(coded_fars: Path, tmp_path: Path) -> None:
    out = tmp_path / "excel.csv"
    assert export(coded_fars, out, "--format", "claims", "--annotator", "maryam", "--excel") == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdocument_id,")
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")


def test_xlsx_holds_the_same_rows(coded_fars: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    csv_out, xlsx_out = tmp_path / "c.csv", tmp_path / "c.xlsx"
    assert export(coded_fars, csv_out, "--format", "claims", "--annotator", "maryam") == 0
    assert export(coded_fars, xlsx_out, "--format", "claims-xlsx", "--annotator", "maryam") == 0
    sheet = openpyxl.load_workbook(xlsx_out).active
    values = [[("" if v is None else str(v)) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == list(table.COLUMNS)
    assert sheet.sheet_view.rightToLeft
    assert values[1:] == [list(r.values()) for r in read_rows(csv_out)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "yesterday"], "--from 'yesterday': not a date"),
        (["--annotator", "nobody"], "no annotator 'nobody'"),
        (["--from", "2020-01-02", "--to", "2020-01-01"], "is after --to"),
    ],
)
def test_bad_filters_say_why_in_one_line(
    coded_fars: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    out = tmp_path / "x.csv"
    assert export(coded_fars, out, "--format", "claims", *args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


def test_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(tmp_path, tmp_path / "x.csv", "--format", "claims") == 2
    assert "not a project folder" in capsys.readouterr().err


def test_stats_json_gains_study_figures(coded_fars: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "annotator.cli", "stats", str(coded_fars), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    stats = json.loads(done.stdout)
    maryam = expected.claims(coded_fars, "maryam")
    ali = expected.claims(coded_fars, "ali")
    assert stats["claims"] == len(maryam) + len(ali)
    assert stats["annotators"]["maryam"]["claims"] == len(maryam)
    assert stats["annotators"]["ali"]["claims"] == len(ali)
    assert stats["documents_coded"] == len(expected.files(coded_fars, "maryam"))
    mentions = [
        s
        for a in ("maryam", "ali")
        for d in expected.files(coded_fars, a).values()
        for s in d["spans"]
        if s["label"] != "claim"
    ]
    per_entity: dict[str, int] = {}
    for s in mentions:
        if s.get("entity"):
            per_entity[s["entity"]] = per_entity.get(s["entity"], 0) + 1
    assert {k: v["mentions"] for k, v in stats["entities"].items()} == per_entity
    assert stats["mentions"] == len(mentions)
    assert stats["entities"]["e1"]["name_en"] == "Iran"
