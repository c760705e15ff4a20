"""The real Fars News file: import, stats, and the offset map against hazm's normalizer."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from annotator.clicmds import stats
from annotator.io.project import Project

pytestmark = pytest.mark.corpora

_WORD = re.compile(r"[\u0600-\u06ff\u200c]+")


@pytest.fixture(scope="module")
def fars_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    source = Path(__file__).resolve().parents[4] / "shared/corpora/news/fars-news-2.json"
    if not source.exists():
        pytest.skip(f"{source} is absent (it sits beside the project, not in it)")
    project = Project.create(tmp_path_factory.mktemp("fars") / "fars", "Fars")
    report = project.import_sources([source])
    assert report.problems == [] and not report.cancelled
    return project


def test_fars_gives_300_documents_with_titles_and_paragraphs(corpora: Path, fars_project: Project) -> None:
    raw = json.loads((corpora / "news" / "fars-news-2.json").read_text(encoding="utf-8"))
    assert len(fars_project) == 300
    first = fars_project.load_document(fars_project.document_ids()[0])
    assert first.title == "ایسلند با «شب ازدواج سفید» به رقابت‌های اسکار می‌آید"
    assert first.metadata["url"] == raw[0]["link"]
    assert first.text.count("\n") == len(raw[0]["paragraphs"])  # the abstract + paragraphs
    for summary in fars_project.summaries():
        assert summary.title
        doc = fars_project.load_document(summary.id)
        assert "ي" not in doc.text and "ك" not in doc.text
        assert "ي" not in doc.title and "ك" not in doc.title


def test_reimporting_fars_adds_nothing(corpora: Path, fars_project: Project) -> None:
    report = fars_project.import_sources([corpora / "news" / "fars-news-2.json"])
    assert report.added == [] and len(report.skipped_duplicates) == 300


def test_stats_command_counts_them(fars_project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    stats.add_arguments(parser)
    assert stats.run(parser.parse_args([str(fars_project.path), "--json"])) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 300 and data["status"]["new"] == 300


def test_stored_text_is_exactly_hazms_output(fars_project: Project) -> None:
    from hazm import Normalizer

    normalizer = Normalizer(**fars_project.normalizer_options())
    for doc_id in fars_project.document_ids()[:60]:
        original = fars_project.original_text(doc_id)
        assert fars_project.load_document(doc_id).text == normalizer.normalize(original)


def test_words_map_back_to_the_same_words(fars_project: Project) -> None:
    """Every word of the normalized text, mapped to the original, is the same word once
    both are folded (ي=ی, digits, ZWNJ); hazm's rare re-segmentations (it splits
    "11تا12" into three words) are allowed to cover a little more."""
    from annotator.persian.match import fold

    total = differ = 0
    for doc_id in fars_project.document_ids():
        text = fars_project.load_document(doc_id).text
        original = fars_project.original_text(doc_id)
        for m in _WORD.finditer(text):
            s, e = fars_project.original_offsets(doc_id, m.start(), m.end())
            assert 0 <= s <= e <= len(original)
            total += 1
            if fold(original[s:e]).replace(" ", "") != fold(m.group()).replace(" ", ""):
                differ += 1
    assert total > 100_000
    assert differ / total < 0.001


def test_an_annotation_maps_to_the_original_words(fars_project: Project) -> None:
    doc_id = fars_project.document_ids()[0]
    aset = fars_project.load_annotations(doc_id, "tester")
    start = aset.text.index("بالتزار کورما")
    span = aset.add_span("actor", start, start + len("بالتزار کورما"))
    fars_project.save_annotations(aset)
    s, e = fars_project.original_offsets(doc_id, span.start, span.end)
    assert fars_project.original_text(doc_id)[s:e] == "بالتزار كورما"
