"""The moderation desk's queue: comments across all articles with filters, counts, decisions.

Contract:

- ``list_queue_in`` pages a :class:`QueueFilter` newest first with a keyset (never OFFSET), and hands
  back :class:`QueueRow` with a bounded excerpt, so a page costs the same whatever the comments'
  length. Full-text search uses the SQLite FTS5 index (accent-insensitive) with a MATCH expression
  in which every user word is quoted, so no input is FTS syntax; other databases use ILIKE.
- ``queue_counts_in`` reads the trigger-kept ``comment_count`` table when nothing narrows the queue
  (O(1) at a million comments) and counts rows otherwise.
- Decisions go through :func:`redaction.services.moderation.comments.set_status_in`, so every move writes
  a ModerationEvent and keeps the article counters. Bulk moves and undos commit in chunks and
  report progress; ``progress`` returning False stops them between chunks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, Select, column, func, literal, literal_column, or_, select, table, tuple_
from sqlalchemy.orm import Session

from redaction.domain.workflow import CommentStatus
from redaction.services.backup import protect_bulk
from redaction.services.moderation.comments import changes_of, set_status_in
from redaction.services.moderation.values import (
    ALL,
    EXCERPT_CHARS,
    LINK_KINDS,
    PAGE_SIZE,
    READER_KINDS,
    STATUSES,
    Decision,
    QueueFilter,
    QueueRow,
)
from redaction.storage.changeset import Changes
from redaction.storage.database import Database
from redaction.storage.models import LINKS_ONLY, Article, Comment, CommentCount
from redaction.storage.patience import patient

BULK_CHUNK = 2000

Progress = Callable[[int, int], bool | None]
"""Called with (done, total) after each chunk; returning False asks the operation to stop."""

_FTS = table("comment_fts", column("rowid", Integer))
_TOKEN = re.compile(r"\w", re.UNICODE)
PREFIX_MIN_CHARS = 3  # "caf" finds "café"; shorter prefixes would match half the index


# Servers without the FTS index (PostgreSQL) compare lower-case text with French accents folded,
# through SQL's translate(): "cafe" finds "Café" there too, without needing the unaccent extension.
_ACCENTED = "àáâãäåæçèéêëìíîïñòóôõöœùúûüýÿ"
_PLAIN = "aaaaaaaceeeeiiiinoooooouuuuyy"
_FOLD = str.maketrans(_ACCENTED, _PLAIN)


def contains_folded(column: Any, word: str) -> Any:
    """``column`` contains ``word``, ignoring case and accents (no index: a scan)."""
    folded = func.translate(func.lower(column), _ACCENTED, _PLAIN)
    return folded.contains(word.lower().translate(_FOLD), autoescape=True)


def match_query(words: str, columns: Sequence[str] = ()) -> str | None:
    """An FTS5 MATCH expression for what a person typed: each word a quoted string (quotes
    doubled), all required; the last word also matches as a prefix. None when nothing to find."""
    tokens = [t for t in words.split() if _TOKEN.search(t)]
    if not tokens:
        return None
    quoted = ['"' + t.replace('"', '""') + '"' for t in tokens]
    if len(tokens[-1]) >= PREFIX_MIN_CHARS:
        quoted[-1] += "*"
    expression = " ".join(quoted)
    if columns:
        expression = "{" + " ".join(columns) + "} : (" + expression + ")"
    return expression


def _match_expression(f: QueueFilter) -> str | None:
    parts = [p for p in (match_query(f.text), match_query(f.author, ("author_name", "author_email"))) if p]
    if not parts:
        return None
    return " AND ".join(f"({p})" for p in parts)


def _match(expression: str) -> Any:
    return literal_column("comment_fts").op("MATCH")(expression)


def _conditions(
    f: QueueFilter, sqlite: bool, with_status: bool = True, joined_fts: bool = False
) -> list[Any]:
    """The WHERE clauses of ``f``. With ``joined_fts`` the caller has joined comment_fts and
    the words become a MATCH on it; otherwise they are an ``id IN (…)`` subquery."""
    # The links' condition is the partial indexes' own, word for word, so SQLite uses them.
    where: list[Any] = [LINKS_ONLY if f.links else Comment.kind.in_(READER_KINDS)]
    if with_status and f.status:
        where.append(Comment.status == CommentStatus.parse(f.status).value)
    if f.article_id is not None:
        where.append(Comment.article_id == f.article_id)
    if f.author_email is not None:
        where.append(Comment.author_email == f.author_email)
    if f.author_name is not None:
        where.append(Comment.author_name == f.author_name)
    if f.since is not None:
        where.append(Comment.created_at >= f.since)
    if f.until is not None:
        where.append(Comment.created_at < f.until)
    if sqlite:
        expression = _match_expression(f)
        if expression and joined_fts:
            where.append(_match(expression))
        elif expression:
            where.append(Comment.id.in_(select(_FTS.c.rowid).where(_match(expression))))
    else:
        for word in f.text.split():
            where.append(
                or_(
                    contains_folded(Comment.body, word),
                    contains_folded(Comment.author_name, word),
                    contains_folded(Comment.author_email, word),
                )
            )
        for word in f.author.split():
            where.append(
                or_(
                    contains_folded(Comment.author_name, word),
                    contains_folded(Comment.author_email, word),
                )
            )
    return where


def _row_select(fts: Any = None) -> Select[Any]:
    columns = (
        Comment.id,
        Comment.article_id,
        Article.title,
        Comment.parent_id,
        Comment.author_name,
        Comment.author_email,
        Comment.author_url,
        Comment.author_ip,
        func.substr(Comment.body, 1, EXCERPT_CHARS),
        func.length(Comment.body),
        Comment.created_at,
        Comment.status,
        Comment.kind,
        Comment.reason,
    )
    if fts is None:
        return select(*columns).join(Article, Article.id == Comment.article_id)
    return (
        select(*columns)
        .select_from(fts)
        .join(Comment, Comment.id == fts.c.rowid)
        .join(Article, Article.id == Comment.article_id)
    )


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def list_queue_in(
    session: Session, f: QueueFilter, after: QueueRow | None = None, limit: int = PAGE_SIZE
) -> list[QueueRow]:
    """One page of the queue, newest first, after the row ``after``.

    A search for words is ordered by id (the order comments arrived in): SQLite then walks the
    full-text index backwards from the newest match and stops after one page, instead of
    collecting every match and sorting them (1 ms instead of 80 for a word in half the comments).
    """
    sqlite = _is_sqlite(session)
    if f.searches_words():
        words = sqlite and _match_expression(f) is not None
        stmt = _row_select(_FTS if words else None).where(*_conditions(f, sqlite, joined_fts=words))
        key = _FTS.c.rowid if words else Comment.id
        if after is not None:
            stmt = stmt.where(key < after.id)
        stmt = stmt.order_by(key.desc())
    else:
        stmt = _row_select().where(*_conditions(f, sqlite))
        if after is not None:
            bound = tuple_(
                literal(after.created_at, type_=Comment.created_at.type), literal(after.id, type_=Integer())
            )
            stmt = stmt.where(tuple_(Comment.created_at, Comment.id) < bound)
        stmt = stmt.order_by(Comment.created_at.desc(), Comment.id.desc())
    return [QueueRow(*row) for row in session.execute(stmt.limit(limit))]


def queue_rows_in(session: Session, ids: Sequence[int]) -> list[QueueRow]:
    """The rows of these comments (any status), in no particular order."""
    rows: list[QueueRow] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        rows.extend(QueueRow(*r) for r in session.execute(_row_select().where(Comment.id.in_(chunk))))
    return rows


def queue_ids_in(session: Session, f: QueueFilter, limit: int | None = None) -> list[int]:
    """Every comment id the filter matches, newest first (for "select all matching")."""
    stmt = select(Comment.id).where(*_conditions(f, _is_sqlite(session)))
    stmt = stmt.order_by(Comment.created_at.desc(), Comment.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def list_queue(
    db: Database, f: QueueFilter, after: QueueRow | None = None, limit: int = PAGE_SIZE
) -> list[QueueRow]:
    with db.session() as session:
        return list_queue_in(session, f, after, limit)


def queue_rows(db: Database, ids: Sequence[int]) -> list[QueueRow]:
    with db.session() as session:
        return queue_rows_in(session, ids)


def queue_ids(db: Database, f: QueueFilter, limit: int | None = None) -> list[int]:
    with db.session() as session:
        return queue_ids_in(session, f, limit)


def queue_counts(db: Database, f: QueueFilter) -> dict[str, int]:
    with db.session() as session:
        return queue_counts_in(session, f)


def queue_counts_in(session: Session, f: QueueFilter) -> dict[str, int]:
    """How many comments each status tab holds under ``f`` (its status ignored), plus "all"."""
    counts = dict.fromkeys(STATUSES, 0)
    if f.article_id is None and not f.narrowed():
        stmt: Select[str, int] = (
            select(CommentCount.status, func.sum(CommentCount.n))
            .where(CommentCount.kind.in_(LINK_KINDS if f.links else READER_KINDS))
            .group_by(CommentCount.status)
        )
    else:
        stmt = (
            select(Comment.status, func.count())
            .where(*_conditions(f, _is_sqlite(session), with_status=False))
            .group_by(Comment.status)
        )
    for status, n in session.execute(stmt):
        if status in counts:
            counts[status] = int(n or 0)
    counts[ALL] = sum(counts[s] for s in STATUSES)
    return counts


# -- decisions ----------------------------------------------------------------------------------


@dataclass(slots=True)
class BulkOutcome:
    """What a chunked operation did before it finished or was stopped."""

    decisions: list[Decision] = field(default_factory=list)
    total: int = 0
    done: int = 0
    cancelled: bool = False

    @property
    def changes(self) -> Changes:
        return changes_of(self.decisions)


def statuses_of(db: Database, ids: Sequence[int]) -> dict[int, str]:
    """Where these comments are now (a comment deleted meanwhile is left out)."""
    found: dict[int, str] = {}
    with db.session() as session:
        for start in range(0, len(ids), 900):
            rows = session.execute(
                select(Comment.id, Comment.status).where(Comment.id.in_(ids[start : start + 900]))
            )
            found.update({comment_id: status for comment_id, status in rows})
    return found


@patient
def decide(db: Database, ids: Sequence[int], status: str, actor: str, reason: str = "") -> list[Decision]:
    """Move these comments to ``status`` in one unit of work (for a handful of comments)."""
    with db.session() as session:
        return set_status_in(session, ids, CommentStatus.parse(status).value, actor, reason)


def decide_in_chunks(
    db: Database,
    ids: Sequence[int],
    status: str,
    actor: str,
    progress: Progress | None = None,
    reason: str = "",
    chunk: int = BULK_CHUNK,
) -> BulkOutcome:
    """Move many comments, one committed unit of work per chunk, reporting progress. Above
    ``services.backup.BULK_BACKUP_MIN`` comments the database as it was is copied first (in the
    background, while they move); no copy possible (a full disk) → BackupError, nothing moved."""
    target = CommentStatus.parse(status).value
    protect_bulk(db, {"approved": "bulk-approve"}.get(target, f"bulk-{target}"), len(ids))
    outcome = BulkOutcome(total=len(ids))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        outcome.decisions.extend(decide(db, part, target, actor, reason))
        outcome.done += len(part)
        if progress is not None and progress(outcome.done, outcome.total) is False:
            outcome.cancelled = outcome.done < outcome.total
            break
    return outcome


@patient
def _undo_chunk(db: Database, part: Sequence[Decision], actor: str) -> list[Decision]:
    """One committed unit of work of :func:`undo_decisions`."""
    undone: list[Decision] = []
    with db.session() as session:
        current: dict[int, str] = {
            cid: status
            for cid, status in session.execute(
                select(Comment.id, Comment.status).where(Comment.id.in_([d.comment_id for d in part]))
            )
        }
        back: dict[str, list[int]] = {}
        for d in part:
            if current.get(d.comment_id) == d.to_status:
                back.setdefault(d.from_status, []).append(d.comment_id)
        for status, ids in back.items():
            undone.extend(set_status_in(session, ids, status, actor, reason="undo"))
    return undone


def undo_decisions(
    db: Database,
    decisions: Sequence[Decision],
    actor: str,
    progress: Progress | None = None,
    chunk: int = BULK_CHUNK,
) -> BulkOutcome:
    """Put comments back where these decisions found them, except those that someone has moved
    again since (their newer decision stands). Recorded as events with the reason "undo". A
    bulk undo is a bulk operation: the database is copied first, as for the decision itself."""
    protect_bulk(db, "bulk-undo", len(decisions))
    outcome = BulkOutcome(total=len(decisions))
    for start in range(0, len(decisions), chunk):
        part = decisions[start : start + chunk]
        outcome.decisions.extend(_undo_chunk(db, part, actor))
        outcome.done += len(part)
        if progress is not None and progress(outcome.done, outcome.total) is False:
            outcome.cancelled = outcome.done < outcome.total
            break
    return outcome
