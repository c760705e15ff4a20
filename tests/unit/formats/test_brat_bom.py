"""brat .txt files that start with a UTF-8 byte-order mark, or have CRLF line ends.

brat opens the .txt with `codecs.open(name, "r", encoding="utf8")` (nlplab/brat,
server/src/annotation.py, `open_textfile`): the underlying file is binary, so nothing
converts CRLF, and the "utf8" codec keeps a BOM as the character U+FEFF. Every offset in
the .ann counts both. Our text drops the BOM (offsets move back by one) and keeps CR.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.formats import get

BOM = "\ufeff"
# CRLF, an emoji (two UTF-16 units), ZWNJ inside a word, Arabic ي/ك, an astral letter
TEXT = "به گزارش IRNA، نخست\u200cوزیر 😊 در كربلا گفت.\r\n\r\nشياع السوداني و 𝐍𝐀𝐓𝐎 آماده\u200cاند.\r\n"
WORDS = [("ORG", "IRNA"), ("PER", "نخست\u200cوزیر"), ("LOC", "كربلا"), ("PER", "شياع السوداني"), ("ORG", "𝐍𝐀𝐓𝐎")]


def write_brat(folder: Path, name: str, text: str, words: list[tuple[str, str]], bom: bool) -> None:
    """A .txt/.ann pair as brat writes it: offsets over the text brat reads (BOM included)."""
    folder.mkdir(parents=True, exist_ok=True)
    brat_text = (BOM if bom else "") + text
    lines, after = [], 0
    for n, (label, word) in enumerate(words, 1):
        start = brat_text.index(word, after)
        after = start + 1
        lines.append(f"T{n}\t{label} {start} {start + len(word)}\t{word}\n")
    (folder / f"{name}.txt").write_bytes(brat_text.encode("utf-8"))
    (folder / f"{name}.ann").write_text("".join(lines), encoding="utf-8", newline="")


def test_brat_server_reads_the_bom_as_a_character(tmp_path: Path) -> None:
    # what brat's open_textfile does (mode "r": Python 3.11 refuses the "U" it adds)
    path = tmp_path / "d.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"ab\r\nc")
    with codecs.open(str(path), "r", encoding="utf8", errors="strict") as handle:
        assert handle.read() == "\ufeffab\r\nc"


def test_bom_and_crlf_txt_spans_stay_on_their_words(tmp_path: Path) -> None:
    write_brat(tmp_path / "b", "d1", TEXT, WORDS, bom=True)
    result = get("brat").read(tmp_path / "b")
    assert result.problems == []
    (doc,) = result.documents
    assert doc.text == TEXT  # BOM dropped, CRLF kept (brat counts the CRs)
    assert [(s.label, doc.text[s.start : s.end]) for s in doc.spans] == WORDS


def test_a_span_over_the_bom_alone_is_reported_and_one_from_it_starts_at_zero(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "d.txt").write_bytes((BOM + "قم و").encode())
    (folder / "d.ann").write_text("T1\tLOC 0 1\t\ufeff\nT2\tLOC 0 3\t\ufeffقم\nT3\tLOC 1 3\tقم\n", encoding="utf-8")
    result = get("brat").read(folder)
    assert [(s.id, s.start, s.end) for s in result.documents[0].spans] == [("T2", 0, 2), ("T3", 0, 2)]
    assert result.problems == [f"{folder / 'd.ann'}:1: the span covers only the byte-order mark; left out"]


def test_through_a_project_the_spans_and_text_come_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_brat(tmp_path / "src", "d1", TEXT, WORDS, bom=True)
    assert main(["import", str(tmp_path / "p"), str(tmp_path / "src"), "--format", "brat"]) == 0
    out = capsys.readouterr()
    assert "0 problem(s)" in out.out and "says" not in out.err
    assert main(["export", str(tmp_path / "p"), "--format", "brat", "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "d1.txt").read_bytes() == TEXT.encode("utf-8")  # our text, exactly
    again = get("brat").read(tmp_path / "out")
    assert again.problems == []
    doc = again.documents[0]
    assert [(s.label, doc.text[s.start : s.end]) for s in doc.spans] == WORDS


@pytest.mark.corpora
def test_shared_brat_files_with_a_bom_and_crlf_read_the_same_words(corpora: Path, tmp_path: Path) -> None:
    """brat's own example documents, saved again with a BOM and CRLF line ends and their
    offsets counted as brat counts them: every span on the same words as in the original."""
    source = corpora / "interop" / "brat"
    plain = get("brat").read(source)
    assert plain.documents
    for doc in plain.documents:
        crlf = doc.text.replace("\n", "\r\n")

        def moved(i: int, text: str = doc.text) -> int:
            return 1 + i + text.count("\n", 0, i)  # the BOM, and a CR before each LF

        ann = (source / f"{doc.document.id}.ann").read_text(encoding="utf-8")
        lines = []
        for line in ann.splitlines():
            fields = line.split("\t")
            if line.startswith("T") and ";" not in fields[1]:
                label, start, end = fields[1].split(" ")
                fields[1] = f"{label} {moved(int(start))} {moved(int(end))}"
                fields[2] = fields[2].replace("\n", " ")
            lines.append("\t".join(fields))
        folder = tmp_path / "bom"
        folder.mkdir(exist_ok=True)
        (folder / f"{doc.document.id}.txt").write_bytes(codecs.BOM_UTF8 + crlf.encode("utf-8"))
        (folder / f"{doc.document.id}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = get("brat").read(tmp_path / "bom")
    # the same problems (a note on a relation), none about the spans' text
    assert [p.split(":", 1)[1] for p in again.problems] == [p.split(":", 1)[1] for p in plain.problems]
    for before, after in zip(plain.documents, again.documents, strict=True):
        assert after.text == before.text.replace("\n", "\r\n")
        assert [(s.label, before.text[s.start : s.end].replace("\n", "\r\n")) for s in before.spans] == [
            (s.label, after.text[s.start : s.end]) for s in after.spans
        ]
        assert len(after.spans) == len(before.spans) > 0


def _embedded_files(folder: Path) -> dict[str, Path]:
    """doccano, Label Studio and spaCy files that start with a BOM (not part of the text)
    and whose text field starts with U+FEFF (part of it: the offsets count it)."""
    import json

    text = BOM + TEXT
    spans = [(text.index(word), text.index(word) + len(word), label) for label, word in WORDS]

    def u16(i: int) -> int:
        return len(text[:i].encode("utf-16-le")) // 2

    folder.mkdir()
    files = {
        "doccano": (folder / "d.jsonl", {"text": text, "label": [[u16(s), u16(e), lb] for s, e, lb in spans]}),
        "spacy": (
            folder / "s.jsonl",
            {"text": text, "spans": [{"start": s, "end": e, "label": lb} for s, e, lb in spans]},
        ),
        "labelstudio": (
            folder / "l.json",
            [
                {
                    "data": {"text": text},
                    "annotations": [
                        {
                            "result": [
                                {
                                    "id": f"r{n}",
                                    "from_name": "label",
                                    "to_name": "text",
                                    "type": "labels",
                                    "value": {"start": s, "end": e, "text": text[s:e], "labels": [lb]},
                                }
                                for n, (s, e, lb) in enumerate(spans)
                            ]
                        }
                    ],
                }
            ],
        ),
    }
    for path, content in files.values():
        path.write_bytes(codecs.BOM_UTF8 + json.dumps(content, ensure_ascii=False).encode("utf-8") + b"\n")
    return {name: path for name, (path, _) in files.items()}


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio", "spacy"])
def test_formats_that_embed_the_text_count_a_bom_in_it_and_not_the_files(tmp_path: Path, fmt: str) -> None:
    source = _embedded_files(tmp_path / "src")[fmt]
    result = get(fmt).read(source)
    assert not [p for p in result.problems if "says" in p or "text" in p]
    (doc,) = result.documents
    assert doc.text == BOM + TEXT  # the field as written: U+FEFF and CRs are its characters
    assert sorted((s.label, doc.text[s.start : s.end]) for s in doc.spans) == sorted(WORDS)
    # and through a project, back to the same text field and offsets
    assert main(["import", str(tmp_path / "p"), str(source), "--format", fmt, "-q"]) == 0
    out = tmp_path / ("out.json" if fmt == "labelstudio" else "out.jsonl")
    assert main(["export", str(tmp_path / "p"), "--format", fmt, "--out", str(out)]) == 0
    back = get(fmt).read(out).documents[0]
    assert back.text == BOM + TEXT
    assert sorted((s.start, s.end, s.label) for s in back.spans) == sorted((s.start, s.end, s.label) for s in doc.spans)


@pytest.mark.corpora
def test_webanno_file_with_a_bom_and_crlf_reads_as_the_original(corpora: Path, tmp_path: Path) -> None:
    """WebAnno's offsets count the document text, not the file: a BOM and CRLF line ends
    in the TSV file change nothing (the suite's testSentenceWithEmoji, saved so)."""
    source = corpora / "interop" / "webanno" / "testSentenceWithEmoji.tsv"
    copy = tmp_path / "bom.tsv"
    copy.write_bytes(codecs.BOM_UTF8 + source.read_bytes().replace(b"\n", b"\r\n"))
    plain, again = get("webanno").read(source), get("webanno").read(copy)
    assert again.problems == plain.problems == []
    assert again.documents[0].text == plain.documents[0].text == "I like it 😊 ."
    assert [(s.label, s.start, s.end) for s in again.documents[0].spans] == [
        (s.label, s.start, s.end) for s in plain.documents[0].spans
    ]
