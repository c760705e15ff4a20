"""What the program's start leaves for later (issue 10): the modules the first frame does
not need are not imported before it, each paid for at start-up otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "000_bdf8ef5fdfe34543.txt"


def test_the_first_frame_loads_no_catalogue_migration_or_details_dialog(tmp_path: Any) -> None:
    article = tmp_path / "sample.txt"
    article.write_bytes(SAMPLE.read_bytes())
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from annotator.ui.app import make_app\n"
        "from annotator.ui.main_window import MainWindow\n"
        "app = make_app()\n"
        "window = MainWindow(deferred=True)\n"  # as the program's start: the rest after the first frame
        "window.resize(1100, 760)\n"
        "window.show()\n"
        "assert window.open(Path(sys.argv[1]))\n"
        "names = ('annotator.io.catalog', 'annotator.model.migration', 'annotator.ui.details_dialog')\n"
        "print(sorted(name for name in names if name in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ANNOTATOR_CONFIG_DIR=str(tmp_path / "config"))
    env["ANNOTATOR_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-c", script, str(article)], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr


def test_the_program_start_hashes_nothing_and_asks_no_name_before_its_first_frame(tmp_path: Any) -> None:
    """`annotator ARTICLE --annotator NAME` to its first paint imports no hashing (OpenSSL's
    bindings: ~3 ms), no html entity tables, no importlib.resources readers (the bundled
    files are plain folders), not the name dialog or getpass (a name was given), and not the
    span list or the inspector (made right after that frame, in the places it kept), and
    not the `regex` module that finds grapheme clusters (11 ms: compiled right after that
    frame, before any key is handled)."""
    article = tmp_path / "sample.txt"
    article.write_bytes(SAMPLE.read_bytes())
    script = (
        "import sys\n"
        "from annotator.ui import app as A\n"
        "seen = []\n"
        "original = A._QuitAfterPaint.eventFilter\n"
        "def watch(self, watched, event):\n"
        "    result = original(self, watched, event)\n"
        "    if self._painted and not seen:\n"  # the end of the article's first paint
        "        seen.append(sorted(sys.modules))\n"
        "    return result\n"
        "A._QuitAfterPaint.eventFilter = watch\n"
        "from annotator.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "names = ('hashlib', 'html', 'importlib.resources', 'getpass', 'annotator.ui.identity',\n"
        "         'annotator.ui.span_table', 'annotator.ui.inspector', 'regex')\n"
        "print(code, [name for name in names if name in seen[0]])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ANNOTATOR_CONFIG_DIR=str(tmp_path / "config"))
    env.update(ANNOTATOR_DATA_DIR=str(tmp_path / "data"), ANNOTATOR_EXIT_AFTER_PAINT="1")
    done = subprocess.run(
        [sys.executable, "-c", script, str(article), "--annotator", "sara"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout + done.stderr
