"""Co-occurrence networks of a project built from the real corpora: size and time.

    .venv/bin/python benchmarks/bench_networks.py [--keep DIR]

`annotator import P fars-news-2.json peyma-dev.txt arman-dev.txt` (300 articles without
annotations and 62 documents of NER spans), then `annotator export --network co-occurrence`
as a fresh process for each window and format (wall time, peak memory, file size), and,
in the same run, the baseline: the same graph written by networkx's own writer (what
`annotator export` did before), and the streamed file's time as a ratio of it.

Never part of the test run; the figures go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from annotator.analysis import networks
from annotator.analysis.records import iter_codings, make_filters, open_project

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SOURCES = (CORPORA / "news" / "fars-news-2.json", CORPORA / "ner" / "peyma-dev.txt", CORPORA / "ner" / "arman-dev.txt")


def command(*args: str) -> tuple[float, int, str]:
    """Wall seconds, peak memory (KB) and stderr of `annotator ARGS` in a fresh process."""
    began = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-c", "import sys; from annotator.cli import main; "
         "sys.exit(main(sys.argv[1:]))", *args],
        capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - began
    assert proc.returncode == 0, proc.stderr
    return seconds, int(proc.stderr.strip().splitlines()[-1]), proc.stderr


def networkx_seconds(root: Path, window: str, fmt: str) -> float:
    project = open_project(root)
    graph, _ = networks.build(
        "co-occurrence", iter_codings(project, make_filters(None, None, None, None)), project.schema, window=window
    )
    began = time.perf_counter()
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, named_key_ids=True)
    else:
        nx.write_gexf(graph, buffer, version="1.3")
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="work here and keep the project")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-networks-"))
    work.mkdir(parents=True, exist_ok=True)
    root = work / "project"
    try:
        if not (root / "documents.json").exists():
            command("import", str(root), *map(str, SOURCES), "-q")
        print("| export | edges | file | whole command | peak memory | networkx's writer alone, same graph |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for window, extra in (("document", ()), ("document", ("--min-weight", "2")), ("sentence", ())):
            for fmt in ("graphml", "gexf"):
                out = work / f"net-{window}-{len(extra)}.{fmt}"
                options = ("--window", window, *extra)
                seconds, peak, said = command("export", str(root), "--format", fmt, "--network", "co-occurrence",
                                              "--out", str(out), *options)  # fmt: skip
                edges = re.search(r"and (\d+) edges", said)
                before = f"{networkx_seconds(root, window, fmt):.1f} s" if not extra else "-"
                print(
                    f"| {' '.join(options)}, {fmt} | {int(edges.group(1)) if edges else 0:,} "
                    f"| {out.stat().st_size / 1e6:.1f} MB | {seconds:.1f} s | {peak / 1024:.0f} MB | {before} |",
                    flush=True,
                )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
