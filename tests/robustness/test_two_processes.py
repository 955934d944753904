"""Two programs on one database: the command line imports (its moderation rules judging every
new comment) and another process moderates, while this process saves an article and decides
comments, all at once, with SQLite's real busy timeout.

Nothing may reach a person as "database is locked"; no update may be lost (every save is a
version, every decision of either process is in the log); and this process's change watcher
sees what the others committed.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from redaction.domain.moderation_rules import RuleSet
from redaction.services.articles.editing import create_article, save_article
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation.comments import NewComment
from redaction.services.moderation.incoming import insert_comments
from redaction.services.moderation.queue import decide
from redaction.services.moderation.rules import save_rules
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment, ModerationEvent
from redaction.storage.watcher import FeedWatcher

IMPORTED = 6000
THEIRS = 1500  # comments the other moderating process decides, 50 at a time
OURS = 1500  # comments this process decides, 25 at a time

_MODERATE = """
import sys
from redaction.services.moderation.queue import decide
from redaction.storage.database import Database
db = Database.open(sys.argv[1])
ids = [int(i) for i in sys.argv[2].split(",")]
moved = 0
for start in range(0, len(ids), 50):
    moved += len(decide(db, ids[start : start + 50], "spam", "other-desk"))
db.close()
print(moved)
"""


def _csv(path: Path, article_uuid: str) -> Path:
    start = datetime(2025, 4, 19, 8, 0, tzinfo=UTC)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["article_uuid", "author_name", "author_email", "created_at", "body", "source_id"])
        for n in range(IMPORTED):
            body = "Achetez du viagra" if n % 10 == 0 else f"Avis de lecteur numéro {n} sur la criée."
            moment = (start + timedelta(seconds=n * 40)).isoformat()
            writer.writerow([article_uuid, f"Lecteur {n}", f"l{n}@example.org", moment, body, f"csv:{n}"])
    return path


def test_import_and_moderation_elsewhere_while_saving_and_deciding_here(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    db = Database.open(path)
    save_rules(db, RuleSet(blocked_words=("viagra",)))  # the import's rules trash one in ten
    article = create_article(db, ArticleFields(title="La criée", body="Version 1"))
    with db.session() as session:
        ids = insert_comments(
            session, [NewComment(article.id, f"Ancien avis {n}") for n in range(THEIRS + OURS)]
        )
    theirs, ours = ids[:THEIRS], ids[THEIRS:]
    watcher = FeedWatcher(db)

    importing = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "redaction",
            "import",
            str(_csv(tmp_path / "avis.csv", article.uuid)),
            "--db",
            str(path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    moderating = subprocess.Popen(
        [sys.executable, "-c", _MODERATE, str(path), ",".join(map(str, theirs))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # This process goes on working until both have finished (any error here fails the test).
    version, saves, decided = article.version, 0, 0
    while importing.poll() is None or moderating.poll() is None or decided < OURS:
        saves += 1
        version = save_article(
            db, article.id, ArticleFields(title="La criée", body=f"Version {saves + 1}"), version
        ).version
        if decided < OURS:
            decided += len(decide(db, ours[decided : decided + 25], "approved", "this-desk"))
    imported_out, imported_err = importing.communicate()
    moderated_out, moderated_err = moderating.communicate()

    assert (importing.returncode, imported_err) == (0, ""), imported_err
    assert imported_out.startswith(f"imported 0 articles and {IMPORTED} comments")
    assert "moderation rules: 0 held, 600 trashed" in imported_out
    assert (moderating.returncode, moderated_err, int(moderated_out)) == (0, "", THEIRS)
    with db.session() as session:
        count = session.scalar
        assert count(select(Article.version).where(Article.id == article.id)) == 1 + saves  # no save lost
        assert count(select(func.count()).select_from(Comment)) == THEIRS + OURS + IMPORTED
        assert count(select(func.count()).where(Comment.status == "spam")) == THEIRS
        assert count(select(func.count()).where(Comment.status == "approved")) == OURS
        assert count(select(func.count()).where(Comment.status == "trash")) == IMPORTED // 10
        # Every decision of both desks and of the rules is in the log.
        events = count(select(func.count()).select_from(ModerationEvent))
        assert events == THEIRS + OURS + IMPORTED // 10
        pending = count(select(func.count()).where(Comment.status == "pending"))
        assert count(select(Article.pending_comments).where(Article.id == article.id)) == pending
    seen = watcher.poll()
    assert seen.comments_changed()  # what the window would refresh
    watcher.close()
    db.close()
