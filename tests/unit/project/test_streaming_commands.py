"""`annotator stats`, `validate` and `export` read a project a document at a time (issue 16):
their output on a real project (the shared Fars news, coded by two annotators) is byte for
byte what the former whole-catalogue reading gave."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from annotator.analysis import records
from annotator.cli import main
from annotator.io import catalog
from annotator.io.project import Project

FARS = Path(__file__).resolve().parents[4] / "shared/corpora/news/fars-news-2.json"


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> Project:
    if not FARS.exists():
        pytest.skip(f"{FARS} is absent (it sits beside the project, not in it)")
    project = Project.create(tmp_path_factory.mktemp("fars") / "fars", "Fars")
    assert len(project.import_sources([FARS], normalize=True).added) == 300
    rng = random.Random(16)
    ids = project.document_ids()
    for name in ("maryam", "reza"):
        for doc_id in rng.sample(ids, 40):
            aset = project.load_annotations(doc_id, name)
            n = len(aset.document.text)
            spans = sorted({(s, min(n, s + rng.randint(2, 9))) for s in rng.sample(range(n - 1), 4)})
            aset.add_spans("tag", [(rng.choice(["actor", "location"]), s, e) for s, e in spans])
            project.save_annotations(aset)
    return project


def whole_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """The former reading: documents.json parsed whole, every coder's file checked for
    every document of the catalogue."""

    def other_layout(raw: bytes, path: Path) -> None:
        raise catalog._OtherLayout

    def every_document(project: Project, annotator: str) -> set[str]:
        return set(project.document_ids())

    monkeypatch.setattr(catalog, "_catalog_lines", other_layout)
    monkeypatch.setattr(records, "_annotated", every_document)


COMMANDS = {
    "stats": ["stats", "{p}"],
    "stats --json": ["stats", "{p}", "--json"],
    "stats one annotator": ["stats", "{p}", "--annotator", "reza"],
    "validate": ["validate", "{p}"],
    "export jsonl": ["export", "{p}", "--format", "jsonl", "--out", "{out}/x.jsonl", "--annotator", "maryam"],
    "export original offsets": [
        "export", "{p}", "--format", "labelstudio", "--out", "{out}/ls.json", "--annotator", "reza",
        "--original-offsets",
    ],
    "export claims": ["export", "{p}", "--format", "claims", "--out", "{out}/claims.csv"],
}  # fmt: skip


def outputs(project: Project, out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[int, str, bytes]]:
    found = {}
    for name, argv in COMMANDS.items():
        out.mkdir(parents=True, exist_ok=True)
        code = main([a.format(p=project.path, out=out) for a in argv])
        printed = capsys.readouterr()
        written = b"".join(f.read_bytes() for f in sorted(out.iterdir()))
        # the export's closing line says how long it took
        said = "\n".join(line.split(" in ")[0] if " as " in line else line for line in printed.err.splitlines())
        found[name] = (code, printed.out + said, written)
        for f in out.iterdir():
            f.unlink()
    return found


def test_stats_validate_and_export_say_and_write_what_they_did_before(
    coded: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    streaming = outputs(coded, tmp_path / "out", capsys)
    with monkeypatch.context() as patched:
        whole_catalogue(patched)
        before = outputs(coded, tmp_path / "out", capsys)
    assert streaming == before
    stats = json.loads(streaming["stats --json"][1])
    assert stats["documents"] == 300 and stats["annotators"]["maryam"]["files"] == 40
    assert streaming["validate"][0] == 0 and "300 document(s)" in streaming["validate"][1]
    assert streaming["export jsonl"][2].count(b"\n") == 300


def test_validate_still_checks_annotations_against_their_text(
    coded: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    # the texts validate keeps are only those an annotation file needs: a span that no
    # longer matches its text is still found
    doc_id = coded.annotators() and sorted(os.listdir(coded.path / "annotations" / "reza"))[0][: -len(".json")]
    file = coded.annotation_path(doc_id, "reza")
    original = file.read_bytes()
    data = json.loads(original)
    data["spans"][0]["text"] = "چیزی دیگر"
    try:
        file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert main(["validate", str(coded.path)]) == 1
        assert f"{file}: $.spans[0].text" in capsys.readouterr().err
    finally:
        file.write_bytes(original)


@pytest.mark.parametrize("layout", ["indented", "one line", "bad line", "bad id", "newer version"])
def test_documents_json_in_any_layout_reads_as_before(
    coded: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    data = json.loads((coded.path / "documents.json").read_text(encoding="utf-8"))
    root = tmp_path / "copy"
    root.mkdir()
    text = catalog.dumps(data).decode("utf-8")
    if layout == "indented":
        text = json.dumps(data, ensure_ascii=False, indent=1)
    elif layout == "one line":
        text = json.dumps(data, ensure_ascii=False)
    elif layout == "bad line":
        text = text.replace('"length": ', '"length": ,', 1)
    elif layout == "bad id":
        text = text.replace(f'"id": "{data["documents"][150]["id"]}"', '"id": "../x"', 1)
    else:
        text = text.replace('"version": 1', '"version": 99', 1)
    (root / "documents.json").write_text(text, encoding="utf-8")

    def read() -> object:
        try:
            return catalog.read_catalog(root)
        except catalog.ProjectError as exc:
            return str(exc)

    streaming = read()
    with monkeypatch.context() as patched:
        whole_catalogue(patched)
        assert read() == streaming
    if layout in ("indented", "one line"):
        assert streaming == catalog.read_catalog(coded.path)
    else:
        assert isinstance(streaming, str)


def test_validate_and_export_keep_no_name_of_a_document_file(tmp_path: Path) -> None:
    """pathlib interns every path component it parses (sys.intern; for good on Python
    3.12): a Path per document kept each file name to the end of the command, ~90 bytes a
    document (docs/performance.md). Reading every document must leave none interned."""
    import subprocess
    import sys

    source = tmp_path / "news.jsonl"
    ids = [f"qz{i:04d}vk" for i in range(300)]  # names nothing else in this process makes
    lines = [json.dumps({"id": d, "title": d, "text": f"متن {d}"}, ensure_ascii=False) for d in ids]
    source.write_text("\n".join(lines), encoding="utf-8")
    made = (  # in another process: the import names every file
        "import sys; from annotator.io.project import Project; p = Project.create(sys.argv[1], 'p');"
        "assert len(p.import_sources([sys.argv[2]], normalize=False).added) == 300;"
        "a = p.load_annotations(sys.argv[3], 'sara'); a.add_span('actor', 0, 3); p.save_annotations(a)"
    )
    subprocess.run([sys.executable, "-c", made, str(tmp_path / "p"), str(source), ids[7]], check=True)
    project = Project.open(tmp_path / "p")  # one annotated document: its file is read, by its Path

    assert main(["validate", str(project.path)]) == 0
    out = tmp_path / "out.jsonl"
    assert main(["export", str(project.path), "--format", "jsonl", "--out", str(out), "--annotator", "sara"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 300

    def interned(text: str) -> bool:
        fresh = "".join([text[:1], text[1:]])  # a new object with the same characters
        return sys.intern(fresh) is not fresh  # another object: it was interned before

    kept = [d for d in ids if interned(d + ".json")]
    assert kept in ([], [ids[7]]), kept[:5]
