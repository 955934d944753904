"""The version counter moves once per save, which is what conflict detection relies on."""

from __future__ import annotations

import pytest

from redaction.services.articles.editing import create_article, list_revisions, save_article
from redaction.services.articles.values import ArticleFields, ConflictError
from redaction.storage.database import Database


def test_one_save_is_one_version_and_one_revision(db: Database) -> None:
    created = create_article(db, ArticleFields(title="Brouillon", rubric="Culture", author="Anne"))
    assert created.version == 1
    saved = save_article(
        db, created.id, ArticleFields(title="Titre", rubric="Sport", author="Yann"), created.version
    )
    assert saved.version == 2
    assert [r.reason for r in list_revisions(db, created.id)] == ["save", "created"]


def test_saving_unchanged_text_makes_no_new_version(db: Database) -> None:
    created = create_article(db, ArticleFields(title="Titre"))
    again = save_article(db, created.id, ArticleFields(title="Titre"), created.version)
    assert again.version == created.version
    assert len(list_revisions(db, created.id)) == 1


def test_stale_version_is_a_conflict_carrying_their_text(db: Database) -> None:
    created = create_article(db, ArticleFields(title="Titre"))
    save_article(db, created.id, ArticleFields(title="Le leur"), created.version)
    with pytest.raises(ConflictError) as caught:
        save_article(db, created.id, ArticleFields(title="Le mien"), created.version)
    assert caught.value.current.fields.title == "Le leur"
