"""Test set-up shared by every test: offscreen Qt, isolated user folders, GUI marking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# ANNOTATOR_CORPORA: for runs from a copy of the tests elsewhere (scripts/mutation.py)
SHARED_CORPORA = Path(os.environ.get("ANNOTATOR_CORPORA") or Path(__file__).resolve().parents[2] / "shared" / "corpora")


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read or write the real user's data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(home / "annotator-data"))


@pytest.fixture
def corpora() -> Path:
    """../shared/corpora beside the project; tests using it skip on a user's fresh clone."""
    if not SHARED_CORPORA.is_dir():
        pytest.skip(f"{SHARED_CORPORA} is absent (it sits beside the project, not in it)")
    return SHARED_CORPORA


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # tests that use the Qt app are GUI tests (qutebrowser's habit), selectable with -m gui
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "qapp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
