"""Opening a SQLite database file directly (not through the engine), without side effects.

A plain ``sqlite3.connect(path)`` creates the file when it is missing; the URI forms used here
never do: ``mode="rw"`` opens an existing file for reading and writing, ``mode="ro"`` for reading
only. Used to probe a file before the engine opens it, to copy it, and to checkpoint its log.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any


def connect_file(path: Path, mode: str, timeout: float, **options: Any) -> sqlite3.Connection:
    """Open the existing database ``path`` in ``mode`` ("rw" or "ro"); ``options`` go to
    :func:`sqlite3.connect` (``isolation_level``, ``check_same_thread``)."""
    return sqlite3.connect(
        f"{Path(path).resolve().as_uri()}?mode={mode}", uri=True, timeout=timeout, **options
    )


def is_url(target: str) -> bool:
    """Whether ``target`` names a database server (a URL) rather than a SQLite file."""
    return "://" in target


def writable(path: Path) -> bool:
    """Writable for us *and* not marked read-only: root can write a 0444 file, but the person
    who marked it read-only meant it."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def hot_journal(path: Path) -> bool:
    """Whether a rollback journal waits beside ``path`` (a program killed in a transaction):
    SQLite must roll it back, which takes a connection that may write."""
    journal = Path(f"{path}-journal")
    return journal.is_file() and journal.stat().st_size > 0
