"""Each format on small hand-made files: layouts, what is left out, malformed lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.io.formats import (
    FORMATS,
    AnnotatedDocument,
    RelationRecord,
    SpanRecord,
    from_annotation_set,
    get,
    guess,
    labels_used,
    to_annotation_set,
)
from annotator.io.formats.base import FormatError
from annotator.model import Document, Label, Schema, default_schema


def doc_with_nesting() -> AnnotatedDocument:
    text = "گفت سخنگوی وزارت خارجه ایران که تهران آماده است"
    claim = SpanRecord("s1", "claim", 0, len(text))
    actor = SpanRecord("s2", "actor", text.index("سخنگوی"), text.index(" که"))
    place = SpanRecord("s3", "location", text.index("تهران"), text.index("تهران") + 5)
    return AnnotatedDocument(
        Document("n1", text, "خبر"),
        [claim, actor, place],
        [RelationRecord("r1", "claimed_by", "s1", "s2")],
    )


# ---- registry and conversions -------------------------------------------------------


def test_registry_and_guess(tmp_path: Path) -> None:
    assert set(FORMATS) == {"json", "jsonl", "brat", "conll", "doccano", "labelstudio", "webanno", "spacy", "csv"}
    assert not get("csv").can_read and get("csv").can_write
    with pytest.raises(FormatError, match="unknown format"):
        get("nope")
    (tmp_path / "a.tsv").write_text("#FORMAT=WebAnno TSV 3.3\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x", "label": []}\n', encoding="utf-8")
    (tmp_path / "c.json").write_text('[{"data": {"text": "x"}}]', encoding="utf-8")
    (tmp_path / "d.txt").write_text("x O\n", encoding="utf-8")
    assert guess(tmp_path / "a.tsv") is FORMATS["webanno"]
    assert guess(tmp_path / "b.jsonl") is FORMATS["doccano"]
    assert guess(tmp_path / "c.json") is FORMATS["labelstudio"]
    assert guess(tmp_path / "d.txt") is FORMATS["conll"]


def test_annotation_set_conversion_keeps_tokens_and_layout() -> None:
    doc = doc_with_nesting()
    doc.tokens = [(0, 3)]
    doc.layout = {"conll": {"separator": "|"}}
    aset = to_annotation_set(doc, default_schema())
    assert aset.document.metadata["tokens"] == [[0, 3]]
    back = from_annotation_set(aset)
    assert back.tokens == [(0, 3)] and back.layout == doc.layout
    assert [(s.label, s.start, s.end) for s in back.spans] == [(s.label, s.start, s.end) for s in doc.spans]
    assert back.relations == doc.relations
    assert labels_used([doc]) == ["claim", "actor", "location"]


def test_unknown_labels_need_the_schema_extended() -> None:
    doc = AnnotatedDocument(Document("d", "abc"), [SpanRecord("s1", "PER", 0, 1)])
    with pytest.raises(ValueError, match="unknown label"):
        to_annotation_set(doc, default_schema())
    schema = Schema((*default_schema().labels, Label("PER", "PER", "PER", "#000000")))
    assert to_annotation_set(doc, schema).span_count() == 1


# ---- CoNLL ---------------------------------------------------------------------------


def test_conll_default_keeps_outermost_and_says_how_many(tmp_path: Path) -> None:
    report = get("conll").write([doc_with_nesting()], tmp_path / "o.txt")
    assert report.left_out == {
        "nested/overlapping spans (BIO keeps the outermost in each tag column)": 2,
        "relations (BIO has no place for them)": 1,
        "document titles/metadata (BIO keeps only tokens and tags)": 1,
    }


def test_conll_layers_write_a_column_each(tmp_path: Path) -> None:
    out = tmp_path / "o.txt"
    options = {"layers": [["actor", "location"], ["claim"]], "separator": "space"}
    report = get("conll").write([doc_with_nesting()], out, options)
    assert "nested/overlapping spans (BIO keeps the outermost in each tag column)" not in report.left_out
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[:4] == ["-DOCSTART- O O", "", "گفت O B-claim", "سخنگوی B-actor I-claim"]
    back = get("conll").read(out, {"tag_columns": 2})
    assert sorted((s.label, s.start, s.end) for s in back.documents[0].spans) == sorted(
        (s.label, s.start, s.end) for s in doc_with_nesting().spans
    )


def test_conll_token_containing_the_pipe_separator(tmp_path: Path) -> None:
    text = "a|b c"
    doc = AnnotatedDocument(Document("d", text), [SpanRecord("s1", "LOC", 0, 3)], tokens=[(0, 3), (4, 5)])
    out = tmp_path / "o.txt"
    get("conll").write([doc], out, {"separator": "pipe", "tag_style": "B_", "doc_boundary": "none"})
    assert out.read_text(encoding="utf-8").split("\n")[0] == "a|b|B_LOC"
    back = get("conll").read(out, {"separator": "pipe"})
    assert back.problems == []
    assert back.documents[0].tokens == [(0, 3), (4, 5)]
    assert back.documents[0].text == text


@pytest.mark.parametrize(("separator", "sep"), [("space", " "), ("tab", "\t")])
def test_conll_token_with_white_space_is_written_as_its_words(tmp_path: Path, separator: str, sep: str) -> None:
    # readers split lines at white space: PEYMA's "شیرابه های" becomes two lines, one span
    text = "شیرابه های زباله"
    doc = AnnotatedDocument(Document("d", text), [SpanRecord("s1", "LOC", 0, 10)], tokens=[(0, 10), (11, 16)])
    out = tmp_path / "o.txt"
    report = get("conll").write([doc], out, {"separator": separator, "doc_boundary": "none"})
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[:3] == [f"شیرابه{sep}B-LOC", f"های{sep}I-LOC", f"زباله{sep}O"]
    assert "note: tokens with spaces written as one line per word (1 document(s))" in report.summary()
    back = get("conll").read(out, {"separator": separator})
    assert back.problems == [] and back.documents[0].text == text
    assert [(s.start, s.end) for s in back.documents[0].spans] == [(0, 10)]


def test_conll_2003_docstart_iob1_and_extra_columns(tmp_path: Path) -> None:
    source = tmp_path / "c.txt"
    source.write_text(
        "-DOCSTART- -X- -X- O\n\n"
        "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n"
        "-DOCSTART- -X- -X- O\n\n"
        "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nSmith NNP I-NP B-PER\n\n",
        encoding="utf-8",
    )
    result = get("conll").read(source)
    assert result.problems == []
    assert len(result.documents) == 2
    second = result.documents[1]
    assert [(s.label, second.text[s.start : s.end]) for s in second.spans] == [
        ("PER", "Peter Blackburn"),
        ("PER", "Smith"),
    ]
    get("conll").write(result.documents, tmp_path / "o.txt")
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


def test_conll_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "bad.txt"
    source.write_text("ایران B-loc\nتهران X-loc\nو O\nسفر I-event\n", encoding="utf-8")
    result = get("conll").read(source)
    assert result.problems == [
        f"{source}:2: 'X-loc' is not a tag (O, B-X, I-X); read as O",
        f"{source}:4: I- tag starts a span (read as its beginning)",
    ]
    assert [s.label for s in result.documents[0].spans] == ["loc", "event"]


def test_conll_export_tokens_from_hazm(tmp_path: Path) -> None:
    text = "رئیس‌جمهور گفت: «تهران آماده است.» سپس رفت."
    start = text.index("تهران")
    doc = AnnotatedDocument(Document("d", text), [SpanRecord("s1", "location", start, start + 5)])
    get("conll").write([doc], tmp_path / "o.txt")
    lines = (tmp_path / "o.txt").read_text(encoding="utf-8").split("\n")
    assert "رئیس‌جمهور\tO" in lines
    assert "تهران\tB-location" in lines


# ---- the others ------------------------------------------------------------------------


def test_doccano_reports_malformed_lines(tmp_path: Path) -> None:
    source = tmp_path / "d.jsonl"
    source.write_text(
        '{"text": "ایران", "label": [[0, 5, "LOC"]]}\n'
        "{not json\n"
        '{"text": "abc", "label": [[2, 9, "X"]]}\n'
        '{"text": "تهران", "label": [[0, 5, "LOC"]]}\n',
        encoding="utf-8",
    )
    result = get("doccano").read(source)
    assert len(result.documents) == 3
    assert result.problems[0].startswith(f"{source}: not valid JSON (line 2, column 2: ")
    assert result.problems[1] == (f"{source}:3: label 1: offsets 2-9 are not a stretch of the text (3 characters)")


def test_brat_reports_bad_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("تهران و قم", encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tlocation 0 5\tتهران\nT2\tlocation 0 3;4 5\tx\nT3\tlocation 8 99\tx\nX9 what\nR1\tnear Arg1:T1 Arg2:T7\t\n",
        encoding="utf-8",
    )
    result = get("brat").read(tmp_path)
    ann = tmp_path / "a.ann"
    assert result.problems == [
        f"{ann}:2: discontinuous spans are not supported",
        f"{ann}:3: offsets 8-99 are not a stretch of the text (10 characters)",
        f"{ann}:4: cannot read 'X9 what'",
        f"{ann}:5: R1 refers to a missing span",
    ]
    assert [s.id for s in result.documents[0].spans] == ["T1"]


def test_brat_keeps_attributes_and_notes(tmp_path: Path) -> None:
    doc = doc_with_nesting()
    doc.spans[1].attributes = {"role": "official", "named": True}
    doc.spans[1].note = "سخنگو"
    get("brat").write([doc], tmp_path / "b")
    ann = (tmp_path / "b" / "n1.ann").read_text(encoding="utf-8")
    assert "A1\tnamed T2\n" in ann and "A2\trole T2 official\n" in ann
    assert "#1\tAnnotatorNotes T2\tسخنگو\n" in ann
    conf = (tmp_path / "b" / "annotation.conf").read_text(encoding="utf-8")
    assert "claimed_by\tArg1:claim, Arg2:actor" in conf
    back = get("brat").read(tmp_path / "b").documents[0]
    actor = next(s for s in back.spans if s.label == "actor")
    assert actor.attributes == {"role": "official", "named": True} and actor.note == "سخنگو"


# Label Studio's own end-to-end test (HumanSignal/label-studio,
# web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts): "test" in this text is 21-25,
# with and without its feature flag: Text regions count code points.
LS_EMOJI_TEXT = "🐱 Warning: This is a test text"


def ls_task(text: str, start: int, end: int, said: str) -> dict[str, object]:
    value = {"start": start, "end": end, "text": said, "labels": ["L"]}
    result = {"id": "a", "type": "labels", "value": value}
    return {"id": 7, "data": {"text": text}, "annotations": [{"result": [result]}]}


def test_labelstudio_counts_code_points_as_label_studio_does(tmp_path: Path) -> None:
    doc = AnnotatedDocument(Document("d", LS_EMOJI_TEXT), [SpanRecord("s1", "L", 21, 25, note="ن")])
    get("labelstudio").write([doc], tmp_path / "l.json")
    task = json.loads((tmp_path / "l.json").read_text(encoding="utf-8"))[0]
    value = task["annotations"][0]["result"][0]["value"]
    assert (value["start"], value["end"], value["text"]) == (21, 25, "test")
    back = get("labelstudio").read(tmp_path / "l.json")
    assert back.problems == []
    (span,) = back.documents[0].spans
    assert (span.start, span.end, span.note) == (21, 25, "ن")
    # and what Label Studio itself serialized reads back onto the same word
    (tmp_path / "ls.json").write_text(json.dumps([ls_task(LS_EMOJI_TEXT, 21, 25, "test")]), encoding="utf-8")
    (span,) = get("labelstudio").read(tmp_path / "ls.json").documents[0].spans
    assert LS_EMOJI_TEXT[span.start : span.end] == "test"


def test_labelstudio_reads_an_old_utf16_export_and_says_so(tmp_path: Path) -> None:
    # annotator before issue 9 wrote UTF-16 units: "test" at 22-26
    (tmp_path / "l.json").write_text(json.dumps([ls_task(LS_EMOJI_TEXT, 22, 26, "test")]), encoding="utf-8")
    result = get("labelstudio").read(tmp_path / "l.json")
    (span,) = result.documents[0].spans
    assert LS_EMOJI_TEXT[span.start : span.end] == "test"
    assert result.problems == ["%s: task 1 (id 7), annotation 1, result 1: offsets 22-26 count UTF-16 units, "
                               "not code points (read so)" % (tmp_path / "l.json")]  # fmt: skip


def test_labelstudio_reports_a_mismatching_region(tmp_path: Path) -> None:
    (tmp_path / "l.json").write_text(json.dumps([ls_task("\U0001f600 ایران", 0, 5, "ایران")]), encoding="utf-8")
    result = get("labelstudio").read(tmp_path / "l.json")
    assert result.problems and "task 1 (id 7), annotation 1, result 1: says 'ایران'" in result.problems[0]


def test_labelstudio_region_with_two_labels_is_two_spans(tmp_path: Path) -> None:
    # no astral characters: code points and UTF-16 units agree, so this holds either way
    text = "سازمان ملل در نیویورک نشست گذاشت"
    start, end = 0, len("سازمان ملل")
    city = text.index("نیویورک")
    region = {"start": start, "end": end, "text": text[start:end], "labels": ["LOC", "ORG"]}
    task = {
        "id": 1,
        "data": {"text": text},
        "annotations": [
            {
                "result": [
                    {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": region},
                    {
                        "id": "r2",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": city, "end": city + 7, "text": "نیویورک", "labels": ["LOC"]},
                    },
                    {"id": "r1", "from_name": "kind", "type": "choices", "value": {"choices": ["UN"]}},
                ]
            }
        ],
    }
    (tmp_path / "l.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    result = get("labelstudio").read(tmp_path / "l.json")
    assert result.problems == []
    (doc,) = result.documents
    found = sorted((s.label, s.start, s.end, doc.text[s.start : s.end], s.attributes) for s in doc.spans)
    assert found == [
        ("LOC", 0, 10, "سازمان ملل", {"kind": "UN"}),
        ("LOC", city, city + 7, "نیویورک", {}),
        ("ORG", 0, 10, "سازمان ملل", {"kind": "UN"}),
    ]
    assert len({s.id for s in doc.spans}) == 3
    # written back and read again, the two labels are still two spans on the same text
    get("labelstudio").write([doc], tmp_path / "again.json")
    again = get("labelstudio").read(tmp_path / "again.json").documents[0]
    assert sorted((s.label, s.start, s.end, s.attributes) for s in again.spans) == [f[:3] + f[4:] for f in found]


# doccano's annotation view counts UTF-16 units (doccano#2484, doccano#99): in this text
# (doccano#108's example) it puts label2 at 10-16, Python at 9-15.
DOCCANO_EMOJI_TEXT = "label1 😄 label2, label3"


def test_doccano_counts_utf16_units_by_default(tmp_path: Path) -> None:
    line = {"id": 1, "text": DOCCANO_EMOJI_TEXT, "label": [[10, 16, "L2"], [18, 24, "L3"]]}
    (tmp_path / "d.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = get("doccano").read(tmp_path / "d.jsonl")
    assert result.problems == []
    doc = result.documents[0]
    assert [doc.text[s.start : s.end] for s in doc.spans] == ["label2", "label3"]
    get("doccano").write([doc], tmp_path / "out.jsonl")
    written = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert written["label"] == [[10, 16, "L2"], [18, 24, "L3"]]


def test_doccano_code_point_files_with_the_option(tmp_path: Path) -> None:
    line = {"text": DOCCANO_EMOJI_TEXT, "entities": [{"id": 3, "label": "L2", "start_offset": 9, "end_offset": 15}]}
    (tmp_path / "d.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    doc = get("doccano").read(tmp_path / "d.jsonl", {"offsets": "codepoints"}).documents[0]
    assert [doc.text[s.start : s.end] for s in doc.spans] == ["label2"]
    get("doccano").write([doc], tmp_path / "out.jsonl", {"offsets": "codepoints"})
    written = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert (written["entities"][0]["start_offset"], written["entities"][0]["end_offset"]) == (9, 15)
    with pytest.raises(FormatError):
        get("doccano").read(tmp_path / "d.jsonl", {"offsets": "bytes"})


def test_doccano_export_says_nested_spans_need_overlap_allowed(tmp_path: Path) -> None:
    report = get("doccano").write([doc_with_nesting()], tmp_path / "d.jsonl")
    assert any("allows overlapping spans" in line for line in report.summary())


def test_csv_has_a_bom_and_persian(tmp_path: Path) -> None:
    report = get("csv").write([doc_with_nesting()], tmp_path / "s.csv")
    raw = (tmp_path / "s.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdocument_id,title,label,text,start,end,attributes,note")
    assert "تهران".encode() in raw
    assert report.left_out == {"relations (no place in one-row-per-span CSV)": 1}


def test_spacy_ents_keep_outermost(tmp_path: Path) -> None:
    report = get("spacy").write([doc_with_nesting()], tmp_path / "s.jsonl", {"key": "ents"})
    line = json.loads((tmp_path / "s.jsonl").read_text(encoding="utf-8"))
    assert [e["label"] for e in line["ents"]] == ["claim"]
    assert report.left_out["nested/overlapping spans (ents keep the outermost)"] == 2


def test_jsonl_is_lossless_and_reports_bad_lines(tmp_path: Path) -> None:
    doc = doc_with_nesting()
    doc.spans[0].attributes = {"stance": "neutral"}
    get("jsonl").write([doc], tmp_path / "p.jsonl")
    with (tmp_path / "p.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"format": "annotator/annotations"}\n')
    result = get("jsonl").read(tmp_path / "p.jsonl")
    assert result.documents[0].spans == sorted(doc.spans, key=lambda s: (s.start, -s.end))
    assert result.documents[0].relations == doc.relations
    assert result.problems and result.problems[0].startswith(f"{tmp_path / 'p.jsonl'}:2: $")


def test_webanno_stacked_and_multi_token_spans(tmp_path: Path) -> None:
    doc = doc_with_nesting()
    report = get("webanno").write([doc], tmp_path / "w")
    assert report.left_out == {"document titles/metadata (the file name is the document id)": 1}
    back = get("webanno").read(tmp_path / "w").documents[0]
    assert sorted((s.label, s.start, s.end) for s in back.spans) == sorted((s.label, s.start, s.end) for s in doc.spans)

    def ends(doc: AnnotatedDocument) -> list[tuple[str, tuple[str, int, int], tuple[str, int, int]]]:
        by_id = {s.id: (s.label, s.start, s.end) for s in doc.spans}
        return [(r.type, by_id[r.source], by_id[r.target]) for r in doc.relations]

    # the claim is claimed by the spokesman: the relation keeps its direction and both ends
    assert ends(back) == ends(doc) == [("claimed_by", ("claim", 0, len(doc.text)), ("actor", 4, 28))]
