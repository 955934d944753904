"""Shared benchmark helpers: the big database, Qt set-up, "until painted" timing and the report.

Timings are taken the way a person experiences them: from the action to the end of the event-loop
turn in which the watched widgets were repainted (the frame the action produced), not to the
return of a call. Qt is imported lazily so that ``build_db`` stays Qt-free.
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent


@dataclass
class Result:
    """Samples of one measurement, in milliseconds (wall) and CPU milliseconds of this process."""

    name: str
    target_ms: float | None = None
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    warmup: int = 0
    note: str = ""

    def add(self, wall_ms: float, cpu_ms: float | None = None) -> None:
        self.wall.append(wall_ms)
        if cpu_ms is not None:
            self.cpu.append(cpu_ms)

    @property
    def median(self) -> float:
        return statistics.median(self.wall) if self.wall else math.nan

    @property
    def p95(self) -> float:
        return percentile(self.wall, 95)

    def summary(self) -> dict[str, Any]:
        return {
            "n": len(self.wall),
            "warmup": self.warmup,
            "median_ms": round(self.median, 2),
            "p95_ms": round(self.p95, 2),
            "max_ms": round(max(self.wall), 2) if self.wall else None,
            "cpu_median_ms": round(statistics.median(self.cpu), 2) if self.cpu else None,
            "target_ms": self.target_ms,
            "ok": None if self.target_ms is None else self.median <= self.target_ms,
            "note": self.note,
            "samples_ms": [round(s, 2) for s in self.wall],
        }


def percentile(samples: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (with 15 samples, p95 is the slowest one)."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def machine_speed() -> float:
    """Milliseconds for a fixed pure-Python loop (the reference loop every bench times before and
    after, as bench/moderation.py does): the machine is shared, and this tells a slow run from a
    slow machine."""
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return (time.perf_counter() - start) * 1000


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux: /proc; elsewhere the peak, from
    getrusage)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def machine() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (math.nan,) * 3
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "loadavg_at_start": [round(x, 2) for x in load],
    }


def print_table(results: Iterable[Result], out: Any = sys.stdout) -> None:
    rows = list(results)
    width = max(len(r.name) for r in rows)
    header = (
        f"{'measurement':<{width}}  {'n':>3}  {'median':>8}  {'p95':>8}  {'max':>8}  {'cpu med':>8}  target"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    for r in rows:
        s = r.summary()
        cpu = f"{s['cpu_median_ms']:8.1f}" if s["cpu_median_ms"] is not None else f"{'':>8}"
        target = ""
        if r.target_ms is not None:
            target = f"≤{r.target_ms:.0f} {'ok' if s['ok'] else 'SLOW'}"
        print(
            f"{r.name:<{width}}  {s['n']:>3}  {s['median_ms']:8.1f}  {s['p95_ms']:8.1f}  "
            f"{s['max_ms']:8.1f}  {cpu}  {target}",
            file=out,
        )


def dump_json(results: Iterable[Result], meta: dict[str, Any]) -> str:
    return json.dumps({"meta": meta, "results": {r.name: r.summary() for r in results}}, ensure_ascii=False)


def big_db(path: str | Path | None = None, articles: int = 100_000, comments: int = 1_000_000) -> Path:
    """The benchmark database, built once (see build_db.py) and reused afterwards."""
    from bench.build_db import DEFAULT_PATH, build

    return build(path or DEFAULT_PATH, articles, comments, verbose=True)


# -- Qt ----------------------------------------------------------------------------------------
def start_app(db_path: str, on_painted: Callable[[Any], object]) -> None:
    """Start the app on ``db_path`` the way ``redaction --db`` does (its order of imports is
    part of what is measured: see redaction.ui.app), and call ``on_painted(desk)`` from its
    event loop after the first paint and, when the window painted before its database was open
    (redaction.services.opening), once it is: what the benches time next is work on the open
    database. An older redaction without ``run_gui(on_shown=…)`` (the
    "before" of a comparison) is started the way its run_gui did."""
    import inspect

    from redaction import config
    from redaction.ui import app as app_module

    # The benches start the app under a config home of their own (XDG_CONFIG_HOME): without a
    # name there, the app would ask for one in a dialog nobody answers, and never paint.
    if not config.load().has(config.USER_NAME):
        config.put(USER_NAME="Bench")

    def shown(desk: Any) -> None:
        from PySide6.QtCore import QTimer

        def painted() -> None:
            ctx = desk.ctx
            if getattr(ctx, "opening", False):
                ctx.database_opened.connect(lambda: QTimer.singleShot(0, lambda: on_painted(desk)))
            else:
                QTimer.singleShot(0, lambda: on_painted(desk))

        desk.window.first_painted.connect(painted)

    if "on_shown" in inspect.signature(app_module.run_gui).parameters:
        app_module.run_gui(db_path, on_shown=shown)
        return
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from redaction import APP_NAME
    from redaction.storage.database import Database

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication(sys.argv[:1])
    db = Database.open(db_path)
    from redaction.ui.shell import Desk

    desk = Desk(app, db)
    desk.window.show()
    shown(desk)
    app.exec()


def qt_app(settings_dir: str | None = None) -> Any:
    """A QApplication on the offscreen platform with settings in a throwaway folder."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("redaction-bench")
    QCoreApplication.setApplicationName("redaction-bench")
    folder = settings_dir or tempfile.mkdtemp(prefix="redaction-bench-settings-")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    QSettings().clear()
    _quiet_offscreen_warning()
    return QApplication.instance() or QApplication(sys.argv[:1])


def _quiet_offscreen_warning() -> None:
    """The offscreen platform warns on every dock window; keep every other message."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def settle(rounds: int = 3) -> None:
    """Let queued events, timers at 0 ms and pending paints run, so a measurement starts idle."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QCoreApplication.sendPostedEvents()


class PaintTimeout(RuntimeError):
    pass


def time_until_painted(
    action: Callable[[], object], widgets: Sequence[Any], timeout_s: float = 20.0
) -> tuple[float, float]:
    """Run ``action`` and wait until every widget in ``widgets`` has received a Paint event;
    returns (wall ms, CPU ms) up to the end of that event-loop turn, i.e. the finished frame."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    painted: set[int] = set()
    loop = QEventLoop()
    done: dict[str, float] = {}

    def finish() -> None:
        if "wall" not in done:
            done["wall"] = time.perf_counter()
            done["cpu"] = time.process_time()
            loop.quit()

    class Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.add(id(watched))
                if len(painted) == len(widgets):
                    # The rest of the frame is painted in this same turn: stop right after it.
                    QTimer.singleShot(0, finish)
            return False

    watcher = Watcher()
    for w in widgets:
        w.installEventFilter(watcher)
    try:
        start_wall, start_cpu = time.perf_counter(), time.process_time()
        action()
        if "wall" not in done:
            guard = QTimer(singleShot=True, interval=int(timeout_s * 1000))
            guard.timeout.connect(loop.quit)
            guard.start()
            loop.exec()
            guard.stop()
        if "wall" not in done:
            raise PaintTimeout(f"no paint within {timeout_s} s")
    finally:
        for w in widgets:
            w.removeEventFilter(watcher)
    return (done["wall"] - start_wall) * 1000, (done["cpu"] - start_cpu) * 1000
