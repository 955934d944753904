"""The moderation desk's services: queue filters and search, counts, bulk moves and undo,
the dossier, replies, the audit log and the dashboard figures.

Every test runs on SQLite, and on PostgreSQL too when ``REDACTION_TEST_POSTGRES`` names a server
whose user may create databases (``postgresql+psycopg://user@/postgres?host=/run/pg&port=5432``):
each test then gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from redaction.services.articles.editing import create_article, summary_of_in
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation.comments import NewComment, add_comments_in
from redaction.services.moderation.detail import comment_detail, reply_as_newsroom
from redaction.services.moderation.dossier import approve_all_pending, commenter_of, dossier, trash_all
from redaction.services.moderation.log import (
    LogFilter,
    UndoRefusedError,
    list_log_in,
    log_actors_in,
    undo_event,
)
from redaction.services.moderation.queue import (
    decide,
    decide_in_chunks,
    list_queue_in,
    match_query,
    queue_counts_in,
    queue_ids_in,
    undo_decisions,
)
from redaction.services.moderation.stats import dashboard_figures
from redaction.services.moderation.values import NEWSROOM_REASON, QueueFilter
from redaction.storage.database import Database

T0 = datetime(2025, 4, 19, 8, 0, tzinfo=UTC)


@pytest.fixture
def db(both_db: Database) -> Database:
    return both_db


@pytest.fixture
def desk(db: Database) -> dict[str, int]:
    """Two articles; comments from three readers, one of them writing on both articles."""
    a = create_article(db, ArticleFields(title="La criée", status="published")).id
    b = create_article(db, ArticleFields(title="Le festival", status="published")).id
    with db.session() as s:
        ids = add_comments_in(
            s,
            [
                NewComment(a, "Un café très agréable", "Yann", "yann@example.fr", created_at=T0),
                NewComment(
                    a,
                    "Gagnez de l'argent http://spam.test",
                    "Bot",
                    "bot@spam.test",
                    created_at=T0 + timedelta(minutes=1),
                ),
                NewComment(
                    b,
                    "Le festival était génial",
                    "Yann",
                    "yann@example.fr",
                    created_at=T0 + timedelta(minutes=2),
                ),
                NewComment(b, "Merci", "Léa", "", created_at=T0 + timedelta(minutes=3), status="approved"),
                NewComment(b, "Encore moi", "Yann K", "yann@example.fr", created_at=T0 + timedelta(days=3)),
            ],
        )
    return {"a": a, "b": b, **{f"c{i}": cid for i, cid in enumerate(ids)}}


def ids_of(db: Database, f: QueueFilter) -> list[int]:
    with db.session() as s:
        return [r.id for r in list_queue_in(s, f)]


def counts(db: Database, f: QueueFilter | None = None) -> dict[str, int]:
    with db.session() as s:
        return queue_counts_in(s, f or QueueFilter())


def test_match_query_quotes_every_word_so_nothing_typed_is_fts_syntax() -> None:
    assert match_query('café "NEAR( OR *') == '"café" """NEAR(" "OR"'
    assert match_query("  -- ** ") is None
    assert match_query("fest", ("body",)) == '{body} : ("fest"*)'


def test_queue_spans_articles_newest_first_and_pages_with_a_keyset(
    db: Database, desk: dict[str, int]
) -> None:
    assert ids_of(db, QueueFilter()) == [desk["c4"], desk["c2"], desk["c1"], desk["c0"]]
    with db.session() as s:
        first = list_queue_in(s, QueueFilter(), limit=2)
        rest = list_queue_in(s, QueueFilter(), after=first[-1], limit=10)
    assert [r.id for r in first + rest] == [desk["c4"], desk["c2"], desk["c1"], desk["c0"]]
    assert first[0].article_title == "Le festival"
    assert ids_of(db, QueueFilter(status=None, article_id=desk["a"])) == [desk["c1"], desk["c0"]]


def test_filters_by_author_or_email_and_by_date(db: Database, desk: dict[str, int]) -> None:
    assert set(ids_of(db, QueueFilter(author="yann"))) == {desk["c0"], desk["c2"], desk["c4"]}
    assert ids_of(db, QueueFilter(author="spam.test")) == [desk["c1"]]
    assert ids_of(db, QueueFilter(status=None, author="lea")) == [desk["c3"]]  # accents folded
    since = QueueFilter(since=T0 + timedelta(days=1))
    assert ids_of(db, since) == [desk["c4"]]
    assert ids_of(db, QueueFilter(until=T0 + timedelta(minutes=2))) == [desk["c1"], desk["c0"]]


def test_search_finds_words_accent_insensitively_and_survives_hostile_input(
    db: Database, desk: dict[str, int]
) -> None:
    assert ids_of(db, QueueFilter(text="cafe tres")) == [desk["c0"]]
    assert ids_of(db, QueueFilter(text="GÉNIAL")) == [desk["c2"]]
    assert ids_of(db, QueueFilter(text="festi")) == [desk["c2"]]  # the last word is a prefix
    assert ids_of(db, QueueFilter(status=None, text="festival")) == [desk["c2"]]
    for hostile in ('"', "NEAR(a b)", "a OR b", "*", "^x", "col:val", "')--", "\\"):
        ids_of(db, QueueFilter(text=hostile))  # no FTS syntax error reaches the desk


def test_counts_follow_every_move_and_match_a_recount(db: Database, desk: dict[str, int]) -> None:
    assert counts(db) == {"pending": 4, "approved": 1, "spam": 0, "trash": 0, "all": 5}
    decide(db, [desk["c1"]], "spam", "claire")
    decide(db, [desk["c0"]], "approved", "claire")
    assert counts(db) == {"pending": 2, "approved": 2, "spam": 1, "trash": 0, "all": 5}
    assert counts(db, QueueFilter(article_id=desk["b"])) == {
        "pending": 2,
        "approved": 1,
        "spam": 0,
        "trash": 0,
        "all": 3,
    }
    assert counts(db, QueueFilter(author="yann"))["pending"] == 2
    with db.engine.begin() as conn:
        recount = dict(conn.execute(text("SELECT status, count(*) FROM comment GROUP BY status")).all())
    assert {k: v for k, v in counts(db).items() if v and k != "all"} == recount


def test_pingbacks_and_trackbacks_have_a_queue_of_their_own(db: Database, desk: dict[str, int]) -> None:
    with db.session() as s:
        ping, track = add_comments_in(
            s,
            [
                NewComment(
                    desk["a"],
                    "[…] lu sur le blog […]",
                    "Blog du port",
                    author_url="https://blog.test/p",
                    kind="pingback",
                    created_at=T0 + timedelta(hours=1),
                ),
                NewComment(
                    desk["b"],
                    "Un rétrolien",
                    "Agenda",
                    author_url="https://agenda.test",
                    kind="trackback",
                    created_at=T0 + timedelta(hours=2),
                    status="spam",
                ),
            ],
        )
    links = QueueFilter(links=True)
    assert ids_of(db, links) == [ping]
    assert ids_of(db, QueueFilter(status=None, links=True)) == [track, ping]
    assert ping not in ids_of(db, QueueFilter()) and track not in ids_of(db, QueueFilter(status=None))
    assert counts(db, links) == {"pending": 1, "approved": 0, "spam": 1, "trash": 0, "all": 2}
    assert counts(db, QueueFilter(links=True, article_id=desk["b"]))["spam"] == 1
    assert counts(db)["all"] == 5  # the reader queues count readers only
    decide(db, [ping], "approved", "claire")
    assert counts(db, links)["approved"] == 1 and ids_of(db, links) == []


def test_bulk_moves_in_chunks_report_progress_stop_and_undo(db: Database, desk: dict[str, int]) -> None:
    a = desk["a"]
    with db.session() as s:
        many = add_comments_in(
            s, [NewComment(a, f"n°{i}", created_at=T0 + timedelta(hours=i)) for i in range(25)]
        )
    seen: list[tuple[int, int]] = []
    outcome = decide_in_chunks(
        db, many, "approved", "claire", lambda d, t: seen.append((d, t)) or d < 20, chunk=10
    )
    assert seen == [(10, 25), (20, 25)] and outcome.cancelled
    assert len(outcome.decisions) == 20
    assert counts(db, QueueFilter(article_id=a))["approved"] == 20
    undone = undo_decisions(db, outcome.decisions, "claire", chunk=7)
    assert len(undone.decisions) == 20
    assert counts(db, QueueFilter(article_id=a))["pending"] == 27
    with db.session() as s:
        assert summary_of_in(s, a).pending_comments == 27  # type: ignore[union-attr]


def test_undo_leaves_alone_a_comment_someone_moved_again(db: Database, desk: dict[str, int]) -> None:
    mine = decide(db, [desk["c0"]], "approved", "claire")
    decide(db, [desk["c0"]], "trash", "marc")
    assert undo_decisions(db, mine, "claire").decisions == []
    assert counts(db)["trash"] == 1


def test_queue_ids_feed_select_all_matching(db: Database, desk: dict[str, int]) -> None:
    with db.session() as s:
        assert queue_ids_in(s, QueueFilter(author="yann")) == [desk["c4"], desk["c2"], desk["c0"]]


def test_detail_has_thread_context_and_reply_is_approved_threaded_and_signed(
    db: Database, desk: dict[str, int]
) -> None:
    outcome = reply_as_newsroom(db, desk["c2"], "  Merci Yann, la suite samedi.  ", "Anne Le Goff")
    assert [d.comment_id for d in outcome.approved_parent] == [desk["c2"]]  # replying approves
    reply = comment_detail(db, outcome.comment_id)
    assert reply is not None
    assert reply.row.status == "approved" and reply.row.author_name == "Anne Le Goff"
    assert reply.row.reason == NEWSROOM_REASON and reply.body == "Merci Yann, la suite samedi."
    assert reply.parent is not None and reply.parent.id == desk["c2"] and reply.row.article_id == desk["b"]
    parent = comment_detail(db, desk["c2"])
    assert parent is not None and parent.replies == 1
    assert parent.last_decision is not None and parent.last_decision.actor == "Anne Le Goff"
    with pytest.raises(ValueError):
        reply_as_newsroom(db, desk["c2"], "   ", "Anne")


def test_dossier_by_email_spans_articles_and_its_bulk_actions(db: Database, desk: dict[str, int]) -> None:
    yann = commenter_of("yann@example.fr", "Yann")
    d = dossier(db, yann)
    assert d.counts["pending"] == 3 and d.counts["all"] == 3 and d.articles == 2
    assert set(d.names) == {"Yann", "Yann K"} and d.first_seen == T0
    approve_all_pending(db, yann, "claire")
    assert dossier(db, yann).counts["approved"] == 3
    trash_all(db, yann, "claire")
    assert dossier(db, yann).counts == {"pending": 0, "approved": 0, "spam": 0, "trash": 3, "all": 3}
    assert counts(db)["pending"] == 1  # the bot's comment is untouched
    lea = dossier(db, commenter_of("", "Léa"))  # no address: known by name
    assert lea.counts["approved"] == 1


def test_audit_log_filters_and_undoes_one_decision(db: Database, desk: dict[str, int]) -> None:
    decide(db, [desk["c1"]], "spam", "claire", reason="lien commercial")
    decide(db, [desk["c0"]], "approved", "marc")
    with db.session() as s:
        everything = list_log_in(s, LogFilter())
        assert [r.actor for r in everything] == ["marc", "claire"]
        assert [r.comment_id for r in list_log_in(s, LogFilter(actor="claire"))] == [desk["c1"]]
        assert [r.comment_id for r in list_log_in(s, LogFilter(status="approved"))] == [desk["c0"]]
        assert [r.comment_id for r in list_log_in(s, LogFilter(text="commercial"))] == [desk["c1"]]
        assert [r.comment_id for r in list_log_in(s, LogFilter(text="cafe"))] == [desk["c0"]]  # comment text
        assert log_actors_in(s) == ["claire", "marc"]
    spam_event = everything[1]
    decision = undo_event(db, spam_event.id, "marc")
    assert decision.to_status == "pending" and counts(db)["spam"] == 0
    with pytest.raises(UndoRefusedError):
        undo_event(db, spam_event.id, "marc")  # already back in pending


def test_dashboard_figures(db: Database, desk: dict[str, int]) -> None:
    now = T0 + timedelta(days=4)
    decide(db, [desk["c0"]], "approved", "claire")
    with db.engine.begin() as conn:  # the decision was taken two hours after the comment arrived
        conn.execute(text("UPDATE moderation_event SET at = :at"), {"at": "2025-04-19 10:00:00.000000"})
    figures = dashboard_figures(db, days=7, now=now)
    assert len(figures.days) == 7 and figures.days[-1].day == now.date()
    by_day = {d.day: d.counts for d in figures.days}
    assert by_day[T0.date()] == {"pending": 2, "approved": 2, "spam": 0, "trash": 0}
    assert figures.pending == 3 and figures.oldest_pending == T0 + timedelta(minutes=1)
    assert figures.median_wait == timedelta(hours=2) and figures.decided == 1
    assert [(t.title, t.comments) for t in figures.top_articles] == [("Le festival", 3), ("La criée", 2)]
