"""Regular expressions and dataclass methods compiled once, not at every start of the window.

Before its first paint the window compiles ~135 regular expressions (PySide6's signature parser,
the highlighter, typography, …) and the methods of ~37 dataclasses (each method compiled from
source that ``dataclasses`` generates), the same ones at every start: 55 ms of a ~450 ms start on
the bench machine. Between :func:`begin` and :func:`end` (the first paint), ``re`` and
``dataclasses`` get them from a file in the user's cache folder, the way Python's own
``__pycache__`` answers imports:

- a regular expression's program: what ``re`` compiled the pattern to and handed to
  ``_sre.compile``, which checks the program again before using it;
- a dataclass method's code object, for the very source ``dataclasses`` generated.

Entries are reused only by the Python that wrote them (its version, its bytecode and regular
expression magic numbers, its optimization level). Anything else (a first start, a new pattern,
another Python, a damaged, foreign or unreadable file) is compiled as Python would, and the file
is rewritten at the end when something was compiled afresh. ``re`` and ``dataclasses`` are
Python's own again after :func:`end`, whatever happened. The file is the user's own, trusted as
``__pycache__`` is.
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import re
import sys
import threading
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from redaction.paths import cache_dir, write_cache_file

FILE_NAME = "start-compiled.marshal"
MAX_FILE_BYTES = 16_000_000  # ~40 times what a start keeps (~400 kB): a bigger file is not ours
MAX_ENTRIES = 4_000  # beyond this, a rewrite keeps only what the last start used (it notes at most 2x)

_compiler: Any = getattr(re, "_compiler", None)  # Python >= 3.11: re._compiler.compile(p, flags)
_sre: Any = getattr(_compiler, "_sre", None)

Key = tuple[Any, int]  # (pattern, flags)


def stamp() -> tuple[object, ...]:
    """What the kept entries depend on: this Python, its bytecode, its regular expressions'
    program format, its optimization level."""
    return (
        MAGIC_NUMBER,
        sys.version,
        getattr(getattr(re, "_constants", None), "MAGIC", None),
        sys.flags.optimize,
    )


def cache_file() -> Path:
    return cache_dir() / FILE_NAME


def read_marshalled(path: Path, max_bytes: int) -> object | None:
    """What this Python marshalled into ``path`` (its bytecode magic number first); None if the
    file is missing, unreadable, bigger than ``max_bytes``, damaged or another Python's."""
    try:
        with path.open("rb") as file:
            raw = file.read(max_bytes + 1)
    except OSError:
        return None
    if len(raw) > max_bytes or not raw.startswith(MAGIC_NUMBER):
        return None
    try:
        return marshal.loads(raw[len(MAGIC_NUMBER) :])
    except (EOFError, ValueError, TypeError):
        return None


def write_marshalled(path: Path, value: object) -> bool:
    """Write ``value`` to ``path`` for :func:`read_marshalled` (replacing the file whole, never
    half-written, readable by the user only); False when it could not be written."""
    try:
        data = MAGIC_NUMBER + marshal.dumps(value)
    except ValueError:  # not marshallable: nothing worth keeping
        return False
    return write_cache_file(path, data)


class StartCache:
    """Compiled regular expressions and dataclass methods, kept in ``path`` from one start to
    the next. :meth:`install` puts it between ``re``/``dataclasses`` and the compiler,
    :meth:`uninstall` takes it out and rewrites the file if something was compiled afresh."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.patterns: dict[Key, tuple[Any, ...]] = {}
        self.functions: dict[str, CodeType] = {}
        kept = read_marshalled(path, MAX_FILE_BYTES)
        if (
            isinstance(kept, dict)
            and kept.get("python") == stamp()
            and isinstance(kept.get("patterns"), dict)
            and isinstance(kept.get("functions"), dict)
        ):
            self.patterns = kept["patterns"]
            self.functions = kept["functions"]
        self.used_patterns: set[Key] = set()
        self.used_functions: set[str] = set()
        self.compiled = 0  # entries compiled afresh since install()
        self._installed = False
        self._original_compile: Any = None
        self._lock = threading.RLock()

    # -- regular expressions ------------------------------------------------------------------

    def _compile(self, pattern: Any, flags: int = 0) -> Any:
        """``re._compiler.compile``, the program taken from the file for a known pattern."""
        original = self._original_compile
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return original(pattern, flags)
        key = (pattern, int(flags))
        kept = self.patterns.get(key)
        if kept is not None:
            try:
                if type(kept[0]) is type(pattern) and kept[0] == pattern:
                    compiled = _sre.compile(*kept)
                    self.used_patterns.add(key)
                    return compiled
            except Exception:  # a damaged entry (_sre checks the program): compiled below
                pass
        arguments: list[tuple[Any, ...]] = []

        def noting(*args: Any) -> Any:
            arguments.append(args)
            return real(*args)

        # One pattern at a time notes what it hands _sre (reentrant: compiling may warn, and a
        # warning may compile); a call that saw two programs keeps neither.
        with self._lock:
            real = _sre.compile
            _sre.compile = noting
            try:
                compiled = original(pattern, flags)
            finally:
                _sre.compile = real
        if len(arguments) == 1 and (key in self.patterns or len(self.patterns) < 2 * MAX_ENTRIES):
            program = _plain(arguments[0])
            if program is not None:
                self.patterns[key] = program
                self.used_patterns.add(key)
                self.compiled += 1
        return compiled

    # -- dataclass methods --------------------------------------------------------------------

    def _exec(self, source: Any, globals: Any = None, locals: Any = None) -> None:
        """``exec`` as ``dataclasses`` calls it on the methods' generated source."""
        if not isinstance(source, str):
            builtins.exec(source, globals, locals)
            return
        code = self.functions.get(source)
        if not isinstance(code, CodeType):
            # What exec() does with a string, without this module's __future__ flags.
            code = builtins.compile(source, "<string>", "exec", dont_inherit=True)
            if source in self.functions or len(self.functions) < 2 * MAX_ENTRIES:
                self.functions[source] = code
                self.compiled += 1
        self.used_functions.add(source)
        builtins.exec(code, globals, locals)

    # -- in and out ---------------------------------------------------------------------------

    def install(self) -> None:
        if self._installed:
            return
        if _compiler is not None and _sre is not None and callable(getattr(_compiler, "compile", None)):
            self._original_compile = _compiler.compile
            _compiler.compile = self._compile
        dataclasses.exec = self._exec  # type: ignore[attr-defined]  # found before the builtin
        self._installed = True

    def uninstall(self, keep: bool = True) -> bool:
        """Python's own compilers again; with ``keep``, the file rewritten when something was
        compiled afresh. True when the file was written."""
        if not self._installed:
            return False
        self._installed = False
        if self._original_compile is not None and _compiler.compile == self._compile:
            _compiler.compile = self._original_compile
        if vars(dataclasses).get("exec") == self._exec:
            del dataclasses.exec  # type: ignore[attr-defined]
        if not keep or not self.compiled:
            return False
        return self.save()

    def save(self) -> bool:
        # Copies: a thread may still be compiling through this cache as it is taken out.
        patterns, functions = dict(self.patterns), dict(self.functions)
        if len(patterns) + len(functions) > MAX_ENTRIES:  # old versions' entries: only the last start's
            patterns = {key: patterns[key] for key in set(self.used_patterns) if key in patterns}
            functions = {
                source: functions[source] for source in set(self.used_functions) if source in functions
            }
        return write_marshalled(self.path, {"python": stamp(), "patterns": patterns, "functions": functions})


def _plain(arguments: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """``_sre.compile``'s arguments as marshal keeps them (its opcodes and flags are int
    subclasses); None for a call this Python makes differently."""
    try:
        pattern, flags, code, groups, groupindex, indexgroup = arguments
        return (
            pattern,
            int(flags),
            [int(op) for op in code],
            int(groups),
            dict(groupindex),
            tuple(indexgroup),
        )
    except (TypeError, ValueError):
        return None


_running: StartCache | None = None


def begin(path: Path | None = None) -> StartCache:
    """Serve this start's compilations from ``path`` (default: :func:`cache_file`) until
    :func:`end`; the running cache if one was begun already."""
    global _running
    if _running is None:
        _running = StartCache(path or cache_file())
        _running.install()
    return _running


def end(keep: bool = True) -> None:
    """Python's own compilers again, the file rewritten if ``keep`` and something was compiled
    afresh. Does nothing when nothing was begun, so it may be called more than once."""
    global _running
    running, _running = _running, None
    if running is not None:
        running.uninstall(keep)
