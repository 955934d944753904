"""What a paint-first start would give on this stack: painted, then usable, and the stall between.

``bench/stack_qt.py`` is the floor of a start that imports SQLAlchemy before its first paint: on
the project's machine its median is 410–430 ms on a quiet day, above issue 13's 400 before any of
redaction's own work. This bench measures the other order, on the same database and with the
same window (a table of titles, an editor with the newest article, a browser with it rendered),
nothing of redaction:

1. PySide6, Python-Markdown and ``sqlite3`` imported; the article list and the newest article
   read with ``sqlite3`` (no ORM); the window shown and painted (``painted_ms``);
2. then SQLAlchemy with its ORM imported, one class mapped, an engine made and the same two reads
   done through the ORM (what a window needs before it can save, open another article or
   moderate): ``ready_ms``, process start to that point;
3. meanwhile a 5 ms timer runs on the window's thread: ``stall_ms`` is its longest lateness (how
   long a keystroke typed then would have waited).

Two ways of loading after the paint (``--behind``): ``thread`` (a worker thread imports while the
window's thread runs its event loop: both share the GIL, which Python hands over every 5 ms) and
``event`` (all of it in one event on the window's thread, as a start that simply moved the
database after the paint would). Each run is a fresh process; figures are medians; the reference
loop is timed before and after; ``--json`` prints them as JSON.

    python bench/paint_first.py [-n 11] [--db PATH] [--json]
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
LINE = re.compile(r"^(painted|ready|stall) (\d+(?:\.\d+)?)\s*$", re.MULTILINE)
MODES = ("thread", "event")


def child(db: Path, behind: str) -> int:
    """One start, in this process: print ``painted``, ``ready`` and ``stall`` lines, then quit."""
    sys.path.insert(0, str(BENCH))
    from bare_qt import floor_window, seconds_since_process_start

    def since_start_ms() -> float:
        return seconds_since_process_start() * 1000

    import sqlite3

    import markdown
    from markdown.extensions.extra import ExtraExtension
    from markdown.extensions.toc import TocExtension
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    # As redaction.ui.app does: PySide6 would read the source of every module imported after it.
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = lambda _module: False

    # The first screen read without the ORM: the same rows stack_qt.py reads through it.
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    titles = connection.execute("SELECT title FROM article ORDER BY updated_at DESC LIMIT 200").fetchall()
    newest = connection.execute("SELECT body FROM article ORDER BY updated_at DESC LIMIT 1").fetchone()
    connection.close()
    body = newest[0] if newest is not None else ""
    html = markdown.markdown(body, extensions=[ExtraExtension(), TocExtension()])

    app = QApplication(sys.argv[:1])
    window = floor_window("paint first", [title for (title,) in titles], body, html, str(db))

    loaded = threading.Event()
    result: dict[str, float] = {}

    def load_stack() -> None:
        try:
            read_through_orm()
        finally:  # a failure ends the run (no "ready" line) instead of leaving it waiting
            loaded.set()

    def read_through_orm() -> None:
        """What a window needs before it can write: SQLAlchemy's ORM, a mapped class, the reads
        (stack_qt.py's own, done before its paint there)."""
        from stack_qt import read_through_orm as stack_reads

        stack_reads(db)
        result["ready"] = since_start_ms()

    tick_ms = 5
    ticker = QTimer()
    ticker.setInterval(tick_ms)
    stall = {"last": 0.0, "worst": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        if stall["last"]:
            stall["worst"] = max(stall["worst"], (now - stall["last"]) * 1000 - tick_ms)
        stall["last"] = now
        if loaded.is_set():
            ticker.stop()
            print(f"painted {result['painted']:.0f}")
            if "ready" in result:
                print(f"ready {result['ready']:.0f}")
            print(f"stall {stall['worst']:.1f}")
            app.quit()

    ticker.timeout.connect(tick)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "painted" not in result:
                result["painted"] = since_start_ms()
                stall["last"] = time.perf_counter()
                ticker.start()
                if behind == "thread":
                    threading.Thread(target=load_stack, daemon=True).start()
                else:
                    QTimer.singleShot(0, load_stack)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


def child_env() -> dict[str, str]:
    """Offscreen, with bytecode cached outside the tree as launch_time.py has it (an installed
    app has its bytecode cached)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(BENCH / "data" / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(python: str, db: Path, behind: str) -> dict[str, float]:
    completed = subprocess.run(
        [python, str(Path(__file__).resolve()), "--child", behind, "--db", str(db)],
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = {name: float(value) for name, value in LINE.findall(completed.stdout)}
    if set(found) != {"painted", "ready", "stall"}:
        raise RuntimeError(f"the child printed no figures: {completed.stdout}{completed.stderr[-2000:]}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=11)
    parser.add_argument("--db", type=Path, help="a redaction database (default: a fresh demo newsroom)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.db, args.child)

    sys.path.insert(0, str(ROOT))
    from bench.common import machine, machine_speed
    from bench.launch_time import demo_database, launch_once

    speed_before = machine_speed()
    with tempfile.TemporaryDirectory(prefix="redaction-paint-first-") as folder:
        db = args.db or demo_database(sys.executable, Path(folder))
        stack, bare = BENCH / "stack_qt.py", BENCH / "bare_qt.py"
        for mode in MODES:  # one warm-up each
            run(sys.executable, db, mode)
        launch_once([sys.executable, str(stack)], db, Path(folder), False)
        launch_once([sys.executable, str(bare)], None, Path(folder), False)
        samples: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
        stack_painted: list[float] = []
        bare_painted: list[float] = []
        for i in range(args.runs):  # interleaved, so that a change of load touches all alike,
            for mode in MODES if i % 2 else MODES[::-1]:  # in turn first after stack_qt.py
                samples[mode].append(run(sys.executable, db, mode))
            stack_painted.append(launch_once([sys.executable, str(stack)], db, Path(folder), False)[1])
            bare_painted.append(launch_once([sys.executable, str(bare)], None, Path(folder), False)[1])
    speed_after = machine_speed()

    figures: dict[str, Any] = {
        "meta": machine(),
        "machine_speed_before_ms": round(speed_before),
        "machine_speed_after_ms": round(speed_after),
        "runs": args.runs,
        "bare_qt_ms": statistics.median(bare_painted),
        "stack_qt_ms": statistics.median(stack_painted),
    }
    for mode in MODES:
        for name in ("painted", "ready", "stall"):
            figures[f"{mode}_{name}_ms"] = round(statistics.median(s[name] for s in samples[mode]), 1)
        figures[f"{mode}_stall_max_ms"] = round(max(s["stall"] for s in samples[mode]), 1)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"paint first, offscreen, median of {args.runs} runs; reference loop {figures['machine_speed_before_ms']} ms"
        f" before, {figures['machine_speed_after_ms']} ms after"
    )
    print(f"bare_qt.py (a bare QMainWindow) painted: {figures['bare_qt_ms']} ms")
    print(f"stack_qt.py (SQLAlchemy before the paint) painted: {figures['stack_qt_ms']} ms")
    print(f"{'behind':8} {'painted':>8} {'ready':>8} {'stall':>8} {'worst':>8}")
    for mode in MODES:
        print(
            f"{mode:8} {figures[f'{mode}_painted_ms']:8.0f} {figures[f'{mode}_ready_ms']:8.0f}"
            f" {figures[f'{mode}_stall_ms']:8.1f} {figures[f'{mode}_stall_max_ms']:8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
