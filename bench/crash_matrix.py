"""Crash matrix: kill -9 a child process at a random moment of each operation, then check that
nothing committed was lost and nothing was half-written.

The operations (``bench/crash_ops.py``, plus any ``bench/crash_op_*.py``): an article saved over
and over, autosave while typing, the import of the WordPress theme unit test export, a bulk
decision on 10,000 comments, the migration of the oldest shipped database, backups, a restore.
Each round copies the operation's starting files, starts a child that runs the operation and
notes in an fsynced journal each unit of work it committed, waits a random time within the
operation's duration (measured first, by running it once to the end), and sends SIGKILL.
Then, on a copy of the files as the kill left them (SQLite's own recovery only), ``PRAGMA
integrity_check`` must say ``ok`` and the operation's check must find every journaled unit whole
and no unit partly there; finally redaction must open the file itself.

    .venv/bin/python bench/crash_matrix.py [--json] [--rounds N] [--ops save,bulk] [--wxr FILE]
                                           [--seed N] [--keep DIR]

prints ``{"runs": N, "integrity_failures": 0, "half_committed": 0, "lost_committed": 0,
"by_operation": {...}}`` (with ``--json``), where ``runs`` counts the rounds that were killed
(each operation's ``killed_mid_operation`` counts those killed before it had finished). The
WXR is the corpus's theme-unit-test-data.xml when ``shared/`` is beside the repository, else the
representative subset shipped in tests/fixtures/wxr. Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from crash_ops import DB_NAME, LOOP_SECONDS, OPERATIONS, Context, Finding, Operation, read_journal  # noqa: E402

FIXTURE_WXR = ROOT / "tests" / "fixtures" / "wxr" / "theme-unit-test-subset.xml"
OLDEST_FIXTURE = ROOT / "tests" / "fixtures" / "schema_0001.db"
READY_TIMEOUT_S = 120
KINDS = {"integrity": "integrity_failures", "half": "half_committed", "lost": "lost_committed"}


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def corpus_wxr() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "corpus" / "wxr" / "theme-unit-test-data.xml"
        if candidate.is_file():
            return candidate
    return FIXTURE_WXR


def load_operations() -> dict[str, Operation]:
    for plugin in sorted(BENCH.glob("crash_op_*.py")):
        importlib.import_module(plugin.stem)  # registers itself
    return OPERATIONS


# -- the child -----------------------------------------------------------------------------------------
def child_main(name: str, folder: Path) -> int:
    operation = load_operations()[name]
    facts = json.loads((folder / "facts.json").read_text())
    with (folder / "journal.jsonl").open("a", encoding="utf-8") as journal:

        def note(**data: Any) -> None:
            data["t"] = time.time()
            journal.write(json.dumps(data) + "\n")
            journal.flush()
            os.fsync(journal.fileno())  # a committed unit is known to the parent, whatever comes next
            if data.get("ready"):
                print("ready", flush=True)

        operation.run(folder, facts, note)
    print("done", flush=True)
    return 0


# -- the parent ----------------------------------------------------------------------------------------
@dataclass
class Tally:
    runs: int = 0
    killed_mid_operation: int = 0
    finished_before_kill: int = 0
    units_committed_before_kill: int = 0
    integrity_failures: int = 0
    half_committed: int = 0
    lost_committed: int = 0
    child_errors: int = 0
    partial_copies_left: int = 0  # *.partial of a killed backup: the next backup deletes them
    window_s: float = 0.0
    failures: list[str] = field(default_factory=list)


def inspect(
    op: Operation, folder: Path, facts: dict[str, Any], notes: list[dict[str, Any]], killed_at: float
) -> list[Finding]:
    """What the kill left: first as SQLite alone recovers it (on a copy), then opened by redaction."""
    findings: list[Finding] = []
    copy = folder.with_name(folder.name + "-as-left")
    copy.mkdir()
    for path in folder.glob(DB_NAME + "*"):
        shutil.copy(path, copy / path.name)
    try:
        conn = sqlite3.connect(copy / DB_NAME)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                findings.append(Finding("integrity", f"integrity_check: {verdict}"))
            else:
                findings += op.check(conn, folder, facts, notes, killed_at)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        findings.append(Finding("integrity", f"SQLite cannot read what was left: {exc}"))
    finally:
        shutil.rmtree(copy)
    from redaction.storage.database import Database

    try:
        Database.open(folder / DB_NAME).close()
    except Exception as exc:
        findings.append(Finding("integrity", f"redaction cannot open it: {type(exc).__name__}: {exc}"))
    else:
        if op.opened is not None:
            findings += op.opened(folder / DB_NAME, facts)
    return findings


def run_round(
    op: Operation, template: Path, folder: Path, delay: float | None
) -> tuple[bool, bool, float, list[dict[str, Any]], list[Finding], str]:
    """One child: killed after ``delay`` seconds (None: left to finish).
    Returns (killed, finished, seconds run, journal, findings, error output)."""
    shutil.copytree(template, folder)
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", op.name, "--dir", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    ready = child.stdout.readline().strip() == "ready"
    started = time.monotonic()
    seconds = 0.0
    killed, killed_at = False, time.time()
    if ready and delay is None:
        child.stdout.readline()  # "done": the operation's own time, without the interpreter's exit
        seconds = time.monotonic() - started
    elif ready:
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
            killed, killed_at = True, time.time()
    out, err = child.communicate(timeout=None if killed else 600)
    if delay is not None:
        seconds = time.monotonic() - started
    finished = delay is None or "done" in out
    if not killed and (not ready or child.returncode != 0):
        return (
            killed,
            finished,
            seconds,
            [],
            [],
            err.strip().splitlines()[-1:][0] if err.strip() else "no output",
        )
    facts = json.loads((folder / "facts.json").read_text())
    notes = read_journal(folder)
    return killed, finished, seconds, notes, inspect(op, folder, facts, notes, killed_at), ""


def prepare(ops: list[Operation], ctx: Context, work: Path) -> dict[str, Path]:
    templates = {}
    for op in ops:
        folder = work / "templates" / op.name
        folder.mkdir(parents=True)
        started = time.monotonic()
        facts = op.prepare(folder, ctx)
        (folder / "facts.json").write_text(json.dumps(facts))
        (folder / "journal.jsonl").write_text("")
        templates[op.name] = folder
        log(f"prepared {op.name} in {time.monotonic() - started:.1f} s")
    return templates


def run_matrix(args: argparse.Namespace) -> dict[str, Any]:
    operations = load_operations()
    names = args.ops.split(",") if args.ops else list(operations)
    ops = [operations[name] for name in names]
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="crash-matrix-"))
    keep = Path(args.keep) if args.keep else work / "failed"
    ctx = Context(wxr=Path(args.wxr), oldest_fixture=OLDEST_FIXTURE, templates=work / "shared")
    tallies = {op.name: Tally() for op in ops}
    started = time.monotonic()
    try:
        templates = prepare(ops, ctx, work)
        for op in ops:  # once to the end: how long it runs, and the checks pass on a finished run
            tally = tallies[op.name]
            killed, finished, seconds, notes, findings, error = run_round(
                op, templates[op.name], work / f"whole-{op.name}", None
            )
            if error or findings:
                tally.child_errors += 1
                tally.failures.append(f"run to the end: {error or findings}")
            tally.window_s = round(LOOP_SECONDS * 2 * 0.95 if op.loops else seconds, 3)
            log(f"{op.name}: runs {seconds:.2f} s to the end, {len(notes)} notes")
        for n in range(args.rounds):
            op = ops[n % len(ops)]
            tally = tallies[op.name]
            folder = work / f"round-{n}-{op.name}"
            delay = rng.uniform(0, tally.window_s)
            killed, finished, seconds, notes, findings, error = run_round(
                op, templates[op.name], folder, delay
            )
            if not killed:
                tally.finished_before_kill += 1
                if error:
                    tally.child_errors += 1
                    tally.failures.append(f"round {n}: the operation failed on its own: {error}")
            else:
                tally.runs += 1
                tally.killed_mid_operation += not finished
                tally.units_committed_before_kill += sum(1 for note in notes if not note.get("ready"))
            partials = list((folder / "backups").glob("*.partial")) if (folder / "backups").is_dir() else []
            tally.partial_copies_left += len(partials)
            for finding in findings:
                setattr(tally, KINDS[finding.kind], getattr(tally, KINDS[finding.kind]) + 1)
                tally.failures.append(f"round {n} ({delay:.3f} s): {finding.kind}: {finding.message}")
            if findings or error:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.move(folder, keep / folder.name)
            else:
                shutil.rmtree(folder)
            if (n + 1) % 25 == 0:
                log(f"{n + 1}/{args.rounds} rounds, {time.monotonic() - started:.0f} s")
    finally:
        for path in work.iterdir():
            if path != keep:
                shutil.rmtree(path, ignore_errors=True)
    result: dict[str, Any] = {"runs": sum(t.runs for t in tallies.values())}
    for key in ("integrity_failures", "half_committed", "lost_committed", "child_errors"):
        result[key] = sum(getattr(t, key) for t in tallies.values())
    result["by_operation"] = {name: vars(t) for name, t in tallies.items()}
    result["wxr"] = str(ctx.wxr)
    result["seconds"] = round(time.monotonic() - started, 1)
    if any(t.failures for t in tallies.values()):
        result["kept"] = str(keep)
    else:
        shutil.rmtree(work, ignore_errors=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.add_argument("--rounds", type=int, default=500, help="kills in all (spread over the operations)")
    parser.add_argument("--ops", help="comma-separated operations (default: all)")
    parser.add_argument("--wxr", default=str(corpus_wxr()), help="the WordPress export to import")
    parser.add_argument("--seed", type=int, default=1, help="seed of the kill times")
    parser.add_argument("--keep", help="folder for the files of failed rounds")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child_main(args.child, Path(args.dir))
    result = run_matrix(args)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for name, tally in result["by_operation"].items():
            print(
                f"{name:10} {tally['runs']:4} kills ({tally['killed_mid_operation']} mid-operation), "
                f"{tally['integrity_failures']} integrity, {tally['half_committed']} half, {tally['lost_committed']} lost"
            )
            for failure in tally["failures"][:5]:
                print(f"    {failure}")
    failed = any(
        result[k] for k in ("integrity_failures", "half_committed", "lost_committed", "child_errors")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
