"""Preferences declared once with typed defaults (Picard's options, ReText's configOptions).

Preferences live under ``prefs/`` in QSettings; window geometry and dock state under ``window/``
so resetting one never touches the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    default: Any


USER_NAME = Option("user_name", "")
USER_ROLE = Option("user_role", "journalist")
DEFAULT_LANGUAGE = Option("default_language", "fr")
UI_LANGUAGE = Option("ui_language", "")  # "" follows the system locale
AUTOSAVE_SECONDS = Option("autosave_seconds", 2)

ALL_OPTIONS = (USER_NAME, USER_ROLE, DEFAULT_LANGUAGE, UI_LANGUAGE, AUTOSAVE_SECONDS)


def settings() -> QSettings:
    return QSettings()


def get(option: Option) -> Any:
    value = settings().value(f"prefs/{option.key}", option.default)
    kind = type(option.default)
    if kind is bool and isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    try:
        return kind(value)
    except (TypeError, ValueError):
        return option.default


def put(option: Option, value: Any) -> None:
    settings().setValue(f"prefs/{option.key}", value)


def user_name() -> str:
    """Who is at the desk; signed on saves and moderation decisions."""
    import getpass

    name = get(USER_NAME)
    if name:
        return name
    try:
        return getpass.getuser()
    except OSError:
        return "redaction"


def window_value(key: str) -> Any:
    return settings().value(f"window/{key}")


def set_window_value(key: str, value: Any) -> None:
    settings().setValue(f"window/{key}", value)
