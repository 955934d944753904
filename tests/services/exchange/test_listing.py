"""Listing rows for scripts and people: every row exactly once, safe to print."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from redaction.services.articles.editing import create_article_in
from redaction.services.articles.values import ArticleFields
from redaction.services.exchange import listing
from redaction.services.moderation.comments import NewComment, add_comments_in
from redaction.storage.database import Database

T0 = datetime(2025, 4, 19, 8, 0, tzinfo=UTC)


@pytest.fixture
def filled(db: Database) -> Database:
    with db.session() as session:
        for n in range(7):
            status = "published" if n % 2 else "draft"
            # Several articles share a timestamp: paging must not skip or repeat them.
            create_article_in(
                session,
                ArticleFields(title=f"Article {n}", status=status),
                created_at=T0 + timedelta(minutes=n // 3),
            )
        add_comments_in(
            session,
            [
                NewComment(
                    article_id=1 + n % 2,
                    body=f"Comment {n}",
                    created_at=T0 + timedelta(minutes=n // 4),
                    status=("pending", "approved", "spam")[n % 3],
                )
                for n in range(11)
            ],
        )
    return db


def test_pages_cover_every_row_once(filled: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listing, "PAGE_SIZE", 2)
    with filled.session() as session:
        articles = [row.id for row in listing.iter_article_rows_in(session)]
        rows = list(listing.iter_comment_rows_in(session))
        comments = [row.id for row in rows]
        published = [row.id for row in listing.iter_article_rows_in(session, "published")]
        on_first = [row.id for row in listing.iter_comment_rows_in(session, "pending", article_id=1)]
    assert sorted(articles) == list(range(1, 8))
    assert sorted(comments) == list(range(1, 12))
    keys = [(row.created_at, row.id) for row in rows]
    assert keys == sorted(keys, reverse=True), "all statuses merged, newest first"
    assert sorted(published) == [2, 4, 6]
    assert sorted(on_first) == [1, 7]


def test_json_is_one_array_with_iso_utc_times(filled: Database) -> None:
    out = io.StringIO()
    with filled.session() as session:
        count = listing.write_json(map(listing.article_object, listing.iter_article_rows_in(session)), out)
    data = json.loads(out.getvalue())
    assert count == len(data) == 7
    first = next(a for a in data if a["id"] == 2)
    assert first["published_at"] == first["updated_at"] == "2025-04-19T08:00:00Z"
    assert next(a for a in data if a["id"] == 1)["published_at"] is None


def test_empty_json_array() -> None:
    out = io.StringIO()
    assert listing.write_json(iter([]), out) == 0
    assert json.loads(out.getvalue()) == []


def test_invisible_characters_are_escaped_in_json_but_keep_their_value() -> None:
    out = io.StringIO()
    listing.write_json(iter([{"name": "\u202enoitcadér aL", "b": "zero\u200bwidth\u2028"}]), out)
    text = out.getvalue()
    assert "\u202e" not in text and "\\u202e" in text and "\\u200b" in text
    assert json.loads(text) == [{"name": "\u202enoitcadér aL", "b": "zero\u200bwidth\u2028"}]


def test_table_cells_show_hidden_characters_and_stay_on_one_line() -> None:
    assert listing.visible("a\u202eb\u200bc\x1b[31m") == "a<U+202E>b<U+200B>c<U+001B>[31m"
    assert listing.visible("line one\nline two") == "line one line two"
    assert listing.cell("Économie et société", 8) == "Économi…"
    assert listing.cell("Sport", 8) == "Sport   "
