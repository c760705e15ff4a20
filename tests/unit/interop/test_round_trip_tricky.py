"""Every format, through a file: a text with emoji, ZWNJ and Arabic ي/ك keeps every span's text.

Offsets in the wrong unit (UTF-16 vs code points) or a normalization on the way would put
the spans after the emoji on other characters; this reads the file back and compares the
text under each span (docs/formats.md, "Offset units").
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from annotator.io.formats import FORMATS, AnnotatedDocument

from .conftest import TRICKY_TEXT

OUT = {"json": "out", "brat": "out", "webanno": "out", "csv": "out.csv", "labelstudio": "out.json"}


def texts(doc: AnnotatedDocument) -> list[tuple[str, str]]:
    return sorted((s.label, doc.text[s.start : s.end]) for s in doc.spans)


@pytest.mark.parametrize("name", sorted(n for n, f in FORMATS.items() if f.can_read))
def test_span_texts_survive_the_file(tmp_path: Path, tricky: AnnotatedDocument, name: str) -> None:
    fmt = FORMATS[name]
    out = tmp_path / OUT.get(name, "out.txt")
    options = {"layers": "all", "separator": "tab"} if name == "conll" else {}
    fmt.write([tricky], out, options)
    result = fmt.read(out)
    assert result.problems == []
    (back,) = result.documents
    if name == "conll":  # the text is rebuilt from tokens: compare the words under each span
        assert [(lab, " ".join(t.split())) for lab, t in texts(back)] == [
            (lab, " ".join(t.split())) for lab, t in texts(tricky)
        ]
    else:
        assert back.text == TRICKY_TEXT
        assert texts(back) == texts(tricky)


def test_csv_rows_slice_the_text(tmp_path: Path, tricky: AnnotatedDocument) -> None:
    FORMATS["csv"].write([tricky], tmp_path / "s.csv")
    with (tmp_path / "s.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["label"], r["text"]) for r in rows] == [(s.label, TRICKY_TEXT[s.start : s.end]) for s in tricky.spans]
    assert all(TRICKY_TEXT[int(r["start"]) : int(r["end"])] == r["text"] for r in rows)


def test_label_studio_sdk_converter_reads_our_offsets(tmp_path: Path, tricky: AnnotatedDocument) -> None:
    """Label Studio's SDK converter (HumanSignal/label-studio-sdk,
    src/label_studio_sdk/converter/utils.py, create_tokens_and_tags) compares
    `value.start/end` with Python string offsets of white-space tokens."""
    utils = pytest.importorskip("label_studio_sdk.converter.utils")
    FORMATS["labelstudio"].write([tricky], tmp_path / "ls.json")
    task = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))[0]
    values = [{**r["value"], "type": "labels"} for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    entity = [s for s in values if " " not in s["text"]]  # one token each, no punctuation glued on
    tokens, tags = utils.create_tokens_and_tags(task["data"]["text"], entity)
    tagged = [(tag[2:], token) for token, tag in zip(tokens, tags, strict=True) if tag != "O"]
    # its tokens are white-space tokens, so punctuation stays glued on ("«تهران", "كابل»")
    assert [label for label, _ in tagged] == [s["labels"][0] for s in entity]
    assert all(s["text"] in token for (_, token), s in zip(tagged, entity, strict=True)), tagged
