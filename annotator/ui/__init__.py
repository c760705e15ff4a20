"""The window: PySide6 only, thin, driven by the model."""

from .main_window import MainWindow

__all__ = ["MainWindow"]
