"""A length target per article (in signs or words), for the editor's gauge

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("target_length", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column("target_unit", sa.String(length=10), nullable=False, server_default="signs")
        )


def downgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_column("target_unit")
        batch_op.drop_column("target_length")
