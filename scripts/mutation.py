#!/usr/bin/env python3
"""Mutation testing (mutmut) of one part of the code against the tests meant to guard it.

    pip install -e '.[mutation]'
    python scripts/mutation.py persian                  # every mutant of annotator/persian
    python scripts/mutation.py store --max-children 1   # annotator/io/store.py
    python scripts/mutation.py formats 'annotator.io.formats.labelstudio*'   # one module
    python scripts/mutation.py persian --results         # the survivors so far

Parts and their tests are in PARTS below. Each part runs in its own scratch folder,
.mutation/<part>/, holding links to annotator/, tests/, seeds/ and resources/ and a
pyproject.toml that is the project's plus that part's [tool.mutmut] section, so each
part has its own test subset, its own mutant cache (a second run only tests what changed
or was not finished) and never touches the checkout. mutmut copies the code into
.mutation/<part>/mutants/ and runs pytest there in-process, forking once a mutant, and
runs for each mutant only the tests that reached the mutated function.

Not part of CI: a full run takes tens of minutes. The latest score and what survived
are in docs/testing.md. On a shared machine, pass mutant name patterns to run a module
at a time and --max-children to use fewer cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# part: (files mutmut mutates, pytest arguments that select the tests guarding them)
PARTS: dict[str, tuple[list[str], list[str]]] = {
    "persian": (["annotator/persian/*"], ["tests/unit/persian", "tests/unit/claims/test_dates.py"]),
    "formats": (
        ["annotator/io/formats/*"],
        ["tests/unit/formats", "tests/unit/reliability/test_fuzz_importers.py"],
    ),
    "store": (
        ["annotator/io/store.py"],
        [
            "tests/unit/reliability/test_store_journal.py",
            "tests/unit/reliability/test_store_disk.py",
            "tests/unit/reliability/test_store_reanchor.py",
            "tests/unit/reliability/test_hostile_json.py",
        ],
    ),
}
# what the tests need beside the code; linked, never copied into the checkout
LINKED = ["annotator", "tests", "seeds", "resources", "README.md", "CHANGELOG.md", "docs"]


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def prepare(part: str) -> Path:
    only_mutate, tests = PARTS[part]
    work = ROOT / ".mutation" / part
    work.mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        link = work / name
        if not link.is_symlink():
            link.symlink_to(ROOT / name)
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    if "[tool.mutmut]" in project:
        raise SystemExit("pyproject.toml already has a [tool.mutmut] section: PARTS here is the one place for it")
    section = f"""
[tool.mutmut]
source_paths = ["annotator"]
only_mutate = {toml_list(only_mutate)}
pytest_add_cli_args_test_selection = {toml_list(tests)}
also_copy = ["seeds", "resources"]
# the GUI is not what is mutated, and Qt does not like being forked per mutant
pytest_add_cli_args = ["-p", "no:cacheprovider", "-m", "not gui"]
# a mutant that loops forever is killed after 10x the covering tests' time plus 5 s
timeout_multiplier = 10.0
timeout_constant = 5.0
"""
    text = project + section
    tomllib.loads(text)  # fail here, not inside mutmut
    target = work / "pyproject.toml"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return work


def summary(mutmut: Path, work: Path, env: dict[str, str]) -> int:
    """One line a module: mutants, killed (timeouts count as killed), survived, no test
    reached them, not checked yet; score = killed / checked."""
    out = subprocess.run(
        [str(mutmut), "results", "--all", "true"], cwd=work, env=env, capture_output=True, text=True, check=True
    ).stdout
    counts: dict[str, dict[str, int]] = {}
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        module = name.split(".x", 1)[0]
        status = "killed" if status == "timeout" else status
        row = counts.setdefault(module, {})
        row[status] = row.get(status, 0) + 1
    print("| module | mutants | killed | survived | no tests | not checked | score |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    total: dict[str, int] = {}
    for module, row in [*sorted(counts.items()), ("all", total)]:
        if module != "all":
            for key, value in row.items():
                total[key] = total.get(key, 0) + value
        killed, survived, untested = row.get("killed", 0), row.get("survived", 0), row.get("no tests", 0)
        checked = killed + survived + untested
        score = f"{100 * killed / checked:.1f} %" if checked else "-"
        print(
            f"| {module} | {sum(row.values())} | {killed} | {survived} | {untested} | "
            f"{row.get('not checked', 0)} | {score} |"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", choices=sorted(PARTS))
    parser.add_argument("mutants", nargs="*", help="mutant name patterns, e.g. 'annotator.persian.offsets*'")
    parser.add_argument("--max-children", type=int, default=2, help="parallel mutants (default 2)")
    parser.add_argument("--results", action="store_true", help="list the survivors instead of running")
    parser.add_argument("--summary", action="store_true", help="counts and score per module, as in docs/testing.md")
    args = parser.parse_args(argv)
    work = prepare(args.part)
    mutmut = Path(sys.executable).with_name("mutmut")
    env = dict(os.environ)
    # tests/conftest.py finds ../shared/corpora from the checkout, not from the scratch copy
    env.setdefault("ANNOTATOR_CORPORA", str(ROOT.parent / "shared" / "corpora"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.summary:
        return summary(mutmut, work, env)
    if args.results:
        command = [str(mutmut), "results"]
    else:
        command = [str(mutmut), "run", "--max-children", str(args.max_children), *args.mutants]
    print(f"mutation: in {work.relative_to(ROOT)}: {' '.join(command[1:])}", flush=True)
    return subprocess.call(command, cwd=work, env=env)


if __name__ == "__main__":
    sys.exit(main())
