"""One damaged annotation file in a project (new user's trial): `stats`, `export` (claims,
networks and the interchange formats) leave that file out, name it and the problem in one
line ending "(left out)", count the rest, exit 1 (as `agree` does), and leave it untouched."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.project import Project

TEXTS = [
    "وزیر خارجه ایران گفت تحریم‌ها باید لغو شود. آمریکا پاسخ نداد.",
    "سخنگوی دولت گفت مذاکرات ادامه دارد. روسیه از آن حمایت کرد.",
    "رئیس‌جمهور فرانسه گفت ایران باید به توافق بازگردد.",
]


def code(project: Project, doc_id: str, annotator: str) -> None:
    """A claim (the first sentence) claimed by its first word, an actor."""
    aset = project.load_annotations(doc_id, annotator)
    actor = aset.add_span("actor", 0, aset.text.index(" "))
    claim = aset.add_span("claim", 0, aset.text.index("."))
    aset.add_relation("claimed_by", claim.id, actor.id)
    project.save_annotations(aset)


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """Ali coded three documents and Sara one; Ali's second file is cut short at 300 bytes."""
    sources = []
    for i, text in enumerate(TEXTS):
        source = tmp_path / f"a{i}.txt"
        source.write_text(text, encoding="utf-8")
        sources.append(source)
    project = Project.create(tmp_path / "P", "P")
    ids = project.import_sources(sources).added
    for doc_id in ids:
        code(project, doc_id, "Ali")
    code(project, ids[0], "Sara")
    bad = project.annotation_path(ids[1], "Ali")
    raw = bad.read_bytes()[:300]
    bad.write_bytes(raw)
    return project.path, bad, raw


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def says_left_out(line: str, command: str, bad: Path) -> bool:
    """The whole line: who speaks, the file, what is wrong in words, and that it is left out."""
    reason = r"not valid JSON \(line \d+, column \d+: unterminated string\); the file is damaged and was left as it is"
    return re.fullmatch(f"annotator {command}: {re.escape(str(bad))}: {reason} \\(left out\\)", line) is not None


def test_stats_leaves_the_damaged_file_out_and_names_it(
    damaged: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    root, bad, raw = damaged
    code, out, err = run(capsys, "stats", str(root))
    assert code == 1
    assert len(err) == 1 and says_left_out(err[0], "stats", bad), err
    assert "annotator Ali: 2 file(s), 4 span(s)" in out  # the two readable files
    assert "annotator Sara: 1 file(s), 2 span(s)" in out
    assert bad.read_bytes() == raw
    # another coder's figures: the damaged file is not theirs, nothing is left out
    code, out, err = run(capsys, "stats", str(root), "--annotator", "Sara", "--json")
    assert (code, err) == (0, [])
    assert json.loads(out)["left_out"] == [] and json.loads(out)["claims"] == 1
    code, out, err = run(capsys, "stats", str(root), "--annotator", "Ali", "--json")
    data = json.loads(out)
    assert code == 1 and data["claims"] == 2 and len(data["left_out"]) == 1
    assert says_left_out(f"annotator stats: {data['left_out'][0]} (left out)", "stats", bad)


def test_stats_over_every_coder_counts_the_others_claims(
    damaged: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    root, bad, _ = damaged
    code, out, _ = run(capsys, "stats", str(root), "--json")
    data = json.loads(out)
    assert code == 1 and data["claims"] == 3  # Ali's two readable and Sara's one
    assert [line.split(": not valid JSON")[0] for line in data["left_out"]] == [str(bad)]


@pytest.mark.parametrize(
    "argv",
    [
        ["--format", "claims"],
        ["--format", "claims-xlsx"],
        ["--format", "graphml", "--network", "actor-actor"],
        ["--format", "gexf", "--network", "co-occurrence"],
        ["--format", "jsonl"],
        ["--format", "conll"],
    ],
)
def test_exports_write_the_rest_and_name_the_damaged_file(
    damaged: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    root, bad, raw = damaged
    out = tmp_path / "out.file"
    code, _, err = run(capsys, "export", str(root), "--annotator", "Ali", "--out", str(out), *argv)
    assert code == 1
    assert err[0].startswith("wrote ") or " written to " in err[0]
    named = [line for line in err if str(bad) in line]
    assert len(named) == 1 and says_left_out(named[0], "export", bad), err
    assert out.exists() and bad.read_bytes() == raw
    if argv[1] == "claims":
        with out.open(encoding="utf-8") as f:
            assert len(list(csv.DictReader(f))) == 2  # one row per readable claim
    if argv[1] == "jsonl":
        assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_an_intact_project_still_exits_0(damaged: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    root, bad, _ = damaged
    bad.unlink()
    assert run(capsys, "stats", str(root))[0] == 0
    out = str(root.parent / "c.csv")
    code, _, err = run(capsys, "export", str(root), "--annotator", "Ali", "--format", "claims", "--out", out)
    assert code == 0 and not any("left out" in line for line in err)
