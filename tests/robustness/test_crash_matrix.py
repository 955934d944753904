"""The crash matrix (bench/crash_matrix.py) with fewer rounds: kill -9 at random moments of a
save, autosave, a WordPress import, a 10,000-comment bulk decision, a migration, backups, a
restore and a sync with a real WordPress (where one can start); nothing committed may be lost,
nothing half-written, every file must open.

The checks themselves are tested first on states made by hand: a matrix whose checks could not
fail would prove nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from redaction.services.moderation.queue import decide
from redaction.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import crash_ops  # noqa: E402

FIXTURE_WXR = ROOT / "tests" / "fixtures" / "wxr" / "theme-unit-test-subset.xml"
ROUNDS = int(os.environ.get("REDACTION_CRASH_ROUNDS", "72"))  # 9 per operation


@pytest.fixture(scope="module")
def bulk_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("templates")
    ctx = crash_ops.Context(
        wxr=FIXTURE_WXR, oldest_fixture=ROOT / "tests/fixtures/schema_0001.db", templates=folder
    )
    return crash_ops.bulk_template(ctx)


def _check_bulk(path: Path, notes: list[dict[str, object]]) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        operation = crash_ops.OPERATIONS["bulk"]
        return {f.kind for f in operation.check(conn, path.parent, {"before": {}}, notes, 0.0)}
    finally:
        conn.close()


def test_the_bulk_checks_see_a_chunk_without_its_log_and_a_lost_chunk(bulk_db: Path, tmp_path: Path) -> None:
    path = tmp_path / crash_ops.DB_NAME
    shutil.copy(bulk_db, path)
    db = Database.open(path)
    decide(db, list(range(1, 2001)), "approved", "crash")
    db.close()
    assert _check_bulk(path, [{"done": 2000}]) == set()  # one whole chunk, as committed
    assert _check_bulk(path, [{"done": 4000}]) == {"lost"}  # the journal says two
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM moderation_event WHERE id % 2 = 0")
    conn.commit()
    conn.close()
    assert _check_bulk(path, [{"done": 2000}]) == {"half"}


def test_the_save_checks_see_a_lost_version(tmp_path: Path) -> None:
    facts = crash_ops._prepare_article(tmp_path, None)  # type: ignore[arg-type]
    conn = sqlite3.connect(tmp_path / crash_ops.DB_NAME)
    try:
        kinds = {f.kind for f in crash_ops._check_save(conn, tmp_path, facts, [{"version": 3}], 0.0)}
        assert kinds == {"lost"}
        conn.execute("UPDATE article SET body = 'autre chose'")
        kinds = {f.kind for f in crash_ops._check_save(conn, tmp_path, facts, [], 0.0)}
        assert kinds == {"half"}
    finally:
        conn.close()


@pytest.mark.crash
@pytest.mark.slow
def test_kill_9_at_random_moments_loses_and_half_writes_nothing(tmp_path: Path) -> None:
    finished = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "crash_matrix.py"),
            "--json",
            "--rounds",
            str(ROUNDS),
            "--wxr",
            str(FIXTURE_WXR),
            "--keep",
            str(tmp_path / "failed"),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    result = json.loads(finished.stdout)
    failures = {name: t["failures"][:3] for name, t in result["by_operation"].items() if t["failures"]}
    assert failures == {}
    assert (result["integrity_failures"], result["half_committed"], result["lost_committed"]) == (0, 0, 0)
    assert result["runs"] >= min(ROUNDS, 50)  # the rounds whose kill came before the child ended
    for name, tally in result["by_operation"].items():
        assert tally["killed_mid_operation"] >= 1, f"{name} was never killed in the middle"
    assert finished.returncode == 0
