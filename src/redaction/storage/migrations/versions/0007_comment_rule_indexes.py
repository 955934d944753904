"""Indexes for the moderation rules' facts: earlier twins of a comment and floods by IP

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28

The rules' dry run asks, for each of ~100,000 pending comments, whether an earlier twin exists
(same article, author and text) and when the same IP last commented. Without these indexes it
sorted the whole million-comment table with window functions (11 s); with them each question
is one index seek. Neither index holds ``status``, so moving comments does not maintain them.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.create_index(
            "ix_comment_article_author", ["article_id", "author_email", "author_name"], unique=False
        )
        batch_op.create_index("ix_comment_ip", ["author_ip", "created_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.drop_index("ix_comment_ip")
        batch_op.drop_index("ix_comment_article_author")
