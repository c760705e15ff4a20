"""Each label of a project gets its own colour (trial defect: a CoNLL import of 20 labels
gave ORG, org and DAT one pink, MISC, event and TIM one lime: a cycle of seven)."""

from __future__ import annotations

import colorsys
import json
from collections.abc import Callable
from pathlib import Path

from annotator.io.project import Project
from annotator.model.label_colors import PALETTE, new_colors

Write = Callable[[str, str | bytes], Path]

TRIAL_LABELS = [
    "PERSON", "ORG", "LOC", "GPE", "DAT", "TIM", "MON", "PCT", "MISC", "EVENT",
    "org", "event", "fac", "loc", "per", "pro", "NORP", "LAW", "WORK", "LANG",
]  # fmt: skip


def conll(labels: list[str]) -> str:
    return "\n\n".join(f"واژه{i} B-{label}\nو O" for i, label in enumerate(labels)) + "\n"


def colors_in(project: Project) -> dict[str, str]:
    data = json.loads((project.path / "project.json").read_text(encoding="utf-8"))
    return {lb["id"]: lb["color"].lower() for lb in data["schema"]["labels"]}


def test_an_import_of_twenty_labels_gives_each_its_own_colour(project: Project, write: Write) -> None:
    before = colors_in(project)
    report = project.import_sources([write("corpus.conll", conll(TRIAL_LABELS))], fmt="conll")
    assert not report.problems, report.problems
    colors = colors_in(Project.open(project.path))
    assert set(TRIAL_LABELS) <= set(colors)
    assert len(set(colors.values())) == len(colors), colors  # no two labels alike
    assert {k: colors[k] for k in before} == before  # the default labels keep theirs


def test_colours_saved_in_project_json_are_never_changed(project: Project, write: Write) -> None:
    project.import_sources([write("a.conll", conll(["ORG", "DAT"]))], fmt="conll")
    # as an earlier version saved them: two labels alike, and the palette's first colour taken
    path = project.path / "project.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for lb in data["schema"]["labels"]:
        if lb["id"] in ("ORG", "DAT"):
            lb["color"] = PALETTE[0].upper()
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    saved = colors_in(Project.open(project.path))
    reopened = Project.open(project.path)
    reopened.import_sources([write("b.conll", conll(["ORG", "TIM", "MON"]))], fmt="conll")
    colors = colors_in(Project.open(project.path))
    assert {k: colors[k] for k in saved} == saved
    assert colors["TIM"] != colors["MON"] and not {colors["TIM"], colors["MON"]} & set(saved.values())


def test_past_the_palette_colours_vary_in_lightness_and_never_repeat() -> None:
    colors = new_colors(["#E6194B"], 250)
    assert len(set(colors)) == 250 and "#e6194b" not in colors
    assert colors[: len(PALETTE) - 1] == [c for c in PALETTE if c != "#e6194b"]
    hls = [colorsys.rgb_to_hls(*(int(c[i : i + 2], 16) / 255 for i in (1, 3, 5))) for c in colors]
    # the round after the palette: the palette's hues, lighter or darker
    first_hue = colorsys.rgb_to_hls(*(int(PALETTE[0][i : i + 2], 16) / 255 for i in (1, 3, 5)))
    past = hls[len(PALETTE) - 1]
    assert abs(past[0] - first_hue[0]) < 0.02 and abs(past[1] - first_hue[1]) > 0.1
    assert new_colors([], 0) == []
