"""The demo newsroom: enough realistic, varied and hostile content to try every screen."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleFields
from redaction.services.demo.fill import DemoRefusedError, fill_demo
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment, Person, Rubric

NOW = datetime(2025, 4, 19, 12, 0, tzinfo=UTC)


@pytest.fixture
def demo(db: Database) -> Database:
    fill_demo(db, now=NOW)
    return db


def test_articles_cover_every_status_rubric_and_both_languages(demo: Database) -> None:
    with demo.session() as session:
        articles = session.execute(select(Article)).scalars().all()
        roles = {name: role for name, role in session.execute(select(Person.name, Person.role))}
        rubrics = set(session.execute(select(Rubric.name)).scalars())
    assert len(articles) >= 8
    assert {a.status for a in articles} == {"draft", "in_review", "ready", "published", "archived"}
    languages = Counter(a.language for a in articles)
    assert set(languages) == {"fr", "en"} and languages["fr"] > languages["en"]
    assert {"Portrait", "Économie", "Culture", "Sport"} <= rubrics
    assert set(roles.values()) == {"journalist", "editor"}
    for article in articles:
        assert article.title and article.author is not None and article.tags
        assert "\n## " in article.body
        assert "\n- " in article.body or "\n1. " in article.body
        assert "> " in article.body
        assert (article.published_at is not None) == (article.status in ("published", "archived"))
    assert any("|---" in a.body for a in articles), "one article has a table"
    assert sum("](https://" in a.body for a in articles) >= len(articles) - 1, "articles carry links"


def test_at_least_forty_comments_in_every_status(demo: Database) -> None:
    with demo.session() as session:
        rows = session.execute(
            select(Comment.status, func.count()).where(Comment.kind == "comment").group_by(Comment.status)
        )
        by_status = {status: n for status, n in rows}
        pending = session.execute(select(func.sum(Article.pending_comments))).scalar_one()
        links = session.execute(select(Comment.kind, Comment.status).where(Comment.kind != "comment")).all()
    assert set(by_status) == {"pending", "approved", "spam", "trash"}
    assert all(n >= 40 for n in by_status.values()), by_status
    assert pending == by_status["pending"], "the article counters match the comments"
    assert {kind for kind, _ in links} == {"pingback", "trackback"} and ("pingback", "pending") in links


def test_threads_and_hostile_comments(demo: Database) -> None:
    with demo.session() as session:
        comments = session.execute(select(Comment)).scalars().all()
    by_id = {c.id: c for c in comments}
    replies = [c for c in comments if c.parent_id is not None]
    assert len(replies) >= 5
    for reply in replies:
        parent = by_id[reply.parent_id]
        assert parent.article_id == reply.article_id and parent.created_at < reply.created_at
    bodies = [c.body for c in comments]
    names = [c.author_name for c in comments]
    assert any("<script>alert(1)</script>" in b for b in bodies)
    assert any("<img src=x onerror=" in b for b in bodies)
    assert max(len(b) for b in bodies) > 20_000
    assert any(b.count("http") >= 3 for b in bodies if "example" in b)
    assert any("\u202e" in n for n in names)
    assert any("\u200b" in n or "\u200d" in n for n in names)
    spam = [c.body for c in comments if c.status == "spam"]
    assert sum("http://" in b for b in spam) > len(spam) // 2
    assert all(c.created_at <= NOW for c in comments)


def test_content_is_varied_and_deterministic(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fill_demo(db, now=NOW)
    other = Database.open(tmp_path / "second.db")
    try:
        fill_demo(other, now=NOW)
        query = select(Comment.author_name, Comment.body, Comment.status, Comment.created_at).order_by(
            Comment.id
        )
        with db.session() as s1, other.session() as s2:
            first = s1.execute(query).all()
            assert first == s2.execute(query).all()
    finally:
        other.close()
    assert len({body for _, body, _, _ in first}) > len(first) * 0.6


def test_refuses_a_database_that_already_has_content(db: Database) -> None:
    create_article(db, ArticleFields(title="Déjà là"))
    with pytest.raises(DemoRefusedError, match="already holds 1 article"):
        fill_demo(db, now=NOW)
    with db.session() as session:
        assert session.execute(select(func.count(Article.id))).scalar_one() == 1
        assert session.execute(select(func.count(Comment.id))).scalar_one() == 0
