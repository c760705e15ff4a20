"""The format registry: names, what each can do, and guessing a file's format from its
name and first bytes (what `annotator import` does without --format)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.io.formats import FORMATS, get, guess, names
from annotator.io.formats.base import FormatError

ANNOTATOR_LINE = json.dumps({"format": "annotator/annotations", "version": 1})
LS_TASK = json.dumps({"data": {"text": "متن"}})


def test_names_by_what_a_format_can_do() -> None:
    everything = ["json", "jsonl", "brat", "conll", "doccano", "labelstudio", "webanno", "spacy", "csv"]
    assert names() == everything
    assert names(readable=True) == everything[:-1]  # CSV is written only
    assert names(writable=True) == everything
    assert names(readable=True, writable=True) == everything[:-1]
    assert all(FORMATS[n].name == n for n in everything)


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(FormatError) as caught:
        get("excel")
    assert str(caught.value) == (
        "unknown format 'excel' (known: json, jsonl, brat, conll, doccano, labelstudio, webanno, spacy, csv)"
    )


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.annotations.json", "", "json"),
        ("A.ANNOTATIONS.JSON", "", "json"),
        ("a.ann", "", "brat"),
        ("annotation.conf", "", "brat"),
        ("A.ANN", "", "brat"),
        ("a.tsv", "#FORMAT=WebAnno TSV 3.3\n", "webanno"),
        ("a.tsv", "token\tB-PER\n", "conll"),  # a .tsv without WebAnno's header is CoNLL
        ("a.txt", "#FORMAT=WebAnno TSV 3.3\n", None),  # the header alone is not enough
        ("a.jsonl", ANNOTATOR_LINE + "\n" + ANNOTATOR_LINE + "\n", "jsonl"),
        ("a.ndjson", "\n\n" + ANNOTATOR_LINE + "\n", "jsonl"),  # leading blank lines
        ("a.JSON", ANNOTATOR_LINE, "jsonl"),
        ("a.json", "[]", None),  # nothing in it says annotations
        ("a.json", "\ufeff [\n]", None),  # a byte-order mark, then spaces
        ("a.jsonl", LS_TASK + "\n" + LS_TASK + "\n", "labelstudio"),  # tasks one a line
        ("a.json", '{"text": "x", "label": []}', "doccano"),
        ("a.NDJSON", '{"text": "x", "data": {"text": "y"}}', "labelstudio"),
        ("a.json", "", None),  # plain articles (the article reader says it is empty)
        ("a.conll", "", "conll"),
        ("a.bio", "", "conll"),
        ("a.iob", "", "conll"),
        ("a.IOB2", "", "conll"),
        ("a.txt", "", None),
        ("a.txt", "متن خبر\nو ادامه‌اش O\n", None),  # an article, not token and tag lines
        ("a.csv", "", None),
        ("a.xml", "", None),
    ],
)
def test_guess_from_name_and_first_bytes(tmp_path: Path, name: str, content: str, expected: str | None) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    found = guess(tmp_path / name)
    assert (found.name if found else None) == expected


def test_guess_a_text_beside_its_ann_file_is_brat(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("متن", encoding="utf-8")
    (tmp_path / "a.ann").write_text("", encoding="utf-8")
    assert guess(tmp_path / "a.txt") is FORMATS["brat"]
    (tmp_path / "b.TXT").write_text("متن", encoding="utf-8")
    (tmp_path / "b.ann").write_text("", encoding="utf-8")
    assert guess(tmp_path / "b.TXT") is FORMATS["brat"]


def test_guess_a_folder(tmp_path: Path) -> None:
    assert guess(tmp_path) is None
    (tmp_path / "x.annotations.json").write_text("{}", encoding="utf-8")
    assert guess(tmp_path) is FORMATS["json"]
    (tmp_path / "x.ann").write_text("", encoding="utf-8")
    assert guess(tmp_path) is FORMATS["brat"]


def test_guess_reads_only_the_head_and_survives_a_cut_character(tmp_path: Path) -> None:
    # 65,536 bytes in, the head ends in the middle of a two-byte Persian letter
    path = tmp_path / "big.json"
    path.write_text('[{"data": {"text": " ' + "ی" * 40000 + '"}}]', encoding="utf-8")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes()[:65536].decode("utf-8")
    assert guess(path) is FORMATS["labelstudio"]


def test_guess_a_file_it_cannot_read(tmp_path: Path) -> None:
    # the reader itself says what is wrong; guessing goes by the name
    assert guess(tmp_path / "missing.json") is None
    assert guess(tmp_path / "missing.tsv") is None


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        # one article longer than the 64 KB head, on the first line (after a blank one) of each kind of file
        ({"format": "annotator/annotations", "version": 1, "document": {"text": "ب" * 40000}}, "jsonl"),
        ({"data": {"text": "ب" * 40000}, "annotations": []}, "labelstudio"),
        ({"text": "ب" * 40000, "label": []}, "doccano"),
    ],
)
def test_guess_reads_on_when_the_first_document_is_longer_than_the_head(
    tmp_path: Path, first: dict[str, object], expected: str
) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps(first, ensure_ascii=False)
    assert len(line.encode("utf-8")) > 65536
    path.write_text("\n" + line + "\n" + json.dumps(first, ensure_ascii=False) + "\n", encoding="utf-8")
    assert guess(path).name == expected  # type: ignore[union-attr]


def test_guess_a_pretty_printed_task(tmp_path: Path) -> None:
    # Label Studio's export of one task, indented: the first line is only "{"
    path = tmp_path / "task.json"
    path.write_text(json.dumps({"data": {"text": "قم"}, "annotations": []}, indent=2), encoding="utf-8")
    assert guess(path) is FORMATS["labelstudio"]
    path.write_text("\n\n" + json.dumps([{"data": {"text": "قم"}}], indent=2), encoding="utf-8")
    assert guess(path) is FORMATS["labelstudio"]
