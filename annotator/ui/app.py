"""Starting the program: the application object, then the window on an article."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .identity import ask_name, login_name, name_problem
from .main_window import MainWindow
from .settings import Settings
from .theme import apply_theme, font_family, install_language


def ask_first_name() -> str | None:
    """The first start's question (a function of its own so that tests can answer it)."""
    return ask_name(None, login_name(), first=True)


def make_app() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    font_family()
    return app


def run_app(path: str | None, annotator: str = "", language: str | None = None) -> int:
    app = make_app()
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
    window = MainWindow(settings, annotator=annotator)
    window.show()
    opened = window.open(Path(path)) if path else window.open_sample()
    if not opened and path:
        # the message names the file and the problem; also say it where scripts see it
        print(f"annotator: {window.last_message}", file=sys.stderr)
    return app.exec()
