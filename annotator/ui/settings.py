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
