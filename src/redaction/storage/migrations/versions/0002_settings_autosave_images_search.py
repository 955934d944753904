"""Settings, autosave buffers, images, the reason a comment is held, and comment full-text search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite only: an external-content FTS5 index over the comment table, kept by triggers.
# remove_diacritics makes "cafe" find "café"; PostgreSQL falls back to ILIKE in the services.
FTS_STATEMENTS = (
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


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "autosave",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_table(
        "image",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mime", sa.String(length=50), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.Text(), nullable=False, server_default=""))
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_STATEMENTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("comment_fts_ai", "comment_fts_ad", "comment_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS comment_fts")
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.drop_column("reason")
    op.drop_table("image")
    op.drop_table("autosave")
    op.drop_table("setting")
