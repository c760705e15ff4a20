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


def test_stored_text_is_hazms_output_around_the_protected_tokens(fars_project: Project) -> None:
    from hazm import Normalizer

    from annotator.persian.normalize import PROTECTED

    normalizer = Normalizer(**{**fars_project.normalizer_options(), "persian_numbers": False})
    plain = 0
    for doc_id in fars_project.document_ids()[:60]:
        original = fars_project.original_text(doc_id)
        if not PROTECTED.search(original):
            assert fars_project.load_document(doc_id).text == normalizer.normalize(original)
            plain += 1
    assert plain > 0


# Independent of annotator.persian.normalize.PROTECTED: what a reader of the article would
# cite. URLs are ASCII up to the first character a URL cannot hold.
_CITABLE = {
    "number/date/time": re.compile(r"\d+(?:[.,/:٫٬\-]\d+)*[%٪]?"),
    "url": re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"),
    "e-mail": re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"),
    "hashtag": re.compile(r"#[\w\u200c]+"),
    "mention": re.compile(r"(?<![\w.])@\w+"),
}


def test_normalization_changes_no_number_date_url_email_hashtag_or_mention(fars_project: Project) -> None:
    """Every article of the Fars file, as `annotator import` normalized it: each kind of
    citable token, extracted by regex from the text as imported and as stored, is the same
    list (the writer's digits included)."""
    found = dict.fromkeys(_CITABLE, 0)
    for doc_id in fars_project.document_ids():
        original, stored = fars_project.original_text(doc_id), fars_project.load_document(doc_id).text
        for kind, pattern in _CITABLE.items():
            before, after = pattern.findall(original), pattern.findall(stored)
            assert after == before, (doc_id, kind, [(b, a) for b, a in zip(before, after, strict=False) if a != b][:3])
            found[kind] += len(before)
    # the file really has them (hashtags and mentions do not occur in it)
    assert found["number/date/time"] > 1500 and found["url"] > 0 and found["e-mail"] > 0, found


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
