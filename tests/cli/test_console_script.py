"""The installed ``redaction`` command and ``python -m redaction``, as a shell script sees them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("redaction")


def shell(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        check=False,
    )


@pytest.mark.skipif(not SCRIPT.exists(), reason="the redaction console script is not installed")
def test_console_script_version() -> None:
    done = shell(SCRIPT, "--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, "redaction 0.1.0\n", "")


def test_module_bad_database_is_one_line_and_exit_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not a database\n")
    done = shell(sys.executable, "-m", "redaction", "list", "articles", "--db", notes)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"redaction: error: {notes} is not a redaction database (not an SQLite file).\n"
    assert notes.read_text() == "my notes, not a database\n"


def test_usage_error_is_exit_2() -> None:
    done = shell(sys.executable, "-m", "redaction", "list", "everything")
    assert done.returncode == 2
    assert done.stderr.startswith("redaction: error: argument what: invalid choice: 'everything'")
    assert len(done.stderr.splitlines()) == 1


def test_self_test_and_commands_never_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from redaction.cli import main\n"
        "assert main(['--self-test']) == 0\n"
        f"assert main(['demo', '--db', {str(tmp_path / 'd.db')!r}]) == 0\n"
        f"assert main(['list', 'comments', '--json', '--db', {str(tmp_path / 'd.db')!r}]) == 0\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken', 'redaction.ui')))\n"
        "assert not qt, qt\n"
    )
    done = shell(sys.executable, "-c", code, env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert done.returncode == 0, done.stderr
    assert "ok   Markdown import round trip" in done.stdout
