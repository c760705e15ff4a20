"""Test set-up shared by every test: offscreen Qt, isolated user folders, GUI marking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# ANNOTATOR_CORPORA: for runs from a copy of the tests elsewhere (scripts/mutation.py)
SHARED_CORPORA = Path(os.environ.get("ANNOTATOR_CORPORA") or Path(__file__).resolve().parents[2] / "shared" / "corpora")


TWO_TEXTS = {"a.txt": "وزیر خارجه در تهران گفت.", "b.txt": "سخنگوی دولت در مشهد هشدار داد."}


def two_coders(tmp_path: Path, same_document: bool) -> tuple[Path, list[str]]:
    """A project of two documents where ali and sara each tagged an actor: in the same
    document, or each in another (then no document is coded by two). Its folder and ids."""
    from annotator.io.project import Project

    sources = tmp_path / "s"
    sources.mkdir()
    for name, text in TWO_TEXTS.items():
        (sources / name).write_text(text, encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "p")
    ids = project.import_sources([sources]).added
    for coder, doc in (("ali", ids[0]), ("sara", ids[0] if same_document else ids[1])):
        aset = project.load_annotations(doc, coder)
        aset.add_span("actor", 0, 4)
        project.save_annotations(aset)
    return root, ids


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
