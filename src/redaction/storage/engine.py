"""Open a database safely: check first, touch nothing on refusal, then migrate with Alembic.

A SQLite file is inspected read-only before anything is written, so a file that is not a
database, is damaged, read-only, locked by another writer or written by a newer redaction is
refused with a clear message and left byte-for-byte as it was. Only then is the engine created
(WAL, foreign keys, busy timeout) and the schema upgraded in-process. A file whose schema is
older than this version is first copied into its backups folder (``storage.backups``). A file
already at the newest schema is opened without loading Alembic at all (a quarter of a second of
start-up): the revisions are read from the migration files' headers.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from redaction.storage.checkpoint import BACKSTOP_PAGES
from redaction.storage.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    NotADatabaseError,
    SchemaTooNewError,
)
from redaction.storage.revisions import alembic_config, head_revision, known_revisions
from redaction.storage.sqlite_file import connect_file, hot_journal, is_url, writable

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 32 * 1024
# The database file is read through a memory map up to this size (SQLite's default is 0: every
# page copied from the system's file cache into each connection's own cache). Reads only:
# writes still go through the journal, so a full disk is an error as before.
MMAP_BYTES = 4 * 1024**3
LOCK_PROBE_SECONDS = 1.0


def _check_sqlite_file(path: Path) -> str | None:
    """Refuse a file we must not open; never writes to it. Returns the schema revision written
    in it (None: a new or empty file), read in the same look."""
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file.")
    parent = path.parent
    if not path.exists():
        if not parent.exists():
            raise DatabaseUnavailableError(f"The folder {parent} does not exist.")
        if not os.access(parent, os.W_OK):
            raise DatabaseReadOnlyError(f"Cannot create a database in {parent}: the folder is read-only.")
        return None
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except PermissionError:
        raise DatabaseReadOnlyError(f"{path} cannot be read: permission denied.") from None
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(f"{path} is not a redaction database (not an SQLite file).")
    if not header:
        if not writable(path):
            raise DatabaseReadOnlyError(f"{path} is read-only: redaction needs to write to its database.")
        return None  # an empty file is an empty database
    if not writable(path) or not os.access(parent, os.W_OK):
        raise DatabaseReadOnlyError(
            f"{path} is read-only (or its folder is): redaction needs to write to its database."
        )
    _roll_back_hot_journal(path)
    try:
        conn = connect_file(path, "ro", LOCK_PROBE_SECONDS)
    except sqlite3.Error as exc:
        raise NotADatabaseError(f"{path} cannot be opened as a database: {exc}.") from None
    try:
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            message = str(exc).lower()
            if "locked" in message or "busy" in message:
                raise DatabaseLockedError(
                    f"{path} is locked by another program writing to it; close it and try again."
                ) from None
            raise DatabaseCorruptError(f"{path} is damaged ({exc}); restore it from a backup.") from None
        if tables and "alembic_version" not in tables:
            raise NotADatabaseError(f"{path} is an SQLite file, but not a redaction database.")
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is not None and row[0] not in known_revisions():
                raise SchemaTooNewError(
                    f"{path} was written by a newer version of redaction (schema {row[0]}); "
                    "update redaction to open it."
                )
            revision = row[0] if row is not None else None
    finally:
        conn.close()
    _probe_write_lock(path)
    return revision


def _roll_back_hot_journal(path: Path) -> None:
    """Let SQLite finish its own crash recovery before the read-only probe.

    A program killed in the middle of a transaction in rollback-journal mode (a restore copies
    in that mode) leaves ``<file>-journal`` holding the pages that put the file back as it was
    committed. SQLite rolls it back at the first read by a connection that may write; a
    read-only one cannot, and fails with "attempt to write a readonly database", which the
    probe took for a damaged file. Rolling back is what any SQLite program opening the file
    does first: it changes nothing that was committed. If it fails, the probe explains why."""
    if not hot_journal(path):
        return
    try:
        conn = connect_file(path, "rw", LOCK_PROBE_SECONDS)
    except sqlite3.Error:
        return
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        pass
    finally:
        conn.close()


def _probe_write_lock(path: Path) -> None:
    """Fail fast when another process holds the write lock, instead of hanging later."""
    conn = connect_file(path, "rw", LOCK_PROBE_SECONDS, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        message = str(exc).lower()
        if "locked" in message or "busy" in message:
            raise DatabaseLockedError(
                f"{path} is locked by another program writing to it; close it and try again."
            ) from None
        if "readonly" in message:
            raise DatabaseReadOnlyError(f"{path} is read-only: redaction needs to write to it.") from None
        raise DatabaseCorruptError(f"{path} cannot be used: {exc}.") from None
    finally:
        conn.close()


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Checkpoints run on a thread of their own (storage.checkpoint); SQLite's automatic one
    # stays as a backstop far above what a burst of writing leaves in the log.
    cursor.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
    # 32 MB of page cache (default 2 MB): a bulk move's chunk dirties ~6,000 scattered pages,
    # which then stay in memory until the commit instead of being spilled to the log twice.
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    # Sorts and temporary indexes in memory, not in files: the rules' dry run sorts ~100,000
    # pending comments' keys, and on disk that sort waited on whatever else the disk was doing.
    cursor.execute("PRAGMA temp_store=MEMORY")
    # Read through a memory map: the pages of the system's file cache are shared by every
    # connection, where copying them cost a fifth of a scan (the rules' dry run: 1.15 → 0.93 s
    # over 100,000 pending comments on one thread) and each new connection started cold.
    cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    cursor.close()


BUSY_TIMEOUT_CHANGED = "redaction_busy_timeout_changed"  # in a pooled connection's info


def _default_busy_timeout(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    """A connection whose busy timeout a session changed (storage.patience) gets the default back
    before another session can take it from the pool."""
    if record is not None and record.info.pop(BUSY_TIMEOUT_CHANGED, False):
        dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def create_sqlite_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "checkin", _default_busy_timeout)
    return engine


def _check_server_schema(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            has_table = engine.dialect.has_table(conn, "alembic_version")
            version = (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if has_table else None
            )
    except OperationalError as exc:
        raise DatabaseUnavailableError(f"Cannot reach the database server: {exc.orig}".strip()) from None
    if version is not None and version not in known_revisions():
        raise SchemaTooNewError(
            f"The database was written by a newer version of redaction (schema {version}); update redaction."
        )


def _backup_if_upgrading(path: Path, current: str | None) -> None:
    """Copy a database that is about to be migrated into its backups folder first, so an upgrade
    can always be undone. A new database is not copied; a failed copy stops the upgrade."""
    head = head_revision()
    if current is None or current == head:
        return
    from redaction.storage.backups import take_backup

    take_backup(path, f"before-migration-{head}")


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _migrating_engine(engine: Engine) -> Engine:
    """An engine on ``engine``'s SQLite file whose transactions really contain DDL.

    Python's sqlite3 opens a transaction only before INSERT, UPDATE and DELETE: CREATE, ALTER
    and DROP ran in autocommit, so an upgrade killed halfway left tables of the new schema
    under the old revision number, and the next start failed on "table already exists". Here
    the driver's own transaction handling is off and every transaction is an explicit
    BEGIN IMMEDIATE (SQLAlchemy's documented recipe for pysqlite), so an upgrade commits whole
    or not at all. Used for migrations only: for the application's sessions the driver's
    late BEGIN is what keeps reads from holding a snapshot (see storage.patience)."""
    migrating = create_engine(
        engine.url,
        poolclass=NullPool,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "isolation_level": None},
    )
    event.listen(migrating, "connect", _sqlite_pragmas)
    event.listen(migrating, "begin", _begin_immediate)
    return migrating


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction."""
    from alembic import command

    cfg = alembic_config()
    migrating = _migrating_engine(engine) if engine.dialect.name == "sqlite" else engine
    try:
        with migrating.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    finally:
        if migrating is not engine:
            migrating.dispose()


def open_engine(target: str | os.PathLike[str]) -> Engine:
    """Check, open and migrate the database at ``target`` (a file path or a SQLAlchemy URL)."""
    target_str = os.fspath(target)
    if is_url(target_str):
        url = make_url(target_str)
        if url.get_backend_name() == "sqlite":
            return open_engine(url.database or ":memory:")
        engine = create_engine(url, pool_pre_ping=True)
        _check_server_schema(engine)
    else:
        path = Path(target_str).expanduser()
        current = _check_sqlite_file(path)  # the revision too: the file is read once
        _backup_if_upgrading(path, current)
        engine = create_sqlite_engine(path)
        if current == head_revision():
            return engine  # nothing to migrate
    try:
        upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        message = str(exc.orig).lower()
        if "locked" in message or "busy" in message:
            raise DatabaseLockedError("The database is locked by another program; try again.") from None
        raise DatabaseUnavailableError(f"The database could not be prepared: {exc.orig}") from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseCorruptError(f"The database could not be prepared: {exc}") from None
    return engine
