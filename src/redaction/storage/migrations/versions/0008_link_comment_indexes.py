"""Partial indexes for pingbacks and trackbacks: the desk's links queue

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26

The desk shows pingbacks and trackbacks apart from reader comments. They are a few in a
thousand: without an index of their own the links queue walked the whole comment table to find
a page of them. Both indexes are partial (``WHERE kind <> 'comment'``), so they hold only those
rows and moving reader comments never maintains them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LINKS_ONLY = sa.text("kind <> 'comment'")


def upgrade() -> None:
    op.create_index(
        "ix_comment_links",
        "comment",
        ["created_at", "id"],
        sqlite_where=LINKS_ONLY,
        postgresql_where=LINKS_ONLY,
    )
    op.create_index(
        "ix_comment_links_status",
        "comment",
        ["status", "created_at", "id"],
        sqlite_where=LINKS_ONLY,
        postgresql_where=LINKS_ONLY,
    )


def downgrade() -> None:
    op.drop_index("ix_comment_links_status", table_name="comment")
    op.drop_index("ix_comment_links", table_name="comment")
