"""Starting the program: the application object, then the window on an article."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from ..io.article import SUFFIX, article_to_annotate
from ..io.textfile import TextFileError
from ..resources import as_file, resource
from .coder_name import login_name, name_problem
from .main_window import MainWindow
from .settings import Settings
from .startup import die_on_qt_fatal, problem_before_qt
from .theme import apply_theme, font_family, install_language

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


GC_AT_THE_LATEST_MS = 2000


def ask_first_name() -> str | None:
    """The first start's question (a function of its own so that tests can answer it)."""
    from .identity import ask_name  # the dialog: only at the first start

    return ask_name(None, login_name(), first=True)


def make_app(icon: bool = True) -> QApplication:
    """The application object; `icon=False` leaves the program's icon for later (the start
    sets it after the article's first frame, `run_app`)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setDesktopFileName("annotator")  # the .desktop file's name: docks and task bars match the icon
    if icon:
        app.setWindowIcon(app_icon())
    font_family()
    return app


def app_icon() -> QIcon:
    from PySide6.QtGui import QIcon  # here: its class and enums cost the start 1 ms

    with as_file(resource("icons", "annotator.svg")) as path:
        return QIcon(str(path))


def run_app(path: str | None, annotator: str = "", language: str | None = None) -> int:
    problem = problem_before_qt()
    if problem:  # Qt would abort (exit 134) with a message that may name the wrong package
        print(f"annotator: {problem}", file=sys.stderr)
        return 2
    if path and not Path(path).is_dir() and not path.endswith(SUFFIX):
        try:  # before any question or window: a file that cannot be opened is one line
            article_to_annotate(Path(path))
        except TextFileError as exc:
            print(f"annotator: {exc}", file=sys.stderr)
            return 1
    restore = die_on_qt_fatal()
    app = make_app(icon=False)
    restore()
    settings = Settings.load()
    if annotator and name_problem(annotator):
        print(f"annotator: --annotator {annotator!r}: {name_problem(annotator)}", file=sys.stderr)
        return 2
    if language:
        settings.language = language
    apply_theme(settings.theme)
    if not annotator and not settings.annotator.strip():
        # the first start: who is coding? (kept in the settings; cancel asks again next time)
        install_language(settings.effective_language())
        chosen = ask_first_name()
        if chosen:
            settings.annotator = chosen
            settings.save()
        else:
            annotator = login_name()
    # the first frame's parts only: the span list, the panels and the menus are built
    # right after the article's first frame is painted (or at the first key or click)
    window = MainWindow(settings, annotator=annotator, deferred=True)
    # the icon after the article's first frame: it is an SVG (Qt's SVG plug-in and library,
    # ~2 ms before that frame), and the window system takes it a moment after the window shows
    window.view.after_next_paint(lambda: app.setWindowIcon(app_icon()))
    window.view.after_next_paint(gc.enable)  # off since the start (cli.main)
    QTimer.singleShot(GC_AT_THE_LATEST_MS, gc.enable)  # a window never painted (minimised)
    hook = _QuitAfterPaint(window.view, app) if os.environ.get("ANNOTATOR_EXIT_AFTER_PAINT") else None
    # shown before opening: `open` paints the article's first screen as soon as the window
    # is exposed, then reads and checks the rest (a long article was shown only after all
    # of it). A file that cannot be opened still ends in one line and no window.
    window.show()
    opened = window.open(Path(path)) if path else window.open_sample()
    if not opened:
        window.hide()
        print(
            f"annotator: {window.last_message.splitlines()[0] if window.last_message else 'cannot open'}",
            file=sys.stderr,
        )
        window.deleteLater()
        return 1
    if hook is not None:
        QTimer.singleShot(0, hook.quit_when_painted)  # at the event loop's first turn
    return app.exec()


class _QuitAfterPaint(QObject):
    """benchmarks/bench_window.py times a whole start-up to the article's first paint: at
    the end of that paint, say "painted" and the CPU time used until then, and quit once
    the event loop runs (the first frame may come inside `open`, before it)."""

    def __init__(self, view: QAbstractScrollArea, app: QApplication) -> None:
        super().__init__(view)
        self._view = view
        self._app = app
        self._painted = False
        self._running = False
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        watched.removeEventFilter(self)
        self._view.viewportEvent(event)  # the article's paint, whole, before the line
        # with the CPU the process has used by then (what the rest of the start adds after
        # that frame, the span list and the panels, is not the user's wait)
        print(f"annotator: painted (cpu {time.process_time():.4f} s)", flush=True)
        self._painted = True
        if self._running:
            self._app.quit()
        return True  # painted

    def quit_when_painted(self) -> None:
        self._running = True
        if self._painted:
            self._app.quit()
