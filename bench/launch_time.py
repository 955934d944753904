"""Launch time to a painted window, against a bare Qt window painted in the same run.

Each command runs N times under ``QT_QPA_PLATFORM=offscreen`` with ``REDACTION_EXIT_AFTER_PAINT=1``:
the app (``redaction.ui.app``) then prints ``painted <ms>`` after the window's first paint (the
pass that paints the article list and the editor, the last article open in it), ``ready <ms>``
once its database is open too (the start paints first and opens the database on a thread of its
own from the paint on: until then a save or a page the first screen does not hold waits for it),
and quits. For
each database (the demo newsroom, made fresh, and the 1M-comment bench database of
``bench/build_db.py`` when it is there) we report the median ``painted`` figure the app
measured itself (process start to first paint: the target, ≤ 400 ms), the median wall time the
process took (start to exit) and its median CPU time (user + system; other load disturbs it far
less than wall time).

``bare_qt_ms`` is ``bench/bare_qt.py`` (a bare ``QMainWindow``, nothing else imported) measured
the same way in the same run: the floor, so that the ratio reads the same on any machine. It is
also launched in turn with the commands, once before each round: each result's ``×bare``
(``bare_ratio_median``) is the median of its painted time over the bare window's of the same
round, which a machine whose speed drifts during the run (a shared host) disturbs least.
``stack_qt_ms`` is ``bench/stack_qt.py`` on the demo database: the floor of the stack (SQLAlchemy
with its ORM and Python-Markdown imported, the article list and the newest article read, a
window with a table, an editor and a browser painted; nothing of redaction). What the app spends
above it is redaction's own start; the target cannot be had below it with SQLAlchemy imported
before the first paint. The reference loop (``machine_speed_before_ms``/``_after_ms``) is timed
before and after. Runs of the commands are interleaved (one of each in turn), so a change of
load touches them alike; one warm-up run per command and database is not counted.

    python bench/launch_time.py                                # python -m redaction, demo and big
    python bench/launch_time.py --frozen dist/redaction/redaction -n 11 --json
    python bench/launch_time.py --frozen before=../base/dist/redaction/redaction --frozen after=dist/redaction/redaction
    python bench/launch_time.py --python before=/work/wt/base/.venv/bin/python --python after=.venv/bin/python
    python bench/launch_time.py --trace                        # + each start-up step's median
    python bench/launch_time.py --python before=… --db-for before:demo=old/demo.db --db-for before:big=old/big.db …

``--db-for LABEL:DATABASE=PATH`` gives one command a database of its own in place of the shared
one: an older build cannot open a database a newer one has migrated (its ``demo`` command made,
or a copy of the big one taken back to its schema).

``--trace`` sets ``REDACTION_TRACE_STARTUP=1``: the app then prints when each start-up step ended
(``startup <ms> <step>``), and the table gives each step's median.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import machine, machine_speed  # noqa: E402

DEFAULT_FROZEN = (
    ROOT / "dist" / "redaction" / ("redaction-cli.exe" if sys.platform == "win32" else "redaction")
)
BIG_DB = ROOT / "bench" / "data" / "big.db"
PYCACHE = ROOT / "bench" / "data" / "pycache"
PAINTED = re.compile(r"^painted (\d+(?:\.\d+)?)\s*$", re.MULTILINE)
READY = re.compile(r"^ready (\d+(?:\.\d+)?)\s*$", re.MULTILINE)
STEP = re.compile(r"^startup +(\d+(?:\.\d+)?) (.+)$", re.MULTILINE)
TARGET_MS = 400


@dataclass
class Result:
    label: str
    database: str
    command: list[str]
    runs: int
    painted_ms_median: float | None
    painted_ms_min: float | None
    painted_ms_max: float | None
    wall_ms_median: float
    cpu_ms_median: float | None
    ok: bool | None
    ready_ms_median: float | None = None  # the database open behind the painted window
    # The bare window, launched in turn with the commands (one bare launch before each round):
    # its median over this database's rounds, and the median of painted/bare round by round.
    bare_ms_median: float | None = None
    bare_ratio_median: float | None = None
    samples_painted_ms: list[float] = field(default_factory=list)
    steps_ms: dict[str, float] = field(default_factory=dict)


def _children_cpu_ms() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def launch_once(
    command: list[str], db: Path | None, home: Path, trace: bool
) -> tuple[float, float, float | None, dict[str, float], float | None]:
    """(wall ms, painted ms, cpu ms, steps, ready ms or None) of one launch; ``db`` None: the bare
    Qt window."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        REDACTION_EXIT_AFTER_PAINT="1",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        # An installed app has its bytecode compiled: cache it (outside the tree) even where
        # PYTHONDONTWRITEBYTECODE is set, or every launch recompiles ~150 modules (0.2 s).
        PYTHONPYCACHEPREFIX=str(PYCACHE),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if trace:
        env["REDACTION_TRACE_STARTUP"] = "1"
    args = [*command, "--db", str(db)] if db is not None else command
    cpu_before = _children_cpu_ms()
    start = time.perf_counter()
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=False)
    wall = (time.perf_counter() - start) * 1000
    cpu_after = _children_cpu_ms()
    cpu = cpu_after - cpu_before if cpu_after is not None and cpu_before is not None else None
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    match = PAINTED.search(proc.stdout)
    if match is None:
        raise SystemExit(
            f"{' '.join(args)} printed no 'painted <ms>' line: does it honour REDACTION_EXIT_AFTER_PAINT?\n"
            f"{proc.stdout}\n{proc.stderr}"
        )
    steps = {name: float(ms) for ms, name in STEP.findall(proc.stderr)}
    ready = READY.search(proc.stdout)
    return wall, float(match.group(1)), cpu, steps, float(ready.group(1)) if ready else None


@dataclass
class _Samples:
    wall: list[float] = field(default_factory=list)
    painted: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    steps: dict[str, list[float]] = field(default_factory=dict)
    ready: list[float] = field(default_factory=list)

    def add(
        self, wall: float, painted: float, cpu: float | None, steps: dict[str, float], ready: float | None
    ) -> None:
        self.wall.append(wall)
        self.painted.append(painted)
        if ready is not None:
            self.ready.append(ready)
        if cpu is not None:
            self.cpu.append(cpu)
        for name, ms in steps.items():
            self.steps.setdefault(name, []).append(ms)


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def measure(
    commands: dict[str, list[str]],
    databases: dict[str, Path | None],
    runs: int,
    home: Path,
    trace: bool,
    own: dict[tuple[str, str], Path] | None = None,
) -> list[Result]:
    """Every command on every database, runs interleaved command by command. Each command has
    a home of its own (settings, cache), as two installs on two desks would: what one start keeps
    for the next (the layout, the preview's page, compiled modules) is stamped by the build that
    wrote it, and another build's start would throw it away and replace it. ``own`` maps
    (command, database) to the file that command opens in place of the shared one."""
    results = []
    own = own or {}
    bare_command = [sys.executable, str(ROOT / "bench" / "bare_qt.py")]
    homes = {label: home / f"home-{index}" for index, label in enumerate(commands)}
    for db_label, db in databases.items():
        samples = {label: _Samples() for label in commands}
        bare: list[float] = []
        opened = {label: own.get((label, db_label), db) for label in commands}
        for label, command in commands.items():
            launch_once(command, opened[label], homes[label], trace)  # warm-up: caches, the first open
        for _ in range(runs):
            bare.append(launch_once(bare_command, None, home, False)[1])
            for label, command in commands.items():
                samples[label].add(*launch_once(command, opened[label], homes[label], trace))
        for label, command in commands.items():
            s = samples[label]
            painted = _median(s.painted)
            ratios = [p / b for p, b in zip(s.painted, bare, strict=True) if b]
            results.append(
                Result(
                    label=label,
                    database=db_label,
                    command=command,
                    runs=runs,
                    painted_ms_median=painted,
                    painted_ms_min=min(s.painted) if s.painted else None,
                    painted_ms_max=max(s.painted) if s.painted else None,
                    wall_ms_median=round(statistics.median(s.wall), 1),
                    cpu_ms_median=_median(s.cpu),
                    ok=None if painted is None else painted <= TARGET_MS,
                    ready_ms_median=_median(s.ready),
                    bare_ms_median=_median(bare),
                    bare_ratio_median=round(statistics.median(ratios), 2) if ratios else None,
                    samples_painted_ms=s.painted,
                    steps_ms={name: round(statistics.median(v), 1) for name, v in s.steps.items()},
                )
            )
    return results


def floor_ms(script: str, python: str, runs: int, home: Path, db: Path | None = None) -> float:
    """Median painted time of one of the floors (``bare_qt.py``, ``stack_qt.py``), after a
    warm-up run, measured as the app is."""
    command = [python, str(ROOT / "bench" / script)]
    launch_once(command, db, home, False)
    return round(statistics.median(launch_once(command, db, home, False)[1] for _ in range(runs)), 1)


def demo_database(python: str, folder: Path) -> Path:
    path = folder / "demo.db"
    env = dict(os.environ, XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data"))
    subprocess.run(
        [python, "-m", "redaction", "demo", "--db", str(path)], env=env, check=True, capture_output=True
    )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--frozen",
        action="append",
        metavar="[LABEL=]PATH",
        help=f"frozen executable (repeatable; default: {DEFAULT_FROZEN})",
    )
    parser.add_argument(
        "--python",
        action="append",
        metavar="[LABEL=]PYTHON",
        help="interpreter for `python -m redaction` (repeatable, e.g. before=… after=…; default: this one)",
    )
    parser.add_argument("-n", "--runs", type=int, default=7, help="counted runs per command (default: 7)")
    parser.add_argument("--only", choices=("frozen", "python"), help="measure one of the two")
    parser.add_argument(
        "--db", default="demo,big", help="databases: demo, big or both (default: %(default)s)"
    )
    parser.add_argument("--big", type=Path, default=BIG_DB, help="the 1M-comment database (build_db.py)")
    parser.add_argument(
        "--db-for",
        action="append",
        default=[],
        metavar="LABEL:DATABASE=PATH",
        help="the file one command opens in place of the shared database (repeatable)",
    )
    parser.add_argument("--trace", action="store_true", help="also time each start-up step")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)

    commands: dict[str, list[str]] = {}
    if args.only != "frozen":
        for given in args.python or [f"python={sys.executable}"]:
            label, _, python = given.rpartition("=")
            commands[label or "python"] = [python, "-m", "redaction"]
    if args.only != "python":
        for given in args.frozen or [f"frozen={DEFAULT_FROZEN}"]:
            label, _, path = given.rpartition("=")
            if not Path(path).is_file():
                parser.error(
                    f"{path} does not exist: build it with `bash packaging/build.sh`, or use --only python"
                )
            commands[label or "frozen"] = [path]
    wanted = [name.strip() for name in args.db.split(",") if name.strip()]
    own: dict[tuple[str, str], Path] = {}
    for given in args.db_for:
        key, _, path = given.partition("=")
        label, _, db_label = key.partition(":")
        if label not in commands or db_label not in wanted or not Path(path).is_file():
            parser.error(
                f"--db-for {given}: expected LABEL:DATABASE=PATH, a command's label, a measured database, a file"
            )
        own[(label, db_label)] = Path(path)
    speed_before = machine_speed()
    with tempfile.TemporaryDirectory(prefix="redaction-launch-") as tmp:
        home = Path(tmp)
        databases: dict[str, Path | None] = {}
        notes = []
        if "demo" in wanted:
            databases["demo"] = demo_database(sys.executable, home)
        if "big" in wanted:
            if args.big.is_file():
                databases["big"] = args.big
            else:
                notes.append(f"no {args.big}: make it with bench/build_db.py to measure the big database")
        bare = floor_ms("bare_qt.py", sys.executable, args.runs, home)
        stack_db = databases.get("demo") or demo_database(sys.executable, home)
        stack = floor_ms("stack_qt.py", sys.executable, args.runs, home, stack_db)
        results = measure(commands, databases, args.runs, home, args.trace, own)
    speed_after = machine_speed()

    if args.json:
        print(
            json.dumps(
                {
                    "meta": machine(),
                    "machine_speed_before_ms": round(speed_before),
                    "machine_speed_after_ms": round(speed_after),
                    "bare_qt_ms": bare,
                    "stack_qt_ms": stack,
                    "target_ms": TARGET_MS,
                    "notes": notes,
                    "results": [asdict(r) for r in results],
                },
                indent=2,
            )
        )
        return 0
    print(
        f"launch to first paint, offscreen, median of {args.runs} runs (after 1 warm-up); "
        f"reference loop {speed_before:.0f} ms before, {speed_after:.0f} ms after"
    )
    print(f"bare QMainWindow painted: {bare:.0f} ms")
    print(f"the stack's floor painted (bench/stack_qt.py, demo database): {stack:.0f} ms")
    for note in notes:
        print(note)
    print(
        f"{'':8} {'database':8} {'painted':>8} {'min':>6} {'max':>6} {'×bare':>6} {'×stack':>6} {'ready':>6} {'wall':>6} {'cpu':>6}  command"
    )
    for r in results:
        painted = r.painted_ms_median or 0
        cpu = f"{r.cpu_ms_median:.0f}" if r.cpu_ms_median is not None else "-"
        ready = f"{r.ready_ms_median:.0f}" if r.ready_ms_median is not None else "-"
        print(
            f"{r.label:8} {r.database:8} {painted:8.0f} {r.painted_ms_min:6.0f} {r.painted_ms_max:6.0f} "
            f"{r.bare_ratio_median or painted / bare:6.2f} {painted / stack:6.2f} {ready:>6} {r.wall_ms_median:6.0f} {cpu:>6}  "
            f"{' '.join(r.command)}"
        )
        if r.steps_ms:
            previous = 0.0
            for name, ms in sorted(r.steps_ms.items(), key=lambda item: item[1]):
                print(f"{'':17} {ms:8.0f} {ms - previous:+6.0f}  {name}")
                previous = ms
    return 0


if __name__ == "__main__":
    sys.exit(main())
