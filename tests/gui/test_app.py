"""`annotator` with no argument opens the sample; with a path, that article or project."""

from __future__ import annotations

import re
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


@pytest.mark.parametrize("content", [None, b"", b"\x00\xff\x00binary" * 50])
def test_a_file_that_cannot_be_opened_is_one_line_no_window_and_a_failure(
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
) -> None:
    path = tmp_path / "bad.txt"  # missing, empty or binary
    if content is not None:
        path.write_bytes(content)
    shown: list[MainWindow] = []
    monkeypatch.setattr(
        QApplication,
        "exec",
        lambda *_a: (
            shown.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()) or 0
        ),
    )
    assert main([str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("annotator: ") and "bad.txt" in err and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert shown == [] and not any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_the_benchmarks_exit_hook_says_painted_only_after_the_article_was_painted(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """ANNOTATOR_EXIT_AFTER_PAINT (benchmarks/bench_window.py times a start to its line):
    the line comes once the article's first paint is done. It used to come at the first
    turn of the event loop, before the window was even exposed: nothing painted yet."""
    from annotator.ui.article_view import ArticleView

    article = tmp_path / "x.txt"
    article.write_text("سلام دنیا", encoding="utf-8")
    events: list[str] = []
    paint = ArticleView.paintEvent

    def spy(view: ArticleView, event: Any) -> None:
        paint(view, event)
        events.append("painted the article")

    monkeypatch.setattr(ArticleView, "paintEvent", spy)
    monkeypatch.setattr("builtins.print", lambda *args, **_kw: events.append(" ".join(map(str, args))))
    monkeypatch.setenv("ANNOTATOR_EXIT_AFTER_PAINT", "1")

    def event_loop(*_args: Any) -> int:  # turns until the hook quits (quitting the test's
        qtbot.waitUntil(lambda: "quit" in events, timeout=10000)  # application would end
        return 0  # the event loops of the tests after this one)

    monkeypatch.setattr(QApplication, "exec", event_loop)
    monkeypatch.setattr(QApplication, "quit", lambda *_args: events.append("quit"))
    assert main([str(article), "--annotator", "test"]) == 0
    said = [line for line in events if line.startswith("annotator: painted")]
    assert len(said) == 1 and re.fullmatch(r"annotator: painted \(cpu \d+\.\d{4} s\)", said[0]), said
    assert "painted the article" in events[: events.index(said[0])]
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            qtbot.addWidget(window)
            window.close()


def test_a_long_article_is_painted_before_its_annotations_are_all_read(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`annotator ARTICLE` shows the window before it opens the article, so the first
    screen is painted before the slow part of opening; it was opened whole first, and a
    long article's window came only after its whole annotation file was read and checked."""
    from annotator.ui.article_view import ArticleView

    from .test_first_frame import write_article

    article, _ = write_article(tmp_path)
    painted: list[tuple[bool, bool]] = []  # (text with spans on screen, whole document open)
    paint = ArticleView.paintEvent

    def spy(view: ArticleView, event: Any) -> None:
        paint(view, event)
        window = view.window()
        shown = bool(view.annotations and view.annotations.span_count())
        painted.append((shown, isinstance(window, MainWindow) and window.store is not None))

    monkeypatch.setattr(ArticleView, "paintEvent", spy)
    window = _run(monkeypatch, [str(article), "--annotator", "test"])
    qtbot.addWidget(window)
    assert painted and painted[0] == (True, False), painted
    assert window.store is not None and window.annotations is not None
    window.close()


def test_an_annotation_file_that_cannot_be_read_is_one_line_no_window_and_a_failure(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the window is shown before the article is opened (its first screen comes sooner):
    # an annotation file that fails its check still ends the start in one line, no window
    article = tmp_path / "x.txt"
    article.write_text("سلام دنیا", encoding="utf-8")
    (tmp_path / "x.annotations.json").write_text('{"format": "annotator", "spans": [', encoding="utf-8")
    monkeypatch.setattr(QApplication, "exec", lambda *_a: pytest.fail("the event loop ran"))
    assert main([str(article), "--annotator", "test"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("annotator: ") and "x.annotations.json" in err and err.count("\n") == 1, err
    assert not any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert (tmp_path / "x.annotations.json").read_text(encoding="utf-8") == '{"format": "annotator", "spans": ['
