"""Where the application password is kept: the environment, the system keyring, or nowhere —
never in the database."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from redaction.services.site import credentials

SITE, USER, SECRET = "https://journal.example/", "claire", "abcd EFGH ijkl MNOP qrst UVWX"


class MemoryKeyring(KeyringBackend):
    """A keyring backend of this process (the system's is not ours to fill in tests)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture(autouse=True)
def clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(credentials.ENV_VAR, raising=False)
    monkeypatch.setattr(credentials, "_memory", {})


@pytest.fixture
def system_keyring() -> MemoryKeyring:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_the_password_goes_to_the_system_keyring_under_the_site_and_user(
    system_keyring: MemoryKeyring,
) -> None:
    where = credentials.store_password(SITE, USER, SECRET)
    assert "system keyring" in where and "claire@journal.example" in where
    assert system_keyring.items == {("redaction", "claire@journal.example"): SECRET}
    credentials._memory.clear()  # a new session of the app
    assert credentials.find_password("https://journal.example", USER) == SECRET
    credentials.forget_password(SITE, USER)
    assert credentials.find_password(SITE, USER) is None


def test_without_a_keyring_the_password_is_kept_nowhere_but_in_memory(no_keyring: None) -> None:
    where = credentials.store_password(SITE, USER, SECRET)
    assert "not stored" in where and credentials.ENV_VAR in where
    assert credentials.find_password(SITE, USER) == SECRET  # this session only
    credentials._memory.clear()
    assert credentials.find_password(SITE, USER) is None


def test_the_environment_wins_and_is_not_copied(
    system_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(credentials.ENV_VAR, SECRET)
    assert "comes from $REDACTION_SITE_PASSWORD" in credentials.store_password(SITE, USER, SECRET)
    assert system_keyring.items == {}
    assert credentials.find_password(SITE, USER) == SECRET


def test_the_database_never_holds_the_password(system_keyring: MemoryKeyring, tmp_path: Path) -> None:
    from redaction.storage.database import Database
    from redaction.storage.models import Site

    db = Database.open(tmp_path / "n.db")
    try:
        from redaction.domain.dates import utcnow

        with db.session() as s:
            s.add(
                Site(
                    id=1,
                    url=SITE,
                    api_root=SITE + "wp-json/",
                    user_name=USER,
                    name="",
                    description="",
                    timezone="",
                    capabilities="[]",
                    connected_at=utcnow(),
                    pulled_up_to=0,
                    site_totals="{}",
                    ignored="[]",
                )
            )
        credentials.store_password(SITE, USER, SECRET)
    finally:
        db.close()
    for path in tmp_path.iterdir():
        assert SECRET.encode() not in path.read_bytes()
