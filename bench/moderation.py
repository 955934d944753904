"""The moderation desk at a million comments, measured through the real window and services.

Builds (or reuses) the 100,000-article / 1,000,000-comment database of ``bench/build_db.py``,
works on a private copy of it (decisions change data, and the other benchmarks share the
original), opens the desk window offscreen and measures, as medians in milliseconds:

- ``open_pending_ms``: key "1" from the All queue until the Pending queue, its first comment in
  the detail pane and the repaint are done;
- ``decide_next_ms``: key "A" until the comment is approved, the next one shown and painted
  (after an untimed pause of :data:`READING_PAUSE_MS`, as a person reads before deciding: the
  desk reads the next comment ahead during that pause; the decided one stays in its row,
  dimmed, until the queue is read again);
- ``counts_ms``: reading the five tab counts and writing them on the tabs;
- ``bulk_approve_10k_ms``: Shift+A on 10,000 marked comments until the worker is done and the
  queue reloaded (the UI thread waiting in Qt's event loop) (progress dialog included; the copy of the database as it was before is pinned
  first and written in the background; that copy and the WAL checkpoint that follows are
  waited for, untimed, before the next measurement, and their times printed on stderr);
- ``search_ms``: a search typed in the search field, until its first page is shown;
- ``dry_run_100k_ms``: the rules' dry run over the whole pending queue on a worker, the queue
  first brought to exactly 100,000 comments (the oldest surplus of the ~119,000 moved to the
  trash, untimed); the median of ``--runs`` dry runs (one run alone read the first ones' cold
  start and any other load of the moment).

While the bulk move and the dry run run, a 5 ms timer measures how long the UI thread was ever
kept from its event loop (printed on stderr, with the details).

    .venv/bin/python bench/moderation.py [--json] [--runs N] [--source PATH] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

READING_PAUSE_MS = 150
DRY_RUN_QUEUE = 100_000
SEARCHES = ("merci", "marché", "parking", "kenavo", "grand-mère", "concarneau lorient", "le port", "budget")


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def machine_speed() -> float:
    """Milliseconds for a fixed pure-Python loop: these machines are shared, and their speed
    drifts by half from one hour to the next; this tells a slow run from a slow desk."""
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return (time.perf_counter() - start) * 1000


class StallMeter:
    """The longest time the UI thread went without running its event loop."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def __enter__(self) -> StallMeter:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.stop()


CPU: dict[str, list[float]] = {}


def timed(action: Callable[[], object], settle: Callable[[], object], label: str = "") -> float:
    """Wall milliseconds of ``action`` until ``settle`` returns; the UI thread's CPU time is
    kept aside under ``label`` (steadier than wall time on a shared machine)."""
    start, cpu = time.perf_counter(), time.thread_time()
    action()
    settle()
    CPU.setdefault(label, []).append((time.thread_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def working_copy(source: Path, folder: Path) -> Path:
    target = folder / "moderation-bench.db"
    for suffix in ("-wal", "-shm"):  # a journal left by an earlier run would corrupt the new copy
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


def run(source: Path, folder: Path, runs: int) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, qInstallMessageHandler
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from redaction.services.backup import backups_in_progress
    from redaction.services.moderation import queue as moderation
    from redaction.services.moderation.rules import get_rules
    from redaction.services.moderation.values import QueueFilter
    from redaction.storage.database import Database
    from redaction.ui.context import AppContext
    from redaction.ui.moderation.rules_dialog import dry_run_with_rows
    from redaction.ui.moderation.window import DeskWindow
    from redaction.ui.operations import Operation

    def quiet(_mode: object, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen platform's harmless complaint
            log(message)

    qInstallMessageHandler(quiet)
    QCoreApplication.setOrganizationName("redaction-bench")  # keep the person's settings out of it
    QCoreApplication.setApplicationName("redaction-bench")
    app = QApplication.instance() or QApplication([])
    log(f"machine speed before: {machine_speed():.0f} ms for the reference loop")
    path = working_copy(source, folder)
    started = time.perf_counter()
    db = Database.open(path)  # migrates the copy if the schema moved on
    log(f"opened {path} in {time.perf_counter() - started:.1f} s")
    window = DeskWindow(AppContext(db))
    window.resize(1400, 880)
    window.show()
    QTest.qWaitForWindowExposed(window)
    desk = window.desk
    controller = window.ctx.moderation  # bulk decisions run on its operation
    desk.view.setFocus()
    app.processEvents()

    def settle() -> None:
        app.processEvents()

    def wait_operation() -> None:
        """Until the desk's operation is over and handled, waiting in Qt's event loop as the
        application does (a polling loop would take the GIL from the worker all the time)."""
        operation = controller.operation
        if operation is not None:
            loop = QEventLoop()
            operation.deliver_to(
                window, finished=lambda _r: loop.quit(), failed=lambda _m: loop.quit(), cancelled=loop.quit
            )
            if not operation.done.is_set():  # else its signals went out before ours was connected
                loop.exec()
        while controller.operation is not None:  # the controller's own handler (connected first) has run
            app.processEvents()
        app.processEvents()

    def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> Callable[[], None]:
        return lambda: QTest.keyClick(desk.view, k, modifier)

    results: dict[str, list[float]] = {k: [] for k in ("open", "decide", "counts", "bulk", "search", "dry")}
    for _ in range(runs * 3):
        QTest.keyClick(desk.view, Qt.Key.Key_5)
        settle()
        results["open"].append(timed(key(Qt.Key.Key_1), settle, "open"))
    assert desk.queue.status() == "pending" and desk.queue.model.rowCount() > 0
    for _ in range(runs * 10):
        QTest.qWait(READING_PAUSE_MS)  # a moderator reads the comment before deciding (not timed)
        results["decide"].append(timed(key(Qt.Key.Key_A), settle, "decide"))
    for _ in range(runs * 5):
        results["counts"].append(timed(desk.queue.refresh_counts, settle, "counts"))

    with db.session() as session:
        pending = moderation.queue_counts_in(session, QueueFilter())["pending"]
    if pending > DRY_RUN_QUEUE:  # exactly the queue the target names: the oldest surplus goes (untimed)
        with db.session() as session:
            surplus = moderation.queue_ids_in(session, QueueFilter())[DRY_RUN_QUEUE:]
        moderation.decide_in_chunks(db, surplus, "trash", "bench")
        for backup in backups_in_progress():  # the service copies the database first, in the background
            backup.wait_done()
        if db.checkpointer is not None:
            db.checkpointer.wait_idle()
        log(f"dry run: {len(surplus):,} of {pending:,} pending moved to the trash first")
        pending -= len(surplus)
    # The rules as an editor might change them in the dialog before saving.
    rules = replace(get_rules(db), moderation_words=("arnaque", "insulte"), max_links=1).normalized()
    for _ in range(max(1, runs)):
        done: list[object] = []
        operation = Operation(lambda progress: dry_run_with_rows(db, rules, progress))
        loop = QEventLoop()  # the UI thread waits in Qt's event loop, as in the application

        def arrived(outcome: object, done: list[object] = done, loop: QEventLoop = loop) -> None:
            done.append(outcome)
            loop.quit()

        operation.deliver_to(window, finished=arrived, failed=arrived)
        with StallMeter() as meter:
            start = time.perf_counter()
            operation.start()
            loop.exec()
            results["dry"].append((time.perf_counter() - start) * 1000)
        outcome = done[0]
        if isinstance(outcome, str):
            raise SystemExit(f"dry run failed: {outcome}")
        log(
            f"dry run over {pending:,} pending: {results['dry'][-1]:.0f} ms, "
            f"{len(outcome[0].changes):,} changes, longest UI-thread stall {meter.longest * 1000:.0f} ms"
        )
    stalls = []
    for _ in range(max(1, runs)):
        with db.session() as session:
            ids = moderation.queue_ids_in(session, QueueFilter(), limit=10_000)
        desk.queue.model.set_marks(ids)
        settle()
        with StallMeter() as meter:
            results["bulk"].append(
                timed(
                    key(Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier), wait_operation, "bulk (UI thread)"
                )
            )
        stalls.append(meter.longest * 1000)
        # The copy of "before" is written in the background after the move; let it finish so it
        # does not weigh on the next measurement, and say how long it took.
        backup_start = time.perf_counter()
        for backup in backups_in_progress():
            backup.wait_done()
        backup_ms = (time.perf_counter() - backup_start) * 1000
        if db.checkpointer is not None:  # the log folded back into the file, also in the background
            db.checkpointer.wait_idle()
        settle()
        log(
            f"bulk approve: backup copy finished {backup_ms:.0f} ms after, "
            f"log checkpointed {(time.perf_counter() - backup_start) * 1000:.0f} ms after"
        )
    log(f"bulk approve: longest UI-thread stall {max(stalls):.0f} ms")

    for word in SEARCHES:
        desk.filters.search_edit.setText(word)
        results["search"].append(timed(desk.filters.apply_now, settle, "search"))
        log(f"search {word!r}: {results['search'][-1]:.1f} ms, {desk.queue.model.rowCount()} rows shown")
    desk.filters.search_edit.clear()
    desk.filters.apply_now()

    window.close()
    db.close()
    log(f"machine speed after: {machine_speed():.0f} ms for the reference loop")
    for name, values in results.items():
        log(
            f"{name:7s} n={len(values):3d} median {statistics.median(values):8.1f}  max {max(values):8.1f} ms"
        )
    for name, values in CPU.items():
        log(f"UI-thread CPU {name}: median {statistics.median(values):.1f} ms")
    return {
        "open_pending_ms": round(statistics.median(results["open"]), 1),
        "decide_next_ms": round(statistics.median(results["decide"]), 1),
        "counts_ms": round(statistics.median(results["counts"]), 2),
        "bulk_approve_10k_ms": round(statistics.median(results["bulk"]), 0),
        "search_ms": round(statistics.median(results["search"]), 1),
        "dry_run_100k_ms": round(statistics.median(results["dry"]), 0),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object (details on stderr)")
    parser.add_argument("--runs", type=int, default=3, help="repetition factor (default 3)")
    parser.add_argument("--source", type=Path, help="an existing big database (default: build_db's)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the copy")
    args = parser.parse_args(argv)
    if args.source is None:
        from bench.build_db import build

        args.source = build(verbose=not args.json)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        figures = run(args.source, args.keep, args.runs)
    else:
        with tempfile.TemporaryDirectory(prefix="redaction-moderation-bench-") as folder:
            figures = run(args.source, Path(folder), args.runs)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:22s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
