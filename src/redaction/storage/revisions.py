"""The schema revisions the migrations know, and which is the newest, read from the migration
files' headers (a millisecond) rather than by importing Alembic, and without SQLAlchemy: the
start reads a database's revision before the database layers are loaded."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


_REVISION = re.compile(r"""^revision(?:\s*:\s*str)?\s*=\s*["']([^"']+)["']""", re.M)
_DOWN_REVISION = re.compile(r"""^down_revision(?:\s*:[^=]+)?\s*=\s*(?:None|["']([^"']+)["'])\s*$""", re.M)


@functools.cache
def _revision_chain() -> dict[str, str | None]:
    """Each revision and the one it revises, read from the migration files' headers (a
    millisecond) rather than by importing Alembic; Alembic decides when the files are unusual."""
    chain: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        if path.name.startswith("__"):
            continue
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN_REVISION.findall(source)
        if len(revision) != 1 or len(down) != 1 or revision[0] in chain:
            return _alembic_chain()
        chain[revision[0]] = down[0] or None
    heads = set(chain) - set(chain.values())
    return chain if len(heads) == 1 else _alembic_chain()


def _alembic_chain() -> dict[str, str | None]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision: rev.down_revision for rev in script.walk_revisions()}  # type: ignore[misc]


def known_revisions() -> set[str]:
    return set(_revision_chain())


def head_revision() -> str:
    chain = _revision_chain()
    heads = set(chain) - set(chain.values())
    assert len(heads) == 1, f"the migrations have {len(heads)} heads"
    return heads.pop()
