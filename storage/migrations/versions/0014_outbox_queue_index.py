"""The outbox queue index: claims walk pending rows in order (urgent first, then oldest)
instead of sorting the whole backlog of a broadcast on every claim

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-25
"""

from alembic import op
import sqlalchemy as sa


revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # It replaces ix_outbox_due (status, channel, next_attempt_at): with that one at hand
    # SQLite range-scanned by due time and sorted the whole backlog (21 ms a claim at
    # 13,000 rows waiting, against 0.6 ms walking this index).
    op.drop_index("ix_outbox_due", table_name="outbox")
    op.create_index(
        "ix_outbox_queue",
        "outbox",
        ["status", "channel", sa.text("priority DESC"), "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_queue", table_name="outbox")
    op.create_index("ix_outbox_due", "outbox", ["status", "channel", "next_attempt_at"])
