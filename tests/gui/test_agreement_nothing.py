"""The Agreement panel with no document coded by two coders says why it has no figures
(it showed a table of dashes, as `annotator agree` exited 0 with one)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.conftest import two_coders

from .conftest import open_in_window


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_agreement_panel_says_why_it_has_no_figures(qtbot: Any, tmp_path: Path, language: str) -> None:
    root, _ids = two_coders(tmp_path, same_document=False)  # none coded by two
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
