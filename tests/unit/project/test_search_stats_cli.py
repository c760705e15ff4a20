"""Search across a project, statistics, and the import / stats commands."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.clicmds import import_, stats
from annotator.io.project import Project, SearchHit

Write = Callable[[str, str | bytes], Path]


def run(module: object, argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)  # type: ignore[attr-defined]
    return int(module.run(parser.parse_args(argv)))  # type: ignore[attr-defined]


def test_search_is_persian_aware(project: Project, write: Write) -> None:
    write("a.txt", "نیروهای آمريكايي در سوريه مستقر شدند.")
    write("b.txt", "گزارش ۲۰۲۴: نيروها می‌گویند.")
    project.import_sources([write("c.txt", "هیچ ربطی ندارد").parent], normalize=False)
    hits = project.search("نیروها")
    assert [(h.document_id, h.match) for h in hits] == [("a", "نیروها"), ("b", "نيروها")]
    assert project.search("آمریکایی")[0].match == "آمريكايي"
    assert project.search("2024")[0].match == "۲۰۲۴"
    assert project.search("می گویند")[0].match == "می‌گویند"  # ZWNJ = space
    hit = project.search("سوریه")[0]
    assert hit == SearchHit("a", hit.start, hit.end, "نیروهای آمريكايي در ", "سوريه", " مستقر شدند.")
    text = project.load_document("a").text
    assert text[hit.start : hit.end] == "سوريه"
    assert len(project.search("ن", limit=2)) == 2
    assert project.search("  ") == []
    assert project.last_search_build_seconds > 0


def test_search_sees_documents_imported_later(project: Project, write: Write) -> None:
    project.import_sources([write("a.txt", "یک خبر")])
    assert project.search("خبر")[0].document_id == "a"
    project.import_sources([write("b.txt", "خبر دوم")])
    assert [h.document_id for h in project.search("خبر")] == ["a", "b"]


def test_stats(project: Project, write: Write) -> None:
    project.import_sources([write("a.txt", "علی در تهران گفت"), write("b.txt", "سلام")])
    aset = project.load_annotations("a", "ali")
    aset.add_spans("tag", [("actor", 0, 3), ("location", 7, 12)])
    project.save_annotations(aset)
    project.set_status("b", "sara", "done")
    figures = project.stats()
    assert figures["documents"] == 2
    assert figures["status"] == {"new": 0, "in_progress": 1, "done": 1}
    assert figures["spans"] == 2 and figures["labels"] == {"actor": 1, "location": 1}
    assert figures["annotators"]["ali"]["status"] == {"new": 1, "in_progress": 1, "done": 0}
    assert figures["annotators"]["sara"]["spans"] == 0
    mine = project.stats("ali")
    assert list(mine["annotators"]) == ["ali"] and mine["status"]["done"] == 0


def test_import_and_stats_commands(tmp_path: Path, write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "new-project"
    source = write("n.jsonl", "\n".join(json.dumps({"title": f"t{i}", "text": f"متن {i}"})
                                        for i in range(3)))  # fmt: skip
    assert run(import_, [str(folder), str(source), "--no-normalize"]) == 0
    out = capsys.readouterr().out
    assert "3 document(s) added" in out
    assert Project.open(folder).load_document("t0").text == "متن 0"
    assert run(import_, [str(folder), str(source), str(tmp_path / "missing.txt")]) == 1
    captured = capsys.readouterr()
    assert "3 duplicate(s) skipped" in captured.out and "missing.txt" in captured.err
    assert run(stats, [str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 3 and data["status"]["new"] == 3
    assert run(stats, [str(folder)]) == 0
    assert "documents: 3" in capsys.readouterr().out
    assert run(stats, [str(tmp_path)]) == 2
    assert "project.json" in capsys.readouterr().err


def test_import_command_fails_when_nothing_could_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(import_, [str(tmp_path / "p"), str(tmp_path / "nothing.txt")]) == 1
    assert "nothing.txt: no such file" in capsys.readouterr().err


def test_format_option_dispatches(tmp_path: Path, write: Write) -> None:
    source = write("article.data", "متن")
    assert run(import_, [str(tmp_path / "p"), str(source), "--format", "txt", "-q"]) == 0
    assert Project.open(tmp_path / "p").document_ids() == ["article"]


def test_the_index_folds_the_query_as_the_text(project: Project, write: Write) -> None:
    """Through the project's index: a query's skin tone and variation selector are ignored
    as the text's are, and a number after U+06DD END OF AYAH is found with the sign."""
    write("a.txt", "سلام 👍🏽 و 👍 و ❤ و ❤\ufe0f")
    project.import_sources([write("b.txt", "آیه ۝١٢ و ؀٣ آمد").parent], normalize=False)
    assert [h.match for h in project.search("👍🏽")] == ["👍🏽", "👍"]
    assert [h.match for h in project.search("👍🏿", whole_words=True)] == ["👍🏽", "👍"]
    assert [h.match for h in project.search("❤\ufe0f")] == ["❤", "❤\ufe0f"]
    assert [h.match for h in project.search("12", whole_words=True)] == ["۝١٢"]
    assert [h.match for h in project.search("3")] == ["؀٣"]
    assert project.search_documents("👍🏽") == ["a"] and project.search_documents("12") == ["b"]
    assert project._search is None  # (the index answered, not the in-memory fallback)
