"""Backups of the newsroom database: before risky operations, on request, and restoring one.

Call :func:`backup_before` before any operation that changes many rows at once::

    from redaction.services.backup import backup_before

    backup_before(db, "bulk-approve")  # -> backups/<name>-<UTC time>-before-bulk-approve.db

It returns the :class:`BackupInfo` of the copy, or None for a server database (PostgreSQL is
backed up on the server, not by the app). It raises :class:`BackupError` (a ``StorageError``
with a message fit for a dialog) when no copy could be made: do not go on with the operation
then. The engine backs up by itself before migrating a database to a newer schema.

Where the person is waiting for the operation (a bulk decision at the moderation desk), pin the
state instead and let the copy be written while the operation runs::

    pinned = pin_backup_before(db, "bulk-approve")  # milliseconds; raises BackupError
    if pinned is not None:
        pinned.write_in_background(finished)  # the copy holds the database as it was when pinned
    ...  # the operation

:func:`backups_in_progress` lists the copies still being written; the process does not exit
before they are done.

The policy for bulk operations lives here, not in the window: :func:`protect_bulk` is called by
the bulk services themselves (decisions on many comments, their undo, a commenter's dossier, the
rules applied to the queue), so a script or a test gets exactly the window's safety. Whoever
wants to hear how the background copies end (the window's status bar) adds a listener with
:func:`add_backup_listener`.

Restoring replaces the live file through SQLite's backup API after a copy of the current
state is taken; the caller closes its ``Database`` first and opens a new one afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from redaction.services.backup_events import add_backup_listener, remove_backup_listener, tell_listeners
from redaction.storage.backups import (
    KEEP_DEFAULT,
    BackupContents,
    BackupError,
    BackupInfo,
    PinnedBackup,
    backups_in_progress,
    check_restorable,
    copy_into,
    read_contents,
    take_backup,
)
from redaction.storage.backups import list_backups as _list_backups
from redaction.storage.revisions import known_revisions

__all__ = [
    "KEEP_DEFAULT",
    "BackupContents",
    "BackupError",
    "BackupInfo",
    "PinnedBackup",
    "add_backup_listener",
    "back_up_now",
    "backup_before",
    "backups_in_progress",
    "backups_supported",
    "list_backups",
    "pin_backup_before",
    "protect_bulk",
    "read_contents",
    "remove_backup_listener",
    "restore_backup",
]

if TYPE_CHECKING:
    from redaction.storage.database import Database


def _database_file(db: Database) -> Path | None:
    # Imported here: this module is the window's from its start, before the database layers
    # (and SQLAlchemy) are loaded; a Database in hand means they are.
    from redaction.storage.database import database_file

    return database_file(db)


def backups_supported(db: Database) -> bool:
    """True for a database in a local SQLite file; server databases are backed up on the server."""
    return _database_file(db) is not None


def backup_before(db: Database, reason: str, keep: int = KEEP_DEFAULT) -> BackupInfo | None:
    """Copy ``db`` before an operation named ``reason`` ("bulk-approve", "import", …).

    Returns None for a server database; raises :class:`BackupError` when the copy failed.
    """
    path = _database_file(db)
    if path is None:
        return None
    return take_backup(path, f"before-{reason}", keep)


def pin_backup_before(db: Database, reason: str, keep: int = KEEP_DEFAULT) -> PinnedBackup | None:
    """Pin ``db`` as it is now for a backup named ``reason``, to be written by the caller
    (:meth:`PinnedBackup.write_in_background`). None for a server database; raises
    :class:`BackupError` when no copy can be made (no room on the disk, say): do not go on."""
    path = _database_file(db)
    if path is None:
        return None
    return PinnedBackup(path, f"before-{reason}", keep)


BULK_BACKUP_MIN = 200  # an operation on more rows than this is preceded by a backup


def protect_bulk(db: Database, reason: str, count: int | None = None) -> PinnedBackup | None:
    """Before an operation on ``count`` rows (None: unknown, many): above
    :data:`BULK_BACKUP_MIN`, pin the database as it is and write the copy in the background
    while the operation runs (listeners hear how it ends). Raises :class:`BackupError` when no
    copy can be made: the caller must then change nothing. None when no copy was needed or
    possible (a server database)."""
    if count is not None and count <= BULK_BACKUP_MIN:
        return None
    pinned = pin_backup_before(db, reason)
    if pinned is not None:
        pinned.write_in_background(tell_listeners)
    return pinned


def back_up_now(db: Database, keep: int = KEEP_DEFAULT) -> BackupInfo:
    """A backup the person asked for (reason "manual")."""
    path = _database_file(db)
    if path is None:
        raise BackupError("Backups of a server database are made on the server, not by redaction.")
    return take_backup(path, "manual", keep)


def list_backups(db: Database) -> list[BackupInfo]:
    """Backups of ``db``, newest first (none for a server database)."""
    path = _database_file(db)
    return _list_backups(path) if path is not None else []


def restore_backup(db_file: Path, backup: Path, keep: int = KEEP_DEFAULT) -> BackupInfo:
    """Replace ``db_file`` with ``backup``; returns the backup of the state it replaced.

    The backup is checked first (readable, a redaction database, not from a newer version), then
    the current state is copied (reason "before-restore"), then the backup is copied in. Close
    every ``Database`` on ``db_file`` before calling, and open a new one afterwards (an older
    schema is migrated then, as when any old file is opened).
    """
    db_file, backup = Path(db_file), Path(backup)
    if db_file.resolve() == backup.resolve():
        raise BackupError("A database cannot be restored from itself.")
    check_restorable(backup, known_revisions())
    safety = take_backup(db_file, "before-restore", keep, protect=[backup])
    copy_into(backup, db_file)
    return safety
