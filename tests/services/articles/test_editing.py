"""Article use cases as the window and the command line rely on them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from redaction.services.articles.editing import (
    count_articles_in,
    create_article,
    get_article_in,
    list_articles_in,
    list_people,
    list_revisions,
    list_rubrics,
    save_article,
)
from redaction.services.articles.values import (
    ArticleFields,
    ArticleNotFoundError,
    ArticleQuery,
    ConflictError,
    sort_key_of,
)
from redaction.storage.database import Database

FIELDS = ArticleFields(
    title="  Économie à Noël  ",
    rubric="Économie",
    tags=("fêtes", " commerce ", "fêtes", ""),
    author="Claire Vasseur",
    body="## Les prix\n\nIls montent.",
)


def test_created_article_reads_back_normalized(db: Database) -> None:
    created = create_article(db, FIELDS, actor="claire")
    with db.session() as session:
        article = get_article_in(session, created.id)
    assert article.fields.title == "Économie à Noël"
    assert article.fields.tags == ("fêtes", "commerce")
    assert article.slug == "economie-a-noel"
    assert article.word_count == 4
    assert (article.version, article.published_at) == (1, None)
    assert list_rubrics(db) == ["Économie"] and list_people(db) == ["Claire Vasseur"]


def test_missing_article(db: Database) -> None:
    with db.session() as session, pytest.raises(ArticleNotFoundError):
        get_article_in(session, 42)


def test_saving_over_someone_elses_save_is_a_conflict(db: Database) -> None:
    opened = create_article(db, FIELDS)
    theirs = save_article(db, opened.id, replace(FIELDS, body="Leur version."), opened.version)
    with pytest.raises(ConflictError) as caught:
        save_article(db, opened.id, replace(FIELDS, body="Ma version."), opened.version)
    assert caught.value.current.fields.body == "Leur version."
    assert "changed elsewhere" in str(caught.value)
    with db.session() as session:
        assert get_article_in(session, opened.id).version == theirs.version


def test_saving_unchanged_text_makes_no_new_version(db: Database) -> None:
    opened = create_article(db, FIELDS)
    again = save_article(db, opened.id, FIELDS, opened.version)
    assert again.version == opened.version
    assert len(list_revisions(db, opened.id)) == 1


def test_publication_time_is_set_once_and_title_change_renames_the_slug(db: Database) -> None:
    opened = create_article(db, FIELDS)
    published = save_article(db, opened.id, replace(FIELDS, status="published"), opened.version)
    assert published.published_at is not None
    renamed = save_article(
        db, opened.id, replace(FIELDS, status="published", title="Noël"), published.version
    )
    assert renamed.published_at == published.published_at
    assert renamed.slug == "noel"
    reasons = [r.reason for r in list_revisions(db, opened.id)]
    assert reasons == ["save", "save", "created"]


def test_keyset_pages_list_every_article_once_in_order(db: Database) -> None:
    for title in ["Brest", "Auray", "Carhaix", "Dinan", "Auray"]:
        create_article(db, ArticleFields(title=title))
    query = ArticleQuery(sort="title", descending=False)
    seen: list[str] = []
    after = None
    with db.session() as session:
        while page := list_articles_in(session, query, after=after, limit=2):
            seen += [a.title for a in page]
            after = sort_key_of(page[-1], "title")
    assert seen == ["Auray", "Auray", "Brest", "Carhaix", "Dinan"]


def test_filters_by_status_and_accent_insensitive_text(db: Database) -> None:
    create_article(db, FIELDS)
    create_article(db, ArticleFields(title="Sport : victoire", status="ready"))
    with db.session() as session:
        assert [a.title for a in list_articles_in(session, ArticleQuery(text="noel"))] == ["Économie à Noël"]
        assert [a.title for a in list_articles_in(session, ArticleQuery(text="vasseur"))] == [
            "Économie à Noël"
        ]
        assert [a.status for a in list_articles_in(session, ArticleQuery(status="ready"))] == ["ready"]
        assert count_articles_in(session, ArticleQuery(text="100%_")) == 0
    with db.session() as session, pytest.raises(ValueError, match="cannot sort articles by 'nope'"):
        list_articles_in(session, ArticleQuery(sort="nope"))
