"""Which database the window opens at start-up (Qt-free, so that the start can decide before
Qt is imported; the first-run dialog asks when it cannot)."""

from __future__ import annotations

from redaction.config import DatabaseChoice, default_database_path
from redaction.storage.sqlite_file import is_url


def startup_target(choice: DatabaseChoice) -> tuple[str | None, str]:
    """What to open at start-up, and the remembered database that went missing (or "").

    An explicit ``--db`` or ``$REDACTION_DB`` is opened as given; so is the database chosen at
    first run while it is there; else the default file if it exists. (None, …) means the
    first-run dialog must ask.
    """
    if choice.source in ("option", "environment"):
        return choice.target, ""
    if choice.source == "config":
        if is_url(choice.target) or not choice.missing:
            return choice.target, ""
        missing = choice.target
    else:
        missing = ""
    default = default_database_path()
    if default.exists():
        return str(default), ""
    return None, missing
