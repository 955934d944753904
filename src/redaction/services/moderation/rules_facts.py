"""What the database knows about comments that the moderation rules ask: is a comment a
duplicate, a flood, is its author previously approved (docs/moderation-rules.md, rules 1, 2, 7).

:func:`facts` answers for a scope (given comment ids, or the whole pending queue) with
set-based SQL (window functions), never with a query per comment: the path for new comments
and for PostgreSQL. The whole queue on SQLite goes through :mod:`.rules_fast`, which asks per
pending comment through indexes and uses :class:`ApprovedAuthors` and :func:`mixed_email_floods`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from sqlalchemy import ColumnElement, and_, extract, func, select, text
from sqlalchemy.orm import Session, aliased

from redaction.domain.moderation_rules import KnownFacts, RuleSet, author_key
from redaction.services.moderation.values import READER_KINDS
from redaction.storage.models import Comment

_READER_SQL = ", ".join(f"'{k}'" for k in READER_KINDS)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class Scope:
    """The pending reader comments a run looks at: the whole queue, or given ids (new ones)."""

    ids: frozenset[int] | None = None

    def clause(self, table: Any) -> ColumnElement[bool]:
        conditions = [table.status == "pending", table.kind.in_(READER_KINDS)]
        if self.ids is not None:
            # A range is a cheap SQL superset of the ids; rows outside the set are dropped in Python.
            conditions += [table.id >= min(self.ids, default=0), table.id <= max(self.ids, default=-1)]
        return and_(*conditions)

    def keeps(self, comment_id: int) -> bool:
        return self.ids is None or comment_id in self.ids

    def sharing(self, column: Any, key: Callable[[Any], Any]) -> list[ColumnElement[bool]]:
        """A condition keeping rows whose ``key(column)`` some target has (none for the whole queue,
        where it would filter little and cost a lot)."""
        if self.ids is None:
            return []
        target = aliased(Comment)
        return [key(column).in_(select(key(getattr(target, column.key))).where(self.clause(target)))]


def _same(column: Any) -> Any:
    return column


def _seconds_between(session: Session, later: Any, earlier: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return extract("epoch", later - earlier)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


def _duplicates(session: Session, scope: Scope) -> set[int]:
    """Comments with an earlier twin (same article, parent, name, email and text, not trashed)."""
    rank = func.row_number().over(
        partition_by=(
            Comment.article_id,
            Comment.parent_id,
            Comment.author_name,
            Comment.author_email,
            Comment.body,
        ),
        order_by=(Comment.created_at, Comment.id),
    )
    ranked = (
        select(Comment.id, Comment.status, Comment.kind, rank.label("rank"))
        .where(
            Comment.status != "trash",
            Comment.kind.in_(READER_KINDS),
            *scope.sharing(Comment.article_id, lambda c: c),
        )
        .subquery()
    )
    stmt = select(ranked.c.id).where(ranked.c.rank > 1, scope.clause(ranked.c))
    return {i for i in session.execute(stmt).scalars() if scope.keeps(i)}


def _floods(session: Session, scope: Scope, seconds: int) -> set[int]:
    """Comments that came less than ``seconds`` after another one from the same IP or email."""
    found: set[int] = set()
    for column, key in ((Comment.author_ip, _same), (Comment.author_email, func.lower)):
        previous = func.lag(Comment.created_at).over(
            partition_by=key(column), order_by=(Comment.created_at, Comment.id)
        )
        timed = (
            select(Comment.id, Comment.status, Comment.kind, Comment.created_at, previous.label("previous"))
            .where(column != "", *scope.sharing(column, key))
            .subquery()
        )
        # A second to spare in SQL (its time arithmetic is in floating point: exactly 15 s
        # apart came out as 14.99999), the exact comparison in Python.
        stmt = select(timed.c.id, timed.c.created_at, timed.c.previous).where(
            scope.clause(timed.c),
            timed.c.previous.is_not(None),
            _seconds_between(session, timed.c.created_at, timed.c.previous) < seconds + 1,
        )
        limit = timedelta(seconds=seconds)
        found.update(
            i
            for i, created, before in session.execute(stmt)
            if scope.keeps(i) and _moment(created) - _moment(before) < limit
        )
    return found


def _moment(value: Any) -> datetime:
    """A time from a window function: a datetime, or the stored text on SQLite."""
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    return value.replace(tzinfo=None) if value.tzinfo is not None else value


def _approved_authors(session: Session, scope: Scope) -> frozenset[tuple[str, str]]:
    stmt = (
        select(Comment.author_name, Comment.author_email)
        .where(
            Comment.status == "approved",
            Comment.kind.in_(READER_KINDS),
            Comment.author_email != "",
            *scope.sharing(Comment.author_email, func.lower),
        )
        .distinct()
    )
    return frozenset(author_key(name, email) for name, email in session.execute(stmt))


# -- the same facts for the whole queue on SQLite, one index seek per pending comment ------------
#
# The window functions above sort the whole table (1,000,000 comments: 11 s) to learn about the
# ~100,000 pending ones. On SQLite each pending comment asks its own question instead, through
# an index: its earlier twin (ix_comment_article_author), the previous comment from its IP
# (ix_comment_ip) or email (ix_comment_email). Same answers: the previous row in the window's
# (created_at, id) order is the one the correlated subquery finds.


def facts(session: Session, rules: RuleSet, scope: Scope) -> KnownFacts:
    return KnownFacts(
        duplicates=frozenset(_duplicates(session, scope)) if rules.hold_duplicates else frozenset(),
        floods=frozenset(_floods(session, scope, rules.flood_seconds))
        if rules.flood_seconds
        else frozenset(),
        approved_authors=_approved_authors(session, scope) if rules.approve_known_authors else frozenset(),
    )


# -- for the whole queue on SQLite (rules_fast) ---------------------------------------------------

# The pairs as one JSON array of [name, email], each pair a seek in the email index that stops at
# the author's first approved comment (an index of its own cost every decision more than it
# saved here: migration 0012); read through the DB-API connection (plain tuples).
_APPROVED_PAIRS = (
    "SELECT n, e FROM (SELECT json_extract(value, '$[0]') AS n, json_extract(value, '$[1]') AS e"
    " FROM json_each(?)) AS k WHERE EXISTS (SELECT 1 FROM comment AS c INDEXED BY ix_comment_email"
    " WHERE c.author_email = k.e AND c.author_name = k.n AND c.status = 'approved'"
    f" AND c.kind IN ({_READER_SQL}))"
)


def dbapi(session: Session) -> Any:
    """The DB-API connection (sqlite3) under ``session``: its rows are plain tuples, far cheaper
    to make than SQLAlchemy's rows."""
    connection = session.connection().connection.driver_connection
    assert connection is not None
    return connection


def distinct_emails(session: Session) -> list[str]:
    """Every email written on a comment, each spelling once (one walk of the email index)."""
    query = "SELECT DISTINCT author_email FROM comment WHERE author_email != ''"
    return [email for (email,) in dbapi(session).execute(query)]


class ApprovedAuthors:
    """Which authors have an approved reader comment, under any spelling of their key
    (:func:`author_key`: the name with other surrounding spaces, the email in another case),
    asked a batch of authors at a time: the rules' scan asks for each part's new authors while
    the next parts are read. Each spelling is one index seek."""

    def __init__(self, session: Session, emails: Collection[str]) -> None:
        self._raw = dbapi(session)
        self._names: dict[str, list[str]] = {}
        for (name,) in self._raw.execute("SELECT DISTINCT author_name FROM comment"):
            self._names.setdefault(name.strip(), []).append(name)
        self._emails: dict[str, list[str]] = {}
        for email in emails:
            self._emails.setdefault(email.strip().lower(), []).append(email)
        self._asked: set[tuple[str, str]] = set()  # as written
        self._asked_keys: set[tuple[str, str]] = set()
        self.found: set[tuple[str, str]] = set()  # the author keys with an approved comment

    def ask(self, authors: Collection[tuple[str, str]]) -> None:
        """Look up ``authors`` (names and emails as written) not asked before; :attr:`found`
        then holds the keys of those with an approved comment."""
        new = set(authors) - self._asked
        if not new:
            return
        self._asked |= new
        wanted = {author_key(n, e) for n, e in new} - self._asked_keys
        wanted = {k for k in wanted if k[1]}
        self._asked_keys |= wanted
        names, emails = self._names, self._emails
        pairs = [(n, e) for key in wanted for n in names.get(key[0], ()) for e in emails.get(key[1], ())]
        if pairs:
            found = self._raw.execute(_APPROVED_PAIRS, (json.dumps(pairs),)).fetchall()
            self.found |= {author_key(n, e) for n, e in found}


_EMAIL_TIMES = text(
    "SELECT id, created_at, author_email, status, kind FROM comment"
    " WHERE author_email IN (SELECT value FROM json_each(:emails))"
)


def mixed_email_floods(session: Session, seconds: int, emails: Collection[str]) -> set[int]:
    """Pending reader comments less than ``seconds`` after another one from the same email
    written in another case ("Jean@X.fr" and "jean@x.fr"), which per-spelling index seeks miss.
    Such emails are rare: their comments are read and compared in Python, exactly. ``emails``:
    :func:`distinct_emails`."""
    spellings: dict[str, list[str]] = {}
    for email in emails:
        spellings.setdefault(email.translate(_ASCII_LOWER), []).append(email)
    mixed = [e for group in spellings.values() if len(group) > 1 for e in group]
    found: set[int] = set()
    if not mixed:
        return found
    by_key: dict[str, list[tuple[str, int, str, str]]] = {}
    for start in range(0, len(mixed), 500):
        chunk = json.dumps(mixed[start : start + 500])
        for comment_id, created, email, status, kind in session.execute(_EMAIL_TIMES, {"emails": chunk}):
            by_key.setdefault(email.translate(_ASCII_LOWER), []).append((created, comment_id, status, kind))
    limit = timedelta(seconds=seconds)
    for comments in by_key.values():
        comments.sort()
        for before, after in pairwise(comments):
            if (
                after[2] == "pending"
                and after[3] in READER_KINDS
                and datetime.fromisoformat(after[0]) - datetime.fromisoformat(before[0]) < limit
            ):
                found.add(after[1])
    return found
