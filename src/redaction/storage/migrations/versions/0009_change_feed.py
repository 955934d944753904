"""The change feed: what each unit of work changed, for the other processes on the database

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

A window learns of changes made by the command line, another window or a sync by reading the
rows written since it last looked (``storage.changes``). AUTOINCREMENT keeps ids growing even
after old rows are pruned.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change_feed",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("writer", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_change_feed_at", "change_feed", ["at"])


def downgrade() -> None:
    op.drop_index("ix_change_feed_at", table_name="change_feed")
    op.drop_table("change_feed")
