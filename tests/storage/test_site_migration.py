"""A database of the schema before the site (0009) opens with it: the site's tables are added
empty, nothing else is touched, and moderation works as before (nothing queued: no site)."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, text

from redaction.services.moderation.queue import decide
from redaction.services.site.outbox import outbox_count
from redaction.storage.database import Database
from redaction.storage.revisions import alembic_config, head_revision

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _schema_0009(path: Path) -> None:
    """The demo newsroom of release 0.1.0, upgraded to 0009 only (the schema before this one)."""
    shutil.copy(FIXTURES / "schema_0007.db", path)
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0009")
    engine.dispose()


def test_a_0009_database_gains_the_site_tables_and_keeps_its_content(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _schema_0009(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0009"
        before = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
            for t in ("article", "comment", "moderation_event")
        }
    engine.dispose()

    db = Database.open(path)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            after = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in before}
            assert after == before
            for table in ("site", "outbox", "site_post", "site_comment", "site_media"):
                assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
        assert {"site", "outbox"} <= set(inspect(db.engine).get_table_names())
        with db.engine.connect() as conn:
            pending = (
                conn.execute(text("SELECT id FROM comment WHERE status = 'pending' LIMIT 3")).scalars().all()
            )
        assert len(decide(db, pending, "approved", "Claire")) == 3
        assert outbox_count(db) == 0
    finally:
        db.close()
