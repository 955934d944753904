"""Opening a database that is already at the newest schema costs no migration machinery."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from redaction.storage import revisions
from redaction.storage.database import Database


def test_revisions_read_from_the_files_are_alembics() -> None:
    assert revisions._revision_chain() == revisions._alembic_chain()
    assert revisions.head_revision() in revisions.known_revisions()


def test_an_up_to_date_database_opens_without_loading_alembic(tmp_path: Path) -> None:
    path = tmp_path / "current.db"
    Database.open(path).close()  # created and migrated: Alembic runs here
    script = (
        "import sys\n"
        "from redaction.storage.database import Database\n"
        "from redaction.services.articles.editing import ArticleQuery, list_articles_in\n"
        f"db = Database.open({str(path)!r})\n"
        "with db.session() as s:\n"
        "    list_articles_in(s, ArticleQuery())\n"
        "db.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
