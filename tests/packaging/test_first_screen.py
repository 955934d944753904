"""The first screen's modules shipped outside PyInstaller's archive (packaging/first_screen.py):
which modules a start imports before its paint, and how they are compiled to be imported
from beside the archive. The frozen build itself is checked in test_frozen.py."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from tests.packaging.conftest import PACKAGING

spec = importlib.util.spec_from_file_location("first_screen", PACKAGING / "first_screen.py")
assert spec and spec.loader
first_screen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(first_screen)


def test_the_list_is_what_the_window_loaded_before_its_paint_not_the_database_behind_it() -> None:
    """Two real starts, offscreen, as build.sh makes them."""
    names = set(first_screen.measure(sys.executable))
    assert {"redaction.ui.main_window", "redaction.services.first_screen", "PySide6.QtWidgets"} <= names
    assert {"redaction.render.markdown", "markdown"} <= names  # the first start renders its page
    assert not {"sqlalchemy", "redaction.storage.database"} & names  # opened after the paint


def test_no_list_means_every_module_stays_in_the_archive(tmp_path: Path) -> None:
    assert first_screen.read(tmp_path / "missing.txt") == set()
    (tmp_path / "list.txt").write_text("redaction.ui\n\nredaction.ui.app\n", encoding="utf-8")
    assert first_screen.read(tmp_path / "list.txt") == {"redaction.ui", "redaction.ui.app"}


def test_listed_modules_leave_the_archive_and_import_from_beside_it(tmp_path: Path) -> None:
    source = tmp_path / "src" / "newsdesk"
    source.mkdir(parents=True)
    (source / "__init__.py").write_text("GREETING = 'bonjour'\n", encoding="utf-8")
    (source / "wire.py").write_text(
        "from newsdesk import GREETING\n\ndef headline():\n    raise RuntimeError(GREETING)\n",
        encoding="utf-8",
    )
    (source / "archive_only.py").write_text("X = 1\n", encoding="utf-8")
    pure = [
        ("newsdesk", str(source / "__init__.py"), "PYMODULE-1"),
        ("newsdesk.wire", str(source / "wire.py"), "PYMODULE-1"),
        ("newsdesk.archive_only", str(source / "archive_only.py"), "PYMODULE-1"),
    ]
    work = tmp_path / "pycs"
    archive, files = first_screen.split(pure, {"newsdesk", "newsdesk.wire"}, work, 1)
    assert archive == [pure[2]]
    assert sorted(dest for dest, _src, kind in files if kind == "DATA") == [
        str(Path("newsdesk/__init__.pyc")),
        str(Path("newsdesk/wire.pyc")),
    ]
    # As the frozen app finds them: compiled files alone at their destination, no source beside.
    app = tmp_path / "_internal"
    for dest, compiled, _kind in files:
        (app / dest).parent.mkdir(parents=True, exist_ok=True)
        (app / dest).write_bytes(Path(compiled).read_bytes())
    probe = (
        "import sys, traceback; sys.path.insert(0, sys.argv[1]); import newsdesk.wire\n"
        "try:\n    newsdesk.wire.headline()\n"
        "except RuntimeError:\n    print(traceback.format_exc())"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(app)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "RuntimeError: bonjour" in done.stdout
    # Tracebacks name the module's place in the app, never the build machine's folders.
    assert str(Path("newsdesk/wire.py")) in done.stdout and str(tmp_path) not in done.stdout
