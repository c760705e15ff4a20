"""Application-wide look: the bundled Persian font, the interface language, light/dark."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from ..resources import as_file, resource

FALLBACK_FAMILY = "Vazirmatn"
_translators: list[QTranslator] = []
_language = ["en"]  # the interface language installed last
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def current_language() -> str:
    return _language[0]


def persian_digits(text: str) -> str:
    """The text with its Latin digits written as Persian digits."""
    return text.translate(_PERSIAN_DIGITS)


def number(value: object) -> str:
    """A count as the interface writes it: Persian digits in the Persian interface."""
    text = str(value)
    return persian_digits(text) if _language[0] == "fa" else text


def counted(n: int, one: str, many: str) -> str:
    """`one` (already translated, "%1 document added") when n is 1, else `many` ("%1
    documents added"), with n written as the interface writes numbers. English needs the
    two forms; Persian takes the singular after any number, so both translate alike."""
    return (one if n == 1 else many).replace("%1", number(n))


@cache
def font_family() -> str:
    """Register the bundled Vazirmatn once; its family name for the article view."""
    family = FALLBACK_FAMILY
    for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"):
        with as_file(resource("fonts", name)) as path:
            font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family


class _KeyNames(QTranslator):
    """Keeps the key names Qt prints in menus (Ctrl, Shift) as they are printed on the
    keys: Qt's own Persian translation made them «کنترل+شیفت» in the menus while the
    shortcuts list, the README and every keyboard say Ctrl+Shift.  Every other text is
    left to the translators installed before it."""

    # a modifier starts a left-to-right isolate (U+2066, closed by the end of the text): in a
    # right-to-left menu "Ctrl++" and "Ctrl+-" would otherwise print as "++Ctrl" and "-Ctrl"
    # (the trailing "+" and "-" are neutral and take the menu's direction)
    MODIFIERS = frozenset({"Ctrl", "Shift", "Alt", "Meta"})
    LTR_ISOLATE = "\u2066"

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:  # type: ignore[override]
        if context != "QShortcut":
            return None
        return self.LTR_ISOLATE + source if source in self.MODIFIERS else source


def install_language(language: str) -> None:
    """Swap the interface translation (ours and Qt's own dialogs) and the layout direction."""
    _language[0] = language
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if language != "en":
        ours = QTranslator(app)
        with as_file(resource("translations", f"annotator_{language}.qm")) as path:
            if ours.load(str(path)):
                app.installTranslator(ours)
                _translators.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load(
            QLocale(language),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qt_own)
            _translators.append(qt_own)
        keys = _KeyNames(app)  # installed last: asked first
        app.installTranslator(keys)
        _translators.append(keys)
    if isinstance(app, QGuiApplication):
        direction = Qt.LayoutDirection.RightToLeft if language == "fa" else Qt.LayoutDirection.LeftToRight
        app.setLayoutDirection(direction)


_themed = False  # a theme other than the system's was applied in this process


def apply_theme(theme: str) -> None:
    """System palette, or Fusion light/dark so the choice looks the same everywhere."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if theme == "system":
        global _themed
        if _themed:  # back from light or dark; untouched, the application's palette is the system's
            app.setPalette(QApplication.style().standardPalette())
        # (asking for the style at start-up costs 16 ms: PySide makes its wrapper and enums)
        return
    _themed = True
    app.setStyle(QStyleFactory.create("Fusion"))
    palette = app.style().standardPalette()
    if theme == "dark":
        colors = {
            QPalette.ColorRole.Window: "#2b2b2b",
            QPalette.ColorRole.WindowText: "#e6e6e6",
            QPalette.ColorRole.Base: "#1e1e1e",
            QPalette.ColorRole.AlternateBase: "#2a2a2a",
            QPalette.ColorRole.Text: "#e6e6e6",
            QPalette.ColorRole.Button: "#353535",
            QPalette.ColorRole.ButtonText: "#e6e6e6",
            QPalette.ColorRole.Highlight: "#3d6fb4",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#353535",
            QPalette.ColorRole.ToolTipText: "#e6e6e6",
            # Fusion's light-theme values of these stayed: grey hints on a near-black field
            QPalette.ColorRole.PlaceholderText: "#9e9e9e",
            QPalette.ColorRole.Link: "#8ab4f8",
            QPalette.ColorRole.LinkVisited: "#c58af9",
            QPalette.ColorRole.BrightText: "#ffffff",
            QPalette.ColorRole.Light: "#505050",
            QPalette.ColorRole.Midlight: "#404040",
            QPalette.ColorRole.Mid: "#303030",
            QPalette.ColorRole.Dark: "#202020",
            QPalette.ColorRole.Shadow: "#000000",
        }
        from PySide6.QtGui import QColor

        for role, color in colors.items():
            palette.setColor(role, QColor(color))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    app.setPalette(palette)
