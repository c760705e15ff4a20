"""HTML pages: the article's visible text, a paragraph a line. Nothing runs, nothing loads.

The standard library's parser only reads the markup; scripts, styles and the like are
skipped, links and images are never followed. The text comes from <article>, else <main>,
else <body> without its navigation, header, footer, aside and forms.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..textfile import TextFileError, decode_text, read_limited
from .base import Article, SourceError, SourceResult

NAME = "html"
EXTENSIONS = (".html", ".htm", ".xhtml")

_SKIP = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head",
         "select", "button", "canvas", "video", "audio"}  # fmt: skip
_CHROME = {"nav", "header", "footer", "aside", "form", "menu"}
_BLOCK = {"p", "div", "section", "article", "main", "br", "li", "ul", "ol", "h1", "h2", "h3",
          "h4", "h5", "h6", "blockquote", "pre", "tr", "table", "figcaption", "figure", "dd",
          "dt", "dl", "hr", "address", "body", "td", "th"}  # fmt: skip
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
         "track", "wbr", "param"}  # fmt: skip
_SPACE = re.compile(r"[ \t\f\v\r\n\u00a0]+")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.skip_depth = 0
        # text per region: "article", "main", "body"
        self.regions: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.inside: dict[str, int] = {"article": 0, "main": 0, "chrome": 0}
        self.title = ""
        self.h1 = ""
        self.in_title = False
        self.in_h1 = 0
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or "").lower()
            if key and attr.get("content"):
                self.meta.setdefault(key, attr["content"].strip())
            return
        if tag == "link" and "canonical" in attr.get("rel", "").lower() and attr.get("href"):
            self.meta.setdefault("canonical", attr["href"].strip())
            return
        if tag == "time" and attr.get("datetime"):
            self.meta.setdefault("time", attr["datetime"].strip())
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag in _BLOCK:
                self._break()
            return
        self.stack.append(tag)
        if tag in _SKIP:
            self.skip_depth += 1
        if tag in ("article", "main"):
            self.inside[tag] += 1
        if tag in _CHROME:
            self.inside["chrome"] += 1
        if tag == "h1":
            self.in_h1 += 1
        if tag in _BLOCK:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag not in self.stack:
            return  # a stray end tag
        while self.stack:
            open_tag = self.stack.pop()
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth -= 1
        if tag in ("article", "main"):
            self.inside[tag] -= 1
        if tag in _CHROME:
            self.inside["chrome"] -= 1
        if tag == "h1":
            self.in_h1 -= 1
        if tag in _BLOCK:
            self._break()

    def _break(self) -> None:
        for parts in self.regions.values():
            if parts and parts[-1] != "\n":
                parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if "pre" not in self.stack:
            data = data.replace("\r", " ").replace("\n", " ")  # in HTML a line end is a space
        if self.in_h1 and not self.h1:
            self.h1 = " ".join(data.split())
        if self.inside["article"]:
            self.regions["article"].append(data)
        if self.inside["main"]:
            self.regions["main"].append(data)
        if not self.inside["chrome"] or self.inside["article"] or self.inside["main"]:
            self.regions["body"].append(data)


def _paragraphs(parts: list[str]) -> list[str]:
    lines = "".join(parts).split("\n")
    return [cleaned for line in lines if (cleaned := _SPACE.sub(" ", line).strip())]


def extract(markup: str) -> tuple[str, str, dict[str, str]]:
    """(title, text with a paragraph a line, metadata) of an HTML page."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    paragraphs: list[str] = []
    for region in ("article", "main", "body"):
        paragraphs = _paragraphs(parser.regions[region])
        if paragraphs:
            break
    meta = parser.meta
    title = parser.h1 or meta.get("og:title", "") or " ".join(parser.title.split())
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline is the title, not the first paragraph
    metadata: dict[str, str] = {}
    url = meta.get("canonical") or meta.get("og:url")
    if url:
        metadata["url"] = url
    date = meta.get("article:published_time") or meta.get("date") or meta.get("time")
    if date:
        metadata["date"] = date
    if meta.get("keywords"):
        metadata["keywords"] = meta["keywords"]
    return title, "\n".join(paragraphs), metadata


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    declared = _CHARSET.search(raw[:4096])
    try:
        return decode_text(raw, str(path))
    except TextFileError:
        if declared is None:
            raise
    name = declared.group(1).decode("ascii")
    try:
        return raw.decode(name), name
    except (LookupError, UnicodeDecodeError):
        raise SourceError(f"{path}: not readable as {name} text") from None


def read(path: Path) -> SourceResult:
    try:
        raw = read_limited(path)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except TextFileError as exc:
        raise SourceError(str(exc)) from None
    try:
        markup, encoding = _decode(raw, path)
    except TextFileError as exc:
        raise SourceError(str(exc)) from None
    title, text, metadata = extract(markup)
    if not text:
        return SourceResult([], [f"{path}: no visible article text"], encoding)
    metadata = {**metadata, "source": path.name}
    article = Article(text, title or path.stem, dict(metadata), path.stem)
    return SourceResult([article], [], encoding)
