"""What a unit of work changed reaches whoever shows it: listeners in this process at commit,
other processes through the change feed (SQLite's data_version; PostgreSQL's LISTEN/NOTIFY)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from redaction.services.articles.editing import create_article, save_article
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation.comments import NewComment, add_comments_in, set_status_in
from redaction.services.moderation.queue import decide
from redaction.storage.changeset import Changes, initiated_by
from redaction.storage.database import Database, database_file
from redaction.storage.watcher import FeedWatcher


def test_changes_merge_and_survive_the_feed() -> None:
    a = Changes.of(articles={1}, settings={"rules"})
    b = Changes.of(comments={7, 8}, outbox=True)
    merged = a | b
    assert merged == Changes.of(articles={1}, comments={7, 8}, settings={"rules"}, outbox=True)
    assert Changes.from_json(merged.to_json()) == merged
    assert not Changes() and merged
    many = Changes.of(comments=range(10_000))
    assert many.comment_set and not many.comments  # "many": whoever shows comments reads again
    assert Changes.from_json("{not json") == Changes(everything=True)


def test_listeners_hear_committed_changes_with_who_asked(both_db: Database) -> None:
    heard: list[tuple[Changes, object]] = []
    both_db.add_listener(lambda changes, initiator: heard.append((changes, initiator)))
    panel = object()
    with initiated_by(panel):
        article = create_article(both_db, ArticleFields(title="Le port"), "anne")
    assert heard == [(Changes.of(articles={article.id}, article_set=True), panel)]
    with both_db.session() as s:
        [cid] = add_comments_in(s, [NewComment(article.id, "Bravo")])
    decide(both_db, [cid], "approved", "anne")
    assert heard[-1] == (Changes.of(articles={article.id}, comments={cid}), None)

    before = len(heard)
    with pytest.raises(RuntimeError), both_db.session() as s:
        set_status_in(s, [cid], "spam", "anne")
        raise RuntimeError("the unit of work fails after the move")
    assert len(heard) == before  # rolled back: nobody is told of a change that did not happen


def _cli(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "redaction", *args], check=True, capture_output=True, timeout=120)


def test_another_process_s_changes_reach_a_watcher(both_db: Database, tmp_path: Path) -> None:
    watcher = FeedWatcher(both_db)
    try:
        assert watcher.poll() == Changes()
        article = create_article(both_db, ArticleFields(title="Le port"), "anne")
        save_article(both_db, article.id, ArticleFields(title="Le port de Brest"), article.version, "anne")
        assert watcher.poll() == Changes()  # our own commits: the window that made them knows

        md = tmp_path / "papier.md"
        md.write_text("---\ntitle: Venu d'ailleurs\n---\n\nTexte.\n", encoding="utf-8")
        target = str(database_file(both_db) or both_db.engine.url.render_as_string(hide_password=False))
        _cli("import", str(md), "--db", target)
        seen = watcher.poll()
        assert seen.article_set and seen.articles and article.id not in seen.articles
        assert watcher.poll() == Changes()  # told once
    finally:
        watcher.close()


def test_a_change_made_without_redaction_means_read_everything_again(db: Database) -> None:
    watcher = FeedWatcher(db)
    try:
        path = database_file(db)
        assert path is not None
        conn = sqlite3.connect(path)
        conn.execute("INSERT INTO setting (key, value) VALUES ('écrit à la main', '1')")
        conn.commit()
        conn.close()
        assert watcher.poll() == Changes(everything=True)
    finally:
        watcher.close()
