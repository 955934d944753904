"""Comments kept verbatim: their searchable text and flags beside them, and the index reads those

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-05

A comment's body is now stored exactly as the site stored it (an importer used to turn its HTML
into text, hiding a ``<script>`` from the moderator). Two derived columns go beside it
(``domain.untrusted.derive``): ``search_text``, what a reader sees of it (tags removed, entities
decoded; NULL when that is the body itself), and ``text_flags``, the markup warnings and the
moderation rules' hints. Existing rows keep their body; their derived columns are filled here.

On SQLite the full-text index now reads the searchable text: its content is the view
``comment_search`` (``coalesce(search_text, body)`` under the column name ``body``, so that
searches and their column filters are unchanged) and its triggers write the same value. The
index is rebuilt once (about 7 s for a million comments on a 2-core machine).

The index ``ix_comment_known_author`` (email, name, status, kind) answers the rules' "author
previously approved" with one index seek per author, without reading their comments.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from redaction.domain.untrusted import derive

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SEARCHED = "coalesce({row}.search_text, {row}.body)"
FTS_STATEMENTS = (
    "CREATE VIEW comment_search AS SELECT id, coalesce(search_text, body) AS body, author_name, "
    "author_email FROM comment",
    "CREATE VIRTUAL TABLE comment_fts USING fts5(body, author_name, author_email, "
    "content='comment_search', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER comment_fts_ai AFTER INSERT ON comment BEGIN "
    "INSERT INTO comment_fts(rowid, body, author_name, author_email) "
    f"VALUES (new.id, {_SEARCHED.format(row='new')}, new.author_name, new.author_email); END",
    "CREATE TRIGGER comment_fts_ad AFTER DELETE ON comment BEGIN "
    "INSERT INTO comment_fts(comment_fts, rowid, body, author_name, author_email) "
    f"VALUES ('delete', old.id, {_SEARCHED.format(row='old')}, old.author_name, old.author_email); END",
    "CREATE TRIGGER comment_fts_au AFTER UPDATE OF body, search_text, author_name, author_email "
    "ON comment BEGIN "
    "INSERT INTO comment_fts(comment_fts, rowid, body, author_name, author_email) "
    f"VALUES ('delete', old.id, {_SEARCHED.format(row='old')}, old.author_name, old.author_email); "
    "INSERT INTO comment_fts(rowid, body, author_name, author_email) "
    f"VALUES (new.id, {_SEARCHED.format(row='new')}, new.author_name, new.author_email); END",
    "INSERT INTO comment_fts(comment_fts) VALUES ('rebuild')",
)
# What 0002 made, for the downgrade.
OLD_FTS_STATEMENTS = (
    "CREATE VIRTUAL TABLE comment_fts USING fts5(body, author_name, author_email, "
    "content='comment', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER comment_fts_ai AFTER INSERT ON comment BEGIN "
    "INSERT INTO comment_fts(rowid, body, author_name, author_email) "
    "VALUES (new.id, new.body, new.author_name, new.author_email); END",
    "CREATE TRIGGER comment_fts_ad AFTER DELETE ON comment BEGIN "
    "INSERT INTO comment_fts(comment_fts, rowid, body, author_name, author_email) "
    "VALUES ('delete', old.id, old.body, old.author_name, old.author_email); END",
    "CREATE TRIGGER comment_fts_au AFTER UPDATE OF body, author_name, author_email ON comment BEGIN "
    "INSERT INTO comment_fts(comment_fts, rowid, body, author_name, author_email) "
    "VALUES ('delete', old.id, old.body, old.author_name, old.author_email); "
    "INSERT INTO comment_fts(rowid, body, author_name, author_email) "
    "VALUES (new.id, new.body, new.author_name, new.author_email); END",
    "INSERT INTO comment_fts(comment_fts) VALUES ('rebuild')",
)
_CHUNK = 5000


def _drop_fts() -> None:
    for name in ("comment_fts_ai", "comment_fts_ad", "comment_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS comment_fts")
    op.execute("DROP VIEW IF EXISTS comment_search")


def _fill(bind: sa.Connection) -> None:
    """Derive every existing comment's columns; only rows with something to say are written
    (the column's default, 0, already says "nothing" for the others)."""
    select = sa.text("SELECT id, body FROM comment WHERE id > :after ORDER BY id LIMIT :n")
    update = sa.text("UPDATE comment SET search_text = :search, text_flags = :flags WHERE id = :id")
    after = 0
    while True:
        rows = bind.execute(select, {"after": after, "n": _CHUNK}).all()
        if not rows:
            return
        changes = []
        for comment_id, body in rows:
            derived = derive(body or "")
            if derived.search_text is not None or derived.flags:
                changes.append({"id": comment_id, "search": derived.search_text, "flags": derived.flags})
        if changes:
            bind.execute(update, changes)
        after = rows[-1][0]


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        _drop_fts()
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("text_flags", sa.Integer(), nullable=True, server_default="0"))
        batch_op.create_index(
            "ix_comment_known_author", ["author_email", "author_name", "status", "kind"], unique=False
        )
    _fill(bind)
    if sqlite:
        for statement in FTS_STATEMENTS:
            op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _drop_fts()
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.drop_index("ix_comment_known_author")
        batch_op.drop_column("text_flags")
        batch_op.drop_column("search_text")
    if sqlite:
        for statement in OLD_FTS_STATEMENTS:
            op.execute(statement)
