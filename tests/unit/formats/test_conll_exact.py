"""CoNLL / BIO byte for byte: the columns, tags, sentence breaks and document boundaries an
export writes (CoNLL-2003's `-DOCSTART-`, CoNLL-U's `# doc_id = ID`), what it leaves out and
says, and what a read keeps of a file's layout so that it comes back line for line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.io.formats import AnnotatedDocument, RelationRecord, SpanRecord, get
from annotator.io.formats.base import FormatError, WriteReport
from annotator.io.formats.conll import file_settings
from annotator.model import Document

# وزیر 0-4, گفت 5-8, تهران 9-14, آماده 15-20, است 21-24, "." 24-25; سپس 26-29, رفت 30-33
TEXT = "وزیر گفت تهران آماده است. سپس رفت."


def hazm_doc() -> AnnotatedDocument:
    spans = [
        SpanRecord("a", "actor", 0, 4),
        SpanRecord("c", "claim", 5, 24, {"stance": "for"}),
        SpanRecord("l", "location", 9, 14),  # inside the claim: left out in one column
        SpanRecord("z", "location", 26, 33),
    ]
    return AnnotatedDocument(Document("n 1\tx", TEXT, "خبر"), spans, [RelationRecord("r", "by", "c", "a")])


LEFT_OUT = {
    "nested/overlapping spans (BIO keeps the outermost in each tag column)": 1,
    "relations (BIO has no place for them)": 1,
    "span attributes/notes (BIO has no place for them)": 1,
    "document titles/metadata (BIO keeps only tokens and tags)": 1,
}
BODY = (
    "وزیر\tB-actor\nگفت\tB-claim\nتهران\tI-claim\nآماده\tI-claim\nاست\tI-claim\n.\tO\n\n"
    "سپس\tB-location\nرفت\tI-location\n.\tO\n\n"
)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, "-DOCSTART-\tO\n\n" + BODY),
        ({"doc_boundary": "docstart"}, "-DOCSTART-\tO\n\n" + BODY),
        # the id on one line: its white space collapsed
        ({"doc_boundary": "comment"}, "# doc_id = n 1 x\n" + BODY),
        ({"doc_boundary": "none"}, BODY),
    ],
)
def test_export_of_hazm_tokens_exact(tmp_path: Path, options: dict[str, str], expected: str) -> None:
    seen: list[int] = []
    report = get("conll").write([hazm_doc()], tmp_path / "o.txt", options, progress=seen.append)
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == expected
    assert report.left_out == LEFT_OUT and report.notes == {}
    assert seen == [1] and report.written == 1


def test_iob1_pipe_and_underscore_tags(tmp_path: Path) -> None:
    doc = hazm_doc()
    doc.spans[3] = SpanRecord("z", "location", 26, 29)  # سپس, directly followed by
    doc.spans.append(SpanRecord("q", "location", 30, 33))  # رفت of the same label: B_ in IOB1
    options = {"scheme": "IOB1", "tag_style": "B_", "separator": "pipe", "doc_boundary": "none"}
    get("conll").write([doc], tmp_path / "o.txt", options)
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == (
        "وزیر|I_actor\nگفت|I_claim\nتهران|I_claim\nآماده|I_claim\nاست|I_claim\n.|O\n\n"
        "سپس|I_location\nرفت|B_location\n.|O\n\n"
    )
    back = get("conll").read(tmp_path / "o.txt")
    assert back.problems == []
    # the text read back is the tokens joined by spaces: "است ." has one more
    text = back.documents[0].text
    assert text == "وزیر گفت تهران آماده است .\nسپس رفت ."
    assert [(s.label, text[s.start : s.end]) for s in back.documents[0].spans] == [
        ("actor", "وزیر"),
        ("claim", "گفت تهران آماده است"),
        ("location", "سپس"),
        ("location", "رفت"),
    ]
    assert back.documents[0].layout == {
        "conll": {"separator": "|", "tag_style": "B_", "scheme": "IOB1", "tag_columns": 1}
    }


def test_kept_tokens_layers_and_what_is_left_out(tmp_path: Path) -> None:
    # علی 0-3, گفت 4-7 | تهران 8-13 | و 14-15, قم 16-18, امن 19-22 (sentences end at line breaks)
    text = "علی گفت\nتهران\nو قم امن"
    spans = [
        SpanRecord("a", "actor", 1, 7),  # starts inside علی: it is split there
        SpanRecord("b", "claim", 4, 18),  # crosses two sentence ends: cut at the first
        SpanRecord("c", "location", 7, 8),  # only the line break: no token
        SpanRecord("d", "location", 16, 18),
        SpanRecord("e", "location", 19, 22),  # directly after a location
        SpanRecord("f", "other", 0, 3),  # in no column
    ]
    # the extra columns kept do not fit the tokens (5 rows for 6 tokens): not written
    layout = {"conll": {"extra_columns": [["P"]] * 5, "separator": "|"}}
    tokens = [(0, 3), (4, 7), (8, 13), (14, 15), (16, 18), (19, 22)]
    doc = AnnotatedDocument(Document("d", text), spans, tokens=tokens, layout=layout)
    options = {"layers": [["actor", "location"], ["claim"]], "separator": "space"}
    report = get("conll").write([doc], tmp_path / "o.txt", options)
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == (
        "ع O O\nلی B-actor O\nگفت I-actor B-claim\n\nتهران O O\n\nو O O\nقم B-location O\nامن B-location O\n\n"
    )
    assert report.changed == {"tokens split at span edges so that the spans are exact": 1}
    assert report.left_out == {
        "spans crossing a sentence end (cut at it)": 1,
        "spans covering no token": 1,
        "spans whose label is in no tag column": 1,
    }
    report = get("conll").write([doc], tmp_path / "o.txt", {**options, "scheme": "IOB1"})
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == (
        "ع O O\nلی I-actor O\nگفت I-actor I-claim\n\nتهران O O\n\nو O O\nقم I-location O\nامن B-location O\n\n"
    )


def test_a_first_token_alone_in_its_sentence(tmp_path: Path) -> None:
    doc = AnnotatedDocument(Document("d", "علی\nگفت"), [SpanRecord("s", "PER", 0, 3)], tokens=[(0, 3), (4, 7)])
    get("conll").write([doc], tmp_path / "o.txt", {"doc_boundary": "none"})
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "علی\tB-PER\n\nگفت\tO\n\n"


def test_a_kept_token_over_a_line_break_does_not_end_the_sentence(tmp_path: Path) -> None:
    # the sentence ends at a line break between tokens, not at one inside a token
    relations = [RelationRecord("r1", "by", "s", "t"), RelationRecord("r2", "in", "t", "s")]
    spans = [SpanRecord("s", "X", 4, 10), SpanRecord("t", "PER", 0, 3)]
    doc = AnnotatedDocument(Document("d", "علی گفت\nها"), spans, relations, tokens=[(0, 3), (4, 10)])
    report = get("conll").write([doc], tmp_path / "o.txt", {"doc_boundary": "none"})
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "علی\tB-PER\nگفت\tB-X\nها\tI-X\n\n"
    assert report.left_out == {
        "line breaks inside tokens (written as spaces)": 1,
        "relations (BIO has no place for them)": 2,
    }


def test_kept_extra_columns_are_not_written_in_a_file_of_mixed_documents(tmp_path: Path) -> None:
    # one layout a file: a CoNLL document with POS columns beside one that has none
    layout = {"conll": {"separator": " ", "extra_columns": [["NNP"], ["VBZ"]]}}
    read = AnnotatedDocument(
        Document("a", "EU rejects"), [SpanRecord("s", "ORG", 0, 2)], tokens=[(0, 2), (3, 10)], layout=layout
    )
    report = get("conll").write(
        [read, AnnotatedDocument(Document("b", "قم"))], tmp_path / "o.txt", {"doc_boundary": "none"}
    )
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "EU\tB-ORG\nrejects\tO\n\nقم\tO\n\n"
    assert report.written == 2
    assert report.notes == {
        "documents read in different layouts (CoNLL and other documents): all written in one standard layout": 1
    }


def test_a_carriage_return_inside_a_kept_token(tmp_path: Path) -> None:
    doc = AnnotatedDocument(Document("c", "a\rb قم"), [SpanRecord("s", "X", 0, 3)], tokens=[(0, 3), (4, 6)])
    report = get("conll").write([doc], tmp_path / "o.txt", {"doc_boundary": "none"})
    assert (tmp_path / "o.txt").read_bytes().decode("utf-8") == "a\tB-X\nb\tI-X\nقم\tO\n\n"
    assert report.left_out == {"line breaks inside tokens (written as spaces)": 1}


def test_outermost_of_spans_starting_together_and_a_cut_after_two_tokens(tmp_path: Path) -> None:
    # علی گفت که | تهران امن | "نخست وزیر" (one kept token of two words, tagged O)
    text = "علی گفت که\nتهران امن\nنخست وزیر"
    tokens = [(0, 3), (4, 7), (8, 10), (11, 16), (17, 20), (21, 30)]
    spans = [
        SpanRecord("c", "claim", 4, 20, entity="e1"),
        SpanRecord("a", "actor", 4, 7),  # the same start: the longer is kept
        SpanRecord("t", "claim", 11, 20),
        SpanRecord("l", "location", 17, 20),  # on the last token of the one before: left out
    ]
    doc = AnnotatedDocument(Document("d", text), spans, tokens=tokens)
    report = get("conll").write([doc], tmp_path / "o.txt", {"doc_boundary": "none"})
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == (
        "علی\tO\nگفت\tB-claim\nکه\tI-claim\n\nتهران\tB-claim\nامن\tI-claim\n\nنخست\tO\nوزیر\tO\n\n"
    )
    assert report.left_out == {
        "spans crossing a sentence end (cut at it)": 1,
        "nested/overlapping spans (BIO keeps the outermost in each tag column)": 2,
        "entity links of mentions (BIO has no place for them)": 1,
    }
    assert report.notes == {"tokens with spaces written as one line per word": 1}


def test_iob1_second_token_after_a_span_of_its_label(tmp_path: Path) -> None:
    spans = [SpanRecord("a", "PER", 0, 3), SpanRecord("b", "PER", 4, 7)]
    doc = AnnotatedDocument(Document("d", "علی رضا آمد"), spans, tokens=[(0, 3), (4, 7), (8, 11)])
    get("conll").write([doc], tmp_path / "o.txt", {"doc_boundary": "none", "scheme": "IOB1"})
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "علی\tI-PER\nرضا\tB-PER\nآمد\tO\n\n"


def test_iob1_with_b_on_the_second_token_is_read_without_a_word(tmp_path: Path) -> None:
    (tmp_path / "i.txt").write_text("علی\tI-PER\nرضا\tB-PER\nآمد\tO\n\n", encoding="utf-8")
    back = get("conll").read(tmp_path / "i.txt")
    assert back.problems == [] and back.documents[0].layout["conll"]["scheme"] == "IOB1"
    assert [(s.label, s.start, s.end) for s in back.documents[0].spans] == [("PER", 0, 3), ("PER", 4, 7)]


def test_a_file_of_o_tags_only_is_written_back(tmp_path: Path) -> None:
    (tmp_path / "i.txt").write_text("علی O\nآمد O\n\n", encoding="utf-8")
    read = get("conll").read(tmp_path / "i.txt").documents
    assert read[0].layout["conll"]["tag_style"] == "B-"
    get("conll").write(read, tmp_path / "o.txt")
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "علی O\nآمد O\n\n"


def test_a_line_break_in_a_token_with_the_pipe_separator(tmp_path: Path) -> None:
    # a pipe-separated line may hold spaces: the token stays one line, its line break a space
    text = "EU\nX قم a\rb"
    doc = AnnotatedDocument(Document("e", text), [SpanRecord("s", "ORG", 0, 4)], tokens=[(0, 4), (5, 7), (8, 11)])
    report = get("conll").write([doc], tmp_path / "o.txt", {"doc_boundary": "none", "separator": "pipe"})
    assert (tmp_path / "o.txt").read_bytes().decode("utf-8") == "EU X|B-ORG\nقم|O\na b|O\n\n"
    assert report.left_out == {"line breaks inside tokens (written as spaces)": 2}


def test_a_token_read_with_a_leading_space_is_written_back_so(tmp_path: Path) -> None:
    (tmp_path / "i.txt").write_text("x\tO\n a\tB-X\n\n", encoding="utf-8")
    get("conll").write(get("conll").read(tmp_path / "i.txt").documents, tmp_path / "o.txt")
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "x\tO\n a\tB-X\n\n"


@pytest.mark.parametrize(
    ("content", "tokens", "extra"),
    [
        # token, POS, entity (WikiNER-like): the middle column is no tag, the last one is
        ("EU NNP B-ORG\nrejects VBZ O\nGerman JJ B-MISC\n\n", ["EU", "rejects", "German"], [["NNP"], ["VBZ"], ["JJ"]]),
        ("EU|NNP|B-ORG\nrejects|VBZ|O\nGerman|JJ|B-MISC\n\n", ["EU", "rejects", "German"], [["NNP"], ["VBZ"], ["JJ"]]),
        # CoNLL-2003 with one token a sentence: more blank lines than token lines
        ("EU NNP I-NP B-ORG\n\nGerman JJ I-NP B-MISC\n\n", ["EU", "German"], [["NNP", "I-NP"], ["JJ", "I-NP"]]),
        # one line with a column less: the most common count wins
        (
            "EU NNP I-NP B-ORG\nsaid VBD I-VP O\ncall NN O\nGerman JJ I-NP B-MISC\n\n",
            ["EU", "said", "call", "German"],
            [["NNP", "I-NP"], ["VBD", "I-VP"], ["NN"], ["JJ", "I-NP"]],
        ),
    ],
)
def test_columns_between_token_and_tag_are_counted(
    tmp_path: Path, content: str, tokens: list[str], extra: list[list[str]]
) -> None:
    (tmp_path / "i.txt").write_text(content, encoding="utf-8")
    result = get("conll").read(tmp_path / "i.txt")
    assert result.problems == []
    doc = result.documents[0]
    assert [doc.text[a:b] for a, b in doc.tokens or []] == tokens
    assert [s.label for s in doc.spans] == ["ORG", "MISC"]
    assert doc.layout["conll"]["separator"] == ("|" if "|" in content else " ")
    assert doc.layout["conll"]["extra_columns"] == extra


def test_a_file_without_tags_says_so_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "i.txt"
    path.write_text("hello world\nsecond line\n", encoding="utf-8")
    result = get("conll").read(path)
    assert result.problems == [
        f"{path}:1: no token and tag in 'hello world'",
        f"{path}:2: no token and tag in 'second line'",
    ]
    # most lines one word: the tagged line is still read; a long line is shown by its start
    path.write_text("hello\n" + "x" * 70 + "\nEU B-ORG\n", encoding="utf-8")
    result = get("conll").read(path)
    assert result.problems == [f"{path}:1: no token and tag in 'hello'", f"{path}:2: no token and tag in '{'x' * 60}'"]
    assert [(s.label, s.start, s.end) for s in result.documents[0].spans] == [("ORG", 0, 2)]


def test_white_space_after_the_tag_is_ignored(tmp_path: Path) -> None:
    for content in ("EU B-ORG \nrejects O  \n\n", "EU\tB-ORG\t\nrejects\tO\t\n\n"):
        (tmp_path / "i.txt").write_text(content, encoding="utf-8")
        result = get("conll").read(tmp_path / "i.txt")
        assert result.problems == []
        assert [(s.label, s.start, s.end) for s in result.documents[0].spans] == [("ORG", 0, 2)]


def test_the_tag_style_most_used_is_kept(tmp_path: Path) -> None:
    (tmp_path / "i.txt").write_text("EU B-ORG\nx B_PER\ny I_PER\nz B_LOC\n\n", encoding="utf-8")
    assert get("conll").read(tmp_path / "i.txt").documents[0].layout["conll"]["tag_style"] == "B_"


def test_extra_columns_and_a_line_break_inside_a_token(tmp_path: Path) -> None:
    text = "EU\nX rejects"
    layout = {"conll": {"separator": " ", "extra_columns": [["NNP", "I-NP"], ["VBZ", "I-VP"]]}}
    doc = AnnotatedDocument(
        Document("d", text), [SpanRecord("s", "ORG", 0, 4)], tokens=[(0, 4), (5, 12)], layout=layout
    )
    report = get("conll").write([doc], tmp_path / "o.txt")
    written = (tmp_path / "o.txt").read_text(encoding="utf-8")
    assert written == "EU NNP I-NP B-ORG\nX NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n"
    assert report.left_out == {"line breaks inside tokens (written as spaces)": 1}
    assert report.notes == {"tokens with spaces written as one line per word": 1}
    # without kept tokens there are no extra columns to write
    doc.tokens = None
    get("conll").write([doc], tmp_path / "o.txt")
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "EU B-ORG\n\nX O\nrejects O\n\n"


def test_reads_doc_id_comments_and_writes_them_back(tmp_path: Path) -> None:
    source = tmp_path / "c.txt"
    source.write_text(
        "# doc_id = خبر ۱\nعلی\tB-PER\r\nگفت\tO\n\nتهران\tB-LOC\n\n#doc_id=n2\nقم\tI-LOC\n\n", encoding="utf-8"
    )
    result = get("conll").read(source)
    assert result.problems == []
    first, second = result.documents
    assert first.document == Document("خبر ۱", "علی گفت\nتهران", "خبر ۱", {"source": "c.txt"})
    assert first.tokens == [(0, 3), (4, 7), (8, 13)]
    assert [(s.id, s.label, s.start, s.end) for s in first.spans] == [("s1", "PER", 0, 3), ("s2", "LOC", 8, 13)]
    layout = {"separator": "\t", "tag_style": "B-", "scheme": "IOB2", "tag_columns": 1, "doc_boundary": "comment"}
    assert first.layout == {"conll": layout}
    # a document whose spans all start with I- is IOB1: no orphan to report
    assert second.layout == {"conll": {**layout, "scheme": "IOB1"}}
    assert (second.document.id, second.text, second.tokens) == ("n2", "قم", [(0, 2)])
    get("conll").write(result.documents, tmp_path / "o.txt")
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == (
        "# doc_id = خبر ۱\nعلی\tB-PER\nگفت\tO\n\nتهران\tB-LOC\n\n# doc_id = n2\nقم\tB-LOC\n\n"
    )


def test_an_empty_document_keeps_its_comment_line(tmp_path: Path) -> None:
    docs = [AnnotatedDocument(Document("e", " ")), AnnotatedDocument(Document("f", "قم"))]
    get("conll").write(docs, tmp_path / "o.txt", {"doc_boundary": "comment"})
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "# doc_id = e\n\n# doc_id = f\nقم\tO\n\n"
    get("conll").write(docs, tmp_path / "o.txt", {"doc_boundary": "docstart"})
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "-DOCSTART-\tO\n\n-DOCSTART-\tO\n\nقم\tO\n\n"


def test_reads_without_boundaries_in_documents_of_n_sentences(tmp_path: Path) -> None:
    source = tmp_path / "c.txt"
    source.write_text("شیرابه های B-LOC\nزباله O\n O\nتنها\nو O\n\n\nیک O\n\nدو O\n\n", encoding="utf-8")
    result = get("conll").read(source, {"sentences_per_document": 2})
    # a token may contain the separator (PEYMA): the most common column count wins, the
    # smaller on a tie, and the line is split from the right
    assert result.problems == [f"{source}:3: no token and tag in ' O'", f"{source}:4: no token and tag in 'تنها'"]
    assert [(d.document.id, d.text, d.tokens) for d in result.documents] == [
        ("c-0001", "شیرابه های زباله و\nیک", [(0, 10), (11, 16), (17, 18), (19, 21)]),
        ("c-0002", "دو", [(0, 2)]),
    ]
    assert [(s.label, s.start, s.end) for s in result.documents[0].spans] == [("LOC", 0, 10)]
    assert result.documents[1].layout == {
        "conll": {"separator": " ", "tag_style": "B-", "scheme": "IOB2", "tag_columns": 1}
    }
    get("conll").write(result.documents, tmp_path / "o.txt")
    written = (tmp_path / "o.txt").read_text(encoding="utf-8")
    assert written == "شیرابه B-LOC\nهای I-LOC\nزباله O\nو O\n\nیک O\n\nدو O\n\n"
    # by default a hundred sentences make a document
    assert len(get("conll").read(source).documents) == 1


def test_hundred_sentences_a_document_by_default(tmp_path: Path) -> None:
    source = tmp_path / "c.bio"
    source.write_text("".join(f"ب{n} O\n\n" for n in range(201)), encoding="utf-8")
    result = get("conll").read(source)
    assert [d.text.count("\n") + 1 for d in result.documents] == [100, 100, 1]


def test_two_tag_columns_read_and_written_back(tmp_path: Path) -> None:
    source = tmp_path / "c.txt"
    content = "-DOCSTART- O O\n\nگفت O B-claim\nسخنگوی B-actor I-claim\nدولت I-actor I-claim\n\n"
    source.write_text(content, encoding="utf-8")
    result = get("conll").read(source, {"tag_columns": 2})
    assert result.problems == []
    doc = result.documents[0]
    assert [(s.id, s.label, s.start, s.end) for s in doc.spans] == [("s1", "actor", 4, 15), ("s2", "claim", 0, 15)]
    assert doc.layout == {
        "conll": {
            "separator": " ",
            "tag_style": "B-",
            "scheme": "IOB2",
            "tag_columns": 2,
            "layers": [["actor"], ["claim"]],
            "docstart": "-DOCSTART- O O",
        }
    }
    get("conll").write(result.documents, tmp_path / "o.txt")
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == content


@pytest.mark.parametrize(
    ("line", "separator"),
    [("قم\tB-LOC", "\t"), ("قم|B_LOC", "|"), ("قم B-LOC", " "), ("x|y\tB-LOC", "\t")],
)
def test_separator_is_detected(tmp_path: Path, line: str, separator: str) -> None:
    (tmp_path / "c.txt").write_text(f"-DOCSTART-|O\n\n{line}\n", encoding="utf-8")
    result = get("conll").read(tmp_path / "c.txt")
    assert result.problems == []
    assert result.documents[0].layout["conll"]["separator"] == separator


def test_the_first_2000_lines_decide_separator_and_columns(tmp_path: Path) -> None:
    """docs/formats.md: the separator and the column count are judged on the first 2,000
    lines, a tie going to tab (then `|`, then space) and to the fewer columns; a line after
    them that would break the tie changes nothing, and lines of the other kind are reported."""
    path = tmp_path / "c.txt"
    # 1,000 tab lines and 1,000 space lines tie: tab; the 2,001st (space) is not counted
    path.write_text("a\tO\n" * 1000 + "b O\n" * 1001, encoding="utf-8")
    result = get("conll").read(path)
    assert result.documents[0].layout["conll"]["separator"] == "\t"
    assert result.documents[0].text == " ".join(["a"] * 1000)
    assert len(result.problems) == 1001
    assert result.problems[-1] == f"{path}:2001: no token and tag in 'b O'"
    # 1,000 lines of two columns and 1,000 of three tie: two; the 2,001st (three) is not
    # counted, so the POS column stays part of the token
    path.write_text("a\tO\n" * 1000 + "b\tNN\tO\n" * 1001, encoding="utf-8")
    result = get("conll").read(path)
    assert result.problems == []
    doc = result.documents[0]
    assert [doc.text[a:b] for a, b in doc.tokens or []][999:1001] == ["a", "b\tNN"]
    assert "extra_columns" not in doc.layout["conll"]


def test_separator_option_wins_over_detection(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text("a b|B-X\n", encoding="utf-8")
    assert get("conll").read(tmp_path / "c.txt").documents[0].text == "a b"
    assert get("conll").read(tmp_path / "c.txt", {"separator": "space"}).documents[0].text == "a"
    assert get("conll").read(tmp_path / "c.txt", {"separator": "tab"}).problems == [
        f"{tmp_path / 'c.txt'}:1: no token and tag in 'a b|B-X'"
    ]


def test_bad_tags_and_orphans_named_by_line(tmp_path: Path) -> None:
    source = tmp_path / "c.txt"
    long_tag = "Z" * 50
    source.write_text(f"ایران B-LOC\nتهران {long_tag}\nو O\nسفر I-EV\nرفت I-EV\n\nقم I-LOC\n", encoding="utf-8")
    result = get("conll").read(source)
    assert result.problems == [
        f"{source}:2: {long_tag[:30]!r} is not a tag (O, B-X, I-X); read as O",
        f"{source}:4: I- tag starts a span (read as its beginning)",
        f"{source}:7: I- tag starts a span (read as its beginning)",
    ]
    assert [(s.label, s.start, s.end) for s in result.documents[0].spans] == [
        ("LOC", 0, 5),
        ("EV", 14, 21),
        ("LOC", 22, 24),
    ]


def test_not_utf8_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes(b"a O\n\xfe O\n")
    result = get("conll").read(tmp_path / "c.txt")
    assert (result.documents, result.problems) == ([], [f"{tmp_path / 'c.txt'}: not UTF-8 text (byte 4)"])


def test_bad_settings_say_what_to_use(tmp_path: Path) -> None:
    doc = hazm_doc()
    with pytest.raises(FormatError) as boundary:
        get("conll").write([doc], tmp_path / "o.txt", {"doc_boundary": "page"})
    assert str(boundary.value) == "document boundary 'page': use docstart, comment or none"
    with pytest.raises(FormatError) as style:
        get("conll").write([doc], tmp_path / "o.txt", {"tag_style": "B."})
    assert str(style.value) == "tag style 'B.': use B- or B_"
    with pytest.raises(FormatError) as separator:  # it was written with tabs, silently
        get("conll").write([doc], tmp_path / "o.txt", {"separator": "comma"})
    assert str(separator.value) == "separator 'comma': use space, tab or pipe"
    assert not (tmp_path / "o.txt").exists()


def conll_doc(text: str, **layout: object) -> AnnotatedDocument:
    return AnnotatedDocument(Document("d", text), tokens=[(0, len(text))], layout={"conll": dict(layout)})


def test_one_layout_for_a_file_of_mixed_documents() -> None:
    report = WriteReport()
    pipe = conll_doc("a", separator="|", tag_style="B_", tag_columns=1, scheme="IOB1", docstart="-DOCSTART-|O")
    tab = conll_doc("b", separator="\t", tag_style="B-", tag_columns=1, scheme="IOB1", docstart="-DOCSTART-|O")
    settings = file_settings([pipe, tab], {}, report)
    assert settings == {
        "separator": "\t",
        "tag_style": "B-",
        "scheme": "IOB1",
        "layers": None,
        "extra_columns": False,
        "doc_boundary": "docstart",
        "docstart": "-DOCSTART-|O",
    }
    assert report.notes == {
        "documents read in different layouts (separator, tag_style): all written in one standard layout": 1
    }
    report = WriteReport()
    one = conll_doc("a", separator="|", tag_style="B_", tag_columns=1)
    two = conll_doc("b", separator="|", tag_style="B_", tag_columns=2, layers=[["x"], ["y"]])
    assert file_settings([one, two], {}, report)["separator"] == "|"
    assert report.notes == {
        "documents read in different layouts (layers, tag_columns): all written in one standard layout": 1
    }
    report = WriteReport()
    plain = AnnotatedDocument(Document("p", "c"))
    settings = file_settings([pipe, plain], {"default_layers": [["x"], ["y"]]}, report)
    assert (settings["separator"], settings["layers"], settings["doc_boundary"]) == ("\t", [["x"], ["y"]], "docstart")
    assert settings["docstart"] == "-DOCSTART-\tO\tO"
    assert report.notes == {
        "documents read in different layouts (CoNLL and other documents): all written in one standard layout": 1
    }


def test_layers_kept_from_the_read_unless_given() -> None:
    read = conll_doc("a", separator=" ", tag_columns=2, layers=[["actor"], ["claim"]])
    assert file_settings([read], {"default_layers": [["z"]]}, WriteReport())["layers"] == [["actor"], ["claim"]]
    assert file_settings([read], {"layers": "all"}, WriteReport())["layers"] is None
    assert file_settings([read], {"layers": [["q"]]}, WriteReport())["layers"] == [["q"]]
    settings = file_settings([read], {}, WriteReport())
    assert (settings["doc_boundary"], settings["docstart"], settings["extra_columns"]) == (
        "none",
        "-DOCSTART- O O",
        False,
    )
    other = conll_doc("b", separator=" ", tag_columns=1)
    assert file_settings([read, other], {}, WriteReport())["layers"] is None
    # one column read: every label in it, whatever the default for other documents
    assert file_settings([other], {"default_layers": [["z"]]}, WriteReport())["layers"] is None
    # a stored layout with a separator CoNLL does not have: the standard tab
    assert file_settings([conll_doc("c", separator=";")], {}, WriteReport())["separator"] == "\t"


def test_peyma_layout_comes_back_line_for_line(tmp_path: Path) -> None:
    source = tmp_path / "peyma.txt"
    content = "شیرابه های|B_LOC\nزباله|I_LOC\nو|O\n\nقم|B_ORG\n\n"
    source.write_text(content, encoding="utf-8")
    result = get("conll").read(source)
    assert result.problems == []
    assert result.documents[0].layout == {
        "conll": {"separator": "|", "tag_style": "B_", "scheme": "IOB2", "tag_columns": 1}
    }
    get("conll").write(result.documents, tmp_path / "o.txt")
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == content
