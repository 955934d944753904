"""Another program holding SQLite's write lock, for as long as a test wants (a real process, as
a long import from the command line is)."""

from __future__ import annotations

import subprocess
import sys

_HOLD_THE_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO rubric (name) VALUES ('written by the other program')")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
conn.close()
"""


class LockHolder:
    """A second process holding the database's write lock until :meth:`release`."""

    def __init__(self, path: str) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-c", _HOLD_THE_LOCK, path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.child.stdout is not None and self.child.stdout.readline() == "holding\n"

    def release(self) -> None:
        if self.child.returncode is None:
            self.child.communicate("\n", timeout=30)
            assert self.child.returncode == 0
