"""Starting the program: the application object, then the window on an article."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .main_window import MainWindow
from .settings import Settings
from .theme import apply_theme, font_family


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
    if annotator:
        settings.annotator = annotator
    if language:
        settings.language = language
    apply_theme(settings.theme)
    window = MainWindow(settings)
    window.show()
    opened = window.open(Path(path)) if path else window.open_sample()
    if not opened and path:
        # the message names the file and the problem; also say it where scripts see it
        print(f"annotator: {window.last_message}", file=sys.stderr)
    return app.exec()
