"""Shiboken's support modules, compiled ahead for the frozen app.

libshiboken carries the Python sources of its ``shibokensupport`` package (the signature loader
that ``import PySide6`` runs) zipped inside the library, and compiles them at every start: about
15 ms of each launch (``import PySide6.QtWidgets``, median of 25 runs each way on the dev
machine: 108 ms from the library, 92 ms from compiled files). When a ``files.dir`` folder sits
beside shiboken6's ``__init__``, shiboken imports the package from there instead (its own
"de-virtualized" layout, the one ``SBK_EMBED=0`` writes). This writes that folder's modules,
compiled by the build's Python, for the spec to ship as ``shiboken6/files.dir``::

    python packaging/shiboken_files.py OUT_DIR      # run by build.sh with the build venv's Python

The modules are read from the library itself, so they always match the bundled shiboken.
"""

from __future__ import annotations

import py_compile
import shutil
import sys
import tempfile
from pathlib import Path

SKIPPED = {"signature_bootstrap.py"}  # run by libshiboken itself, never imported from files.dir
STAMP = "made-for"  # in the output folder: the shiboken and Python the modules were compiled for
DEST = "shiboken6/files.dir"


def stamp() -> str:
    """The shiboken and Python this environment has: compiled modules fit only those."""
    import shiboken6

    return f"shiboken6 {shiboken6.__version__} {sys.implementation.cache_tag}"


def embedded_sources() -> dict[str, bytes]:
    """The ``shibokensupport`` sources zipped in libshiboken, by their path in the zip."""
    import shiboken6  # noqa: F401 - runs shiboken's bootstrap, which leaves its module behind

    bootstrap = sys.modules.get("signature_bootstrap")
    if bootstrap is None or not hasattr(bootstrap, "prepare_zipfile"):
        raise RuntimeError("this shiboken6 has no embedded signature_bootstrap to read")
    _meta_path, importer = bootstrap.prepare_zipfile()
    return {
        name: importer.zfile.read(name)
        for name in importer.zfile.namelist()
        if name.endswith(".py") and name not in SKIPPED
    }


def write_compiled(out: Path) -> list[Path]:
    """Replace ``out`` with the support modules as sourceless ``.pyc`` files; returns them."""
    shutil.rmtree(out, ignore_errors=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, source in sorted(embedded_sources().items()):
            source_file = Path(tmp) / name
            source_file.parent.mkdir(parents=True, exist_ok=True)
            source_file.write_bytes(source)
            target = out / Path(name).with_suffix(".pyc")
            target.parent.mkdir(parents=True, exist_ok=True)
            # optimize=1: what the frozen interpreter (Analysis(optimize=1)) compiled them with.
            py_compile.compile(str(source_file), cfile=str(target), dfile=name, doraise=True, optimize=1)
            written.append(target)
    (out / STAMP).write_text(stamp() + "\n", encoding="utf-8")
    return written


def datas(folder: Path) -> list[tuple[str, str]]:
    """The spec's (file, destination) pairs for the modules in ``folder``, when they were compiled
    for this environment's shiboken and Python; none otherwise (a folder left by an older build:
    the app then compiles them at start, as without it), with a warning."""
    made_for = folder / STAMP
    if not made_for.is_file():
        return []
    if made_for.read_text(encoding="utf-8").strip() != stamp():
        print(f"shiboken_files: {folder} is for another shiboken or Python, not shipped", file=sys.stderr)
        return []
    return [
        (str(path), str(Path(DEST) / path.parent.relative_to(folder)))
        for path in sorted(folder.rglob("*.pyc"))
    ]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    written = write_compiled(Path(argv[0]))
    print(f"{len(written)} shiboken support modules compiled into {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
