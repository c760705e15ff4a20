"""`annotator export PROJECT --format claims|claims-xlsx|graphml|gexf`: the claims table and
actor networks (annotator.analysis), beside the interchange formats of export.py."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

FORMATS = ("claims", "claims-xlsx", "graphml", "gexf")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..analysis.networks import (
        AGGREGATIONS,
        DEFAULT_AGGREGATION,
        DEFAULT_MIN_WEIGHT,
        DEFAULT_NORMALIZATION,
        DEFAULT_WINDOW,
        KINDS,
        NORMALIZATIONS,
        WINDOWS,
    )

    group = parser.add_argument_group("claims table and networks (--format claims, claims-xlsx, graphml, gexf)")
    group.add_argument("--network", choices=KINDS, help="graphml/gexf: which network (docs/analysis.md)")
    group.add_argument(
        "--aggregation",
        choices=AGGREGATIONS,
        default=DEFAULT_AGGREGATION,
        help="actor-actor: edge weight is congruence (same position on a topic; the default), conflict, "
        "or their difference (subtract)",
    )
    group.add_argument(
        "--window",
        choices=WINDOWS,
        default=DEFAULT_WINDOW,
        help="co-occurrence: entities mentioned together in one document (the default), paragraph or sentence",
    )
    group.add_argument(
        "--normalization",
        choices=NORMALIZATIONS,
        default=DEFAULT_NORMALIZATION,
        help="co-occurrence: edge weight divided as DNA's one-mode normalisations do (average, jaccard, "
        "cosine), the count kept as 'count'; default no",
    )
    group.add_argument(
        "--min-weight",
        type=int,
        default=DEFAULT_MIN_WEIGHT,
        metavar="N",
        help="co-occurrence: only pairs mentioned together in at least N windows (default 1: every pair)",
    )
    group.add_argument("--status", choices=("new", "in_progress", "done"), help="only documents with this status")
    group.add_argument("--from", dest="date_from", metavar="DATE", help="only documents dated on or after DATE")
    group.add_argument("--to", dest="date_to", metavar="DATE", help="only documents dated on or before DATE")
    group.add_argument("--excel", action="store_true", help="claims: CSV with a byte-order mark and CRLF, for Excel")


def run(args: argparse.Namespace) -> int:
    from ..analysis import networks, table
    from ..analysis.records import AnalysisError, coders, iter_claims, iter_codings, make_filters, open_project
    from ..io.names import CURATED

    out = Path(args.out)
    started = time.monotonic()
    left_out: list[str] = []  # files that cannot be read: named, and the rest exported
    try:
        project = open_project(Path(args.project))
        filters = make_filters(args.annotator, args.status, args.date_from, args.date_to)
        if args.format in ("graphml", "gexf"):
            if not args.network:
                raise AnalysisError(f"--format {args.format} needs --network ({', '.join(networks.KINDS)})")
            shaping = {
                "--window": args.window != networks.DEFAULT_WINDOW,
                "--normalization": args.normalization != networks.DEFAULT_NORMALIZATION,
                "--min-weight": args.min_weight != networks.DEFAULT_MIN_WEIGHT,
            }
            if args.network != "co-occurrence" and any(shaping.values()):
                chosen = ", ".join(option for option, given in shaping.items() if given)
                raise AnalysisError(f"{chosen}: only for --network co-occurrence")
            if args.min_weight < 1:
                raise AnalysisError(f"--min-weight {args.min_weight}: at least 1")
            names = coders(project, filters)
            if len(names) > 1:
                raise AnalysisError(
                    f"{project.path}: claims coded by {', '.join(names)}: a network is one coder's "
                    "(or the curated) view: choose one with --annotator"
                )
            graph, report = networks.export(
                args.network,
                iter_codings(project, filters, left_out=left_out),
                project.schema,
                out,
                args.format,
                args.aggregation,
                window=args.window,
                normalization=args.normalization,
                min_weight=args.min_weight,
            )
            summary = (
                f"{args.network} network of {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges "
                f"from {report.claims} claims in {report.documents} documents"
            )
            extra = report.lines()
        else:
            names = coders(project, filters)
            if len(names) > 1 and not filters.annotators:
                # pooled rows of several coders (and the curated set) count each claim once
                # per coder: a table of one set unless the coders are named (A,B: one column
                # says whose each row is)
                hint = " (curated: the adjudicated set)" if CURATED in names else ""
                raise AnalysisError(
                    f"{project.path}: claims coded by {', '.join(names)}: choose one with --annotator{hint}, "
                    "or name several (A,B) for one row per coder"
                )
            claims = iter_claims(project, filters, left_out=left_out)
            if args.format == "claims":
                count = table.write_csv(claims, out, excel=args.excel)
            else:
                count = table.write_xlsx(claims, out)
            summary = f"{count} rows (one per claim and claimant) of {', '.join(names)}"
            extra = []
    except AnalysisError as exc:
        print(f"annotator export: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"annotator export: {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    seconds = time.monotonic() - started
    print(f"wrote {summary} to {out} as {args.format} in {seconds:.1f} s", file=sys.stderr)
    for line in extra:
        print(line, file=sys.stderr)
    for line in left_out:
        print(f"annotator export: {line} (left out)", file=sys.stderr)
    return 1 if left_out else 0
