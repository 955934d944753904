"""The first screen's reads with Python's plain ``sqlite3``: the start paints its window from
these before SQLAlchemy (a third of a second to import) and the database layers are loaded.

Contract:

- Every method returns exactly what the service it names returns for the same database and
  arguments: the same dataclasses with equal values, in the same order, times aware UTC as the
  ORM's ``UTCDateTime`` hands them back. The SQL mirrors the services' statements (and so their
  indexes, migration 0005 and later): change one and the other must follow; the property tests
  in ``tests/services/test_first_screen.py`` compare them on random databases.
- All reads of one :class:`FirstScreen` happen in one read transaction opened by :meth:`open`
  and kept until :meth:`close`, so they and :attr:`FirstScreen.feed_position` describe the same
  moment even while another process writes; whatever was written after it arrives through the
  change feed (``storage.changes``) from ``feed_position`` on.
- Read-only: the file is opened with ``mode=ro`` and its bytes never change (when nobody has it
  open, SQLite leaves the ``-wal``/``-shm`` files a WAL database is read through, an empty log and
  its index, as any reader does; the app's own open folds them away).
- :meth:`FirstScreen.open` answers None, never an exception, when the file cannot give the first
  screen (missing, not a database, unreadable, locked, another schema revision): the real open
  then migrates, refuses or explains. Reads the first screen does not do (the desk's narrowed
  filters and full-text search) raise :class:`NotOnFirstScreen`: the caller asks the services.
  Invalid arguments raise what the services raise (ValueError, ArticleNotFoundError); a read
  that fails once opened (a damaged page) raises ``sqlite3.Error``.

Nothing here imports SQLAlchemy, Alembic or PySide6, directly or not (a test checks it).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from redaction.domain.image_refs import parse_image_url
from redaction.domain.slugs import slugify
from redaction.domain.workflow import ArticleStatus, CommentStatus
from redaction.services.articles.values import (
    PAGE_SIZE,
    ArticleDetail,
    ArticleFields,
    ArticleNotFoundError,
    ArticleQuery,
    ArticleSummary,
    Recovered,
    autosave_fields,
    containing,
    split_tags,
)
from redaction.services.moderation.values import (
    ALL,
    EXCERPT_CHARS,
    LINK_KINDS,
    READER_KINDS,
    STATUSES,
    CommentDetail,
    LastDecision,
    QueueFilter,
    QueueRow,
)
from redaction.services.moderation.values import PAGE_SIZE as QUEUE_PAGE_SIZE
from redaction.services.site.values import (
    CONFLICT,
    FAILED,
    OPEN_STATES,
    WAITING,
    OutboxCounts,
    PublicLink,
    SiteState,
)
from redaction.storage.revisions import head_revision
from redaction.storage.sqlite_file import connect_file

# storage.models.LINKS_ONLY (an SQLAlchemy expression) word for word, checked by a test: SQLite uses a partial index only for a query whose
# WHERE repeats the index's own condition.
LINKS_ONLY = "kind <> 'comment'"

# How long to wait for a lock before giving up: the start paints without the first screen
# rather than wait, and the real open then explains what holds the file.
OPEN_TIMEOUT_SECONDS = 0.2


class NotOnFirstScreen(Exception):
    """A read the first screen does not do: the caller asks the services instead."""


def _time(value: str) -> datetime:
    # What SQLAlchemy's SQLite DateTime gives (datetime.fromisoformat) and UTCDateTime then makes
    # aware: stored naive UTC, handed back with tzinfo UTC.
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _time_or_none(value: str | None) -> datetime | None:
    return None if value is None else _time(value)


def _summary(row: Any) -> ArticleSummary:
    values = list(row)
    values[10], values[11] = _time(values[10]), _time_or_none(values[11])
    return ArticleSummary(*values)


def _queue_row(row: Any) -> QueueRow:
    values = list(row)
    values[10] = _time(values[10])
    return QueueRow(*values)


def _marks(values: tuple[Any, ...] | list[Any]) -> str:
    return ", ".join("?" * len(values))


# -- the article list (services.articles.editing) --------------------------------------------------
_SUMMARY = (
    "SELECT article.id, article.uuid, article.title, article.slug, coalesce(rubric_1.name, ''),"
    " article.status, article.language, coalesce(person_1.name, ''), article.word_count,"
    " article.pending_comments, article.updated_at, article.published_at"
    " FROM article LEFT OUTER JOIN rubric AS rubric_1 ON article.rubric_id = rubric_1.id"
    " LEFT OUTER JOIN person AS person_1 ON article.author_id = person_1.id"
)
_SORT_COLUMNS = {
    "title": "article.title",
    "rubric": "coalesce(rubric_1.name, '')",
    "status": "article.status",
    "author": "coalesce(person_1.name, '')",
    "updated_at": "article.updated_at",
    "pending_comments": "article.pending_comments",
}
# Orders on a name in another table: the service sorts the matching ids with that one join, then
# reads the page's rows (the subquery's names shadow the outer query's).
_JOINED_SORTS = {
    "rubric": " LEFT OUTER JOIN rubric AS rubric_1 ON article.rubric_id = rubric_1.id",
    "author": " LEFT OUTER JOIN person AS person_1 ON article.author_id = person_1.id",
}
_DETAIL = (
    "SELECT article.id, article.uuid, article.slug, article.title, rubric_1.id, rubric_1.name,"
    " article.standfirst, article.tags, person_1.id, person_1.name, article.language, article.status,"
    " article.body, article.created_at, article.updated_at, article.published_at, article.version,"
    " article.word_count, article.pending_comments, article.target_length, article.target_unit"
    " FROM article LEFT OUTER JOIN rubric AS rubric_1 ON rubric_1.id = article.rubric_id"
    " LEFT OUTER JOIN person AS person_1 ON person_1.id = article.author_id"
    " WHERE article.id = ?"
)

# -- the desk's queue (services.moderation.queue) --------------------------------------------------
_QUEUE_ROW = (
    "SELECT comment.id, comment.article_id, article.title, comment.parent_id, comment.author_name,"
    " comment.author_email, comment.author_url, comment.author_ip, substr(comment.body, 1, ?),"
    " length(comment.body), comment.created_at, comment.status, comment.kind, comment.reason"
    " FROM comment JOIN article ON article.id = comment.article_id"
)

# The comment in full (services.moderation.detail): its row, its body and how many replies it has.
_QUEUE_ROW_AND_BODY = _QUEUE_ROW.replace(
    " FROM comment JOIN",
    ", comment.body, (SELECT count(*) FROM comment AS reply WHERE reply.parent_id = comment.id)"
    " FROM comment JOIN",
)


class FirstScreen:
    """One read transaction on a redaction database file, answering as the services would."""

    feed_position: int
    """The last change_feed id when opened, as ``storage.changes.last_feed_id`` gives it (0: none)."""

    thread: int
    """The thread that opened it, the only one its sqlite3 connection may be used in."""

    def __init__(self, connection: sqlite3.Connection, feed_position: int) -> None:
        self._connection = connection
        self.feed_position = feed_position
        self.thread = threading.get_ident()
        # Names matching a word, by (table, pattern): the snapshot cannot change under them.
        self._name_ids: dict[tuple[str, str], list[int]] = {}

    @classmethod
    def open(cls, path: Path) -> FirstScreen | None:
        """None (never an exception) when the file is missing, not a SQLite database, unreadable,
        locked, or its alembic_version is not ``storage.revisions.head_revision()`` (the real open
        must then migrate, refuse or explain). Read-only: the file's bytes never change."""
        try:
            connection = connect_file(Path(path), "ro", OPEN_TIMEOUT_SECONDS, isolation_level=None)
        except (sqlite3.Error, OSError, ValueError):
            return None
        try:
            # The snapshot starts at the first read after BEGIN: the revision, the feed position
            # and every later read see the same committed state.
            connection.execute("BEGIN")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or row[0] != head_revision():
                connection.close()
                return None
            (feed_position,) = connection.execute(
                "SELECT coalesce(max(change_feed.id), 0) FROM change_feed"
            ).fetchone()
        except (sqlite3.Error, OSError, ValueError):
            connection.close()
            return None
        return cls(connection, int(feed_position))

    def close(self) -> None:
        """End the read transaction and let go of the file (twice is harmless)."""
        self._connection.close()

    def __enter__(self) -> FirstScreen:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------------------
    def _ids_named(self, table: str, pattern: str) -> list[int]:
        key = (table, pattern)
        if key not in self._name_ids:
            rows = self._connection.execute(
                f"SELECT {table}.id FROM {table} WHERE {table}.name LIKE ? ESCAPE '\\'", (pattern,)
            )
            self._name_ids[key] = [r[0] for r in rows]
        return self._name_ids[key]

    def _filtered(self, query: ArticleQuery) -> tuple[str, list[Any]]:
        """``query``'s status and words as a WHERE clause on the article row alone (editing._filtered):
        rubric and author names become ``rubric_id IN (…)`` after a look in their own tables."""
        where: list[str] = []
        params: list[Any] = []
        if query.status:
            where.append("article.status = ?")
            params.append(ArticleStatus.parse(query.status).value)
        for word in query.text.split():
            pattern = containing(word)
            terms = ["article.title LIKE ? ESCAPE '\\'", "article.slug LIKE ? ESCAPE '\\'"]
            params += [pattern, containing(slugify(word))]
            for column, table in (("article.rubric_id", "rubric"), ("article.author_id", "person")):
                ids = self._ids_named(table, pattern)
                if ids:
                    terms.append(f"{column} IN ({_marks(ids)})")
                    params += ids
            where.append("(" + " OR ".join(terms) + ")")
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def list_articles(self, query: ArticleQuery, limit: int = PAGE_SIZE) -> list[ArticleSummary]:
        """= ``services.articles.editing.list_articles(db, query, None, limit)``."""
        try:
            column = _SORT_COLUMNS[query.sort]
        except KeyError:
            raise ValueError(f"cannot sort articles by {query.sort!r}") from None
        direction = "DESC" if query.descending else "ASC"
        order = f" ORDER BY {column} {direction}, article.id {direction}"
        where, params = self._filtered(query)
        joined = _JOINED_SORTS.get(query.sort)
        if joined is None:
            sql = f"{_SUMMARY}{where}{order} LIMIT ?"
        else:
            ids = f"SELECT article.id FROM article{joined}{where}{order} LIMIT ?"
            sql = f"{_SUMMARY} WHERE article.id IN ({ids}){order}"
        rows = self._connection.execute(sql, (*params, limit))
        return [_summary(r) for r in rows]

    def count_articles(self, query: ArticleQuery) -> int:
        """= ``services.articles.editing.count_articles``."""
        where, params = self._filtered(query)
        (n,) = self._connection.execute(f"SELECT count(*) FROM article{where}", params).fetchone()
        return int(n)

    def get_article(self, article_id: int) -> ArticleDetail:
        """= ``services.articles.editing.get_article``: ArticleNotFoundError when there is none."""
        row = self._connection.execute(_DETAIL, (article_id,)).fetchone()
        if row is None:
            raise ArticleNotFoundError(f"there is no article {article_id}")
        (id_, uuid, slug, title, rubric_id, rubric, standfirst, tags, author_id, author) = row[:10]
        (language, status, body, created, updated, published) = row[10:16]
        (version, word_count, pending, target_length, target_unit) = row[16:]
        fields = ArticleFields(
            title=title,
            # The ORM's ``article.rubric.name if article.rubric else ""``: the joined row or none.
            rubric=rubric if rubric_id is not None else "",
            standfirst=standfirst,
            tags=split_tags(tags),
            author=author if author_id is not None else "",
            language=language,
            status=status,
            body=body,
        )
        return ArticleDetail(
            id=id_,
            uuid=uuid,
            slug=slug,
            fields=fields,
            created_at=_time(created),
            updated_at=_time(updated),
            published_at=_time_or_none(published),
            version=version,
            word_count=word_count,
            pending_comments=pending,
            target_length=target_length,
            target_unit=target_unit,
        )

    def list_rubrics(self) -> list[str]:
        """= ``services.articles.editing.list_rubrics``."""
        return [r[0] for r in self._connection.execute("SELECT rubric.name FROM rubric ORDER BY rubric.name")]

    def list_people(self) -> list[str]:
        """= ``services.articles.editing.list_people``."""
        return [r[0] for r in self._connection.execute("SELECT person.name FROM person ORDER BY person.name")]

    def read_autosave(self, article_id: int) -> Recovered | None:
        """= ``services.articles.autosave.read_autosave``."""
        row = self._connection.execute(
            "SELECT autosave.base_version, autosave.saved_at, autosave.author_name, autosave.fields"
            " FROM autosave WHERE autosave.article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        base_version, saved_at, author_name, text = row
        return Recovered(autosave_fields(text), base_version, _time(saved_at), author_name)

    # -- the desk's queue -------------------------------------------------------------------------
    @staticmethod
    def _on_first_screen(f: QueueFilter) -> None:
        if f.narrowed() or f.searches_words():
            raise NotOnFirstScreen(f"the first screen does not filter comments this way: {f!r}")

    @staticmethod
    def _kinds(f: QueueFilter) -> tuple[str, list[Any]]:
        if f.links:
            return LINKS_ONLY, []
        return f"comment.kind IN ({_marks(READER_KINDS)})", list(READER_KINDS)

    def list_queue(self, f: QueueFilter, limit: int = QUEUE_PAGE_SIZE) -> list[QueueRow]:
        """= ``services.moderation.queue.list_queue(db, f, None, limit)``; NotOnFirstScreen when
        ``f`` narrows the queue or searches words (full-text search stays with the services)."""
        self._on_first_screen(f)
        kinds, params = self._kinds(f)
        where = [kinds]
        if f.status:
            where.append("comment.status = ?")
            params.append(CommentStatus.parse(f.status).value)
        if f.article_id is not None:
            where.append("comment.article_id = ?")
            params.append(f.article_id)
        sql = (
            f"{_QUEUE_ROW} WHERE {' AND '.join(where)}"
            " ORDER BY comment.created_at DESC, comment.id DESC LIMIT ?"
        )
        rows = self._connection.execute(sql, (EXCERPT_CHARS, *params, limit))
        return [_queue_row(r) for r in rows]

    def queue_counts(self, f: QueueFilter) -> dict[str, int]:
        """= ``services.moderation.queue.queue_counts`` (``f.status`` ignored), plus "all";
        NotOnFirstScreen as for :meth:`list_queue`."""
        self._on_first_screen(f)
        counts = dict.fromkeys(STATUSES, 0)
        if f.article_id is None:
            # The trigger-kept counters: no comment is read.
            kinds = LINK_KINDS if f.links else READER_KINDS
            rows = self._connection.execute(
                "SELECT comment_count.status, sum(comment_count.n) FROM comment_count"
                f" WHERE comment_count.kind IN ({_marks(kinds)}) GROUP BY comment_count.status",
                kinds,
            )
        else:
            condition, params = self._kinds(f)
            rows = self._connection.execute(
                f"SELECT comment.status, count(*) FROM comment WHERE {condition}"
                " AND comment.article_id = ? GROUP BY comment.status",
                (*params, f.article_id),
            )
        for status, n in rows:
            if status in counts:
                counts[status] = int(n or 0)
        counts[ALL] = sum(counts[s] for s in STATUSES)
        return counts

    def comment_detail(self, comment_id: int) -> CommentDetail | None:
        """= ``services.moderation.detail.comment_detail``: the comment the desk shows in full."""
        found = self._connection.execute(
            f"{_QUEUE_ROW_AND_BODY} WHERE comment.id = ?", (EXCERPT_CHARS, comment_id)
        ).fetchone()
        if found is None:
            return None
        *columns, body, replies = found
        row = _queue_row(columns)
        parent = None
        if row.parent_id is not None:
            above = self._connection.execute(
                f"{_QUEUE_ROW} WHERE comment.id = ?", (EXCERPT_CHARS, row.parent_id)
            ).fetchone()
            parent = _queue_row(above) if above is not None else None
        event = self._connection.execute(
            "SELECT moderation_event.actor, moderation_event.from_status, moderation_event.to_status,"
            " moderation_event.at, moderation_event.reason FROM moderation_event"
            " WHERE moderation_event.comment_id = ?"
            " ORDER BY moderation_event.at DESC, moderation_event.id DESC LIMIT 1",
            (comment_id,),
        ).fetchone()
        last = None
        if event is not None:
            actor, from_status, to_status, at, reason = event
            last = LastDecision(actor, from_status, to_status, _time(at), reason)
        return CommentDetail(
            row=row, body=body or "", parent=parent, replies=int(replies), last_decision=last
        )

    # -- images (services.articles.images) ----------------------------------------------------------
    def image_resource(self, url: str) -> bytes | None:
        """= ``services.articles.images.image_resource``: the bytes behind an ``image:`` URL."""
        prefix = parse_image_url(url)
        if prefix is None:
            return None
        row = self._connection.execute(
            "SELECT image.data FROM image WHERE image.sha256 >= ? AND image.sha256 < ?"
            " ORDER BY image.sha256 LIMIT 1",
            (prefix, prefix + "g"),  # "g" sorts after every hex digit: an index range, not LIKE
        ).fetchone()
        return None if row is None else bytes(row[0])

    # -- the site (services.site.overview) --------------------------------------------------------
    def outbox_counts(self) -> OutboxCounts:
        """= ``services.site.overview.outbox_counts``."""
        rows = dict(
            self._connection.execute(
                "SELECT outbox.state, count(*) FROM outbox"
                f" WHERE outbox.state IN ({_marks(OPEN_STATES)}) GROUP BY outbox.state",
                OPEN_STATES,
            ).fetchall()
        )
        return OutboxCounts(rows.get(WAITING, 0), rows.get(CONFLICT, 0), rows.get(FAILED, 0))

    def public_link(self, article_id: int) -> PublicLink | None:
        """= ``services.site.overview.public_link``: the article's post on the connected site."""
        row = self._connection.execute(
            "SELECT site_post.post_id, site_post.link, site_post.status FROM site_post"
            " WHERE site_post.article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None or not row[1]:
            return None
        return PublicLink(article_id, row[0], row[1], row[2])

    def site_state(self) -> SiteState | None:
        """= ``services.site.overview.site_state``: the connected site, or None."""
        row = self._connection.execute(
            "SELECT site.url, site.name, site.user_name, site.timezone, site.capabilities,"
            " site.connected_at, site.last_sync_at FROM site WHERE site.id = 1"
        ).fetchone()
        if row is None:
            return None
        url, name, user_name, timezone, capabilities, connected_at, last_sync_at = row
        counts = self.outbox_counts()
        return SiteState(
            url=url,
            name=name,
            user_name=user_name,
            timezone=timezone,
            capabilities=tuple(json.loads(capabilities or "[]")),
            connected_at=_time(connected_at),
            last_sync_at=_time_or_none(last_sync_at),
            waiting=counts.waiting,
            conflicts=counts.conflicts,
            failed=counts.failed,
        )
