"""The loop a newsroom lives in, as its people do it: publish from the desk, a reader comments
on the site, the comment comes back, is approved, and appears under the article — then the same
with the site down for a while."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from redaction.services.site.outbox import outbox_count, pending_outbox
from redaction.services.site.values import SENT
from redaction.storage.database import Database
from redaction.storage.models import Comment, OutboxItem, SitePost
from tests.cli.conftest import one_error_line
from tests.site.helpers import headings, post_reader_comment, public_text, seed_article, site_comment
from tests.site.wordpress import LocalWordPress

READER = "Quelle belle histoire ! Ma grand-mère faisait ses courses chez elle.\nMerci pour ce portrait."


def _comment(db_path: Path, wp_id: int, site: LocalWordPress) -> Comment:
    db = Database.open(db_path)
    try:
        with db.session() as s:
            key = site.url.split("://", 1)[1]
            found = s.execute(
                select(Comment).where(Comment.source_id.like(f"wxr:{key}:%:{wp_id}"))
            ).scalar_one()
            s.expunge(found)
            return found
    finally:
        db.close()


def test_publish_then_a_reader_comment_comes_back_is_approved_and_shows(
    site: LocalWordPress, password: str, db_path: Path, run
) -> None:
    db = Database.open(db_path)
    article = seed_article(db)
    db.close()

    connected = run("site", "connect", site.url, "--user", site.user, "--db", db_path)
    assert connected.status == 0, connected.err
    assert "Le Journal" in connected.out
    status = run("site", "status", "--db", db_path)
    assert "Le Journal" in status.out and "0 changes waiting" in status.out

    published = run("publish", article.id, "--db", db_path)
    assert published.status == 0, published.err
    url = re.search(r"(http://\S+)", published.out).group(1)
    page = public_text(url)
    assert article.fields.title in page
    for heading in headings(article.fields.body):
        assert heading in page  # sub-headings, French typography (no-break spaces) intact
    assert "Par Aïcha Benali" in page

    db = Database.open(db_path)
    with db.session() as s:
        post_id = s.execute(select(SitePost.post_id).where(SitePost.article_id == article.id)).scalar_one()
    db.close()
    wp_id = post_reader_comment(site, post_id, READER, "Yvonne Le Bihan", "yvonne@example.org")

    synced = run("sync", "--db", db_path)
    assert synced.status == 0, synced.err
    assert re.search(r"received \d+ new comments?", synced.out)  # ours, and any others on the shared site
    comment = _comment(db_path, wp_id, site)
    assert comment.status == "pending"
    assert comment.body == site_comment(site, wp_id)["content"]["raw"]  # as the site stores it
    assert comment.author_name == "Yvonne Le Bihan" and comment.author_email == "yvonne@example.org"
    assert comment.author_ip == "127.0.0.1"
    assert READER.splitlines()[0] not in public_text(url)  # held for moderation on the site

    approved = run("moderate", "approve", comment.id, "--db", db_path)
    assert approved.status == 0, approved.err
    assert "1 decision waiting for the site" in approved.out
    synced = run("sync", "--db", db_path)
    assert synced.status == 0, synced.err
    assert "sent 1 change" in synced.out
    assert site_comment(site, wp_id)["status"] == "approved"
    assert "Ma grand-mère faisait ses courses chez elle." in public_text(url)  # under the article now

    # The site goes down while the desk works on.
    second = post_reader_comment(
        site, post_id, "Et le pain de Plouay, toujours aussi bon ?", "Jo", "jo@example.org"
    )
    assert run("sync", "--db", db_path).status == 0
    spam = _comment(db_path, second, site)
    site.stop_php()
    decided = run("moderate", "spam", spam.id, "--db", db_path)
    assert decided.status == 0, decided.err  # the local decision does not need the site
    trashed_reply = run("moderate", "trash", comment.id, "--db", db_path)
    assert trashed_reply.status == 0
    failed = run("sync", "--db", db_path)
    assert failed.status == 1
    line = one_error_line(failed.err)
    assert site.url in line and "cannot be reached" in line and "2 changes kept in the outbox" in line
    db = Database.open(db_path)
    assert outbox_count(db) == 2
    assert all("cannot be reached" in e.last_error for e in pending_outbox(db))
    db.close()

    site.start_php()
    synced = run("sync", "--db", db_path)
    assert synced.status == 0, synced.err
    assert "sent 2 changes" in synced.out
    assert site_comment(site, second)["status"] == "spam"
    assert site_comment(site, wp_id)["status"] == "trash"
    again = run("sync", "--db", db_path)
    assert "sent 0 changes" in again.out
    db = Database.open(db_path)
    with db.session() as s:
        states = s.execute(select(OutboxItem.kind, OutboxItem.state)).all()
    db.close()
    assert states == [("publish", SENT), ("moderate", SENT), ("moderate", SENT), ("moderate", SENT)]
