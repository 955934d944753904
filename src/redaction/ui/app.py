"""Start the window: check for a display, install translators and the theme, open the database
(asking at the first run, see first_run.py), show.

A database that cannot be opened is explained in a dialog (and on stderr) and left untouched.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from redaction import APP_NAME, __version__

EXIT_AFTER_PAINT_ENV = "REDACTION_EXIT_AFTER_PAINT"


def seconds_since_process_start() -> float:
    """Wall time since this process started (Linux: from /proc; elsewhere: since import)."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(stat[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED_AT


_IMPORTED_AT = time.perf_counter()


def display_problem() -> str | None:
    """Why Qt could not open a window here, or None when it can."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return (
            "no display available: run redaction in a desktop session, or under a virtual display "
            "(xvfb-run redaction), or use the command line (redaction --help)"
        )
    if sys.platform.startswith("linux") and not os.environ.get("WAYLAND_DISPLAY"):
        missing = [lib for lib in _XCB_LIBRARIES if not _loads(lib)]
        if missing:
            # Qt's X11 plugin would abort the whole process; say what to install instead.
            packages = " ".join(_XCB_LIBRARIES[lib] for lib in missing)
            return (
                f"Qt cannot open a window without {', '.join(missing)}: install them (apt install {packages})"
            )
    return None


# Libraries Qt's X11 plugin (libqxcb.so) links that minimal Linux installs often lack, with their
# Debian package. The README's "apt install" line names the same packages (a test checks it).
_XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loads(library: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def run_gui(explicit: str | None = None, debug: bool = False) -> int:
    """Open the window on ``explicit`` (``--db``), else on the database the configuration
    chooses (see :func:`redaction.config.choose_database`), asking at the first run."""
    problem = display_problem()
    if problem:
        print(f"redaction: error: {problem}", file=sys.stderr)
        return 2

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from redaction.config import choose_database
    from redaction.storage.database import Database
    from redaction.storage.errors import StorageError
    from redaction.ui import settings
    from redaction.ui.first_run import run_first_run, startup_target
    from redaction.ui.i18n import install_translators
    from redaction.ui.theme import apply_theme

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setDesktopFileName("io.github.redaction.Redaction")
    icon_path = _icon_path()
    if icon_path:
        app.setWindowIcon(QIcon(str(icon_path)))
    settings.migrate_qt_preferences()  # once: earlier versions kept them in Qt's settings
    install_translators(app)
    apply_theme(app, settings.get(settings.THEME))

    chosen, missing = startup_target(choose_database(explicit))
    if chosen is None:  # first run: no database yet, none given
        db = run_first_run(missing)
        if db is None:
            return 0
    else:
        try:
            db = Database.open(chosen)
        except StorageError as exc:
            print(f"redaction: error: {exc}", file=sys.stderr)
            QMessageBox.critical(
                None,
                QCoreApplication.translate("App", "Cannot open the database"),
                QCoreApplication.translate(
                    "App", "redaction could not open {0}.\n\n{1}\n\nThe file was not changed."
                ).format(chosen, exc),
            )
            return 2
        if not os.environ.get(EXIT_AFTER_PAINT_ENV):  # a measured start has nobody to answer
            from redaction.ui.name_dialog import ask_name_once

            ask_name_once()  # the first run asks it; a start that skips the first run asks here

    from redaction.ui.shell import Desk

    desk = Desk(app, db)  # owns the database and the window; rebuilds it on language change
    window = desk.window
    if os.environ.get(EXIT_AFTER_PAINT_ENV):
        window.first_painted.connect(
            lambda: (print(f"painted {seconds_since_process_start() * 1000:.0f}"), app.quit())
        )
    window.show()
    try:
        return app.exec()
    finally:
        desk.close()


def _icon_path() -> Path | None:
    try:
        from redaction.paths import resource

        path = resource("icons", "redaction.svg")
    except FileNotFoundError:
        return None
    return path if path.is_file() else None
