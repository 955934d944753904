"""A real WordPress on 127.0.0.1 for the site tests (one per test session: it takes seconds to
start), and a database connected to it.

The WordPress comes from Debian's packages (``.ci/run`` installs them); where they cannot be
installed the tests are skipped and say which are missing. Tests share the one site, so each
asserts on what it made itself (its own posts, its own comments), never on totals.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from redaction.services.site import credentials
from redaction.services.site.connect import connect_site
from redaction.storage.database import Database
from tests.cli.conftest import run as cli_run
from tests.site.wordpress import PACKAGES, LocalWordPress, free_port, missing_tools


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalWordPress]:
    missing = missing_tools()
    if missing:
        pytest.skip(
            f"no local WordPress: missing {', '.join(missing)} (apt-get install {' '.join(PACKAGES)})"
        )
    wp = LocalWordPress(tmp_path_factory.mktemp("wordpress"), free_port()).start()
    try:
        yield wp
    finally:
        wp.stop()


@pytest.fixture
def site(wordpress: LocalWordPress) -> Iterator[LocalWordPress]:
    """The WordPress, answering normally (PHP running, no misbehaviour) before and after."""
    wordpress.misbehave(None)
    if not wordpress.php_running:
        wordpress.start_php()
    yield wordpress
    wordpress.misbehave(None)
    if not wordpress.php_running:
        wordpress.start_php()


@pytest.fixture
def password(site: LocalWordPress, monkeypatch: pytest.MonkeyPatch) -> str:
    """The application password, given the way scripts give it (the environment)."""
    monkeypatch.setenv(credentials.ENV_VAR, site.app_password)
    return site.app_password


@pytest.fixture
def site_db(db_path: Path, site: LocalWordPress, password: str) -> Iterator[Database]:
    """A new database connected to the site."""
    database = Database.open(db_path)
    connect_site(database, site.url, site.user, password)
    _start_from_now(database)
    yield database
    database.close()


def _start_from_now(db: Database) -> None:
    """Make the database's first sync see only what comes after now, as if it had synced the
    shared site before: tests then read what they made, not every earlier test's comments
    (the first pull from nothing is tested on its own, in test_pull.py)."""
    import json

    from redaction.domain.dates import utcnow
    from redaction.services.site.connect import open_client, site_info
    from redaction.services.site.context import PushContext, SyncResult
    from redaction.services.site.pull import probe
    from redaction.storage.models import Site

    info = site_info(db)
    assert info is not None
    with open_client(info) as client:
        probes = probe(PushContext(db, client, info, SyncResult()))
    with db.session() as session:
        site = session.get(Site, 1)
        site.pulled_up_to = max(p.newest for p in probes.values())
        site.site_totals = json.dumps({status: p.total for status, p in probes.items()})
        site.last_full_check_at = utcnow()


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries keep their number but not their patience: the tests would wait seconds for nothing."""
    from redaction.services.site import http

    monkeypatch.setattr(http, "RETRY_DELAYS", (0.05, 0.1))


run = cli_run  # the command line, run in-process (tests/cli/conftest.py)
