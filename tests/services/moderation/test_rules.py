"""The rules at work on the database: stored rule set, new comments, blocking, dry run and apply."""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta
from unittest.mock import patch

import pytest
from sqlalchemy import select

from redaction.domain.moderation_rules import RuleSet
from redaction.services.articles.editing import create_article_in, get_article_in
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation import rules as rules_module
from redaction.services.moderation.comments import NewComment, add_comments_in, history_of
from redaction.services.moderation.rules import (
    apply_rules_in,
    apply_to_queue,
    block_author,
    dry_run,
    get_rules,
    save_rules,
)
from redaction.storage.database import Database
from redaction.storage.models import Comment, Setting

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def article(db: Database, title: str = "Le port de Lorient") -> int:
    with db.session() as session:
        return create_article_in(session, ArticleFields(title=title)).id


def add(db: Database, *comments: NewComment, rules: RuleSet | None = None) -> list[int]:
    """Comments arriving, passed through the rules like an import does."""
    with db.session() as session:
        ids = add_comments_in(session, comments)
        apply_rules_in(session, ids, rules)
        return ids


def new(article_id: int, body: str, minutes: float = 0, **fields: str) -> NewComment:
    defaults = {"author_name": "Anne", "author_email": "anne@example.org", "author_ip": "203.0.113.7"}
    return NewComment(
        article_id=article_id,
        body=body,
        created_at=T0 + timedelta(minutes=minutes),
        **{**defaults, **fields},  # type: ignore[arg-type]
    )


def state(db: Database, comment_id: int) -> tuple[str, str]:
    with db.session() as session:
        row = session.execute(select(Comment.status, Comment.reason).where(Comment.id == comment_id)).one()
        return row.status, row.reason


def test_rules_are_stored_for_everyone_and_defaults_apply_until_then(db: Database) -> None:
    assert get_rules(db) == RuleSet()
    saved = save_rules(db, RuleSet(max_links=3, blocked_words=("casino", " casino ")))
    assert saved.blocked_words == ("casino",)
    assert get_rules(db) == saved
    with pytest.raises(ValueError):
        save_rules(db, RuleSet(blocked_ips=("not an ip",)))
    assert get_rules(db) == saved


def test_unreadable_stored_rules_are_reported(db: Database) -> None:
    with db.session() as session:
        session.add(Setting(key="moderation.rules", value="[1, 2"))
    with pytest.raises(ValueError, match="cannot be read"):
        get_rules(db)


def test_blocking_an_author_trashes_their_next_comment(db: Database) -> None:
    a = article(db)
    rules = block_author(db, "Troll@Example.org")
    assert rules.blocked_emails == ("troll@example.org",)
    (cid,) = add(db, new(a, "Encore moi", author_email="troll@example.org"))
    assert state(db, cid) == ("trash", "trash: blocked email “troll@example.org”")


def test_new_comments_get_a_reason_an_event_and_the_pending_counter_stays_right(db: Database) -> None:
    a = article(db)
    save_rules(db, RuleSet(blocked_words=("casino",)))
    ids = add(
        db,
        new(a, "Bel article", author_name="Bob", author_email="bob@example.org", author_ip="192.0.2.1"),
        new(a, "Voir http://a.example et http://b.example", 5, author_ip="192.0.2.2"),
        new(
            a,
            "Le meilleur Casino",
            10,
            author_name="Spam",
            author_email="s@spam.example",
            author_ip="192.0.2.3",
        ),
    )
    assert state(db, ids[0]) == ("pending", "")
    assert state(db, ids[1]) == ("pending", "held: 2 links ≥ 2")
    assert state(db, ids[2]) == ("trash", "trash: blocked word “casino”")
    (event,) = history_of(db, ids[2])
    assert (event.actor, event.from_status, event.to_status) == ("rules", "pending", "trash")
    assert event.reason == "trash: blocked word “casino”"
    assert [e.reason for e in history_of(db, ids[1])] == ["held: 2 links ≥ 2"]
    assert history_of(db, ids[0]) == []
    with db.session() as session:
        assert get_article_in(session, a).pending_comments == 2


def test_previously_approved_authors_are_approved(db: Database) -> None:
    a = article(db)
    add(db, new(a, "Premier commentaire", status="approved"))
    (cid,) = add(db, new(a, "Deuxième commentaire", 60, author_email="ANNE@example.org"))
    assert state(db, cid) == ("approved", "approved: author previously approved")
    (other,) = add(db, new(a, "Je suis une autre Anne", 120, author_email="anne@elsewhere.example"))
    assert state(db, other) == ("pending", "")


def test_duplicates_and_floods_are_held(db: Database) -> None:
    a = article(db)
    first, twin = add(db, new(a, "Bravo"), new(a, "Bravo", 10, author_ip="198.51.100.1"))
    assert state(db, first) == ("pending", "")
    assert state(db, twin) == ("pending", "held: duplicate of an earlier comment")
    (quick,) = add(
        db, new(a, "Et aussi…", 10 + 5 / 60, author_email="x@example.org", author_ip="198.51.100.1")
    )
    assert state(db, quick)[1].startswith("held: flood")
    (slow,) = add(db, new(a, "Enfin…", 11, author_email="y@example.org", author_ip="198.51.100.1"))
    assert state(db, slow) == ("pending", "")


def test_only_the_given_new_comments_are_judged(db: Database) -> None:
    a = article(db)
    with db.session() as session:
        (old,) = add_comments_in(session, [new(a, "http://a.example http://b.example")])
    (cid,) = add(db, new(a, "Un avis", 30))
    assert state(db, old) == ("pending", "")  # already in the queue: left for the dry run
    assert state(db, cid) == ("pending", "")


def queue(db: Database) -> dict[str, int]:
    """A pending queue of five comments judged with the default rules."""
    a = article(db)
    ids = add(
        db,
        new(a, "Bel article", author_name="Bob", author_email="bob@example.org", author_ip="192.0.2.1"),
        new(
            a,
            "Quel connard, ce maire",
            5,
            author_name="Zoé",
            author_email="zoe@example.org",
            author_ip="192.0.2.2",
        ),
        new(a, "Voir http://a.example et http://b.example", 10, author_ip="192.0.2.3"),
        new(
            a, "Casino en ligne", 15, author_name="Spam", author_email="s@spam.example", author_ip="192.0.2.4"
        ),
        new(
            a,
            "Rien à signaler",
            20,
            author_name="Yves",
            author_email="yves@example.org",
            author_ip="192.0.2.5",
        ),
    )
    return dict(zip(("bob", "zoe", "links", "spam", "yves"), ids, strict=True))


def test_a_dry_run_tells_what_new_rules_would_do_without_writing(db: Database) -> None:
    ids = queue(db)
    before = {cid: state(db, cid) for cid in ids.values()}
    reports: list[tuple[int, int]] = []
    rules = RuleSet(max_links=0, moderation_words=("maire",), blocked_domains=("spam.example",))
    run = dry_run(db, rules, progress=lambda done, total: reports.append((done, total)))
    assert run.counts == {"held": 1, "trash": 1, "approved": 0, "pending": 3, "spam": 0}
    assert (run.total, run.held, run.trashed, run.approved, run.pending) == (5, 1, 1, 0, 3)
    moves = {(c.comment_id, c.from_status, c.to_status, c.reason) for c in run.changes}
    assert moves == {
        (ids["zoe"], "pending", "pending", "held: moderation word “maire”"),
        (ids["spam"], "pending", "trash", "trash: blocked email domain “spam.example”"),
        (ids["links"], "pending", "pending", ""),  # no longer held: max_links is off
    }
    assert reports[0] == (0, 5) and reports[-1] == (5, 5)
    assert {cid: state(db, cid) for cid in ids.values()} == before


def test_applying_rules_to_the_queue_writes_what_the_dry_run_said(db: Database) -> None:
    ids = queue(db)
    rules = RuleSet(max_links=0, moderation_words=("maire",), blocked_domains=("spam.example",))
    planned = dry_run(db, rules)
    done = apply_to_queue(db, rules)
    assert done.counts == planned.counts
    assert state(db, ids["zoe"]) == ("pending", "held: moderation word “maire”")
    assert state(db, ids["spam"]) == ("trash", "trash: blocked email domain “spam.example”")
    assert state(db, ids["links"]) == ("pending", "")
    assert state(db, ids["bob"]) == ("pending", "")
    assert dry_run(db, rules).changes == []  # a second run has nothing left to do


def test_whole_word_matching_by_default_and_substring_on_request(db: Database) -> None:
    a = article(db)
    (cid,) = add(db, new(a, "Publié avec WordPress"))
    assert dry_run(db, RuleSet(moderation_words=("press",))).held == 0
    assert dry_run(db, RuleSet(moderation_words=("press",), match_mode="substring")).held == 1
    assert state(db, cid) == ("pending", "")


def test_a_run_leaves_the_garbage_collector_running_even_when_it_fails(db: Database) -> None:
    """A run pauses Python's garbage collector while it works (rules._collector_paused): left
    paused, the app's memory would grow for as long as it runs."""
    queue(db)
    rules = RuleSet(moderation_words=("maire",))
    assert gc.isenabled()
    dry_run(db, rules)
    assert gc.isenabled()
    with (
        patch.object(rules_module, "_changes", side_effect=RuntimeError("disk gone")),
        pytest.raises(RuntimeError),
    ):
        dry_run(db, rules)
    assert gc.isenabled()
    gc.disable()  # paused by somebody else: a run leaves it paused
    try:
        dry_run(db, rules)
        assert not gc.isenabled()
    finally:
        gc.enable()
