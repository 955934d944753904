"""The operations the crash matrix kills, each with what it must leave behind.

An :class:`Operation` has three parts:

- ``prepare(folder, ctx)`` builds, once per matrix, the files the operation starts from
  (``folder/newsroom.db`` and whatever else) and returns facts about them (counts, names);
- ``run(folder, facts, note)`` is the operation itself, in the child process that gets killed;
  it calls ``note(...)`` right after each unit of work commits (the journal is fsynced), so the
  parent knows what was committed before the kill;
- ``check(db, folder, facts, notes, killed_at)`` reads the database as the crash left it
  (a plain SQLite connection on a copy: SQLite's own recovery, nothing of redaction's) and
  returns :class:`Finding` s: a unit of work partly there (``half``), or a unit of work the
  journal says committed that is not there (``lost``).

``opened(db_path, facts)`` (optional) checks again once redaction has opened the file (the
migration: an interrupted upgrade must complete and lose nothing).

To add an operation (the WordPress sync, say), write ``bench/crash_op_<name>.py`` defining an
:class:`Operation` and calling :func:`register` with it: ``crash_matrix.py`` loads every such
module, and ``--ops <name>`` runs it alone. Its ``run`` must note each committed unit, and its
``check`` must say what "wholly there" means for it (for a sync: each pulled batch of comments
and each pushed decision either applied with its outbox row cleared, or not applied and still
queued).
"""

from __future__ import annotations

import contextlib
import json
import random
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DB_NAME = "newsroom.db"
LOOP_SECONDS = 1.5  # operations repeated in a loop are killed within this many seconds
BULK_COMMENTS = 10_000
Note = Callable[..., None]
Facts = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # "integrity", "half" or "lost"
    message: str


@dataclass(frozen=True, slots=True)
class Context:
    wxr: Path
    oldest_fixture: Path
    templates: Path  # where shared templates (the 10,000-comment database) are built once


@dataclass(frozen=True, slots=True)
class Operation:
    name: str
    prepare: Callable[[Path, Context], Facts]
    run: Callable[[Path, Facts, Note], None]
    check: Callable[[sqlite3.Connection, Path, Facts, list[dict[str, Any]], float], list[Finding]]
    opened: Callable[[Path, Facts], list[Finding]] | None = None
    loops: bool = False  # run repeats its unit for LOOP_SECONDS; else killed within its duration


OPERATIONS: dict[str, Operation] = {}


def register(operation: Operation) -> Operation:
    OPERATIONS[operation.name] = operation
    return operation


# -- helpers ------------------------------------------------------------------------------------------
def count(conn: sqlite3.Connection, table: str, where: str = "") -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0])


COUNTED = ("article", "comment", "revision", "moderation_event")


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {table: count(conn, table) for table in COUNTED}


def counts_of(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return counts(conn)
    finally:
        conn.close()


def backup_files(folder: Path) -> list[Path]:
    """Files with a finished backup's name (never ``*.partial``)."""
    backups = folder / "backups"
    return sorted(backups.glob("*.db")) if backups.is_dir() else []


def whole_backups(folder: Path, expected: dict[str, int] | None) -> list[Finding]:
    """Every file named as a finished backup is a whole database (with ``expected`` counts)."""
    findings = []
    for path in backup_files(folder):
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
            try:
                verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
                found = counts(conn) if verdict == "ok" and expected is not None else None
            finally:
                conn.close()
        except sqlite3.Error as exc:
            verdict, found = str(exc), None
        if verdict != "ok":
            findings.append(Finding("integrity", f"backup {path.name}: {verdict}"))
        elif expected is not None and found != expected:
            findings.append(Finding("half", f"backup {path.name} holds {found}, expected {expected}"))
    return findings


def _open(path: Path) -> Any:
    from redaction.storage.database import Database

    return Database.open(path)


def read_journal(folder: Path) -> list[dict[str, Any]]:
    """The notes a child wrote before it ended or was killed (``journal.jsonl``)."""
    notes = []
    for line in (folder / "journal.jsonl").read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(ValueError):  # the line being written when the kill came
            notes.append(json.loads(line))
    return notes


def last(notes: list[dict[str, Any]], key: str, default: Any = None) -> Any:
    values = [n[key] for n in notes if key in n]
    return values[-1] if values else default


# -- save: an article saved again and again, an autosave written before each save --------------------
TITLE = "Le port de Lorient"


def body_for(version: int) -> str:
    """The text saved as ``version`` (1: the text the article was created with)."""
    if version == 1:
        return "Premier jet."
    rng = random.Random(version)
    words = ["marée", "quai", "chalutier", "criée", "Lorient", "thon", "glace", "équipage", "nuit"]
    return f"Version {version}.\n\n" + " ".join(rng.choice(words) for _ in range(rng.randint(200, 6000)))


def _prepare_article(folder: Path, ctx: Context) -> Facts:
    from redaction.services.articles.editing import create_article
    from redaction.services.articles.values import ArticleFields

    db = _open(folder / DB_NAME)
    created = create_article(db, ArticleFields(title=TITLE, body=body_for(1)))
    db.close()
    return {"article": created.id}


def _run_save(folder: Path, facts: Facts, note: Note) -> None:
    from redaction.services.articles.autosave import write_autosave
    from redaction.services.articles.editing import get_article_in, save_article
    from redaction.services.articles.values import ArticleFields

    db = _open(folder / DB_NAME)
    article = facts["article"]
    with db.session() as session:
        version = get_article_in(session, article).version
    note(ready=True)
    deadline = time.monotonic() + LOOP_SECONDS * 2
    while time.monotonic() < deadline:
        draft = ArticleFields(title=TITLE, body=body_for(version + 1) + " (brouillon)")
        write_autosave(db, article, draft, version, "crash")
        saved = save_article(
            db, article, ArticleFields(title=TITLE, body=body_for(version + 1)), version, "crash"
        )
        version = saved.version
        note(version=version)
    db.close()


def _check_save(
    conn: sqlite3.Connection, folder: Path, facts: Facts, notes: list[dict[str, Any]], killed_at: float
) -> list[Finding]:
    article = facts["article"]
    committed = last(notes, "version", 1)
    version, body = conn.execute("SELECT version, body FROM article WHERE id = ?", (article,)).fetchone()
    findings = []
    if version < committed:
        findings.append(Finding("lost", f"article at version {version}, version {committed} was committed"))
    if version > committed + 1:
        findings.append(Finding("half", f"article at version {version}, only {committed} was committed"))
    if body != body_for(version):
        findings.append(Finding("half", f"the article's text is not the text of its version {version}"))
    revisions = conn.execute(
        "SELECT article_version, body FROM revision WHERE article_id = ? ORDER BY id", (article,)
    ).fetchall()
    if [v for v, _ in revisions] != list(range(1, version + 1)):
        findings.append(Finding("half", f"revisions {[v for v, _ in revisions]} for version {version}"))
    elif any(text != body_for(v) for v, text in revisions):
        findings.append(Finding("half", "a revision does not hold the text saved as its version"))
    autosave = conn.execute(
        "SELECT base_version, fields FROM autosave WHERE article_id = ?", (article,)
    ).fetchone()
    if autosave is not None:
        base, fields = autosave[0], json.loads(autosave[1])
        if base != version or fields["body"] != body_for(version + 1) + " (brouillon)":
            findings.append(
                Finding("half", f"an autosave over version {base} outlived the save of {version}")
            )
    return findings


register(Operation("save", _prepare_article, _run_save, _check_save, loops=True))


# -- autosave: the text typed so far, written every quarter of a second -----------------------------
AUTOSAVE_EVERY_S = 0.25
AUTOSAVE_PROMISE_S = 2.0


def typed(n: int) -> str:
    return " ".join(f"mot{i}" for i in range(n * 25))


def _run_autosave(folder: Path, facts: Facts, note: Note) -> None:
    from redaction.services.articles.autosave import write_autosave
    from redaction.services.articles.values import ArticleFields

    db = _open(folder / DB_NAME)
    note(ready=True)
    deadline = time.monotonic() + LOOP_SECONDS * 2
    n = 0
    while time.monotonic() < deadline:
        n += 1
        write_autosave(db, facts["article"], ArticleFields(title=f"draft {n}", body=typed(n)), 1, "crash")
        note(typed=n)
        time.sleep(AUTOSAVE_EVERY_S)
    db.close()


def _check_autosave(
    conn: sqlite3.Connection, folder: Path, facts: Facts, notes: list[dict[str, Any]], killed_at: float
) -> list[Finding]:
    committed = last(notes, "typed", 0)
    row = conn.execute(
        "SELECT fields, saved_at FROM autosave WHERE article_id = ?", (facts["article"],)
    ).fetchone()
    if row is None:
        return (
            [Finding("lost", f"no autosaved text; autosave {committed} was committed")] if committed else []
        )
    fields = json.loads(row[0])
    n = int(fields["title"].removeprefix("draft "))
    findings = []
    if n < committed:
        findings.append(Finding("lost", f"autosave {n} found, {committed} was committed"))
    if n > committed + 1 or fields["body"] != typed(n):
        findings.append(Finding("half", f"autosave {n} does not hold the text typed then"))
    saved_at = datetime.fromisoformat(row[1]).replace(tzinfo=UTC).timestamp()
    started = next((n["t"] for n in notes if n.get("ready")), killed_at)
    if killed_at - saved_at > AUTOSAVE_PROMISE_S and killed_at - started > AUTOSAVE_PROMISE_S + 0.5:
        findings.append(Finding("lost", f"the text autosaved is {killed_at - saved_at:.1f} s old"))
    return findings


register(Operation("autosave", _prepare_article, _run_autosave, _check_autosave, loops=True))


# -- import: the WordPress export, all of it or none, over the demo newsroom ------------------------
def _prepare_import(folder: Path, ctx: Context) -> Facts:
    from redaction.services.demo.fill import fill_demo
    from redaction.services.exchange.importing import import_files

    db = _open(folder / DB_NAME)
    fill_demo(db)
    db.close()
    before = counts_of(folder / DB_NAME)
    scratch = folder.parent / f"{folder.name}-scratch"
    shutil.copytree(folder, scratch)
    db = _open(scratch / DB_NAME)
    import_files(db, [ctx.wxr])
    db.close()
    after = counts_of(scratch / DB_NAME)
    shutil.rmtree(scratch)
    return {"wxr": str(ctx.wxr), "before": before, "after": after}


def _run_import(folder: Path, facts: Facts, note: Note) -> None:
    from redaction.services.exchange.importing import import_files

    db = _open(folder / DB_NAME)
    note(ready=True)
    import_files(db, [Path(facts["wxr"])])
    note(imported=True)
    db.close()


def _check_import(
    conn: sqlite3.Connection, folder: Path, facts: Facts, notes: list[dict[str, Any]], killed_at: float
) -> list[Finding]:
    found = counts(conn)
    findings = whole_backups(folder, facts["before"])  # the copy taken before importing
    if found == facts["before"]:
        if last(notes, "imported"):
            findings.append(Finding("lost", "the import was committed and is not there"))
    elif found != facts["after"]:
        findings.append(
            Finding("half", f"{found}: neither before {facts['before']} nor after {facts['after']}")
        )
    return findings


register(Operation("import", _prepare_import, _run_import, _check_import))


# -- bulk: 10,000 pending comments approved at the desk (pinned backup, chunks of 2,000) -------------
def bulk_template(ctx: Context) -> Path:
    """A database with 10,000 pending reader comments on 50 articles, built once."""
    path = ctx.templates / "bulk.db"
    if path.exists():
        return path
    from redaction.services.articles.editing import create_article
    from redaction.services.articles.values import ArticleFields
    from redaction.services.moderation.comments import NewComment
    from redaction.services.moderation.incoming import insert_comments

    ctx.templates.mkdir(parents=True, exist_ok=True)
    building = ctx.templates / "bulk-building.db"
    db = _open(building)
    articles = [create_article(db, ArticleFields(title=f"Article {n}", body="Texte.")).id for n in range(50)]
    rng = random.Random(12)
    with db.session() as session:
        insert_comments(
            session,
            [
                NewComment(
                    articles[n % 50],
                    f"Commentaire {n} " + "bla " * rng.randint(5, 80),
                    author_name=f"Lecteur {n % 700}",
                    author_email=f"lecteur{n % 700}@example.org",
                )
                for n in range(BULK_COMMENTS)
            ],
        )
    db.close()
    conn = sqlite3.connect(building)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    building.rename(path)
    for extra in building.parent.glob("bulk-building.db-*"):
        extra.unlink()
    return path


def _prepare_bulk(folder: Path, ctx: Context) -> Facts:
    shutil.copy(bulk_template(ctx), folder / DB_NAME)
    return {"before": counts_of(folder / DB_NAME)}


def _run_bulk(folder: Path, facts: Facts, note: Note) -> None:
    from redaction.services.backup import backups_in_progress
    from redaction.services.moderation.queue import decide_in_chunks

    db = _open(folder / DB_NAME)
    with db.session() as session:
        ids = [
            r[0] for r in session.execute(_sql("SELECT id FROM comment WHERE status = 'pending' ORDER BY id"))
        ]
    note(ready=True)
    # As at the desk: the state before is pinned and copied in the background while the
    # comments move (decide_in_chunks does it), then waited for.
    decide_in_chunks(db, ids, "approved", "crash", progress=lambda done, total: note(done=done))
    for pinned in backups_in_progress():
        note(backup=pinned.wait().path.name)
    db.close()


def _sql(text: str) -> Any:
    from sqlalchemy import text as sql_text

    return sql_text(text)


def _check_bulk(
    conn: sqlite3.Connection, folder: Path, facts: Facts, notes: list[dict[str, Any]], killed_at: float
) -> list[Finding]:
    approved = count(conn, "comment", "WHERE status = 'approved'")
    events = count(conn, "moderation_event")
    findings = whole_backups(folder, facts["before"])  # pinned before the first decision
    if approved % 2000:
        findings.append(Finding("half", f"{approved} comments approved: not a whole number of chunks"))
    if events != approved:
        findings.append(Finding("half", f"{approved} comments approved but {events} events in the log"))
    if approved < last(notes, "done", 0):
        findings.append(Finding("lost", f"{approved} approved, {last(notes, 'done')} were committed"))
    counter = conn.execute("SELECT coalesce(sum(pending_comments), 0) FROM article").fetchone()[0]
    pending = count(conn, "comment", "WHERE status = 'pending' AND kind = 'comment'")
    if counter != pending:
        findings.append(Finding("half", f"articles count {counter} pending comments, there are {pending}"))
    kept = dict(
        ((s, k), n) for s, k, n in conn.execute("SELECT status, kind, n FROM comment_count WHERE n <> 0")
    )
    actual = dict(
        ((s, k), n) for s, k, n in conn.execute("SELECT status, kind, count(*) FROM comment GROUP BY 1, 2")
    )
    if kept != actual:
        findings.append(Finding("half", f"queue counts {kept} but the comments are {actual}"))
    backup = last(notes, "backup")
    if backup and not (folder / "backups" / backup).exists():
        findings.append(Finding("lost", f"the backup {backup} was written and is gone"))
    return findings


register(Operation("bulk", _prepare_bulk, _run_bulk, _check_bulk))


# -- migration: the oldest shipped database upgraded to the newest schema ---------------------------
def _prepare_migration(folder: Path, ctx: Context) -> Facts:
    from redaction.storage.revisions import head_revision

    shutil.copy(ctx.oldest_fixture, folder / DB_NAME)
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        kept = {"article": count(conn, "article"), "comment": count(conn, "comment")}
    finally:
        conn.close()
    return {"from": revision, "head": head_revision(), "kept": kept}


def _run_migration(folder: Path, facts: Facts, note: Note) -> None:
    from redaction.storage.revisions import alembic_config

    alembic_config()
    note(ready=True)
    db = _open(folder / DB_NAME)
    note(migrated=True)
    db.close()


def _check_migration(
    conn: sqlite3.Connection, folder: Path, facts: Facts, notes: list[dict[str, Any]], killed_at: float
) -> list[Finding]:
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    findings = whole_backups(folder, None)
    for path in backup_files(folder):
        kept = {t: n for t, n in counts_of(path).items() if t in facts["kept"]}
        if kept != facts["kept"]:
            findings.append(Finding("half", f"the copy taken before migrating holds {kept}"))
    if revision not in (facts["from"], facts["head"]):
        findings.append(
            Finding("half", f"schema left at {revision}, between {facts['from']} and {facts['head']}")
        )
    if last(notes, "migrated") and revision != facts["head"]:
        findings.append(Finding("lost", f"the upgrade was committed, the schema is {revision}"))
    return findings


def _opened_migration(path: Path, facts: Facts) -> list[Finding]:
    conn = sqlite3.connect(path)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        kept = {"article": count(conn, "article"), "comment": count(conn, "comment")}
    finally:
        conn.close()
    findings = []
    if revision != facts["head"]:
        findings.append(Finding("half", f"opened again, the schema is still {revision}"))
    if kept != facts["kept"]:
        findings.append(Finding("lost", f"after the upgrade {kept}, before it {facts['kept']}"))
    return findings


register(Operation("migration", _prepare_migration, _run_migration, _check_migration, _opened_migration))


# -- backup: copies of the 10,000-comment database taken one after another --------------------------
def _run_backup(folder: Path, facts: Facts, note: Note) -> None:
    from redaction.services.backup import back_up_now

    db = _open(folder / DB_NAME)
    note(ready=True)
    deadline = time.monotonic() + LOOP_SECONDS * 2
    while time.monotonic() < deadline:
        note(backup=back_up_now(db, keep=3).path.name)
    db.close()


def _check_backup(
    conn: sqlite3.Connection, folder: Path, facts: Facts, notes: list[dict[str, Any]], killed_at: float
) -> list[Finding]:
    findings = whole_backups(folder, facts["before"])
    if counts(conn) != facts["before"]:
        findings.append(Finding("half", "backing up changed the database"))
    backup = last(notes, "backup")
    if backup and not (folder / "backups" / backup).exists():
        findings.append(Finding("lost", f"the newest backup {backup} was written and is gone"))
    return findings


register(Operation("backup", _prepare_bulk, _run_backup, _check_backup, loops=True))


# -- restore: the 10,000-comment newsroom as it was, over five articles written since -------------------------
def _prepare_restore(folder: Path, ctx: Context) -> Facts:
    from redaction.services.articles.editing import create_article
    from redaction.services.articles.values import ArticleFields
    from redaction.services.backup import back_up_now

    shutil.copy(bulk_template(ctx), folder / DB_NAME)
    db = _open(folder / DB_NAME)
    backup = back_up_now(db)
    for n in range(5):
        create_article(db, ArticleFields(title=f"Écrit après la copie {n}", body=body_for(n + 2)))
    db.close()
    return {"backup": backup.path.name, "old": counts_of(backup.path), "live": counts_of(folder / DB_NAME)}


def _run_restore(folder: Path, facts: Facts, note: Note) -> None:
    from redaction.services.backup import restore_backup

    note(ready=True)
    restore_backup(folder / DB_NAME, folder / "backups" / facts["backup"])
    note(restored=True)


def _check_restore(
    conn: sqlite3.Connection, folder: Path, facts: Facts, notes: list[dict[str, Any]], killed_at: float
) -> list[Finding]:
    found = counts(conn)
    findings = whole_backups(folder, None)
    if found not in (facts["live"], facts["old"]):
        findings.append(
            Finding("half", f"{found}: neither the live {facts['live']} nor the backup {facts['old']}")
        )
    if found == facts["live"] and last(notes, "restored"):
        findings.append(Finding("lost", "the restore was committed and is not there"))
    if found == facts["old"]:
        safety = [p for p in backup_files(folder) if "before-restore" in p.name]
        if not safety or counts_of(safety[-1]) != facts["live"]:
            findings.append(Finding("lost", "restored, but the copy of what it replaced is missing"))
    source = folder / "backups" / facts["backup"]
    if not source.exists() or counts_of(source) != facts["old"]:
        findings.append(Finding("lost", "the backup restored from was damaged"))
    return findings


register(Operation("restore", _prepare_restore, _run_restore, _check_restore))
