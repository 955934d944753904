"""Service tests run on SQLite, and on PostgreSQL too when ``REDACTION_TEST_POSTGRES`` names a
server (``.ci/run`` starts one): ``both_db`` gives each test a fresh database of each kind."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from redaction.storage.database import Database

POSTGRES = os.environ.get("REDACTION_TEST_POSTGRES", "")
_databases = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def both_db(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        database = Database.open(db_path)
        yield database
        database.close()
        return
    if not POSTGRES:
        pytest.skip("set REDACTION_TEST_POSTGRES to a PostgreSQL server URL to run this on PostgreSQL")
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"redaction_test_{os.getpid()}_{next(_databases)}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database.open(make_url(POSTGRES).set(database=name).render_as_string(hide_password=False))
    try:
        yield database
    finally:
        database.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}"'))
        admin.dispose()
