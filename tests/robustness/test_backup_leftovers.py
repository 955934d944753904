"""A backup killed mid-copy leaves a ``.partial`` file as big as the database; the next backup
deletes it, but never the copy another live program is writing at that moment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleFields
from redaction.services.backup import PinnedBackup, back_up_now
from redaction.storage.backups import STALE_PARTIAL_S, backups_folder
from redaction.storage.database import Database

# A program pins a backup (its .partial is created and locked), says so, and is then killed
# before writing it, as kill -9 would find it in the middle of a copy.
_PIN_AND_WAIT = """
import sys
from pathlib import Path
from redaction.storage.backups import PinnedBackup
pinned = PinnedBackup(Path(sys.argv[1]), "before-bulk-approve")
print(pinned.partial, flush=True)
sys.stdin.readline()
"""


def _age(path: Path) -> None:
    old = path.stat().st_mtime - STALE_PARTIAL_S - 5
    os.utime(path, (old, old))


def _pinned_in_another_process(db_file: Path) -> tuple[subprocess.Popen[str], Path]:
    child = subprocess.Popen(
        [sys.executable, "-c", _PIN_AND_WAIT, str(db_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    return child, Path(child.stdout.readline().strip())


def test_the_next_backup_deletes_what_a_killed_copy_left(db: Database, db_path: Path) -> None:
    create_article(db, ArticleFields(title="Avant"))
    child, partial = _pinned_in_another_process(db_path)
    child.send_signal(signal.SIGKILL)
    child.communicate()
    assert partial.exists()
    _age(partial)

    info = back_up_now(db)

    assert not partial.exists()
    assert [p.name for p in backups_folder(db_path).iterdir()] == [info.path.name]


def test_a_copy_being_written_by_a_live_program_is_left_alone(db: Database, db_path: Path) -> None:
    create_article(db, ArticleFields(title="Avant"))
    child, partial = _pinned_in_another_process(db_path)
    try:
        _age(partial)  # even an old-looking one: its writer still holds it
        back_up_now(db)
        assert partial.exists()
    finally:
        child.communicate("\n")


def test_a_fresh_partial_is_left_alone_too(db: Database, db_path: Path) -> None:
    create_article(db, ArticleFields(title="Avant"))
    pinned = PinnedBackup(db_path, "before-import")
    try:
        back_up_now(db)
        assert pinned.partial.exists()
    finally:
        pinned.abandon()
    assert not pinned.partial.exists()
