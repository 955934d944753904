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
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, text
from sqlalchemy.orm import Session

from redaction.storage.models import ChangeFeed, now_utc

MAX_IDS = 500  # more ids than this in one change: "many", and whoever shows them reads again
FEED_KEEP = timedelta(hours=6)
NOTIFY_CHANNEL = "redaction_changes"
_SESSION_KEY = "redaction_changes"


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed. Empty sets and False flags mean "not this"; ``everything`` means "unknown,
    read again whatever you show"."""

    articles: frozenset[int] = frozenset()  # articles whose fields, status or counters changed
    comments: frozenset[int] = frozenset()  # comments whose status or text changed
    article_set: bool = False  # articles added or removed: lists must be read again
    comment_set: bool = False  # comments arrived or were removed: queues and counts read again
    settings: frozenset[str] = frozenset()  # newsroom settings changed: "rules", "house_rules", "site"
    outbox: bool = False  # what waits for the site changed
    everything: bool = False

    @classmethod
    def of(
        cls,
        articles: Iterable[int] = (),
        comments: Iterable[int] = (),
        **flags: Any,
    ) -> Changes:
        arts, coms = frozenset(articles), frozenset(comments)
        if len(arts) > MAX_IDS:
            arts, flags["article_set"] = frozenset(), True
        if len(coms) > MAX_IDS:
            coms, flags["comment_set"] = frozenset(), True
        if "settings" in flags:
            flags["settings"] = frozenset(flags["settings"])
        return cls(articles=arts, comments=coms, **flags)

    def __or__(self, other: Changes) -> Changes:
        return Changes.of(
            self.articles | other.articles,
            self.comments | other.comments,
            article_set=self.article_set or other.article_set,
            comment_set=self.comment_set or other.comment_set,
            settings=self.settings | other.settings,
            outbox=self.outbox or other.outbox,
            everything=self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def article_changed(self, article_id: int | None) -> bool:
        """Whether the article ``article_id`` (if any) may have changed."""
        return article_id is not None and (self.everything or self.article_set or article_id in self.articles)

    def comments_changed(self) -> bool:
        return self.everything or self.comment_set or bool(self.comments)

    def to_json(self) -> str:
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                data[f.name] = sorted(value) if isinstance(value, frozenset) else value
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, payload: str) -> Changes:
        try:
            data = json.loads(payload)
            return Changes.of(
                (int(i) for i in data.get("articles", ())),
                (int(i) for i in data.get("comments", ())),
                article_set=bool(data.get("article_set")),
                comment_set=bool(data.get("comment_set")),
                settings=(str(s) for s in data.get("settings", ())),
                outbox=bool(data.get("outbox")),
                everything=bool(data.get("everything")),
            )
        except (ValueError, TypeError, AttributeError):
            return Changes(everything=True)  # a row we cannot read: read everything again


NOTHING = Changes()


def record(session: Session, changes: Changes) -> None:
    """Note ``changes`` as part of ``session``'s unit of work (told to listeners once committed)."""
    if changes:
        session.info[_SESSION_KEY] = session.info.get(_SESSION_KEY, NOTHING) | changes


def recorded(session: Session) -> Changes:
    """What ``session`` has recorded so far (not yet committed)."""
    return session.info.get(_SESSION_KEY, NOTHING)


def take_recorded(session: Session) -> Changes:
    return session.info.pop(_SESSION_KEY, NOTHING)


# -- who asked -------------------------------------------------------------------------------------
_initiator: contextvars.ContextVar[object | None] = contextvars.ContextVar("initiator", default=None)


@contextlib.contextmanager
def initiated_by(initiator: object | None) -> Iterator[None]:
    """Changes committed inside this block are told to listeners as made by ``initiator``."""
    token = _initiator.set(initiator)
    try:
        yield
    finally:
        _initiator.reset(token)


def current_initiator() -> object | None:
    return _initiator.get()


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
