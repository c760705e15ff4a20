"""The window: PySide6 only, thin, driven by the model."""

from . import none_guard, source_scan

none_guard.install()  # before any Qt call: PySide6 6.12 on Python 3.11 loses references to None

import PySide6.QtCore  # noqa: E402, F401  (shiboken's import hook, which source_scan spares)

source_scan.spare_the_reading()  # before the window's modules are imported

from .main_window import MainWindow  # noqa: E402

__all__ = ["MainWindow"]
