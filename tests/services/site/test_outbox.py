"""The outbox is written in the same transaction as the local change, only for what must reach
the connected site (no WordPress needed: the site's row is written as connecting would)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from redaction.services.articles.editing import create_article, get_article_in, save_article
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation.comments import NewComment, add_comments_in, set_status_in
from redaction.services.moderation.detail import reply_as_newsroom
from redaction.services.moderation.queue import decide, decide_in_chunks, undo_decisions
from redaction.services.site import errors
from redaction.services.site.outbox import outbox_count, pending_outbox
from redaction.services.site.publish import PublishRefusedError, publish_articles, unpublish_articles
from redaction.services.site.values import MODERATE, PUBLISH, REPLY
from redaction.storage.changeset import Changes
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment, OutboxItem
from tests.services.site.rows import connect


def _comments(db: Database) -> tuple[int, int, int]:
    """An article with a comment from the site, one from another site's export, one typed here."""
    article = create_article(db, ArticleFields(title="Marché de Noël", status="ready"))
    with db.session() as s:
        ids = add_comments_in(
            s,
            [
                NewComment(article.id, "Du site", source_id="wxr:journal.example:12:345"),
                NewComment(article.id, "D'ailleurs", source_id="wxr:autre.example:12:345"),
                NewComment(article.id, "Sans source"),
            ],
        )
    return ids[0], ids[1], ids[2]


def test_decisions_on_comments_from_the_site_are_queued_in_order(both_db: Database) -> None:
    connect(both_db)
    ours, other, local = _comments(both_db)
    seen: list[Changes] = []
    both_db.add_listener(lambda changes, _who: seen.append(changes))
    decide(both_db, [ours, other, local], "approved", "Claire")
    decide(both_db, [ours], "spam", "Claire")
    items = pending_outbox(both_db)
    assert [(e.kind, e.payload["comment"], e.payload["from"], e.payload["status"]) for e in items] == [
        (MODERATE, ours, "pending", "approved"),
        (MODERATE, ours, "approved", "spam"),
    ]
    assert outbox_count(both_db) == 2
    assert all(c.outbox for c in seen)  # open windows hear of it


def test_nothing_is_queued_without_a_connected_site(both_db: Database) -> None:
    ours, _, _ = _comments(both_db)
    decide(both_db, [ours], "approved", "Claire")
    assert outbox_count(both_db) == 0


def test_the_outbox_item_and_the_decision_commit_together_or_not_at_all(both_db: Database) -> None:
    connect(both_db)
    ours, _, _ = _comments(both_db)
    with pytest.raises(RuntimeError), both_db.session() as s:
        set_status_in(s, [ours], "trash", "Claire")
        raise RuntimeError("the desk crashed before the commit")
    assert outbox_count(both_db) == 0
    with both_db.session() as s:
        assert s.get(Comment, ours).status == "pending"


def test_bulk_moves_and_their_undo_reach_the_site_too(both_db: Database) -> None:
    connect(both_db)
    article = create_article(both_db, ArticleFields(title="Fest-noz"))
    with both_db.session() as s:
        ids = add_comments_in(
            s, [NewComment(article.id, f"n° {i}", source_id=f"wxr:journal.example:7:{i}") for i in range(5)]
        )
    outcome = decide_in_chunks(both_db, ids, "trash", "Claire", chunk=2)
    undo_decisions(both_db, outcome.decisions, "Claire")
    statuses = [e.payload["status"] for e in pending_outbox(both_db)]
    assert statuses == ["trash"] * 5 + ["pending"] * 5


def test_a_newsroom_reply_to_a_site_comment_is_queued_after_the_approval(both_db: Database) -> None:
    connect(both_db)
    ours, _, local = _comments(both_db)
    reply = reply_as_newsroom(both_db, ours, "Merci !", "Claire")
    reply_as_newsroom(both_db, local, "Merci aussi", "Claire")  # not from the site: stays here
    items = pending_outbox(both_db)
    assert [e.kind for e in items] == [MODERATE, REPLY]
    assert items[1].payload == {"comment": reply.comment_id, "parent": ours}


def test_publishing_queues_a_snapshot_with_the_local_change(both_db: Database) -> None:
    connect(both_db)
    article = create_article(
        both_db,
        ArticleFields(
            title="Le port", rubric="Économie", tags=("pêche",), status="ready", body="## Quai\n\nTexte."
        ),
    )
    (queued,) = publish_articles(both_db, [article.id], "Claire")
    with both_db.session() as s:
        detail = get_article_in(s, article.id)
    assert detail.fields.status == "published" and detail.published_at is not None
    item = pending_outbox(both_db)[0]
    assert item.kind == PUBLISH and item.id == queued.outbox_id
    assert item.payload["fields"]["body"] == "## Quai\n\nTexte." and item.payload["uuid"] == article.uuid
    # An edit saved afterwards is not in what waits: it goes with the next publication.
    save_article(
        both_db,
        article.id,
        ArticleFields(
            **{**json.loads(json.dumps(item.payload["fields"])), "tags": ("pêche",), "body": "Autre."}
        ),
        detail.version,
    )
    assert pending_outbox(both_db)[0].payload["fields"]["body"] == "## Quai\n\nTexte."


def test_only_ready_articles_are_published_and_nothing_is_written_otherwise(both_db: Database) -> None:
    connect(both_db)
    ready = create_article(both_db, ArticleFields(title="Prêt", status="ready"))
    draft = create_article(both_db, ArticleFields(title="Brouillon"))
    with pytest.raises(PublishRefusedError, match="is draft: only a ready article can be published"):
        publish_articles(both_db, [ready.id, draft.id], "Claire")
    with pytest.raises(PublishRefusedError, match="there is no article 999"):
        publish_articles(both_db, [999], "Claire")
    with pytest.raises(PublishRefusedError, match="is not published"):
        unpublish_articles(both_db, [ready.id], "Claire")
    assert outbox_count(both_db) == 0
    with both_db.session() as s:
        assert s.get(Article, ready.id).status == "ready"


def test_publishing_needs_a_connected_site(both_db: Database) -> None:
    ready = create_article(both_db, ArticleFields(title="Prêt", status="ready"))
    with pytest.raises(errors.NotConnectedError, match="no site is connected"):
        publish_articles(both_db, [ready.id], "Claire")
    with both_db.session() as s:
        assert s.execute(select(OutboxItem)).first() is None
        assert s.get(Article, ready.id).status == "ready"


def test_the_command_line_refuses_unknown_comments_and_a_missing_site(run, db: Database, db_path) -> None:
    ready = create_article(db, ArticleFields(title="Prêt", status="ready"))
    for args, words in [
        (("moderate", "approve", "999"), "there is no comment 999"),
        (("publish", str(ready.id)), "no site is connected"),
        (("sync",), "no site is connected"),
    ]:
        done = run(*args, "--db", db_path)
        assert done.status == 2, args
        assert words in done.err and done.err.count("\n") == 1, done.err
