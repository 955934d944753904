"""Nothing on the site is silently overwritten, and nothing here is silently lost: a post edited
or deleted on the site, a comment moderated or deleted there, a sync that died half-way."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from redaction.domain.diff import three_way_merge
from redaction.services.articles.editing import get_article_in, save_article
from redaction.services.moderation.comments import history_of
from redaction.services.moderation.detail import reply_as_newsroom
from redaction.services.moderation.queue import decide
from redaction.services.site import push_posts
from redaction.services.site.outbox import outbox_count, pending_outbox
from redaction.services.site.publish import keep_site_version, publish_articles, publish_merged
from redaction.services.site.push_comments import resolve_comment_conflict
from redaction.services.site.sync import push_outbox, sync
from redaction.services.site.values import CONFLICT
from redaction.storage.database import Database
from redaction.storage.models import Comment, SiteComment, SitePost
from tests.site.helpers import post_reader_comment, public_text, rest, seed_article, site_comment
from tests.site.wordpress import LocalWordPress


def _published(db: Database, suffix: str) -> tuple[int, int, str]:
    """A seed article published on the site: (article id, post id, public address)."""
    article = seed_article(db, suffix)
    publish_articles(db, [article.id], "Claire Vasseur")
    result = push_outbox(db)
    with db.session() as s:
        post_id = s.execute(select(SitePost.post_id).where(SitePost.article_id == article.id)).scalar_one()
    return article.id, post_id, result.links[article.id]


def _edit_locally(db: Database, article_id: int, old: str, new: str) -> None:
    with db.session() as s:
        detail = get_article_in(s, article_id)
    assert old in detail.fields.body
    save_article(
        db, article_id, replace(detail.fields, body=detail.fields.body.replace(old, new)), detail.version
    )


def _local_comment(db: Database, site: LocalWordPress, wp_id: int) -> Comment:
    with db.session() as s:
        cid = s.execute(select(SiteComment.comment_id).where(SiteComment.wp_id == wp_id)).scalar_one()
        comment = s.get(Comment, cid)
        s.expunge(comment)
        return comment


def test_a_post_edited_on_the_site_is_held_with_three_versions_then_merged(
    site_db: Database, site: LocalWordPress
) -> None:
    article_id, post_id, url = _published(site_db, " (conflit)")
    post = rest(site, "GET", f"wp/v2/posts/{post_id}", params={"context": "edit"})
    # French typography keeps the time together: "7 h 25" is written with no-break spaces.
    edited = post["content"]["raw"].replace("Il est 7\u00a0h\u00a025", "Il est 7\u00a0h\u00a020")
    assert edited != post["content"]["raw"]
    rest(site, "POST", f"wp/v2/posts/{post_id}", json={"content": edited})  # the web editor fixes a time
    _edit_locally(site_db, article_id, "au moins quarante livreurs", "au moins cinquante livreurs")

    publish_articles(site_db, [article_id], "Claire Vasseur")
    result = push_outbox(site_db)

    assert result.sent == 0 and len(result.post_conflicts) == 1
    conflict = result.post_conflicts[0]
    assert "edited on the site" in conflict.message
    assert "7\u00a0h\u00a025" in conflict.base.body and "quarante" in conflict.base.body
    assert "cinquante" in conflict.mine.body and "7\u00a0h\u00a020" in conflict.theirs.body
    assert "quarante" in conflict.theirs.body  # the site's version, our change not in it
    page = public_text(url)
    assert "7\u00a0h\u00a020" in page and "cinquante" not in page  # not overwritten
    assert [e.state for e in pending_outbox(site_db)] == [CONFLICT]

    merged = three_way_merge(conflict.base.body, conflict.mine.body, conflict.theirs.body)
    assert merged.conflicts == 0
    publish_merged(site_db, conflict.outbox_id, replace(conflict.mine, body=merged.text), "Claire Vasseur")
    assert push_outbox(site_db).sent == 1
    page = public_text(url)
    assert "7\u00a0h\u00a020" in page and "cinquante" in page
    assert pending_outbox(site_db) == []


def test_keeping_the_site_version_takes_it_here_and_publishes_over_it_later(
    site_db: Database, site: LocalWordPress
) -> None:
    article_id, post_id, url = _published(site_db, " (la version du site)")
    rest(site, "POST", f"wp/v2/posts/{post_id}", json={"title": "Lucienne Morvan, 92 ans, épicière"})
    _edit_locally(site_db, article_id, "sept maires", "huit maires")
    publish_articles(site_db, [article_id], "Claire Vasseur")
    conflict = push_outbox(site_db).post_conflicts[0]
    assert conflict.theirs.title == "Lucienne Morvan, 92 ans, épicière"

    keep_site_version(site_db, conflict.outbox_id, "Claire Vasseur")
    with site_db.session() as s:
        detail = get_article_in(s, article_id)
    assert detail.fields.title == "Lucienne Morvan, 92 ans, épicière"
    assert "sept maires" in detail.fields.body  # the site's body, which never had our edit
    _edit_locally(site_db, article_id, "sept maires", "neuf maires")
    publish_articles(site_db, [article_id], "Claire Vasseur")
    assert push_outbox(site_db).sent == 1  # the site's version was seen: no conflict now
    assert "neuf maires" in public_text(url)


def test_a_post_deleted_on_the_site_is_a_conflict_and_can_be_published_again(
    site_db: Database, site: LocalWordPress
) -> None:
    article_id, post_id, _ = _published(site_db, " (supprimé)")
    rest(site, "DELETE", f"wp/v2/posts/{post_id}", params={"force": "true"})
    publish_articles(site_db, [article_id], "Claire Vasseur")
    result = push_outbox(site_db)
    (conflict,) = result.post_conflicts
    assert conflict.theirs is None and "deleted on the site" in conflict.message

    publish_merged(site_db, conflict.outbox_id, conflict.mine, "Claire Vasseur")
    again = push_outbox(site_db)
    assert again.sent == 1
    with site_db.session() as s:
        new_post = s.execute(select(SitePost.post_id).where(SitePost.article_id == article_id)).scalar_one()
    assert new_post != post_id
    assert conflict.mine.title in public_text(again.links[article_id])


def test_a_publication_cut_off_after_the_site_answered_is_not_made_twice(
    site_db: Database, site: LocalWordPress, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = seed_article(site_db, " (une seule fois)")
    publish_articles(site_db, [article.id], "Claire Vasseur")

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # the process dies after the site created the post, before we noted it

    monkeypatch.setattr(push_posts, "public_link", killed)
    with pytest.raises(KeyboardInterrupt):
        push_outbox(site_db)
    monkeypatch.undo()
    assert outbox_count(site_db) == 1  # still waiting: we never learnt the post's id

    assert push_outbox(site_db).sent == 1
    hits = rest(
        site,
        "GET",
        "wp/v2/posts",
        params={"search": article.uuid, "status": "publish,draft", "context": "edit"},
    )
    assert len(hits) == 1


def test_a_comment_moderated_on_the_site_after_our_decision_keeps_the_site_decision(
    site_db: Database, site: LocalWordPress
) -> None:
    _, post_id, _ = _published(site_db, " (modération croisée)")
    wp_id = post_reader_comment(site, post_id, "Premier !", "Troll", "troll@example.org")
    sync(site_db)
    comment = _local_comment(site_db, site, wp_id)
    decide(site_db, [comment.id], "approved", "Claire Vasseur")
    rest(site, "POST", f"wp/v2/comments/{wp_id}", json={"status": "spam"})  # meanwhile, on the site

    result = sync(site_db)
    (conflict,) = result.comment_conflicts
    assert (conflict.local_status, conflict.site_status) == ("approved", "spam")
    assert site_comment(site, wp_id)["status"] == "spam"
    assert _local_comment(site_db, site, wp_id).status == "spam"  # the site's decision, applied here
    assert history_of(site_db, comment.id)[-1].actor == "site"

    resolve_comment_conflict(site_db, conflict.outbox_id, "local", "Claire Vasseur")
    assert sync(site_db).sent == 1
    assert site_comment(site, wp_id)["status"] == "approved"
    assert _local_comment(site_db, site, wp_id).status == "approved"


def test_decisions_and_deletions_made_on_the_site_come_back(site_db: Database, site: LocalWordPress) -> None:
    _, post_id, _ = _published(site_db, " (décisions du site)")
    kept = post_reader_comment(site, post_id, "Très juste.", "Anne", "anne@example.org")
    gone = post_reader_comment(site, post_id, "Achetez mes montres", "Spam", "spam@example.org")
    sync(site_db)
    rest(site, "POST", f"wp/v2/comments/{kept}", json={"status": "approved"})
    rest(site, "DELETE", f"wp/v2/comments/{gone}", params={"force": "true"})

    result = sync(site_db)
    assert result.changed_on_site >= 1 and result.deleted_on_site >= 1
    assert _local_comment(site_db, site, kept).status == "approved"
    deleted = _local_comment(site_db, site, gone)
    assert deleted.body == "Achetez mes montres"  # kept here, marked
    assert deleted.reason.startswith("deleted on the site")
    decide(site_db, [deleted.id], "trash", "Claire Vasseur")
    after = sync(site_db)
    assert any("deleted on the site" in line for line in after.lines())
    assert outbox_count(site_db) == 0


def test_a_newsroom_reply_reaches_the_site_once_and_is_not_pulled_back_as_new(
    site_db: Database, site: LocalWordPress
) -> None:
    _, post_id, url = _published(site_db, " (réponse)")
    wp_id = post_reader_comment(site, post_id, "Où se trouve l’épicerie ?", "Paul", "paul@example.org")
    sync(site_db)
    parent = _local_comment(site_db, site, wp_id)
    reply = reply_as_newsroom(site_db, parent.id, "Place de l’église, à côté de la mairie.", "Claire Vasseur")
    assert outbox_count(site_db) == 2  # approving the parent, then the reply
    result = sync(site_db)
    assert result.sent == 2
    replies = rest(site, "GET", "wp/v2/comments", params={"parent": wp_id, "context": "edit"})
    assert [(r["author_name"], r["content"]["raw"]) for r in replies] == [
        ("Claire Vasseur", "Place de l’église, à côté de la mairie.")
    ]
    assert "Place de l’église" in public_text(url)
    with site_db.session() as s:
        assert (
            s.execute(
                select(func.count()).select_from(Comment).where(Comment.article_id == parent.article_id)
            ).scalar_one()
            == 2
        )
        assert s.get(SiteComment, reply.comment_id).wp_id == replies[0]["id"]


def test_moves_that_leave_the_counts_alone_are_found_by_a_full_sync(
    site_db: Database, site: LocalWordPress
) -> None:
    _, post_id, _ = _published(site_db, " (échange)")
    held = post_reader_comment(site, post_id, "Je passe demain.", "Marc", "marc@example.org")
    shown = post_reader_comment(site, post_id, "Moi aussi.", "Lise", "lise@example.org")
    rest(site, "POST", f"wp/v2/comments/{shown}", json={"status": "approved"})
    sync(site_db)
    # On the site, one goes up and the other down: every status keeps its count.
    rest(site, "POST", f"wp/v2/comments/{held}", json={"status": "approved"})
    rest(site, "POST", f"wp/v2/comments/{shown}", json={"status": "hold"})
    assert sync(site_db).changed_on_site == 0  # the quick check cannot see it
    assert sync(site_db, full=True).changed_on_site == 2
    assert _local_comment(site_db, site, held).status == "approved"
    assert _local_comment(site_db, site, shown).status == "pending"
