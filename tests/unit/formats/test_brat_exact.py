"""brat standoff byte for byte: the .txt/.ann/annotation.conf an export writes, every kind of
line brat writes read back (T, R, E, *, A/M, #, N), and the one-line message for each bad line.

brat reads the .txt as a Python str and slices it (nlplab/brat server/src/annotation.py), so
offsets are code points and the text is written exactly as it is, "\\r\\n" included.
"""

from __future__ import annotations

from pathlib import Path

from annotator.io.formats import AnnotatedDocument, RelationRecord, SpanRecord, get
from annotator.model import Document

# وزیر 0-4, گفت 5-8, a line break, تهران 9-14, آماده 15-20, است 21-24
TEXT = "وزیر گفت\nتهران آماده است"


def export_doc() -> AnnotatedDocument:
    claim = SpanRecord(
        "s1", "claim", 5, 24, {"stance": "against us", "named": True, "off": False, "none": None}, entity="e9"
    )
    actor = SpanRecord("s2", "actor", 0, 4, note="سخنگو\nرسمی\tاول")
    spaced = SpanRecord("s3", "my label", 9, 14)
    place = SpanRecord("s4", "location", 9, 14)
    verb = SpanRecord("s5", "verb", 5, 8, {"stance": "for", "my key": True}, note="فعل")  # starts with the claim
    relations = [
        RelationRecord("r1", "claimed_by", "s1", "s2"),
        RelationRecord("r2", "in place", "s1", "s4"),
        RelationRecord("r3", "claimed_by", "s1", "gone"),
        RelationRecord("r4", "claimed_by", "s4", "s2"),
        RelationRecord("r5", "claimed_by", "s1", "s5"),
    ]
    return AnnotatedDocument(Document("n1", TEXT, "خبر"), [claim, actor, spaced, place, verb], relations)


def test_export_writes_exact_ann_txt_and_conf(tmp_path: Path) -> None:
    second = AnnotatedDocument(
        Document("n2", "قم\r\nو"), [SpanRecord("x", "actor", 0, 2), SpanRecord("y", "actor", 0, 5)]
    )
    seen: list[int] = []
    out = tmp_path / "new" / "b"  # folders made as needed
    report = get("brat").write([export_doc(), second], out, progress=seen.append)
    assert seen == [1, 2] and report.written == 2
    assert (out / "n1.txt").read_bytes() == TEXT.encode()
    assert (out / "n2.txt").read_bytes() == "قم\r\nو".encode()  # no newline conversion
    # spans by (start, -end, id); attribute numbers count the ones left out; a relation
    # to a missing span keeps its number free; line breaks and tabs become spaces
    assert (out / "n1.ann").read_text(encoding="utf-8") == (
        "T1\tactor 0 4\tوزیر\n"
        "#1\tAnnotatorNotes T1\tسخنگو رسمی اول\n"
        "T2\tclaim 5 24\tگفت تهران آماده است\n"
        "A1\tnamed T2\n"
        "A4\tstance T2 against_us\n"
        "T3\tverb 5 8\tگفت\n"
        "A5\tmy_key T3\n"
        "A6\tstance T3 for\n"
        "#2\tAnnotatorNotes T3\tفعل\n"
        "T4\tmy_label 9 14\tتهران\n"
        "T5\tlocation 9 14\tتهران\n"
        "R1\tclaimed_by Arg1:T2 Arg2:T1\t\n"
        "R2\tin_place Arg1:T2 Arg2:T5\t\n"
        "R4\tclaimed_by Arg1:T5 Arg2:T1\t\n"
        "R5\tclaimed_by Arg1:T2 Arg2:T3\t\n"
    )
    # a line break inside a span's text is written as spaces: a T line is one line
    assert (out / "n2.ann").read_text(encoding="utf-8") == "T1\tactor 0 5\tقم  و\nT2\tactor 0 2\tقم\n"
    assert (out / "annotation.conf").read_text(encoding="utf-8") == (
        "# written by annotator\n\n[entities]\n\nactor\nclaim\nverb\nmy_label\nlocation\n\n[relations]\n\n"
        "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n"
        "claimed_by\tArg1:claim|location, Arg2:actor|verb\n"
        "in_place\tArg1:claim, Arg2:location\n"
        "\n[events]\n\n[attributes]\n\n"
        "named\tArg:<ENTITY>\nnone\tArg:<ENTITY>\noff\tArg:<ENTITY>\n"
        "stance\tArg:<ENTITY>, Value:against_us|for\nmy_key\tArg:<ENTITY>\n"
    )
    assert report.left_out == {
        "labels/attribute values with spaces (written with '_')": 4,
        "false/empty attributes (brat has no way to say 'off')": 2,
        "relations to missing spans": 1,
        "document titles/metadata (brat keeps only the text)": 1,
        "entity links of mentions (the format has no place for them)": 1,
    }
    assert report.notes == {}


def test_export_round_trips(tmp_path: Path) -> None:
    get("brat").write([export_doc()], tmp_path / "b")
    result = get("brat").read(tmp_path / "b" / "n1.ann")
    assert result.problems == []
    doc = result.documents[0]
    assert (doc.document.id, doc.document.title, doc.document.metadata, doc.text) == ("n1", "", {}, TEXT)
    assert [(s.id, s.label, s.start, s.end, s.attributes, s.note) for s in doc.spans] == [
        ("T1", "actor", 0, 4, {}, "سخنگو رسمی اول"),
        ("T2", "claim", 5, 24, {"named": True, "stance": "against_us"}, ""),
        ("T3", "verb", 5, 8, {"my_key": True, "stance": "for"}, "فعل"),
        ("T4", "my_label", 9, 14, {}, ""),
        ("T5", "location", 9, 14, {}, ""),
    ]
    assert [(r.id, r.type, r.source, r.target) for r in doc.relations] == [
        ("R1", "claimed_by", "T2", "T1"),
        ("R2", "in_place", "T2", "T5"),
        ("R4", "claimed_by", "T5", "T1"),
        ("R5", "claimed_by", "T2", "T3"),
    ]


def test_an_empty_label_is_written_as_underscore(tmp_path: Path) -> None:
    doc = AnnotatedDocument(Document("d", "قم"), [SpanRecord("s", " ", 0, 2, {"kind": "  "})])
    report = get("brat").write([doc], tmp_path)
    assert (tmp_path / "d.ann").read_text(encoding="utf-8") == "T1\t_ 0 2\tقم\nA1\tkind T1 _\n"
    assert report.left_out == {"labels/attribute values with spaces (written with '_')": 2}


# علی 0-3, گفت 4-7, تهران 8-13, امن 14-17, است 18-21
READ_TEXT = "علی گفت تهران امن است"
LONG = "ب" * 70
READ_ANN = "\n".join(
    [
        "T1\tactor 0 3\tعلی",  # 1
        "T2\tstatement 4 7\tگفت",  # 2
        "T3\tlocation 8 13\tتهران",  # 3
        "E1\tstatement:T2 Agent:T1 Place2:T3",  # 4: roles lose their number
        "R1\tnear Arg1:T3 Arg2:T1",  # 5
        "*\tAlias T1 T3 T2",  # 6: a chain T1->T3->T2
        "A1\tNegated E1",  # 7: on the event's trigger
        "M2\tConfidence T1 High",  # 8
        "#1\tAnnotatorNotes T3\tپایتخت",  # 9
        "#2\tAnnotatorNotes R1\tیادداشت",  # 10
        "#3\tAnnotatorNotes T9\tx",  # 11
        "N1\tReference T1 Wikipedia:123\tعلی",  # 12
        "E2\tstatement:T9 Agent:T1",  # 13
        "E3\tstatement:T2 Agent:T99 Theme:T3",  # 14
        "*\tAlias T1 T7",  # 15
        "A2\tNegated T7",  # 16
        "T1\tactor 4 7\tگفت",  # 17
        "T4\tactor",  # 18
        "T5\tactor a b\tx",  # 19
        "T6\tactor 14 17\t" + LONG,  # 20: kept, said to differ
        "R2\tnear Arg1:T1",  # 21
        "",  # 22
        "\r",  # 23
        "T7\tactor 0 1 2",  # 24
        "E4\tstatement:T2 Theme:E1",  # 25: an event argument stands for its trigger
        "E5",  # 26
        "A3\tNegated",  # 27
        "X9 " + LONG,  # 28
        "T8\tlocation 18 21\tاست\r",  # 29
        "R3\tnear Arg1:E1 Arg2:T8",  # 30
        "T9\tlocation 0 3;4 7\tعلی گفت",  # 31
        "T10\tlocation 20 22\tx",  # 32
        "T11\tlocation 8 14\tتهران ",  # 33: a span may end in a space
        "M3\tConfidence T8 MAX",  # 34
        "E6\t",  # 35
        "E7\tstatementT2 Agent:T1",  # 36: no "Type:" before the trigger
        "R9",  # 37
        "R4\tnear T1 T3",  # 38: arguments without their role names
        "R5\tnear Arg1:T99 Arg2:T1",  # 39
        "#4\tAnnotatorNotes T8",  # 40: an empty note
        "R6\t" + LONG + " Arg1:T1",  # 41
        "T12\t location 0 3\tعلی",  # 42: one space between the fields, not two
        "T13\tlocation 0 3",  # 43: the text is optional
    ]
)


def test_reads_every_kind_of_line_and_says_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(READ_TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text(READ_ANN, encoding="utf-8")
    result = get("brat").read(tmp_path / "a.txt")
    ann = tmp_path / "a.ann"
    assert result.problems == [
        f"{ann}:17: duplicate id T1",
        f"{ann}:18: a T line needs a label and offsets",
        f"{ann}:19: offsets 'a b' are not two numbers",
        f"{ann}:20: says {LONG[:40]!r} but the text has 'امن' (kept)",
        f"{ann}:24: offsets '0 1 2' are not two numbers",
        f"{ann}:26: cannot read 'E5'",
        f"{ann}:28: cannot read {('X9 ' + LONG)[:60]!r}",
        f"{ann}:31: discontinuous spans are not supported",
        f"{ann}:32: offsets 20-22 are not a stretch of the text (21 characters)",
        f"{ann}:42: offsets 'location 0 3' are not two numbers",
        f"{ann}:10: a note on relation R1 is not kept",
        f"{ann}:11: #3 refers to a missing annotation",
        f"{ann}:12: normalizations (N lines) are not read",
        f"{ann}:13: E2: its trigger is missing",
        f"{ann}:14: E3: T99 is missing",
        f"{ann}:15: an equivalence refers to a missing span",
        f"{ann}:16: A2 refers to a missing span",
        f"{ann}:21: cannot read 'R2 near Arg1:T1'",
        f"{ann}:27: cannot read 'A3 Negated'",
        f"{ann}:35: cannot read 'E6 '",
        f"{ann}:36: E7: its trigger is missing",
        f"{ann}:37: cannot read 'R9'",
        f"{ann}:39: R5 refers to a missing span",
        f"{ann}:41: cannot read {('R6 ' + LONG + ' Arg1:T1')[:60]!r}",
    ]
    doc = result.documents[0]
    assert (doc.document.id, doc.text) == ("a", READ_TEXT)
    assert [(s.id, s.label, s.start, s.end, s.attributes, s.note) for s in doc.spans] == [
        ("T1", "actor", 0, 3, {"Confidence": "High"}, ""),
        ("T2", "statement", 4, 7, {"Negated": True}, ""),
        ("T3", "location", 8, 13, {}, "پایتخت"),
        ("T6", "actor", 14, 17, {}, ""),
        ("T8", "location", 18, 21, {"Confidence": "MAX"}, ""),
        ("T11", "location", 8, 14, {}, ""),
        ("T13", "location", 0, 3, {}, ""),
    ]
    assert [(r.id, r.type, r.source, r.target) for r in doc.relations] == [
        ("E1-1", "Agent", "T2", "T1"),
        ("E1-2", "Place", "T2", "T3"),
        ("R1", "near", "T3", "T1"),
        ("*6-1", "Alias", "T1", "T3"),
        ("*6-2", "Alias", "T3", "T2"),
        ("E3-2", "Theme", "T2", "T3"),
        ("E4-1", "Theme", "T2", "T2"),
        ("R3", "near", "T2", "T8"),
        ("R4", "near", "T1", "T3"),
    ]


def test_long_texts_are_cut_in_messages(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("پ" * 50, encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tX 0 50\t" + "ت" * 50 + "\n", encoding="utf-8")
    result = get("brat").read(tmp_path / "a.ann")
    said, has = "ت" * 40, "پ" * 40
    assert result.problems == [f"{tmp_path / 'a.ann'}:1: says {said!r} but the text has {has!r} (kept)"]


def test_a_role_of_digits_only_is_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("ab", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tX 0 1\ta\nT2\tX 1 2\tb\nE1\tX:T1 12:T2 TAX2:T2\n", encoding="utf-8")
    doc = get("brat").read(tmp_path / "a.ann").documents[0]
    assert [r.type for r in doc.relations] == ["12", "TAX"]


def test_reads_a_folder_and_says_which_files_it_cannot(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("قم", encoding="utf-8")
    (tmp_path / "b" / "z.ann").write_text("T1\tlocation 0 2\tقم\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("تهران", encoding="utf-8")  # no .ann: a document, no spans
    (tmp_path / "c.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.ann").write_bytes(b"T1\tX 0 1\t\xff\n")
    result = get("brat").read(tmp_path)
    assert result.problems == [
        f"{tmp_path / 'a.txt'}: no .ann file beside it (no spans)",
        f"{tmp_path / 'c.ann'}: not UTF-8 text (byte 9)",
    ]
    assert [(d.document.id, d.text, len(d.spans)) for d in result.documents] == [("a", "تهران", 0), ("z", "قم", 1)]
    assert get("brat").read(tmp_path / "a.json").problems == [
        f"{tmp_path / 'a.json'}: not a brat .ann/.txt file or folder"
    ]
    assert get("brat").read(tmp_path / "a.json").documents == []
