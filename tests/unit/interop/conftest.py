"""Shared material for the tests that check our exports against other tools' readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.io.formats import AnnotatedDocument, RelationRecord, SpanRecord
from annotator.model import Document

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_bdf8ef5fdfe34543.txt"


def _at(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


@pytest.fixture
def nested_news() -> AnnotatedDocument:
    """The bundled real news article, its first sentence a claim holding an actor and a
    location, a nested actor, and a location that crosses another span."""
    text = SEED.read_text(encoding="utf-8")
    sentence = (0, text.index(".") + 1)
    group = _at(text, "گروه مقاومت اسلامی عراق")
    iraq = _at(text, "عراق")
    gaza = _at(text, "غزه")
    spans = [
        SpanRecord("c1", "claim", *sentence),
        SpanRecord("a1", "actor", *group),
        SpanRecord("l1", "location", *iraq),
        SpanRecord("l2", "location", *gaza),
        SpanRecord("a2", "actor", *_at(text, "جام جم آنلاین")),
    ]
    return AnnotatedDocument(Document("seed", text, "خبر"), spans, [RelationRecord("r1", "claimed_by", "c1", "a1")])


# A text with everything that shifts offsets: an emoji (two UTF-16 units), ZWNJ inside
# words, Arabic ي/ك where Persian ی/ک belong, a line break.
TRICKY_TEXT = "😀 نخست‌وزير عراق گفت: «تهران و كابل» 🇮🇷 آماده‌اند.\nسخنگوی وزارت‌خارجه 🙂 پاسخ داد."
TRICKY_WORDS = ["نخست‌وزير", "عراق", "تهران", "كابل", "آماده‌اند", "سخنگوی وزارت‌خارجه", "پاسخ"]
TRICKY_LABELS = ["actor", "location", "location", "location", "claim", "actor", "claim"]


@pytest.fixture
def tricky() -> AnnotatedDocument:
    spans, at = [], 0
    for n, (words, label) in enumerate(zip(TRICKY_WORDS, TRICKY_LABELS, strict=True), 1):
        start, end = _at(TRICKY_TEXT, words, at)
        spans.append(SpanRecord(f"s{n}", label, start, end))
        at = end
    return AnnotatedDocument(Document("tricky", TRICKY_TEXT, "عنوان"), spans)
