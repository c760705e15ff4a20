"""Every article format and text encoding the importers read."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.io.importers import SourceError, detect, expand, read_source
from annotator.io.importers.html import extract

from .conftest import PERSIAN_TEXT

Write = Callable[[str, str | bytes], Path]

LONG = (PERSIAN_TEXT + "\n") * 5
# Windows-1256 has no Persian ی (U+06CC): such files hold the Arabic ي
LONG_1256 = LONG.replace("ی", "ي")


@pytest.mark.parametrize(
    "encoding,data",
    [
        ("utf-8", LONG.encode("utf-8")),
        ("utf-8-sig", codecs.BOM_UTF8 + LONG.encode("utf-8")),
        ("utf-16", LONG.encode("utf-16")),  # with a BOM
        ("utf-16-be", codecs.BOM_UTF16_BE + LONG.encode("utf-16-be")),
        ("utf-16-le", LONG.encode("utf-16-le")),  # no BOM
        ("cp1256", LONG_1256.encode("cp1256")),
        ("crlf", LONG.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_text_files_in_every_encoding(write: Write, encoding: str, data: bytes) -> None:
    result = read_source(write("article.txt", data), "txt")
    assert result.problems == []
    (article,) = result.articles
    expected = LONG_1256 if encoding == "cp1256" else LONG
    assert article.text == expected.strip()
    assert article.title == expected.split("\n")[0]
    assert article.metadata["source"] == "article.txt"


def test_single_line_text_file_is_titled_by_its_name(write: Write) -> None:
    (article,) = read_source(write("خبر یک.txt", "فقط یک خط."), "txt").articles
    assert article.title == "خبر یک"


def test_binary_file_is_a_source_error(write: Write) -> None:
    with pytest.raises(SourceError, match=r"blob\.txt"):
        read_source(write("blob.txt", bytes(range(256)) * 20), "txt")


@pytest.mark.parametrize(
    "record",
    [
        {"title": "عنوان", "text": "متن خبر"},
        {"headline": "عنوان", "body": "متن خبر"},
        {"Title": "عنوان", "Content": "متن خبر"},
        {"title": "عنوان", "article": "متن خبر"},
        {"title": "عنوان", "paragraphs": ["متن", "خبر"]},
        {"title": "عنوان", "paragraphs": [{"text": "متن"}, {"text": "خبر"}]},
    ],
)
def test_json_field_name_variants(write: Write, record: dict[str, object]) -> None:
    path = write("a.json", json.dumps([record], ensure_ascii=False))
    (article,) = read_source(path, "json").articles
    assert article.title == "عنوان"
    assert article.text in ("متن خبر", "متن\nخبر")


def test_json_metadata_fields(write: Write) -> None:
    record = {
        "title": "عنوان",
        "abstract": "خلاصه",
        "paragraphs": ["بند یک", "بند دو"],
        "link": "https://example.org/news/123",
        "published": "2024-01-02",
        "tags": ["سیاست", "اقتصاد"],
        "cat": "politics",
        "nested": {"ignored": True},
    }
    (article,) = read_source(write("a.json", json.dumps([record])), "json").articles
    assert article.text == "خلاصه\nبند یک\nبند دو"  # the lead is the first paragraph
    assert article.metadata["url"] == "https://example.org/news/123"
    assert article.metadata["date"] == "2024-01-02"
    assert article.metadata["tags"] == ["سیاست", "اقتصاد"]
    assert article.metadata["cat"] == "politics"
    assert "nested" not in article.metadata


def test_json_object_wrappers_and_bad_items(write: Write) -> None:
    data = {"articles": [{"text": "یک"}, {"title": "بی‌متن"}, "not an object", {"body": "دو"}]}
    result = read_source(write("w.json", json.dumps(data)), "json")
    assert [a.text for a in result.articles] == ["یک", "دو"]
    assert len(result.problems) == 2
    assert all("w.json: item" in p for p in result.problems)


def test_malformed_json_names_the_file(write: Write) -> None:
    with pytest.raises(SourceError, match=r"broken\.json: not valid JSON \(line 1, column 11: expecting value\)"):
        read_source(write("broken.json", '[{"text": '), "json")


def test_json_lines(write: Write) -> None:
    lines = [json.dumps({"title": f"t{i}", "content": f"متن {i}"}) for i in range(3)]
    lines.insert(2, "{not json")
    lines.insert(1, "")
    result = read_source(write("a.jsonl", "\n".join(lines)), "jsonl")
    assert [a.title for a in result.articles] == ["t0", "t1", "t2"]
    assert result.problems == [
        f"{write('x', '').parent / 'a.jsonl'}: not valid JSON (line 4, column 2: "
        "expecting property name enclosed in double quotes); that line was not imported"
    ]


def test_json_file_holding_json_lines(write: Write) -> None:
    text = "\n".join(json.dumps({"text": t}) for t in ("یک", "دو"))
    assert [a.text for a in read_source(write("a.json", text), "json").articles] == ["یک", "دو"]


def test_csv_with_a_known_text_column(write: Write) -> None:
    rows = 'id,title,body,url\n1,عنوان یک,"متن یک، با ویرگول\nو خط دوم",http://x/1\n2,دو,متن دو,\n'
    result = read_source(write("a.csv", rows), "csv")
    assert [a.title for a in result.articles] == ["عنوان یک", "دو"]
    assert result.articles[0].text == "متن یک، با ویرگول\nو خط دوم"
    assert result.articles[0].metadata["url"] == "http://x/1"
    assert result.articles[0].name == "1"


def test_csv_header_without_a_known_text_name(write: Write) -> None:
    rows = "title;matn\nالف;" + "متن بلند خبر " * 5 + "\nب;" + "متن دیگر " * 5 + "\n"
    result = read_source(write("a.csv", rows), "csv")
    assert [a.title for a in result.articles] == ["الف", "ب"]
    assert result.articles[0].text.startswith("متن بلند خبر")


def test_csv_without_header_takes_the_longest_column(write: Write) -> None:
    rows = "\t".join(["1", "متن بلند یک " * 4]) + "\n" + "\t".join(["2", "متن بلند دو " * 4])
    result = read_source(write("a.tsv", rows), "csv")
    assert [a.text for a in result.articles] == [("متن بلند یک " * 4).strip(),
                                                 ("متن بلند دو " * 4).strip()]  # fmt: skip


def test_csv_in_windows_1256(write: Write) -> None:
    rows = ("title,text\n" + "عنوان,متن خبر فارسی برای آزمون\n" * 3).replace("ی", "ي")
    result = read_source(write("a.csv", rows.encode("cp1256")), "csv")
    assert result.articles and result.articles[0].text == "متن خبر فارسي براي آزمون"


PAGE = """<!doctype html><html><head><title>عنوان صفحه | سایت</title>
<meta charset="utf-8"><meta property="og:url" content="https://example.org/a">
<meta property="article:published_time" content="2024-03-01">
<script>document.write("اسکریپت")</script><style>p { color: red }</style>
<link rel="stylesheet" href="https://example.org/style.css"></head>
<body><nav>خانه | ورزش</nav><header>سربرگ</header>
<article><h1>تیتر خبر</h1><p>بند <b>اول</b> خبر.</p>
<script>alert("x")</script><p>بند&nbsp;دوم &amp; آخر.</p><img src="https://example.org/i.png">
<div>بند سوم<br>خط بعد</div></article>
<footer>پانویس</footer></body></html>"""


def test_html_article_text_and_paragraphs() -> None:
    title, text, metadata = extract(PAGE)
    assert title == "تیتر خبر"
    assert text == "بند اول خبر.\nبند دوم & آخر.\nبند سوم\nخط بعد"
    assert metadata == {"url": "https://example.org/a", "date": "2024-03-01"}


def test_html_without_article_uses_body_without_chrome() -> None:
    page = "<html><body><nav>منو</nav><p>یک</p><p>دو</p><footer>پا</footer></body></html>"
    assert extract(page)[1] == "یک\nدو"


def test_html_fetches_nothing(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket
    import urllib.request

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an importer tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    (article,) = read_source(write("page.html", PAGE), "html").articles
    assert "اسکریپت" not in article.text and "alert" not in article.text
    assert "color" not in article.text and "منو" not in article.text


def test_html_in_windows_1256(write: Write) -> None:
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{LONG_1256}</p></body></html>'
    (article,) = read_source(write("p.htm", page.encode("cp1256")), "html").articles
    assert article.text == " ".join(LONG_1256.split())


def test_detect_and_expand_folders(write: Write) -> None:
    write("a.txt", "یک")
    write("sub/b.json", "[]")
    write("sub/c.HTML", "<p>x</p>")
    write("notes.bin", b"\x00\x01")
    write(".hidden/d.txt", "x")
    folder = write("e.csv", "text\nx").parent
    found = list(expand(folder))
    names = [(p.relative_to(folder).as_posix(), f) for p, f in found]  # type: ignore[union-attr]
    assert names == [("a.txt", "txt"), ("e.csv", "csv"), ("sub/b.json", "json"),
                     ("sub/c.HTML", "html")]  # fmt: skip
    assert detect(Path("x.ndjson")) == "jsonl"
    assert list(expand(folder / "missing.txt")) == [f"{folder / 'missing.txt'}: no such file or folder"]
    assert "unknown file type" in str(next(iter(expand(folder / "notes.bin"))))
