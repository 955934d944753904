"""The database schema as typed SQLAlchemy 2 models.

Times are stored as naive UTC (portable between SQLite and PostgreSQL) and handed back as aware UTC.
UUIDs are stored as 36-character strings so that the same file can be synchronised between
machines later. ``Article.pending_comments`` is a counter kept by the services in the same
transaction as every comment change, so the article list can sort on it without aggregating
a million comments.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    null,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, naive UTC in the database, aware UTC out."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def now_utc() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="journalist")


class Rubric(Base):
    __tablename__ = "rubric"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


LIST_FILTERED_COLUMNS = ("title", "slug", "rubric_id", "author_id", "status")


def _list_index(name: str, *key: str) -> Index:
    """An index for one order of the article list that also carries the columns the list filters
    on, so a filter is tested on index entries instead of article rows with bodies (0005)."""
    return Index(name, *key, *(c for c in LIST_FILTERED_COLUMNS if c not in key))


class Article(Base):
    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    title: Mapped[str] = mapped_column(String(500), default="")
    slug: Mapped[str] = mapped_column(String(200), default="")
    rubric_id: Mapped[int | None] = mapped_column(ForeignKey("rubric.id", ondelete="SET NULL"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    tags: Mapped[str] = mapped_column(Text, default="")
    standfirst: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5), default="fr")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    pending_comments: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # What the piece should run to: 0 for no target; unit "signs" (characters with spaces) or "words".
    target_length: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    target_unit: Mapped[str] = mapped_column(String(10), default="signs", server_default="signs")

    rubric: Mapped[Rubric | None] = relationship(lazy="joined")
    author: Mapped[Person | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's own declaration
    __table_args__ = (
        _list_index("ix_article_updated", "updated_at", "id"),
        _list_index("ix_article_title", "title", "id"),
        _list_index("ix_article_status_updated", "status", "updated_at", "id"),
        _list_index("ix_article_status", "status", "id"),
        _list_index("ix_article_pending", "pending_comments", "id"),
        Index("ix_article_rubric", "rubric_id", "id"),
        Index("ix_article_author", "author_id", "id"),
        Index("ix_article_slug", "slug"),
    )


class Revision(Base):
    __tablename__ = "revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    author_name: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(40), default="save")
    article_version: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(500), default="")
    rubric: Mapped[str] = mapped_column(String(100), default="")
    tags: Mapped[str] = mapped_column(Text, default="")
    standfirst: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5), default="fr")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    author: Mapped[str] = mapped_column(String(200), default="")
    word_count: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_revision_article", "article_id", "created_at"),)


# Rows that are not reader comments; written out as SQL so a query can repeat it word for word
# (a partial index is used only when the query's WHERE contains the index's own condition).
LINKS_ONLY = text("kind <> 'comment'")


class Comment(Base):
    __tablename__ = "comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comment.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    author_email: Mapped[str] = mapped_column(String(320), default="")
    author_url: Mapped[str] = mapped_column(String(2000), default="")
    author_ip: Mapped[str] = mapped_column(String(64), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    kind: Mapped[str] = mapped_column(String(20), default="comment")
    source_id: Mapped[str | None] = mapped_column(String(300))
    # Why the comment sits in its queue ("held: 3 links ≥ 2"); set by rules and decisions.
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Derived from ``body`` when the comment arrives (domain.untrusted.derive, migration 0011):
    # the text search and the word rules read (None: the body itself), and its flags (markup
    # warnings, hints for the rules). ``text_flags`` NULL means "not derived yet": the rules then
    # read the body themselves. Rows inserted through SQLAlchemy without these get NULL; rows
    # written with raw SQL get 0 ("derived, nothing to report"), so raw writers must derive.
    search_text: Mapped[str | None] = mapped_column(Text, default=None)
    text_flags: Mapped[int | None] = mapped_column(Integer, default=null(), server_default="0")

    __table_args__ = (
        Index("ix_comment_article_status", "article_id", "status", "created_at", "id"),
        Index("ix_comment_status_created", "status", "created_at", "id"),
        Index("ix_comment_source", "source_id", unique=True),
        Index("ix_comment_parent", "parent_id"),
        Index("ix_comment_email", "author_email", "created_at", "id"),
        Index("ix_comment_name", "author_name", "created_at", "id"),
        # The rules' facts: an earlier twin of a comment, the same IP's previous comment.
        Index("ix_comment_article_author", "article_id", "author_email", "author_name"),
        Index("ix_comment_ip", "author_ip", "created_at", "id"),
        Index("ix_comment_created", "created_at", "id"),
        # An article's reader comments newest first whatever their status, and counted per status.
        Index("ix_comment_article_kind_created", "article_id", "kind", "created_at", "id", "status"),
        # Pingbacks and trackbacks (a few in a thousand): partial indexes hold only them, so the
        # desk's links queue is an index walk and reader comments never maintain these. The
        # migration (0008) makes them partial on PostgreSQL too; a postgresql_where here would
        # load SQLAlchemy's whole PostgreSQL dialect at every start (30 ms) for these models'
        # metadata, which creates no schema.
        Index("ix_comment_links", "created_at", "id", sqlite_where=LINKS_ONLY),
        Index("ix_comment_links_status", "status", "created_at", "id", sqlite_where=LINKS_ONLY),
    )


class CommentCount(Base):
    """How many comments are in each (status, kind): kept by database triggers (migration 0003)
    in the same transaction as every change, so queue counts never scan the comment table."""

    __tablename__ = "comment_count"

    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class ModerationEvent(Base):
    __tablename__ = "moderation_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"))
    actor: Mapped[str] = mapped_column(String(200), default="")
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_moderation_comment", "comment_id", "at"),
        Index("ix_moderation_at", "at"),
        Index("ix_moderation_actor", "actor", "at"),
    )


class Setting(Base):
    """Newsroom-wide settings shared by everyone on this database (e.g. moderation rules), as JSON."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Autosave(Base):
    """The text on screen, written every few seconds without touching the article itself, so a
    crash loses at most the last seconds and autosave never overwrites a saved version."""

    __tablename__ = "autosave"

    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    base_version: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    author_name: Mapped[str] = mapped_column(String(200), default="")
    fields: Mapped[str] = mapped_column(Text)  # JSON of ArticleFields


class Image(Base):
    """An image used in articles, stored once per content hash."""

    __tablename__ = "image"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    mime: Mapped[str] = mapped_column(String(50))
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    original_name: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ChangeFeed(Base):
    """One row per committed unit of work that changed something a window shows: how other
    processes learn what changed (``storage.changes``). Pruned after a few hours."""

    __tablename__ = "change_feed"

    id: Mapped[int] = mapped_column(primary_key=True)
    writer: Mapped[str] = mapped_column(String(32))  # the process that wrote it
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    payload: Mapped[str] = mapped_column(Text)  # Changes as JSON

    # AUTOINCREMENT: ids never go back, even once every row has been pruned, so a reader's
    # "rows after N" never misses one.
    __table_args__ = (Index("ix_change_feed_at", "at"), {"sqlite_autoincrement": True})


# -- the newsroom's WordPress site (migration 0010) ---------------------------------------------------
# What reaches the site goes through the outbox; what redaction knows of the site's objects is kept
# beside the rows they mirror (never in the article and comment tables themselves, so that the
# desk's hot tables and their indexes stay as they are). The password is never stored here: see
# services/site/credentials.py.


class Site(Base):
    """The connected WordPress site (one row, id 1) and where the last pull stopped."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))  # the site's home address, as the site gives it
    api_root: Mapped[str] = mapped_column(String(2000))  # ".../wp-json/" or ".../?rest_route=/"
    user_name: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(500), default="")  # what the site says of itself
    description: Mapped[str] = mapped_column(Text, default="")
    timezone: Mapped[str] = mapped_column(String(100), default="")
    capabilities: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of the user's capabilities
    connected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    # High-water mark: the highest WordPress comment id pulled (comment ids only grow).
    pulled_up_to: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_full_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # How many comments the site had in each status after the last sync (JSON): a count that
    # moved otherwise than by what redaction did tells a decision or deletion made on the site.
    site_totals: Mapped[str] = mapped_column(Text, default="{}")
    # WordPress comment ids deliberately not kept (comments on pages, unknown comment types).
    ignored: Mapped[str] = mapped_column(Text, default="[]")


class OutboxItem(Base):
    """One action that must reach the site, written in the same transaction as the local change
    and sent in id order, once (state: waiting, sent, conflict, failed, resolved)."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # publish, unpublish, moderate, reply
    payload: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now_utc)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default="waiting")
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # AUTOINCREMENT: an id is never reused, so "in id order" is the order of the actions.
    __table_args__ = (Index("ix_outbox_state", "state", "id"), {"sqlite_autoincrement": True})


class SitePost(Base):
    """An article's post on the site: its id, address, the site's ``modified_gmt`` last seen (a
    post edited on the site since is not overwritten) and the fields last sent (the merge base)."""

    __tablename__ = "site_post"

    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    post_id: Mapped[int] = mapped_column(Integer, unique=True)
    link: Mapped[str] = mapped_column(String(2000), default="")
    modified_gmt: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(20), default="")  # publish, future, draft… on the site
    sent_fields: Mapped[str] = mapped_column(Text, default="")  # JSON of ArticleFields
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SiteComment(Base):
    """A comment's state on the site. Its identity is ``Comment.source_id``
    (``wxr:<site>:<post id>:<comment id>``, the key WordPress imports use); this row holds the
    site's status as last seen (to tell a decision taken on the site) and whether it is gone."""

    __tablename__ = "site_comment"

    comment_id: Mapped[int] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"), primary_key=True)
    wp_id: Mapped[int] = mapped_column(Integer, unique=True)
    wp_parent: Mapped[int] = mapped_column(Integer, default=0)
    site_status: Mapped[str] = mapped_column(String(20))  # our status names: pending, approved, spam, trash
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_site_comment_status", "site_status", "deleted_at"),
        Index("ix_site_comment_parent", "wp_parent"),  # replies waiting for their parent
    )


class SiteMedia(Base):
    """An image uploaded to the site's media library, once per content hash."""

    __tablename__ = "site_media"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_id: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(String(2000))
