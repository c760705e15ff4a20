"""The program's start builds only what the first frame shows (the article with its spans,
the document's header, the label palette, the panels' places); the span list, the
inspector, search and the menus are built right after that frame, in the same window, or
at once when a key or a click comes first (issue 10; MainWindow(deferred=True), as
ui/app.py makes it). Nothing pressed before is lost, and nothing on screen moves."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QWidget

from annotator.resources import sample_article
from annotator.ui import MainWindow
from annotator.ui.app import make_app

from .conftest import saved


def _article(tmp_path: Path) -> Path:
    article = tmp_path / sample_article().name
    shutil.copyfile(sample_article(), article)  # never the file in seeds/
    return article


def _start(qtbot: Any, article: Path) -> MainWindow:
    """As run_app: the window made deferred, the article opened before it shows."""
    make_app()
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    assert window.open(article), window.last_message
    return window


class FirstPaint(QObject):
    """At the article's first paint: whether the rest was built, and where the view was."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.seen: list[tuple[bool, Any, Any]] = []
        window.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            view = self.window.view
            docks = [self.window.findChild(QWidget, name).geometry() for name in ("spansDock", "inspectorDock")]
            self.seen.append((self.window._built, view.geometry(), docks))
        return False


def test_the_first_frame_comes_before_the_rest_which_is_built_right_after_it(qtbot: Any, tmp_path: Path) -> None:
    article = _article(tmp_path)
    article.with_name(article.stem + ".annotations.json").unlink(missing_ok=True)
    window = _start(qtbot, article)
    assert window.findChild(QWidget, "articleView") is not None
    assert window.findChild(QWidget, "labelPalette") is not None
    assert not window._built  # the rest is not built before the first frame...
    assert window.table.span_model.rowCount() == 0  # ...the span list is there, its rows not yet
    first = FirstPaint(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._built)
    ((built_then, geometry_then, docks_then),) = first.seen[:1]
    assert not built_then  # the first frame was painted before the span list was built
    assert window.view.geometry() == geometry_then  # the article did not move or narrow
    assert [window.findChild(QWidget, name).geometry() for name in ("spansDock", "inspectorDock")] == docks_then
    for name in ("articleView", "labelPalette", "spanTable"):
        assert window.findChild(QWidget, name) is not None
    assert window.findChild(QLineEdit, "noteEdit") is not None
    assert window.claims.inspector_dock.widget().isVisible()
    assert window.table.span_model.annotations is window.annotations  # shows the open document
    qtbot.wait(50)
    assert not window.table.horizontalScrollBar().isVisible()  # its columns fit the width it was built at
    edit_menu = window.menuBar().actions()[1].menu()
    assert isinstance(edit_menu, QMenu) and window.act_undo in edit_menu.actions()
    window._checkpoint_timer.stop()
    window.close()


def _select_word(window: MainWindow, word: str) -> tuple[int, int]:
    assert window.annotations is not None
    start = window.annotations.text.index(word)
    window.view.select_range(start + 1, start + 3)  # inside the word: snapping widens it
    return start, start + len(word)


def test_a_key_pressed_before_the_rest_is_built_is_applied_and_saved(qtbot: Any, tmp_path: Path) -> None:
    article = _article(tmp_path)
    window = _start(qtbot, article)
    window.show()
    window.view.viewport().repaint()  # the first frame; the rest waits for the event loop
    assert not window._built
    start, end = _select_word(window, "السودانی")
    QTest.keyClick(window.view, Qt.Key.Key_1)  # before the event loop has turned once
    assert window.annotations is not None
    assert [(s.label, s.start, s.end) for s in window.annotations.spans_in(start, end)] == [("actor", start, end)]
    assert window.table.span_model.rowCount() == window.annotations.span_count()
    assert window.checkpoint()
    annotations = article.with_name(article.stem + ".annotations.json")
    assert [(s["label"], s["start"], s["end"]) for s in saved(annotations)["spans"]] == [("actor", start, end)]
    window._checkpoint_timer.stop()
    window.close()


def test_a_shortcut_pressed_before_the_rest_is_built_is_not_lost(qtbot: Any, tmp_path: Path) -> None:
    window = _start(qtbot, _article(tmp_path))
    # a window's shortcuts go to the active window, which takes turns of the event loop;
    # so that the key still comes before the rest is built, it is not built after the frame
    window.view._after_paint.remove(window.build_rest)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert not window._built
    window.view.setFocus()
    window.view.select_range(30, 31)
    QTest.keyClick(window.view, Qt.Key.Key_S)  # Edit ▸ Select sentence: an action of the rest
    selection = window.view.selection_range()
    assert selection is not None and selection[0] <= 30 and selection[1] - selection[0] > 20
    window._checkpoint_timer.stop()
    window.close()


def test_a_click_on_the_menu_bar_before_the_rest_is_built_opens_a_full_menu(qtbot: Any, tmp_path: Path) -> None:
    window = _start(qtbot, _article(tmp_path))
    window.view._after_paint.remove(window.build_rest)  # the click comes first (as in the shortcut test)
    window.show()
    qtbot.waitExposed(window)  # the first frame is painted
    qtbot.wait(20)
    assert not window._built
    bar = window.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert len(titles) == 5  # the first frame has the menu bar's titles (and its height)
    height = bar.height()
    edit = bar.actionGeometry(bar.actions()[1]).center()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=edit)
    assert [a.text() for a in bar.actions()] == titles and bar.height() == height
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu) and window.act_undo in popup.actions()
    popup.close()
    window._checkpoint_timer.stop()
    window.close()


def test_closing_before_the_rest_is_built_keeps_every_panel_in_the_saved_layout(qtbot: Any, tmp_path: Path) -> None:
    window = _start(qtbot, _article(tmp_path))
    window.show()
    window.view.viewport().repaint()
    assert not window._built
    window.close()
    state = bytes(QByteArray.fromBase64(window.settings.window_state.encode("ascii")).data())
    for dock in ("spansDock", "inspectorDock", "searchDock", "entitiesDock", "claimsDock"):
        assert dock.encode("utf-16-be") in state, dock  # Qt keeps the docks by name


def test_a_part_of_the_rest_asked_for_before_the_first_frame_is_built_then(qtbot: Any, tmp_path: Path) -> None:
    window = _start(qtbot, _article(tmp_path))
    assert not window._built
    assert window.act_undo is not None and window._built  # asked for: built then, with its document
    assert window.annotations is not None
    assert window.table.span_model.annotations is window.annotations  # the list shows the document
    assert window.claims.inspector_dock.widget() is window.claims.inspector
    full = MainWindow()  # the default: everything at once
    qtbot.addWidget(full)
    assert full._built
    window._checkpoint_timer.stop()
    window.close()
    full.close()


def test_a_key_pressed_before_even_the_first_frame_is_applied(qtbot: Any, tmp_path: Path) -> None:
    article = _article(tmp_path)
    window = _start(qtbot, article)
    window.show()  # not painted yet: no turn of the event loop
    assert not window._built
    start, end = _select_word(window, "بغداد")
    QTest.keyClick(window.view, Qt.Key.Key_2)
    assert window._built  # what the key needed was built for it
    assert window.annotations is not None
    assert [(s.label, s.start, s.end) for s in window.annotations.spans_in(start, end)] == [("location", start, end)]
    assert window.table.span_model.rowCount() == 1
    window._checkpoint_timer.stop()
    window.close()
