"""WebAnno TSV comes back as it was read: the layers under their own names and features,
annotations without a value as `*` (Tsv3XSerializer.writePrimitiveValue writes NULL_VALUE
for a null feature), a relation layer based on tokens without spans at its ends; what
the format cannot hold (text between sentences) is said in one line (docs/formats.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.formats import get
from annotator.io.formats.base import WriteReport
from annotator.io.formats.webanno import columns_for, document_to_tsv

SUITE = ("testMultiTokenSpanWithFeatureValue", "testSentenceWithEmoji", "testSingleTokenRelationWithFeatureValue")


def through_project(tmp_path: Path, source: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """import SOURCE into a project, export it as WebAnno: the file written, and the summary."""
    root = tmp_path / "p"
    assert main(["import", str(root), str(source), "--format", "webanno", "-q"]) == 0
    out = tmp_path / "out"
    capsys.readouterr()
    assert main(["export", str(root), "--format", "webanno", "--out", str(out)]) == 0
    [written] = sorted(out.glob("*.tsv"))
    return written.read_text(encoding="utf-8"), capsys.readouterr().err


@pytest.mark.corpora
@pytest.mark.parametrize("name", SUITE)
def test_webanno_s_suite_files_come_back_byte_for_byte(
    corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    source = corpora / "interop" / "webanno" / f"{name}.tsv"
    original = source.read_text(encoding="utf-8")
    # read and written by the format alone
    [doc] = get("webanno").read(source).documents
    assert columns_for(doc).header() + document_to_tsv(doc, WriteReport(), columns_for(doc)) == original
    # and through a project, as the trial did
    written, summary = through_project(tmp_path, source, capsys)
    assert written == original
    assert "left out" not in summary


@pytest.mark.corpora
def test_a_token_relation_is_kept_without_spans_in_the_project_s_export(
    corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = corpora / "interop" / "webanno" / "testSingleTokenRelationWithFeatureValue.tsv"
    written, _ = through_project(tmp_path, source, capsys)
    # the project holds a span at each end (a relation joins spans there), the file none
    assert "#T_SP" not in written and "\tToken" not in written
    assert "1-5\t15-16\t.\tnsubj\t1-1\t" in written


# two features on the span layer, a stacked and a multi-token span, values missing (*),
# a relation without a value, a relation layer with the span layer as its base
RICH = (
    "#FORMAT=WebAnno TSV 3.3\n"
    "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n"
    "#T_RL=webanno.custom.Link|role|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity\n"
    "\n\n"
    "#Text=علی در تهران 😊 گفت .\n"
    "1-1\t0-3\tعلی\t*\tPER\t_\t_\t\n"
    "1-2\t4-6\tدر\t_\t_\t_\t_\t\n"
    "1-3\t7-12\tتهران\t*[1]|Q3616[2]\tLOC[1]|*[2]\t*|at\t1-1[0_1]|1-1[0_2]\t\n"
    "1-4\t13-15\t😊\t*[3]\t*[3]\t_\t_\t\n"
    "1-5\t16-19\tگفت\t*[3]\t*[3]\t_\t_\t\n"
    "1-6\t20-21\t.\t_\t_\t_\t_\t\n"
    "\n#Text=قم\n"
    "2-1\t23-25\tقم\t*\tLOC\t_\t_\t\n"
)


def test_layers_features_and_values_missing_are_written_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "rich.tsv"
    source.write_text(RICH, encoding="utf-8")
    read = get("webanno").read(source)
    assert read.problems == []
    [doc] = read.documents
    spans = sorted((s.start, s.end, s.label, s.attributes) for s in doc.spans)
    # the first feature is the label ("*": no value, the layer's short name), the others attributes
    assert spans == [
        (0, 3, "NamedEntity", {"value": "PER"}),
        (7, 12, "NamedEntity", {"value": "LOC"}),
        (7, 12, "Q3616", {}),
        (13, 18, "NamedEntity", {}),
        (22, 24, "NamedEntity", {"value": "LOC"}),
    ]
    assert sorted(r.type for r in doc.relations) == ["Link", "at"]  # "*": the layer's short name
    written, summary = through_project(tmp_path, source, capsys)
    assert written == RICH
    assert "left out" not in summary


def test_text_outside_sentences_is_said_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # texts as the trial's, with their CRs, in a file that keeps them (Label Studio JSON)
    texts = {"crlf": "علی آمد.\r\n\r\nقم آرام است.\r\n", "lf": "علی آمد.\n\nقم آرام است."}
    tasks = [
        {"data": {"text": text, "doc_id": name}, "annotations": [{"result": [region(text)]}]}
        for name, text in texts.items()
    ]
    (tmp_path / "t.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    root = tmp_path / "p"
    assert main(["import", str(root), str(tmp_path / "t.json"), "--format", "labelstudio", "-q"]) == 0
    out = tmp_path / "out"
    capsys.readouterr()
    assert main(["export", str(root), "--format", "webanno", "--out", str(out)]) == 0
    summary = capsys.readouterr().err
    # the CRs between the sentences and the final CRLF: one document, one line; LF alone comes back
    assert [line for line in summary.splitlines() if "between or after" in line] == [
        "left out: 1 documents' text between or after sentences (WebAnno keeps sentences only: it reads back"
        " as line breaks, a CR or space there as a line break, the end as nothing)"
    ]
    back = {d.document.id: d.text for d in get("webanno").read(out).documents}
    assert back == {"crlf": "علی آمد.\n\n\n\nقم آرام است.", "lf": texts["lf"]}


def region(text: str) -> dict[str, object]:
    value = {"start": 0, "end": 3, "text": text[:3], "labels": ["PER"]}
    return {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": value}
