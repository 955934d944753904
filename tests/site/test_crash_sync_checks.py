"""The crash matrix's sync checks (bench/crash_op_sync.py) see what they are there to see: a
decision the outbox calls sent that never reached the site, and an article published twice.
A matrix whose checks could not fail would prove nothing."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from redaction.services.site import credentials
from tests.site.helpers import rest
from tests.site.wordpress import LocalWordPress

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import crash_op_sync  # noqa: E402
import crash_ops  # noqa: E402


@pytest.fixture
def template(
    site: LocalWordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, dict[str, Any]]:
    monkeypatch.setenv(credentials.ENV_VAR, site.app_password)  # restored after the test
    monkeypatch.setattr(crash_op_sync, "_site", site)
    folder = tmp_path / "template"
    folder.mkdir()
    ctx = crash_ops.Context(wxr=Path(), oldest_fixture=Path(), templates=tmp_path / "shared")
    return folder, crash_op_sync._prepare_sync(folder, ctx)


def _copy(template: Path, to: Path) -> Path:
    shutil.copytree(template, to)
    (to / "journal.jsonl").write_text("")
    return to / crash_ops.DB_NAME


def test_a_decision_marked_sent_but_never_sent_is_reported_lost(template, tmp_path: Path) -> None:
    folder, facts = template
    path = _copy(folder, tmp_path / "round")
    conn = sqlite3.connect(path)
    with conn:
        marked = conn.execute(
            "UPDATE outbox SET state = 'sent' WHERE id = (SELECT min(id) FROM outbox WHERE state = 'waiting')"
        ).rowcount
    conn.close()
    assert marked == 1
    kinds = {f.kind for f in crash_op_sync._opened_sync(path, facts)}
    assert kinds == {"lost"}


def test_an_article_on_the_site_twice_is_reported(template, tmp_path: Path) -> None:
    folder, facts = template
    path = _copy(folder, tmp_path / "round")
    notes: list[dict[str, Any]] = []

    def note(**data: Any) -> None:
        notes.append(data)
        with (path.parent / "journal.jsonl").open("a", encoding="utf-8") as journal:
            import json

            journal.write(json.dumps(data) + "\n")

    crash_op_sync._run_sync(path.parent, facts, note)
    assert crash_op_sync._opened_sync(path, facts) == []  # a whole sync: the site and the database agree
    uuid = next(n["uuid"] for n in notes if "uuid" in n)
    site = crash_op_sync._site
    rest(
        site,
        "POST",
        "wp/v2/posts",
        json={"title": "Copie", "content": f"<!-- redaction:{uuid} -->", "status": "publish"},
    )
    findings = crash_op_sync._opened_sync(path, facts)
    assert [f.kind for f in findings] == ["half"] and "2 times" in findings[0].message
