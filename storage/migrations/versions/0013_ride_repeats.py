"""공유마켓: a carpool that repeats on weekdays (평일마다 반복) says so on its listing

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26
"""

from alembic import op
import sqlalchemy as sa


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite cannot ALTER much (env.py renders batches on SQLite only).
    # Rides posted before this revision read as one-off; their closing jobs still carry
    # "repeat" in the payload, which finish_ride honours.
    with op.batch_alter_table("share_listings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("repeats", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("share_listings", schema=None) as batch_op:
        batch_op.drop_column("repeats")
