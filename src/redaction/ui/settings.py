"""The window's access to preferences, and Qt's settings for what only the window needs.

Preferences that the command line shares (where the database is, who is at the desk, writing
and interface languages, autosave) live in ``config.toml`` (:mod:`redaction.config`); :func:`get`
and :func:`put` read and write them there. Qt's settings (``QSettings``) keep only the window's
own: the theme (``prefs/theme``), the window geometry and dock state (``window/``, so resetting
one never touches the other) and shortcut overrides (``shortcuts/<action>``, read by the action
registry). :func:`migrate_qt_preferences` moves preferences kept in Qt's settings by earlier
versions into ``config.toml``, once.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QSettings

from redaction import config
from redaction.config import (
    AUTOSAVE_SECONDS,
    DATABASE,
    DEFAULT_LANGUAGE,
    FOCUS_COLUMN,
    FOCUS_DIM,
    FOCUS_TYPEWRITER,
    SPELL_LANGUAGES,
    UI_LANGUAGE,
    USER_NAME,
    USER_ROLE,
    Option,
    convert,
    user_name,
)

T = TypeVar("T")

THEME = Option("theme", "system", choices=("system", "light", "dark"))
QT_OPTIONS: tuple[Option[Any], ...] = (THEME,)

__all__ = [
    "AUTOSAVE_SECONDS",
    "DATABASE",
    "DEFAULT_LANGUAGE",
    "FOCUS_COLUMN",
    "FOCUS_DIM",
    "FOCUS_TYPEWRITER",
    "SPELL_LANGUAGES",
    "THEME",
    "UI_LANGUAGE",
    "USER_NAME",
    "USER_ROLE",
    "Option",
    "get",
    "put",
    "user_name",
]

# Where versions before config.toml kept each preference in Qt's settings.
_QT_KEYS: dict[Option[Any], str] = {
    USER_NAME: "prefs/user_name",
    USER_ROLE: "prefs/user_role",
    DEFAULT_LANGUAGE: "prefs/default_language",
    UI_LANGUAGE: "prefs/ui_language",
    AUTOSAVE_SECONDS: "prefs/autosave_seconds",
    SPELL_LANGUAGES: "prefs/spell_languages",
    DATABASE: "prefs/database",
}


def settings() -> QSettings:
    return QSettings()


def get(option: Option[T]) -> T:
    if option not in QT_OPTIONS:
        return config.get(option)
    value = settings().value(f"prefs/{option.key}")
    if value is None:
        return option.default
    try:
        return convert(option, value)
    except (TypeError, ValueError):
        return option.default


def put(option: Option[T], value: T) -> None:
    if option not in QT_OPTIONS:
        stored = config.load()
        stored.set(option, value)
        stored.save()
        return
    settings().setValue(f"prefs/{option.key}", ",".join(value) if isinstance(value, tuple) else value)


def migrate_qt_preferences() -> list[str]:
    """Move preferences an earlier version kept in Qt's settings into config.toml (a value
    already in config.toml wins), then drop them from Qt's settings. Returns the keys moved."""
    store = settings()
    found = {option: store.value(key) for option, key in _QT_KEYS.items() if store.contains(key)}
    if not found:
        return []
    stored = config.load()
    moved = []
    for option, value in found.items():
        if not stored.has(option):
            try:
                stored.set(option, convert(option, value))
            except (TypeError, ValueError):
                continue
            moved.append(option.key)
    if moved:
        stored.save()
    for option in found:
        store.remove(_QT_KEYS[option])
    return moved


def window_value(key: str) -> Any:
    return settings().value(f"window/{key}")


def set_window_value(key: str, value: Any) -> None:
    settings().setValue(f"window/{key}", value)
