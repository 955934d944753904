"""A site that answers badly: each case is one clear line, retried where that makes sense, and
nothing is half-written here (the outbox keeps what was waiting, no comment is half-pulled)."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redaction.services.moderation.queue import decide
from redaction.services.site import errors
from redaction.services.site.connect import connect_site
from redaction.services.site.outbox import outbox_count
from redaction.services.site.sync import sync
from redaction.storage.database import Database
from redaction.storage.models import Comment, Site, SiteComment
from tests.cli.conftest import one_error_line
from tests.site.helpers import post_reader_comment, seed_article
from tests.site.wordpress import LocalWordPress, free_port


@pytest.fixture
def waiting_decision(site_db: Database, site: LocalWordPress) -> int:
    """A comment pulled from the site and a decision on it waiting in the outbox."""
    from redaction.services.site.publish import publish_articles
    from redaction.services.site.sync import push_outbox

    article = seed_article(site_db, " (mauvaises réponses)")
    publish_articles(site_db, [article.id], "Claire Vasseur")
    push_outbox(site_db)
    with site_db.session() as s:
        from redaction.storage.models import SitePost

        post_id = s.execute(select(SitePost.post_id).where(SitePost.article_id == article.id)).scalar_one()
    wp_id = post_reader_comment(site, post_id, "Bravo", "Luc", "luc@example.org")
    sync(site_db)
    with site_db.session() as s:
        cid = s.execute(select(SiteComment.comment_id).where(SiteComment.wp_id == wp_id)).scalar_one()
    decide(site_db, [cid], "approved", "Claire Vasseur")
    assert outbox_count(site_db) == 1
    return wp_id


def _snapshot(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return (
            s.execute(select(func.count()).select_from(Comment)).scalar_one(),
            s.execute(select(Site.pulled_up_to)).scalar_one(),
        )


BAD_ANSWERS = [
    ("html500", errors.SiteBadResponseError, "web page «Erreur de la base de données» (HTTP 500)"),
    ("html200", errors.SiteBadResponseError, "web page «Maintenance»"),
    ("brokenjson", errors.SiteBadResponseError, "broken JSON"),
    ("badutf8", errors.SiteBadResponseError, "not valid UTF-8 (byte 0xe9"),
    ("login", errors.SiteLoginRedirectError, "redirect to its login page"),
]


def test_each_bad_answer_is_one_line_and_keeps_the_outbox(
    site_db: Database, site: LocalWordPress, waiting_decision: int
) -> None:
    with site_db.session() as s:
        comment_id = s.execute(
            select(SiteComment.comment_id).where(SiteComment.wp_id == waiting_decision)
        ).scalar_one()
    for n, (mode, error, words) in enumerate(BAD_ANSWERS):
        if n:  # a new decision waiting for each case
            decide(site_db, [comment_id], "approved" if n % 2 == 0 else "pending", "Claire Vasseur")
        assert outbox_count(site_db) == 1, mode
        before = _snapshot(site_db)
        site.misbehave(mode, path="/wp/v2/comments")
        with pytest.raises(error) as caught:
            sync(site_db)
        message = str(caught.value)
        assert "\n" not in message and site.url in message and words in message, (mode, message)
        assert outbox_count(site_db) == 1, mode  # kept for the next sync
        assert _snapshot(site_db) == before, mode  # nothing half-pulled
        site.misbehave(None)
        assert sync(site_db).sent == 1, mode


def test_a_50_mb_comment_is_refused_without_reading_it_all(site_db: Database, site: LocalWordPress) -> None:
    article = seed_article(site_db, " (commentaire énorme)")
    from redaction.services.site.publish import publish_articles
    from redaction.services.site.sync import push_outbox

    publish_articles(site_db, [article.id], "Claire Vasseur")
    push_outbox(site_db)
    sync(site_db)
    before = _snapshot(site_db)
    from redaction.storage.models import SitePost

    with site_db.session() as s:
        post_id = s.execute(select(SitePost.post_id).where(SitePost.article_id == article.id)).scalar_one()
    post_reader_comment(site, post_id, "Un commentaire que le site va gonfler", "Gros", "gros@example.org")
    site.misbehave("huge", path="/wp/v2/comments")
    with pytest.raises(errors.SiteTooLargeError) as caught:
        sync(site_db)
    assert "more than 16 MB" in str(caught.value) and "nothing was taken from it" in str(caught.value)
    assert _snapshot(site_db) == before


def test_rate_limiting_waits_as_asked_then_goes_on(
    site_db: Database, site: LocalWordPress, waiting_decision: int
) -> None:
    site.misbehave("429", path="/wp/v2/comments", times=1, retry_after=1)
    result = sync(site_db)
    assert result.sent == 1
    assert (
        json.loads((site.root / "site" / "misbehave.json").read_text())["times"] == 0
    )  # it was told to wait


def test_rate_limiting_beyond_reason_is_one_line(
    site_db: Database, site: LocalWordPress, waiting_decision: int
) -> None:
    site.misbehave("429", path="/wp/v2/comments", retry_after=3600)
    with pytest.raises(errors.SiteRateLimitedError, match="asks to wait 3600 s"):
        sync(site_db)
    assert outbox_count(site_db) == 1


def test_the_sync_command_names_the_site_and_reason(
    site_db: Database, site: LocalWordPress, waiting_decision: int, run, db_path: Path
) -> None:
    site.misbehave("brokenjson", path="/wp/v2/comments")
    failed = run("sync", "--db", db_path)
    assert failed.status == 1
    line = one_error_line(failed.err)
    assert site.url in line and "broken JSON" in line and "1 change kept in the outbox" in line


# -- connecting -------------------------------------------------------------------------------------
def test_connecting_checks_at_once_and_says_what_is_wrong(
    site: LocalWordPress, password: str, tmp_path: Path
) -> None:
    db = Database.open(tmp_path / "c.db")
    try:
        with pytest.raises(errors.BadCredentialsError, match="refused the user name or application password"):
            connect_site(db, site.url, site.user, "abcd efgh ijkl mnop qrst uvwx")
        with pytest.raises(
            errors.NotAllowedError, match=r"pigiste \(contributor\) cannot publish posts or moderate comments"
        ):
            connect_site(db, site.url, site.contributor, site.contributor_password)
        closed = f"http://127.0.0.1:{free_port()}"
        with pytest.raises(
            errors.SiteUnreachableError, match=rf"{closed} cannot be reached .*: connection refused"
        ):
            connect_site(db, closed, site.user, password)
        site.misbehave("norest")
        with pytest.raises(errors.RestDisabledError, match="REST API switched off"):
            connect_site(db, site.url, site.user, password)
        site.misbehave(None)
        with db.session() as s:
            assert s.get(Site, 1) is None  # nothing written by a failed connection
        done = connect_site(db, site.url + "/", site.user, password)
        assert done.site.name == "Le Journal" and done.site.timezone == "Europe/Paris"
        assert "publish_posts" in done.site.capabilities
    finally:
        db.close()


def test_an_address_that_is_not_wordpress_is_named(
    tmp_path: Path, password: str, site: LocalWordPress
) -> None:
    www = tmp_path / "www"
    www.mkdir()
    (www / "index.html").write_text("<html><body>Boulangerie Le Gall</body></html>")
    port = free_port()
    server = subprocess.Popen(
        ["php", "-S", f"127.0.0.1:{port}", "-t", str(www)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        import httpx

        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=0.5)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        db = Database.open(tmp_path / "n.db")
        try:
            with pytest.raises(errors.NotWordPressError, match="is not a WordPress site"):
                connect_site(db, f"http://127.0.0.1:{port}", site.user, password)
        finally:
            db.close()
    finally:
        server.terminate()
        server.wait()


def test_the_connect_command_exits_2_for_a_refused_password(
    site: LocalWordPress, run, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDACTION_SITE_PASSWORD", "wrong wrong wrong wrong")
    failed = run("site", "connect", site.url, "--user", site.user, "--db", db_path)
    assert failed.status == 2
    assert "refused the user name or application password" in one_error_line(failed.err)
