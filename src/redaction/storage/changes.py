"""What a committed unit of work changed, told to whoever shows that data, in this process and
in others (Anki's ``OpChanges``).

Write services say what they change with :func:`record` on the session they write in. When
:meth:`redaction.storage.database.Database.session` commits, the changes of the whole unit of work
are merged into one :class:`Changes`, written to the ``change_feed`` table *in the same
transaction* (so another process learns of exactly what was committed, never of a rolled-back
change), and handed to the database's listeners with the initiator (:func:`initiated_by`), the
object that asked for the change, so a panel can tell its own changes from everyone else's.

Other processes (the command line, a second window, a future sync daemon) are seen by a
:class:`FeedWatcher`: on SQLite it polls ``PRAGMA data_version`` (microseconds; it changes only
when another connection committed) and reads the feed rows written by other writers; on
PostgreSQL a commit also sends ``NOTIFY redaction_changes`` and the watcher listens. A change
made without redaction (the sqlite3 shell) moves ``data_version`` without a feed row: the watcher
then reports ``Changes(everything=True)``.

The values (:class:`Changes`, :func:`initiated_by`) live in :mod:`redaction.storage.changeset`,
which imports no SQLAlchemy: the window's modules name them before the database is loaded.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import Connection, delete, func, insert, select, text
from sqlalchemy.orm import Session

from redaction.storage.changeset import NOTHING, Changes
from redaction.storage.models import ChangeFeed, now_utc

FEED_KEEP = timedelta(hours=6)
NOTIFY_CHANNEL = "redaction_changes"
_SESSION_KEY = "redaction_changes"


def record(session: Session, changes: Changes) -> None:
    """Note ``changes`` as part of ``session``'s unit of work (told to listeners once committed)."""
    if changes:
        session.info[_SESSION_KEY] = session.info.get(_SESSION_KEY, NOTHING) | changes


def recorded(session: Session) -> Changes:
    """What ``session`` has recorded so far (not yet committed)."""
    return session.info.get(_SESSION_KEY, NOTHING)


def take_recorded(session: Session) -> Changes:
    return session.info.pop(_SESSION_KEY, NOTHING)


# -- the feed other processes read -------------------------------------------------------------------
@dataclass
class FeedWriter:
    """Writes this process's changes to the feed (one row per committed unit of work)."""

    writer: str = field(default_factory=lambda: uuid.uuid4().hex)
    written: int = 0

    def write(self, session: Session, changes: Changes, notify: bool) -> None:
        session.execute(
            insert(ChangeFeed).values(writer=self.writer, payload=changes.to_json(), at=now_utc())
        )
        if notify:
            session.execute(
                text("SELECT pg_notify(:channel, :writer)"),
                {"channel": NOTIFY_CHANNEL, "writer": self.writer},
            )
        self.written += 1
        if self.written % 500 == 0:
            prune(session)


def prune(session: Session) -> None:
    session.execute(delete(ChangeFeed).where(ChangeFeed.at < now_utc() - FEED_KEEP))


def last_feed_id(connection: Connection) -> int:
    return int(connection.execute(select(func.coalesce(func.max(ChangeFeed.id), 0))).scalar_one())


def read_feed(connection: Connection, after: int, writer: str) -> tuple[int, Changes]:
    """Changes written by writers other than ``writer`` since feed row ``after``; the new mark."""
    rows = connection.execute(
        select(ChangeFeed.id, ChangeFeed.writer, ChangeFeed.payload)
        .where(ChangeFeed.id > after)
        .order_by(ChangeFeed.id)
    ).all()
    changes = NOTHING
    for row in rows:
        if row.writer != writer:
            changes = changes | Changes.from_json(row.payload)
    return (rows[-1].id if rows else after), changes
