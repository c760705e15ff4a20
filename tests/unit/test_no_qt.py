"""The domain model, the file formats and the Persian text layer never import Qt.

Checked in a fresh interpreter where PySide6 cannot be imported at all (as on a server
that only validates or converts files), so an import anywhere below fails loudly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

BLOCK_AND_IMPORT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                raise ImportError(f"Qt is blocked in this test: {name}")
            return None

    sys.meta_path.insert(0, NoQt())

    def import_tree(name):
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(package.__path__, name + "."):
            importlib.import_module(info.name)

    for name in sys.argv[1:]:
        if name.startswith("tree:"):
            import_tree(name[5:])
        else:
            importlib.import_module(name)

    from annotator.cli import main
    try:  # --version exits through argparse
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0, exc.code

    from annotator.model import AnnotationSet, Document
    aset = AnnotationSet(Document("d", "سلام دنیا"))
    aset.add_span("actor", 0, 4)
    from annotator.io import jsonformat
    assert jsonformat.check(jsonformat.to_json(aset), aset.schema) == []

    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
    print("qt modules:", loaded)
    """
)


def run_blocked(cwd: Path, *modules: str) -> subprocess.CompletedProcess[str]:
    # run elsewhere than the checkout, so `-c` imports the same annotator as this process
    return subprocess.run(
        [sys.executable, "-c", BLOCK_AND_IMPORT, *modules],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        timeout=120,
        check=False,
    )


def test_model_io_and_persian_import_without_pyside6(tmp_path: Path) -> None:
    result = run_blocked(
        tmp_path,
        "annotator.model",
        "tree:annotator.model",
        "annotator.io.jsonformat",
        "tree:annotator.io",
        "tree:annotator.persian",
        "annotator.clicmds.validate",
    )
    assert result.returncode == 0, result.stderr
    assert "qt modules: []" in result.stdout


def test_the_block_really_blocks(tmp_path: Path) -> None:
    result = run_blocked(tmp_path, "annotator.model", "PySide6.QtCore")
    assert result.returncode != 0
    assert "Qt is blocked in this test: PySide6" in result.stderr


def test_sys_modules_none_blocks_too(tmp_path: Path) -> None:
    code = "import sys; sys.modules['PySide6'] = None; import annotator.model, annotator.io.jsonformat"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
