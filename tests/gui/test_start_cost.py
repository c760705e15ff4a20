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
