"""Shared fixtures. QT_QPA_PLATFORM is set before anything can import Qt (Picard's conftest)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from redaction.storage.database import Database

# Property tests explore new random cases on every local run; in CI they replay a fixed set, so a
# landing never depends on luck (what they find locally becomes a test of its own).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test has its own config.toml (never the person's) and no $REDACTION_DB."""
    path = tmp_path_factory.mktemp("config") / "config.toml"
    monkeypatch.setenv("REDACTION_CONFIG", str(path))
    monkeypatch.delenv("REDACTION_DB", raising=False)
    return path


@pytest.fixture(autouse=True, scope="session")
def isolated_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The session's cache folder (compiled translations, PySide6's support modules, the start's
    compiled patterns and dataclass methods), for the windows the tests start in other processes
    too: never the person's ~/.cache."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(autouse=True)
def isolated_kept_page(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps the preview's page (redaction.render.kept) in a file of its own."""
    from redaction.render import kept

    path = tmp_path_factory.mktemp("cache") / kept.FILE_NAME
    monkeypatch.setattr(kept, "cache_file", lambda: path)
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsroom.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()
