"""Which format a file is in, from its name and content (formats/sniff.py: what `annotator
import` without --format and File > Import left on auto go by). A file that carries
annotations must never come in as plain articles (its labels would be dropped), so each
case checks the whole Detection: the format, whether the guess is certain, and the reason
the import report shows."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.io.formats import FORMATS, Detection, detect, guess

TEXT = "سخنگوی وزارت خارجه ایران در تهران گفت"

DOCCANO_LABEL = Detection("doccano", why="its records have text and label")
DOCCANO_ENTITIES = Detection("doccano", why="its records have text and entities")
LABEL_STUDIO = Detection("labelstudio", why="its tasks have data (and annotations)")
SPACY = Detection("spacy", why="its records have text and spans/ents with start, end, label")
OWN = Detection("jsonl", why="its records are annotator annotation objects")
PLAIN = Detection(None)
CONLL = Detection("conll", why="100% of its first lines are token and tag")


def unknown(fields: str) -> Detection:
    return Detection(None, False, f"it has annotation fields ({fields}) in a shape no format here reads for certain")


def lines(*records: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def sniff(tmp_path: Path, name: str, content: str) -> Detection:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return detect(path)


LS_TASK = {
    "id": 7,
    "annotations": [{"id": 1, "result": [{"from_name": "label", "to_name": "text", "type": "labels",
                                          "value": {"start": 19, "end": 24, "labels": ["LOC"]}}]}],
    "data": {"text": TEXT},
}  # fmt: skip
OWN_RECORD = {"format": "annotator/annotations", "version": 1, "document": {"text": TEXT}, "spans": []}
ARTICLE = {"title": "عنوان خبر", "text": TEXT, "date": "1402/01/01"}


# ---- JSON and JSON Lines -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        # doccano's sequence labelling export: [start, end, label] triples
        ("export.jsonl", lines({"id": 1, "text": TEXT, "label": [[19, 24, "LOC"], [28, 33, "LOC"]]}), DOCCANO_LABEL),
        ("export.jsonl", lines({"text": TEXT, "labels": [[19, 24, "LOC"]]}), DOCCANO_LABEL),
        ("empty.jsonl", lines({"text": TEXT, "label": []}, {"text": TEXT, "label": []}), DOCCANO_LABEL),
        # its relation extraction export, one object a line or indented over many lines
        (
            "rel.jsonl",
            lines(
                {
                    "id": 3,
                    "text": TEXT,
                    "Comments": [],
                    "entities": [{"id": 0, "start_offset": 19, "end_offset": 24, "label": "LOC"}],
                    "relations": [{"id": 0, "from_id": 0, "to_id": 0, "type": "in"}],
                }
            ),
            DOCCANO_ENTITIES,
        ),
        (
            "rel.jsonl",
            json.dumps({"text": TEXT, "entities": [{"start_offset": 0, "end_offset": 6, "label": "ORG"}]}, indent=4),
            DOCCANO_ENTITIES,
        ),
        ("ents.json", json.dumps([{"text": TEXT, "entities": [], "relations": []}]), DOCCANO_ENTITIES),
        # Label Studio's JSON export: an array of tasks, indented or on one line, or one task
        ("tasks.json", json.dumps([LS_TASK, LS_TASK], ensure_ascii=False, indent=2), LABEL_STUDIO),
        ("tasks.json", json.dumps([LS_TASK, LS_TASK], ensure_ascii=False), LABEL_STUDIO),
        ("task.json", json.dumps(LS_TASK, ensure_ascii=False, indent=4), LABEL_STUDIO),
        ("tasks.jsonl", lines({"data": {"text": TEXT}}, {"data": {"text": TEXT}}), LABEL_STUDIO),  # no annotations yet
        # spaCy / Prodigy lines, and Doc.to_json() with span groups
        ("ents.jsonl", lines({"text": TEXT, "ents": [{"start": 19, "end": 24, "label": "GPE"}]}), SPACY),
        (
            "prodigy.jsonl",
            lines(
                {
                    "text": TEXT,
                    "spans": [{"start": 19, "end": 24, "label": "LOC", "token_start": 3}],
                    "answer": "accept",
                }
            ),
            SPACY,
        ),
        (
            "doc.json",
            json.dumps(
                {
                    "text": TEXT,
                    "ents": [],
                    "spans": {"sc": [{"start": 0, "end": 6, "label": "PER"}]},
                    "tokens": [{"id": 0, "start": 0, "end": 6}],
                }
            ),
            SPACY,
        ),
        ("none.jsonl", lines({"text": TEXT, "ents": []}), SPACY),
        # our own annotation objects, one a line
        ("ours.jsonl", lines(OWN_RECORD, OWN_RECORD), OWN),
        ("ours.json", json.dumps(OWN_RECORD, indent=2), OWN),
        # plain articles: JSON Lines, an array, one object; fields empty or null say nothing
        ("articles.jsonl", lines(ARTICLE, {"body": TEXT}), PLAIN),
        ("articles.json", json.dumps([ARTICLE, ARTICLE], ensure_ascii=False, indent=1), PLAIN),
        ("article.json", json.dumps(ARTICLE), PLAIN),
        ("blank.jsonl", lines({"text": TEXT, "label": None}, {"text": TEXT, "labels": ""}), PLAIN),
        ("other.json", lines({"format": "other", "text": TEXT}), PLAIN),
        ("strings.json", json.dumps([TEXT, TEXT]), PLAIN),
        ("texts.json", json.dumps([[TEXT], 3, None]), PLAIN),
        ("empty.json", "", PLAIN),
        ("empty.json", "[]", PLAIN),
        ("white.jsonl", "\n \n", PLAIN),
        ("broken.json", "{not json", PLAIN),
        ("deep.json", "[" * 200_000, PLAIN),  # too deep for the parser: said by the reader, not here
        ("lines.ndjson", lines({"text": "x", "label": [[0, 1, "X"]]}), DOCCANO_LABEL),
        ("lines.jsonlines", lines({"text": "x", "label": [[0, 1, "X"]]}), DOCCANO_LABEL),
        ("LINES.JSONL", lines({"text": "x", "label": [[0, 1, "X"]]}), DOCCANO_LABEL),
        ("lines.txt", lines({"text": "x", "label": [[0, 1, "X"]]}), PLAIN),  # by its name, a text
    ],
)
def test_json_files(tmp_path: Path, name: str, content: str, expected: Detection) -> None:
    assert sniff(tmp_path, name, content) == expected


@pytest.mark.parametrize(
    ("record", "fields"),
    [
        # Label Studio's JSON-MIN export: region objects under "label"
        ({"text": TEXT, "label": [{"start": 19, "end": 24, "labels": ["LOC"]}]}, "label"),
        ({"text": TEXT, "label": ["sport"]}, "label"),  # doccano's text classification
        ({"text": TEXT, "label": [[19, 24]]}, "label"),
        ({"text": TEXT, "label": [["19", "24", "LOC"]]}, "label"),
        ({"text": TEXT, "label": [[19.0, 24, "LOC"]]}, "label"),
        ({"text": TEXT, "label": [[19, 24.0, "LOC"]]}, "label"),
        ({"text": TEXT, "label": [[19, 24, "LOC"], "LOC"]}, "label"),
        ({"text": TEXT, "label": "LOC"}, "label"),
        ({"text": TEXT, "Label": [[19, 24, "LOC"]]}, "Label"),  # doccano reads "label" only
        ({"text": [TEXT], "label": [[0, 1, "X"]]}, "label"),
        ({"body": TEXT, "label": [[0, 1, "X"]]}, "label"),
        ({"text": TEXT, "label": [[0, 1, "X"]], "spans": []}, "label, spans"),
        ({"text": TEXT, "label": [[0, 1, "X"]], "annotations": []}, "label, annotations"),
        ({"text": TEXT, "label": [[0, 1, "X"]], "predictions": [1]}, "label, predictions"),
        ({"text": TEXT, "labels": [[0, 1, "X"]], "ents": []}, "labels, ents"),
        # doccano's entities in another shape
        ({"text": TEXT, "entities": [[19, 24, "LOC"]]}, "entities"),
        ({"text": TEXT, "entities": [{"start_offset": 19, "end_offset": 24}]}, "entities"),
        ({"text": TEXT, "entities": [{"start_offset": 19, "label": "LOC", "end": 24}]}, "entities"),
        ({"text": TEXT, "entities": [{"end_offset": 24, "label": "LOC", "start": 19}]}, "entities"),
        ({"text": TEXT, "entities": {"T1": {"start_offset": 1, "end_offset": 2, "label": "X"}}}, "entities"),
        ({"text": TEXT, "entities": [], "relations": {}}, "entities, relations"),
        ({"text": TEXT, "entities": None, "label": [[0, 1, "X"]]}, "label"),
        # spaCy's fields in another shape
        ({"text": TEXT, "ents": [{"start": 0, "end": 6}]}, "ents"),
        ({"text": TEXT, "ents": [{"start": 0, "label": "X", "stop": 6}]}, "ents"),
        ({"text": TEXT, "ents": [{"end": 6, "label": "X", "begin": 0}]}, "ents"),
        ({"text": TEXT, "ents": [[0, 6, "X"]]}, "ents"),
        ({"text": TEXT, "spans": "PER"}, "spans"),
        # span groups are Doc.to_json()'s "spans"; the spaCy reader takes "ents" as a list only
        ({"text": TEXT, "ents": {"sc": [{"start": 0, "end": 6, "label": "PER"}]}}, "ents"),
        ({"text": TEXT, "spans": [], "ents": {"sc": []}}, "spans, ents"),
        ({"text": TEXT, "spans": {}}, "spans"),
        ({"text": TEXT, "spans": {"sc": [], "meta": "x"}}, "spans"),
        ({"text": TEXT, "spans": {"meta": "x", "sc": []}}, "spans"),
        ({"text": TEXT, "spans": [], "ents": 3}, "spans, ents"),
        ({"text": TEXT, "ents": [], "entities": [[0, 1]]}, "ents, entities"),
        ({"text": TEXT, "spans": [], "labels": [1]}, "spans, labels"),
        ({"text": TEXT, "spans": [], "predictions": ["x"]}, "spans, predictions"),
        ({"text": TEXT, "spans": [], "annotations": [{"result": []}]}, "spans, annotations"),
        # annotations with no text beside them (Label Studio tasks without data, brat as JSON)
        ({"id": 1, "annotations": [{"result": []}]}, "annotations"),
        ({"data": TEXT, "annotations": [{"result": []}]}, "annotations"),
        ({"document": TEXT, "relations": [[1, 2]]}, "relations"),
    ],
)
def test_annotation_fields_in_a_shape_no_reader_takes(tmp_path: Path, record: dict[str, object], fields: str) -> None:
    # uncertain: the import leaves the file out and says why, rather than drop the labels
    assert sniff(tmp_path, "export.jsonl", lines(record)) == unknown(fields)


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        # articles beside annotated records: the annotated ones decide
        ([ARTICLE, {"text": TEXT, "label": [[0, 6, "PER"]]}], DOCCANO_LABEL),
        ([{"text": TEXT, "label": ["sport"]}, {"text": TEXT, "label": [[0, 6, "PER"]]}], DOCCANO_LABEL),
        ([ARTICLE, {"text": TEXT, "label": ["sport"]}, ARTICLE], unknown("label")),
        # the reason is the first record's of its kind
        (
            [{"text": TEXT, "entities": []}, {"text": TEXT, "label": [[0, 6, "PER"]]}],
            DOCCANO_ENTITIES,
        ),
        (
            [{"text": TEXT, "label": ["a"]}, {"text": TEXT, "ents": [[0, 1]]}],
            unknown("label"),
        ),
        # records of two formats at once: no reader takes both
        (
            [{"text": TEXT, "label": [[0, 6, "PER"]]}, {"text": TEXT, "ents": []}, {"data": {"text": TEXT}}],
            Detection(None, False, "its records look like doccano and spacy and labelstudio at once"),
        ),
        (
            [OWN_RECORD, ARTICLE, {"data": {"text": TEXT}}, OWN_RECORD],
            Detection(None, False, "its records look like jsonl and labelstudio at once"),
        ),
        # Label Studio's data and our own format key win over the fields beside them
        ([{"data": {"text": TEXT}, "label": "x"}], LABEL_STUDIO),
        ([{"format": "annotator/annotations", "data": {"text": TEXT}, "label": "x"}], OWN),
        ([{"data": TEXT, "text": TEXT, "label": [[0, 1, "X"]]}], DOCCANO_LABEL),
    ],
)
def test_records_of_several_kinds(tmp_path: Path, records: list[object], expected: Detection) -> None:
    assert sniff(tmp_path, "mixed.jsonl", lines(*records)) == expected
    assert sniff(tmp_path, "mixed.json", json.dumps(records, ensure_ascii=False)) == expected


def test_the_first_fifty_records_are_looked_at(tmp_path: Path) -> None:
    annotated = {"text": TEXT, "label": [[0, 6, "PER"]]}
    assert sniff(tmp_path, "a.jsonl", lines(*[ARTICLE] * 49, annotated, ARTICLE)) == DOCCANO_LABEL
    assert sniff(tmp_path, "a.jsonl", lines(*[ARTICLE] * 50, annotated)) == PLAIN
    assert sniff(tmp_path, "a.json", json.dumps([ARTICLE] * 49 + [annotated])) == DOCCANO_LABEL
    assert sniff(tmp_path, "a.json", json.dumps([ARTICLE] * 50 + [annotated])) == PLAIN


@pytest.mark.parametrize(
    "layout",
    [
        "{a}\r\n{b}\r\n",  # Windows line ends
        "\ufeff{a}\n{b}",  # a byte-order mark, no line end after the last
        "\n\n  {a}\n\t\n{b}\n",  # blank lines and indentation
        "{a}{b}",  # concatenated values
        "[{a},{b}]",
        "[\r\n\t{a} ,\r\n\t{b}\r\n]\r\n",
        "\ufeff  [ {a}, {b} ]",
        "[{a}, {b}] garbage after the array",
        "{a}\n{b}\n{{broken",  # a broken line after: the values before it decide
    ],
)
def test_json_layouts(tmp_path: Path, layout: str) -> None:
    a = json.dumps(ARTICLE, ensure_ascii=False)
    b = json.dumps({"text": TEXT, "label": [[0, 6, "PER"]]}, ensure_ascii=False)
    assert sniff(tmp_path, "a.json", layout.replace("{a}", a).replace("{b}", b)) == DOCCANO_LABEL


def test_an_array_ends_the_values(tmp_path: Path) -> None:
    # what follows the array's `]` is not one of its records
    b = json.dumps({"text": TEXT, "label": [[0, 6, "PER"]]}, ensure_ascii=False)
    assert sniff(tmp_path, "a.json", "[" + json.dumps(ARTICLE) + "]\n" + b) == PLAIN
    assert sniff(tmp_path, "a.json", "[ ]" + b) == PLAIN
    # a stray letter before the first value: not JSON (the reader says so), no records
    assert sniff(tmp_path, "a.json", "X" + b) == PLAIN
    assert sniff(tmp_path, "a.json", "[X" + b + "]") == PLAIN


LONG_ARTICLE = {**ARTICLE, "text": "ب" * 40000}


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        # one record longer than the 64 KB head: the file is read on to see it whole
        ({"text": "ب" * 40000, "label": [[0, 1, "X"]]}, ARTICLE, DOCCANO_LABEL),
        ({"data": {"text": "ب" * 40000}}, ARTICLE, LABEL_STUDIO),
        ({"text": "ب" * 40000, "label": ["sport"]}, ARTICLE, unknown("label")),
        (LONG_ARTICLE, ARTICLE, PLAIN),
        # and the records after it count as they do after a short one
        (LONG_ARTICLE, {"text": TEXT, "label": [[0, 6, "PER"]]}, DOCCANO_LABEL),
        (LONG_ARTICLE, {"text": TEXT, "labels": ["politics"]}, unknown("labels")),
        ({"text": "ب" * 40000, "label": []}, {"text": TEXT, "ents": []}, Detection(
            None, False, "its records look like doccano and spacy at once")),
    ],
)  # fmt: skip
def test_a_first_record_longer_than_the_head(
    tmp_path: Path, first: dict[str, object], then: object, expected: Detection
) -> None:
    one = json.dumps(first, ensure_ascii=False)
    assert len(one.encode("utf-8")) > 65536
    assert sniff(tmp_path, "big.jsonl", "\n" + lines(first, then)) == expected
    assert sniff(tmp_path, "big.json", "\n " + json.dumps([first, then], ensure_ascii=False, indent=2)) == expected


def test_the_guess_reads_64_kb_unless_the_first_record_needs_more(tmp_path: Path) -> None:
    # a record the first 65,536 bytes cut is not looked at (the guess stays fast on a big file)
    first = json.dumps(ARTICLE, ensure_ascii=False) + "\n"
    second = json.dumps({"text": TEXT, "label": [[0, 6, "PER"]], "pad": ""}, ensure_ascii=False)
    pad = 65536 + 1 - len((first + second).encode("utf-8"))
    content = first + second.replace('"pad": ""', '"pad": "' + "x" * pad + '"') + "\n"
    assert content.encode("utf-8")[65536 - 1 : 65536 + 1] == b'"}'  # the head ends before its last byte
    assert sniff(tmp_path, "a.jsonl", content) == PLAIN
    assert sniff(tmp_path, "a.jsonl", content.replace("x", "", 1)) == DOCCANO_LABEL  # one byte shorter: in


def test_a_text_longer_than_the_head_cut_inside_a_letter(tmp_path: Path) -> None:
    # the 65,536th byte is the first of a two-byte Persian letter: still token and tag lines
    lines = "علی B-PER\n" * 8000  # 13 bytes a line
    content = next(p + lines for p in ("x O\n" + "y" * n for n in range(13)) if (p + lines).encode()[65535] >= 0xC0)
    assert content.encode("utf-8")[:65536].decode("utf-8", errors="replace").endswith("\ufffd")
    assert sniff(tmp_path, "ner.txt", content) == CONLL


def test_a_file_that_cannot_be_read_goes_by_its_name(tmp_path: Path) -> None:
    assert detect(tmp_path / "missing.jsonl") == PLAIN
    assert detect(tmp_path / "missing.txt") == PLAIN
    assert detect(tmp_path / "missing.tsv") == PLAIN
    assert detect(tmp_path / "missing.conll") == Detection("conll", why="by its name")
    if hasattr(os, "mkfifo"):  # a pipe named like an export is never opened for reading
        os.mkfifo(tmp_path / "pipe.jsonl")
        assert detect(tmp_path / "pipe.jsonl") == PLAIN


# ---- names, folders, brat, WebAnno ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x.annotations.json", Detection("json", why="an annotator annotation file")),
        ("X.Annotations.JSON", Detection("json", why="an annotator annotation file")),
        ("x.ann", Detection("brat", why="a brat file")),
        ("annotation.conf", Detection("brat", why="a brat file")),
        ("visual.CONF", Detection("brat", why="a brat file")),
        ("x.conll", Detection("conll", why="by its name")),
        ("x.bio", Detection("conll", why="by its name")),
        ("x.iob", Detection("conll", why="by its name")),
        ("x.IOB2", Detection("conll", why="by its name")),
        ("x.csv", PLAIN),
        ("x.html", PLAIN),
    ],
)
def test_by_name_alone(tmp_path: Path, name: str, expected: Detection) -> None:
    # whatever is inside: the name says it
    assert sniff(tmp_path, name, lines({"text": TEXT, "label": [[0, 6, "PER"]]})) == expected


def test_brat_pairs_and_folders(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text(TEXT + "\n", encoding="utf-8")
    assert detect(tmp_path / "d.txt") == PLAIN
    (tmp_path / "d.ann").write_text("T1\tLOC 19 24\tایران\n", encoding="utf-8")
    assert detect(tmp_path / "d.txt") == Detection("brat", why="a .ann file beside it")
    assert detect(tmp_path) == Detection("brat", why="the folder has .ann files")
    assert detect(tmp_path / "d.ann") == Detection("brat", why="a brat file")
    # a .tsv beside a .ann is not brat's text
    (tmp_path / "d.tsv").write_text("علی\tB-PER\n", encoding="utf-8")
    assert detect(tmp_path / "d.tsv") == CONLL
    own = tmp_path / "own"
    own.mkdir()
    assert detect(own) == PLAIN
    (own / "a.json").write_text("{}", encoding="utf-8")
    assert detect(own) == PLAIN
    (own / "a.annotations.json").write_text("{}", encoding="utf-8")
    assert detect(own) == Detection("json", why="the folder has .annotations.json files")
    (own / "b.ann").write_text("", encoding="utf-8")
    assert detect(own) == Detection("brat", why="the folder has .ann files")
    assert guess(own) is FORMATS["brat"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.tsv", "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n", Detection(
            "webanno", why="its first line is #FORMAT=WebAnno")),
        ("a.TSV", "\ufeff#FORMAT=WebAnno TSV 3.2\n", Detection("webanno", why="its first line is #FORMAT=WebAnno")),
        ("a.tsv", "\n#FORMAT=WebAnno TSV 3.3\n", PLAIN),  # not its first line
        ("a.txt", "#FORMAT=WebAnno TSV 3.3\n", PLAIN),  # a WebAnno file is a .tsv
    ],
)  # fmt: skip
def test_webanno_by_its_header(tmp_path: Path, name: str, content: str, expected: Detection) -> None:
    assert sniff(tmp_path, name, content) == expected


# ---- token and tag lines --------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "علی B-pers\nرفت O\nبه O\nتهران B-loc\n\nو O\n",  # Arman: token SPACE tag
        "کرج|B_LOC\nدومین|O\nشهر|O\n\nجهان|B_ORG\nنما|I_ORG\n",  # PEYMA: token|tag, B_/I_
        "علی\tB-PER\nرفت\tO\n\nتهران\tB-LOC\n",
        "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n",  # CoNLL-2003 columns: the last one
        "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\n\n-DOCSTART-\nلامب NN I-NP S-MISC\nx y E-MISC\n",
        "علی B-PER\r\nرفت O\r\n\r\n",  # Windows line ends
        "علی B-PER \nرفت O\t\n\nتهران B-LOC  \n",  # white space after the tag (editors leave it)
        "علی B-PER\t \nرفت O\r\n",
        "\ufeffعلی B-PER\nرفت O\n",
        "a b|O\nc|B-X\n",  # PEYMA's tokens may hold a space
        "a|b\tO\nc\tB-X\n",
        # our own export with a comment line before each document (conll.py, doc_boundary comment)
        "# doc_id = خبر-1\nعلی B-PER\nرفت O\n\n# doc_id = خبر-2\nتهران B-LOC\n\n#doc_id=3\nx O\n",
    ],
)
def test_token_and_tag_lines_in_a_txt_are_conll(tmp_path: Path, content: str) -> None:
    assert sniff(tmp_path, "ner.txt", content) == CONLL
    assert sniff(tmp_path, "ner.tsv", content) == CONLL


@pytest.mark.parametrize(
    ("tagged", "other", "expected"),
    [
        (9, 1, Detection("conll", why="90% of its first lines are token and tag")),
        (8, 1, Detection(None, False, "89% of its first lines look like CoNLL token and tag lines")),
        (1, 1, Detection(None, False, "50% of its first lines look like CoNLL token and tag lines")),
        (49, 51, PLAIN),
        (0, 3, PLAIN),
    ],
)
def test_share_of_token_and_tag_lines(tmp_path: Path, tagged: int, other: int, expected: Detection) -> None:
    content = "متن خبر O گفت\n" * other + "\n" + "علی B-PER\n" * tagged
    assert sniff(tmp_path, "a.txt", content) == expected


@pytest.mark.parametrize(
    "line",
    [
        "علی",
        "علی B-",  # a prefix without a type
        "علی B",
        "علی X-PER",
        "علی o",
        "علی OO",
        "علی b-per",
        "علی B-PER x",
        "علی U-PER",  # BILOU is not read
        "علی L-PER",
        "B-PER",
        "علی,B-PER",
        "علی:O",
        "# text = علی رفت",
        "# doc_id =",
    ],
)
def test_lines_that_are_not_token_and_tag(tmp_path: Path, line: str) -> None:
    # one such line beside one real token line: half the lines, so uncertain (not CoNLL)
    half = Detection(None, False, "50% of its first lines look like CoNLL token and tag lines")
    assert sniff(tmp_path, "a.txt", line + "\nرفت O\n") == half


def test_only_whole_lines_of_the_first_two_thousand_count(tmp_path: Path) -> None:
    # the last line of the head may be cut, so it never counts; nor do lines past 2,000
    assert sniff(tmp_path, "a.txt", "علی B-PER\nرفت O\nو این خبر") == Detection(
        "conll", why="100% of its first lines are token and tag"
    )
    assert sniff(tmp_path, "a.txt", "متن خبر\nرفت O") == PLAIN
    content = "رفت O\n" * 999 + "متن خبر\n" * 1000 + "علی B-PER\n" * 3000
    assert sniff(tmp_path, "a.txt", content) == PLAIN  # 999 of 1,999: under half


@pytest.mark.parametrize(
    "content",
    [
        "",
        "\n\n",
        "-DOCSTART- -X- O\n\n",
        TEXT + "\nو ادامه خبر در تهران\n",
        "خبر O\n" + TEXT + "\n" + TEXT + "\n",  # a line ending in O is not enough
    ],
)
def test_articles_in_a_txt_stay_articles(tmp_path: Path, content: str) -> None:
    assert sniff(tmp_path, "article.txt", content) == PLAIN


def test_guess_is_the_detected_format(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(lines({"text": TEXT, "label": [[0, 6, "PER"]]}), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(lines({"text": TEXT, "label": ["sport"]}), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(lines(ARTICLE), encoding="utf-8")
    assert guess(tmp_path / "a.jsonl") is FORMATS["doccano"]
    assert guess(tmp_path / "b.jsonl") is None  # uncertain: no format
    assert guess(tmp_path / "c.jsonl") is None


# ---- the real files ------------------------------------------------------------------------


def test_the_real_files(corpora: Path, tmp_path: Path) -> None:
    assert detect(corpora / "interop/doccano/sequence_labeling.jsonl") == DOCCANO_LABEL
    assert detect(corpora / "interop/doccano/relation_extraction.jsonl") == DOCCANO_ENTITIES
    assert detect(corpora / "interop/labelstudio/named_entity_task.json") == LABEL_STUDIO
    tsvs = sorted((corpora / "interop/webanno").glob("*.tsv"))
    assert len(tsvs) == 3  # WebAnno TSV 3.3 reference files
    for tsv in tsvs:
        assert detect(tsv) == Detection("webanno", why="its first line is #FORMAT=WebAnno")
    for name in ("060-relation_annotation", "100-attribute_annotation", "110-note_annotation"):
        assert detect(corpora / "interop/brat" / f"{name}.txt") == Detection("brat", why="a .ann file beside it")
        assert detect(corpora / "interop/brat" / f"{name}.ann") == Detection("brat", why="a brat file")
    assert detect(corpora / "interop/brat") == Detection("brat", why="the folder has .ann files")
    assert detect(corpora / "ner/arman-dev.txt") == CONLL
    assert detect(corpora / "ner/peyma-dev.txt") == CONLL
    assert detect(corpora / "news/fars-news-2.json") == PLAIN  # 300 articles in one array
    # Arman's lines with the white space an editor leaves after the tag (the reader takes them)
    arman = (corpora / "ner/arman-dev.txt").read_text(encoding="utf-8").split("\n")[:3000]
    (tmp_path / "arman.txt").write_text("".join(line + (" \n" if line else "\n") for line in arman), encoding="utf-8")
    assert detect(tmp_path / "arman.txt") == CONLL
    # Fars News' articles, one a line and one a file, stay articles
    articles = json.loads((corpora / "news/fars-news-2.json").read_text(encoding="utf-8"))
    assert sniff(tmp_path, "fars.jsonl", lines(*articles)) == PLAIN
    assert sniff(tmp_path, "fars.json", json.dumps(articles[0], ensure_ascii=False, indent=2)) == PLAIN


# ---- our own span table (export --format csv) ---------------------------------------------

SPAN_TABLE = Detection(
    None,
    False,
    "it is a table of spans (label, start, end; what export --format csv writes), which no format"
    " here reads back: import the project's jsonl or json export instead",
)
SPAN_ROW = ("doc-1", "خبر", "PER", "علی", "0", "3", "", "")


def table(header: tuple[str, ...] | list[str], sep: str = ",", end: str = "\r\n") -> str:
    rows = [sep.join(header), sep.join(SPAN_ROW[: len(header)])]
    return "".join(row + end for row in rows)


def test_our_own_csv_export_is_a_span_table(tmp_path: Path) -> None:
    # exactly what `annotator export --format csv` writes: BOM, CRLF, every column
    from annotator.io.formats.csvspans import COLUMNS

    assert sniff(tmp_path, "spans.csv", "\ufeff" + table(COLUMNS)) == SPAN_TABLE


@pytest.mark.parametrize(
    ("header", "sep", "end"),
    [
        (["label", "start", "end"], ",", "\n"),  # the three columns alone are enough
        (["document_id", "label", "text", "start", "end"], ";", "\n"),
        (["document_id", "label", "text", "start", "end"], "\t", "\r\n"),
        (["Document_ID", "LABEL", "Start", "End"], ",", "\n"),  # any case
        (["document_id ", " label", " start ", "end "], ";", "\n"),  # blanks around names
    ],
)
def test_span_tables_in_other_shapes(tmp_path: Path, header: list[str], sep: str, end: str) -> None:
    name = "spans.tsv" if sep == "\t" else "spans.csv"
    assert sniff(tmp_path, name, table(header, sep, end)) == SPAN_TABLE


@pytest.mark.parametrize(
    "header",
    [
        ["title", "text"],  # articles
        ["id", "title", "text", "date"],
        ["label", "start", "text"],  # no end: not our span table
        ["label", "end", "text"],
        ["start", "end", "text"],
        ["labels", "starts", "ends"],
    ],
)
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_a_table_of_articles_stays_articles(tmp_path: Path, header: list[str], sep: str) -> None:
    content = table(header, sep) + sep.join(["2", TEXT, "x"][: len(header)]) + "\n"
    name = "articles.tsv" if sep == "\t" else "articles.csv"
    assert sniff(tmp_path, name, content) == PLAIN


@pytest.mark.parametrize(
    "content",
    [
        "",
        "\n\n",
        "text\n" + TEXT + "\n",  # one column: no separator to find
        TEXT + "\n",
        '"label,start,end\n1,2,3\n',  # an unclosed quote
    ],
)
def test_a_first_line_that_is_no_table(tmp_path: Path, content: str) -> None:
    assert sniff(tmp_path, "a.csv", content) == PLAIN
    assert sniff(tmp_path, "a.tsv", content) == PLAIN


def test_only_the_first_line_is_the_header(tmp_path: Path) -> None:
    # the span columns on the second line are data, not the header
    assert sniff(tmp_path, "a.csv", "title,text\nlabel,start,end\n") == PLAIN
    assert sniff(tmp_path, "a.csv", "label,start,end") == SPAN_TABLE  # no line end at all


def test_a_span_table_is_looked_for_only_in_csv_and_tsv(tmp_path: Path) -> None:
    content = table(["label", "start", "end"])
    assert sniff(tmp_path, "spans.txt", content) == PLAIN
    assert sniff(tmp_path, "spans.CSV", content) == SPAN_TABLE
    assert sniff(tmp_path, "spans.TSV", table(["label", "start", "end"], "\t")) == SPAN_TABLE
    assert sniff(tmp_path, "spans.html", content) == PLAIN


def test_token_lines_in_a_tsv_win_over_a_span_table(tmp_path: Path) -> None:
    # a .tsv of token and tag lines is CoNLL; one that is only half so is uncertain CoNLL
    conll = "label\tO\nstart\tO\nend\tO\n"
    assert sniff(tmp_path, "ner.tsv", conll) == Detection("conll", why="100% of its first lines are token and tag")
    half = "label\tstart\tend\nعلی\tB-PER\n"
    assert sniff(tmp_path, "half.tsv", half) == Detection(
        None, False, "50% of its first lines look like CoNLL token and tag lines"
    )
    assert sniff(tmp_path, "half.txt", "label,start,end\nعلی\tB-PER\n") == Detection(
        None, False, "50% of its first lines look like CoNLL token and tag lines"
    )


@pytest.mark.parametrize("sep", ["|", " ", ":", "X"])
def test_only_commas_semicolons_and_tabs_separate_a_span_tables_columns(tmp_path: Path, sep: str) -> None:
    # what export --format csv writes, or a spreadsheet saves, is split by , ; or tab; a
    # first line split by anything else is text (an article's first line), not a header
    assert sniff(tmp_path, "a.csv", table(["label", "start", "end"], sep)) == PLAIN
    assert sniff(tmp_path, "a.tsv", table(["document_id", "label", "start", "end"], sep)) == PLAIN
