"""The window's helpers never import the window back (no import circles in annotator.ui)."""

from __future__ import annotations

import ast
from pathlib import Path

import annotator.ui

UI = Path(annotator.ui.__file__).parent


def ui_imports(path: Path) -> set[str]:
    """The annotator.ui modules a module imports (at any level, TYPE_CHECKING too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("annotator.ui."):
            found.add(node.module.split(".")[2])
    return found


def test_no_import_circles_among_the_window_modules() -> None:
    graph = {p.stem: ui_imports(p) for p in UI.glob("*.py") if p.stem != "__init__"}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for name in graph.get(start, set()):
            if name == goal or (name not in seen and reaches(name, goal, seen | {name})):
                return True
        return False

    circles = sorted(name for name in graph if reaches(name, name, {name}))
    assert circles == []
    assert "main_window" not in graph["span_menu"] | graph["search_panel"] | graph["project_session"]
