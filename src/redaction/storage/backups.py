"""Consistent copies of a SQLite database file, kept in a rotating ``backups`` folder beside it.

Copies are made with SQLite's online backup API (``sqlite3.Connection.backup``) in a single
step, so a copy is one consistent snapshot even while another connection writes; in WAL mode
the writer is not blocked. A copy is written to ``*.partial`` and renamed only once SQLite's
``quick_check`` passes, so a file with a backup's name is always a whole, readable database in
rollback-journal mode (one self-contained file, no ``-wal`` beside it).

:class:`PinnedBackup` separates the moment a copy shows from the time it takes to write: it pins
the database's state in a read transaction (milliseconds), and the copy of exactly that state
can be written afterwards, on a thread, while the program goes on changing the database. A bulk
decision pins "before", decides, and the copy follows in the background.

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
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType

from redaction.domain.images import format_size
from redaction.storage.errors import StorageError
from redaction.storage.sqlite_file import connect_file

# Locks on copies in progress; Windows has no fcntl, but an open file cannot be deleted there,
# which protects it as well.
fcntl: ModuleType | None
try:
    import fcntl
except ImportError:
    fcntl = None

FOLDER_NAME = "backups"
KEEP_DEFAULT = 10
BUSY_TIMEOUT_SECONDS = 5.0
ROOM_MARGIN = 16 * 1024 * 1024  # besides the database itself: the copy's journal, other files
STALE_PARTIAL_S = 60.0  # a .partial untouched this long and not locked was left by a killed copy
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


def _connect_backup(path: Path) -> sqlite3.Connection:
    # immutable: a finished backup is never written, so SQLite needs no lock and no -shm file.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _reserve(db_file: Path, reason: str, now: datetime) -> tuple[Path, Path, int]:
    """The backup's final name and its ``.partial`` file, created empty to hold the name, with a
    descriptor holding an advisory lock on it while the copy is written (see sweep_partials)."""
    folder = backups_folder(db_file)
    while True:
        final = folder / f"{db_file.stem}-{now.strftime(_STAMP_FORMAT)}-{reason}.db"
        partial = final.with_name(final.name + ".partial")
        if not final.exists():
            try:
                fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
            except FileExistsError:
                pass
            except OSError as exc:
                raise BackupError(
                    f"Cannot write in the backups folder {folder}: {exc.strerror or exc}."
                ) from None
            else:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # new file: nobody else has it
                else:  # Windows would refuse to rename a file held open
                    os.close(fd)
                    fd = -1
                return final, partial, fd
        now += timedelta(microseconds=1)  # two backups in the same microsecond: keep both


def sweep_partials(db_file: Path) -> list[Path]:
    """Delete the ``.partial`` copies of ``db_file`` that a killed program left behind (each as
    big as the database); returns them. A copy being written is locked by its writer (and
    fresh): it is left alone."""
    swept = []
    for path in backups_folder(db_file).glob("*.db.partial"):
        match = _NAME.match(path.name.removesuffix(".partial"))
        if match is None or match["stem"] != db_file.stem:
            continue
        try:
            if time.time() - path.stat().st_mtime < STALE_PARTIAL_S:
                continue
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            path.unlink()
            swept.append(path)
        except OSError:
            continue  # locked: being written by a live program (or not ours to delete)
        finally:
            os.close(fd)
    return swept


def _check_room(db_file: Path, folder: Path) -> None:
    """Refuse before writing anything when the copy cannot fit (a full disk is found out up
    front, with the numbers, instead of after gigabytes were written)."""
    need = sum(p.stat().st_size for p in (db_file, Path(f"{db_file}-wal")) if p.exists())
    free = shutil.disk_usage(folder).free
    if free < need + ROOM_MARGIN:
        raise BackupError(
            f"Not enough free disk space for a backup copy of {db_file.name} in {folder}: "
            f"{format_size(need)} needed, {format_size(free)} free. Nothing was changed."
        )


class PinnedBackup:
    """A backup of a database as it is at the moment this object is made, written then or later.

    Making one is quick (a few milliseconds): it opens a read transaction on the file, which in
    WAL mode (every database redaction opens) pins that state while other connections go on
    writing. :meth:`write` copies the pinned state with SQLite's online backup API in one step,
    so the copy is exactly the database as it was when pinned, however long the copy takes and
    whatever was written meanwhile. That is how a bulk decision keeps a copy of "before" without
    waiting for gigabytes to be copied: pin, decide, write in the background.

    A database in rollback-journal mode cannot be pinned without blocking its writers; it is
    then copied at once, inside the constructor (still before anything else happens).

    Raises :class:`BackupError` when the file is missing, the folder cannot be made, the disk
    has no room for the copy, or the database cannot be read. Call :meth:`write` (or
    :meth:`write_in_background`) or :meth:`abandon` soon: while pinned, the WAL cannot be
    checkpointed past this state and grows with every write.
    """

    def __init__(
        self,
        db_file: Path,
        reason: str,
        keep: int = KEEP_DEFAULT,
        protect: Iterable[Path] = (),
        now: datetime | None = None,
    ) -> None:
        self.db_file = db_file = Path(db_file)
        if not db_file.is_file():
            raise BackupError(f"There is no database file at {db_file} to back up.")
        self.keep = keep
        self.protect = list(protect)
        folder = backups_folder(db_file)
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise BackupError(f"Cannot create the backups folder {folder}: {exc.strerror or exc}.") from None
        sweep_partials(db_file)  # before measuring the room: they may be what fills the disk
        _check_room(db_file, folder)
        self.final, self.partial, self._partial_fd = _reserve(
            db_file, clean_reason(reason), now or datetime.now(UTC)
        )
        self._thread: threading.Thread | None = None
        self._result: BackupInfo | BackupError | None = None
        self._finished = threading.Event()
        self._source: sqlite3.Connection | None = None
        try:
            # Autocommit, so the transaction is the one begun here; usable from the writing thread.
            self._source = source = connect_file(
                db_file, "rw", BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
            )
            wal = source.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            if wal:
                source.execute("BEGIN")
                source.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # the read lock: pinned
        except sqlite3.Error as exc:
            self.abandon()
            raise BackupError(f"Could not back up {db_file}: {exc}.") from None
        with _LOCK:
            _IN_PROGRESS.add(self)
        if not wal:
            self.write()

    @property
    def done(self) -> bool:
        """True once written, failed or abandoned."""
        return self._finished.is_set()

    def wait_done(self, timeout: float | None = None) -> bool:
        """Block until :attr:`done` (at most ``timeout`` seconds); returns :attr:`done`."""
        return self._finished.wait(timeout)

    def write(self) -> BackupInfo:
        """Copy the pinned state, check it, rename it into place, rotate; raises BackupError."""
        if self._result is None:
            try:
                self._result = self._copy()
            except BackupError as exc:
                self._result = exc
            finally:
                self._release()
        return self.wait()

    def write_in_background(
        self, finished: Callable[[BackupInfo | BackupError], object] | None = None
    ) -> None:
        """:meth:`write` on a thread of its own; ``finished`` gets the outcome, in that thread.

        The thread is not a daemon: the program does not end in the middle of a copy."""
        if self._thread is not None:
            return

        def run() -> None:
            with contextlib.suppress(BackupError):
                self.write()
            if finished is not None and self._result is not None:
                finished(self._result)

        self._thread = threading.Thread(target=run, name=f"backup {self.final.name}")
        self._thread.start()

    def wait(self, timeout: float | None = None) -> BackupInfo:
        """The finished backup's info; raises BackupError when it failed or is still being
        written after ``timeout`` seconds."""
        if not self._finished.wait(timeout):
            raise BackupError(f"The backup copy {self.final.name} is still being written.")
        if isinstance(self._result, BackupError):
            raise self._result
        assert self._result is not None
        return self._result

    def abandon(self) -> None:
        """Release the pinned state without writing anything."""
        if self._result is None:
            self._result = BackupError(f"The backup copy {self.final.name} was abandoned.")
        self._release()

    def _release(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            with contextlib.suppress(sqlite3.Error):
                source.close()  # ends the read transaction: the WAL may be checkpointed again
        fd, self._partial_fd = self._partial_fd, -1
        with contextlib.suppress(OSError):
            if self.partial.exists():
                self.partial.unlink()
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)  # the lock goes with it, after the file is gone or renamed
        with _LOCK:
            _IN_PROGRESS.discard(self)
        self._finished.set()

    def _copy(self) -> BackupInfo:
        source = self._source
        if source is None:
            raise BackupError(f"The backup copy {self.final.name} was abandoned.")
        db_file, partial = self.db_file, self.partial
        try:
            copy = sqlite3.connect(partial)
            try:
                # No journal and no syncs while a brand-new file is filled: the file is synced
                # once below, and a half-written ``.partial`` is never taken for a backup.
                copy.execute("PRAGMA journal_mode=OFF")
                copy.execute("PRAGMA synchronous=OFF")
                source.backup(copy)  # all pages in one step, from the pinned read transaction
                copy.execute("PRAGMA journal_mode=DELETE")
                verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                copy.close()
            if verdict != "ok":
                raise BackupError(f"The copy of {db_file} failed its integrity check ({verdict}).")
            _fsync(partial)
            os.replace(partial, self.final)
        except (sqlite3.Error, OSError) as exc:
            raise BackupError(f"Could not back up {db_file} into {self.final.parent}: {exc}.") from None
        info = _info(self.final, db_file.stem)
        assert info is not None
        prune(db_file, self.keep, protect=[self.final, *self.protect])
        return info


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows refuses to flush a file opened read-only
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_LOCK = threading.Lock()
_IN_PROGRESS: set[PinnedBackup] = set()


def backups_in_progress() -> list[PinnedBackup]:
    """Backups pinned or being written by this program, oldest first."""
    with _LOCK:
        return sorted(_IN_PROGRESS, key=lambda b: b.final.name)


def take_backup(
    db_file: Path,
    reason: str,
    keep: int = KEEP_DEFAULT,
    protect: Iterable[Path] = (),
    now: datetime | None = None,
) -> BackupInfo:
    """Copy ``db_file`` into its backups folder now, then rotate; raises :class:`BackupError`."""
    return PinnedBackup(db_file, reason, keep, protect, now).write()


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
            live = connect_file(db_file, "rw", BUSY_TIMEOUT_SECONDS)
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
