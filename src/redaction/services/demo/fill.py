"""``redaction demo``: fill a new database with a realistic newsroom, in one transaction.

Twelve articles (French and English, four rubrics, every workflow status) by journalists and
editors, and a few hundred reader comments in every moderation status, some threaded, some
hostile. The text is hand-written; comments are combined from fragments by a seeded
``random.Random``, so the same content comes out every time (only the dates follow ``now``).
A database that already holds an article or a comment is refused and left alone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from redaction.domain.dates import utcnow
from redaction.domain.plural import counted
from redaction.domain.slugs import slugify
from redaction.domain.workflow import CommentStatus
from redaction.services.articles.editing import create_article_in, person_named_in, rubric_named_in
from redaction.services.articles.values import ArticleFields
from redaction.services.demo import comments as texts
from redaction.services.demo.articles import ARTICLES, PEOPLE, RUBRICS
from redaction.services.errors import RefusedError
from redaction.services.moderation.comments import NewComment, add_comments_in
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment

SEED = 20250419
PER_STATUS = 45  # ordinary comments per status, before the hostile ones are added
REPLY_SHARE = 0.3
ACTOR = "demo"


class DemoRefusedError(RefusedError):
    pass


@dataclass(frozen=True, slots=True)
class DemoResult:
    articles: int
    comments: int
    comments_by_status: dict[str, int]


@dataclass(frozen=True, slots=True)
class _Target:
    """An article readers can comment on: published (or published, then archived)."""

    id: int
    language: str
    published_at: datetime


def ensure_empty_in(session: Session, location: str) -> None:
    articles = session.execute(select(func.count(Article.id))).scalar_one()
    comments = session.execute(select(func.count(Comment.id))).scalar_one()
    if articles or comments:
        raise DemoRefusedError(
            f"{location} already holds {counted(articles, 'article')} and {counted(comments, 'comment')}; "
            "demo only fills a new, empty database (give another --db path)"
        )


def _create_articles(session: Session, now: datetime) -> list[_Target]:
    for name, role in PEOPLE:
        person_named_in(session, name, role)
    for rubric in RUBRICS:
        rubric_named_in(session, rubric)
    targets: list[_Target] = []
    for item in ARTICLES:
        created = now - timedelta(days=item.days_ago, hours=3)
        published = None
        if item.published_days_ago is not None:
            published = now - timedelta(days=item.published_days_ago, hours=1)
        fields = ArticleFields(
            title=item.title,
            rubric=item.rubric,
            standfirst=item.standfirst,
            tags=item.tags,
            author=item.author,
            language=item.language,
            status=item.status,
            body=item.body,
        )
        article = create_article_in(session, fields, ACTOR, created_at=created, published_at=published)
        if published is not None:
            targets.append(_Target(article.id, item.language, published))
            # Last touched when it went out; a plain UPDATE so that it stays at version 1.
            session.execute(
                update(Article)
                .where(Article.id == article.id)
                .values(updated_at=published)
                .execution_options(synchronize_session=False)
            )
    return targets


def _moment(rng: random.Random, target: _Target, now: datetime, after: datetime | None = None) -> datetime:
    start = max(target.published_at, after or target.published_at)
    span = max(60, int((now - start).total_seconds()) - 60)
    return min(now, start + timedelta(seconds=rng.randrange(30, span)))


def _ordinary(rng: random.Random, status: str, target: _Target, now: datetime) -> NewComment:
    if status == CommentStatus.SPAM:
        name = rng.choice(texts.SPAM_NAMES)
        body = texts.spam_comment(rng)
        url = f"http://{rng.choice(texts.SPAM_HOSTS)}/"
    else:
        name = texts.person(rng, target.language)
        body = (
            rng.choice(texts.TRASH_BODIES)
            if status == CommentStatus.TRASH
            else texts.reader_comment(rng, target.language)
        )
        url = f"https://www.example.org/{slugify(name)}" if rng.random() < 0.15 else ""
    return NewComment(
        article_id=target.id,
        body=body,
        author_name=name,
        author_email=texts.email_for(rng, name),
        author_url=url,
        author_ip=f"{rng.choice(('192.0.2', '198.51.100', '203.0.113'))}.{rng.randrange(1, 255)}",
        created_at=_moment(rng, target, now),
        status=status,
    )


def _comments(session: Session, rng: random.Random, targets: list[_Target], now: datetime) -> int:
    top: list[NewComment] = []
    for each in CommentStatus:
        top += [_ordinary(rng, each.value, rng.choice(targets), now) for _ in range(PER_STATUS)]
    for status, name, email, body in texts.hostile_comments(rng):
        target = rng.choice(targets)
        top.append(
            NewComment(
                article_id=target.id,
                body=body,
                author_name=name,
                author_email=email,
                author_ip="203.0.113.66",
                created_at=_moment(rng, target, now),
                status=status,
            )
        )
    ids = add_comments_in(session, top)
    by_id = {t.id: t for t in targets}
    # Replies: readers answering an approved comment on the same article, after it.
    answerable = [(cid, c) for cid, c in zip(ids, top, strict=True) if c.status == CommentStatus.APPROVED]
    replies: list[NewComment] = []
    for parent_id, parent in rng.sample(answerable, int(len(answerable) * REPLY_SHARE)):
        target = by_id[parent.article_id]
        base = _ordinary(rng, rng.choice(("approved", "approved", "pending")), target, now)
        replies.append(
            replace(
                base,
                parent_id=parent_id,
                body=texts.reply(rng, target.language, parent.author_name),
                created_at=_moment(rng, target, now, after=parent.created_at),
            )
        )
    add_comments_in(session, replies)
    add_comments_in(session, _links(rng, targets, now))
    return len(top) + len(replies)


# Other sites linking to an article, as WordPress records them (kept apart from readers' comments).
_LINKS = (
    (
        "pingback",
        "pending",
        "Le Blog du Port",
        "https://blog-du-port.example/2025/la-criee",
        "[…] comme le raconte très bien le journal, la criée de Lorient […]",
    ),
    (
        "pingback",
        "approved",
        "Bretagne Culture",
        "https://bretagne-culture.example/festivals",
        "[…] une sélection des festivals de l'été, dont celui de Quimperlé […]",
    ),
    (
        "trackback",
        "pending",
        "Agenda du Finistère",
        "https://agenda29.example/?p=812",
        "Agenda du Finistère a cité cet article dans sa sélection de la semaine.",
    ),
    (
        "pingback",
        "spam",
        "Casino Bonus 777",
        "https://casino-bonus.example/promo",
        "[…] best casino bonus 2025 […]",
    ),
)


def _links(rng: random.Random, targets: list[_Target], now: datetime) -> list[NewComment]:
    links = []
    for kind, status, site, url, excerpt in _LINKS:
        target = rng.choice(targets)
        links.append(
            NewComment(
                article_id=target.id,
                body=excerpt,
                author_name=site,
                author_url=url,
                author_ip="192.0.2.80",
                created_at=_moment(rng, target, now),
                status=status,
                kind=kind,
            )
        )
    return links


def fill_demo(db: Database, now: datetime | None = None, seed: int = SEED) -> DemoResult:
    """Write the demo newsroom into ``db`` (which must be empty): all of it, or nothing."""
    now = now or utcnow()
    rng = random.Random(seed)
    with db.session() as session:
        ensure_empty_in(session, db.location)
        targets = _create_articles(session, now)
        count = _comments(session, rng, targets, now)
        rows = session.execute(
            select(Comment.status, func.count()).where(Comment.kind == "comment").group_by(Comment.status)
        )
        by_status = {status: n for status, n in rows}
    return DemoResult(articles=len(ARTICLES), comments=count, comments_by_status=by_status)
