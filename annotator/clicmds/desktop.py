"""annotator desktop: put annotator in this user's application menu (Linux desktops).

Copies the bundled desktop entry and icon into the user's data folder, the places the
freedesktop.org specifications say menus look ($XDG_DATA_HOME/applications and
$XDG_DATA_HOME/icons/hicolor/scalable/apps), with the entry's Exec set to the `annotator`
that is running, so that the menu finds it even when ~/.local/bin (pipx) is not on the
desktop's PATH.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from ..resources import resource

HELP = "add annotator (with its icon) to this user's application menu on a Linux desktop"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-home",
        type=Path,
        default=None,
        help="where to install (default: $XDG_DATA_HOME, else ~/.local/share)",
    )


def executable() -> str:
    """The running `annotator` command, as an absolute path when it can be found."""
    found = shutil.which("annotator")
    argv0 = Path(sys.argv[0])
    if argv0.name == "annotator" and argv0.exists():
        return str(argv0.resolve())
    return found or "annotator"


def run(args: argparse.Namespace) -> int:
    home = args.data_home or Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    entry_dir = home / "applications"
    icon_dir = home / "icons" / "hicolor" / "scalable" / "apps"
    entry = resource("annotator.desktop").read_text(encoding="utf-8")
    command = executable()
    if " " in command:
        command = f'"{command}"'
    entry = entry.replace("Exec=annotator %f", f"Exec={command} %f")
    try:
        entry_dir.mkdir(parents=True, exist_ok=True)
        icon_dir.mkdir(parents=True, exist_ok=True)
        (entry_dir / "annotator.desktop").write_text(entry, encoding="utf-8")
        (icon_dir / "annotator.svg").write_bytes(resource("icons", "annotator.svg").read_bytes())
    except OSError as exc:
        print(f"annotator desktop: {exc.filename or home}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"added {entry_dir / 'annotator.desktop'} and {icon_dir / 'annotator.svg'}")
    return 0
