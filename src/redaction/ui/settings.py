"""Preferences declared once with typed defaults (Picard's options, ReText's configOptions).

Preferences live under ``prefs/`` in QSettings; window geometry and dock state under ``window/``
so resetting one never touches the other; shortcut overrides under ``shortcuts/<action>`` (read
by the action registry). :func:`get` always returns a value of the option's type and one of its
choices: a value edited by hand, or written by another version, falls back to the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    key: str
    default: T
    choices: tuple[Any, ...] = ()  # allowed values (for a tuple option: allowed items)
    minimum: int | None = None
    maximum: int | None = None


USER_NAME = Option("user_name", "")
USER_ROLE = Option("user_role", "journalist", choices=("journalist", "editor"))
DEFAULT_LANGUAGE = Option("default_language", "fr", choices=("fr", "en"))
UI_LANGUAGE = Option("ui_language", "", choices=("", "fr", "en"))  # "" follows the system locale
AUTOSAVE_SECONDS = Option("autosave_seconds", 2, minimum=1, maximum=600)
SPELL_LANGUAGES = Option("spell_languages", ("fr", "en"), choices=("fr", "en"))  # for the editor's checker
THEME = Option("theme", "system", choices=("system", "light", "dark"))
DATABASE = Option("database", "")  # the database chosen at first run; "" for the default place

ALL_OPTIONS: tuple[Option[Any], ...] = (
    USER_NAME,
    USER_ROLE,
    DEFAULT_LANGUAGE,
    UI_LANGUAGE,
    AUTOSAVE_SECONDS,
    SPELL_LANGUAGES,
    THEME,
    DATABASE,
)


def settings() -> QSettings:
    return QSettings()


def _convert(option: Option[T], value: Any) -> T:
    default = option.default
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")  # type: ignore[return-value]
        return bool(value)  # type: ignore[return-value]
    if isinstance(default, tuple):
        items = value.split(",") if isinstance(value, str) else list(value)
        items = [str(item).strip() for item in items if str(item).strip()]
        if option.choices:
            items = [item for item in items if item in option.choices]
        return tuple(dict.fromkeys(items))  # type: ignore[return-value]
    converted = type(default)(value)
    if isinstance(converted, int):
        if option.minimum is not None and converted < option.minimum:
            raise ValueError(converted)
        if option.maximum is not None and converted > option.maximum:
            raise ValueError(converted)
    if option.choices and converted not in option.choices:
        raise ValueError(converted)
    return converted  # type: ignore[no-any-return]


def get(option: Option[T]) -> T:
    value = settings().value(f"prefs/{option.key}")
    if value is None:
        return option.default
    try:
        return _convert(option, value)
    except (TypeError, ValueError):
        return option.default


def put(option: Option[T], value: T) -> None:
    stored: Any = ",".join(value) if isinstance(value, tuple) else value  # no empty-list ambiguity
    settings().setValue(f"prefs/{option.key}", stored)


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
