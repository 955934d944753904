"""Helpers for the tests of the files that keep what a start compiled (``redaction.ui.qt_support``,
``redaction.start_cache``): fresh Pythons started on such a file, and the ways it may be found
damaged (``start_cache.write_marshalled``'s format: the bytecode magic number, then marshal data)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

import pytest


def fresh_start(script: str, cache: Path) -> dict[str, Any]:
    """Run ``script`` in a fresh Python (bytecode written, as an installed app's is) with ``cache``
    as its argument; the JSON object it printed last."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(cache)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def warm_starts(script: str, cache: Path) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    """``cache``, a first start, then a second one on the file the first left."""
    return cache, fresh_start(script, cache), fresh_start(script, cache)


def damages(max_bytes: int) -> list[Any]:
    """pytest parameters, each a function from a good file's bytes to a damaged file's bytes;
    ``max_bytes``: the size past which the reader must not trust the file."""
    cases: list[tuple[Callable[[bytes], bytes], str]] = [
        (lambda raw: b"", "empty"),
        (lambda raw: raw[: len(raw) // 2], "cut in half"),
        (lambda raw: MAGIC_NUMBER + os.urandom(4000), "noise after the magic"),
        (lambda raw: b"\x00\x01" + raw[2:], "another Python's"),
        (lambda raw: b"x" * (max_bytes + 10), "oversized"),
    ]
    return [pytest.param(damage, id=name) for damage, name in cases]
