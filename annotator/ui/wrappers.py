"""Python wrappers of widgets Qt made itself, got without PySide's type search (issue 10).

PySide wraps a plain `QWidget` that a Qt function returns (a scroll area's `viewport()`) by
trying every QWidget subclass it knows as that object's type: the first time in a process
it makes each of them, their enums included (12-29 ms of the start-up, measured). The same
object reached as a child takes the type Qt names for it at once, and every later
`viewport()` returns that wrapper.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def own_viewport(area: QAbstractScrollArea) -> QWidget:
    """The scroll area's viewport, its wrapper made cheaply (see above)."""
    found = area.findChild(QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else area.viewport()
