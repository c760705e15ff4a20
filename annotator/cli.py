"""The `annotator` command: open the window, or run a subcommand (validate, import, ...).

Each subcommand is a module in annotator/clicmds with `HELP`, `add_arguments(parser)` and
`run(args) -> int`; adding one is one module and one line in SUBCOMMANDS.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence

import annotator

SUBCOMMANDS = ("validate", "import", "stats", "export", "agree", "merge", "desktop", "repair")
_MODULES = {"import": "import_"}  # `import` is a Python keyword

DESCRIPTION = """\
Annotate Persian news articles right-to-left: actors, locations and claims.

  annotator                    open the bundled sample article
  annotator ARTICLE.txt        open an article (annotations saved as ARTICLE.annotations.json)
  annotator PROJECT            open a project folder (made by `annotator import`)
  annotator COMMAND --help     help on a command

options of the window (before or after ARTICLE or PROJECT):
  --language fa|en             the interface language (default: as last chosen, else the system's)
  --annotator NAME             your name, recorded in annotation files (default: as last given)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"annotator {annotator.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"annotator.clicmds.{_MODULES.get(name, name)}")
        sub_parser = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub_parser)
        sub_parser.set_defaults(run=module.run)
    return parser


def build_open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", help="an article, an annotation file or a project")
    parser.add_argument("--annotator", default="", help="your name, recorded in annotation files")
    parser.add_argument("--language", choices=("fa", "en"), help="interface language")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and (args_list[0] in SUBCOMMANDS or args_list[0] in ("-h", "--help", "--version")):
        args = build_parser().parse_args(args_list)
        return _run_quietly(args)
    open_args = build_open_parser().parse_args(args_list)
    # no cyclic garbage collection until the article's first frame (run_app turns it on
    # again right after it): the start's ~50 collections (~7 ms before that frame) find
    # almost nothing, its modules, classes and widgets all live on
    gc.disable()
    try:
        # the window's Qt-free modules first: once PySide6 is imported, it reads the source of
        # every module imported after it (its `__feature__` import hook), ~0.1 ms each
        # (ui/source_scan.py spares ours and the standard library's that come later)
        from .io import article, names  # noqa: F401
        from .model import tagging  # noqa: F401
        from .ui.app import run_app  # Qt is imported only when a window is wanted

        return run_app(open_args.path, annotator=open_args.annotator, language=open_args.language)
    finally:
        gc.enable()  # if run_app ended before the first frame (a file it cannot open)


def _run_quietly(args: argparse.Namespace) -> int:
    """Run a subcommand; whatever goes wrong ends in one line on stderr, never a traceback
    (set ANNOTATOR_DEBUG=1 to see one)."""
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # the reader went away (`annotator stats P | head`): not an error worth a word
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("ANNOTATOR_DEBUG"):
            raise
        print(f"annotator {args.command}: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
