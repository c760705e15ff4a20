"""The window: PySide6 only, thin, driven by the model."""

from . import none_guard

none_guard.install()  # before any Qt call: PySide6 6.12 on Python 3.11 loses references to None

from .main_window import MainWindow  # noqa: E402

__all__ = ["MainWindow"]
