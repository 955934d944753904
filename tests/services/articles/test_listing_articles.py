"""The article list's orders and filters give the same rows whichever index answers them.

Every test runs on SQLite, and on PostgreSQL too when ``REDACTION_TEST_POSTGRES`` names a server
(as in test_moderation.py): the list builds different SQL for each (LIKE or ILIKE).
"""

from __future__ import annotations

from typing import Any

import pytest

from redaction.services.articles.editing import (
    count_articles_in,
    create_article_in,
    list_articles_in,
    position_of_in,
)
from redaction.services.articles.values import ArticleFields, ArticleQuery, ArticleSummary, sort_key_of
from redaction.services.moderation.comments import NewComment, add_comments_in, count_by_status_in
from redaction.storage.database import Database

ARTICLES = [
    ArticleFields(title="Fête du port à Lorient", rubric="Mer", author="Anne Le Goff", status="published"),
    ArticleFields(title="Le bagad de Lann-Bihoué", rubric="Culture", author="Yann Riou", status="draft"),
    ArticleFields(title="Économie : la criée", rubric="Économie", author="Anne Le Goff", status="ready"),
    ArticleFields(title="Sans rubrique ni auteur", status="draft"),
    ArticleFields(title="Match à Vannes", rubric="Sport", author="Zoé Martin", status="published"),
    ArticleFields(title="Lorient: storm warning", rubric="Mer", author="Yann Riou", language="en"),
    ArticleFields(title="100%_ garanti", rubric="Culture", status="in_review"),
]


@pytest.fixture
def db(both_db: Database) -> Database:
    return both_db


@pytest.fixture
def listed(db: Database) -> Database:
    with db.session() as s:
        for fields in ARTICLES:
            create_article_in(s, fields)
    return db


def _all_pages(db: Database, query: ArticleQuery, limit: int = 2) -> list[ArticleSummary]:
    rows: list[ArticleSummary] = []
    after = None
    with db.session() as s:
        while page := list_articles_in(s, query, after=after, limit=limit):
            rows += page
            after = sort_key_of(page[-1], query.sort)
    return rows


def _python_order(db: Database, query: ArticleQuery) -> list[int]:
    """The expected order, computed in Python from every row (SQLite compares code points)."""
    with db.session() as s:
        rows = list_articles_in(s, ArticleQuery(status=query.status, text=query.text), limit=1000)
    key: Any = lambda r: (getattr(r, query.sort), r.id)  # noqa: E731
    return [r.id for r in sorted(rows, key=key, reverse=query.descending)]


@pytest.mark.parametrize("sort", ["title", "rubric", "status", "author", "updated_at", "pending_comments"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(("status", "text"), [(None, ""), ("draft", ""), (None, "lorient"), (None, "e")])
def test_every_order_pages_through_every_match_once(
    listed: Database, sort: str, descending: bool, status: str | None, text: str
) -> None:
    query = ArticleQuery(status=status, text=text, sort=sort, descending=descending)
    with listed.session() as s:
        one_page = [r.id for r in list_articles_in(s, query, limit=1000)]
    assert [r.id for r in _all_pages(listed, query)] == one_page
    if listed.is_sqlite:  # a server orders text by its own collation
        assert one_page == _python_order(listed, query)


def test_no_rubric_sorts_as_an_empty_name(listed: Database) -> None:
    rows = _all_pages(listed, ArticleQuery(sort="rubric", descending=False))
    assert rows[0].title == "Sans rubrique ni auteur" and rows[0].rubric == ""
    rows = _all_pages(listed, ArticleQuery(sort="author", descending=True))
    assert rows[-1].author == "" and rows[0].author == "Zoé Martin"


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("LORIENT", {"Fête du port à Lorient", "Lorient: storm warning"}),  # any case
        ("economie", {"Économie : la criée"}),  # accents through the slug
        ("goff", {"Fête du port à Lorient", "Économie : la criée"}),  # the author's name
        ("culture", {"Le bagad de Lann-Bihoué", "100%_ garanti"}),  # the rubric's name
        ("mer lorient", {"Fête du port à Lorient", "Lorient: storm warning"}),  # every word
        ("100%_", {"100%_ garanti"}),  # wildcards are typed characters
        ("0%", {"100%_ garanti"}),
        ("zzyzx", set()),
    ],
)
def test_text_filter_matches_title_slug_rubric_and_author(
    listed: Database, text: str, titles: set[str]
) -> None:
    query = ArticleQuery(text=text)
    with listed.session() as s:
        assert {r.title for r in list_articles_in(s, query)} == titles
        assert count_articles_in(s, query) == len(titles)


def test_counts_with_and_without_filters(listed: Database) -> None:
    with listed.session() as s:
        assert count_articles_in(s, ArticleQuery()) == len(ARTICLES)
        assert count_articles_in(s, ArticleQuery(status="draft")) == 3
        assert count_articles_in(s, ArticleQuery(status="published", text="lorient")) == 1


def test_comment_counts_leave_out_pingbacks(listed: Database) -> None:
    with listed.session() as s:
        add_comments_in(
            s,
            [
                NewComment(1, "Bravo"),
                NewComment(1, "Merci", status="approved"),
                NewComment(1, "Lien", kind="pingback"),
                NewComment(2, "Ailleurs"),
            ],
        )
        assert count_by_status_in(s, 1) == {"pending": 1, "approved": 1, "spam": 0, "trash": 0}
        assert count_by_status_in(s) == {"pending": 2, "approved": 1, "spam": 0, "trash": 0}


@pytest.mark.parametrize("sort", ["title", "rubric", "author", "updated_at"])
@pytest.mark.parametrize(("status", "text"), [(None, ""), (None, "lorient"), ("draft", "")])
def test_position_of_an_article_is_its_row_in_the_list(
    listed: Database, sort: str, status: str | None, text: str
) -> None:
    query = ArticleQuery(status=status, text=text, sort=sort, descending=sort == "updated_at")
    with listed.session() as s:
        rows = [r.id for r in list_articles_in(s, query, limit=1000)]
        for article_id in range(1, len(ARTICLES) + 1):
            expected = rows.index(article_id) if article_id in rows else None
            assert position_of_in(s, query, article_id) == expected
        assert position_of_in(s, query, 999) is None
