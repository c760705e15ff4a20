"""brat accepts our export's nested and crossing spans (issue 9, defect 4).

brat's verify_annotations (nlplab/brat, server/src/verify_annotations.py,
verify_entity_overlap) reports every pair of overlapping text-bound annotations that
annotation.conf does not allow: projectconfig.py's overlap_types reads `<OVERLAP>`
relations whose `<OVL-TYPE>` lists contain / equal / cross, or `<ANY>`.  The first test
applies that rule to our export; the second runs brat's own code when a checkout of
brat's server/src is named by ANNOTATOR_BRAT_SRC (brat is not a pip package).
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from pathlib import Path

import pytest

from annotator.io.formats import AnnotatedDocument, get


def overlap_types(conf: str) -> dict[tuple[str, str], set[str]]:
    """brat's reading of the <OVERLAP> lines: (Arg1 type, Arg2 type) -> allowed kinds."""
    allowed: dict[tuple[str, str], set[str]] = {}
    for line in conf.splitlines():
        if not line.startswith("<OVERLAP>"):
            continue
        args = dict(part.strip().split(":", 1) for part in line.split("\t", 1)[1].split(","))
        for a in args["Arg1"].split("|"):
            for b in args["Arg2"].split("|"):
                allowed.setdefault((a, b), set()).update(args["<OVL-TYPE>"].split("|"))
    return allowed


def permitted(allowed: dict[tuple[str, str], set[str]], inner: str, outer: str, kind: str) -> bool:
    for a in (inner, "<ANY>"):
        for b in (outer, "<ANY>"):
            found = allowed.get((a, b), set()) | allowed.get((b, a), set())
            if kind in found or "<ANY>" in found:
                return True
    return False


def test_annotation_conf_allows_every_overlap_we_write(tmp_path: Path, nested_news: AnnotatedDocument) -> None:
    get("brat").write([nested_news], tmp_path / "b")
    allowed = overlap_types((tmp_path / "b" / "annotation.conf").read_text(encoding="utf-8"))
    spans = []
    for line in (tmp_path / "b" / "seed.ann").read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            _, middle, _ = line.split("\t")
            label, start, end = middle.split(" ")
            spans.append((label, int(start), int(end)))
    checked = 0
    for n, (l1, s1, e1) in enumerate(spans):
        for l2, s2, e2 in spans[n + 1 :]:
            if s2 < e1 and e2 > s1:
                nested = (s1 <= s2 and e2 <= e1) or (s2 <= s1 and e1 <= e2)
                kind = "equal" if (s1, e1) == (s2, e2) else "contain" if nested else "cross"
                assert permitted(allowed, l1, l2, kind), (l1, l2, kind)
                checked += 1
    assert checked >= 4


def _brat(src: Path, data: Path) -> tuple[types.ModuleType, types.ModuleType, types.ModuleType]:
    # brat's config.py is made at install time; BASE_DIR bounds its search for .conf files
    config = types.ModuleType("config")
    config.__dict__.update(BASE_DIR=str(data), DATA_DIR=str(data), WORK_DIR=str(data), DEBUG=False, LOG_LEVEL=2)
    sys.modules["config"] = config
    sys.path.insert(0, str(src))
    try:
        annotation = importlib.import_module("annotation")
        projectconfig = importlib.import_module("projectconfig")
        verify = importlib.import_module("verify_annotations")
    finally:
        sys.path.remove(str(src))

    def open_textfile(filename: str, mode: str = "r") -> object:  # brat's "rU" is gone in Python 3.11
        return open(filename, mode.replace("U", "").replace("b", ""), encoding="utf-8")

    annotation.open_textfile = open_textfile
    projectconfig.open_textfile = open_textfile
    return annotation, projectconfig, verify


@pytest.mark.filterwarnings("ignore::SyntaxWarning", "ignore::DeprecationWarning")
def test_brats_own_verify_annotations_finds_no_error(tmp_path: Path, nested_news: AnnotatedDocument) -> None:
    src = os.environ.get("ANNOTATOR_BRAT_SRC")
    if not src or not (Path(src) / "verify_annotations.py").exists():
        pytest.skip("set ANNOTATOR_BRAT_SRC to a checkout of nlplab/brat's server/src to run brat's own checks")
    annotation, projectconfig, verify = _brat(Path(src), tmp_path)
    get("brat").write([nested_news], tmp_path / "b")
    conf = projectconfig.ProjectConfiguration(str(tmp_path / "b"))
    with annotation.TextAnnotations(str(tmp_path / "b" / "seed")) as ann:
        issues = [i.human_readable_str() for i in verify.verify_annotation(ann, conf)]
    assert issues == []
