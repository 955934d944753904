"""Where the data is and who is at the desk: one TOML file read by the window and the command
line alike (no Qt here).

``config.toml`` lives in the per-user configuration folder (``~/.config/redaction/`` on Linux,
``%APPDATA%\\redaction\\`` on Windows, ``~/Library/Application Support/redaction/`` on macOS),
or where ``$REDACTION_CONFIG`` says. It holds the database chosen at first run, the person's
name and role, and the writing preferences. Qt's own settings keep only the window's layout, the
theme and shortcut overrides.

Options are declared once with typed defaults (Picard's options, ReText's configOptions):
:func:`get` always returns a value of the option's type and one of its choices; a value edited
by hand into something unusable falls back to the default, and a file that is not TOML at all
is set aside as ``config.toml.broken`` the next time the file is written, never lost silently.
Writes replace the file atomically.
"""

from __future__ import annotations

import contextlib
import copy
import getpass
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")

CONFIG_ENV_VAR = "REDACTION_CONFIG"
DB_ENV_VAR = "REDACTION_DB"
DB_FILENAME = "redaction.db"
APP = "redaction"


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    key: str  # "section.name" in the TOML file
    default: T
    choices: tuple[Any, ...] = ()  # allowed values (for a tuple option: allowed items)
    minimum: int | None = None
    maximum: int | None = None


DATABASE = Option("database.target", "")  # the database chosen at first run; "" for the default place
USER_NAME = Option("user.name", "")
USER_ROLE = Option("user.role", "journalist", choices=("journalist", "editor"))
DEFAULT_LANGUAGE = Option("writing.default_language", "fr", choices=("fr", "en"))
AUTOSAVE_SECONDS = Option("writing.autosave_seconds", 2, minimum=1, maximum=600)
SPELL_LANGUAGES = Option("writing.spell_languages", ("fr", "en"), choices=("fr", "en"))
UI_LANGUAGE = Option("interface.language", "", choices=("", "fr", "en"))  # "" follows the system
FOCUS_COLUMN = Option("focus.column_characters", 72, minimum=40, maximum=160)  # focus mode's text width
FOCUS_TYPEWRITER = Option("focus.typewriter", False)  # the line being typed stays mid-screen
FOCUS_DIM = Option("focus.dim_other_paragraphs", True)

ALL_OPTIONS: tuple[Option[Any], ...] = (
    DATABASE,
    USER_NAME,
    USER_ROLE,
    DEFAULT_LANGUAGE,
    AUTOSAVE_SECONDS,
    SPELL_LANGUAGES,
    UI_LANGUAGE,
    FOCUS_COLUMN,
    FOCUS_TYPEWRITER,
    FOCUS_DIM,
)


def config_path() -> Path:
    explicit = os.environ.get(CONFIG_ENV_VAR)
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False) / "config.toml"


def convert(option: Option[T], value: Any) -> T:
    """``value`` as the option's type, or ValueError/TypeError when it cannot be one."""
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
    if isinstance(default, int) and isinstance(value, bool):
        raise TypeError(value)
    converted = cast(Any, type(default))(value)
    if isinstance(converted, int):
        if option.minimum is not None and converted < option.minimum:
            raise ValueError(converted)
        if option.maximum is not None and converted > option.maximum:
            raise ValueError(converted)
    if option.choices and converted not in option.choices:
        raise ValueError(converted)
    return converted


class Config:
    """The file's values. Read with :func:`load`; change with :meth:`set`, then :meth:`save`."""

    def __init__(self, path: Path, values: dict[str, Any], broken: bool = False) -> None:
        self.path = path
        self._values = values
        self.broken = broken  # the file exists but is not TOML: set aside at the next save

    def has(self, option: Option[Any]) -> bool:
        section, name = option.key.split(".")
        return isinstance(self._values.get(section), dict) and name in self._values[section]

    def get(self, option: Option[T]) -> T:
        section, name = option.key.split(".")
        table = self._values.get(section)
        if not isinstance(table, dict) or name not in table:
            return option.default
        try:
            return convert(option, table[name])
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        section, name = option.key.split(".")
        table = self._values.get(section)
        if not isinstance(table, dict):
            table = self._values[section] = {}
        table[name] = list(value) if isinstance(value, tuple) else value

    def save(self) -> None:
        import tomli_w

        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.broken and self.path.exists():
            os.replace(self.path, self.path.with_name(self.path.name + ".broken"))
            self.broken = False
        data = tomli_w.dumps(self._values).encode("utf-8")
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with temporary.open("wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temporary, self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()


_cache: dict[Path, tuple[tuple[int, int], dict[str, Any], bool]] = {}


def load(path: Path | None = None) -> Config:
    """The configuration as the file says now (defaults for what it does not say). The parsed
    file is reused while its modification time and size stay the same."""
    path = path or config_path()
    try:
        stat = path.stat()
    except OSError:
        return Config(path, {})
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached is not None and cached[0] == stamp:
        return Config(path, copy.deepcopy(cached[1]), cached[2])
    try:
        values, broken = tomllib.loads(path.read_bytes().decode("utf-8")), False
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        values, broken = {}, True
    except OSError:
        return Config(path, {})
    _cache[path] = (stamp, values, broken)
    return Config(path, copy.deepcopy(values), broken)


def get(option: Option[T]) -> T:
    return load().get(option)


def put(**values: Any) -> None:
    """Store several options at once, by their Python names: ``put(USER_NAME="Anne")``."""
    config = load()
    for name, value in values.items():
        config.set(globals()[name], value)
    config.save()


def user_name() -> str:
    """Who is at the desk, signed on saves and decisions: the configured name, else the login."""
    name = get(USER_NAME)
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return APP


def default_database_path() -> Path:
    """The embedded database in the user's data directory (platform convention)."""
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False) / DB_FILENAME


@dataclass(frozen=True, slots=True)
class DatabaseChoice:
    """The database to open and what chose it: "option" (``--db``), "environment"
    (``$REDACTION_DB``), "config" (chosen at first run) or "default" (the per-user file)."""

    target: str
    source: str

    @property
    def missing(self) -> bool:
        """A database file that should exist (it was chosen) but is not there."""
        return (
            self.source == "config"
            and "://" not in self.target
            and not Path(self.target).expanduser().exists()
        )


def choose_database(explicit: str | None) -> DatabaseChoice:
    """``--db``, then ``$REDACTION_DB``, then the database chosen at first run, then the per-user
    default. The window and the command line agree on it."""
    if explicit:
        return DatabaseChoice(explicit, "option")
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return DatabaseChoice(env, "environment")
    chosen = get(DATABASE)
    if chosen:
        return DatabaseChoice(chosen, "config")
    return DatabaseChoice(str(default_database_path()), "default")
