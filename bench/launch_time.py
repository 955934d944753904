"""Launch time to a painted window: the frozen app against ``python -m redaction``.

Each command runs N times under ``QT_QPA_PLATFORM=offscreen`` with ``REDACTION_EXIT_AFTER_PAINT=1``:
the app (``redaction.ui.app``) then prints ``painted <ms>`` after its first paint and quits. We
report the median wall time the process took (start to exit, as a person waits), the median
``painted`` figure the app measured itself (process start to first paint), and the median CPU
time (user + system) the process used, which other load on the machine disturbs far less than
wall time. One warm-up run per command is not counted, so all are measured with a warm disk cache.

    python bench/launch_time.py                       # both, 7 runs each
    python bench/launch_time.py --frozen dist/redaction/redaction -n 11 --json
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
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FROZEN = (
    ROOT / "dist" / "redaction" / ("redaction-cli.exe" if sys.platform == "win32" else "redaction")
)
PAINTED = re.compile(r"^painted (\d+(?:\.\d+)?)\s*$", re.MULTILINE)


@dataclass
class Result:
    label: str
    command: list[str]
    runs: int
    wall_ms_median: float
    wall_ms_min: float
    wall_ms_max: float
    painted_ms_median: float | None
    cpu_ms_median: float | None


def _children_cpu_ms() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def launch_once(command: list[str], db: Path, home: Path) -> tuple[float, float | None, float | None]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        REDACTION_EXIT_AFTER_PAINT="1",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    cpu_before = _children_cpu_ms()
    start = time.perf_counter()
    proc = subprocess.run(
        [*command, "--db", str(db)], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    wall = (time.perf_counter() - start) * 1000
    cpu_after = _children_cpu_ms()
    cpu = cpu_after - cpu_before if cpu_after is not None and cpu_before is not None else None
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    match = PAINTED.search(proc.stdout)
    if match is None:
        raise SystemExit(
            f"{' '.join(command)} printed no 'painted <ms>' line: does it honour REDACTION_EXIT_AFTER_PAINT?\n"
            f"{proc.stdout}\n{proc.stderr}"
        )
    return wall, float(match.group(1)), cpu


def measure(label: str, command: list[str], runs: int, workdir: Path) -> Result:
    db = workdir / f"{label}.db"
    launch_once(command, db, workdir)  # warm-up: creates and migrates the database, fills caches
    walls: list[float] = []
    painted: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        wall, paint, cpu = launch_once(command, db, workdir)
        walls.append(wall)
        if paint is not None:
            painted.append(paint)
        if cpu is not None:
            cpus.append(cpu)
    return Result(
        label=label,
        command=command,
        runs=runs,
        wall_ms_median=round(statistics.median(walls), 1),
        wall_ms_min=round(min(walls), 1),
        wall_ms_max=round(max(walls), 1),
        painted_ms_median=round(statistics.median(painted), 1) if painted else None,
        cpu_ms_median=round(statistics.median(cpus), 1) if cpus else None,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--frozen", type=Path, default=DEFAULT_FROZEN, help="frozen executable (default: %(default)s)"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter for `python -m redaction`")
    parser.add_argument("-n", "--runs", type=int, default=7, help="counted runs per command (default: 7)")
    parser.add_argument("--only", choices=("frozen", "python"), help="measure one of the two")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)

    commands: dict[str, list[str]] = {}
    if args.only != "python":
        if not args.frozen.is_file():
            parser.error(
                f"{args.frozen} does not exist: build it with `bash packaging/build.sh`, or use --only python"
            )
        commands["frozen"] = [str(args.frozen)]
    if args.only != "frozen":
        commands["python"] = [args.python, "-m", "redaction"]

    with tempfile.TemporaryDirectory(prefix="redaction-launch-") as tmp:
        results = [measure(label, command, args.runs, Path(tmp)) for label, command in commands.items()]

    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
        return 0
    print(f"launch to first paint, offscreen, median of {args.runs} runs (after 1 warm-up)")
    print(f"{'':8} {'wall ms':>9} {'min':>7} {'max':>7} {'painted ms':>11} {'cpu ms':>8}  command")
    for r in results:
        painted = f"{r.painted_ms_median:.0f}" if r.painted_ms_median is not None else "-"
        cpu = f"{r.cpu_ms_median:.0f}" if r.cpu_ms_median is not None else "-"
        print(
            f"{r.label:8} {r.wall_ms_median:9.0f} {r.wall_ms_min:7.0f} {r.wall_ms_max:7.0f} {painted:>11} "
            f"{cpu:>8}  {' '.join(r.command)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
