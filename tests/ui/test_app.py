"""Starting the window: no display, missing X11 libraries, and a database that cannot be opened."""

from __future__ import annotations

import gc
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from redaction import config
from redaction.ui import app, i18n
from redaction.ui.main_window import MainWindow


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


def _session_probe(qtbot, monkeypatch, probe) -> list[object]:
    """Run ``run_gui`` with an event loop that waits for ``probe`` (a callable, truthy when
    seen) instead of the person, then closes the window; returns what it saw."""
    monkeypatch.delenv(app.EXIT_AFTER_PAINT_ENV, raising=False)
    config.put(USER_NAME="Anne Le Goff")  # else the start asks for a name first
    seen: list[object] = []
    # Windows of earlier tests may wait for their deletion still: the one to close is the new one.
    earlier = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]

    def event_loop(_app: QApplication) -> int:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in earlier
        )
        qtbot.waitUntil(probe, timeout=10_000)
        seen.append(probe())
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    return seen


def _leave_qt_as_found() -> None:
    i18n.remove_translators(QApplication.instance())  # run_gui installed the system's
    gc.unfreeze()


def test_with_the_article_list_closed_the_window_still_paints_and_collects_garbage(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The start holds the garbage collector until the first paint: a person who closed the
    article list must not work a whole session without it (it waited for the list's paint)."""
    monkeypatch.setattr(app, "COLLECTOR_WAITS_AT_MOST_MS", 600_000)  # the paint must do it
    painted: list[bool] = []

    def hide_the_list(desk) -> None:  # before the first paint, as a restored layout would
        desk.window.articles_dock.hide()
        desk.window.first_painted.connect(lambda: painted.append(True))

    seen = _session_probe(qtbot, monkeypatch, lambda: bool(painted) and gc.isenabled())
    try:
        assert app.run_gui(str(tmp_path / "newsroom.db"), on_shown=hide_the_list) == 0
    finally:
        _leave_qt_as_found()
    assert seen == [True] and painted == [True]


def test_a_window_that_never_paints_gets_the_garbage_collector_back(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(app, "COLLECTOR_WAITS_AT_MOST_MS", 50)
    painted: list[bool] = []

    def hide_the_window(desk) -> None:  # shown, then hidden before anything painted
        desk.window.hide()
        desk.window.first_painted.connect(lambda: painted.append(True))

    seen = _session_probe(qtbot, monkeypatch, gc.isenabled)
    try:
        assert app.run_gui(str(tmp_path / "newsroom.db"), on_shown=hide_the_window) == 0
    finally:
        _leave_qt_as_found()
    assert seen == [True] and painted == []


def test_the_start_imports_around_pyside_s_import_hook_and_puts_it_back() -> None:
    """PySide6 (imported by this test session, as by the frozen app before redaction runs)
    replaces ``__import__`` with its ``__feature__`` hook; the Qt-free layers are imported with
    Python's own, and the hook is in place again afterwards, even after a failed import."""
    import builtins

    hooked = builtins.__import__
    assert hooked is not builtins.__orig_import__  # PySide6's hook is installed
    seen: list[object] = []
    with pytest.raises(ModuleNotFoundError), app.plain_imports():
        seen.append(builtins.__import__)
        import redaction.no_such_module  # noqa: F401
    assert seen == [builtins.__orig_import__]
    assert builtins.__import__ is hooked
