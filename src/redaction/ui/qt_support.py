"""PySide6 imported with shiboken's support modules compiled once, not at every start.

libshiboken carries the Python sources of its ``shibokensupport`` package (the signature loader
that ``import PySide6`` runs) zipped inside the library, and its importer compiles them with
``compile()`` at every start: 13 modules, 130 kB of source, 15-30 ms of each launch from source
(the frozen app ships them compiled instead, see packaging/shiboken_files.py). While PySide6 is
first imported, :func:`import_qt` answers those ``compile()`` calls from a file in the user's
cache folder, the way Python's own ``__pycache__`` answers imports: a module's code is reused
only for the very source it was compiled from, by this very Python (its bytecode magic number);
anything else (a first start, another PySide6, a damaged, foreign or unreadable file) is
compiled as shiboken would, and the file rewritten. ``compile()`` is Python's own again once
PySide6 is imported, whatever happened. The file is the user's own, trusted as ``__pycache__`` is.
"""

from __future__ import annotations

import builtins
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

from redaction.paths import cache_dir
from redaction.start_cache import read_marshalled, write_marshalled

FILE_NAME = "shiboken-support.marshal"
PREFIX = "shibokensupport/"  # the file names shiboken's importer compiles under
MAX_FILE_BYTES = 4_000_000  # a few times what the 13 modules take: a bigger file is not ours

Compiled = dict[str, tuple[bytes, Any]]  # file name -> (its source, its code object)


def cache_file() -> Path:
    return cache_dir() / FILE_NAME


def import_qt(path: Path | None = None) -> None:
    """Import PySide6.QtCore (and shiboken with it), shiboken's support modules taken from
    ``path`` (default: :func:`cache_file`) when they were compiled there from the same source.
    Nothing to do when shiboken is imported already (the frozen app, a second window)."""
    if "shiboken6" in sys.modules:
        import PySide6.QtCore

        return
    path = path or cache_file()
    kept = load(path)
    used: Compiled = {}
    original = builtins.compile
    builtins.compile = _compiler(original, kept, used)
    try:
        import PySide6.QtCore  # noqa: F401
    finally:
        builtins.compile = original
    if used != kept:  # something compiled afresh (or a module no longer asked for): rewritten
        save(path, used)


def _compiler(original: Callable[..., Any], kept: Compiled, used: Compiled) -> Callable[..., Any]:
    """``compile`` as shiboken's importer calls it (source bytes, file name, "exec"), answered
    from ``kept`` when the source is the same; every module asked for lands in ``used``."""

    def compile(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        ours = (
            isinstance(filename, str)
            and filename.startswith(PREFIX)
            and mode == "exec"
            and isinstance(source, bytes)
            and not args
            and not kwargs
        )
        if not ours:
            return original(source, filename, mode, *args, **kwargs)
        entry = kept.get(filename)
        if entry is None or entry[0] != source:
            entry = (source, original(source, filename, mode))
        used[filename] = entry
        return entry[1]

    return compile


def load(path: Path) -> Compiled:
    """The modules compiled in ``path``; none if it is missing, unreadable, damaged, too big
    to be ours or written by another Python."""
    data = read_marshalled(path, MAX_FILE_BYTES)
    if not isinstance(data, dict):
        return {}
    compiled: Compiled = {}
    for name, entry in data.items():
        if not (
            isinstance(name, str)
            and name.startswith(PREFIX)
            and isinstance(entry, tuple)
            and len(entry) == 2
            and isinstance(entry[0], bytes)
            and isinstance(entry[1], CodeType)
        ):
            return {}
        compiled[name] = entry
    return compiled


def save(path: Path, compiled: Compiled) -> bool:
    """Write ``compiled`` to ``path`` (replacing it whole, never half-written, readable by the
    user only); False when it could not be written: the next start compiles again."""
    return write_marshalled(path, compiled)
