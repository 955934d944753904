"""Article use cases: list (keyset-paged), open, create, save with a revision, detect conflicts.

Views get frozen dataclasses, never ORM rows. Saving checks the version counter the caller
started from: if someone else saved in between, :class:`ConflictError` carries their text so
the caller can offer a merge instead of overwriting it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, func, literal, or_, select, tuple_, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from redaction.domain.dates import utcnow
from redaction.domain.slugs import slugify
from redaction.domain.textstats import count_words
from redaction.domain.workflow import ArticleStatus
from redaction.services.articles.values import (
    PAGE_SIZE,
    ArticleDetail,
    ArticleFields,
    ArticleNotFoundError,
    ArticleQuery,
    ArticleSummary,
    ConflictError,
    RevisionInfo,
    containing,
    sort_key_of,
    split_tags,
)
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.database import Database
from redaction.storage.models import Article, Autosave, Person, Revision, Rubric
from redaction.storage.patience import patient

_RubricAlias = aliased(Rubric)
_PersonAlias = aliased(Person)


def _sort_column(sort: str) -> Any:
    columns: dict[str, Any] = {
        "title": Article.title,
        "rubric": func.coalesce(_RubricAlias.name, ""),
        "status": Article.status,
        "author": func.coalesce(_PersonAlias.name, ""),
        "updated_at": Article.updated_at,
        "pending_comments": Article.pending_comments,
    }
    try:
        return columns[sort]
    except KeyError:
        raise ValueError(f"cannot sort articles by {sort!r}") from None


def _summary_select() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Article.id,
            Article.uuid,
            Article.title,
            Article.slug,
            func.coalesce(_RubricAlias.name, ""),
            Article.status,
            Article.language,
            func.coalesce(_PersonAlias.name, ""),
            Article.word_count,
            Article.pending_comments,
            Article.updated_at,
            Article.published_at,
        )
        .select_from(Article)
        .outerjoin(_RubricAlias, Article.rubric_id == _RubricAlias.id)
        .outerjoin(_PersonAlias, Article.author_id == _PersonAlias.id)
    )


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _contains(column: Any, pattern: str, sqlite: bool) -> Any:
    # SQLite's LIKE already ignores case for ASCII letters only, exactly as its lower() folds only
    # those, so plain LIKE matches what ILIKE (lower() LIKE lower()) would, without copying every
    # value through lower(): three times faster over 100,000 titles. Elsewhere ILIKE it is.
    return column.like(pattern, escape="\\") if sqlite else column.ilike(pattern, escape="\\")


def _filtered(stmt: Select[Any], query: ArticleQuery, session: Session) -> Select[Any]:
    """``query``'s status and words as conditions on the article row alone.

    Rubric and author names are looked up first in their own small tables and become
    ``rubric_id IN (…)``, so the conditions read only columns that the list's indexes carry
    (migration 0005): words are looked for in index entries, never in article rows and bodies.
    """
    if query.status:
        stmt = stmt.where(Article.status == ArticleStatus.parse(query.status).value)
    sqlite = _is_sqlite(session)
    for word in query.text.split():
        pattern = containing(word)
        terms = [
            _contains(Article.title, pattern, sqlite),
            _contains(Article.slug, containing(slugify(word)), sqlite),
        ]
        for column, table in ((Article.rubric_id, Rubric), (Article.author_id, Person)):
            ids = list(session.scalars(select(table.id).where(_contains(table.name, pattern, sqlite))))
            if ids:
                terms.append(column.in_(ids))
        stmt = stmt.where(or_(*terms))
    return stmt


def _after(stmt: Select[Any], column: Any, after: tuple[Any, int] | None, descending: bool) -> Select[Any]:
    if after is None:
        return stmt
    key = tuple_(column, Article.id)
    # Bind the keyset with the columns' own types, so times go through UTCDateTime.
    bound = tuple_(literal(after[0], type_=column.type), literal(after[1], type_=Article.id.type))
    return stmt.where(key < bound if descending else key > bound)


def _ordered(stmt: Select[Any], column: Any, descending: bool) -> Select[Any]:
    if descending:
        return stmt.order_by(column.desc(), Article.id.desc())
    return stmt.order_by(column.asc(), Article.id.asc())


# Orders on a name in another table: no index of the article table follows them.
_JOINED_SORTS: dict[str, tuple[Any, Any]] = {
    "rubric": (_RubricAlias, Article.rubric_id),
    "author": (_PersonAlias, Article.author_id),
}


def list_articles_in(
    session: Session, query: ArticleQuery, after: tuple[Any, int] | None = None, limit: int = PAGE_SIZE
) -> list[ArticleSummary]:
    """One page of the list in ``query``'s order, starting after the keyset ``after``."""
    column = _sort_column(query.sort)
    joined = _JOINED_SORTS.get(query.sort)
    if joined is None:
        # The order's index carries the filtered columns: the page is a walk down one index
        # that stops after ``limit`` matches.
        stmt = _after(_filtered(_summary_select(), query, session), column, after, query.descending)
        stmt = _ordered(stmt, column, query.descending).limit(limit)
    else:
        # Sorting by rubric or author name means sorting every matching article; do it on the
        # ids and names alone (read from an index, never from the article rows), then read the
        # page's rows. Correlation is off: the inner ``article`` is its own.
        alias, key = joined
        ids = select(Article.id).select_from(Article).outerjoin(alias, key == alias.id)
        ids = _after(_filtered(ids, query, session), column, after, query.descending)
        ids = _ordered(ids, column, query.descending).limit(limit).correlate(None)
        stmt = _ordered(_summary_select().where(Article.id.in_(ids)), column, query.descending)
    return [ArticleSummary(*row) for row in session.execute(stmt)]


def count_articles_in(session: Session, query: ArticleQuery) -> int:
    """How many articles match ``query``; no join, so an index answers without the article rows."""
    stmt = _filtered(select(func.count()).select_from(Article), query, session)
    return session.execute(stmt).scalar_one()


def summary_of_in(session: Session, article_id: int) -> ArticleSummary | None:
    row = session.execute(_summary_select().where(Article.id == article_id)).first()
    return ArticleSummary(*row) if row else None


def position_of_in(session: Session, query: ArticleQuery, article_id: int) -> int | None:
    """How many articles come before ``article_id`` in ``query``'s list, or None if it is not in
    it: a count over the order's index, so finding a row never means loading every page above it."""
    summary = summary_of_in(session, article_id)
    if summary is None:
        return None
    matches = _filtered(
        select(func.count()).select_from(Article).where(Article.id == article_id), query, session
    )
    if not session.execute(matches).scalar_one():
        return None
    column = _sort_column(query.sort)
    before = select(func.count()).select_from(Article)
    joined = _JOINED_SORTS.get(query.sort)
    if joined is not None:
        alias, key = joined
        before = before.outerjoin(alias, key == alias.id)
    # The rows before it are the rows "after" it in the opposite direction.
    before = _after(
        _filtered(before, query, session), column, sort_key_of(summary, query.sort), not query.descending
    )
    return session.execute(before).scalar_one()


def _fields_of(article: Article) -> ArticleFields:
    return ArticleFields(
        title=article.title,
        rubric=article.rubric.name if article.rubric else "",
        standfirst=article.standfirst,
        tags=split_tags(article.tags),
        author=article.author.name if article.author else "",
        language=article.language,
        status=article.status,
        body=article.body,
    )


def _detail_of(article: Article) -> ArticleDetail:
    return ArticleDetail(
        id=article.id,
        uuid=article.uuid,
        slug=article.slug,
        fields=_fields_of(article),
        created_at=article.created_at,
        updated_at=article.updated_at,
        published_at=article.published_at,
        version=article.version,
        word_count=article.word_count,
        pending_comments=article.pending_comments,
        target_length=article.target_length,
        target_unit=article.target_unit,
    )


TARGET_UNITS = ("signs", "words")


# -- public reads: one unit of work each (the window's models and the command line) -------------
def list_articles(
    db: Database, query: ArticleQuery, after: tuple[Any, int] | None = None, limit: int = PAGE_SIZE
) -> list[ArticleSummary]:
    with db.session() as session:
        return list_articles_in(session, query, after, limit)


def count_articles(db: Database, query: ArticleQuery) -> int:
    with db.session() as session:
        return count_articles_in(session, query)


def summary_of(db: Database, article_id: int) -> ArticleSummary | None:
    with db.session() as session:
        return summary_of_in(session, article_id)


def position_of(db: Database, query: ArticleQuery, article_id: int) -> int | None:
    with db.session() as session:
        return position_of_in(session, query, article_id)


def get_article(db: Database, article_id: int) -> ArticleDetail:
    """The article in full; ArticleNotFoundError when there is none with this id."""
    with db.session() as session:
        return get_article_in(session, article_id)


@patient
def set_target(db: Database, article_id: int, length: int, unit: str) -> None:
    """Set what the article should run to (0 removes the target). Not a change of its text:
    no new version, no revision."""
    if unit not in TARGET_UNITS:
        raise ValueError(f"unknown length unit {unit!r} (expected signs or words)")
    if length < 0:
        raise ValueError("a length target cannot be negative")
    with db.session() as session:
        session.execute(
            update(Article)
            .where(Article.id == article_id)
            .values(target_length=length, target_unit=unit)
            .execution_options(synchronize_session=False)
        )
        record(session, Changes.of(articles={article_id}))


def get_article_in(session: Session, article_id: int) -> ArticleDetail:
    article = session.get(Article, article_id)
    if article is None:
        raise ArticleNotFoundError(f"there is no article {article_id}")
    return _detail_of(article)


def rubric_named_in(session: Session, name: str) -> Rubric | None:
    name = name.strip()
    if not name:
        return None
    rubric = session.execute(select(Rubric).where(Rubric.name == name)).scalar_one_or_none()
    if rubric is None:
        rubric = Rubric(name=name)
        session.add(rubric)
        session.flush()
    return rubric


def person_named_in(session: Session, name: str, role: str = "journalist") -> Person | None:
    name = name.strip()
    if not name:
        return None
    person = session.execute(select(Person).where(Person.name == name)).scalar_one_or_none()
    if person is None:
        person = Person(name=name, role=role)
        session.add(person)
        session.flush()
    return person


def _apply(session: Session, article: Article, fields: ArticleFields, now: datetime) -> None:
    fields = fields.normalized()
    # Look up rubric and author before touching the article, so that the lookups' autoflush
    # cannot write a half-changed article (each flush would also bump the version counter).
    with session.no_autoflush:
        rubric = rubric_named_in(session, fields.rubric)
        author = person_named_in(session, fields.author)
    if article.title != fields.title or not article.slug:
        article.slug = slugify(fields.title)
    article.title = fields.title
    article.rubric = rubric
    article.author = author
    article.standfirst = fields.standfirst
    article.tags = ", ".join(fields.tags)
    article.language = fields.language
    if fields.status == ArticleStatus.PUBLISHED and article.published_at is None:
        article.published_at = now
    article.status = fields.status
    article.body = fields.body
    article.word_count = count_words(fields.body)
    article.updated_at = now


def revision_of(
    article_id: int,
    fields: ArticleFields,
    version: int,
    actor: str,
    reason: str,
    at: datetime,
    word_count: int,
) -> Revision:
    """A revision row holding ``fields`` (saves, autosave snapshots and restores all use it)."""
    return Revision(
        article_id=article_id,
        created_at=at,
        author_name=actor,
        reason=reason,
        article_version=version,
        title=fields.title,
        rubric=fields.rubric,
        tags=", ".join(fields.tags),
        standfirst=fields.standfirst,
        body=fields.body,
        language=fields.language,
        status=fields.status,
        author=fields.author,
        word_count=word_count,
    )


def _snapshot(article: Article, actor: str, reason: str, now: datetime) -> Revision:
    return revision_of(
        article.id, _fields_of(article), article.version, actor, reason, now, article.word_count
    )


def create_article_in(
    session: Session,
    fields: ArticleFields,
    actor: str = "",
    created_at: datetime | None = None,
    published_at: datetime | None = None,
    uuid: str | None = None,
) -> Article:
    """Insert an article inside an existing unit of work (imports use this)."""
    now = created_at or utcnow()
    article = Article(created_at=now, published_at=published_at)
    if uuid:
        article.uuid = uuid
    _apply(session, article, fields, now)
    session.add(article)  # after _apply: its lookups must not flush a half-filled article
    session.flush()
    session.add(_snapshot(article, actor, "created", now))
    record(session, Changes.of(articles={article.id}, article_set=True))
    return article


@patient
def create_article(db: Database, fields: ArticleFields, actor: str = "") -> ArticleDetail:
    with db.session() as session:
        article = create_article_in(session, fields, actor)
        session.flush()
        return _detail_of(article)


@patient
def save_article(
    db: Database,
    article_id: int,
    fields: ArticleFields,
    expected_version: int,
    actor: str = "",
    reason: str = "save",
    keep_revision: bool = True,
) -> ArticleDetail:
    """Save ``fields`` over the version the caller opened; raise ConflictError if it moved on."""
    try:
        return _save(db, article_id, fields, expected_version, actor, reason, keep_revision)
    except StaleDataError:
        # Another program saved between our read and our write: the UPDATE names the version
        # read, so it matched nothing and nothing was written. The same conflict as above.
        raise ConflictError(get_article(db, article_id)) from None


def _save(
    db: Database,
    article_id: int,
    fields: ArticleFields,
    expected_version: int,
    actor: str,
    reason: str,
    keep_revision: bool,
) -> ArticleDetail:
    with db.session() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise ArticleNotFoundError(f"there is no article {article_id}")
        if article.version != expected_version:
            raise ConflictError(_detail_of(article))
        if _fields_of(article) == fields.normalized():
            session.execute(delete(Autosave).where(Autosave.article_id == article_id))
            return _detail_of(article)  # nothing changed: no new version, no empty revision
        _apply(session, article, fields, utcnow())
        session.flush()
        if keep_revision:
            session.add(_snapshot(article, actor, reason, article.updated_at))
        record(session, Changes.of(articles={article_id}))
        # The unsaved-text buffer is now stale: the saved text supersedes it.
        session.execute(delete(Autosave).where(Autosave.article_id == article_id))
        return _detail_of(article)


def list_revisions(db: Database, article_id: int) -> list[RevisionInfo]:
    with db.session() as session:
        rows = session.execute(
            select(Revision)
            .where(Revision.article_id == article_id)
            .order_by(Revision.created_at.desc(), Revision.id.desc())
        ).scalars()
        return [
            RevisionInfo(
                id=r.id,
                created_at=r.created_at,
                author_name=r.author_name,
                reason=r.reason,
                article_version=r.article_version,
                word_count=r.word_count,
                fields=ArticleFields(
                    title=r.title,
                    rubric=r.rubric,
                    standfirst=r.standfirst,
                    tags=split_tags(r.tags),
                    author=r.author,
                    language=r.language,
                    status=r.status,
                    body=r.body,
                ),
            )
            for r in rows
        ]


def list_rubrics(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.execute(select(Rubric.name).order_by(Rubric.name)).scalars())


def list_people(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.execute(select(Person.name).order_by(Person.name)).scalars())
