"""WebAnno TSV 3.3 byte for byte: the header, #Text lines, rows with UTF-16 offsets (Java
strings: the emoji counts two), stacked and multi-token spans with their [n] ids, relations
written on their target's row with the governor's reference; and reading back INCEpTION's
layers, relations compared by type AND both ends, and one-line messages for bad rows.

The layout follows WebAnno's own TSV 3.3 test suite (webanno/webanno,
webanno-io-tsv/src/test/resources/tsv3-suite; three of its files are in
../shared/corpora/interop/webanno): two blank lines after the header, a tab ending each row.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from annotator.io.formats import AnnotatedDocument, RelationRecord, SpanRecord, get
from annotator.io.formats.webanno import escape, escape_text, unescape, unescape_text
from annotator.model import Document

# 😊 0-1 (two UTF-16 units), علی 2-5, گفت 6-9, ":" 9-10, a line break; تهران 11-16,
# امن 17-20, است 21-24, "." 24-25; قم 26-28, نیز 29-32
TEXT = "😊 علی گفت:\nتهران امن است. قم نیز"


def export_doc() -> AnnotatedDocument:
    spans = [
        SpanRecord("m", "emoji", 0, 1),  # alone on its token: no [n]
        SpanRecord("a", "actor", 2, 5, {"role": "official"}, entity="e1"),
        SpanRecord("c", "claim", 2, 23),  # ends inside است: it is split there
        SpanRecord("l", "loc|x", 11, 16),
        SpanRecord("e", "", 26, 28),  # no label: WebAnno's "*"
        SpanRecord("n", "none", 10, 11),  # only the line break: no token
        SpanRecord("w", "loc_y", 13, 16),  # inside تهران: split, as is loc|x over the whole
        SpanRecord("v", "adv", 29, 32),  # right after a span: no [n] either
    ]
    relations = [
        RelationRecord("r1", "by", "c", "a"),
        RelationRecord("r2", "in->x", "l", "e"),
        RelationRecord("r3", "gone", "l", "zz"),
        RelationRecord("r4", "at", "e", "l"),
        RelationRecord("r5", "also", "l", "a"),  # a second relation on the same row
    ]
    return AnnotatedDocument(Document("w1", TEXT, "عنوان"), spans, relations)


HEADER = (
    "#FORMAT=WebAnno TSV 3.3\n"
    "#T_SP=webanno.custom.Span|label\n"
    "#T_RL=webanno.custom.Relation|label|BT_webanno.custom.Span\n\n"
)
TSV = (
    HEADER + "\n#Text=😊 علی گفت:\n"
    "1-1\t0-2\t😊\temoji\t_\t_\t\n"
    "1-2\t3-6\tعلی\tclaim[1]|actor[2]\tby|also\t1-2[1_2]|2-1[3_2]\t\n"
    "1-3\t7-10\tگفت\tclaim[1]\t_\t_\t\n"
    "1-4\t10-11\t:\tclaim[1]\t_\t_\t\n"
    "\n#Text=تهران امن است.\n"
    "2-1\t12-14\tته\tclaim[1]|loc\\|x[3]\tat\t3-1[0_3]\t\n"
    "2-2\t14-17\tران\tclaim[1]|loc\\|x[3]|loc\\_y[4]\t_\t_\t\n"
    "2-3\t18-21\tامن\tclaim[1]\t_\t_\t\n"
    "2-4\t22-24\tاس\tclaim[1]\t_\t_\t\n"
    "2-5\t24-25\tت\t_\t_\t_\t\n"
    "2-6\t25-26\t.\t_\t_\t_\t\n"
    "\n#Text=قم نیز\n"
    "3-1\t27-29\tقم\t*\tin\\->x\t2-1[3_0]\t\n"
    "3-2\t30-33\tنیز\tadv\t_\t_\t\n"
)


def test_export_exact(tmp_path: Path) -> None:
    seen: list[int] = []
    other = AnnotatedDocument(Document("w1", "قم"), [SpanRecord("q", "LOC", 0, 2)])
    out = tmp_path / "new" / "w"  # folders made as needed
    report = get("webanno").write([export_doc(), other], out, progress=seen.append)
    assert (out / "w1.tsv").read_text(encoding="utf-8") == TSV
    # the same id twice: a second file, not the first overwritten
    assert (out / "w1-2.tsv").read_text(encoding="utf-8") == HEADER + "\n#Text=قم\n1-1\t0-2\tقم\tLOC\t_\t_\t\n"
    assert seen == [1, 2] and report.written == 2
    assert report.left_out == {
        "span attributes/notes (one feature: the label)": 1,
        "spans covering no token": 1,
        "relations to spans not written": 1,
        "document titles/metadata (the file name is the document id)": 1,
        "entity links of mentions (one feature: the label)": 1,
        # the space between "است." and "قم" is no sentence's: it reads back as a line break
        "documents' text between or after sentences (WebAnno keeps sentences only: it reads back as line breaks,"
        " a CR or space there as a line break, the end as nothing)": 1,
    }
    assert report.changed == {"tokens split at span edges so that the spans are exact": 2}


def test_export_reads_back_with_relations_by_type_and_both_ends(tmp_path: Path) -> None:
    get("webanno").write([export_doc()], tmp_path)
    result = get("webanno").read(tmp_path)
    assert result.problems == []
    doc = result.documents[0]
    # what lay between sentences is not in the format: a line break
    assert doc.text == "😊 علی گفت:\nتهران امن است.\nقم نیز"
    assert doc.document == Document("w1", doc.text, "", {"source": "w1.tsv"})
    # تهران and است as split for the spans that start or end inside them
    assert doc.tokens == [
        (0, 1), (2, 5), (6, 9), (9, 10), (11, 13), (13, 16), (17, 20), (21, 23), (23, 24), (24, 25), (26, 28), (29, 32)
    ]  # fmt: skip
    # the layers read, written back by an export
    assert doc.layout == {
        "webanno": {
            "span_layer": "webanno.custom.Span",
            "layers_read": True,
            "span": {"layer": "webanno.custom.Span", "features": ["label"]},
            "relation": {
                "layer": "webanno.custom.Relation",
                "features": ["label"],
                "base": "webanno.custom.Span",
                "tokens": False,
            },
        }
    }
    spans = {s.id: (s.label, s.start, s.end) for s in doc.spans}
    assert list(spans.values()) == [
        ("emoji", 0, 1),
        ("claim", 2, 23),
        ("actor", 2, 5),
        ("loc|x", 11, 16),
        ("loc_y", 13, 16),
        ("Span", 26, 28),  # no label: the layer's short name
        ("adv", 29, 32),
    ]
    assert [(r.type, spans[r.source], spans[r.target]) for r in doc.relations] == [
        ("by", ("claim", 2, 23), ("actor", 2, 5)),
        ("also", ("loc|x", 11, 16), ("actor", 2, 5)),
        ("at", ("Span", 26, 28), ("loc|x", 11, 16)),
        ("in->x", ("loc|x", 11, 16), ("Span", 26, 28)),
    ]


def test_every_special_character_is_escaped_and_read_back(tmp_path: Path) -> None:
    label = "a\\b[1]|c_d->e;f*\tg\nh"
    # as WebAnno's Escaping.escapeValue: a tab and a line break as the letters t and n
    assert escape(label) == "a\\\\b\\[1\\]\\|c\\_d\\->e\\;f\\*\\tg\\nh"
    assert unescape(escape(label)) == label
    doc = AnnotatedDocument(
        Document("d", "قم ری"),
        [SpanRecord("s", label, 0, 2), SpanRecord("t", "x|", 3, 5)],  # an escape at a value's end
        [RelationRecord("r", label, "t", "s")],
    )
    get("webanno").write([doc], tmp_path)
    back = get("webanno").read(tmp_path / "d.tsv").documents[0]
    spans = {s.id: (s.label, s.start, s.end) for s in back.spans}
    assert [(r.type, spans[r.source], spans[r.target]) for r in back.relations] == [
        (label, ("x|", 3, 5), (label, 0, 2))
    ]


def test_reads_other_layers_and_says_what_it_cannot(tmp_path: Path) -> None:
    rows = [
        "#T_SP=de.ner.NamedEntity|value|identifier",  # 1: no #FORMAT line
        "#T_CH=de.Coref|referenceType|referenceRelation",  # 2
        "#T_RL=webanno.custom.Dep|role|BT_de.ner.NamedEntity",
        "",
        "",
        "#Text=علی در تهران",
        "1-1\t0-3\tعلی\tPER[1]\tQ1[1]\t_\t_\t_\t_\t",
        "1-2\t4-6\tدر\tPER[1]\tQ1[1]\t_\t_\t_\t_\t",
        "1-3\t7-12\tتهران\t*|LOC\\|x\t_|Q2\t_\t_\tat|_|near\t1-1[1_0]|9-9|x\t",  # 9
        "1-3.1\t7-9\tته\t_\t_\t_\t_\t_\t_\t",  # a sub-token: no token of its own
        "garbage row",  # 11
        "",
        "#Text=قم و",  # a sentence over two lines
        "#Text=ری",
        "2-1\t14-16\tقم\t_\t_\t_\t_\t_\t_\t",
        "2-2\t17-18\tو\t_\t_\t_\t_\t_\t_\t",
        "2-3\t19-21\tری\tLOC\t_\t_\t_\t_\t_\t",
        "",
        "#Text=نه",
        "3-1\t30-32\tبله\t_\t_",  # 20: not the #Text's word, and cells missing
    ]
    (tmp_path / "a.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = get("webanno").read(tmp_path / "a.tsv")
    path = tmp_path / "a.tsv"
    assert result.problems == [
        f"{path}:1: not a WebAnno TSV 3 file (no #FORMAT line); read anyway",
        f"{path}:2: chain layer de.Coref is not read",
        f"{path}:11: cannot read the row 'garbage row'",
        f"{path}:20: the tokens do not match the #Text line; text rebuilt from the tokens",
        f"{path}:9: a relation refers to no annotation at 9-9",
        f"{path}:9: cannot read the relation reference 'x'",
    ]
    doc = result.documents[0]
    # sentences placed at their first token's offset; the gaps become line breaks
    assert doc.text == "علی در تهران\n\nقم و\nری" + "\n" * 9 + "بله"
    assert doc.tokens == [(0, 3), (4, 6), (7, 12), (14, 16), (17, 18), (19, 21), (30, 32)]
    assert doc.layout == {
        "webanno": {
            "span_layer": "de.ner.NamedEntity",
            "layers_read": True,
            "span": {"layer": "de.ner.NamedEntity", "features": ["value", "identifier"]},
            "relation": {
                "layer": "webanno.custom.Dep",
                "features": ["role"],
                "base": "de.ner.NamedEntity",
                "tokens": False,
            },
        }
    }
    assert [(s.id, s.label, s.start, s.end, s.attributes) for s in doc.spans] == [
        ("NamedEntity1@1-1#0", "PER", 0, 6, {"identifier": "Q1"}),
        ("NamedEntity@1-3#0", "NamedEntity", 7, 12, {}),
        ("NamedEntity@1-3#1", "LOC|x", 7, 12, {"identifier": "Q2"}),
        ("NamedEntity@2-3#0", "LOC", 19, 21, {}),
    ]
    assert [(r.id, r.type, r.source, r.target) for r in doc.relations] == [
        ("Dep@1-3#0", "at", "NamedEntity1@1-1#0", "NamedEntity@1-3#0")
    ]


def test_relations_between_tokens_overlapping_sentences_and_clamped_offsets(tmp_path: Path) -> None:
    rows = [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_RL=webanno.custom.Relation|value|BT_de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token",
        "",
        "",
        "#Text=x\\\\y قم",  # a backslash written twice in the #Text line
        "1-1\t0-3\tx\\\\y\t_\t_\t",
        "1-2\t4-6\tقم\tnsubj|*\t1-1|7-7\t",  # 7
        "",
        "#Text=ری",
        "2-1\t5-7\tری\t_\t1-2\t",  # 10: starts before the last sentence ended
        "2-1.1\t5-6\tر\t_\t_\t",  # a sub-token: not in the text rebuilt
        "2-2\t9-13\tز\t_\t_\t",
    ]
    (tmp_path / "a.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = get("webanno").read(tmp_path / "a.tsv")
    path = tmp_path / "a.tsv"
    assert result.problems == [
        f"{path}:10: the tokens do not match the #Text line; text rebuilt from the tokens",
        f"{path}:10: sentences overlap; offsets may be off",
        f"{path}: UTF-16 offset 13 outside 0..11; clamped",
        f"{path}:7: a relation refers to a missing token 7-7",
    ]
    doc = result.documents[0]
    assert doc.text == "x\\y قمری  ز"
    assert doc.tokens == [(0, 3), (4, 6), (5, 7), (9, 11)]
    # a relation on tokens: each end a span named after the base type
    # no span layer: the one an export writes if the coder adds spans; the relation's ends are tokens
    token = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
    assert doc.layout == {
        "webanno": {
            "span_layer": "webanno.custom.Span",
            "layers_read": True,
            "relation": {"layer": "webanno.custom.Relation", "features": ["value"], "base": token, "tokens": True},
        }
    }
    spans = {s.id: (s.label, s.start, s.end) for s in doc.spans}
    assert list(spans.values()) == [("Token", 0, 3), ("Token", 4, 6), ("Token", 5, 7)]
    assert [(r.id, r.type, spans[r.source], spans[r.target]) for r in doc.relations] == [
        ("Relation@1-2#0", "nsubj", ("Token", 0, 3), ("Token", 4, 6)),
        ("Relation@2-1#0", "Relation", ("Token", 4, 6), ("Token", 5, 7)),
    ]


def test_kept_tokens_and_their_line_breaks_make_the_rows(tmp_path: Path) -> None:
    # علی | a line break | گفت, "ری\nها" (one token kept from an import, over a line break)
    text = "علی\nگفت ری\nها"
    doc = AnnotatedDocument(Document("d", text), [SpanRecord("s", "X", 4, 13)], tokens=[(0, 3), (4, 7), (8, 13)])
    get("webanno").write([doc], tmp_path)
    assert (tmp_path / "d.tsv").read_text(encoding="utf-8") == HEADER + (
        "\n#Text=علی\n1-1\t0-3\tعلی\t_\t_\t_\t\n"
        "\n#Text=گفت ری\n#Text=ها\n2-1\t4-7\tگفت\tX[1]\t_\t_\t\n2-2\t8-13\tری ها\tX[1]\t_\t_\t\n"
    )


def test_reads_a_folder_of_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "a.tsv").write_text(HEADER + "\n#Text=قم\n1-1\t0-2\tقم\tLOC\t_\t_\t\n", encoding="utf-8")
    (tmp_path / "z.tsv").write_bytes(b"#FORMAT=WebAnno TSV 3.3\n\xff\n")
    (tmp_path / "c.tsv").write_text("#Text=ری\n1-1\t0-2\tری\t\n", encoding="utf-8")
    result = get("webanno").read(tmp_path)
    assert [(d.document.id, d.text, [s.label for s in d.spans]) for d in result.documents] == [
        ("a", "قم", ["LOC"]),
        ("c", "ری", []),
    ]
    assert result.problems == [
        f"{tmp_path / 'c.tsv'}:1: not a WebAnno TSV 3 file (no #FORMAT line); read anyway",
        f"{tmp_path / 'z.tsv'}: not UTF-8 text (byte 24)",
    ]


def test_crlf_a_sentence_ending_in_a_space_and_a_relation_layer_without_base(tmp_path: Path) -> None:
    rows = [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_RL=webanno.custom.Link|value",  # no BT_: the relation joins tokens
        "",
        "",
        "#Text=قم ",  # the sentence's text ends in a space: kept
        "1-1\t0-2\tقم\t_\t_\t",
        "",
        "#Text=EU X",
        "2-1\t3-5\tEU\tlink\t1-1\t",
        "2-2\t6-7\tX\t_\t_\t",
    ]
    (tmp_path / "a.tsv").write_bytes(("\r\n".join(rows) + "\r\n").encode())
    result = get("webanno").read(tmp_path / "a.tsv")
    assert result.problems == []
    doc = result.documents[0]
    assert (doc.text, doc.tokens) == ("قم EU X", [(0, 2), (3, 5), (6, 7)])
    spans = {s.id: (s.label, s.start, s.end) for s in doc.spans}
    assert [(r.type, spans[r.source], spans[r.target]) for r in doc.relations] == [
        ("link", ("Token", 0, 2), ("Token", 3, 5))
    ]


def test_rows_without_a_text_line_or_a_final_tab(tmp_path: Path) -> None:
    long_row = "x" * 70
    rows = ["#FORMAT=WebAnno TSV 3.3", "#T_SP=webanno.custom.Span|label", "", long_row, "1-1\t0-2\tقم\tmy label"]
    (tmp_path / "a.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = get("webanno").read(tmp_path / "a.tsv")
    path = tmp_path / "a.tsv"
    assert result.problems == [
        f"{path}:4: cannot read the row {long_row[:60]!r}",
        f"{path}:5: the tokens do not match the #Text line; text rebuilt from the tokens",
    ]
    doc = result.documents[0]
    assert doc.text == "قم"
    assert [(s.label, s.start, s.end) for s in doc.spans] == [("my label", 0, 2)]


def test_a_relation_layer_declared_before_its_span_layer(tmp_path: Path) -> None:
    # columns follow the header's order, whatever kinds come first
    rows = [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_RL=webanno.custom.Relation|label|BT_webanno.custom.Span",
        "#T_SP=webanno.custom.Span|label",
        "",
        "",
        "#Text=علی در قم",
        "1-1\t0-3\tعلی\t_\t_\tPER\t",
        "1-2\t4-6\tدر\t_\t_\t_\t",
        "1-3\t7-9\tقم\tin\t1-1\tLOC\t",
    ]
    (tmp_path / "a.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = get("webanno").read(tmp_path / "a.tsv")
    assert result.problems == []
    doc = result.documents[0]
    spans = {s.id: (s.label, s.start, s.end) for s in doc.spans}
    assert list(spans.values()) == [("PER", 0, 3), ("LOC", 7, 9)]
    assert [(r.type, spans[r.source], spans[r.target]) for r in doc.relations] == [("in", ("PER", 0, 3), ("LOC", 7, 9))]


def test_an_offset_inside_an_emoji_is_clamped_to_its_start(tmp_path: Path) -> None:
    rows = [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_SP=webanno.custom.Span|label",
        "",
        "",
        "#Text=😊x",
        "1-1\t0-2\t😊\t_\t",
        "1-2\t2-3\tx\tL\t",
        "",
        "#Text=ab",
        "2-1\t5-7\tab\t_\t",
        "2-2\t1-3\t?\tM\t",  # 11: begins between the emoji's two UTF-16 units
    ]
    path = tmp_path / "a.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = get("webanno").read(path)
    clamped = f"{path}: UTF-16 offset 1 splits a surrogate pair; clamped"
    assert result.problems == [
        f"{path}:10: the tokens do not match the #Text line; text rebuilt from the tokens",
        clamped,  # the token
        clamped,  # the span on it
    ]
    doc = result.documents[0]
    assert doc.text == "😊x\n\nab?"
    assert doc.tokens == [(0, 1), (1, 2), (4, 6), (0, 2)]
    assert [(s.label, s.start, s.end) for s in doc.spans] == [("L", 1, 2), ("M", 0, 2)]


def test_a_text_line_with_a_doubled_backslash_before_an_emoji(tmp_path: Path) -> None:
    # WebAnno doubles a backslash in #Text; read as written, the emoji's offsets would split it
    rows = [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_SP=webanno.custom.Span|label",
        "",
        "",
        "#Text=\\\\😊",
        "1-1\t0-1\t\\\\\t_\t",
        "1-2\t1-3\t😊\tL\t",
    ]
    (tmp_path / "a.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = get("webanno").read(tmp_path / "a.tsv")
    assert result.problems == []
    doc = result.documents[0]
    assert (doc.text, doc.tokens) == ("\\😊", [(0, 1), (1, 2)])
    assert [(s.label, s.start, s.end) for s in doc.spans] == [("L", 1, 2)]


def test_a_kept_token_holding_a_tab_stays_in_its_column(tmp_path: Path) -> None:
    doc = AnnotatedDocument(Document("d", "a\tb قم"), [SpanRecord("s", "X", 0, 3)], tokens=[(0, 3), (4, 6)])
    get("webanno").write([doc], tmp_path)
    rows = [line for line in (tmp_path / "d.tsv").read_text(encoding="utf-8").split("\n") if line[:1].isdigit()]
    assert rows == ["1-1\t0-3\ta b\tX\t_\t_\t", "1-2\t4-6\tقم\t_\t_\t_\t"]


def test_stacked_annotations_features_and_relations_read_as_webanno_means_them(tmp_path: Path) -> None:
    rows = [
        "#FORMAT=WebAnno TSV 3.3",
        "#T_SP=webanno.custom.Span|label|role",
        "#T_RL=webanno.custom.Link|BT_webanno.custom.Span",  # no feature: the type is the layer's name
        "#T_RL=webanno.custom.Rel|label|BT_webanno.custom.Span",
        "",
        "",
        "#Text=علی و رضا در قم .",
        # LOC[1] spans two tokens; PER, alone on its token, has no id: a reference without ids means it
        "1-1\t0-3\tعلی\tLOC[1]|PER\t_\t_\t_\t_\t",
        "1-2\t4-5\tو\tLOC[1]\t_\t_\t*\t1-3\t",  # a relation labelled "*": the layer's name
        "1-3\t6-9\tرضا\tPER|LOC\t*|\t_\tsaid\t1-1\t",  # role "*" and "": no value
        "1-4\t10-12\tدر\tORG[0]\t_\t_\tx|in\tbad|1-3\t",  # 11: [0] is no id; a bad reference, then a good one
        "1-5\t13-15\tقم\tORG[0]\t_\t1-3\tnear\t1-1|1-3\t",  # two references, one label
        "1-6\t16-17\t.\t_\t_\t_\tto\t1-1\t",  # 13: a relation on a row with no annotation
    ]
    path = tmp_path / "a.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = get("webanno").read(path)
    assert result.problems == [
        f"{path}:11: cannot read the relation reference 'bad'",
        f"{path}:13: a relation refers to no annotation at 1-6",
    ]
    doc = result.documents[0]
    spans = {s.id: (s.label, s.start, s.end) for s in doc.spans}
    assert list(spans.values()) == [
        ("LOC", 0, 5),
        ("PER", 0, 3),
        ("PER", 6, 9),
        ("LOC", 6, 9),
        ("ORG", 10, 12),
        ("ORG", 13, 15),
    ]
    assert [s.attributes for s in doc.spans] == [{}] * 6
    assert [(r.type, spans[r.source], spans[r.target]) for r in doc.relations] == [
        ("Link", ("PER", 6, 9), ("ORG", 13, 15)),
        ("Rel", ("PER", 6, 9), ("LOC", 0, 5)),
        ("said", ("PER", 0, 3), ("PER", 6, 9)),
        ("in", ("PER", 6, 9), ("ORG", 10, 12)),
        ("near", ("PER", 0, 3), ("ORG", 13, 15)),
        ("Rel", ("PER", 6, 9), ("ORG", 13, 15)),
    ]


def test_text_lines_are_escaped_as_webanno_writes_and_reads_them(tmp_path: Path) -> None:
    """#Text= lines carry the text as WebAnno's Escaping.escapeText writes it (TSV 3.2 and
    later): a backslash doubled; tab, form feed, carriage return, backspace as \\t \\f \\r
    \\b; other control characters (not the vertical tab) behind a backslash. Written raw, a
    path like C:\\new read back by INCEpTION turns its \\n into a line break."""
    text = "مسیر C:\\new\\temp و ¯\\_(ツ)_/¯\tبا\x01\x0b\f\r\bپایان"
    assert escape_text(text) == "مسیر C:\\\\new\\\\temp و ¯\\\\_(ツ)_/¯\\tبا\\\x01\x0b\\f\\r\\bپایان"
    assert unescape_text(escape_text(text)) == text
    doc = AnnotatedDocument(
        Document("d", text), [SpanRecord("p", "path", 5, 16), SpanRecord("e", "end", len(text) - 5, len(text))]
    )
    get("webanno").write([doc], tmp_path)
    lines = (tmp_path / "d.tsv").read_text(encoding="utf-8").split("\n")
    assert [line for line in lines if line.startswith("#Text=")] == ["#Text=" + escape_text(text)]
    result = get("webanno").read(tmp_path / "d.tsv")
    assert result.problems == []
    back = result.documents[0]
    assert back.text == text
    assert [(s.label, s.start, s.end, text[s.start : s.end]) for s in back.spans] == [
        ("path", 5, 16, "C:\\new\\temp"),
        ("end", len(text) - 5, len(text), "پایان"),
    ]


def _tsv(text_lines: list[str], rows: list[str], version: str = "3.3") -> str:
    head = [f"#FORMAT=WebAnno TSV {version}", "#T_SP=webanno.custom.Span|label", "", ""]
    return "\n".join(head + [f"#Text={line}" for line in text_lines] + rows) + "\n"


def test_a_text_line_escaped_by_webanno_reads_as_its_text(tmp_path: Path) -> None:
    # the layout of WebAnno's suite case tsv3-suite/testSentenceWithTab, in Persian: the
    # tab is written as \t and counts one unit in the offsets
    rows = ["1-1\t0-3\tاین\t*\t", "1-2\t4-6\tیک\t_\t", "1-3\t7-12\tآزمون\t_\t", "1-4\t13-14\t.\t_\t"]
    (tmp_path / "a.tsv").write_text(_tsv(["این\\tیک آزمون ."], rows), encoding="utf-8")
    result = get("webanno").read(tmp_path / "a.tsv")
    assert result.problems == []
    doc = result.documents[0]
    assert doc.text == "این\tیک آزمون ."
    assert [(s.start, s.end) for s in doc.spans] == [(0, 3)]


def test_text_lines_of_tsv_3_1_are_read_as_java_strings(tmp_path: Path) -> None:
    # WebAnno read TSV 3.0 and 3.1 #Text= lines with unescapeJava (\\uXXXX, octal, \\t ...)
    assert unescape_text("a\\u0628\\101\\t\\q\\\\", 1) == "aبA\tq\\"
    assert unescape_text("a\\u0628\\101\\t\\q\\\\", 3) == "a\\u0628\\101\t\\q\\"  # 3.2 and later: only its own escapes
    rows = ["1-1\t0-2\tقم\tL\t", "1-2\t3-4\t\\\t_\t", "1-3\t5-7\tری\t_\t"]
    (tmp_path / "a.tsv").write_text(_tsv(["\\u0642\\u0645 \\\\ ری"], rows, "3.1"), encoding="utf-8")
    result = get("webanno").read(tmp_path / "a.tsv")
    assert result.problems == []
    assert result.documents[0].text == "قم \\ ری"


@given(st.text())
def test_any_text_escapes_to_one_line_and_back(text: str) -> None:
    escaped = escape_text(text)
    assert not set(escaped) & {"\t", "\n", "\r"}  # a #Text= line stays one line, one field
    assert unescape_text(escaped) == text


def test_unescaping_edges_of_either_version() -> None:
    # TSV 3.0/3.1 (unescapeJava): a backslash before a letter that is no escape is dropped,
    # also before "u" without four hex digits; a lone backslash at the end goes too
    assert [unescape_text(t, 1) for t in ("\\q", "\\X", "\\u", "a\\")] == ["q", "X", "u", "a"]
    # TSV 3.2 and later: only its own escapes are read; any other backslash stays
    assert [unescape_text(t, 2) for t in ("\\q", "\\u0628", "a\\")] == ["\\q", "\\u0628", "a\\"]


def test_a_sentence_of_two_text_lines_is_unescaped_line_by_line(tmp_path: Path) -> None:
    # WebAnno writes a sentence holding a line break as two #Text lines, each escaped
    rows = ["1-1\t0-2\tقم\tL\t", "1-2\t3-4\tو\t_\t", "1-3\t5-7\tری\tL\t"]
    (tmp_path / "a.tsv").write_text(_tsv(["قم\\tو", "ری"], rows), encoding="utf-8")
    result = get("webanno").read(tmp_path / "a.tsv")
    assert result.problems == []
    doc = result.documents[0]
    assert doc.text == "قم\tو\nری"
    assert [(s.start, s.end) for s in doc.spans] == [(0, 2), (5, 7)]


def test_an_export_of_an_earlier_version_with_raw_backslashes_still_reads(tmp_path: Path) -> None:
    """Before #Text= lines were escaped, this program wrote them as they are: such a file
    is read as written when only that matches its tokens, over one line or two."""
    # C:\temp written raw: unescaped, "\t" would be a tab and the token would not match
    rows = ["1-1\t0-7\tC:\\temp\tP\t", "1-2\t8-10\tقم\t_\t"]
    (tmp_path / "a.tsv").write_text(_tsv(["C:\\temp", "قم"], rows), encoding="utf-8")
    result = get("webanno").read(tmp_path / "a.tsv")
    assert result.problems == []
    assert result.documents[0].text == "C:\\temp\nقم"
    assert [(s.label, s.start, s.end) for s in result.documents[0].spans] == [("P", 0, 7)]
    # two backslashes at the end: unescaped the text is one shorter than the last token's end
    rows = ["1-1\t0-1\tx\t_\t", "1-2\t2-4\t\\\\\tB\t"]
    (tmp_path / "b.tsv").write_text(_tsv(["x \\\\"], rows), encoding="utf-8")
    result = get("webanno").read(tmp_path / "b.tsv")
    assert result.problems == []
    assert result.documents[0].text == "x \\\\"
    assert [(s.label, s.start, s.end) for s in result.documents[0].spans] == [("B", 2, 4)]
