"""What the claims panels need of their controller, and the controller of the window:
narrow interfaces, so that no panel imports the module that builds it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from ..model import AnnotationSet, EntityRegistry

if TYPE_CHECKING:
    from .article_view import ArticleView
    from .project_session import ProjectSession


class ClaimsHost(Protocol):
    """What the claims parts need of the window."""

    view: ArticleView
    path: Path | None
    session: ProjectSession | None

    @property
    def annotations(self) -> AnnotationSet | None: ...
    @property
    def language(self) -> str: ...
    def current_span_id(self) -> str: ...
    def make_current(self, span_id: str) -> None: ...
    def reveal_span(self, span_id: str) -> None: ...
    def add_panel(self, dock: QDockWidget, area: Qt.DockWidgetArea, size: int) -> None: ...
    def show_status(self, text: str) -> None: ...
    def refuse_if_done(self) -> bool: ...
    def show_error(self, text: str) -> None: ...
    def schema_changed(self) -> None: ...
    def checkpoint(self) -> bool: ...


class ClaimsContext(Protocol):
    """The claims controller as its panels see it."""

    host: ClaimsHost
    registry: EntityRegistry

    @property
    def aset(self) -> AnnotationSet | None: ...
    def other_files(self) -> list[Path]: ...
    def refresh_registry(self) -> None: ...
