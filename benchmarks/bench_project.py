"""Projects at scale: 1,000, 10,000 and 100,000 generated articles, every ratio of issue 16
printed from one run.

    .venv/bin/python benchmarks/bench_project.py [--sizes 1000,10000,100000] [--keep DIR]

Articles of realistic length (~1,500 characters, 2-6 paragraphs of sentences drawn from the
Fars News file) are written as one JSON Lines dump per size (the 100,000 one is ~290 MB),
imported without normalization, 200 documents annotated, then for each size:

* import: MB/s of the dump (target >= 10 MB/s), the importing process's peak memory;
* open to first article: a fresh `annotator PROJECT` process, from spawning to its first
  painted frame (ANNOTATOR_EXIT_AFTER_PAINT), the median of three, and the highest peak
  memory of the three: ratios to the 1,000-article project (targets <= 1.5x and <= 2x);
  and once more after deleting the catalogue index; then in one process with a window: the
  catalogue index deleted, `open()` to its first frame, the worker's reading of
  documents.json until the list and the first article are shown, and the longest freeze of
  the window's event loop meanwhile (a 10 ms timer's longest gap);
* search: a project-wide search (the documents holding the word, from the index:
  `Project.search_documents`, what grep lists; then all hits with context) and its first
  100 hits, against `grep -rlF WORD documents/` on the same files (targets <= 0.1x and
  <= 0.02x), after a fresh open (no first-search penalty: the import built the index);
* `annotator stats`, `validate`, `export --format jsonl`: time and peak memory (VmHWM: flat?);
* normalization: importing with hazm normalization and the offset map against hazm's own
  `normalize()` over the same texts (target <= 1.3x), once, on 1,000 articles.

Never part of the test run; the figures go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from annotator.io.project import Project

FARS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news" / "fars-news-2.json"
WORDS = ("آمریکا", "خبرگزاری فارس", "شورای امنیت")


def sentences() -> list[str]:
    data = json.loads(FARS.read_text(encoding="utf-8"))
    found = [s.strip() + "." for a in data for p in a["paragraphs"] for s in p.split(".")]
    return [s for s in found if len(s) > 20]


def generate(folder: Path, sizes: list[int]) -> dict[int, Path]:
    """One JSON Lines dump per size; each smaller one is the start of the larger."""
    rng = random.Random(16)
    pool = sentences()
    paths = {n: folder / f"news-{n}.jsonl" for n in sizes}
    outs = {n: p.open("w", encoding="utf-8") for n, p in paths.items()}
    try:
        for i in range(max(sizes)):
            target = rng.randint(800, 2200)  # Fars articles: 1,846 characters on average
            paragraphs, length = [], 0
            while length < target:
                para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
                paragraphs.append(para)
                length += len(para) + 1
            record = {"id": f"n{i:06d}", "title": f"خبر شماره {i}: " + pool[i % len(pool)][:60],
                      "date": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}", "paragraphs": paragraphs}  # fmt: skip
            line = json.dumps(record, ensure_ascii=False) + "\n"
            for n, out in outs.items():
                if i < n:
                    out.write(line)
    finally:
        for out in outs.values():
            out.close()
    return paths


def child(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run Python code in a fresh process; it prints one JSON line; adds its peak RSS."""
    wrapper = (
        "import json, resource, sys, time\n"
        f"{code}\n"
        # VmHWM: this process's own peak; ru_maxrss starts from the RSS this benchmark had
        # when it forked the child (144 MB after annotating 100,000 articles), which is
        # what the commands' "peak" showed before
        "status = open('/proc/self/status').read() if sys.platform == 'linux' else ''\n"
        "hwm = [int(line.split()[1]) for line in status.splitlines() if line.startswith('VmHWM:')]\n"
        "out['rss_mb'] = (hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024\n"
        "print(json.dumps(out))\n"
    )
    proc = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


IMPORT = """
from annotator.io.project import Project
began = time.perf_counter()
project = Project.create(sys.argv[1], "bench")
report = project.import_sources([sys.argv[2]], normalize=False)
out = {"seconds": time.perf_counter() - began, "added": len(report.added), "chars": report.characters}
usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread's CPU: what the load does not change
out["cpu"] = usage.ru_utime + usage.ru_stime
"""

WINDOW = """
import os, shutil, subprocess
from pathlib import Path
env = dict(os.environ, ANNOTATOR_EXIT_AFTER_PAINT="1", QT_QPA_PLATFORM="offscreen")
launch = "import sys; from annotator.cli import main; sys.exit(main(sys.argv[1:]))"
# the median of three fresh processes (the machine is shared: one run can be disturbed);
# the peak memory is the highest of the three
times = []
for _ in range(int(sys.argv[2])):
    if sys.argv[3] == "no-catalogue-index":  # as after deleting it, or an older version's import
        for found in Path(sys.argv[1], ".cache").glob("catalog.sqlite*"):
            found.unlink()
    began = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", launch, "--annotator", "bench", sys.argv[1]],
                          capture_output=True, text=True, env=env)
    times.append(time.perf_counter() - began)
    assert "painted" in proc.stdout, proc.stdout + proc.stderr
out = {"seconds": sorted(times)[len(times) // 2], "all": times,
       "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
"""

REREAD = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from annotator.ui.app import make_app
from annotator.ui import MainWindow
from PySide6.QtCore import QTimer
for found in Path(sys.argv[1], ".cache").glob("catalog.sqlite*"):  # deleted (or made by another version)
    found.unlink()
app = make_app()
window = MainWindow()
window.annotator_override = "bench"
window.resize(1200, 800)
window.show()
began = time.perf_counter()
window.open(sys.argv[1])
window.repaint()
out = {"open": time.perf_counter() - began}
# the window's thread meanwhile: a 10 ms timer; its longest gap, from open() returning
# to the list read, refreshed and the first article opened, is the longest freeze
last, gaps = [time.perf_counter()], []
def tick():
    now = time.perf_counter()
    session = window.session
    gaps.append(now - last[0])
    last[0] = now
    if session is not None and not session.catalog_pending and window.annotations is not None:
        out["listed"] = now - began
        app.quit()
timer = QTimer()
timer.timeout.connect(tick)
timer.start(10)
QTimer.singleShot(600000, app.quit)
app.exec()
out["longest_freeze"] = max(gaps) if gaps else 0.0
"""

BARE = """
import subprocess
env = dict(__import__("os").environ, QT_QPA_PLATFORM="offscreen")
code = ("from PySide6.QtWidgets import QApplication, QPlainTextEdit; from PySide6.QtCore import QTimer; "
        "a = QApplication([]); w = QPlainTextEdit(); w.setPlainText('x'); w.show(); "
        "QTimer.singleShot(0, lambda: (w.repaint(), print('painted', flush=True), a.quit())); a.exec()")
began = time.perf_counter()
proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
out = {"seconds": time.perf_counter() - began,
       "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
"""

SEARCH = """
from annotator.io.project import Project
began = time.perf_counter()
project = Project.open(sys.argv[1])
out = {"open": time.perf_counter() - began}
began = time.perf_counter()
hits = project.search(sys.argv[2], limit=100)
out["first_search_100"] = time.perf_counter() - began
best = 1e9
for _ in range(3):  # the documents holding the word, from the index alone (what grep -l lists)
    began = time.perf_counter()
    found = project.search_documents(sys.argv[2])
    best = min(best, time.perf_counter() - began)
out["documents"], out["documents_found"] = best, len(found)
for key, limit in (("all", None), ("first100", 100)):
    best = 1e9
    for _ in range(3):
        began = time.perf_counter()
        hits = project.search(sys.argv[2], limit=limit)
        best = min(best, time.perf_counter() - began)
    out[key] = best
    out[key + "_hits"] = len(hits)
out["docs_hit"] = len({h.document_id for h in project.search(sys.argv[2])})
"""

CLI = """
from annotator.cli import main
began = time.perf_counter()
code = main(sys.argv[1:])
out = {"seconds": time.perf_counter() - began, "exit": code}
"""


def grep_seconds(project: Path, word: str) -> tuple[float, int]:
    best, files = 1e9, 0
    for _ in range(3):
        began = time.perf_counter()
        proc = subprocess.run(["grep", "-rlF", word, str(project / "documents")], capture_output=True, text=True)
        best = min(best, time.perf_counter() - began)
        files = len(proc.stdout.splitlines())
    return best, files


def normalization_ratio(source: Path, count: int = 1000) -> tuple[float, float]:
    from hazm import Normalizer

    from annotator.io.project import DEFAULT_NORMALIZER
    from annotator.persian.normalize import normalize

    texts = []
    with source.open(encoding="utf-8") as lines:
        for _, line in zip(range(count), lines, strict=False):
            texts.append("\n".join(json.loads(line)["paragraphs"]))
    normalize("سلام", **DEFAULT_NORMALIZER)  # hazm's set-up, once
    hazm = Normalizer(**DEFAULT_NORMALIZER)
    began = time.perf_counter()
    for text in texts:
        hazm.normalize(text)
    bare = time.perf_counter() - began
    began = time.perf_counter()
    for text in texts:
        normalize(text, **DEFAULT_NORMALIZER)
    ours = time.perf_counter() - began
    return bare, ours


def annotate(root: Path, count: int = 200) -> None:
    project = Project.open(root)
    for doc_id in project.document_ids()[:count]:
        aset = project.load_annotations(doc_id, "bench")
        aset.add_spans("tag", [("actor", 0, 5), ("location", 10, 15)])
        project.save_annotations(aset)


def row(label: str, *cells: str) -> None:
    print(f"| {label} | " + " | ".join(cells) + " |", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--keep", type=Path, help="work here and keep the projects")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 CPUs)", flush=True)
    try:
        began = time.perf_counter()
        dumps = generate(work, sizes)
        print(f"generated {max(sizes):,} articles in {time.perf_counter() - began:.0f} s", flush=True)
        figures: dict[int, dict[str, Any]] = {}
        for n in sizes:
            root = work / f"project-{n}"
            shutil.rmtree(root, ignore_errors=True)
            mb = dumps[n].stat().st_size / 1e6
            imp = child(IMPORT, str(root), str(dumps[n]))
            annotate(root)
            f: dict[str, Any] = {"mb": mb, "import": imp, "chars": imp["chars"]}
            f["window"] = child(WINDOW, str(root), "3", "")
            f["window_cold"] = child(WINDOW, str(root), "1", "no-catalogue-index")
            f["reread"] = child(REREAD, str(root))
            f["search"] = {w: child(SEARCH, str(root), w) for w in WORDS}
            f["grep"] = {w: grep_seconds(root, w) for w in WORDS}
            out = work / f"export-{n}.jsonl"
            f["stats"] = child(CLI, "stats", str(root))
            export = ("export", str(root), "--format", "jsonl", "--out", str(out), "--annotator", "bench")
            f["export"] = child(CLI, *export)
            f["validate"] = child(CLI, "validate", str(root))
            f["load"] = os.getloadavg()[0]
            figures[n] = f
            print(json.dumps({n: f}, ensure_ascii=False), flush=True)
        bare = child(BARE)
        bare_norm, ours_norm = normalization_ratio(dumps[min(sizes)])
        base = figures[min(sizes)]
        print()

        def line(label: str, cell: Any) -> None:
            row(label, *(cell(n, figures[n]) for n in sizes))

        line("articles (characters, dump size)", lambda n, f: f"{n:,} ({f['chars'] / 1e6:.1f} M, {f['mb']:.0f} MB)")
        line(
            "import, not normalized",
            lambda n, f: (
                f"{f['import']['seconds']:.1f} s = {f['mb'] / f['import']['seconds']:.1f} MB/s, "
                f"peak {f['import']['rss_mb']:.0f} MB"
            ),
        )
        line(
            "import: CPU time of the importing process (all threads)",
            lambda n, f: f"{f['import']['cpu']:.1f} s = {f['mb'] / f['import']['cpu']:.1f} MB per CPU-second",
        )
        line(
            "open to first painted article (fresh process)",
            lambda n, f: f"{f['window']['seconds']:.2f} s ({f['window']['seconds'] / base['window']['seconds']:.2f}×)",
        )
        line(
            "the same, catalogue index deleted (a fresh process to its first frame; from 1 MB of "
            "documents.json, about 3,000 documents, the list is read after it and no article is shown yet)",
            lambda n, f: f"{f['window_cold']['seconds']:.2f} s, peak {f['window_cold']['child_rss_mb']:.0f} MB",
        )
        line(
            "catalogue index deleted, in the window: `open()` to its first frame",
            lambda n, f: f"{f['reread']['open']:.2f} s",
        )
        line(
            "the same: until the list is read and the first article shown (worker thread)",
            lambda n, f: f"{f['reread'].get('listed', float('nan')):.2f} s, peak {f['reread']['rss_mb']:.0f} MB",
        )
        line(
            "the same: the window's longest freeze meanwhile (a 10 ms timer's longest gap; the list's "
            "refresh and the first article's opening at the end included)",
            lambda n, f: f"{f['reread']['longest_freeze'] * 1000:.0f} ms",
        )
        line(
            "peak memory of that window",
            lambda n, f: (
                f"{f['window']['child_rss_mb']:.0f} MB "
                f"({f['window']['child_rss_mb'] / base['window']['child_rss_mb']:.2f}×)"
            ),
        )
        for w in WORDS:
            line(
                f"`grep -rlF {w}` over documents/",
                lambda n, f, w=w: f"{f['grep'][w][0] * 1000:.0f} ms ({f['grep'][w][1]:,} files)",
            )
            line(
                f"search {w}: the documents holding it (index)",
                lambda n, f, w=w: (
                    f"{f['search'][w]['documents'] * 1000:.1f} ms, {f['search'][w]['documents_found']:,} docs "
                    f"({f['search'][w]['documents'] / f['grep'][w][0]:.4f}× grep)"
                ),
            )
            line(
                f"search {w}: all hits",
                lambda n, f, w=w: (
                    f"{f['search'][w]['all'] * 1000:.0f} ms, {f['search'][w]['all_hits']:,} hits in "
                    f"{f['search'][w]['docs_hit']:,} docs ({f['search'][w]['all'] / f['grep'][w][0]:.3f}× grep)"
                ),
            )
            line(
                f"search {w}: first 100 hits",
                lambda n, f, w=w: (
                    f"{f['search'][w]['first100'] * 1000:.1f} ms "
                    f"({f['search'][w]['first100'] / f['grep'][w][0]:.4f}× grep)"
                ),
            )
            line(
                f"search {w}: first search after opening (first 100)",
                lambda n, f, w=w: f"{f['search'][w]['first_search_100'] * 1000:.0f} ms",
            )
        for cmd in ("stats", "export", "validate"):
            line(f"`annotator {cmd}`", lambda n, f, c=cmd: f"{f[c]['seconds']:.1f} s, peak {f[c]['rss_mb']:.0f} MB")
        line("load average after each size", lambda n, f: f"{f['load']:.1f}")
        print(f"\nbare QPlainTextEdit process to first paint: {bare['seconds']:.2f} s, ", end="")
        print(f"peak {bare['child_rss_mb']:.0f} MB")
        print(
            f"normalization of 1,000 articles: hazm normalize() {bare_norm:.2f} s, "
            f"ours with the offset map {ours_norm:.2f} s ({ours_norm / bare_norm:.2f}×)"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
