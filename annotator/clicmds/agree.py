"""annotator agree PROJECT: inter-coder agreement (Krippendorff's alpha, Cohen's kappa,
span F1) over the documents two or more coders annotated (docs/team.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HELP = "inter-coder agreement: Krippendorff's alpha, Cohen's kappa and span F1 per label, pair and document"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="project folder")
    parser.add_argument(
        "--annotators", metavar="A,B,...", help="the coders to compare (default: every annotator but curated, imported)"
    )
    parser.add_argument("--label", action="append", metavar="L", help="only this label (may be repeated)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--worst", type=int, default=10, metavar="N", help="list the N least agreed documents (10)")


def _fmt(value: Any) -> str:
    # a tiny negative figure (alpha -0.0001: agreement a hair below chance) is 0.000, not
    # "-0.000", as in the Agreement panel
    text = "–" if value is None else f"{value:.3f}"
    return "0.000" if text == "-0.000" else text


def format_report(data: dict[str, Any], worst: int) -> list[str]:
    lines = [
        f"coders: {', '.join(data['annotators'])}",
        f"documents compared: {data['documents']} ({data['units']} units: non-blank characters)",
        "",
        f"{'label':<20} {'alpha':>7} {'F1 exact':>9} {'F1 overlap':>11}",
    ]
    rows = [*data["labels"].items(), ("(overall)", data["overall"])]
    for label, fig in rows:
        lines.append(f"{label:<20} {_fmt(fig['alpha']):>7} {_fmt(fig['f1_exact']):>9} {_fmt(fig['f1_overlap']):>11}")
    for pair in data["pairs"]:
        lines += ["", f"{pair['a']} × {pair['b']} ({pair['documents']} documents)"]
        lines.append(f"  {'label':<18} {'kappa':>7} {'F1 exact':>9} {'F1 overlap':>11}")
        for label, fig in pair["labels"].items():
            lines.append(
                f"  {label:<18} {_fmt(fig['kappa']):>7} {_fmt(fig['f1_exact']):>9} {_fmt(fig['f1_overlap']):>11}"
            )
    if data["relations"]:
        lines += ["", "relations (type and both ends agree): " + ", ".join(
            f"{t} F1 {_fmt(f['f1'])}" for t, f in data["relations"].items()
        )]  # fmt: skip
    if data["attributes"]:
        lines += ["", "attributes (on spans marked alike): " + ", ".join(
            f"{k} alpha {_fmt(f['alpha'])} ({f['units']})" for k, f in data["attributes"].items()
        )]  # fmt: skip
    if worst > 0 and data["by_document"]:
        ranked = sorted(
            data["by_document"].items(),
            key=lambda kv: (kv[1]["f1_overlap"] is None, kv[1]["f1_overlap"] or 0.0, kv[0]),
        )[:worst]
        lines += ["", "least agreed documents (F1 exact, F1 overlap):"]
        lines += [f"  {doc}: {_fmt(f['f1_exact'])} {_fmt(f['f1_overlap'])}" for doc, f in ranked]
    return lines


def run(args: argparse.Namespace) -> int:
    from ..io.project import Project, ProjectError
    from ..io.team import agreement

    names = [n for n in args.annotators.split(",") if n.strip()] if args.annotators else None
    try:
        project = Project.open(Path(args.project))
        report, problems = agreement(project, names, args.label)
    except ProjectError as exc:
        print(f"annotator agree: {exc}", file=sys.stderr)
        return 2
    for line in problems:
        print(f"annotator agree: {line} (left out)", file=sys.stderr)
    data = report.to_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    if not data["documents"]:
        # a table of dashes and exit 0 read as "computed"; nothing was
        coders = ", ".join(data["annotators"])
        print(f"annotator agree: nothing to compare: no document was coded by two or more of {coders}", file=sys.stderr)
        return 1
    if not args.json:
        print("\n".join(format_report(data, args.worst)))
    return 1 if problems else 0
