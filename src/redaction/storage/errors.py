"""Storage failures a person can act on, each with a one-line message meant for them."""

from __future__ import annotations


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


class SchemaTooNewError(StorageError):
    pass


class DatabaseUnavailableError(StorageError):
    pass


class DiskFullError(StorageError):
    pass


def describe_operational_error(exc: BaseException) -> StorageError:
    """Turn a driver error raised mid-session into the matching StorageError."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "no space left" in text:
        return DiskFullError("The disk is full: the change was not saved. Free some space and save again.")
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
