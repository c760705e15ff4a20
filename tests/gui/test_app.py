"""`annotator` with no argument opens the sample; with a path, that article or project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from annotator.cli import main
from annotator.ui import MainWindow


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> MainWindow:
    seen: list[MainWindow] = []

    def fake_exec(*_args: Any) -> int:  # the event loop would wait for a person
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(windows)
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert main(argv) == 0
    (window,) = seen
    return window


def test_no_argument_opens_the_sample(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _run(monkeypatch, [])
    qtbot.addWidget(window)
    assert window.path is not None and window.path.name == "000_bdf8ef5fdfe34543.txt"
    assert window.annotations is not None and window.annotations.text.startswith("به گزارش جام جم آنلاین")
    window.close()


def test_an_article_argument_opens_it(qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    article = tmp_path / "x.txt"
    article.write_text("سلام دنیا", encoding="utf-8")
    window = _run(monkeypatch, [str(article), "--language", "fa"])
    qtbot.addWidget(window)
    assert window.annotations is not None and window.annotations.text == "سلام دنیا"
    assert window.language == "fa"
    window.close()


def test_a_bad_path_is_said_on_stderr_without_traceback(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = _run(monkeypatch, [str(tmp_path / "missing.txt")])
    qtbot.addWidget(window)
    err = capsys.readouterr().err
    assert "missing.txt" in err and "Traceback" not in err
    window.close()
