"""Who is coding: the first start asks, --annotator overrides for one run, the title bar
shows the name, every file carries it, and changing it never touches other coders' files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.cli import main
from annotator.io.project import Project
from annotator.ui import MainWindow
from annotator.ui.identity import NameDialog, ask_name, login_name
from annotator.ui.settings import Settings

from .conftest import double_click_word, type_text


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> MainWindow:
    seen: list[MainWindow] = []

    def fake_exec(*_args: Any) -> int:
        seen.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert main(argv) == 0
    (window,) = seen
    return window


def _project(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("نخست‌وزیر عراق در بغداد سخن گفت.", encoding="utf-8")
    root = tmp_path / "project"
    Project.create(root, "p").import_sources([tmp_path / "src"])
    return root


def test_first_start_asks_the_name_by_keyboard_and_keeps_it(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(tmp_path / "config"))
    # the real question this time (conftest answers it otherwise)
    monkeypatch.setattr("annotator.ui.app.ask_first_name", lambda: ask_name(None, login_name(), first=True))
    answered: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NameDialog)
        edit = dialog.edit
        edit.selectAll()
        type_text(edit, "curated")  # reserved: OK stays off and Enter does nothing
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert dialog.isVisible() and "reserved" in dialog.problem.text()
        edit.selectAll()
        type_text(edit, "Sara")
        answered.append(edit.text())
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    root = _project(tmp_path)
    window = _run(monkeypatch, [str(root)])
    qtbot.addWidget(window)
    assert answered == ["Sara"]
    assert window.annotator == "Sara" and Settings.load().annotator == "Sara"
    assert "Sara" in window.windowTitle()
    assert window.session is not None and window.session.annotator == "Sara"
    window.close()


def test_annotator_option_overrides_for_one_run_and_files_carry_it(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(tmp_path / "config"))
    settings = Settings()
    settings.annotator = "Sara"
    settings.save()
    root = _project(tmp_path)
    window = _run(monkeypatch, [str(root), "--annotator", "علی رضایی"])
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.annotator == "علی رضایی" and "علی رضایی" in window.windowTitle()
    assert window.annotations is not None
    double_click_word(qtbot, window.view, window.annotations.text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.close()
    (file,) = (root / "annotations" / "علی رضایی").glob("*.json")
    assert json.loads(file.read_text(encoding="utf-8"))["annotator"] == "علی رضایی"
    assert Settings.load().annotator == "Sara"  # the override was for that run only


def test_a_reserved_name_on_the_command_line_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--annotator", "curated"]) == 2
    assert "reserved" in capsys.readouterr().err


def test_changing_the_name_moves_on_to_a_new_folder_and_leaves_the_old_alone(qtbot: Any, tmp_path: Path) -> None:
    root = _project(tmp_path)
    settings = Settings()
    settings.annotator = "Sara"
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.open(root)
    assert window.annotations is not None
    double_click_word(qtbot, window.view, window.annotations.text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    sara = next((root / "annotations" / "Sara").glob("*.json"))
    before = sara.read_bytes()
    assert window.change_annotator("Reza")
    assert window.annotator == "Reza" and "Reza" in window.windowTitle()
    assert window.session is not None and window.session.annotator == "Reza"
    assert window.annotations is not None and window.annotations.span_count() == 0  # Reza's own, empty
    double_click_word(qtbot, window.view, window.annotations.text.index("عراق") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    window.close()
    assert sara.read_bytes() == before  # Sara's file untouched, not renamed
    reza = json.loads(next((root / "annotations" / "Reza").glob("*.json")).read_text(encoding="utf-8"))
    assert reza["annotator"] == "Reza" and [s["label"] for s in reza["spans"]] == ["actor"]
    assert not window.change_annotator("imported")  # reserved


def test_a_file_that_named_nobody_gets_the_coders_name_with_the_next_edit(qtbot: Any, tmp_path: Path) -> None:
    root = _project(tmp_path)
    project = Project.open(root)
    doc = project.document_ids()[0]
    aset = project.load_annotations(doc, "Sara")
    aset.add_span("actor", 0, 9)
    path = project.save_annotations(aset)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["annotator"] = ""  # as files were written before names existed
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    settings = Settings()
    settings.annotator = "Sara"
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.open(root) and window.annotations is not None
    window.checkpoint()
    assert path.read_bytes() == before  # opening alone rewrites nothing
    double_click_word(qtbot, window.view, window.annotations.text.index("بغداد") + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.close()
    assert json.loads(path.read_text(encoding="utf-8"))["annotator"] == "Sara"
