"""The WordPress site: the connection, the outbox, and the remote identity of posts, comments, media

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

New tables only: a database of the previous schema gains them empty (no site connected, nothing
waiting). The comment and article tables are not touched, so the upgrade is instant whatever
their size.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "site",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("api_root", sa.String(2000), nullable=False),
        sa.Column("user_name", sa.String(200), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("timezone", sa.String(100), nullable=False),
        sa.Column("capabilities", sa.Text(), nullable=False),
        sa.Column("connected_at", sa.DateTime(), nullable=False),
        sa.Column("pulled_up_to", sa.Integer(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_full_check_at", sa.DateTime(), nullable=True),
        sa.Column("site_totals", sa.Text(), nullable=False),
        sa.Column("ignored", sa.Text(), nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_outbox_state", "outbox", ["state", "id"])
    op.create_table(
        "site_post",
        sa.Column(
            "article_id", sa.Integer(), sa.ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("post_id", sa.Integer(), nullable=False, unique=True),
        sa.Column("link", sa.String(2000), nullable=False),
        sa.Column("modified_gmt", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("sent_fields", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "site_comment",
        sa.Column(
            "comment_id", sa.Integer(), sa.ForeignKey("comment.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("wp_id", sa.Integer(), nullable=False, unique=True),
        sa.Column("wp_parent", sa.Integer(), nullable=False),
        sa.Column("site_status", sa.String(20), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_site_comment_status", "site_comment", ["site_status", "deleted_at"])
    op.create_index("ix_site_comment_parent", "site_comment", ["wp_parent"])
    op.create_table(
        "site_media",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("media_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("site_media")
    op.drop_index("ix_site_comment_parent", table_name="site_comment")
    op.drop_index("ix_site_comment_status", table_name="site_comment")
    op.drop_table("site_comment")
    op.drop_table("site_post")
    op.drop_index("ix_outbox_state", table_name="outbox")
    op.drop_table("outbox")
    op.drop_table("site")
