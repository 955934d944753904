"""Storage failures a person can act on, each with a one-line message meant for them."""

from __future__ import annotations

import shutil
from pathlib import Path


class StorageError(Exception):
    """Base class: ``str(error)`` is a complete sentence fit for a dialog or stderr."""


class NotADatabaseError(StorageError):
    pass


class DatabaseCorruptError(StorageError):
    pass


class DatabaseReadOnlyError(StorageError):
    pass


class DatabaseLockedError(StorageError):
    pass


class StoppedWaitingError(DatabaseLockedError):
    """The person stopped waiting for another program's write (nothing of this change was written)."""


class SchemaTooNewError(StorageError):
    pass


class DatabaseUnavailableError(StorageError):
    pass


class DiskFullError(StorageError):
    pass


def describe_operational_error(exc: BaseException, where: Path | None = None) -> StorageError:
    """Turn a driver error raised mid-session into the matching StorageError; ``where`` is the
    database file, if any, whose disk's free space a "disk full" message then gives."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "no space left" in text:
        return DiskFullError(
            f"The disk is full{_free_space(where)}: the change was not saved. Free some space and save again."
        )
    # PostgreSQL rolled the transaction back to break a deadlock or a serialization conflict:
    # like SQLite's lock, nothing was written and the unit of work may be run again.
    if "locked" in text or "busy" in text or "deadlock detected" in text or "could not serialize" in text:
        return DatabaseLockedError(
            "The database is busy with another program's change: the change was not saved. Try again."
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnlyError("The database is read-only: the change was not saved.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DatabaseCorruptError("The database file is damaged: restore it from a backup.")
    return StorageError(f"The database reported an error: {getattr(exc, 'orig', exc)}")


def _free_space(where: Path | None) -> str:
    """`` (12 KB free where /home/anne/newsroom.db is)``, or nothing when it cannot be told."""
    if where is None:
        return ""
    from redaction.domain.images import format_size

    try:
        free = shutil.disk_usage(where.parent).free
    except OSError:
        return ""
    return f" ({format_size(free)} free where {where} is)"
