"""A panel that refreshes only while it is shown: a hidden panel costs nothing per edit
(counting a 20,000-span article's mentions, or building the tree of its claims, took a
third of opening it for a panel nobody looked at)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LazyPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = False  # refreshed when next shown

    def refresh(self) -> None:
        """Rebuild what the panel shows; subclasses set self._stale = False."""
        raise NotImplementedError

    def refresh_when_shown(self) -> None:
        """Refresh now if the panel is shown, else the next time it is."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
