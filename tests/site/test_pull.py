"""Pulling comments: paged, threaded across pages, pingbacks apart, cancellable between pages
and taken up again without duplicates; the moderation rules judge what arrives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redaction.domain.moderation_rules import RuleSet
from redaction.services.moderation.rules import save_rules
from redaction.services.site import pull
from redaction.services.site.connect import connect_site
from redaction.services.site.outbox import pending_outbox
from redaction.services.site.sync import sync
from redaction.storage.database import Database
from redaction.storage.models import Comment, Site, SiteComment, SitePost
from tests.site.helpers import rest
from tests.site.wordpress import LocalWordPress

COMMENTS = 230


def _post_with_comments(site: LocalWordPress) -> tuple[int, dict[int, int]]:
    """A post written on the site with COMMENTS comments (every tenth a reply to the one before,
    two pingbacks); returns its id and {reply id: parent id}."""
    post = rest(
        site,
        "POST",
        "wp/v2/posts",
        json={
            "title": "Le conseil municipal en direct",
            "content": "<p>Suivez la séance.</p>",
            "status": "publish",
        },
    )
    out = site.php(
        f"""
        $parents = array(); $previous = 0;
        for ($i = 1; $i <= {COMMENTS}; $i++) {{
            $reply = ($i % 10 == 0);
            $id = wp_insert_comment(array(
                'comment_post_ID' => {post["id"]}, 'comment_author' => "Lecteur $i",
                'comment_author_email' => "lecteur$i@example.org", 'comment_author_IP' => '192.0.2.' . ($i % 200),
                'comment_content' => "Avis n° $i : « très bien » ;\\nligne 2",
                'comment_approved' => ($i % 3 == 0) ? '1' : '0',
                'comment_parent' => $reply ? $previous : 0,
                'comment_type' => ($i == 5 || $i == 6) ? 'pingback' : 'comment',
                'comment_date_gmt' => gmdate('Y-m-d H:i:s', time() - ({COMMENTS} - $i) * 60)));
            if ($reply) $parents[$id] = $previous;
            $previous = $id;
        }}
        echo json_encode($parents);
        """
    )
    return int(post["id"]), {int(k): int(v) for k, v in json.loads(out).items()}


def test_a_cancelled_pull_is_taken_up_again_without_duplicates(
    site: LocalWordPress, password: str, tmp_path: Path
) -> None:
    post_id, replies = _post_with_comments(site)
    db = Database.open(tmp_path / "pull.db")
    try:
        connect_site(db, site.url, site.user, password)
        calls: list[tuple[int, int]] = []

        def stop_after_first_page(done: int, total: int) -> bool:
            calls.append((done, total))
            return False

        first = sync(db, stop_after_first_page)
        assert first.cancelled and calls[0][0] == 100 and calls[0][1] >= COMMENTS
        with db.session() as s:
            assert s.execute(select(Site.pulled_up_to)).scalar_one() == 0  # the mark did not move

        second = sync(db)
        assert not second.cancelled
        with db.session() as s:
            article_id = s.execute(
                select(SitePost.article_id).where(SitePost.post_id == post_id)
            ).scalar_one()
            rows = s.execute(
                select(Comment.id, Comment.parent_id, Comment.kind, Comment.body, SiteComment.wp_id)
                .join(SiteComment, SiteComment.comment_id == Comment.id)
                .where(Comment.article_id == article_id)
            ).all()
            local = {r.wp_id: r for r in rows}
            assert len(rows) == COMMENTS  # every comment once, whatever page it was read on
            for reply, parent in replies.items():
                assert local[reply].parent_id == local[parent].id  # threaded across pages
            assert sorted(r.kind for r in rows if r.kind != "comment") == ["pingback", "pingback"]
            assert {r.body for r in rows if r.kind == "comment"} >= {"Avis n° 7 : « très bien » ;\nligne 2"}
            assert (
                s.execute(
                    select(func.count())
                    .select_from(Comment)
                    .where(Comment.source_id.is_(None), Comment.article_id == article_id)
                ).scalar_one()
                == 0
            )

        third = sync(db)
        assert third.pulled == 0 and third.changed_on_site == 0 and third.deleted_on_site == 0
    finally:
        db.close()


def test_pulled_comments_go_through_the_rules_and_their_decisions_reach_the_site(
    site: LocalWordPress, password: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = rest(
        site,
        "POST",
        "wp/v2/posts",
        json={"title": "Marché bio", "content": "<p>Samedi.</p>", "status": "publish"},
    )
    spam = rest(
        site,
        "POST",
        "wp/v2/comments",
        json={
            "post": post["id"],
            "content": "Casino en ligne gratuit",
            "author_name": "Bot",
            "author_email": "bot@example.org",
            "status": "hold",
        },
    )
    db = Database.open(tmp_path / "rules.db")
    try:
        connect_site(db, site.url, site.user, password)
        save_rules(db, RuleSet(blocked_words=("casino",)))
        sync(db)
        assert rest(site, "GET", f"wp/v2/comments/{spam['id']}", params={"context": "edit"})["status"] in (
            "trash",
            "spam",
        )
        assert pending_outbox(db) == []
        # The rules' own decisions are not taken for decisions made on the site: the next sync
        # reads the counts and stops there.
        monkeypatch.setattr(pull, "reconcile", lambda *_: pytest.fail("an idle sync listed every comment"))
        idle = sync(db)
        assert (idle.pulled, idle.sent, idle.changed_on_site) == (0, 0, 0)
    finally:
        db.close()
