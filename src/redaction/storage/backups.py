"""Consistent copies of a SQLite database file, kept in a rotating ``backups`` folder beside it.

Copies are made with SQLite's online backup API (``sqlite3.Connection.backup``) in a single
step, so a copy is one consistent snapshot even while another connection writes; in WAL mode
the writer is not blocked. A copy is written to ``*.partial`` and renamed only once SQLite's
``quick_check`` passes, so a file with a backup's name is always a whole, readable database in
rollback-journal mode (one self-contained file, no ``-wal`` beside it).

Names carry the UTC time and the reason: ``backups/newsroom-20250419T143012.123456Z-manual.db``
for ``newsroom.db``. Rotation keeps the newest ``keep`` copies of that database and never
deletes the newest one. This module lives in ``storage`` (not ``services``) because the engine
itself takes a copy before migrating a database; ``redaction.services.backup`` is the API the
rest of the application uses.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from redaction.storage.errors import StorageError

FOLDER_NAME = "backups"
KEEP_DEFAULT = 10
BUSY_TIMEOUT_SECONDS = 5.0
_STAMP_FORMAT = "%Y%m%dT%H%M%S.%fZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}\.\d{6}Z)-(?P<reason>[a-z0-9][a-z0-9-]*)\.db$")


class BackupError(StorageError):
    """A backup could not be made, read or restored; the live database was not changed."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created_at: datetime  # aware, UTC
    reason: str
    size: int


@dataclass(frozen=True, slots=True)
class BackupContents:
    """What a backup holds, read from it without writing anything."""

    articles: int | None
    comments: int | None
    revision: str | None


def backups_folder(db_file: Path) -> Path:
    return db_file.parent / FOLDER_NAME


def clean_reason(reason: str) -> str:
    """``"Before bulk approve!"`` -> ``"before-bulk-approve"`` (safe in a file name)."""
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return slug or "backup"


def _info(path: Path, stem: str) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None or match["stem"] != stem:
        return None
    try:
        created = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, created, match["reason"], size)


def list_backups(db_file: Path) -> list[BackupInfo]:
    """The backups of ``db_file``, newest first."""
    folder = backups_folder(db_file)
    if not folder.is_dir():
        return []
    found = [info for p in folder.glob("*.db") if (info := _info(p, db_file.stem)) is not None]
    return sorted(found, key=lambda i: (i.created_at, i.path.name), reverse=True)


def prune(db_file: Path, keep: int = KEEP_DEFAULT, protect: Iterable[Path] = ()) -> list[Path]:
    """Delete all but the newest ``keep`` backups (at least one is always kept); returns the
    deleted paths. ``protect`` names backups that must survive (the one being restored)."""
    protected = {p.resolve() for p in protect}
    deleted = []
    for info in list_backups(db_file)[max(keep, 1) :]:
        if info.path.resolve() in protected:
            continue
        with contextlib.suppress(OSError):
            info.path.unlink()
            deleted.append(info.path)
    return deleted


def _connect_existing(path: Path) -> sqlite3.Connection:
    """Open an existing database file without ever creating one."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_SECONDS)


def _connect_backup(path: Path) -> sqlite3.Connection:
    # immutable: a finished backup is never written, so SQLite needs no lock and no -shm file.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _target(db_file: Path, reason: str, now: datetime) -> Path:
    folder = backups_folder(db_file)
    while True:
        path = folder / f"{db_file.stem}-{now.strftime(_STAMP_FORMAT)}-{reason}.db"
        if not path.exists():
            return path
        now += timedelta(microseconds=1)  # two backups in the same microsecond: keep both


def take_backup(
    db_file: Path,
    reason: str,
    keep: int = KEEP_DEFAULT,
    protect: Iterable[Path] = (),
    now: datetime | None = None,
) -> BackupInfo:
    """Copy ``db_file`` into its backups folder, then rotate; raises :class:`BackupError`."""
    db_file = Path(db_file)
    if not db_file.is_file():
        raise BackupError(f"There is no database file at {db_file} to back up.")
    reason = clean_reason(reason)
    folder = backups_folder(db_file)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Cannot create the backups folder {folder}: {exc.strerror or exc}.") from None
    final = _target(db_file, reason, now or datetime.now(UTC))
    partial = final.with_name(final.name + ".partial")
    try:
        source = _connect_existing(db_file)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)  # all pages in one step: one consistent snapshot
                copy.execute("PRAGMA journal_mode=DELETE")
                verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                copy.close()
        finally:
            source.close()
        if verdict != "ok":
            raise BackupError(f"The copy of {db_file} failed its integrity check ({verdict}).")
        os.replace(partial, final)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise BackupError(f"Could not back up {db_file} into {folder}: {exc}.") from None
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    info = _info(final, db_file.stem)
    assert info is not None
    prune(db_file, keep, protect=[final, *protect])
    return info


def read_contents(backup: Path) -> BackupContents:
    """Article and comment counts and schema revision of a backup, read-only; None where a
    table is missing. Raises :class:`BackupError` when the file is not a readable database."""
    try:
        conn = _connect_backup(backup)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}

            def count(table: str) -> int | None:
                return (
                    conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] if table in tables else None
                )

            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            return BackupContents(count("article"), count("comment"), revision)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{backup} cannot be read as a database: {exc}.") from None


def check_restorable(backup: Path, known_revisions: set[str]) -> BackupContents:
    """Refuse a backup that is damaged, not a redaction database, or from a newer version."""
    contents = read_contents(backup)
    if contents.revision is None:
        raise BackupError(f"{backup.name} is not a redaction database.")
    if contents.revision not in known_revisions:
        raise BackupError(
            f"{backup.name} was written by a newer version of redaction (schema {contents.revision})."
        )
    try:
        conn = _connect_backup(backup)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{backup.name} cannot be read: {exc}.") from None
    if verdict != "ok":
        raise BackupError(f"{backup.name} is damaged ({verdict}).")
    return contents


def copy_into(backup: Path, db_file: Path) -> None:
    """Overwrite the live ``db_file`` with ``backup`` through the backup API.

    The caller must have closed its own connections (``Database.close()``). SQLite takes the
    write lock for the copy and replaces every page in one step, so another program sees the
    old database or the new one, never a mixture.
    """
    try:
        source = _connect_backup(backup)
        try:
            live = _connect_existing(db_file)
            try:
                # Rollback-journal mode while copying: the page size may change, which WAL forbids.
                live.execute("PRAGMA journal_mode=DELETE")
                source.backup(live)
            finally:
                live.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise BackupError(f"Could not restore {backup.name} into {db_file}: {exc}.") from None
