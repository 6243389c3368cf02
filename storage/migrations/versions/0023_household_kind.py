"""household kind: home | office (관리동) | vendor (업체동); only homes vote

Revision ID: 0023_household_kind
Revises: 0021_sender_roles
Create Date: 2026-12-05
"""

from alembic import op
import sqlalchemy as sa

revision = "0023_household_kind"
down_revision = "0021_sender_roles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=10), nullable=False, server_default="home")
        )
    # the office's and vendors' units as core.identity.model.household_kind names them
    op.execute(
        "UPDATE households SET kind = 'office' WHERE building IN ('관리', '관리사무소', '관리실')"
    )
    op.execute(
        "UPDATE households SET kind = 'vendor' WHERE building IN ('업체', '상가') "
        "OR id IN (SELECT household_id FROM shops)"
    )


def downgrade() -> None:
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_column("kind")
