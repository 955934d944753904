"""Resident memory of the running app, in MB, once the window has painted and settled.

Each figure comes from a fresh process (the way a person starts the app: ``MainWindow`` through
``redaction.ui.shell.Desk`` on the offscreen platform), measured after the first paint, the open
article's preview filled in, a second of idle event loop (the change watcher) and the spelling
lists loaded behind:

- ``idle_demo_mb``: the window on the demo newsroom (``redaction demo``), idle (target ≤ 150);
- ``bench_db_open_mb``: the window on the 1M-comment bench database (``bench/build_db.py``);
- ``desk_1m_mb``: the same with the moderation desk open on its pending queue (target ≤ 250);
- ``article_50k_words_mb``: the demo newsroom with a 50,000-word article open (editor, preview).

Runs are interleaved when several interpreters are compared (``--python before=… --python
after=…``); each figure is the median of ``--runs`` processes. The reference loop is timed before
and after (``machine_speed_before_ms``/``_after_ms``).

    python bench/memory.py [--json] [--runs 3] [--python [LABEL=]PYTHON ...] [--big PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import machine, machine_speed, rss_mb, start_app  # noqa: E402

BIG_DB = ROOT / "bench" / "data" / "big.db"
TARGETS = {"idle_demo_mb": 150, "desk_1m_mb": 250}
SCENARIOS = ("idle_demo_mb", "bench_db_open_mb", "desk_1m_mb", "article_50k_words_mb")
SETTLE_SECONDS = 1.0


# -- the child: one scenario in one process ------------------------------------------------------
def _child(scenario: str, db_path: str, article: int | None) -> None:
    """Start the app as ``redaction --db`` does (its own order of imports matters: see
    redaction.ui.app), then measure from inside, from its first paint on."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    def measure(desk: object) -> None:
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        window = desk.window  # type: ignore[attr-defined]

        def idle(seconds: float) -> None:
            loop = QEventLoop()
            QTimer.singleShot(int(seconds * 1000), loop.quit)
            loop.exec()

        idle(0.05)  # the last article reopens just after the first paint
        if article is not None:
            window.articles.select_article(article)
        deadline = time.monotonic() + 120
        while not window.editor.preview.complete and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if scenario == "desk_1m_mb":
            window.open_desk()
            idle(0.2)
        idle(SETTLE_SECONDS)
        # The spelling lists load behind (from 0.8 s): the figure is taken once they are in.
        while (
            any(t.name.startswith("dictionary-") for t in threading.enumerate())
            and time.monotonic() < deadline
        ):
            idle(0.1)
        idle(0.2)
        print(f"rss {rss_mb():.1f}", flush=True)
        os._exit(0)  # the figure is taken: no need to wait for a tidy shutdown

    start_app(db_path, measure)


def _add_article(python: str, db: Path, words: int) -> int:
    """A 50,000-word article in ``db`` (through the services, as the app would save it)."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[3]);"
        "from bench.preview_latency import body_of;"
        "from redaction.services.articles.editing import ArticleFields, create_article;"
        "from redaction.storage.database import Database;"
        "db = Database.open(sys.argv[1]);"
        "fields = ArticleFields(title='Un très long article', rubric='Économie', body=body_of(int(sys.argv[2])));"
        "print(create_article(db, fields, 'bench').id); db.close()"
    )
    out = subprocess.run(
        [python, "-c", code, str(db), str(words), str(ROOT)], check=True, capture_output=True, text=True
    )
    return int(out.stdout.split()[-1])


# -- the parent ----------------------------------------------------------------------------------
def measure_once(python: str, scenario: str, db: Path, home: Path, article: int | None) -> float:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPYCACHEPREFIX=str(ROOT / "bench" / "data" / "pycache"),
    )
    args = [python, str(Path(__file__).resolve()), "--child", scenario, str(db)]
    if article is not None:
        args += ["--article", str(article)]
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith("rss "):
            return float(line.split()[1])
    raise SystemExit(f"{scenario} with {python} printed no figure:\n{proc.stdout}\n{proc.stderr[-3000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="processes per figure (default 3)")
    parser.add_argument("--python", action="append", metavar="[LABEL=]PYTHON")
    parser.add_argument("--big", type=Path, default=BIG_DB)
    parser.add_argument("--only", help="comma-separated figures to measure")
    parser.add_argument("--child", nargs=2, metavar=("SCENARIO", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--article", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1], args.article)
        return 0

    pythons = {}
    for given in args.python or [f"after={sys.executable}"]:
        label, _, python = given.rpartition("=")
        pythons[label or "python"] = python
    wanted = [s for s in SCENARIOS if not args.only or s in args.only.split(",")]
    speed_before = machine_speed()
    notes = []
    figures: dict[str, dict[str, float]] = {label: {} for label in pythons}
    with tempfile.TemporaryDirectory(prefix="redaction-memory-") as tmp:
        home = Path(tmp)
        first = next(iter(pythons.values()))
        demo = home / "demo.db"
        env = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
        subprocess.run(
            [first, "-m", "redaction", "demo", "--db", str(demo)], env=env, check=True, capture_output=True
        )
        long_db = home / "long.db"
        long_article = None
        if "article_50k_words_mb" in wanted:
            long_db.write_bytes(demo.read_bytes())
            long_article = _add_article(first, long_db, 50_000)
        plans = {
            "idle_demo_mb": (demo, None),
            "bench_db_open_mb": (args.big, None),
            "desk_1m_mb": (args.big, None),
            "article_50k_words_mb": (long_db, long_article),
        }
        for scenario in wanted:
            db, article = plans[scenario]
            if not Path(db).is_file():
                notes.append(f"{scenario}: no {db} (make it with bench/build_db.py)")
                continue
            samples: dict[str, list[float]] = {label: [] for label in pythons}
            for python in pythons.values():
                measure_once(python, scenario, Path(db), home, article)  # warm-up: caches, bytecode
            for _ in range(args.runs):
                for label, python in pythons.items():
                    samples[label].append(measure_once(python, scenario, Path(db), home, article))
            for label in pythons:
                figures[label][scenario] = round(statistics.median(samples[label]), 1)
                print(f"{label:8} {scenario:22} {samples[label]}", file=sys.stderr, flush=True)
    speed_after = machine_speed()
    result = {
        "meta": machine(),
        "machine_speed_before_ms": round(speed_before),
        "machine_speed_after_ms": round(speed_after),
        "targets_mb": TARGETS,
        "notes": notes,
        **({"figures": figures} if len(pythons) > 1 else next(iter(figures.values()))),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"resident memory after the first paint and {SETTLE_SECONDS:.0f} s idle, median of {args.runs} processes"
    )
    print(f"reference loop {speed_before:.0f} ms before, {speed_after:.0f} ms after")
    for note in notes:
        print(note)
    print(f"{'':22} " + " ".join(f"{label:>8}" for label in pythons) + "  target")
    for scenario in wanted:
        cells = " ".join(f"{figures[label].get(scenario, float('nan')):8.0f}" for label in pythons)
        target = TARGETS.get(scenario)
        print(f"{scenario:22} {cells}  {'≤ ' + str(target) if target else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
