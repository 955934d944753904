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
    yield database
    database.close()


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries keep their number but not their patience: the tests would wait seconds for nothing."""
    from redaction.services.site import http

    monkeypatch.setattr(http, "RETRY_DELAYS", (0.05, 0.1))


run = cli_run  # the command line, run in-process (tests/cli/conftest.py)
