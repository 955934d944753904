"""Foundation benchmark: is the window responsive on 100,000 articles and 1,000,000 comments?

Everything goes through the real widgets (``MainWindow`` on the offscreen platform) and is timed
until the affected views have repainted: launching the app, building the window, filtering and
sorting the article list, paging it, opening an article (editor and preview painted) and showing
an article's comments. Each measurement runs one warm-up (two for the launch), excluded from the
numbers, then ``--reps`` timed repetitions; the table gives median, p95 (nearest rank) and max in
wall milliseconds, plus the median CPU time this process spent (the machine may be shared).

    .venv/bin/python bench/foundation.py [--db PATH] [--reps 15] [--launches 15] [--json]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import (
    Result,
    big_db,
    dump_json,
    machine,
    machine_speed,
    print_table,
    qt_app,
    settle,
    time_until_painted,
)

TARGET_MS = 100.0
PYCACHE = Path(__file__).resolve().parent / "data" / "pycache"
LAUNCH_TARGET_MS = 1000.0
FILTER_WORDS = (("common word", "lorient"), ("rare word", "kerguelen"), ("no match", "zzyzx"))
STATUS_FILTERS = ("published", "draft")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- (a) launch in a fresh process -------------------------------------------------------------


def _launch_command(db_path: Path) -> list[str]:
    import importlib.util

    if importlib.util.find_spec("redaction.cli") is not None:
        return [sys.executable, "-m", "redaction", "--db", str(db_path)]
    return [
        sys.executable,
        "-c",
        "from redaction.ui.app import run_gui; import sys; sys.exit(run_gui(sys.argv[1]))",
        str(db_path),
    ]


def bench_launch(db_path: Path, reps: int) -> list[Result]:
    painted = Result("launch: process start → window painted", LAUNCH_TARGET_MS, warmup=2)
    wall = Result("launch: spawn → exit after paint", None, warmup=2)
    command = _launch_command(db_path)
    with tempfile.TemporaryDirectory(prefix="redaction-bench-launch-") as home:
        env = os.environ | {
            "QT_QPA_PLATFORM": "offscreen",
            "REDACTION_EXIT_AFTER_PAINT": "1",
            "XDG_CONFIG_HOME": home,  # settings of these runs stay out of the user's
            # An installed app has its bytecode compiled: cache it (outside the tree) even where
            # PYTHONDONTWRITEBYTECODE is set, or every launch recompiles ~100 modules (0.2 s).
            "PYTHONPYCACHEPREFIX": str(PYCACHE),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for i in range(reps + painted.warmup):
            started = time.perf_counter()
            proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
            elapsed = (time.perf_counter() - started) * 1000
            match = re.search(r"^painted (\d+)", proc.stdout, re.M)
            if proc.returncode != 0 or match is None:
                raise RuntimeError(f"launch failed ({proc.returncode}): {proc.stdout}\n{proc.stderr}")
            if i >= painted.warmup:
                painted.add(float(match.group(1)))
                wall.add(elapsed)
    painted.note = " ".join(command[1:3])
    return [painted, wall]


# -- (b..f) in-process, through the real window ------------------------------------------------


def _repeat(
    result: Result,
    reps: int,
    action: Callable[[int], object],
    widgets: Callable[[], Sequence[Any]],
    reset: Callable[[int], object] | None = None,
) -> Result:
    """Time ``action(i)`` until ``widgets()`` painted, after ``reset(i)`` (untimed) and a settle."""
    result.warmup = max(result.warmup, 1)
    for i in range(-result.warmup, reps):
        if reset is not None:
            reset(i)
        settle()
        wall, cpu = time_until_painted(lambda i=i: action(i), widgets())
        if i >= 0:
            result.add(wall, cpu)
    return result


def _close(window: Any) -> None:
    window.close()
    window.deleteLater()
    settle()


def bench_window(db: Any, reps: int, last_article: int | None = None) -> Result:
    """Build the window and show it, until its first paint (the pass that paints the article
    list and the editor; the window's own ``first_painted`` signal, which app.py also uses). It
    reopens the article of the previous close (the newest one), or ``last_article`` when given
    (an old one, far down the list)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from redaction.ui import settings
    from redaction.ui.context import AppContext
    from redaction.ui.main_window import MainWindow

    name = "window: construct → list painted"
    if last_article is not None:
        name += f" (reopening old article #{last_article})"
    result = Result(name, TARGET_MS, warmup=1)
    ctx = AppContext(db)  # one per database, as the app has; each window gets it
    for i in range(-result.warmup, reps):
        if last_article is not None:
            settings.set_window_value("last_article", last_article)
        settle()
        loop = QEventLoop()
        done: list[float] = []

        def painted(loop: QEventLoop = loop, done: list[float] = done) -> None:
            done += [time.perf_counter(), time.process_time()]
            loop.quit()

        start_wall, start_cpu = time.perf_counter(), time.process_time()
        window = MainWindow(ctx)
        window.first_painted.connect(painted)
        window.show()
        if not done:
            QTimer.singleShot(20000, loop.quit)
            loop.exec()
        if not done:
            raise RuntimeError("the article list was never painted")
        if i >= 0:
            result.add((done[0] - start_wall) * 1000, (done[1] - start_cpu) * 1000)
        _close(window)
    return result


def bench_filters(window: Any, reps: int) -> list[Result]:
    panel = window.articles
    viewport = panel.view.viewport
    results = []

    def clear(_i: int = 0) -> None:
        if panel.filter_edit.text() or panel.status_combo.currentIndex():
            panel.filter_edit.setText("")
            panel.status_combo.setCurrentIndex(0)
            panel.apply_filter()

    for label, word in FILTER_WORDS:

        def type_word(_i: int, word: str = word) -> None:
            panel.filter_edit.setText(word)
            panel.apply_filter()

        results.append(
            _repeat(
                Result(f"filter: {label} “{word}”", TARGET_MS), reps, type_word, lambda: [viewport()], clear
            )
        )

    def clear_timed(_i: int) -> None:
        panel.filter_edit.setText("")
        panel.apply_filter()

    def set_common(_i: int) -> None:
        panel.filter_edit.setText(FILTER_WORDS[0][1])
        panel.apply_filter()

    results.append(
        _repeat(
            Result("filter: clear the text", TARGET_MS), reps, clear_timed, lambda: [viewport()], set_common
        )
    )
    clear()
    for status in STATUS_FILTERS:
        index = panel.status_combo.findData(status)

        def pick(_i: int, index: int = index) -> None:
            panel.status_combo.setCurrentIndex(index)  # applies the filter at once

        results.append(
            _repeat(Result(f"filter: status “{status}”", TARGET_MS), reps, pick, lambda: [viewport()], clear)
        )
    clear()
    return results


def bench_sort(window: Any, reps: int) -> list[Result]:
    """Sort as a click on a column header does: the header's indicator changes, the view sorts."""
    from PySide6.QtCore import Qt

    from redaction.ui.articles.model import COLUMNS

    view = window.articles.view
    header = view.horizontalHeader()
    results = []
    for column, key in enumerate(COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            name = "asc" if order == Qt.SortOrder.AscendingOrder else "desc"
            other = (
                Qt.SortOrder.DescendingOrder
                if order == Qt.SortOrder.AscendingOrder
                else Qt.SortOrder.AscendingOrder
            )

            def flip(_i: int, column: int = column, other: Qt.SortOrder = other) -> None:
                header.setSortIndicator(column, other)

            def sort(_i: int, column: int = column, order: Qt.SortOrder = order) -> None:
                header.setSortIndicator(column, order)

            results.append(
                _repeat(Result(f"sort: {key} {name}", TARGET_MS), reps, sort, lambda: [view.viewport()], flip)
            )
    header.setSortIndicator(COLUMNS.index("updated_at"), Qt.SortOrder.DescendingOrder)
    return results


def bench_paging(window: Any, reps: int) -> Result:
    view = window.articles.view
    window.articles.apply_filter()  # back to the first page
    result = Result("list: scroll to the end (next page)", TARGET_MS)
    return _repeat(result, reps, lambda _i: view.scrollToBottom(), lambda: [view.viewport()])


def bench_open(window: Any, reps: int, ids: Sequence[int], busiest: int) -> list[Result]:
    editor = window.editor

    def widgets() -> list[Any]:
        return [editor.body_edit.viewport(), editor.preview.viewport()]

    typical = _repeat(
        Result("open article (editor + preview painted)", TARGET_MS),
        reps,
        lambda i: window.open_article(ids[i % len(ids)]),
        widgets,
    )
    heavy = _repeat(
        Result(f"open article with the most comments (#{busiest})", TARGET_MS),
        reps,
        lambda _i: window.open_article(busiest),
        widgets,
        reset=lambda i: window.open_article(ids[i % len(ids)]),
    )
    return [typical, heavy]


def bench_comments(
    window: Any, reps: int, busiest: tuple[int, int], typical: tuple[int, int]
) -> list[Result]:
    panel = window.comments
    view = panel.view.viewport
    results = []
    for queue, label in (("pending", "pending queue"), (None, "all queue")):
        panel.set_queue(queue)
        settle()
        for (article_id, n), kind in ((busiest, "busiest"), (typical, "typical")):
            other = typical[0] if article_id == busiest[0] else busiest[0]
            results.append(
                _repeat(
                    Result(f"comments: {kind} article ({n:,}), {label}", TARGET_MS),
                    reps,
                    lambda _i, a=article_id: panel.show_article(a),
                    lambda: [view()],
                    reset=lambda _i, o=other: panel.show_article(o),
                )
            )
    panel.show_article(busiest[0])
    queues = ("approved", "spam", "trash", None, "pending")
    results.append(
        _repeat(
            Result(f"comments: switch queue tab, busiest article ({busiest[1]:,})", TARGET_MS),
            reps,
            lambda i: panel.set_queue(queues[i % len(queues)]),
            lambda: [view()],
        )
    )
    panel.set_queue("pending")
    return results


def _fixtures(db_path: Path, seed: int = 7) -> tuple[list[int], tuple[int, int], tuple[int, int]]:
    """Articles to open (published ones, spread over the table), the busiest and a typical one."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        published = [
            r[0] for r in conn.execute("SELECT id FROM article WHERE status = 'published' ORDER BY id")
        ]
        per_article = conn.execute(
            "SELECT article_id, count(*) FROM comment WHERE kind = 'comment' GROUP BY article_id ORDER BY 2"
        ).fetchall()
    finally:
        conn.close()
    rng = random.Random(seed)
    ids = rng.sample(published, 64)
    busiest = per_article[-1]
    typical = per_article[len(per_article) // 2]
    return ids, (busiest[0], busiest[1]), (typical[0], typical[1])


def run(args: argparse.Namespace) -> list[Result]:
    db_path = big_db(args.db, args.articles, args.comments)
    from redaction.storage.database import Database

    Database.open(db_path).close()  # bring the schema up to date before anything is timed
    results: list[Result] = []
    if args.launches:
        _log(f"launching the app {args.launches} times …")
        results += bench_launch(db_path, args.launches)

    app = qt_app()
    from redaction.ui.context import AppContext
    from redaction.ui.main_window import MainWindow

    ids, busiest, typical = _fixtures(db_path)
    db = Database.open(db_path)
    try:
        _log("window construction …")
        results.append(bench_window(db, args.reps))
        results.append(bench_window(db, args.reps, last_article=min(ids)))
        window = MainWindow(AppContext(db))
        window.show()
        settle(10)
        for label, step in (
            ("filters", lambda: bench_filters(window, args.reps)),
            ("sorting", lambda: bench_sort(window, args.reps)),
            ("paging", lambda: [bench_paging(window, args.reps)]),
            ("opening articles", lambda: bench_open(window, args.reps, ids, busiest[0])),
            ("comments", lambda: bench_comments(window, args.reps, busiest, typical)),
        ):
            if args.only and not any(o in label for o in args.only):
                continue
            _log(f"{label} …")
            results += step()
        _close(window)
    finally:
        db.close()
    del app
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", type=Path, help="database to use (default: bench/data/big.db, built if missing)"
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=15, help="timed repetitions per measurement (≥ 15)")
    parser.add_argument("--launches", type=int, default=15, help="app launches to time (0: skip)")
    parser.add_argument(
        "--only", nargs="*", help="only these groups: filters sorting paging opening comments"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--save", type=Path, help="also write the JSON object to this file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    meta: dict[str, Any] = machine() | {"reps": args.reps, "launches": args.launches}
    meta["machine_speed_before_ms"] = round(machine_speed())
    results = run(args)
    meta["machine_speed_after_ms"] = round(machine_speed())
    meta["seconds"] = round(time.perf_counter() - started, 1)
    meta["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    if args.save:
        args.save.write_text(dump_json(results, meta) + "\n", encoding="utf-8")
    if args.json:
        print(dump_json(results, meta))
    else:
        print(
            f"\nfoundation benchmark — {args.reps} timed runs each after 1 warm-up (launch: "
            f"{args.launches} after 2); ms; load average {meta['loadavg_at_start']} → {meta['loadavg_at_end']}\n"
        )
        print_table(results)
        slow = [r.name for r in results if r.target_ms is not None and r.median > r.target_ms]
        print(f"\n{len(slow)} over target" + (": " + "; ".join(slow) if slow else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
