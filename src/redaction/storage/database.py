"""The application's handle on its database: one engine, one short session per unit of work.

Following SQLAlchemy's advice for GUI programs, no session outlives a user action: callers
use ``with db.session() as s:`` and get plain dataclasses back. Driver errors raised while
committing become :class:`StorageError` with a message a person can act on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from redaction.storage.changes import FeedWriter, take_recorded
from redaction.storage.changeset import Changes, current_initiator
from redaction.storage.checkpoint import Checkpointer
from redaction.storage.engine import BUSY_TIMEOUT_CHANGED, open_engine
from redaction.storage.errors import StorageError, describe_operational_error
from redaction.storage.patience import busy_timeout_ms
from redaction.storage.sqlite_file import is_url

ChangeListener = Callable[[Changes, object | None], None]
"""Called with what a committed unit of work changed and who asked for it (its initiator), in
the thread that committed."""


class Database:
    """An opened, migrated database."""

    def __init__(self, engine: Engine, location: str) -> None:
        self.engine = engine
        self.location = location
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        path = _sqlite_file(engine)
        self.checkpointer = Checkpointer(path) if path is not None else None
        self.feed = FeedWriter()
        self.commits = 0  # units of work committed by this process (the change watcher's clue)
        self._listeners: list[ChangeListener] = []

    def add_listener(self, listener: ChangeListener) -> None:
        """Call ``listener`` after every commit that changed something (see storage.changes)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: ChangeListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @classmethod
    def open(cls, target: str | os.PathLike[str]) -> Database:
        target_str = os.fspath(target)
        engine = open_engine(target_str)
        location = engine.url.render_as_string(hide_password=True) if is_url(target_str) else target_str
        return cls(engine, location)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back (and explained) on failure."""
        session = self._sessions()
        try:
            busy_ms = busy_timeout_ms()
            if busy_ms is not None and self.is_sqlite:  # back to the default when checked in
                connection = session.connection()
                connection.exec_driver_sql(f"PRAGMA busy_timeout={int(busy_ms)}")
                connection.info[BUSY_TIMEOUT_CHANGED] = True
            yield session
            changes = take_recorded(session)
            if changes:  # in the same transaction: other processes learn only what committed
                self.feed.write(session, changes, notify=not self.is_sqlite)
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            raise describe_operational_error(exc, _sqlite_file(self.engine)) from exc
        except BaseException:
            session.rollback()
            raise
        else:
            self.commits += 1
            if self.checkpointer is not None:
                self.checkpointer.nudge()
            if changes:
                initiator = current_initiator()
                for listener in list(self._listeners):
                    listener(changes, initiator)
        finally:
            session.close()

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.close()
        self.engine.dispose()


__all__ = ["Database", "StorageError", "database_file"]


def database_file(db: Database) -> Path | None:
    """The SQLite file behind ``db``, or None for a server database."""
    return _sqlite_file(db.engine)


def _sqlite_file(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(engine.url.database)
