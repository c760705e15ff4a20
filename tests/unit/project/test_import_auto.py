"""`annotator import` without --format (and File > Import left on auto) detects annotated
files by their content: a doccano or Label Studio export keeps its labels instead of coming
in as plain articles, the report says which format was detected, and a file whose
annotations no format reads for certain is left out with why (trial defect 1)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.formats import detect
from annotator.io.project import Project

TEXT = "سخنگوی وزارت خارجه ایران در تهران گفت"


def spans(project: Project) -> list[tuple[str, str]]:
    found = []
    for doc_id in project.document_ids():
        for name in project.annotators():
            found += [(s.label, s.text) for s in project.load_annotations(doc_id, name).spans()]
    return sorted(found)


def write_lines(path: Path, *records: object) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_doccano_export_keeps_its_labels_without_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_lines(tmp_path / "export.jsonl", {"text": TEXT, "label": [[19, 24, "LOC"], [28, 33, "LOC"]]})
    assert main(["import", str(tmp_path / "p"), str(src), "-q"]) == 0
    assert spans(Project.open(tmp_path / "p")) == [("LOC", "ایران"), ("LOC", "تهران")]
    err = capsys.readouterr().err
    assert f"{src}: format detected: doccano (its records have text and label)" in err
    # how many of each label came in, so nobody has to count them by hand (trial)
    assert f"{tmp_path / 'p'}: 2 span(s) imported with the documents: LOC 2\n" in err
    # the same file again, still without a format: a duplicate, not a second copy
    assert main(["import", str(tmp_path / "p"), str(src), "-q"]) == 0
    assert len(Project.open(tmp_path / "p")) == 1


def test_spacy_lines_and_label_studio_tasks_are_detected(tmp_path: Path) -> None:
    ents = write_lines(tmp_path / "ents.jsonl", {"text": TEXT, "ents": [{"start": 19, "end": 24, "label": "GPE"}]})
    task = {"data": {"text": TEXT}, "annotations": [{"result": [
        {"type": "labels", "from_name": "l", "to_name": "t",
         "value": {"start": 28, "end": 33, "labels": ["LOC"]}}]}]}  # fmt: skip
    (tmp_path / "tasks.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(tmp_path / "p"), str(ents), str(tmp_path / "tasks.json"), "-q"]) == 0
    assert spans(Project.open(tmp_path / "p")) == [("GPE", "ایران"), ("LOC", "تهران")]


def test_a_file_with_labels_in_an_unknown_shape_is_left_out_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Label Studio's JSON-MIN export: labels as objects under "label", which no reader here takes
    src = write_lines(tmp_path / "min.json", {"text": TEXT, "label": [{"start": 19, "end": 24, "labels": ["LOC"]}]})
    assert main(["import", str(tmp_path / "p"), str(src), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{src}: not imported: it has annotation fields (label) in a shape no format here reads for certain" in err
    assert "Choose its format (doccano, labelstudio, spacy, jsonl, or json for the text alone)" in err
    assert not (tmp_path / "p").exists()  # nothing imported: no project made
    # chosen explicitly, the text comes in (and the fields not read are named, as before)
    assert main(["import", str(tmp_path / "p"), str(src), "--format", "json", "-q"]) == 1
    assert len(Project.open(tmp_path / "p")) == 1


def test_plain_articles_stay_articles(tmp_path: Path) -> None:
    arts = write_lines(tmp_path / "a.jsonl", {"title": "عنوان", "text": TEXT}, {"body": TEXT + " دیروز"})
    (tmp_path / "b.txt").write_text(TEXT + "\nو ادامه خبر\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "p"), str(arts), str(tmp_path / "b.txt"), "-q"]) == 0
    project = Project.open(tmp_path / "p")
    assert len(project) == 3
    assert spans(project) == []


def test_a_folder_of_brat_and_conll_files_keeps_its_spans(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "d.txt").write_text(TEXT, encoding="utf-8")
    (folder / "d.ann").write_text("T1\tLOC 19 24\tایران\n", encoding="utf-8")
    (folder / "annotation.conf").write_text("[entities]\nLOC\n", encoding="utf-8")
    (folder / "ner.txt").write_text("علی B-PER\nرفت O\n\nتهران B-LOC\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "p"), str(folder), "-q"]) == 0
    project = Project.open(tmp_path / "p")
    assert len(project) == 2
    assert spans(project) == [("LOC", "ایران"), ("LOC", "تهران"), ("PER", "علی")]


def test_guess_on_the_real_files(corpora: Path) -> None:
    expected = {
        "interop/doccano/sequence_labeling.jsonl": "doccano",
        "interop/doccano/relation_extraction.jsonl": "doccano",  # pretty-printed over many lines
        "interop/labelstudio/named_entity_task.json": "labelstudio",
        "interop/webanno/testSentenceWithEmoji.tsv": "webanno",
        "interop/brat/060-relation_annotation.txt": "brat",
        "ner/arman-dev.txt": "conll",  # a .txt, and still token and tag lines
        "ner/peyma-dev.txt": "conll",
        "news/fars-news-2.json": None,  # a JSON array of articles (was taken for Label Studio)
    }
    assert {name: detect(corpora / name).name for name in expected} == expected
    assert all(detect(corpora / name).certain for name in expected)


def test_the_real_doccano_and_label_studio_files_import_with_their_labels(corpora: Path, tmp_path: Path) -> None:
    for name in ("interop/doccano/relation_extraction.jsonl", "interop/labelstudio/named_entity_task.json"):
        shutil.copy(corpora / name, tmp_path / Path(name).name)
    assert main(["import", str(tmp_path / "p"), str(tmp_path / "relation_extraction.jsonl"),
                 str(tmp_path / "named_entity_task.json"), "-q"]) == 0  # fmt: skip
    labels = sorted({label for label, _ in spans(Project.open(tmp_path / "p"))})
    assert labels == ["DATE", "Date", "ORG", "PERSON"]


def test_a_coders_progress_counts_the_imported_spans_they_start_from(tmp_path: Path) -> None:
    """The document list reads progress_facts: a document imported with labels opens with
    them for a coder without a file of their own, so it counts them (as new)."""
    src = write_lines(tmp_path / "export.jsonl", {"text": TEXT, "label": [[19, 24, "LOC"], [28, 33, "LOC"]]})
    project = Project.create(tmp_path / "p", "p")
    project.import_sources([src])
    (doc_id,) = project.document_ids()
    assert project.progress_facts("sara") == [(doc_id, "new", 2)]
    assert project.summary(doc_id, "sara").span_count == 2
    aset = project.load_annotations(doc_id, "sara")
    aset.remove_span(aset.spans()[0].id)
    project.save_annotations(aset)  # her own file from now on
    assert project.progress_facts("sara") == [(doc_id, aset.status.value, 1)]
    assert project.summary(doc_id, None).span_count == 3  # everyone's together, as before


def test_conll_lines_with_white_space_after_the_tag_keep_their_spans(tmp_path: Path) -> None:
    # editors leave a space after the tag, and our own CoNLL export to a .txt starts each
    # document with "# doc_id = ..." (short ones were refused, these came in as an article)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "spaced.txt").write_text("علی B-PER \nرفت O \n\nتهران B-LOC \n", encoding="utf-8")
    (folder / "ours.txt").write_text("# doc_id = a\nایران B-LOC\nگفت O\n\n# doc_id = b\nقم B-LOC\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "p"), str(folder), "-q"]) == 0
    project = Project.open(tmp_path / "p")
    assert len(project) == 3
    assert spans(project) == [("LOC", "ایران"), ("LOC", "تهران"), ("LOC", "قم"), ("PER", "علی")]


def test_our_span_table_is_not_taken_for_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export --format csv` writes a row per span; imported on auto as CSV articles, each
    span's text became a document. It is left out, and the report says what to import."""
    src = write_lines(tmp_path / "export.jsonl", {"text": TEXT, "label": [[19, 24, "LOC"], [28, 33, "LOC"]]})
    assert main(["import", str(tmp_path / "p"), str(src), "-q"]) == 0
    table = tmp_path / "spans.csv"
    assert main(["export", str(tmp_path / "p"), "--format", "csv", "--out", str(table)]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "q"), str(table), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{table}: not imported: it is a table of spans (label, start, end;" in err
    assert "Choose its format (csv for its rows as articles)" in err
    assert not (tmp_path / "q").exists()  # nothing imported: no project made
    # a CSV of articles is still articles
    (tmp_path / "articles.csv").write_text(f"title,text\nیک,{TEXT}\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "q"), str(tmp_path / "articles.csv"), "-q"]) == 0
    assert len(Project.open(tmp_path / "q")) == 1


def test_the_report_counts_the_spans_by_label_most_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_lines(
        tmp_path / "export.jsonl",
        {"text": TEXT, "label": [[0, 6, "ROLE"], [19, 24, "LOC"], [28, 33, "LOC"]]},
        {"text": TEXT + " امروز", "label": [[7, 18, "ORG"], [28, 33, "LOC"]]},
        {"text": "متن بدون برچسب", "label": []},
    )
    assert main(["import", str(tmp_path / "p"), str(src), "-q"]) == 0
    err = capsys.readouterr().err
    assert f"{tmp_path / 'p'}: 5 span(s) imported with the documents: LOC 3, ORG 1, ROLE 1\n" in err
    # plain articles bring none: nothing is said
    plain = tmp_path / "a.txt"
    plain.write_text("متن دیگری برای آزمون", encoding="utf-8")
    assert main(["import", str(tmp_path / "p"), str(plain), "-q"]) == 0
    assert "imported with the documents" not in capsys.readouterr().err
