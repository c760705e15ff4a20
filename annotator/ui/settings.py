"""The window's settings: one typed object with defaults, kept in an INI file.

The file lives in the user's config folder (platformdirs), or in $ANNOTATOR_CONFIG_DIR
so that tests never touch the real user's settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings


def config_dir() -> Path:
    override = os.environ.get("ANNOTATOR_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("annotator", appauthor=False))


def data_dir() -> Path:
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("annotator", appauthor=False))


def system_language() -> str:
    return "fa" if QLocale.system().language() == QLocale.Language.Persian else "en"


@dataclass
class Settings:
    """The user's preferences and the window's layout, kept between sessions."""

    language: str = ""  # "" follows the system locale
    font_size: int = 14
    snap_to_words: bool = True
    theme: str = "system"  # system, light, dark
    annotator: str = ""
    # the window's size and its panels' sizes and places (Qt's saveGeometry/saveState, base64)
    window_geometry: str = ""
    window_state: str = ""

    def effective_language(self) -> str:
        return self.language or system_language()

    @classmethod
    def load(cls) -> Settings:
        store = _qsettings()
        settings = cls()
        for f in fields(cls):
            default = getattr(settings, f.name)
            value = store.value(f.name, default)
            if isinstance(default, bool):
                value = value in (True, "true", "1", 1)
            elif isinstance(default, int):
                try:
                    value = int(value)
                except (TypeError, ValueError):
                    value = default
            else:
                value = str(value)
            setattr(settings, f.name, value)
        settings.font_size = max(6, min(settings.font_size, 72))
        return settings

    def save(self) -> None:
        store = _qsettings()
        for f in fields(self):
            store.setValue(f.name, getattr(self, f.name))
        store.sync()


def _qsettings() -> QSettings:
    path = config_dir() / "settings.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def _project_key(project_root: Path, annotator: str) -> str:
    """One settings key per project folder and annotator (the folder's name can repeat)."""
    import hashlib  # here: a project's key only (see model/document.py text_sha256)

    digest = hashlib.sha256(f"{Path(project_root).resolve()}\n{annotator}".encode()).hexdigest()
    return f"last_document/{digest[:24]}"


def last_document(project_root: Path, annotator: str) -> str:
    """The document this annotator last had open in that project ("" if none)."""
    return str(_qsettings().value(_project_key(project_root, annotator), "") or "")


def remember_document(project_root: Path, annotator: str, doc_id: str) -> None:
    """Kept in the user's settings, not the project: it is one reader's place, and a
    project folder shared with colleagues must not change because someone read it."""
    store = _qsettings()
    store.setValue(_project_key(project_root, annotator), doc_id)
    store.sync()
