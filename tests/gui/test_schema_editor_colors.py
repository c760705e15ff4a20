"""A label added in the label set editor gets a colour of its own (it was always #888888,
so every label added there looked alike)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableWidget

from annotator.model import default_schema
from annotator.ui.schema_editor import SchemaEditor


def test_added_labels_get_distinct_colours(qtbot: Any) -> None:
    editor = SchemaEditor(default_schema(), "en")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    table = editor.labels
    assert isinstance(table, QTableWidget)
    add = next(b for b in table.parentWidget().findChildren(QPushButton) if b.text() == "Add")
    before = table.rowCount()
    for _ in range(3):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    colors = [table.item(r, 3).text().lower() for r in range(table.rowCount())]
    assert table.rowCount() == before + 3
    assert len(set(colors)) == len(colors), colors
