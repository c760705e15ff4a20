"""The main window: the article, the label palette, the span list; menus and saving.

Thin by design: every edit is a model operation (annotator.model), every save goes
through the durable store (annotator.io.store); the window wires them to keys and menus
and refreshes from the model's change events.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QEventLoop, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..io.article import ArticleOpening, annotation_path_for
from ..io.atomic import cannot_save, is_read_only
from ..io.names import CURATED, DEFAULT_ANNOTATOR
from ..io.textfile import TextFileError
from ..model import AnnotationSet, Change, DocumentDone, SchemaError
from ..model.tagging import selection_to_span_range, tag_selection
from ..persian.segment import warm_up_in_background
from ..resources import sample_article
from .article_view import ArticleView
from .bidi import clip, isolated, ltr, message_in_direction, rtl
from .document_header import DocumentHeader
from .label_palette import LabelPalette
from .settings import Settings, data_dir
from .theme import apply_theme, counted, font_family, install_language, number

if TYPE_CHECKING:  # projects, curation and dialogs are imported when first used: a faster start
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QDialog

    from ..io.lock import LockedError, LockInfo, ProjectLock
    from ..io.store import AnnotationStore, ForeignFileError
    from ..model import Command
    from ..model.commands import Op
    from .claims import ClaimsController
    from .inspector import Inspector
    from .project_session import ProjectSession
    from .search_panel import SearchController, SearchPanel
    from .shortcuts_dialog import ShortcutsDialog
    from .span_table import SpanTable

# what MainWindow.build_rest makes (besides the act_* actions): asking for one builds it
_REST = frozenset({"searching", "search", "claims", "label_actions", "table"})
# a window shown empty builds the rest after this long (a document opened first: after its frame)
IDLE_BUILD_MS = 200
EXPOSE_WAIT_MS = 100  # a window shown but never exposed (minimised) is painted later, as before
# the two usual sentences of io/store.py's recovery report (see _recovery_in_language);
# patterns compiled at their first use by re's cache, not at every start (~0.4 ms)
_RECOVERED = r"Recovered (\d+) edits? to (.+?) that had not been saved when the program last stopped\."
_REPLACED = (
    r"The file had been replaced meanwhile \(by another program or a synced folder\): its changes are kept "
    r"with them \((\d+) added, (\d+) removed, (\d+) changed\)"
    r"(?:; (\d+) spans changed on both sides keep these edits"
    r"(?: \(the other version is kept as (.+?)\)| \(the other version could not be kept: (.+?)\))?)?\."
)
_MOVED = (
    r"The text of (.+?) has changed since it was annotated: (?:(\d+) spans were|1 span was) placed on the new text"
    r"(?:; (\d+) could not be placed and (?:are|is) kept in the file as unplaced \(nothing was deleted\))?\."
)
CHECKPOINT_DELAY_MS = 400  # at least; edits are already durable in the journal, this bounds its growth
DISK_WATCH_MS = 2000  # how often an open annotation file is looked at for changes made elsewhere (one stat)


class _Shown:
    """What the window shows of its document (the article with its place, selection and
    current span; the document's header; the label palette), to put back when the next
    document's first frame was painted but that document cannot be opened."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        view = window.view
        self.annotations = view.annotations
        cursor = view.textCursor()  # as positions: a QTextCursor follows the text's replacement
        self.selection = (cursor.anchor(), cursor.position())
        self.scroll = view.verticalScrollBar().value()
        self.current = view.current_span()

    def restore(self) -> None:
        window, view, aset = self.window, self.window.view, self.annotations
        if view.annotations is aset:
            return
        view.set_annotations(aset)
        window.header.show_document(aset.document if aset else None, window.language)
        window.label_palette.set_schema(aset.schema if aset else None, window.language)
        if aset is not None:
            cursor = view.textCursor()
            cursor.setPosition(self.selection[0])
            cursor.setPosition(self.selection[1], QTextCursor.MoveMode.KeepAnchor)
            view.setTextCursor(cursor)
            view.verticalScrollBar().setValue(self.scroll)
            view.set_current_span(self.current, reveal=False)


class _HeldKeys(QObject):
    """While a document loads, key presses on the window are held, not handled: the edit
    path stays shut until the checked document is in place (keys could otherwise edit
    spans painted from the unchecked file), and the held keys are posted again, in their
    order, when loading ends, so none is lost (when it fails, they are dropped: they were
    meant for the document that could not be opened). `open()` does not turn the event
    loop while loading, so keys normally wait in the queue anyway; this covers anything
    that does."""

    _KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.held: list[tuple[QObject, QKeyEvent]] = []

    def __enter__(self) -> _HeldKeys:
        QCoreApplication.instance().installEventFilter(self)
        return self

    def __exit__(self, failed: type[BaseException] | None, *_exc: object) -> None:
        QCoreApplication.instance().removeEventFilter(self)
        # a document that could not be opened drops them: they were meant for the text
        # its first frame showed, not for the one shown again
        for receiver, event in self.held if failed is None else []:
            if shiboken6.isValid(receiver):
                QCoreApplication.postEvent(receiver, event)
        self.held.clear()
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in self._KEYS and kind != QEvent.Type.ShortcutOverride:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        if kind in self._KEYS:
            key = cast(QKeyEvent, event)
            copy = QKeyEvent(kind, key.key(), key.modifiers(), key.text(), key.isAutoRepeat(), key.count())
            self.held.append((watched, copy))
        else:
            event.accept()  # an accepted override keeps the key's shortcut from firing now
        return True


class _BuildOnDemand(QObject):
    """Until the rest of a window started with `deferred=True` is built (right after its
    first frame): a key press, a shortcut, a click or a context menu on the window builds
    it first, then goes on to the widget it was for, so that nothing the user does in the
    first milliseconds is lost or handled by half a window."""

    _INPUT = (
        QEvent.Type.ShortcutOverride,
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.ContextMenu,
    )

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.start()

    def start(self) -> None:
        QCoreApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        QCoreApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT and isinstance(watched, QWidget) and watched.window() is self._window:
            self._window.build_rest()
        return False


class _InspectorPlace(QWidget):
    """The inspector's place until build_rest makes it. A dock keeps the size it was first
    given when what it holds changes, so this place decides how the inspector and the span
    list share their side of a window with no saved layout: evenly (this asks what the span
    list's panel asks), and the inspector at least as tall as it needs to be
    (Inspector.minimumSizeHint: fifteen lines). The inspector itself asked for a little
    more than the list: its list of links asks Qt's default height."""

    def __init__(self, parent: QWidget, twin: QWidget) -> None:
        super().__init__(parent)
        self._twin = twin

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 15 * self.fontMetrics().lineSpacing())

    def sizeHint(self) -> QSize:
        return QSize(0, max(self._twin.sizeHint().height(), self.minimumSizeHint().height()))


class MainWindow(QMainWindow):
    # made by build_rest (see __init__)
    table: SpanTable
    _inspector: Inspector
    searching: SearchController
    search: SearchPanel
    claims: ClaimsController

    def __init__(self, settings: Settings | None = None, annotator: str = "", *, deferred: bool = False) -> None:
        """Only what the first frame shows is built here (the article, its header, the
        label palette, the span list and the inspector, empty, in their docks, the menu
        bar's titles); the rest (search, the claims parts, the entities and claims panels,
        the actions, the menus' contents, and the document shown in the list and panels) is
        built by build_rest: by `open()` right after the article's first frame, so that
        `MainWindow().open(path)` returns with everything built; at the first key press,
        shortcut or click on the window before that, or when a caller asks for one of its
        parts (`window.claims`, `window.act_undo`); and, for a window shown empty, when it
        has been left idle for IDLE_BUILD_MS. deferred (the program's start, ui/app.py,
        which shows the window and opens the article at once): `open()` leaves the rest to
        the turn after the window's first frame."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings.load()
        # --annotator NAME: this run only; the settings keep the name asked at the first start
        self.annotator_override = " ".join(annotator.split())
        self._curating = False  # a project's curation mode: editing the annotator `curated`
        self.agreement_dock: QDockWidget | None = None
        self._analysis: Any = None  # the open Project ▸ Analysis dialog
        self.store: AnnotationStore | None = None
        self.path: Path | None = None
        self.session: ProjectSession | None = None
        self._file_lock: ProjectLock | None = None  # article mode: one window per annotation file
        self.read_only = False  # the folder cannot be written: viewing only, said in the title
        self._title = ""
        self._warned_not_durable = False
        self.last_message = ""
        self._built = False  # build_rest ran
        self._on_demand: _BuildOnDemand | None = None
        self._build_first()
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setSingleShot(True)
        self._checkpoint_timer.setInterval(CHECKPOINT_DELAY_MS)
        self._checkpoint_timer.timeout.connect(self.checkpoint)
        # a synced folder may bring this coder's file from another computer while it is
        # open here: looked at (one stat) every few seconds, before each key edit and
        # before each save, and taken in (take_in_disk_changes)
        self._disk_watch = QTimer(self)
        self._disk_watch.setInterval(DISK_WATCH_MS)
        self._disk_watch.timeout.connect(self._look_at_disk)
        self._deferred = deferred
        self.view.after_next_paint(self._after_first_frame)
        # from the first frame on, a shortcut or a click on a menu before the rest is
        # built builds it first. Not before that frame: an application-wide filter sees
        # every object Qt makes, and PySide then resolves every class it knows (and
        # makes their enums) to wrap one it does not: 20 ms of the start
        self.view.viewport().installEventFilter(self)
        self.set_language(self.settings.effective_language(), save=False)

    def _after_first_frame(self) -> None:
        """The turn after the article's first frame: the rest is built now when that frame
        showed a document (or the program's start, deferred); a window
        shown empty waits a moment, so that a document opened right after it is painted
        first (a key, a click or a caller asking for a part builds it at once)."""
        if self.store is not None or self._deferred:
            self.build_rest()
        elif not self._built:
            QTimer.singleShot(IDLE_BUILD_MS, self, self.build_rest)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.view.viewport():
            watched.removeEventFilter(self)
            if not self._built:
                self._on_demand = _BuildOnDemand(self)
        return False

    def __getattr__(self, name: str) -> Any:
        # a part build_rest makes, asked for before it ran (a caller, a test): built now
        if (name in _REST or name.startswith("act_")) and self.__dict__.get("_built") is False:
            self.build_rest()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # ---- construction ------------------------------------------------------------------

    def _build_first(self) -> None:
        """What the first frame shows: the article, the document's header, the label
        palette, the status bar, the menu bar (its titles: build_rest fills the menus) and
        the panels' docks in their places, empty until build_rest fills them (a panel
        coming after the first frame would narrow the article: its lines would re-wrap)."""
        self.view = ArticleView(self)
        self.view.set_font_size(self.settings.font_size, font_family())
        self.setCentralWidget(self.view)  # the article takes what the panels leave
        # panels: docks the user can hide, move and resize; View ▸ Panels lists them and
        # their sizes are kept in the settings (see add_panel)
        self.panel_actions: list[QAction] = []
        self._pending_sizes: list[tuple[QDockWidget, int, Qt.Orientation]] = []
        self._untold: list[str] = []
        self._recovered_now = False  # the last document opened replayed a journal
        self._restore_window()
        right, left, bottom = (
            Qt.DockWidgetArea.RightDockWidgetArea,
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        # the span list and the inspector come with build_rest, right after the first frame,
        # in the places kept for them here (see _InspectorPlace): the article is laid out as
        # it will stay (making and showing them took a sixth of the window's first frame)
        self._table_place = QAbstractScrollArea(self)  # a list's own size hints and frame
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setEnabled(False)
        self.note_label = QLabel(self)
        self.note_label.setContentsMargins(4, 2, 4, 0)  # its first letter touched the panel's edge
        spans = QWidget(self)
        spans_layout = QVBoxLayout(spans)
        spans_layout.setContentsMargins(0, 0, 0, 0)
        spans_layout.addWidget(self._table_place, 1)
        spans_layout.addWidget(self.note_label)
        spans_layout.addWidget(self.note_edit)
        self.spans_dock = self._first_dock("spansDock", right, 320, spans)
        self._inspector_place = _InspectorPlace(self, spans)
        self.palette_bar = QToolBar(self)
        self.palette_bar.setObjectName("paletteBar")
        self.palette_bar.setMovable(False)
        self.label_palette = LabelPalette(self)
        self.palette_bar.addWidget(self.label_palette)
        self.addToolBar(self.palette_bar)
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)
        # in the order they were always added (a saved layout puts them back by name)
        self._docks = {
            "searchDock": self._first_dock("searchDock", bottom, 220, hidden=True),  # Ctrl+F opens it
            "inspectorDock": self._first_dock("inspectorDock", right, 320, self._inspector_place),
            "entitiesDock": self._first_dock("entitiesDock", right, 320, hidden=True),
            "claimsDock": self._first_dock("claimsDock", left, 320, hidden=True),
        }
        self.header = DocumentHeader(self)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.header)
        central_layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        # wired now: a key or click the first frame gets goes through them, and what they
        # call builds the rest when it needs it (__getattr__)
        self.view.labelRequested.connect(self.apply_label)
        self.view.deleteRequested.connect(self.delete_current)
        self.view.spanClicked.connect(self._on_span_clicked)
        self.label_palette.labelClicked.connect(self.apply_label)
        self.view.spanMenuRequested.connect(self.show_span_menu)
        self.note_edit.editingFinished.connect(self._commit_note)

    def _first_dock(
        self, name: str, area: Qt.DockWidgetArea, size: int, widget: QWidget | None = None, hidden: bool = False
    ) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        if widget is not None:
            dock.setWidget(widget)
        self.add_panel(dock, area, size)
        if hidden:
            dock.hide()
        dock.setProperty("placed", True)  # the controllers that fill it do not add it again
        return dock

    def build_rest(self) -> None:
        """Build what the first frame does not show (see __init__'s `deferred`): the span
        list with the note, search, the claims parts (inspector, entities, claims by actor,
        link keys), the actions and the menus; then show the open document in them."""
        if self._built:
            return
        self._built = True
        if self._on_demand is not None:
            self._on_demand.stop()
        if self.isVisible():
            self._apply_pending_sizes()  # the panels at their sizes before they are filled
        self._build_panels()
        # what the first edit needs and the first frame did not: loaded now, after that
        # frame, not at the first key (the journal's and the text's checksums, and the
        # grapheme clusters a key's snapping asks for: 11 ms to import and compile)
        import hashlib  # noqa: F401

        # the edit commands (annotation_set.py loads them at their first use): here, on
        # this thread, before any worker (agreement, a project's index) can be first to
        from ..model.commands import Command  # noqa: F401
        from ..persian.graphemes import warm_up as compile_cluster_patterns
        from ..persian.segment import compile_patterns as compile_word_patterns

        compile_cluster_patterns()
        compile_word_patterns()

        from .claims import ClaimsController
        from .search_panel import SearchController

        self.searching = SearchController(self, self, self._docks["searchDock"])
        self.search = self.searching.panel
        # claims: inspector, entities, claims by actor, the document's details (ui/claims.py)
        self.claims = ClaimsController(self, self, self.header, self._docks, self._inspector)

        self._build_actions()
        if hasattr(self, "_language"):  # after __init__: the texts, the document, the menus
            (self.act_lang_fa if self._language == "fa" else self.act_lang_en).setChecked(True)
            self.retranslate()  # (the translator is installed already: no LanguageChange again)
            if self.store is not None:
                self._attach_rest(self.store.aset)
        if self.isVisible():  # the panels filled now are laid out now, not one turn later
            self._lay_out_now()
            # and the list's columns fitted to its width before it is first painted (at Qt's
            # default widths they were wider than it: a frame with an empty scroll bar)
            self.table.fit_columns()

    def _build_panels(self) -> None:
        """The span list and the inspector, in the places the first frame kept for them."""
        from .inspector import Inspector
        from .span_table import SpanTable

        self.table = SpanTable(self)
        spans_layout = self.spans_dock.widget().layout()
        spans_layout.replaceWidget(self._table_place, self.table)
        self._table_place.deleteLater()
        self.table.labelRequested.connect(self.apply_label)
        self.table.deleteRequested.connect(self.delete_current)
        self.table.currentSpanChanged.connect(self._on_table_current)
        self.table.spanMenuRequested.connect(self.show_span_menu)
        self._inspector = Inspector(self)
        dock = self._docks["inspectorDock"]
        dock.setWidget(self._inspector)
        self._inspector_place.deleteLater()
        if self.isVisible():  # now, not at the next turn (a child added to a shown window waits)
            self.table.show()
            self._inspector.show()

    def _lay_out_now(self) -> None:
        """Lay out what changed now, the document's header with its own height (its labels'
        heights are known only once they are laid out: with the old ones it was short, and
        the article moved at the next frame and back at the one after)."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = self.centralWidget().layout()
        layout.invalidate()
        layout.activate()

    # ---- panels ------------------------------------------------------------------------

    def add_panel(self, dock: QDockWidget, area: Qt.DockWidgetArea, size: int) -> None:
        """Add a panel beside the article: closable and movable, listed in View ▸ Panels,
        at the size it had when the window last closed (else `size` pixels across)."""
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        if not self.restoreDockWidget(dock):  # not in the saved layout: a place of its own
            self.addDockWidget(area, dock)
            vertical = area in (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea)
            orientation = Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal
            if self.isVisible():
                self.resizeDocks([dock], [size], orientation)
            else:  # sizes take only once the window is laid out: at the first show
                self._pending_sizes.append((dock, size, orientation))
        action = dock.toggleViewAction()
        if action not in self.panel_actions:
            self.panel_actions.append(action)
        if self._built:  # after start-up: show it in the menu now
            self._build_menus()

    def remove_panel(self, dock: QDockWidget) -> None:
        action = dock.toggleViewAction()
        if action in self.panel_actions:
            self.panel_actions.remove(action)
        self.removeDockWidget(dock)
        self._build_menus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._built:
            # the program's start: now, laid out already (setVisible activates the layout
            # before this event), so that the first frame has the panels at their sizes (at
            # the next turn the article would narrow and re-wrap under the user's eyes); the
            # panels' contents, built after that frame, are laid out at those sizes
            self._apply_pending_sizes()
        QTimer.singleShot(0, self._apply_pending_sizes)  # once the first layout is done
        untold, self._untold = self._untold, []
        for text in untold:
            self.show_info(text)

    def _apply_pending_sizes(self) -> None:
        for dock, size, orientation in self._pending_sizes:
            self.resizeDocks([dock], [size], orientation)
        self._pending_sizes.clear()

    def _restore_window(self) -> None:
        """The window's size and its panels' sizes and places, as the settings keep them."""
        geometry = QByteArray.fromBase64(self.settings.window_geometry.encode("ascii"))
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = QByteArray.fromBase64(self.settings.window_state.encode("ascii"))
        if not state.isEmpty():
            self.restoreState(state)  # panels made later are put back by restoreDockWidget
        # the side panels run the window's full height and the bottom ones (Search, Agreement)
        # sit under the article only, as in IDEs: with Qt's default corners a bottom panel
        # took its height from the span list too, two rows left at 1366x768 (set after
        # restoreState, which brings back the corners a saved layout had)
        for corner, area in (
            (Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea),
            (Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea),
        ):
            self.setCorner(corner, area)

    def _remember_layout(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.settings.window_state = bytes(self.saveState().toBase64().data()).decode("ascii")

    def _action(self, shortcuts: list[QKeySequence | str] | None = None, slot: object = None) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence  # after the first frame (build_rest)

        action = QAction(self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        # the actions and their classes (QAction, QKeySequence: ~1 ms to make) after the
        # first frame, which shows the menus' titles only
        from PySide6.QtGui import QActionGroup, QKeySequence

        A = self._action
        self.act_open = A([QKeySequence.StandardKey.Open], self.choose_file)
        self.act_save = A([QKeySequence.StandardKey.Save], self.checkpoint)
        self.act_save_as = A(["Ctrl+Shift+S"], self.save_as)
        self.act_quit = A(["Ctrl+Q"], self.close)  # not StandardKey.Quit: empty on some platforms
        self.act_undo = A(["Ctrl+Z"], self.undo)
        self.act_redo = A(["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        self.act_delete = A([], self.delete_current)
        self.act_note = A(["N"], self.focus_note)
        self.act_sentence = A(["S"], self.view.select_sentence)
        self.act_place = A([], self.place_unplaced)
        self.act_snap = A([], self._toggle_snap)
        self.act_snap.setCheckable(True)
        self.act_snap.setChecked(self.settings.snap_to_words)
        self.act_zoom_in = A(["Ctrl++", "Ctrl+="], lambda: self.zoom(+1))
        self.act_zoom_out = A(["Ctrl+-"], lambda: self.zoom(-1))
        self.act_zoom_reset = A(["Ctrl+0"], lambda: self.zoom(0))
        self.act_lang_fa = A([], lambda: self.set_language("fa"))
        self.act_lang_en = A([], lambda: self.set_language("en"))
        self.act_theme = {
            name: A([], lambda _=False, n=name: self.set_theme(n)) for name in ("system", "light", "dark")
        }
        for group_items in ((self.act_lang_fa, self.act_lang_en), tuple(self.act_theme.values())):
            group = QActionGroup(self)
            for action in group_items:
                action.setCheckable(True)
                group.addAction(action)
        self.act_theme[self.settings.theme if self.settings.theme in self.act_theme else "system"].setChecked(True)
        self.act_about = A([], self.about)
        self.act_shortcuts = A(["F1"], self.show_shortcuts)
        self.act_identity = A([], lambda: self.change_annotator())
        self.act_agreement = A(["Ctrl+Shift+A"], self.show_agreement)
        self.act_sync = A([], self.synchronise)
        self.act_curate = A(["Ctrl+Shift+K"], lambda checked=False: self.set_curating(bool(checked)))
        self.act_curate.setCheckable(True)
        self.act_curation_list = A(["Ctrl+K"], self.focus_curation)
        self.act_analysis = A([], self.show_analysis)
        self.act_find = A([QKeySequence.StandardKey.Find], lambda: self.searching.show(False))
        self.act_find_project = A(["Ctrl+Shift+F"], lambda: self.searching.show(True))
        self.act_tag_all = A([self.TAG_ALL_KEY], self._tag_all_results)
        self.act_new_project = A([], self.new_project)
        self.act_open_project = A(["Ctrl+Shift+O"], self.choose_project)
        self.act_import = A(["Ctrl+I"], lambda: self.session.import_files() if self.session else None)
        self.act_next_doc = A(["Ctrl+PgDown", "Alt+Down"], lambda: self.session.step(1) if self.session else None)
        self.act_prev_doc = A(["Ctrl+PgUp", "Alt+Up"], lambda: self.session.step(-1) if self.session else None)
        self.act_next_unfinished = A(
            ["Ctrl+J", "Ctrl+Shift+PgDown"],  # the menu shows the first
            lambda: self.session.step(1, unfinished=True) if self.session else None,
        )
        self.act_done = A([self.DONE_KEY, "Ctrl+Enter"], lambda: self.session.toggle_done() if self.session else None)
        self.act_stats = A([], lambda: self.session.show_statistics() if self.session else None)
        self.act_export = A(["Ctrl+E"], lambda: self.session.export() if self.session else None)
        self.label_actions: list[QAction] = []

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        if not self._built:  # the first frame: the titles, so that the bar has its height
            for title in (self.tr("&File"), self.tr("&Edit"), self.tr("&Project"), self.tr("&View"), self.tr("&Help")):
                bar.addMenu(title)
            return
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_open, self.act_open_project, self.act_new_project])
        file_menu.addSeparator()
        file_menu.addActions([self.act_save, self.act_save_as])
        file_menu.addSeparator()
        file_menu.addActions([self.act_import, self.act_export])
        file_menu.addAction(self.act_sync)
        self.act_sync.setEnabled(self.session is not None)
        self.act_import.setEnabled(self.session is not None)
        self.act_export.setEnabled(self.session is not None)
        file_menu.addSeparator()
        file_menu.addAction(self.act_identity)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        tag_menu = edit_menu.addMenu(self.tr("Tag as"))
        tag_menu.addActions(self.label_actions)
        edit_menu.addActions([self.act_sentence, self.act_delete, self.act_note, self.act_place])
        self.act_place.setEnabled(bool(self.store and self.store.unplaced))
        edit_menu.addSeparator()
        edit_menu.addActions([*self.claims.link_actions, self.claims.act_entity, self.claims.act_value])
        edit_menu.addAction(self.claims.act_details)
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_find, self.act_find_project, self.act_tag_all])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_snap)
        project_menu = bar.addMenu(self.tr("&Project"))
        project_menu.addActions([self.act_next_doc, self.act_prev_doc, self.act_next_unfinished, self.act_done])
        project_menu.addSeparator()
        project_menu.addAction(self.act_stats)
        project_menu.addSeparator()
        project_menu.addActions([self.act_agreement, self.act_curate, self.act_curation_list])
        project_menu.addSeparator()
        project_menu.addAction(self.act_analysis)
        self.act_curation_list.setEnabled(self._curating)
        for action in (
            self.act_next_doc,
            self.act_prev_doc,
            self.act_next_unfinished,
            self.act_done,
            self.act_stats,
            self.act_agreement,
            self.act_curate,
            self.act_analysis,
        ):
            action.setEnabled(self.session is not None)
        project_menu.addSeparator()
        # a single article's labels are its folder's annotator-schema.json: editable too
        project_menu.addAction(self.claims.act_schema)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset])
        view_menu.addSeparator()
        panels_menu = view_menu.addMenu(self.tr("Panels"))
        panels_menu.addActions(self.panel_actions)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("Language"))
        language_menu.addActions([self.act_lang_fa, self.act_lang_en])
        theme_menu = view_menu.addMenu(self.tr("Theme"))
        theme_menu.addActions(list(self.act_theme.values()))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_shortcuts, self.act_about])

    def _build_label_actions(self) -> None:
        for action in self.label_actions:
            self.removeAction(action)
        self.label_actions = []
        aset = self.annotations
        if aset is None:
            return
        for label in aset.schema.labels:
            action = self._action(
                [label.shortcut] if label.shortcut else None,
                lambda _=False, lid=label.id: self.apply_label(lid),
            )
            action.setText(label.name(self.language))
            self.label_actions.append(action)

    # ---- language ----------------------------------------------------------------------

    @property
    def language(self) -> str:
        return getattr(self, "_language", "en")

    def set_language(self, language: str, save: bool = True) -> None:
        self._language = language
        install_language(language)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "fa" else Qt.LayoutDirection.LeftToRight)
        self.view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the article is always RTL
        if self._built:
            (self.act_lang_fa if language == "fa" else self.act_lang_en).setChecked(True)
        if save:
            self.settings.language = language
            self.settings.save()
        self.retranslate()

    def retranslate(self) -> None:
        if not self._built:  # the first frame's parts: build_rest calls this again
            # the visible panels' titles as their controllers will set them
            self.spans_dock.setWindowTitle(self.tr("Spans"))
            self.note_label.setText(self.tr("Note (N), Enter to keep:"))
            self._docks["inspectorDock"].setWindowTitle(QCoreApplication.translate("ClaimsController", "Inspector"))
            aset = self.annotations
            if aset is not None:
                self.label_palette.set_schema(aset.schema, self.language)
            self._build_menus()
            self.refresh_state()
            return
        self.act_open.setText(self.tr("&Open…"))
        self.act_save.setText(self.tr("&Save"))
        self.act_save_as.setText(self.tr("Save &As…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_delete.setText(self.tr("Delete span"))
        self.act_delete.setShortcutVisibleInContextMenu(True)
        self.act_note.setText(self.tr("Edit note"))
        self.act_sentence.setText(self.tr("Select sentence"))
        self.act_place.setText(self.tr("Place an unplaced span at the selection…"))
        self.act_snap.setText(self.tr("Snap to whole words"))
        self.act_zoom_in.setText(self.tr("Zoom in"))
        self.act_zoom_out.setText(self.tr("Zoom out"))
        self.act_zoom_reset.setText(self.tr("Actual size"))
        self.act_lang_fa.setText("فارسی")
        self.act_lang_en.setText("English")
        self.act_theme["system"].setText(self.tr("System"))
        self.act_theme["light"].setText(self.tr("Light"))
        self.act_theme["dark"].setText(self.tr("Dark"))
        self.act_about.setText(self.tr("About annotator"))
        self.act_shortcuts.setText(self.tr("Keyboard shortcuts"))
        self.act_identity.setText(self.tr("Your name…"))
        self.act_agreement.setText(self.tr("Agreement…"))
        self.act_sync.setText(self.tr("Synchronise (git)"))
        self.act_curate.setText(self.tr("Curate disagreements"))
        self.act_curation_list.setText(self.tr("Go to the curation list"))
        self.act_analysis.setText(self.tr("Analysis: charts, claims table, networks…"))
        if self._analysis is not None:
            self._analysis.retranslate(self.language)
        if self.agreement_dock is not None:
            self.agreement_dock.setWindowTitle(self.tr("Agreement"))
            widget = self.agreement_dock.widget()
            if hasattr(widget, "retranslate"):
                widget.language = self.language
                widget.retranslate()
        self.act_find.setText(self.tr("Find in article…"))
        self.act_find_project.setText(self.tr("Find in project…"))
        self.act_tag_all.setText(self.tr("Tag all search results…"))
        self.act_new_project.setText(self.tr("New project…"))
        self.act_open_project.setText(self.tr("Open project…"))
        self.act_import.setText(self.tr("Import articles…"))
        self.act_next_doc.setText(self.tr("Next document"))
        self.act_prev_doc.setText(self.tr("Previous document"))
        self.act_next_unfinished.setText(self.tr("Next unfinished document"))
        self.act_done.setText(self.tr("Mark done / not done"))
        self.act_stats.setText(self.tr("Statistics…"))
        self.act_export.setText(self.tr("Export annotations…"))
        self.searching.retranslate()
        self.claims.retranslate()
        if self.session is not None:
            self.session.retranslate()
        self.note_label.setText(self.tr("Note (N), Enter to keep:"))
        self.spans_dock.setWindowTitle(self.tr("Spans"))
        # its entry in the window's right-click menu (beside the panels') was blank
        self.palette_bar.setWindowTitle(self.tr("Label palette"))
        self.table.span_model.retranslate(self.language)
        aset = self.annotations
        if aset is not None:
            self.label_palette.set_schema(aset.schema, self.language)
        self._build_label_actions()
        self._build_menus()
        self.refresh_state()

    # ---- who is coding ------------------------------------------------------------------

    @property
    def annotator(self) -> str:
        """The coder's name: --annotator, else the settings' name, else "anonymous"."""
        return self.annotator_override or self.settings.annotator.strip() or DEFAULT_ANNOTATOR

    def change_annotator(self, name: str | None = None) -> bool:
        """Go on as another coder (File ▸ Your name). Files already written keep the name
        they carry; in a project the window reopens it in the new name's folder."""
        if name is None:
            from .identity import ask_name

            name = ask_name(self, self.annotator)
            if not name:
                return False
        from .coder_name import name_problem

        problem = name_problem(name)
        if problem:
            self.show_error(problem)
            return False
        name = " ".join(name.split())
        if name == self.annotator:
            return True
        session, doc_id = self.session, self.session.doc_id if self.session else ""
        if not self.close_document():
            return False
        self.settings.annotator = name
        self.annotator_override = ""
        self.settings.save()
        if session is not None:
            path = session.project.path
            self._close_session()
            if self.open_project(path) and doc_id and self.session is not None:
                self.session.open_document(doc_id)
        elif self.path is not None or self.store is None:
            self.refresh_state()
        self.show_status(self.tr("You are coding as %1").replace("%1", name))
        return True

    # ---- opening -----------------------------------------------------------------------

    @property
    def annotations(self) -> AnnotationSet | None:
        return self.store.aset if self.store else None

    def open_sample(self) -> bool:
        """Open the bundled sample in a working copy; the file in seeds/ is never changed."""
        source = sample_article()
        folder = data_dir() / "sample"
        target = folder / source.name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                import shutil  # here: only the sample's first opening copies a file

                with source.open("rb") as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        except OSError as exc:
            self.show_error(
                self.tr("Cannot make a working copy of the sample in %1: %2")
                .replace("%1", str(folder))
                .replace("%2", str(exc))
            )
            return False
        return self.open(target)

    def open(self, path: str | Path) -> bool:
        """Open an article (.txt) or an annotation file; False (with a message) if it cannot."""
        # no input reaches the window while it opens (keys are held, questions are modal),
        # and a filter on every event Qt sends costs ~0.5 ms of the first frame
        watching = self._on_demand if not self._built else None
        if watching is not None:
            watching.stop()
        try:
            return self._open(path)
        finally:
            if watching is not None and not self._built:
                watching.start()  # it could not be opened: the window is still to be built

    def _open(self, path: str | Path) -> bool:
        path = Path(path)
        if path.is_dir():
            self._curating = False
            return self.open_project(path)
        if self.store is not None and annotation_path_for(path).resolve() == self.store.path.resolve():
            return True  # already open
        # the new file first: one that cannot be opened leaves the open one as it was
        shown = _Shown(self)  # what the window showed, put back if the new file cannot open
        try:
            opening = ArticleOpening.start(path)
        except (TextFileError, SchemaError, OSError) as exc:
            self.show_error(str(exc))
            return False
        self._paint_first_frame(opening)  # reads, writes and asks nothing: the lock comes after
        from ..io import jsonformat  # after that frame: the store and the file's check are not in it
        from ..io.store import ForeignFileError

        allowed, lock = self._lock_file(annotation_path_for(path))
        self.read_only = is_read_only(annotation_path_for(path).parent)
        if not allowed:
            shown.restore()
            return False
        try:
            try:
                with _HeldKeys(self):  # keys pressed meanwhile are handled once it is open
                    store, recovery_message = opening.finish(self.annotator)
            except ForeignFileError as exc:  # another article's annotations: the user decides
                store, recovery_message = self.decide_foreign(
                    exc, lambda foreign: opening.finish(self.annotator, foreign)
                )
        except (TextFileError, SchemaError, jsonformat.AnnotationFileError, OSError) as exc:
            shown.restore()  # the spans painted from the unchecked file go
            if lock is not None:
                lock.release()
            self.show_error(str(exc))
            return False
        if not self.close_document():
            shown.restore()
            store.detach()
            if lock is not None:
                lock.release()
            return False
        self._close_session()
        self._file_lock = lock
        self._attach(store, path)
        self._search_follows()
        self.tell_recovery(recovery_message)
        if not self._deferred:  # all of it, the span list and panels too, once open() returns
            self.build_rest()
        return True

    def _paint_first_frame(self, opening: ArticleOpening) -> None:
        """Paint the article's first screen, with the spans on it, before the annotation
        file is parsed and checked (issue 10): the text is set, the spans that start before
        the screen's end are read from the top of the file unchecked, and the view is
        repainted at once. Only shown: the store, the span list and the panels are built
        from the checked file (`finish`), and a file that fails the check clears them
        again. Nothing to do for an annotation file opened itself (its text is in it) or
        a window not yet shown (its first frame comes when it shows)."""
        if opening.document is None or not self.view.isVisible():
            return
        self.header.show_document(opening.document, self.language)
        self.label_palette.set_schema(opening.schema, self.language)
        first = AnnotationSet(opening.document, "", opening.schema)
        self.view.set_annotations(first, first_screen=True)  # the rest of a long text after the frame
        # the header, the palette and the article's scroll bar take their places now, so
        # that the first frame is laid out as the next ones (no jump, no re-wrapping)
        QCoreApplication.sendPostedEvents(self.view, QEvent.Type.MetaCall)  # the scroll bar (queued in Qt)
        self._lay_out_now()  # the header's own height too (it was 3 px short in the first frame)
        visible = self.view.visible_range()
        first.load(opening.first_spans(visible[1]))
        self.view.refresh_highlights(visible=visible)  # the range is found once for this frame
        if not self._exposed_now():  # painted by the expose, with the article on it
            self.view.viewport().repaint()

    def _exposed_now(self) -> bool:
        """True when the window was just shown and its first frame came now. A window just
        shown is exposed (and painted) only when the window system's expose arrives: its
        `repaint()` paints nothing before, so the article's first frame came after the
        slow part of opening (`MainWindow(); show(); open(path)`). That event is taken here
        (for at most EXPOSE_WAIT_MS), keys and clicks left for later."""
        handle = self.windowHandle()
        if handle is None or handle.isExposed():
            return False
        deadline = time.monotonic() + EXPOSE_WAIT_MS / 1000
        while not handle.isExposed() and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 5)
        return handle.isExposed()

    def tell_recovery(self, message: str) -> None:
        """Say what opening recovered or re-anchored, listing every span left unplaced."""
        self._recovered_now = bool(re.search(_RECOVERED, message))
        message = self._recovery_in_language(message)
        store = self.store
        unplaced = store.unplaced if store is not None else []
        if unplaced:
            lines = [f"  {isolated(self._label_name(s.label))}: {rtl(clip(s.text, 80))}" for s in unplaced]
            message = "\n".join([message, self.tr("Spans that could not be placed (kept in the file):"), *lines])
        if message:
            self.show_info(message.strip())

    def _label_name(self, label_id: str) -> str:
        return self.annotations.schema.label_name(label_id, self.language) if self.annotations else label_id

    def _file_name(self, name: str) -> str:
        """A file or document name inside a sentence: isolated in the Persian interface,
        where its Latin letters and dots would otherwise take the sentence's order."""
        return isolated(name) if self.language == "fa" else name

    def _document_named(self, file_name: str) -> str:
        """The document a recovery message is about, as the coder knows it: its title in
        quotation marks, isolated in either interface (a Persian title in an English
        sentence, a Latin one in a Persian sentence, each keeps its own order on one
        line), or its file's name when it has no title. The trial read a project file's
        slug, "عدالت-…-ادامه.json", broken by bidi across the English sentence."""
        aset = self.annotations
        title = aset.document.title.strip() if aset is not None else ""
        if not title:
            return isolated(file_name)
        return self.tr("“%1”").replace("%1", isolated(clip(title, 80)))  # «…» in Persian

    def _recovery_in_language(self, message: str) -> str:
        """The store's report of a recovery (io/store.py writes it in English, free of Qt)
        in the interface's language: its two usual sentences, the edits replayed from the
        journal and the spans moved onto a changed text, are said again through tr(); a
        rarer note (a journal set aside) stays as written. A Persian coder read the
        message that their work had been recovered in English."""

        def recovered(match: re.Match[str]) -> str:
            many = self.tr("Recovered %1 edits to %2 that had not been saved when the program last stopped.")
            one = self.tr("Recovered 1 edit to %2 that had not been saved when the program last stopped.")
            return counted(int(match[1]), one, many).replace("%2", self._document_named(match[2]))

        def moved(match: re.Match[str]) -> str:
            said = self.tr("The text of %1 has changed since it was annotated: ")
            said = said.replace("%1", self._file_name(match[1]))
            placed = 1 if match[2] is None else int(match[2])
            said += counted(
                placed, self.tr("1 span was placed on the new text"), self.tr("%1 spans were placed on the new text")
            )
            if match[3] is not None:
                said += counted(
                    int(match[3]),
                    self.tr("; 1 could not be placed and is kept in the file as unplaced (nothing was deleted)"),
                    self.tr("; %1 could not be placed and are kept in the file as unplaced (nothing was deleted)"),
                )
            return said + "."

        def replaced(match: re.Match[str]) -> str:
            said = self.tr(
                "The file had been replaced meanwhile (by another program or a synced folder): its changes "
                "are kept with them (%1 added, %2 removed, %3 changed)."
            )
            for i in (1, 2, 3):
                said = said.replace(f"%{i}", number(match[i]))
            if match[4] is not None:
                both = self.tr("%1 spans changed on both sides keep these edits.")
                said += " " + both.replace("%1", number(match[4]))
            if match[5] is not None:
                said += " " + self.tr("The other version is kept as %1.").replace("%1", isolated(match[5]))
            if match[6] is not None:
                said += " " + self.tr("The other version could not be kept: %1.").replace("%1", match[6])
            return said

        message = re.sub(_RECOVERED, recovered, message)
        message = re.sub(_REPLACED, replaced, message)
        return re.sub(_MOVED, moved, message)

    def open_project(self, path: str | Path) -> bool:
        """Open a project folder at its first unfinished document."""
        from ..io.project import Project, ProjectError
        from .project_session import ProjectSession

        self.build_rest()  # a project's parts (its document list) join the whole window
        try:
            project = Project.open(path, catalog_later=True)  # an out-of-step catalogue: in a worker
        except ProjectError as exc:
            self.show_error(str(exc))
            return False
        if not self.close_document():
            return False
        self._close_session()
        from ..io.lock import LockedError, ProjectLock

        lock: ProjectLock | None = ProjectLock(project.path, CURATED if self._curating else self.annotator)
        assert lock is not None
        try:
            lock.acquire()
        except LockedError as exc:
            said = self._held_by(exc)
            if not self.ask_take_over(said):
                self.show_error(said)
                return False
            lock.acquire(force=True)
        except OSError as exc:  # a read-only folder holds no lock file (nor any edit)
            self.show_status(self.tr("Working without a lock: %1").replace("%1", exc.strerror or str(exc)))
            lock = None
        self.read_only = is_read_only(project.path)
        if not self.read_only:
            # imports killed earlier: finished or cleaned now, under the project's write lock
            try:
                said = project.finish_interrupted()
            except ProjectError as exc:
                said = [str(exc)]
            if said:
                self.show_info("\n".join(said))
        if self._curating:
            from .curation import CurationSession

            self.session = CurationSession(self, project, self.annotator, self)
        else:
            self.session = ProjectSession(self, project, self.annotator, self)
        self.session.hold(lock)
        self._search_follows()
        # this project's labels from the start: the previous project's stayed in the
        # palette until a document opened (a new, empty project showed them all along)
        self.label_palette.set_schema(project.schema, self.language)
        self._build_menus()
        first = self.session.first_document()
        self._recovered_now = False
        if first is not None:
            self.session.open_document(first)
        if lock is not None and lock.stale_holder is not None:
            pending = project.pending_journals(CURATED if self._curating else self.annotator, self.session.doc_id)
            self._tell_stale_lock(lock.stale_holder, pending)
        self.refresh_state()
        return True

    def _tell_stale_lock(self, holder: LockInfo, pending: int) -> None:
        """The lock was left by a session that ended without closing (a crash, a kill) and
        was taken over without a question: say so in the status bar, and that its edits
        are safe (the journals replay when their documents open; the open one's already
        did, and its box says what came back)."""
        said = self.tr("The last session ended without closing (process %1).").replace("%1", number(holder.pid))
        if pending:
            said += " " + counted(
                pending,
                self.tr("Its unsaved edits to 1 other document are kept and come back when it opens."),
                self.tr("Its unsaved edits to %1 other documents are kept and come back when they open."),
            )
        elif self._recovered_now:
            said += " " + self.tr("Its unsaved edits were recovered.")
        else:
            said += " " + self.tr("Nothing had been left unsaved.")
        self.show_status(said)

    def _held_by(self, exc: LockedError) -> str:
        """Who holds the lock, in the interface's language (io/lock.py says it in English,
        free of Qt): the Persian sentence laid out right to left, names and host isolated."""
        holder = exc.holder
        if holder is None:
            return self.tr("This project is held by another window (its lock file %1 is unreadable).").replace(
                "%1", ltr(str(exc.lock_file))
            )
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(holder.time))
        said = (
            self.tr("This file is already open in another window: coder %1 on computer %2 (process %3), since %4 (%5).")
            if exc.what == "file"
            else self.tr(
                "This project is already open in another window: coder %1 on computer %2 (process %3), since %4 (%5)."
            )
        )
        for key, value in (
            ("%1", isolated(holder.annotator or DEFAULT_ANNOTATOR)),
            ("%2", ltr(holder.host)),
            ("%3", number(holder.pid)),
            ("%4", ltr(number(when))),
            ("%5", ltr(str(exc.lock_file))),
        ):
            said = said.replace(key, value)
        return said

    def _search_follows(self) -> None:
        """Another project or article is open: the search results of the last one go (one
        opened gave "no document", Tag all did nothing); the same one reopened keeps them."""
        if self._built:
            self.searching.follow()

    def _lock_file(self, path: Path) -> tuple[bool, ProjectLock | None]:
        """Take the lock of an annotation file (article mode), as a project's is taken:
        (True, the lock), (True, None) when the folder cannot hold one (read-only), or
        (False, None) when another window holds it and the user did not take it over."""
        from ..io.lock import LockedError, ProjectLock  # after the first frame (see _open)

        lock = ProjectLock.for_file(path, self.annotator)  # --annotator's name, as the file gets
        try:
            lock.acquire()
        except LockedError as exc:
            said = self._held_by(exc)
            if not self.ask_take_over(said):
                self.show_error(said)
                return False, None
            lock.acquire(force=True)
        except OSError:
            return True, None  # a read-only folder: nothing will be written there either
        return True, lock

    def _close_session(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        if self.agreement_dock is not None:
            self.remove_panel(self.agreement_dock)
            self.agreement_dock.deleteLater()
            self.agreement_dock = None

    # ---- a team: agreement and curation (docs/team.md) ------------------------------------

    def set_curating(self, on: bool) -> bool:
        """Curation mode on or off: the project reopens on the same document, editing the
        annotator `curated` (on) or the coder's own annotations (off)."""
        session = self.session
        if session is None or on == self._curating:
            self.act_curate.setChecked(self._curating)
            return False
        doc_id, path = session.doc_id, session.project.path
        if not self.close_document():
            self.act_curate.setChecked(self._curating)
            return False
        self._close_session()
        self._curating = on
        opened = self.open_project(path)
        if opened and doc_id and self.session is not None:
            self.session.open_document(doc_id)
        self.act_curate.setChecked(self._curating)
        self.refresh_state()
        return opened

    def synchronise(self) -> bool:
        """File ▸ Synchronise: save, commit your own files, pull with rebase, push (git);
        then the project reopens on the same document and the window says what arrived."""
        from ..io import gitsync

        session = self.session
        if session is None:
            return False
        doc_id, path = session.doc_id, session.project.path
        who = CURATED if self._curating else self.annotator
        if not self.close_document():  # every edit on disk before git looks
            return False
        self._close_session()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        error = ""
        try:
            report = gitsync.synchronise(path, who)
        except gitsync.SyncError as exc:
            error = str(exc)
        except OSError as exc:
            error = f"{path}: {exc.strerror or exc}"
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.open_project(path) and self.session is not None and doc_id in self.session.project:
            self.session.open_document(doc_id)
        if error:
            self.show_error(self.tr("Synchronising did not finish: %1").replace("%1", error))
            return False
        self.show_info("\n".join([self.tr("Synchronised with git:"), *self._sync_lines(report)]))
        return True

    def _sync_lines(self, report: object) -> list[str]:
        """What Synchronise did, in the interface language (git's own messages as they are)."""
        from ..io.gitsync import SyncReport

        assert isinstance(report, SyncReport)
        lines = [
            counted(report.committed, self.tr("your work: %1 file committed"), self.tr("your work: %1 files committed"))
            if report.committed
            else self.tr("your work: nothing new to commit")
        ]
        if report.pulled:
            if not report.arrived:
                lines.append(self.tr("nothing new arrived"))
            if report.new_documents:
                n = len(report.new_documents)
                lines.append(counted(n, self.tr("%1 new document"), self.tr("%1 new documents")))
            if report.changed_documents:
                n = len(report.changed_documents)
                lines.append(counted(n, self.tr("%1 document changed"), self.tr("%1 documents changed")))
            for folder, n in sorted(report.others.items()):
                files = counted(n, self.tr("%1 annotation file"), self.tr("%1 annotation files"))
                lines.append(self.tr("%1: %2 new or changed").replace("%2", files).replace("%1", folder))
            if report.project_changed:
                lines.append(self.tr("the project's labels or settings changed"))
            if report.entities_changed:
                lines.append(self.tr("the others' new or changed entities arrived"))
        if report.pushed:
            lines.append(self.tr("sent"))
        return lines + report.notes

    def focus_curation(self) -> None:
        from .curation import CurationSession

        if isinstance(self.session, CurationSession):
            self.session.focus_list()

    def show_agreement(self) -> bool:
        """Project ▸ Agreement: compute the figures (edits saved first) in a panel."""
        if self.session is None:
            return False
        from .agreement_view import AgreementPanel

        self.checkpoint()
        if self.agreement_dock is None:
            dock = QDockWidget(self)
            dock.setObjectName("agreementDock")
            panel = AgreementPanel(dock)
            dock.setWidget(panel)
            panel.documentRequested.connect(lambda doc: self.session.open_document(doc) if self.session else None)
            panel.refresh_button.clicked.connect(self.show_agreement)
            self.agreement_dock = dock
            self.add_panel(dock, Qt.DockWidgetArea.BottomDockWidgetArea, 300)
            dock.setWindowTitle(self.tr("Agreement"))
        panel = self.agreement_dock.widget()
        assert isinstance(panel, AgreementPanel)
        self.agreement_dock.show()
        panel.schema, panel.language = self.session.project.schema, self.language
        panel.compute(self.session.project)
        panel.focus_documents()
        return True

    def show_analysis(self) -> QDialog | None:
        """Project ▸ Analysis: charts of the coded claims, the claims table and networks."""
        if self.session is None:
            self.show_error(self.tr("Analysis works on a project: open one with File ▸ Open project."))
            return None
        from .analysis_dialog import AnalysisDialog

        self.checkpoint()
        if self._analysis is not None:
            self._analysis.close()
        dialog = AnalysisDialog(self.session.project, self.language, self, coder=self.session.annotator)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "_analysis", None))
        self._analysis = dialog
        dialog.show()
        return dialog

    def _taken_over(self) -> str | None:
        """Why this window may no longer write its file: another window took its lock over
        (its user answered "Open it here anyway"). Asked by the store before it starts a
        journal or writes the file, so that the window told to close without saving never
        overwrites the other's edits, and says so at the edit."""
        lock = self._file_lock if self._file_lock is not None else (self.session.lock if self.session else None)
        holder = lock.taken_over() if lock is not None else None
        if holder is None:
            return None
        return self.tr(
            "another window (%1) took this file over; this window no longer saves it. Close it, or keep "
            "what you did here with Save As"
        ).replace("%1", self._file_name(holder.describe()))  # isolated in the Persian sentence

    def decide_foreign(
        self, exc: ForeignFileError, reopen: Callable[[str], tuple[AnnotationStore, str]]
    ) -> tuple[AnnotationStore, str]:
        """An annotation file that is another document's (or mostly does not fit this text)
        was left as it is: ask what to do. Keep it aside and start afresh, re-anchor it
        anyway (`reopen("reanchor")`), or not open the document (exc is raised again, for
        the caller's one line). Returns the store and what opening said."""
        from ..io.store import set_aside_annotations

        choice = self.ask_foreign(self.foreign_message(exc))
        if choice == "reanchor":
            return reopen("reanchor")
        if choice != "aside":
            raise exc
        aside = set_aside_annotations(exc.path)  # OSError: said by the caller
        store, message = reopen("")
        kept = self.tr("The annotation file %1 was kept aside as %2; this document starts without annotations.")
        kept = kept.replace("%1", self._file_name(exc.path.name)).replace("%2", self._file_name(aside.name))
        return store, " ".join(part for part in (kept, message) if part)

    def foreign_message(self, exc: ForeignFileError) -> str:
        """The store's one line, said in the interface's language."""
        if exc.other:
            said = self.tr("This annotation file is for document %1, not %2; it was left as it is.")
            said = said.replace("%1", self._file_name(exc.other)).replace("%2", self._file_name(exc.this))
        else:
            said = self.tr(
                "The text of %1 is not the one these annotations were made on: only %2 of %3 spans "
                "could be placed on it; the file was left as it is."
            )
            said = said.replace("%1", self._file_name(exc.this)).replace("%2", number(exc.placed))
            said = said.replace("%3", number(exc.total))
        return f"{self._file_name(str(exc.path))}\n{said}"

    def ask_foreign(self, message: str) -> str:
        """Keep the file aside ("aside"), re-anchor it anyway ("reanchor") or leave it and
        do not open the document ("")."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Annotations of another document"), message, parent=self)
        box.setObjectName("foreignQuestion")
        box.setInformativeText(
            self.tr(
                "Nothing was written. Keep it aside: the file is renamed (nothing is deleted) and this "
                "document starts without annotations. Re-anchor anyway: its spans are moved onto this "
                "text where they fit and the rest are kept in the file as unplaced; the file then belongs "
                "to this document. Cancel: the document is not opened."
            )
        )
        aside = box.addButton(self.tr("Keep it aside, start afresh"), QMessageBox.ButtonRole.AcceptRole)
        aside.setObjectName("foreignAside")
        anyway = box.addButton(self.tr("Re-anchor anyway"), QMessageBox.ButtonRole.DestructiveRole)
        anyway.setObjectName("foreignReanchor")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return "aside" if clicked is aside else "reanchor" if clicked is anyway else ""

    def ask_take_over(self, reason: str) -> bool:
        """Another window holds this project for this annotator: open anyway only if asked."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Project in use"),
            self.tr("%1\n\nOpen it here anyway? The other window must then be closed without saving.").replace(
                "%1", reason
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # a live window's edits are at stake: Enter keeps them
        )
        return answer == QMessageBox.StandardButton.Yes

    def new_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..io.project import Project, ProjectError

        # a name typed for a folder that does not exist yet is made (the folder chooser
        # only took existing folders: "Directory not found" for a new project's name)
        folder, _ = QFileDialog.getSaveFileName(
            self, self.tr("New project in folder"), str(Path.home() / self.tr("new-project"))
        )
        if not folder:
            return
        try:
            Project.create(folder, Path(folder).name)
        except ProjectError as exc:
            self.show_error(str(exc))
            return
        if self.open_project(folder) and self.session is not None:
            self.session.import_files()

    def choose_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Open project"), str(Path.home()))
        if folder:
            self.open_project(folder)

    def show_store(self, store: AnnotationStore, path: Path, title: str = "") -> bool:
        """Show a document already opened into a store (projects open theirs themselves)."""
        self.build_rest()
        if not self.close_document():
            store.detach()
            return False
        self._attach(store, path, title)
        return True

    def _attach(self, store: AnnotationStore, path: Path, title: str = "") -> None:
        self.store = store
        store.guard = self._taken_over  # a window whose lock another took over writes nothing more
        self.path = path
        self._title = title or path.name
        aset = store.aset
        aset.locked_when_done = True  # marked done: read-only here until reopened (refuse_if_done)
        if aset.annotator in ("", DEFAULT_ANNOTATOR) and not self.curating():
            aset.annotator = self.annotator  # written with the next save: every file names its coder
        self.view.set_annotations(aset)
        self.label_palette.set_schema(aset.schema, self.language)
        self._disk_watch.start()
        if store.needs_checkpoint:  # edits a journal brought back: in the file shortly, as any edit
            self._checkpoint_timer.start()
        if self._built:
            self._attach_rest(aset)
        else:  # the program's start: the rest is shown the document when built (build_rest)
            self.header.show_document(aset.document, self.language)
            self.refresh_state()
        # hazm's tokenizer (snapping to words) loads in a worker once the article is painted
        self.view.after_next_paint(warm_up_in_background)

    def _attach_rest(self, aset: AnnotationSet) -> None:
        self.table.span_model.set_annotations(aset)
        aset.subscribe(self._on_change)  # after the view and the list: it reads what they show
        self.claims.attach(aset)
        self._show_note(self.current_span_id())  # not the previous document's span's note
        self._build_label_actions()
        self._build_menus()
        self.refresh_state()

    def close_document(self) -> bool:
        """Save and let go of the current document; False if the user chose to stay."""
        if self.store is None:
            return True
        self._checkpoint_timer.stop()
        self.take_in_disk_changes()
        try:
            self.store.close()
        except OSError as exc:
            if not self._ask_unsaved(cannot_save(self.store.path, exc)):
                return False
            self.store.discard()  # discarded: its journal is kept aside, never replayed
        self._let_go()
        return True

    def drop_document(self) -> None:
        """Stop showing the document without writing anything more (its edits are on disk)."""
        if self.store is not None:
            self._checkpoint_timer.stop()
            self.store.detach()
            self._let_go()

    def _let_go(self) -> None:
        assert self.store is not None
        self._disk_watch.stop()
        self.build_rest()  # a document let go before its window was built: all is let go alike
        self.store.aset.unsubscribe(self._on_change)
        if self.view.annotations is self.store.aset:  # else it shows the next one's first frame
            self.view.set_annotations(None)
        self.table.span_model.set_annotations(None)
        self.store = None
        self.path = None
        if self._file_lock is not None:
            self._file_lock.release()
            self._file_lock = None
        if self.session is not None:
            self.session.doc_id = ""
        self.claims.attach(None)
        self.refresh_state()

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open article"),
            str(self.path.parent if self.path else Path.home()),
            self.tr("Articles and annotations (*.txt *.json);;All files (*)"),
        )
        if name:
            self.open(name)

    # ---- editing -----------------------------------------------------------------------

    @contextlib.contextmanager
    def _key_edit(self) -> Iterator[None]:
        """An edit from a key press (or a click): applied in memory and its journal line
        written, then the frame showing it painted, and only then fsynced, before the key
        handler returns (store.sync_after; docs/reliability.md): the user sees the edit
        without waiting for the disk, and no acknowledged edit is lost."""
        store = self.store
        if store is None:
            yield
            return
        self.take_in_disk_changes()  # the edit applies to the file as it is now
        with self.claims.held(), store.sync_after():  # the inspector follows the fsync
            # the span list's repaint (its new row, scrolled to) is not what the user looks
            # at when pressing a key in the article: it follows at the next turn of the loop
            self.table.setUpdatesEnabled(False)
            try:
                yield
                self.view.paint_now()
            except DocumentDone:  # any edit of a document marked done: said, nothing changed
                self.show_status(self.done_message())
            finally:
                self.table.setUpdatesEnabled(True)
        self._warn_if_not_durable()

    DONE_KEY = "Ctrl+Return"  # act_done's first shortcut: what reopens a document marked done

    def done_message(self) -> str:
        return self.tr("This document is marked done: %1 reopens it for editing").replace("%1", self.DONE_KEY)

    def refuse_if_done(self) -> bool:
        """A document marked done is read-only here until it is reopened (INCEpTION locks a
        finished document for its annotator too): every editing path asks this first. True,
        with the way to reopen it said in the status bar, when the edit is refused."""
        aset = self.annotations
        if aset is None or not aset.is_locked():
            return False
        self.show_status(self.done_message())
        self.view.setFocus()
        return True

    def apply_label(self, label_id: str) -> None:
        """With text selected: tag it. Otherwise: relabel the current span (asking first
        when that would remove links, see relabel_question)."""
        if self.refuse_if_done():
            return
        aset = self.annotations
        span_id = self.current_span_id()
        if aset is not None and span_id and self.view.selection_range() is None:
            from .relabel_question import confirm_relabel

            if not confirm_relabel(self, aset, span_id, label_id, self.language):
                self.show_status(self.tr("Not relabelled: its links are kept"))
                self.view.setFocus()
                return
        with self._key_edit():
            self._apply_label(label_id)

    def _apply_label(self, label_id: str) -> None:
        aset = self.annotations
        if aset is None:
            return
        selection = self.view.selection_range()
        if selection is not None:
            # a key pressed before the article's first frame started hazm's warm-up asks for
            # it now (started after this key's frame): it snaps with the simple splitter
            warm_up_in_background(lambda start: QTimer.singleShot(0, start))
            span = tag_selection(aset, label_id, selection[0], selection[1], self.settings.snap_to_words)
            if span is None:
                self.show_status(self.tr("Nothing to tag in the selection"))
                return
            self.view.clear_selection()
            self._set_current(span.id)
        elif self.current_span_id():
            from .relabel_question import describe_links

            dropped = aset.relabel_drops(self.current_span_id(), label_id)
            self._set_current(aset.relabel_span(self.current_span_id(), label_id).id)
            if dropped:  # said even after the question: what went, and how to get it back
                self.show_status(
                    self.tr("Relabelled; removed %1 (Ctrl+Z brings them back)").replace(
                        "%1", describe_links(aset.schema, dropped, self.language)
                    )
                )
        else:
            self.show_status(self.tr("Select some text first (drag, double-click or Shift+arrows)"))
        self.view.setFocus()

    def current_span_id(self) -> str:
        aset = self.annotations
        current = self.view.current_span()
        return current if aset is not None and current and aset.has_span(current) else ""

    def delete_current(self) -> None:
        if self.refuse_if_done():
            return
        with self._key_edit():
            self._delete_current()

    def _delete_current(self) -> None:
        aset = self.annotations
        span_id = self.current_span_id()
        if aset is None or not span_id:
            self.show_status(self.tr("Click a span or choose it in the list to delete it"))
            return
        row = self.table.span_model.row_of(span_id)
        aset.remove_span(span_id)
        neighbour = self.table.span_model.span_at(min(row, self.table.span_model.rowCount() - 1))
        self._set_current(neighbour.id if neighbour else "", reveal=False)

    def show_span_menu(self, span_id: str, position: QPoint) -> None:
        if self.annotations is not None and self.annotations.has_span(span_id):
            self._set_current(span_id, reveal=False)
            if self.refuse_if_done():  # its every entry edits (note, relabel, links, delete)
                return
            from .span_menu import SpanMenu

            menu = SpanMenu(self, self.annotations, span_id, self.language)
            menu.noteRequested.connect(lambda sid: (self.make_current(sid), self.focus_note()))
            menu.deleteRequested.connect(lambda sid: (self.make_current(sid), self.delete_current()))
            menu.relabelRequested.connect(self._relabel_from_menu)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(position)

    def place_unplaced(self, span_id: str | None = None) -> None:
        """Put a span that re-anchoring could not place back at the selected text."""
        from PySide6.QtWidgets import QInputDialog

        store = self.store
        selection = self.view.selection_range()
        if store is None or not store.unplaced or self.refuse_if_done():
            return
        if selection is None:
            self.show_status(self.tr("Select the text the span belongs to first"))
            return
        if span_id is None:
            choices = {f"{isolated(self._label_name(s.label))}: {rtl(clip(s.text, 60))}": s.id for s in store.unplaced}
            name, ok = QInputDialog.getItem(
                self, self.tr("Place an unplaced span"), self.tr("Span"), list(choices), 0, False
            )
            if not ok:
                return
            span_id = choices[name]
        found = selection_to_span_range(store.aset.text, selection[0], selection[1], self.settings.snap_to_words)
        if found is None:
            return
        span = store.place_unplaced(span_id, *found)
        self.view.clear_selection()
        self._set_current(span.id)
        self._build_menus()

    def relabel(self, span_id: str, label_id: str) -> None:
        """Relabel a span (the span menu's Relabel as), as the keys do: asking first when
        that would remove links."""
        if self.annotations is not None and self.annotations.has_span(span_id):
            self.view.clear_selection()
            self.make_current(span_id)
            self.apply_label(label_id)

    def _relabel_from_menu(self, span_id: str, label_id: str) -> None:
        aset = self.annotations
        if aset is not None and aset.has_span(span_id) and aset.relabel_drops(span_id, label_id):
            # the question comes once the menu has closed (and gone: it deletes itself),
            # not inside its click
            QTimer.singleShot(0, lambda: self.relabel(span_id, label_id))
        else:
            self.relabel(span_id, label_id)

    def make_current(self, span_id: str) -> None:
        """Make a span the current one (in the article and the list) without scrolling."""
        self._set_current(span_id, reveal=False)

    TAG_ALL_KEY = "Ctrl+T"  # the search panel's "Tag all results as" (its tooltip says it)

    def _tag_all_results(self) -> None:
        """Edit ▸ Tag all search results (Ctrl+T): the search panel's button from the
        keyboard, wherever the focus is; before any search, says how to make one."""
        panel = self.search if self._built else None
        if panel is None or not panel.isVisible() or not panel.hits:
            self.show_status(
                self.tr("Search first (%1, or %2 in a project): %3 then tags every result")
                .replace("%1", "Ctrl+F")
                .replace("%2", "Ctrl+Shift+F")
                .replace("%3", self.TAG_ALL_KEY)
            )
            return
        panel.tag_all.click()

    def focus_note(self) -> None:
        if self.current_span_id():
            self.note_edit.setFocus()
            self.note_edit.selectAll()
        elif self.annotations is not None:
            # N did nothing and said nothing: the note typed next went to the article
            self.show_status(
                self.tr("%1 edits the note of the current span: click a span or choose it in the list first").replace(
                    "%1", "N"
                )
            )

    def _commit_note(self) -> None:
        aset = self.annotations
        span_id = self.current_span_id()
        if aset is not None and span_id and self.note_edit.isEnabled():
            if aset.span(span_id).note != self.note_edit.text().strip() and self.refuse_if_done():
                self.note_edit.setText(aset.span(span_id).note)
                return
            aset.set_note(span_id, self.note_edit.text().strip())
            if self.note_edit.hasFocus():
                self.view.setFocus()

    def undo(self) -> None:
        if self.annotations is not None:
            command = self.annotations.undo_stack.peek_undo()
            with self._key_edit(), self._current_follows_step(command.inverse_ops() if command else ()):
                self.annotations.undo()
            if command is not None:  # says what was undone (a "Spans added" left there would mislead)
                self.show_status(self.tr("Undone: %1").replace("%1", self.command_name(command)))

    def redo(self) -> None:
        if self.annotations is not None:
            command = self.annotations.undo_stack.peek_redo()
            with self._key_edit(), self._current_follows_step(command.ops if command else ()):
                self.annotations.redo()
            if command is not None:
                self.show_status(self.tr("Redone: %1").replace("%1", self.command_name(command)))

    @contextlib.contextmanager
    def _current_follows_step(self, ops: Sequence[Op]) -> Iterator[None]:
        """After an undo or redo, the span the step brought back (a redone add, an undone
        delete) is current, as after the add itself: a note typed with N right after a redo
        went nowhere (no span was current) and the article took the keys. A step that
        brings back none (a span replaced under its own id, as a relabel does, is not brought
        back) leaves the current span as the edit left it. Found from the step's own
        operations: comparing every span before and after took 15 ms at 20,000 spans."""
        from ..model.commands import AddSpan, RemoveSpan

        replaced = {op.span.id for op in ops if isinstance(op, RemoveSpan)}
        back = [op.span for op in ops if isinstance(op, AddSpan) and op.span.id not in replaced]
        aset = self.annotations
        yield
        if back and aset is not None and aset is self.annotations:
            self._set_current(min(back, key=lambda s: (s.start, s.end)).id)  # shown, as an add shows it

    def _toggle_snap(self, checked: bool) -> None:
        self.settings.snap_to_words = checked
        self.settings.save()

    def _set_current(self, span_id: str, reveal: bool = True) -> None:
        self.view.set_current_span(span_id, reveal=reveal)
        self.table.select_span(span_id)
        self._show_note(span_id)
        self.claims.current_changed()

    def reveal_span(self, span_id: str) -> None:
        """Make a span current and scroll the article to it."""
        self._set_current(span_id, reveal=True)

    def schema_changed(self) -> None:
        """The labels changed (a schema edit or its undo): palette, keys and menus follow."""
        aset = self.annotations
        if aset is not None:
            self.label_palette.set_schema(aset.schema, self.language)
        self.table.span_model.retranslate(self.language)
        self._build_label_actions()
        self._build_menus()

    def _on_span_clicked(self, span_id: str) -> None:
        self._set_current(span_id, reveal=False)

    def _on_table_current(self, span_id: str) -> None:
        self.view.set_current_span(span_id)
        self._show_note(span_id)
        self.claims.current_changed()

    def _show_note(self, span_id: str) -> None:
        aset = self.annotations
        has = bool(aset is not None and span_id and aset.has_span(span_id))
        self.note_edit.setEnabled(has)
        self.note_edit.setReadOnly(aset is not None and aset.is_locked())
        self.note_edit.setText(aset.span(span_id).note if has and aset is not None else "")

    def _warn_if_not_durable(self) -> None:
        if self.store is not None and not self.store.durable and not self._warned_not_durable:
            self._warned_not_durable = True
            self.show_error(self.store.last_error or self.tr("Your last edit could not be written to disk."))
        elif self.store is not None and self.store.durable:
            self._warned_not_durable = False

    def _on_change(self, change: Change) -> None:
        self._checkpoint_timer.start()
        self._warn_if_not_durable()  # a key edit's fsync comes later: _key_edit asks again
        current = self.current_span_id()
        if not current and self.view.current_span():
            self.view.set_current_span("", reveal=False)
        # an edit replaces the span's row in the list (a note, a relabel): the row that
        # took its place must not become the current span
        self.table.select_span(current)
        self._show_note(current)
        self.refresh_state()

    # ---- saving ------------------------------------------------------------------------

    def checkpoint(self) -> bool:
        """Write the whole file now (Ctrl+S, and shortly after each edit)."""
        if self.store is None:
            return True
        self._checkpoint_timer.stop()
        self.take_in_disk_changes()
        try:
            self.store.save()
        except OSError as exc:
            self.show_error(
                self.tr("Cannot save %1: %2\nYour work is kept in memory; use Save As to save it elsewhere.")
                .replace("%1", str(self.store.path))
                .replace("%2", exc.strerror or str(exc))
            )
            self.refresh_state()
            return False
        # a big article takes a while to rewrite: wait for a longer pause before the next
        # checkpoint (1 ms a KB: 4 s for a 4 MB file), so that typing never stutters; every
        # edit is in the journal meanwhile. By size, not by the time the last save took,
        # so that a busy disk does not push checkpoints out.
        try:
            size_kb = self.store.path.stat().st_size // 1000
        except OSError:
            size_kb = 0
        self._checkpoint_timer.setInterval(min(CHECKPOINT_DELAY_MS + size_kb, 10_000))
        self.refresh_state()
        return True

    def _look_at_disk(self) -> None:
        """Every few seconds: the open file, and the project's list of documents, as other
        programs left them (take_in_disk_changes, ProjectSession.follow_catalogue)."""
        self.take_in_disk_changes()
        if self.session is not None:
            self.session.follow_catalogue()

    def take_in_disk_changes(self) -> bool:
        """Bring in what another program saved to the open annotation file since this
        window read or wrote it (a synced folder bringing the coder's other computer's
        version): merged with the edits made here, written, said in the status bar, and
        one step Ctrl+Z takes back (AnnotationStore.take_in_disk_changes). True if it did."""
        store = self.store
        if store is None or self.read_only:
            return False
        try:
            merge = store.take_in_disk_changes()
        except OSError as exc:
            self.show_status(cannot_save(store.path, exc))
            self.refresh_state()
            return False
        if merge is None:
            return False
        self._took_in(merge)
        return True

    def _took_in(self, merge: Any) -> None:
        text = self.tr(
            "The annotation file was changed by another program (a synced folder?): its changes are "
            "taken in (%1 added, %2 removed, %3 changed, %4 links); Ctrl+Z takes them back."
        )
        for i, figure in enumerate((merge.added, merge.removed, merge.changed, merge.relations), start=1):
            text = text.replace(f"%{i}", number(figure))
        if merge.kept_ours:
            text += " " + self.tr("%1 spans changed both here and there: yours are kept.").replace(
                "%1", number(merge.kept_ours)
            )
        if merge.kept_as:
            text += " " + self.tr("The other version is kept as %1.").replace("%1", isolated(merge.kept_as))
        self.show_status(text)
        self.refresh_state()

    def save_as(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.store is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save annotations as"),
            str(self.store.path),
            self.tr("Annotations (*.json)"),
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        if self.store is None:
            return False
        try:
            self.store.save_as(path)
        except OSError as exc:
            self.show_error(
                self.tr("Cannot save %1: %2").replace("%1", str(path)).replace("%2", exc.strerror or str(exc))
            )
            return False
        self.path = path
        self.refresh_state()
        return True

    def _ask_unsaved(self, reason: str) -> bool:
        """Saving failed on close: offer Save As, Discard or Cancel. True to go on closing."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Unsaved work"),
            self.tr("Your annotations could not be saved:\n%1").replace("%1", reason),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        choice = box.exec()
        if choice == QMessageBox.StandardButton.Save:
            self.save_as()
            return self.store is not None and not self.store.needs_checkpoint
        return choice == QMessageBox.StandardButton.Discard

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # the label palette wraps onto more (or fewer) rows at the new width: its tool bar
        # and the panels under it follow now, in the frame that shows the new width (its
        # request went through the event loop, one turn a level: a frame was painted with
        # the new row cut off under the panels)
        palette = self.label_palette
        for _ in range(4):  # the palette's request, its tool bar's, the window's
            if palette.height() == palette.heightForWidth(palette.width()):
                break
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.build_rest()  # the layout saved names every panel
        if self.close_document():
            self._remember_layout()
            self._close_session()  # lets go of the project's lock
            self.settings.save()
            event.accept()
        else:
            event.ignore()

    # ---- view --------------------------------------------------------------------------

    def zoom(self, step: int) -> None:
        size = Settings().font_size if step == 0 else self.settings.font_size + step
        self.settings.font_size = max(8, min(size, 48))
        self.view.set_font_size(self.settings.font_size, font_family())
        self.settings.save()

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        apply_theme(theme)
        self.settings.save()
        self.view.refresh_highlights(restyle=True)

    def show_shortcuts(self) -> ShortcutsDialog:
        """Every key, from the menus themselves (F1)."""
        from .shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.show()
        return dialog

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from .. import __version__

        QMessageBox.about(
            self,
            self.tr("About annotator"),
            self.tr("annotator %1\nAnnotate Persian news: actors, locations and claims.").replace("%1", __version__),
        )

    # ---- state shown ------------------------------------------------------------------

    def curating(self) -> bool:
        return self._curating

    def refresh_state(self) -> None:
        aset = self.annotations
        stack = aset.undo_stack if aset else None
        if self._built:
            self.act_undo.setEnabled(bool(stack and stack.can_undo()))
            self.act_redo.setEnabled(bool(stack and stack.can_redo()))
            undo_cmd = stack.peek_undo() if stack else None
            redo_cmd = stack.peek_redo() if stack else None
            self.act_undo.setText(self.tr("&Undo %1").replace("%1", self.command_name(undo_cmd)).strip())
            self.act_redo.setText(self.tr("&Redo %1").replace("%1", self.command_name(redo_cmd)).strip())
        unsaved = bool(self.store and (self.store.needs_checkpoint or not self.store.durable))
        name = self._title if self.path else self.tr("No article")
        if self.read_only:
            name = self.tr("%1 (read-only)").replace("%1", name)
        who = self.annotator
        if self.curating():
            who = self.tr("curating as %1").replace("%1", who)
        self.setWindowTitle(f"{name}[*] — {who} — annotator")  # Qt shows [*] as * while modified
        self.setWindowModified(unsaved)
        if aset is not None:
            status = {
                "new": self.tr("new"),
                "in_progress": self.tr("in progress"),
                "done": self.tr("done"),
            }[aset.status.value]
            text = self.tr("Spans: %1 · %2").replace("%1", number(aset.span_count())).replace("%2", status)
            if self.session is not None:
                text = f"{self.session.progress_text()} · {text}"
            self.status_label.setText(text)
        else:
            self.status_label.setText("")
        self.header.set_done(aset is not None and aset.is_locked(), self.DONE_KEY)

    def command_name(self, command: Command | None) -> str:
        """The edit's name in the interface language."""
        if command is None:
            return ""
        aset = self.annotations
        subject = aset.schema.label_name(command.subject, self.language) if aset else command.subject
        if command.kind == "attribute" and aset is not None:  # its subject is the attribute's id
            names = [d.name(self.language) for d in aset.schema.attributes if d.id == command.subject]
            subject = next((name for name in names if name), command.subject)
        if command.kind == "add_many":  # a count (Persian digits in the Persian interface)
            count = int(command.subject) if str(command.subject).isdigit() else 0
            return counted(count, self.tr("Tag %1 result"), self.tr("Tag %1 results"))
        names = {
            "add": self.tr("Add %1"),
            "delete": self.tr("Delete %1"),
            "relabel": self.tr("Relabel as %1"),
            "note": self.tr("Edit note"),
            "attribute": self.tr("Set %1"),
            "resize": self.tr("Resize span"),
            "relation_add": self.tr("Add relation"),
            "relation_delete": self.tr("Delete relation"),
            "status": self.tr("Change status"),
            "accept": self.tr("Accept the version of %1"),
            "reject": self.tr("Reject"),
            "entity": self.tr("Link entity"),
            "entity_unlink": self.tr("Unlink entity"),
            "entity_many": self.tr("Relink mentions"),
            "schema": self.tr("Edit labels and attributes"),
            "document": self.tr("Edit document details"),
            "absorb": self.tr("Changes saved by another program"),
        }
        template = names.get(command.kind)
        return template.replace("%1", subject) if template else command.name

    def show_status(self, text: str) -> None:
        self.last_message = text
        self.statusBar().showMessage(self._status_line(self._in_direction(text)), 5000)

    def _in_direction(self, text: str) -> str:
        """A message laid out for the interface's direction (bidi.message_in_direction)."""
        return message_in_direction(text, self.language == "fa")

    def _status_line(self, text: str) -> str:
        """A message of several lines as one status line (its lines ran together there, and
        the bar cut the end off at its edge): joined with " · ", elided to the room left
        beside the permanent status; the whole text is in the box or in last_message."""
        joined = " · ".join(line.strip() for line in text.splitlines() if line.strip())
        bar = self.statusBar()
        room = bar.width() - self.status_label.sizeHint().width() - 40  # margins and the size grip
        return bar.fontMetrics().elidedText(joined, Qt.TextElideMode.ElideRight, max(room, 200))

    def show_error(self, text: str) -> None:
        """A clear message, never a traceback; non-modal so nothing waits on it."""
        from PySide6.QtWidgets import QMessageBox

        self.last_message = text
        shown = self._in_direction(text)
        self.statusBar().showMessage(self._status_line(shown), 10000)
        if self.isVisible():
            self._message_box(QMessageBox.Icon.Warning, shown)

    def show_info(self, text: str) -> None:
        """Something the user must know (e.g. what was recovered), without blocking."""
        from PySide6.QtWidgets import QMessageBox

        self.show_status(text)
        if not self.isVisible():
            self._untold.append(text)  # said when the window shows (opened before it was shown)
        else:
            self._message_box(QMessageBox.Icon.Information, self._in_direction(text))

    def _message_box(self, icon: Any, text: str) -> None:
        """A message in a box the user closes, non-modal: the window stays usable."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(icon, "annotator", text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
