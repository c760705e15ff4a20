"""The Agreement panel with no document coded by two coders says why it has no figures
(it showed a table of dashes, as `annotator agree` exited 0 with one)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from annotator.io.project import Project

from .conftest import open_in_window

TEXTS = {"a.txt": "وزیر خارجه در تهران گفت.", "b.txt": "سخنگوی دولت در مشهد هشدار داد."}


def two_coders(tmp_path: Path) -> Path:
    """Ali and Sara each coded a different document: none coded by two."""
    sources = tmp_path / "s"
    sources.mkdir()
    for name, text in TEXTS.items():
        (sources / name).write_text(text, encoding="utf-8")
    root = tmp_path / "p"
    project = Project.create(root, "p")
    ids = project.import_sources([sources]).added
    for coder, doc in (("ali", ids[0]), ("sara", ids[1])):
        aset = project.load_annotations(doc, coder)
        aset.add_span("actor", 0, 4)
        project.save_annotations(aset)
    return root


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_agreement_panel_says_why_it_has_no_figures(qtbot: Any, tmp_path: Path, language: str) -> None:
    root = two_coders(tmp_path)
    window = open_in_window(qtbot, root, "ali", size=(1366, 768))
    window.set_language(language, save=False)
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.findChild(object, "agreementView")
    done: list[bool] = []
    view.computed.connect(lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    text = view.summary.text()
    if language == "en":
        assert text.startswith("Nothing to compare: no document was coded by two or more of the coders (")
    else:
        assert text.startswith("چیزی برای مقایسه نیست")
    assert "ali" in text and "sara" in text
    assert view.labels.rowCount() == 0
    window.grab().save(str(tmp_path / f"agree_{language}.png"))
    window.close()
