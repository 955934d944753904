"""The modules a start imports before the window's first paint, shipped outside the archive.

PyInstaller keeps the app's modules in one archive (the PYZ), each compressed with zlib, and
the frozen app inflates every module it imports: ~340 modules before the first paint. Shipped
as plain ``.pyc`` files beside the archive (what PyInstaller's own "pyc" collection mode
writes), they are read as they are: 40 ms sooner to the first paint (median paired difference
of 21 interleaved starts, bench/README.md). Every module outside would add ~12 MB to the
unpacked folder (target: under 150 MB); the first screen's add ~2 MB. What is not in the list
stays in the archive, so a stale or empty list only makes a start slower::

    python packaging/first_screen.py OUT     # run by build.sh with the build venv's Python

starts the installed app twice on a demo database, offscreen (the first start renders its
preview, the second paints the page the first kept, as most starts do), and writes the modules
either had loaded at its first paint to ``OUT``, one a line.
The spec (:func:`split`) takes those out of the archive and ships them compiled.
"""

from __future__ import annotations

import os
import py_compile
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT_S = 300
# A start as the command line makes it, which notes the modules loaded when the window first
# paints (at the start-up trace's "first paint" step: before the database opens behind it).
PROBE = """
import sys
from redaction import cli  # noqa: F401 - what the command line loads before the window
from redaction.ui import app
loaded = []
traced = app.trace
def trace(step):
    if step == "first paint" and not loaded:
        loaded.extend(sorted(sys.modules))
    traced(step)
app.trace = trace
status = app.run_gui(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("".join(name + "\\n" for name in loaded))
sys.exit(status)
"""


def measure(python: str = sys.executable) -> list[str]:
    """The modules loaded at the first paint of two starts of the app ``python`` runs, sorted."""
    with tempfile.TemporaryDirectory(prefix="redaction-first-screen-") as tmp:
        home = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "REDACTION_"))}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            REDACTION_EXIT_AFTER_PAINT="1",
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
        )
        db = home / "demo.db"
        subprocess.run(
            [python, "-m", "redaction", "demo", "--db", str(db)],
            env=env,
            check=True,
            capture_output=True,
            timeout=TIMEOUT_S,
        )
        names: set[str] = set()
        for start in range(2):
            listed = home / f"start-{start}.txt"
            subprocess.run(
                [python, "-c", PROBE, str(db), str(listed)],
                env=env,
                check=True,
                capture_output=True,
                timeout=TIMEOUT_S,
            )
            found = read(listed)
            if not found:
                raise ValueError("the window never reported its first paint")
            names |= found
        return sorted(names)


def read(path: Path) -> set[str]:
    """The names written by :func:`main`; none when there is no such file."""
    try:
        return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    except FileNotFoundError:
        return set()


def split(
    pure: list[tuple[str, str, str]], names: set[str], workdir: Path, optimize: int
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """``pure`` (Analysis' modules for the archive) parted into (the archive's, the data files
    of the others): each module named in ``names`` compiled with ``optimize`` under ``workdir``
    and placed where Python's importer finds it beside the archive (``pkg/mod.pyc``,
    ``pkg/__init__.pyc``), its code objects naming the module's relative path, as PyInstaller's
    own compiled modules do."""
    archive, files = [], []
    for entry in pure:
        name, source, _typecode = entry
        if name not in names or not source or not source.endswith(".py"):
            archive.append(entry)
            continue
        relative = Path(*name.split("."))
        if Path(source).name == "__init__.py":
            relative /= "__init__"
        target = workdir / relative.with_suffix(".pyc")
        target.parent.mkdir(parents=True, exist_ok=True)
        py_compile.compile(
            source, cfile=str(target), dfile=str(relative.with_suffix(".py")), doraise=True, optimize=optimize
        )
        files.append((str(relative.with_suffix(".pyc")), str(target), "DATA"))
    return archive, files


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        names = measure()
    except (subprocess.SubprocessError, OSError, ValueError) as exc:
        # No window here (Qt's libraries missing, say): every module stays in the archive.
        out.write_text("", encoding="utf-8")
        print(
            f"first_screen: could not start the app ({exc}); all modules stay in the archive", file=sys.stderr
        )
        return 0
    out.write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
    print(f"{len(names)} modules of the first screen listed in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
