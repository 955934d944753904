"""Rule 7's index holds approved reader comments only

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

``ix_comment_known_author`` (email, name, status, kind, from 0011) covered every comment, so
every decision maintained it: 10,000 approvals at the desk took twice as long as before it
(``bench/moderation.py`` ``bulk_approve_10k_ms``; the UPDATE of 10,000 rows alone, on the
1M-comment bench database: 730–1,400 ms with it, 270–290 ms without, 530–630 ms with this
one). ``ix_comment_approved_author`` (email, name) is partial, ``WHERE status = 'approved' AND
kind = 'comment'``: it answers the same question ("has this author an approved reader
comment?") with one seek, and moving comments between pending, spam and trash never touches it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out as the rules' query writes it (a partial index serves only a query whose WHERE
# contains its condition); "comment" is services.moderation.comments.READER_KINDS.
APPROVED_READERS = sa.text("status = 'approved' AND kind = 'comment'")


def upgrade() -> None:
    op.drop_index("ix_comment_known_author", table_name="comment")
    op.create_index(
        "ix_comment_approved_author",
        "comment",
        ["author_email", "author_name"],
        sqlite_where=APPROVED_READERS,
        postgresql_where=APPROVED_READERS,
    )


def downgrade() -> None:
    op.drop_index("ix_comment_approved_author", table_name="comment")
    op.create_index(
        "ix_comment_known_author", "comment", ["author_email", "author_name", "status", "kind"], unique=False
    )
