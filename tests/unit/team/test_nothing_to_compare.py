"""A request that cannot be met says so and fails (trial 4): `merge --min-agree 3` with two
coders added 0 spans and exited 0; `agree` with no document coded by two coders printed a
table of dashes and exited 0. (The window's Agreement panel: tests/gui/test_agreement_nothing.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from tests.conftest import two_coders


def curated_files(root: Path) -> list[Path]:
    return sorted((root / "annotations").glob("curated/*.json"))


def test_merge_min_agree_above_the_coders_fails_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ids = two_coders(tmp_path, same_document=True)
    assert main(["merge", str(root), "--into", "curated", "--min-agree", "3"]) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert err == f"annotator merge: {root}: --min-agree 3 needs 3 coders, and there are 2 (ali, sara)"
    assert "added" not in captured.out and curated_files(root) == []
    assert main(["merge", str(root), "--into", "curated", "--min-agree", "2"]) == 0  # can be met
    assert len(curated_files(root)) == 1


def test_merge_and_agree_with_no_document_coded_twice_fail_and_say_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ids = two_coders(tmp_path, same_document=False)
    assert main(["merge", str(root), "--into", "curated"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"annotator merge: {root}: nothing to merge: no document was coded by 2 or more of ali, sara"
    assert main(["agree", str(root)]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == (
        "annotator agree: nothing to compare: no document was coded by two or more of ali, sara"
    )
    assert captured.out == ""  # no table of dashes
    assert main(["agree", str(root), "--json"]) == 1  # the figures still printed for scripts
    assert json.loads(capsys.readouterr().out)["documents"] == 0
    assert curated_files(root) == []


def test_a_figure_a_hair_below_zero_is_printed_as_zero() -> None:
    """The trial's `agree` printed alpha -0.000 (-0.000121): a negative zero reads as a
    sign error. The Agreement panel already wrote 0.000."""
    from annotator.clicmds.agree import _fmt

    assert [_fmt(v) for v in (-0.000121, -0.0004, -0.0005, 0.0, None, 0.8125)] == [
        "0.000", "0.000", "-0.001", "0.000", "–", "0.812",
    ]  # fmt: skip
