"""Start the window: check for a display, install translators and the theme, open the database
(asking at the first run, see first_run.py), show.

A database that cannot be opened is explained in a dialog (and on stderr) and left untouched.

The window paints before the database layers are loaded when it can: on a SQLite file at the
newest schema, what the first screen shows is read with plain ``sqlite3``
(:mod:`redaction.services.first_screen`), the window is built from it and painted, and the
database is opened on a thread of its own from the first paint on
(:class:`~redaction.services.opening.OpeningDatabase`; SQLAlchemy, the models and the services
are most of a start). Anything else (a server, an older schema, a file the first screen cannot
read) is opened before the window, as it always was.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redaction import APP_NAME, __version__, start_cache

if TYPE_CHECKING:
    from redaction.services.opening import OpeningDatabase
    from redaction.storage.database import Database

EXIT_AFTER_PAINT_ENV = "REDACTION_EXIT_AFTER_PAINT"
COLLECTOR_WAITS_AT_MOST_MS = 3000  # after the window is shown, painted or not (see run_gui)
TRACE_STARTUP_ENV = "REDACTION_TRACE_STARTUP"  # print each start-up step's time on stderr


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
_TRACING = bool(os.environ.get(TRACE_STARTUP_ENV))
_trace_origin: float | None = None  # perf_counter() at process start, estimated once


def trace(step: str) -> None:
    """With ``REDACTION_TRACE_STARTUP`` set: "startup <ms since process start> <step>" on stderr
    (bench/README.md's start-up breakdown). The process start is read once from /proc (10 ms
    ticks); the steps after it are timed with perf_counter."""
    global _trace_origin
    if not _TRACING:
        return
    if _trace_origin is None:
        _trace_origin = time.perf_counter() - seconds_since_process_start()
    print(f"startup {(time.perf_counter() - _trace_origin) * 1000:7.1f} {step}", file=sys.stderr, flush=True)


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


def run_gui(
    explicit: str | None = None, debug: bool = False, on_shown: Callable[[Any], object] | None = None
) -> int:
    """Open the window on ``explicit`` (``--db``), else on the database the configuration
    chooses (see :func:`redaction.config.choose_database`), asking at the first run.
    ``on_shown`` is called with the application's Desk once its window is shown (benchmarks
    measure the real start this way)."""
    # The start makes hundreds of thousands of objects that live as long as the app (modules,
    # SQLAlchemy's mappings, the window), and the garbage collector walked them again and again
    # (~100 collections, 40 ms of the start): it waits until the first paint, at most a few
    # seconds (_collector_resumer), or until this returns before either.
    gc.disable()
    # Regular expressions and dataclass methods a previous start compiled, until the first paint.
    start_cache.begin()
    try:
        return _run_gui(explicit, debug, on_shown)
    finally:
        start_cache.end()
        gc.enable()


def _run_gui(explicit: str | None, debug: bool, on_shown: Callable[[Any], object] | None) -> int:
    trace("run_gui (command line parsed)")
    _skip_feature_scan()  # the frozen app's PyInstaller hook has imported PySide6 already
    problem = display_problem()
    if problem:
        print(f"redaction: error: {problem}", file=sys.stderr)
        return 2

    # What the window needs at once without Qt (rendering, the first screen), and a database
    # opened before the window (SQLAlchemy with it), are imported before PySide6: once it is,
    # every import statement passes through PySide6's __feature__ hook (in the frozen app it is
    # imported already, and plain_imports steps around the hook).
    _import_rendering()
    from redaction.config import choose_database
    from redaction.services.opening import OpeningDatabase
    from redaction.storage.errors import StorageError
    from redaction.ui.startup import startup_target

    def open_chosen() -> tuple[str | None, str, Database | OpeningDatabase | None, StorageError | None]:
        chosen, missing = startup_target(choose_database(explicit))
        if chosen is None:
            return chosen, missing, None, None
        opening = _opening_database(chosen)
        if opening is not None:
            return chosen, missing, opening, None
        _import_database_layers()
        from redaction.storage.database import Database

        try:
            return chosen, missing, Database.open(chosen), None
        except StorageError as exc:
            return chosen, missing, None, exc
        finally:
            trace("database open")

    # Preferences an older version kept in Qt's settings (moved below) can only change the
    # per-user default: any other choice is opened now.
    early = choose_database(explicit).source != "default"
    if early:
        chosen, missing, db, failure = open_chosen()

    from redaction.ui.qt_support import import_qt

    import_qt()  # shiboken's support modules from the cache folder, compiled once
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from redaction.ui import settings
    from redaction.ui.i18n import install_translators
    from redaction.ui.theme import apply_theme

    _skip_feature_scan()
    trace("Qt imported")
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    trace("QApplication made")
    app.setDesktopFileName("io.github.redaction.Redaction")
    icon_path = _icon_path()
    if icon_path:
        app.setWindowIcon(QIcon(str(icon_path)))
    settings.migrate_qt_preferences()  # once: earlier versions kept them in Qt's settings
    install_translators(app)
    apply_theme(app, settings.get(settings.THEME))
    trace("translators and theme installed")
    if not early:
        chosen, missing, db, failure = open_chosen()

    if failure is not None:
        print(f"redaction: error: {failure}", file=sys.stderr)
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "Cannot open the database"),
            QCoreApplication.translate(
                "App", "redaction could not open {0}.\n\n{1}\n\nThe file was not changed."
            ).format(chosen, failure),
        )
        return 2
    if db is None:  # first run: no database yet, none given
        from redaction.ui.first_run import run_first_run

        db = run_first_run(missing)
        if db is None:
            return 0
    elif not os.environ.get(EXIT_AFTER_PAINT_ENV):  # a measured start has nobody to answer
        from redaction.ui.name_dialog import ask_name_once

        ask_name_once()  # the first run asks it; a start that skips the first run asks here

    from redaction.ui.shell import Desk

    trace("window modules imported")
    desk = Desk(app, db)  # owns the database and the window; rebuilds it on language change
    window = desk.window
    trace("window built")
    window.first_painted.connect(lambda: trace("first paint"))
    window.first_painted.connect(start_cache.end)  # before the opening thread starts compiling
    resume_collector = _collector_resumer()
    # A window that never paints (started minimized, or hidden at once) must not keep the
    # collector waiting, nor the database unopened, for the whole session. Stopped when this
    # returns (tests run it again).
    collector_timer = QTimer(singleShot=True, interval=COLLECTOR_WAITS_AT_MOST_MS)
    collector_timer.timeout.connect(resume_collector)
    collector_timer.timeout.connect(start_cache.end)
    collector_timer.start()
    ctx = desk.ctx
    prepare_markdown = QTimer(singleShot=True, interval=0)
    prepare_markdown.timeout.connect(_prepare_markdown)
    if isinstance(db, OpeningDatabase):
        ctx.database_opened.connect(prepare_markdown.start)
        db.add_done_listener(lambda: trace("database opened"))
        window.first_painted.connect(db.start)
        collector_timer.timeout.connect(db.start)
        # The collector waits for the database layers too: frozen with the window's objects.
        ctx.database_opened.connect(resume_collector)
        ctx.opening_failed.connect(lambda message: _opening_failed(app, chosen, message))
    else:
        window.first_painted.connect(resume_collector)
        window.first_painted.connect(prepare_markdown.start)
    if os.environ.get(EXIT_AFTER_PAINT_ENV):
        _exit_when_ready(app, desk)
    window.show()
    trace("window shown")
    if on_shown is not None:
        on_shown(desk)
    try:
        return app.exec()
    finally:
        collector_timer.stop()
        prepare_markdown.stop()
        desk.close()


# Modules without Qt that the window needs at once, imported before PySide6 (see run_gui). A
# module missing here is still imported when needed, only a little slower.
_RENDERING_AT_START = (
    "redaction.services.first_screen",
    "redaction.render.incremental",
    "redaction.render.page",
    "redaction.render.missing_images",
    "redaction.domain.spelling",
    "redaction.domain.typography",
    "redaction.domain.house_rules",
    "redaction.domain.textstats",
)
# The database layers the window uses at once (SQLAlchemy with them): before the window when
# the database is opened first, else on the opening thread while the first screen is shown.
_DATABASE_LAYERS = (
    "redaction.storage.database",
    "redaction.services.backup",
    "redaction.storage.watcher",
    "redaction.services.articles.editing",
    "redaction.services.articles.autosave",
    "redaction.services.articles.house_rules",
    "redaction.services.articles.image_check",
    "redaction.services.articles.images",
    "redaction.services.moderation.queue",
    "redaction.services.moderation.comments",
    "redaction.services.moderation.detail",
    "redaction.services.site.overview",
)


def _import_rendering() -> None:
    import importlib

    with plain_imports():
        for name in _RENDERING_AT_START:
            importlib.import_module(name)
        from redaction.render import kept

        if not kept.cache_file().is_file():
            # No page kept from the last session: the preview renders the first screen, with
            # the converter (and the Markdown extensions' modules) built now.
            from redaction.render.markdown import prepare

            prepare()


def _import_database_layers() -> None:
    import importlib

    with plain_imports():
        for name in _DATABASE_LAYERS:
            importlib.import_module(name)
        from redaction.render.markdown import import_modules

        import_modules()  # behind a preview painted from the kept page: for the first keystroke


def _prepare_markdown() -> None:
    """Build the window thread's Markdown converter, once the first screen is up: the first
    keystroke in a preview painted from the kept page then waits for nothing."""
    from redaction.render.markdown import prepare

    with plain_imports():
        prepare()


def _opening_database(target: str) -> OpeningDatabase | None:
    """The database ``target`` to open once the window has painted its first screen, read now
    with sqlite3; None when it must be opened first (a server, a file at another schema, one the
    first screen cannot read, or one the opening would refuse or repair at once: read-only, in a
    read-only folder, or left with a journal to roll back)."""
    from redaction.services.first_screen import FirstScreen
    from redaction.services.opening import OpeningDatabase
    from redaction.storage.sqlite_file import hot_journal, is_url, writable

    if is_url(target):
        return None
    path = Path(target)
    try:
        if not writable(path) or not os.access(path.parent, os.W_OK) or hot_journal(path):
            return None
    except OSError:
        return None
    screen = FirstScreen.open(path)
    if screen is None:
        return None
    trace("first screen read")
    return OpeningDatabase(target, screen, prepare=_import_database_layers)


def _opening_failed(app: Any, target: str | None, message: str) -> None:
    """The database behind the first screen could not be opened: say so, and end (nothing was
    written to it; what was typed meanwhile could not be saved either)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    print(f"redaction: error: {message}", file=sys.stderr)
    if not os.environ.get(EXIT_AFTER_PAINT_ENV):
        QMessageBox.critical(
            app.activeWindow(),
            QCoreApplication.translate("App", "Cannot open the database"),
            QCoreApplication.translate(
                "App", "redaction could not open {0}.\n\n{1}\n\nThe file was not changed."
            ).format(target, message),
        )
    app.exit(2)


def _exit_when_ready(app: Any, desk: Any) -> None:
    """A measured start (``REDACTION_EXIT_AFTER_PAINT``): print when the window painted and when
    its database was open ("painted <ms>", "ready <ms>", since the process started), then quit."""
    seen: set[str] = set()

    def reached(step: str) -> None:
        if step in seen:
            return
        seen.add(step)
        print(f"{step} {seconds_since_process_start() * 1000:.0f}", flush=True)
        if step == "painted" and not desk.ctx.opening:
            reached("ready")
        # Closed as a person closes it, so the next measured start finds what a real one
        # would: the layout, the last article and its page kept.
        if {"painted", "ready"} <= seen and not desk.window.close():
            app.quit()

    desk.window.first_painted.connect(lambda: reached("painted"))
    desk.ctx.database_opened.connect(lambda: reached("ready"))


@contextlib.contextmanager
def plain_imports() -> Iterator[None]:
    """Python's own ``__import__`` for the duration, when PySide6 has put its ``__feature__``
    hook in its place (``builtins.__orig_import__`` keeps the original): the hook calls two
    Python functions around every import statement, and matters only to modules that switch
    PySide6 features on (``from __feature__ import``), which redaction never does. In the frozen
    app PyInstaller's runtime hook imports PySide6 first, so SQLAlchemy's ~200 modules and ours
    went through it. The hook is back afterwards, whatever happened."""
    import builtins

    original = getattr(builtins, "__orig_import__", None)
    hooked = builtins.__import__
    if original is None or hooked is original:
        yield
        return
    builtins.__import__ = original
    try:
        yield
    finally:
        builtins.__import__ = hooked


def _skip_feature_scan() -> None:
    """PySide6 reads the whole source of every module imported after it (``inspect.getsource``)
    to see whether it names PySide6, for the ``from __feature__ import`` switches redaction
    never uses: ~20 ms of the start from source; in the frozen app, where PyInstaller's hook
    imports PySide6 before anything else, each of SQLAlchemy's modules was looked for in vain
    (no sources there: the same answer for all). Every module is now taken for one that does
    not name PySide6, as the frozen app always did."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = lambda _module: False


def _collector_resumer() -> Callable[[], None]:
    """What turns the garbage collector back on, once: at the window's first paint, or
    :data:`COLLECTOR_WAITS_AT_MOST_MS` after it was shown, whichever comes first. The start's
    objects (modules, the window) live as long as the app: moved out of the collector's sight
    first, a full collection no longer walks them all (tens of ms, felt as a stalled keystroke)."""
    resumed = False

    def resume() -> None:
        nonlocal resumed
        if resumed:
            return
        resumed = True
        gc.freeze()
        gc.enable()

    return resume


def _icon_path() -> Path | None:
    try:
        from redaction.paths import resource

        path = resource("icons", "redaction.svg")
    except FileNotFoundError:
        return None
    return path if path.is_file() else None
