"""Rule 7 ("author previously approved") without an index of its own: decisions no longer maintain one

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

``ix_comment_known_author`` (email, name, status, kind, from 0011) covered every comment, so
every decision maintained it: the desk's 10,000 approvals (``bench/moderation.py``
``bulk_approve_10k_ms``) took 0.88-1.2 s against 0.46-0.63 s before it, and still 0.88-0.94 s
with a partial index of approved reader comments in its place (the UPDATE of 10,000 rows alone,
on the 1M-comment bench database: 730-1,400 ms with it, 530-630 ms with the partial one,
270-290 ms with neither). Without it the rules ask ``ix_comment_email`` and stop at the first
approved comment of the author: the dry run over 100,000 pending costs the same on the
1M-comment database (1,486 ms against 1,419-1,651) and ~50-100 ms more on
``bench/rules_dry_run.py``'s queue (1,418-1,475 ms against 1,370), and 10,000 approvals are back
to 0.50 s.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_comment_known_author", table_name="comment")


def downgrade() -> None:
    op.create_index(
        "ix_comment_known_author", "comment", ["author_email", "author_name", "status", "kind"], unique=False
    )
