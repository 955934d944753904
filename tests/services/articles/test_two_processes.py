"""An article saved in two programs at once: the second save is a conflict, never an overwrite.

The other program is a real second process (a Python child saving through the services), made
to save exactly between this process reading the article and writing it, the narrowest window
there is. On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from redaction.services.articles import editing
from redaction.services.articles.editing import create_article, get_article_in
from redaction.services.articles.values import ArticleFields, ConflictError
from redaction.storage.database import Database

FIELDS = ArticleFields(title="Le port de Lorient", body="Premier jet.")

_OTHER_SAVE = """
import sys
from redaction.services.articles.editing import ArticleFields, save_article
from redaction.storage.database import Database
db = Database.open(sys.argv[1])
save_article(db, int(sys.argv[2]), ArticleFields(title="Le port de Lorient", body="Leur version."),
             int(sys.argv[3]), actor="other")
db.close()
"""


def _target(db: Database) -> str:
    return (
        db.engine.url.render_as_string(hide_password=False)
        if not db.is_sqlite
        else str(db.engine.url.database)
    )


@pytest.fixture
def db(both_db: Database) -> Database:
    return both_db


def test_a_save_by_another_process_between_read_and_write_is_a_conflict(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = create_article(db, FIELDS)
    real_apply = editing._apply

    def other_process_saves_first(*args: object) -> None:
        # This process has read the article (still at the version it opened) and is about to
        # write: another program saves now.
        subprocess.run(
            [sys.executable, "-c", _OTHER_SAVE, _target(db), str(opened.id), str(opened.version)], check=True
        )
        real_apply(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(editing, "_apply", other_process_saves_first)
    with pytest.raises(ConflictError) as caught:
        editing.save_article(db, opened.id, replace(FIELDS, body="Ma version."), opened.version)
    monkeypatch.undo()

    assert caught.value.current.fields.body == "Leur version."  # what the merge dialog shows
    with db.session() as session:
        stored = get_article_in(session, opened.id)
    assert stored.fields.body == "Leur version."  # not overwritten
    assert stored.version == opened.version + 1
