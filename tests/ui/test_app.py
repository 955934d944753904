"""Starting the window: no display, missing X11 libraries, and a database that cannot be opened."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from redaction.ui import app


def test_without_a_display_the_command_says_how_to_run(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-m", "redaction", "--db", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if not sys.platform.startswith("linux"):
        return
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display available" in lines[0] and "xvfb-run" in lines[0]
    assert "Traceback" not in done.stderr


def test_missing_x11_libraries_are_named_instead_of_a_qt_abort(monkeypatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(app.sys, "platform", "linux")
    monkeypatch.setattr(app, "_loads", lambda library: library != "libxcb-cursor.so.0")
    problem = app.display_problem()
    assert problem is not None and "libxcb-cursor0" in problem


def test_a_file_that_is_not_a_database_is_explained_and_left_untouched(
    tmp_path: Path, qapp, monkeypatch
) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database\n")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert app.run_gui(str(path)) == 2
    assert shown and "not a redaction database" in shown[0] and "not changed" in shown[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_the_readme_names_every_library_the_window_needs_in_one_apt_line() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    lines = [line for line in readme.splitlines() if "apt install" in line and "libxcb-cursor0" in line]
    assert len(lines) == 1
    named = set(lines[0].split())
    assert set(app._XCB_LIBRARIES.values()) <= named
