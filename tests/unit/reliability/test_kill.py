"""The kill stress script, small: a real child process is SIGKILLed while editing and saving.

The full run (200 kills) is `python tests/stress/kill_stress.py`; its figures are in
docs/reliability.md.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "stress" / "kill_stress.py"


def run(*args: str) -> tuple[int, dict[str, int], str]:
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    figures: dict[str, int] = {}
    for line in proc.stdout.splitlines():
        name, _, value = line.partition(": ")
        if value.split(" ")[0].isdigit():
            figures[name] = int(value.split(" ")[0])
    return proc.returncode, figures, proc.stdout + proc.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_no_acknowledged_edit_is_lost_when_killed() -> None:
    code, figures, output = run("--kills", "5", "--seed", "20240601")
    assert code == 0, output
    assert figures["kills"] == 5
    assert figures["edits lost"] == 0
    assert figures["unreadable files"] == 0
    assert figures["files checked"] >= 5
    assert figures["edits acknowledged"] > 0, output


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_script_catches_a_store_that_forgets_edits() -> None:
    code, figures, output = run("--kills", "3", "--seed", "7", "--broken")
    assert code == 1, output
    assert figures["edits lost"] > 0, output
