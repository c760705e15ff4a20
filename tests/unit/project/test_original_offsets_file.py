"""`--original-offsets` counts in the source file: a text file's BOM (as U+FEFF), its CRs
and the blank space around the text are kept in that text, and spans are mapped through
the same maps as normalization's. The stored text and the annotation files do not change.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.cli import main
from annotator.io.formats import get
from annotator.io.importers.base import clean_text, clean_text_mapped
from annotator.io.project import Project, check_project

# a BOM, CRLF line ends, an emoji, ZWNJ, Arabic ي/ك, a blank line, a final CRLF
FILE_TEXT = (
    "\ufeffبه گزارش خبرگزاری IRNA، نخست\u200cوزیر عراق 😊 در كربلا گفت.\r\n"
    "\r\n"
    "سازمان ملل و 𝐍𝐀𝐓𝐎 در ٣ نشست در کابل حضور داشتند.\r\n"
)
WORDS = ["IRNA", "نخست\u200cوزیر عراق", "كربلا", "𝐍𝐀𝐓𝐎", "کابل"]


@given(st.text(alphabet=["\ufeff", "\r", "\n", " ", "\t", "a", "ب", "😊", "\u200c"], max_size=14))
def test_clean_text_mapped_maps_every_span_onto_the_same_characters(as_in_file: str) -> None:
    text, mapping = clean_text_mapped(as_in_file)
    assert text == clean_text(as_in_file.removeprefix("\ufeff"))
    if mapping is None:
        assert text == as_in_file
        return
    assert (mapping.original_length, mapping.normalized_length) == (len(as_in_file), len(text))
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            s, e = mapping.span_to_original(start, end)
            # the same characters, a CRLF in the file being our LF (a lone CR too)
            assert as_in_file[s:e].replace("\r\n", "\n").replace("\r", "\n") == text[start:end]


def import_and_tag(tmp_path: Path, source: Path, words: list[str], *options: str) -> tuple[Project, str]:
    project_dir = tmp_path / "p"
    assert main(["import", str(project_dir), str(source), "-q", *options]) == 0
    project = Project.open(project_dir)
    (doc_id,) = project.document_ids()
    aset = project.load_annotations(doc_id, "sara")
    text = aset.document.text
    for word in words:
        # normalization writes Persian ی/ک for Arabic ي/ك
        start = text.index(word if word in text else word.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9"))
        aset.add_span("actor", start, start + len(word))
    project.save_annotations(aset)
    return project, doc_id


@pytest.mark.parametrize("normalize", ["--no-normalize", "--normalize"])
def test_brat_export_with_original_offsets_is_the_source_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], normalize: str
) -> None:
    source = tmp_path / "emoji.txt"
    source.write_bytes(FILE_TEXT.encode("utf-8"))  # starts with EF BB BF
    project, doc_id = import_and_tag(tmp_path, source, WORDS, normalize)
    stored = project.load_document(doc_id).text
    assert not stored.startswith("\ufeff") and "\r" not in stored and not stored.endswith("\n")  # unchanged
    out = tmp_path / "out"
    args = ["export", str(project.path), "--format", "brat", "--annotator", "sara"]
    assert main([*args, "--out", str(out), "--original-offsets"]) == 0
    # brat's .txt is the source file byte for byte, and its offsets count as brat does
    assert (out / f"{doc_id}.txt").read_bytes() == source.read_bytes()
    as_brat_reads = codecs.decode(source.read_bytes(), "utf8")
    ann = (out / f"{doc_id}.ann").read_text(encoding="utf-8").splitlines()
    found = []
    for line in ann:
        _, label_offsets, said = line.split("\t")
        _, start, end = label_offsets.split(" ")
        assert as_brat_reads[int(start) : int(end)] == said
        found.append(said)
    # each word as it is in the file: what normalization's map gives in the text before it
    original = project.original_text(doc_id)
    spans = project.load_annotations(doc_id, "sara").spans()
    assert sorted(found) == sorted(original[slice(*project.original_offsets(doc_id, s.start, s.end))] for s in spans)
    if normalize == "--no-normalize":
        assert sorted(found) == sorted(WORDS)
    # our brat reader takes it back onto the same words
    back = get("brat").read(out)
    assert back.problems == []
    # without the option: the stored text and its offsets, as before
    assert main([*args, "--out", str(tmp_path / "plain")]) == 0
    assert (tmp_path / "plain" / f"{doc_id}.txt").read_text(encoding="utf-8") == stored


def test_jsonl_and_labelstudio_original_offsets_point_into_the_file(tmp_path: Path) -> None:
    source = tmp_path / "emoji.txt"
    source.write_bytes(FILE_TEXT.encode("utf-8"))
    project, doc_id = import_and_tag(tmp_path, source, WORDS, "--no-normalize")
    out = tmp_path / "ls.json"
    assert main(["export", str(project.path), "--format", "labelstudio", "--out", str(out), "--original-offsets"]) == 0
    task = json.loads(out.read_text(encoding="utf-8"))[0]
    assert task["data"]["text"] == FILE_TEXT
    regions = [r["value"] for r in task["annotations"][0]["result"]]
    assert sorted(FILE_TEXT[v["start"] : v["end"]] for v in regions) == sorted(WORDS)
    # in the stored text every offset after the BOM and each CR is smaller: 55-56 is not the file's 55-56
    span = project.load_annotations(doc_id, "sara").spans()[-1]
    assert project.file_offsets(doc_id, span.start, span.end) != (span.start, span.end)


def test_the_document_file_keeps_the_source_text_and_check_project_checks_it(tmp_path: Path) -> None:
    source = tmp_path / "emoji.txt"
    source.write_bytes(FILE_TEXT.encode("utf-8"))
    project, doc_id = import_and_tag(tmp_path, source, WORDS, "--no-normalize")
    path = project.document_path(doc_id)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["text"] == clean_text(FILE_TEXT[1:])
    assert "original" not in data  # not normalized: the text is the original
    assert data["file"]["text"] == FILE_TEXT
    assert check_project(project.path).lines == []
    data["file"]["text"] += "\r\n"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert check_project(project.path).lines == [f"{path}: $.file.offset_map: lengths do not match the texts"]


def test_a_plain_file_keeps_no_second_text(tmp_path: Path) -> None:
    source = tmp_path / "plain.txt"
    source.write_text("وزیر در تهران گفت.", encoding="utf-8")
    project, doc_id = import_and_tag(tmp_path, source, ["تهران"], "--no-normalize")
    assert "file" not in json.loads(project.document_path(doc_id).read_text(encoding="utf-8"))
    assert project.text_as_in_file(doc_id) == "وزیر در تهران گفت."


@pytest.mark.corpora
def test_real_news_saved_with_a_bom_and_crlf_comes_back_as_the_file(corpora: Path, tmp_path: Path) -> None:
    """Fars News articles, saved as Windows editors save them (BOM, CRLF, a final line
    end), imported with normalization: brat's export with --original-offsets is the file
    itself, and each span's offsets give the same words in it."""
    articles = json.loads((corpora / "news" / "fars-news-2.json").read_text(encoding="utf-8"))[:3]
    for n, article in enumerate(articles):
        body = "\n\n".join([article["title"], article["abstract"], *article["paragraphs"]])
        (tmp_path / "src").mkdir(exist_ok=True)
        (tmp_path / "src" / f"a{n}.txt").write_bytes(codecs.BOM_UTF8 + (body.replace("\n", "\r\n") + "\r\n").encode())
    assert main(["import", str(tmp_path / "p"), str(tmp_path / "src"), "-q", "--normalize"]) == 0
    project = Project.open(tmp_path / "p")
    for doc_id in project.document_ids():
        aset = project.load_annotations(doc_id, "sara")
        text = aset.document.text
        words = [w for w in text.split() if len(w) > 3][::7]
        for word in words:
            start = text.index(word)
            aset.add_span("actor", start, start + len(word))
        project.save_annotations(aset)
    out = tmp_path / "out"
    assert main(["export", str(project.path), "--format", "brat", "--out", str(out), "--original-offsets"]) == 0
    sources = {p.read_bytes() for p in (tmp_path / "src").glob("*.txt")}
    assert len(list(out.glob("*.txt"))) == len(sources) == 3
    for txt in out.glob("*.txt"):
        assert txt.read_bytes() in sources  # the file itself: BOM, CRLF, final line end
    checked = 0
    for doc_id in project.document_ids():
        in_file, original = project.text_as_in_file(doc_id), project.original_text(doc_id)
        for span in project.load_annotations(doc_id, "sara").spans():
            s, e = project.file_offsets(doc_id, span.start, span.end)
            o_s, o_e = project.original_offsets(doc_id, span.start, span.end)  # normalization's map
            # in the file, exactly what normalization's map gives in the text before it
            assert in_file[s:e].replace("\r\n", "\n") == original[o_s:o_e]
            assert "\r" not in in_file[s:e] and in_file[s] != "\ufeff"
            checked += 1
    assert checked > 50


def test_a_single_article_annotation_file_exports_onto_its_txt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The window's ARTICLE.txt -> ARTICLE.annotations.json: the annotation file counts in
    the text without BOM and CRs; --original-offsets puts the spans on the .txt beside it."""
    from annotator.io import jsonformat
    from annotator.io.article import annotation_path_for, open_article

    article = tmp_path / "single" / "emoji.txt"
    article.parent.mkdir()
    article.write_bytes(FILE_TEXT.encode("utf-8"))
    aset = open_article(article, "sara")
    assert "\r" not in aset.document.text and not aset.document.text.startswith("\ufeff")
    for word in WORDS:
        start = aset.document.text.index(word)
        aset.add_span("actor", start, start + len(word))
    jsonformat.save(aset, annotation_path_for(article))
    out = tmp_path / "out"
    sidecar = str(annotation_path_for(article))
    assert main(["export", sidecar, "--format", "brat", "--out", str(out), "--original-offsets"]) == 0
    assert (out / "emoji.txt").read_bytes() == article.read_bytes()
    as_brat_reads = codecs.decode(article.read_bytes(), "utf8")
    found = []
    for line in (out / "emoji.ann").read_text(encoding="utf-8").splitlines():
        _, label_offsets, said = line.split("\t")
        _, start, end = label_offsets.split(" ")
        assert as_brat_reads[int(start) : int(end)] == said
        found.append(said)
    assert sorted(found) == sorted(WORDS)
    # the article edited since: written with the annotation file's own text, and said
    article.write_bytes(FILE_TEXT.replace("IRNA", "ایرنا").encode("utf-8"))
    capsys.readouterr()
    assert main(["export", sidecar, "--format", "brat", "--out", str(tmp_path / "o2"), "--original-offsets"]) == 0
    assert "1 documents whose article file changed since" in capsys.readouterr().err
    assert (tmp_path / "o2" / "emoji.txt").read_text(encoding="utf-8") == aset.document.text
