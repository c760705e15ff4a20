"""Our own JSON Lines and spaCy exports come back in (issue 9, defect 7), and an article
importer that meets annotation fields says so instead of dropping them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.project import Project

pytestmark = pytest.mark.corpora

WORDS = ["فارس", "ایران", "تهران", "استان", "فیلم"]


def spans_of(project: Project, annotator: str) -> Counter[tuple[str, str, str]]:
    found: Counter[tuple[str, str, str]] = Counter()
    for doc_id in project.document_ids():
        aset = project.load_annotations(doc_id, annotator)
        found.update((aset.document.title, s.label, s.text) for s in aset.spans())
    return found


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Counter[tuple[str, str, str]]]:
    """Five Fars articles, each with its words of WORDS tagged, and a claim over its first line."""
    corpora = Path(__file__).resolve().parents[4] / "shared" / "corpora"
    if not corpora.is_dir():
        pytest.skip(f"{corpora} is absent (it sits beside the project, not in it)")
    tmp = tmp_path_factory.mktemp("own")
    articles = json.loads((corpora / "news/fars-news-2.json").read_text(encoding="utf-8"))[:5]
    (tmp / "five.json").write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(tmp / "p"), str(tmp / "five.json"), "-q"]) == 0
    project = Project.open(tmp / "p")
    for doc_id in project.document_ids():
        aset = project.load_annotations(doc_id, "sara")
        text = aset.text
        aset.add_span("claim", 0, text.index("\n") if "\n" in text else len(text))
        for word in WORDS:
            at = text.find(word)
            if at >= 0:
                aset.add_span("location", at, at + len(word))
        project.save_annotations(aset)
    expected = spans_of(project, "sara")
    assert sum(expected.values()) > 10
    return tmp, expected


@pytest.mark.parametrize("fmt", ["jsonl", "json", "auto"])
def test_jsonl_export_imports_with_every_spans(tagged: tuple[Path, Counter[tuple[str, str, str]]], fmt: str) -> None:
    tmp, expected = tagged
    out = tmp / "all.jsonl"
    assert main(["export", str(tmp / "p"), "--format", "jsonl", "--out", str(out)]) == 0
    target = tmp / f"back-{fmt}"
    assert main(["import", str(target), str(out), "--format", fmt, "-q"]) == 0
    back = Project.open(target)
    assert len(back) == 5
    assert spans_of(back, "sara") == expected


def test_spacy_export_imports_with_every_span(tagged: tuple[Path, Counter[tuple[str, str, str]]]) -> None:
    tmp, expected = tagged
    out = tmp / "spacy.jsonl"
    assert main(["export", str(tmp / "p"), "--format", "spacy", "--out", str(out)]) == 0
    assert main(["import", str(tmp / "back-spacy"), str(out), "--format", "spacy", "-q"]) == 0
    back = Project.open(tmp / "back-spacy")
    assert spans_of(back, "imported") == expected


def test_an_article_importer_says_what_it_does_not_read(
    tagged: tuple[Path, Counter[tuple[str, str, str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    tmp, _ = tagged
    out = tmp / "spacy-again.jsonl"
    assert main(["export", str(tmp / "p"), "--format", "spacy", "--out", str(out)]) == 0
    assert main(["import", str(tmp / "text-only"), str(out), "--format", "jsonl", "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{out}:1: spans not read: an article import takes the text only" in err


def test_spacy_doc_to_json_lines_import(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("fa")
    doc = nlp("😀 سخنگوی وزارت خارجه ايران در تهران گفت")
    doc.ents = [doc.char_span(doc.text.index("ايران"), doc.text.index("ايران") + 5, label="GPE")]
    doc.spans["sc"] = [doc.char_span(doc.text.index("تهران"), doc.text.index("تهران") + 5, label="LOC")]
    (tmp_path / "d.jsonl").write_text(json.dumps(doc.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "p"), str(tmp_path / "d.jsonl"), "--format", "spacy", "-q"]) == 0
    project = Project.open(tmp_path / "p")
    aset = project.load_annotations(project.document_ids()[0], "imported")
    assert sorted((s.label, s.text) for s in aset.spans()) == [("GPE", "ايران"), ("LOC", "تهران")]
