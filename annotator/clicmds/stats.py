"""annotator stats PROJECT: documents by status, spans per label and per annotator."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..io.project import Project, ProjectError

HELP = "show a project's progress: documents by status, spans per label and annotator"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="project folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--annotator", help="only this annotator's work")


def format_stats(stats: dict[str, Any]) -> list[str]:
    status = stats["status"]
    # several annotators' sets (the curated one too) are added up in the project's lines: said
    # there, so that a report does not take 12 claims for the corpus's when three coders each
    # coded the same 3 and a curator made them again (each annotator's own lines follow)
    pooled = len(stats["annotators"]) > 1
    added_up = f"  (all {len(stats['annotators'])} annotators' sets added up; each one's below)" if pooled else ""
    lines = [
        f"project: {stats['project']}",
        f"documents: {stats['documents']} ({stats['characters']} characters)",
        f"  new: {status['new']}  in progress: {status['in_progress']}  done: {status['done']}"
        + ("  (done: every annotator's file of it done)" if pooled else ""),
        f"spans: {stats['spans']}  relations: {stats['relations']}{added_up}",
    ]
    # each label's count is of its spans (an actor's mentions), not of distinct actors
    lines += [f"  {label}: {n} span(s)" for label, n in stats["labels"].items()]
    if "claims" in stats:
        lines.append(
            f"coded: {stats['documents_coded']} document(s), {stats['claims']} claim(s) "
            f"({stats['claims_with_claimant']} with a claimant), {stats['actors']} distinct actor(s) "
            "(one per entity, else per spelling), "
            f"{stats['mentions_linked']} of {stats['mentions']} mention(s) linked to {len(stats['entities'])} entities"
            + (" (added up)" if pooled else "")
        )
    for name, info in stats["annotators"].items():
        st = info["status"]
        lines.append(
            f"annotator {name}: {info['files']} file(s), {info['spans']} span(s); "
            f"done {st['done']}, in progress {st['in_progress']}, new {st['new']}"
        )
        lines += [f"  {label}: {n} span(s)" for label, n in info["labels"].items()]
        if "claims" in info:
            lines.append(
                f"  claims: {info['claims']}, distinct actors: {info['actors']}, "
                f"coded documents: {info['documents_coded']}"
            )
    return lines


def with_study_figures(project: Project, stats: dict[str, Any], annotator: str | None) -> dict[str, Any]:
    """Add what a methods section reports (annotator.analysis.summary.figures): coded
    documents, claims, actors, mentions per entity, overall and per annotator. A file
    that cannot be read is added to `left_out` (once)."""
    from ..analysis.records import AnalysisError, Filters, iter_codings
    from ..analysis.summary import figures

    left_out: list[str] = []
    try:
        found = figures(iter_codings(project, Filters((annotator,) if annotator else ()), left_out=left_out))
    except AnalysisError:
        return stats  # an annotator with no files: the counts above say it all
    finally:
        # once per file (the index's reason may have been worded by an older version)
        by_file = {line.split(".json: ", 1)[0]: line for line in [*stats.get("left_out", []), *left_out]}
        stats["left_out"] = list(by_file.values())
    per = found.pop("per_annotator")
    stats.update(found)
    for name, info in stats["annotators"].items():
        info.update(
            per.get(
                name,
                {
                    "documents_coded": 0,
                    "documents_done": 0,
                    "claims": 0,
                    "claims_with_claimant": 0,
                    "actors": 0,
                    "mentions": 0,
                    "mentions_linked": 0,
                },
            )
        )
    return stats


def run(args: argparse.Namespace) -> int:
    try:
        project = Project.open(Path(args.project))
        if args.annotator is not None:
            # an unknown name used to print every count as 0, as if nobody had begun
            args.annotator = project.resolve_annotator(args.annotator)
        stats = with_study_figures(project, project.stats(args.annotator), args.annotator)
    except ProjectError as exc:
        print(f"annotator stats: {exc}", file=sys.stderr)
        return 2
    # a damaged file costs its own figures, not the project's: named, and the exit status
    # is 1, as `agree` and `export` do
    for line in stats["left_out"]:
        print(f"annotator stats: {line} (left out)", file=sys.stderr)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print("\n".join(format_stats(stats)))
    return 1 if stats["left_out"] else 0
