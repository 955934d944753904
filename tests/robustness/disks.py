"""Small real filesystems for disk-full and read-only tests: a tmpfs mounted with ``size=``.

Mounting needs root (CI and the development machines run as root); elsewhere the tests that use
it are skipped, saying why. :func:`fill` then takes every free byte with a filler file, as a
download or another program would, and :func:`make_room` gives them back.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

FILLER = ".filler"


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "8m") -> Iterator[Path]:
    """``folder`` (created) as a filesystem of its own of ``size``; unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small filesystem needs root and mount(8)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int = 0) -> None:
    """Take all of ``folder``'s free space but ``leave`` bytes."""
    with (folder / FILLER).open("ab") as filler:
        chunk = b"\0" * 65536
        with contextlib.suppress(OSError):
            while shutil.disk_usage(folder).free > leave + len(chunk):
                filler.write(chunk)
                filler.flush()
        with contextlib.suppress(OSError):
            while shutil.disk_usage(folder).free > leave:
                filler.write(b"\0" * 512)
                filler.flush()


def make_room(folder: Path) -> None:
    (folder / FILLER).unlink(missing_ok=True)


def remount(folder: Path, mode: str) -> None:
    """``mode``: "ro" or "rw"."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True, capture_output=True)
