"""sender roles: one designated sender per rate-limited channel across processes

Revision ID: 0021_sender_roles
Revises: 0019_desk_sessions
Create Date: 2026-12-05
"""

from alembic import op
import sqlalchemy as sa

import storage.types

revision = "0021_sender_roles"
down_revision = "0019_desk_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sender_roles",
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("owner", sa.String(length=40), nullable=False),
        sa.Column("lease_until", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("channel"),
    )


def downgrade() -> None:
    op.drop_table("sender_roles")
