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
    frame, before any key is handled), and not the store or the lock (their journal and
    records: made after that frame, when the file is opened for editing), and not the
    annotation file's reader and check (jsonformat: the first frame peeks at the file's top)."""
    at_paint = "state['modules'] = set(sys.modules)"
    names = (
        "hashlib", "html", "importlib.resources", "getpass", "annotator.ui.identity",
        "annotator.ui.span_table", "annotator.ui.inspector", "regex", "annotator.io.store", "annotator.io.lock",
        "annotator.io.jsonformat",
    )  # fmt: skip
    after = f"print(code, [name for name in {names!r} if name in state['modules']])"
    assert _run_start(tmp_path, "", at_paint, after) == "0 []"


def _run_start(tmp_path: Any, before: str, at_paint: str, after: str) -> str:
    """Run `annotator ARTICLE --annotator sara` to its first paint in a fresh process:
    `before` runs first, `at_paint` at the end of the article's first paint (it keeps what
    it finds in the dict `state`), `after` once the program returned (`code`: its exit
    code); the last line printed is returned."""
    article = tmp_path / "sample.txt"
    article.write_bytes(SAMPLE.read_bytes())
    script = (
        "import sys\n"
        f"{before}\n"
        "from annotator.ui import app as A\n"
        "original = A._QuitAfterPaint.eventFilter\n"
        "state = {}\n"
        "def watch(self, watched, event):\n"
        "    result = original(self, watched, event)\n"
        "    if self._painted and not state:\n"
        "        state['painted'] = True\n"
        + "".join(f"        {line}\n" for line in at_paint.splitlines())
        + "    return result\n"
        "A._QuitAfterPaint.eventFilter = watch\n"
        "from annotator.cli import main\n"
        "code = main(sys.argv[1:])\n"
        f"{after}\n"
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
    return done.stdout.strip().splitlines()[-1]


def test_pyside_reads_the_source_of_none_of_our_modules_before_the_first_frame(tmp_path: Any) -> None:
    """PySide6 reads the whole source of every module imported after it, to look for
    `__feature__` (~0.1 ms each, ~10 ms of the start): ui/source_scan.py tells it ours."""
    before = (  # PySide's reading watched from the moment PySide6 is loaded, as the program loads it
        "read = []\n"
        "def watch_reading(event, args):\n"
        "    feature = sys.modules.get('shibokensupport.feature')\n"
        "    if event == 'import' and hasattr(feature, '_mod_uses_pyside') and not hasattr(feature, 'reading'):\n"
        "        feature.reading = feature._mod_uses_pyside\n"
        "        feature._mod_uses_pyside = lambda module: read.append(module.__name__) or feature.reading(module)\n"
        "sys.addaudithook(watch_reading)\n"
    )
    last = _run_start(tmp_path, before, "state['read'] = list(read)", "print(code, *state['read'])")
    code, *read = last.split()
    assert code == "0" and not [name for name in read if name.split(".")[0] == "annotator"], read
    assert len(read) <= 12, read  # ~80 before: what is left is PySide's own and a few late imports


def test_our_modules_keep_qt_s_names_when_a_script_selects_snake_case(tmp_path: Any) -> None:
    """Entered as "no feature" (what PySide's reading finds), not "ignore": a program that
    selects `snake_case` for itself does not change the names our code calls."""
    script = (
        "import annotator.ui\n"
        "from annotator.ui import app as A\n"
        "from __feature__ import snake_case\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "label.set_text('x')\n"  # this script's selection is the one in force now
        "A.make_app(icon=False)\n"  # our code calls app.setApplicationName(...)
        "print(label.text(), app.application_name())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.stdout.strip().splitlines()[-1:] == ["x annotator"], done.stdout + done.stderr


def test_the_program_s_icon_comes_right_after_the_first_frame(tmp_path: Any) -> None:
    """An SVG: Qt's SVG plug-in and library are loaded for it after the article is shown."""
    at_paint = "from PySide6.QtWidgets import QApplication\nstate['icon'] = QApplication.windowIcon().isNull()"
    after = "from PySide6.QtWidgets import QApplication\nprint(code, state['icon'], QApplication.windowIcon().isNull())"
    assert _run_start(tmp_path, "", at_paint, after) == "0 True False"


def test_garbage_collection_waits_for_the_first_frame_and_comes_back_right_after(tmp_path: Any) -> None:
    """~50 collections (~7 ms) of a start's objects, which all live on, are left out."""
    at_paint = (
        "import gc\n"
        "from PySide6.QtCore import QTimer\n"
        "state['at paint'] = gc.isenabled()\n"
        "QTimer.singleShot(0, lambda: state.setdefault('next turn', gc.isenabled()))\n"
    )
    after = "print(code, state['at paint'], state.get('next turn'))"
    assert _run_start(tmp_path, "", at_paint, after) == "0 False True"


def test_garbage_collection_is_on_again_when_the_start_ends_early(tmp_path: Any) -> None:
    import gc

    from annotator.cli import main

    assert main([str(tmp_path / "missing.txt")]) == 1
    assert gc.isenabled()


def test_the_span_list_makes_qbrush_s_classes_before_the_first_key_not_in_its_frame(tmp_path: Any) -> None:
    """The first QBrush made makes the classes of all its constructors' arguments (QGradient
    and its 180 presets, QImage, QPixmap: ~5 ms): the span list makes one as it is built,
    right after the article's first frame (not needed by that frame), not as the first tag
    fills its label cell. The actions' QKeySequence comes after that frame too."""
    at_paint = (
        "from PySide6 import QtGui\n"
        "from PySide6.QtCore import QTimer\n"
        "state['at paint'] = 'QGradient' in vars(QtGui)\n"
        "state['keys'] = 'QKeySequence' in vars(QtGui)\n"  # the actions' shortcuts: build_rest too
        "QTimer.singleShot(0, lambda: state.setdefault('next turn', 'QGradient' in vars(QtGui)))\n"
    )
    after = "print(code, state['at paint'], state['keys'], state.get('next turn'))"
    assert _run_start(tmp_path, "", at_paint, after) == "0 False False True"


def test_the_edit_commands_are_loaded_after_the_first_frame(tmp_path: Any) -> None:
    """annotation_set.py loads the edit commands (nine frozen dataclasses, ~5 ms) at their
    first use: not for the first frame, and on the window's own thread right after it."""
    at_paint = (
        "from PySide6.QtCore import QTimer\n"
        "kind = lambda: type(sys.modules['annotator.model.commands']).__name__\n"  # type(): loads nothing
        "state['at paint'] = kind()\n"
        "QTimer.singleShot(0, lambda: state.setdefault('next turn', kind()))\n"
    )
    after = "print(code, state['at paint'], state.get('next turn'))"
    assert _run_start(tmp_path, "", at_paint, after) == "0 _LazyModule module"
