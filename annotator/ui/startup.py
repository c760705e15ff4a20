"""Why Qt cannot open a window here, in one line. When it cannot, Qt aborts the process
(exit 134) with a message that may name the wrong package: on a minimal Debian it says
"xcb-cursor0 or libxcb-cursor0 is needed" while the libraries really missing are
libxcb-icccm4 and libxcb-keysyms1. We look for ourselves: is there a display, and does the
X11 platform plugin find every library it links to (`ldd`, which glibc systems have)?

Only the display is looked at before Qt starts (`problem_before_qt`): `ldd` and Python's
subprocess module cost every X11 start ~45 ms before the window, for a check that almost
never finds anything. It runs when Qt says it cannot go on (`die_on_qt_fatal`'s handler),
so the line said then is the one said before; whatever else goes wrong inside Qt is said
in one line by that handler too.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

README_HINT = "see 'On Linux' in the README"


def debian_package(soname: str) -> str:
    """The usual Debian/Ubuntu package of a library: libxcb-icccm.so.4 -> libxcb-icccm4."""
    match = re.fullmatch(r"(.+?)\.so\.(\d+)(?:\..*)?", soname)
    if not match:
        return soname
    base, version = match.groups()
    return (base + ("-" if base[-1].isdigit() else "") + version).lower()


def missing_libraries(files: Iterable[Path], run: Callable[[Path], str] | None = None) -> list[str]:
    """The shared libraries that these files link to and the system lacks, in order."""
    run = run or _ldd
    missing: list[str] = []
    for file in files:
        for line in run(file).splitlines():
            match = re.match(r"\s*(\S+)\s*=>\s*not found", line)
            if match and match.group(1) not in missing:
                missing.append(match.group(1))
    return missing


def _ldd(file: Path) -> str:
    import subprocess  # only where X11 is used: 25 ms of start-up elsewhere (with signal)

    try:
        done = subprocess.run(["ldd", str(file)], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""  # no ldd (not glibc): Qt's own message, caught below, has to do
    return done.stdout


def xcb_plugin_files() -> list[Path]:
    """Qt's X11 platform plugin and its Qt library, as installed with PySide6."""
    from PySide6.QtCore import QLibraryInfo

    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    qpa = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath)) / "libQt6XcbQpa.so.6"
    return [f for f in (plugin, qpa) if f.exists()]


def _uses_xcb(env: dict[str, str]) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    # without a choice, Qt 6 tries Wayland first in a Wayland session, else X11
    return not (env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland")


def platform_problem(
    env: dict[str, str] | None = None,
    files: Callable[[], list[Path]] = xcb_plugin_files,
    run: Callable[[Path], str] | None = None,
    system: str = sys.platform,
) -> str:
    """Why Qt could not open a window here, in one line; "" when nothing is known to stop it."""
    env = dict(os.environ) if env is None else env
    if not system.startswith("linux") or not _uses_xcb(env):
        return ""
    missing = missing_libraries(files(), run)
    if missing:
        packages = " ".join(dict.fromkeys(debian_package(m) for m in missing))
        return (
            f"cannot open a window: Qt's X11 support needs {', '.join(missing)}, missing on this system "
            f"(Debian/Ubuntu: sudo apt-get install {packages}; {README_HINT})"
        )
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return "cannot open a window: there is no display (DISPLAY is not set); run it in a desktop session"
    return ""


def problem_before_qt(env: dict[str, str] | None = None, system: str = sys.platform) -> str:
    """What stops a window that can be known without asking Qt or `ldd`: X11 without a
    display (then the whole diagnosis, libraries first, as `platform_problem` says it)."""
    env = dict(os.environ) if env is None else env
    if not system.startswith("linux") or not _uses_xcb(env) or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return ""
    return platform_problem(env, system=system)


def die_on_qt_fatal(diagnose: Callable[[], str] = platform_problem) -> Callable[[], None]:
    """Until the returned function is called: a fatal Qt message (Qt would abort next) ends
    the program with one line on stderr, exit 2: what `diagnose` finds (missing X11
    libraries), else what Qt warned about before it."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    said: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        first = message.strip().splitlines()[0] if message.strip() else ""
        if kind != QtMsgType.QtFatalMsg:
            if first:
                said.append(first)
            print(message, file=sys.stderr)
            return
        problem = diagnose()  # asked only now: ldd costs every start ~45 ms (see above)
        if problem:
            print(f"annotator: {problem}", file=sys.stderr)
            sys.stderr.flush()
            os._exit(2)
        reason = said[-1] if said else first
        # Qt then also says the xcb plugin "could not load" and names a library: that reads
        # as something to install, when the display is what is missing
        unreachable = [line for line in said if "could not connect to display" in line]
        if unreachable:
            reason = f"{unreachable[-1]}: no display server answers there; run it in a desktop session"
        print(f"annotator: cannot open a window: {reason} ({README_HINT})", file=sys.stderr)
        sys.stderr.flush()
        os._exit(2)

    qInstallMessageHandler(handler)
    return lambda: qInstallMessageHandler(None)  # type: ignore[arg-type]
