"""What a new user meets in the window (issue 14): room for the article, panels that open,
hide and keep their sizes, the span menu wherever a span is right-clicked, notes that keep
the current span."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QTextLine
from PySide6.QtWidgets import QApplication, QDockWidget

from annotator.ui import MainWindow
from annotator.ui.settings import Settings

from .conftest import double_click_word, type_text, wait_saved
from .test_window import open_sample, sample_paths


def glyph_center(view: Any, cp: int) -> QPoint:
    """The middle of the glyph of the character at cp, in viewport coordinates, from the
    text layout's own edges of that character (right however bidi orders the line)."""
    qt = view.to_qt(cp)
    block = view.document().findBlock(qt)
    layout = block.layout()
    line = layout.lineForTextPosition(qt - block.position())
    x1, _ = line.cursorToX(qt - block.position(), QTextLine.Edge.Leading)
    x2, _ = line.cursorToX(qt - block.position(), QTextLine.Edge.Trailing)
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    x = origin.x() + layout.position().x() + (x1 + x2) / 2
    y = origin.y() + layout.position().y() + line.y() + line.height() / 2
    return QPoint(round(x), round(y))


def tag(window: MainWindow, label: str, phrase: str) -> str:
    aset = window.annotations
    assert aset is not None
    start = aset.text.index(phrase)
    return aset.add_span(label, start, start + len(phrase)).id


def test_right_click_anywhere_inside_a_span_gives_its_menu(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sample(window)
    claim = tag(window, "claim", "این حمله را با یک پهپاد انجام داده است")
    actor = tag(window, "actor", "گروه مقاومت اسلامی عراق")
    location = tag(window, "location", "پایگاه «قسرک»")
    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "show_span_menu", lambda self, span_id, pos: asked.append(span_id))
    window.view.spanMenuRequested.disconnect()
    window.view.spanMenuRequested.connect(lambda span_id, pos: window.show_span_menu(span_id, pos))
    stock: list[int] = []
    monkeypatch.setattr(
        type(window.view).__mro__[1], "contextMenuEvent", lambda self, event: stock.append(1)
    )  # Qt's own Copy / Select All menu
    aset = window.annotations
    assert aset is not None
    for span_id in (claim, actor, location):
        span = aset.span(span_id)
        window.view.ensure_visible(span.start)
        for cp in range(span.start, span.end):
            asked.clear()
            point = glyph_center(window.view, cp)
            event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, window.view.viewport().mapToGlobal(point))
            QApplication.sendEvent(window.view.viewport(), event)
            assert asked and asked[-1] in {s.id for s in aset.spans_at(cp)}, (span.text, cp - span.start)
    assert stock == []


def test_enter_in_the_note_keeps_the_current_span(qtbot: Any, window: MainWindow) -> None:
    text = open_sample(window)
    for word, key in (("بغداد", Qt.Key.Key_2), ("السودانی", Qt.Key.Key_1), ("واشنگتن", Qt.Key.Key_2)):
        double_click_word(qtbot, window.view, text.index(word) + 1)
        qtbot.keyClick(window.view, key)
    aset = window.annotations
    assert aset is not None
    for round_ in range(3):
        for word in ("بغداد", "السودانی", "واشنگتن"):
            span = next(s for s in aset.spans() if s.text == word)
            window.make_current(span.id)
            qtbot.keyClick(window.view, Qt.Key.Key_N)
            assert window.note_edit.hasFocus()
            type_text(window.note_edit, f"{round_}")
            qtbot.keyClick(window.note_edit, Qt.Key.Key_Return)
            assert window.current_span_id() == span.id, (round_, word)
            assert window.table.current_span_id() == span.id
            assert aset.span(span.id).note == f"{round_}"  # N selects the old note: typing replaces it
    wait_saved(qtbot, sample_paths()[1], lambda d: [s["note"] for s in d["spans"]] == ["2"] * 3)


def test_escape_closes_the_search_panel(qtbot: Any, window: MainWindow) -> None:
    open_sample(window)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.searching.dock.isVisible()
    assert window.search.query.hasFocus()
    type_text(window.search.query, "عراق")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert window.search.hits
    qtbot.keyClick(window.search.query, Qt.Key.Key_Escape)
    assert not window.searching.dock.isVisible()
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.search.results.setFocus()
    qtbot.keyClick(window.search.results, Qt.Key.Key_Escape)
    assert not window.searching.dock.isVisible()


def test_the_article_has_most_of_the_width_in_project_mode(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    from annotator.io.project import Project

    project = Project.create(tmp_path / "p", "p")
    article = tmp_path / "a.txt"
    article.write_text("متن یک خبر.", encoding="utf-8")
    project.import_sources([str(article)])
    assert window.open(tmp_path / "p")
    qtbot.waitUntil(lambda: window.session is not None and window.session.dock.isVisible())
    window.resize(1280, 800)
    QApplication.processEvents()
    panels = [window.session.dock, window.spans_dock]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: all(window.view.width() > p.width() for p in panels))
    assert window.view.width() > sum(p.width() for p in panels) * 0.8
    assert not window.searching.dock.isVisible()  # nothing searched: no search panel
    documents = window.session.list  # type: ignore[union-attr]
    window.resizeDocks([window.session.dock], [200], Qt.Orientation.Horizontal)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.session.dock.width() < 260)  # type: ignore[union-attr]
    assert documents.table.columnWidth(0) >= documents.TITLE_MIN  # titles are never squeezed away


def test_panels_hide_from_the_view_menu_and_keep_their_sizes(qtbot: Any, window: MainWindow) -> None:
    open_sample(window)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "View" in a.text())
    panels = next(a.menu() for a in view_menu.actions() if a.menu() and a.text() == "Panels")
    toggles = {a.text(): a for a in panels.actions()}
    assert {"Spans", "Search"} <= set(toggles)
    toggles["Spans"].trigger()
    assert not window.spans_dock.isVisible()
    toggles["Spans"].trigger()
    assert window.spans_dock.isVisible()
    window.resizeDocks([window.spans_dock], [520], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(window.spans_dock.width() - 520) < 10)
    window.close()
    again = MainWindow(Settings.load())
    qtbot.addWidget(again)
    again.resize(window.size())  # (the offscreen screen is smaller than a real one)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: abs(again.spans_dock.width() - 520) < 10)
    again.close()


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty"), (b"  \n\n", "empty"), (b"\x00\x01\x02binary\xff\xfe" * 40, "binary"), (None, "missing")],
)
def test_a_file_that_cannot_be_opened_leaves_the_open_article_alone(
    qtbot: Any, window: MainWindow, tmp_path: Path, content: bytes | None, problem: str
) -> None:
    text = open_sample(window)
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    assert not window.open(bad)
    assert "bad.txt" in window.last_message and "\n" not in window.last_message.strip()
    assert window.annotations is not None and window.annotations.text == text  # no empty window
    assert not (tmp_path / "bad.annotations.json").exists()


def test_emoji_are_drawn_visibly(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    """An emoji no font here has (a flag, a skin tone) still shows as something: its glyph
    where an emoji font exists, else a box; never a blank gap."""
    from PySide6.QtGui import QImage

    article = tmp_path / "e.txt"
    article.write_text("سلام 👍🏽 دنیا 🇮🇷 و 😀 تمام", encoding="utf-8")
    assert window.open(article)
    qtbot.waitUntil(lambda: window.view.viewport().isVisible())
    image = window.view.viewport().grab().toImage()
    background = window.view.palette().base().color().rgb()
    text = window.annotations.text  # type: ignore[union-attr]
    for emoji in ("👍", "🏽", "🇮", "😀"):
        rect = window.view._char_rect(text.index(emoji)).toAlignedRect().adjusted(-3, 0, 3, 0)
        pixels = {
            image.pixel(x, y)
            for x in range(max(rect.left(), 0), min(rect.right(), image.width() - 1) + 1)
            for y in range(max(rect.top(), 0), min(rect.bottom(), image.height() - 1) + 1)
        }
        assert pixels - {background}, emoji
    assert isinstance(image, QImage)


def test_the_window_has_the_icon(window: MainWindow) -> None:
    assert not window.windowIcon().isNull()
    assert not window.windowIcon().pixmap(32, 32).toImage().isNull()


def _menu_shortcuts(window: MainWindow) -> list[str]:
    from PySide6.QtGui import QKeySequence

    from annotator.ui.shortcuts_dialog import menu_rows

    del menu_rows  # the test reads the menus itself, not through the dialog's code
    keys: list[str] = []

    def walk(menu: Any) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            else:
                keys.extend(k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts())

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    return keys


@pytest.mark.parametrize("language", ["en", "fa"])
def test_f1_lists_every_key_of_the_menus(qtbot: Any, window: MainWindow, language: str) -> None:
    open_sample(window)
    window.set_language(language)
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "shortcutsDialog" and w.isVisible())
    listed = {key for keys in dialog.keys_listed() for key in keys.split("  ")}  # type: ignore[attr-defined]
    assert {"Ctrl+J", "Ctrl+I", "Ctrl+E", "F1", "1", "2", "3", "N", "S"} <= set(_menu_shortcuts(window))
    missing = [key for key in _menu_shortcuts(window) if key not in listed]
    assert missing == []
    titles = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]  # type: ignore[attr-defined]
    if language == "fa":
        assert "میان‌برهای صفحه‌کلید" in dialog.windowTitle()
        # the menus print the keys as the dialog does, as they are on the keyboard (Qt's
        # own Persian made them «کنترل+شیفت»), and Qt's other words stay translated
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QKeySequence

        shown = [
            k.toString(QKeySequence.SequenceFormat.NativeText)
            for top in window.menuBar().actions()
            if top.menu() is not None
            for action in top.menu().actions()  # type: ignore[union-attr]
            for k in action.shortcuts()
        ]
        plain = [k.replace("\u2066", "") for k in shown]
        assert "Ctrl+Shift+F" in plain and not any("کنترل" in k or "شیفت" in k for k in plain), shown
        # in the right-to-left menu, Ctrl++ reads Ctrl++ (not ++Ctrl): laid out right to
        # left as the menu lays it out, "C" stays left of the last "+"
        from PySide6.QtGui import QTextLayout, QTextOption

        zoom_in = next(k for k in shown if k.replace("\u2066", "") == "Ctrl++")
        layout = QTextLayout(zoom_in, window.font())
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        after_c, before_last_plus = zoom_in.index("C") + 1, len(zoom_in) - 1  # (inside runs: unambiguous)
        assert line.cursorToX(after_c)[0] < line.cursorToX(before_last_plus)[0], zoom_in
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "انصراف"
        assert not any(title.isascii() and title.strip() for title in titles), titles
    dialog.close()


def test_the_readme_key_table_names_every_key_of_the_menus(window: MainWindow) -> None:
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| to do this | do this |") :].split("\n\n")[0]
    in_readme = set(re.findall(r"`([^`]+)`", table))
    open_sample(window)
    missing = [k for k in _menu_shortcuts(window) if k not in in_readme]
    assert missing == []


def test_the_persian_interface_writes_counts_in_persian_digits(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    from annotator.io.project import Project

    project = Project.create(tmp_path / "p", "p")
    for i in range(12):
        (tmp_path / f"a{i}.txt").write_text(f"خبر {i} از تهران.", encoding="utf-8")
    project.import_sources([str(tmp_path / f"a{i}.txt") for i in range(12)])
    window.set_language("fa")
    assert window.open(tmp_path / "p")
    aset = window.annotations
    assert aset is not None
    aset.add_span("location", aset.text.index("تهران"), aset.text.index("تهران") + 5)
    status = window.status_label.text()
    assert "۱" in status and "۱۲" in status and not any(c.isascii() and c.isdigit() for c in status), status
    assert window.label_palette.button("actor").text().endswith("(۱)")
    model = window.session.list.model  # type: ignore[union-attr]
    assert model.data(model.index(0, model.COLUMNS.index("spans"))) == "۱"
    window.set_language("en")
    assert window.label_palette.button("actor").text().endswith("(1)")
    assert "Spans: 1" in window.status_label.text()


def test_statistics_are_a_table_laid_out_in_the_interface_direction(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    from annotator.io.project import Project

    project = Project.create(tmp_path / "p", "p")
    (tmp_path / "a.txt").write_text("خبر از تهران.", encoding="utf-8")
    project.import_sources([str(tmp_path / "a.txt")])
    window.set_language("fa")
    assert window.open(tmp_path / "p")
    dialog = window.session.show_statistics()  # type: ignore[union-attr]
    from PySide6.QtWidgets import QTableWidget

    table = dialog.findChild(QTableWidget, "statisticsTable")
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    cells = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert cells["سندها"] == "۱" and cells["تازه"] == "۱"
    dialog.close()


def test_english_strings_keep_persian_snippets_in_order() -> None:
    from annotator.ui.bidi import clip

    assert clip("این حمله را با یک پهپاد انجام داده است", 20) == "این حمله را با یک…"
    assert clip("کوتاه", 20) == "کوتاه"
    assert clip("ب" * 50, 20) == "ب" * 20 + "…"  # one long word: cut where it must


def test_the_search_placeholder_isolates_each_arabic_letter(window: MainWindow) -> None:
    window.set_language("en")
    text = window.search.query.placeholderText()
    assert "\u2068ي\u2069=\u2068ی\u2069" in text and "\u2068ك\u2069=\u2068ک\u2069" in text
    assert text.startswith("Search (")


def test_the_document_list_keeps_its_size_after_a_session_on_a_single_article(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    from annotator.io.project import Project

    (tmp_path / "a.txt").write_text("خبر نخست دربارهٔ تهران.", encoding="utf-8")
    root = tmp_path / "p"
    Project.create(root, "p").import_sources([tmp_path / "a.txt"])

    def documents(win: MainWindow) -> Any:
        return win.findChild(QDockWidget, "documentDock")

    assert window.open_project(root)
    window.resizeDocks([documents(window)], [450], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(documents(window).width() - 450) < 10)
    window.close()
    for step in ("article", "project"):
        again = MainWindow(Settings.load())
        qtbot.addWidget(again)
        again.resize(window.size())
        if step == "article":  # as `annotator ARTICLE` does: open, then show
            open_sample(again)
        again.show()
        qtbot.waitExposed(again)
        if step == "article":  # this window has no document list: it must not forget its size
            assert documents(again) is None or not documents(again).isVisible()
        else:
            assert again.open_project(root)
            qtbot.waitUntil(lambda: abs(documents(again).width() - 450) < 10)  # noqa: B023
        again.close()


def test_statistics_say_when_several_coders_are_added_up_and_keep_each_coders_figures_in_order(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    """The third trial: the spans per label added up every coder's set and the curated one
    without a word (three coders' 3 claims read as 12), and in Persian a coder's "spans ·
    documents done" (۱۰ · ۲) stood as "۲ · ۱۰"."""
    from PySide6.QtWidgets import QTableWidget

    from annotator.io.project import Project
    from annotator.model import Span
    from annotator.ui.bidi import PDI, RLI

    project = Project.create(tmp_path / "p", "p")
    (tmp_path / "a.txt").write_text("خبر از تهران و بغداد.", encoding="utf-8")
    project.import_sources([str(tmp_path / "a.txt")])
    doc_id = project.document_ids()[0]
    for coder, spans in (("ali", [(7, 12), (15, 20)]), ("sara", [(7, 12)])):
        aset = project.load_annotations(doc_id, coder)
        aset.load([Span(f"s{i}", "location", s, e, aset.text[s:e]) for i, (s, e) in enumerate(spans)])
        project.save_annotations(aset)
    window.set_language("fa")
    assert window.open(tmp_path / "p")
    dialog = window.session.show_statistics()  # type: ignore[union-attr]
    table = dialog.findChild(QTableWidget, "statisticsTable")
    cells = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert "بازه‌ها بر پایهٔ برچسب، مجموعه‌های همهٔ کدگذاران روی هم" in cells
    assert cells["ali"] == f"{RLI}۲ · ۰{PDI}" and cells["sara"] == f"{RLI}۱ · ۰{PDI}"
    dialog.close()
