"""When Qt cannot open a window: one line saying why, found before Qt aborts (issue 14)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.ui import startup
from annotator.ui.startup import debian_package, missing_libraries, platform_problem, problem_before_qt

# what ldd printed for PySide6 6.10's libqxcb.so on a minimal Debian 12
LDD_MINIMAL_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f)
"""


def test_library_names_become_debian_packages() -> None:
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxcb-keysyms.so.1") == "libxcb-keysyms1"
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libEGL.so.1") == "libegl1"


def test_the_libraries_really_missing_are_named_not_xcb_cursor() -> None:
    problem = platform_problem(
        env={"DISPLAY": ":0"}, files=lambda: [Path("libqxcb.so")], run=lambda _f: LDD_MINIMAL_DEBIAN, system="linux"
    )
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in problem
    assert "apt-get install libxcb-icccm4 libxcb-keysyms1" in problem
    assert "cursor" not in problem and "\n" not in problem


def test_nothing_is_said_when_all_is_there_or_qt_uses_another_platform() -> None:
    complete = LDD_MINIMAL_DEBIAN.replace("not found", "/lib/x.so")
    assert platform_problem({"DISPLAY": ":0"}, lambda: [Path("p")], lambda _f: complete, "linux") == ""
    for env in ({"QT_QPA_PLATFORM": "offscreen"}, {"WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"}):
        assert platform_problem(env, lambda: [Path("p")], lambda _f: LDD_MINIMAL_DEBIAN, "linux") == ""
    assert platform_problem({}, lambda: [Path("p")], lambda _f: LDD_MINIMAL_DEBIAN, "darwin") == ""
    assert "no display" in platform_problem({}, lambda: [Path("p")], lambda _f: complete, "linux")
    assert missing_libraries([Path("a"), Path("b")], lambda _f: LDD_MINIMAL_DEBIAN) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
    ]


def test_the_command_says_one_line_and_exits_2_when_qt_cannot_start(tmp_path: Path) -> None:
    """For real: no usable display (and, on a minimal system, missing X libraries). Qt alone
    would abort with exit 134; either way we say why in one line, before any window."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":97.0", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "c"))
    env["ANNOTATOR_DATA_DIR"] = str(tmp_path / "d")
    done = subprocess.run(
        [sys.executable, "-P", "-c", "import sys; from annotator.cli import main; sys.exit(main())"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("annotator:")]
    assert len(lines) == 1 and "cannot open a window" in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    if "missing on this system" not in lines[0]:  # the X libraries are there: the display is not
        assert "could not connect to display :97" in lines[0], lines[0]
        assert 'platform plugin "xcb"' not in lines[0]  # not a thing to install


def test_a_start_with_a_display_asks_ldd_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """ldd (and the subprocess module) cost every X11 start ~25-40 ms before the window:
    asked only when there is no display to try, or when Qt says it cannot go on."""
    asked: list[Path] = []
    monkeypatch.setattr(startup, "_ldd", lambda file: asked.append(file) or LDD_MINIMAL_DEBIAN)
    monkeypatch.setattr(startup, "xcb_plugin_files", lambda: [Path("libqxcb.so")])
    assert problem_before_qt({"DISPLAY": ":0"}, "linux") == ""
    assert problem_before_qt({"WAYLAND_DISPLAY": "w"}, "linux") == ""
    assert asked == []
    no_display = problem_before_qt({}, "linux")  # the whole diagnosis, libraries first, as before
    assert "apt-get install libxcb-icccm4 libxcb-keysyms1" in no_display and asked


def test_when_qt_cannot_go_on_the_libraries_really_missing_are_named() -> None:
    """The handler asks for the diagnosis at Qt's fatal message (a real qFatal, in a child)."""
    script = (
        "from annotator.ui.startup import die_on_qt_fatal\n"
        "from PySide6.QtCore import qFatal, qWarning\n"
        "die_on_qt_fatal(lambda: 'cannot open a window: Qt needs libxcb-icccm.so.4')\n"
        "qWarning('qt.qpa.plugin: xcb-cursor0 or libxcb-cursor0 is needed')\n"
        "qFatal('This application failed to start')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("annotator:")]
    assert lines == ["annotator: cannot open a window: Qt needs libxcb-icccm.so.4"], done.stderr
