"""Seeing the changes other processes commit to the database (see ``storage.changes``).

:meth:`FeedWatcher.poll` is cheap enough to call every second from a window's event loop: on
SQLite it asks ``PRAGMA data_version`` on a connection of its own (microseconds; the value moves
only when another connection committed), on PostgreSQL it drains the ``LISTEN`` notifications
already received. Only then are the new feed rows read. Poll from one thread only.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING, Any

from redaction.storage.changes import NOTIFY_CHANNEL, last_feed_id, read_feed
from redaction.storage.changeset import NOTHING, Changes
from redaction.storage.sqlite_file import connect_file

if TYPE_CHECKING:
    from redaction.storage.database import Database


class FeedWatcher:
    """Reports what other writers committed since the last poll."""

    def __init__(self, db: Database, since: int | None = None) -> None:
        """Watch ``db`` from now on, or from the feed position ``since`` (a start that read its
        first screen before opening the database): the first :meth:`poll` then reads the feed."""
        from redaction.storage.database import database_file

        self._db = db
        self._seen_commits = db.commits
        self._sqlite: sqlite3.Connection | None = None
        self._listener: Any = None
        path = database_file(db)
        if path is not None:
            self._sqlite = connect_file(path, "ro", 1.0, isolation_level=None)
            self._version = self._data_version()
        elif db.engine.dialect.name == "postgresql":
            import psycopg

            url = db.engine.url.set(drivername="postgresql")
            self._listener = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
            self._listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
        self._catch_up = since is not None
        if since is not None:
            self._last = since
        else:
            with db.engine.connect() as connection:
                self._last = last_feed_id(connection)

    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _something_committed(self) -> bool:
        if self._sqlite is not None:
            version = self._data_version()
            moved, self._version = version != self._version, version
            return moved
        if self._listener is not None:
            return any(True for _ in self._listener.notifies(timeout=0))
        return False

    def poll(self) -> Changes:
        """What others changed since the last call (NOTHING most of the time)."""
        catching_up, self._catch_up = self._catch_up, False
        committed = self._something_committed()
        if not committed and not catching_up:
            return NOTHING
        ours = self._db.commits != self._seen_commits
        self._seen_commits = self._db.commits
        with self._db.engine.connect() as connection:
            last, changes = read_feed(connection, self._last, self._db.feed.writer)
        new_rows, self._last = last != self._last, last
        if not new_rows and not ours:
            # Written without redaction (a script, the sqlite3 shell): what changed is unknown.
            return Changes(everything=True) if committed else NOTHING
        return changes

    def close(self) -> None:
        for connection in (self._sqlite, self._listener):
            if connection is not None:
                with contextlib.suppress(Exception):
                    connection.close()
        self._sqlite = self._listener = None
