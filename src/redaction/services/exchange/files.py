"""Writing exported files: whole or not at all, with the permissions the person's umask gives.

A file is written under a temporary name in the same folder and renamed into place, so an
interrupted export never leaves half a file. The temporary file is created with mode 0666 and
the process umask applied by the system (0644 with the usual 022), like any file the person
saves: ``tempfile.mkstemp`` would make it 0600, readable by nobody else, which is not what an
export for colleagues or a web server wants. (Reading the umask would mean setting it, which is
not safe while other threads create files; letting ``open`` apply it is.)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, with the umask's permissions."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
