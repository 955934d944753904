"""Moderation desk: comment counts per status kept by triggers, indexes for the dossier and the log

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

``comment_count`` holds one row per (status, kind) with the number of comments in it. Triggers
keep it in the same transaction as every insert, status change and delete, whoever makes them
(services, imports, the command line), so the desk reads its queue counts in O(1) instead of
counting a million rows.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_BUMP = (
    "INSERT INTO comment_count(status, kind, n) VALUES ({row}.status, {row}.kind, 1) "
    "ON CONFLICT(status, kind) DO UPDATE SET n = n + 1;"
)
_SQLITE_DROP = "UPDATE comment_count SET n = n - 1 WHERE status = {row}.status AND kind = {row}.kind;"

SQLITE_TRIGGERS = (
    "CREATE TRIGGER comment_count_ai AFTER INSERT ON comment BEGIN "
    + _SQLITE_BUMP.format(row="new")
    + " END",
    "CREATE TRIGGER comment_count_ad AFTER DELETE ON comment BEGIN "
    + _SQLITE_DROP.format(row="old")
    + " END",
    "CREATE TRIGGER comment_count_au AFTER UPDATE OF status, kind ON comment "
    "WHEN old.status IS NOT new.status OR old.kind IS NOT new.kind BEGIN "
    + _SQLITE_DROP.format(row="old")
    + " "
    + _SQLITE_BUMP.format(row="new")
    + " END",
)

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION comment_count_maintain() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE comment_count SET n = n - 1 WHERE status = OLD.status AND kind = OLD.kind;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO comment_count(status, kind, n) VALUES (NEW.status, NEW.kind, 1)
        ON CONFLICT (status, kind) DO UPDATE SET n = comment_count.n + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
POSTGRES_TRIGGERS = (
    "CREATE TRIGGER comment_count_ai AFTER INSERT OR DELETE ON comment "
    "FOR EACH ROW EXECUTE FUNCTION comment_count_maintain()",
    "CREATE TRIGGER comment_count_au AFTER UPDATE OF status, kind ON comment FOR EACH ROW "
    "WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.kind IS DISTINCT FROM NEW.kind) "
    "EXECUTE FUNCTION comment_count_maintain()",
)


def upgrade() -> None:
    op.create_table(
        "comment_count",
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("status", "kind"),
    )
    op.execute(
        "INSERT INTO comment_count(status, kind, n) SELECT status, kind, count(*) FROM comment GROUP BY status, kind"
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        for statement in POSTGRES_TRIGGERS:
            op.execute(statement)
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.create_index("ix_comment_email", ["author_email", "created_at", "id"], unique=False)
        batch_op.create_index("ix_comment_name", ["author_name", "created_at", "id"], unique=False)
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        batch_op.create_index("ix_moderation_actor", ["actor", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        batch_op.drop_index("ix_moderation_actor")
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.drop_index("ix_comment_name")
        batch_op.drop_index("ix_comment_email")
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("comment_count_ai", "comment_count_ad", "comment_count_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS comment_count_ai ON comment")
        op.execute("DROP TRIGGER IF EXISTS comment_count_au ON comment")
        op.execute("DROP FUNCTION IF EXISTS comment_count_maintain()")
    op.drop_table("comment_count")
