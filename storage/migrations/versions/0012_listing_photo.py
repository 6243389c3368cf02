"""공유마켓: an optional photo on goods listings (물품 나눔·대여)

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26
"""

from alembic import op
import sqlalchemy as sa


revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite cannot ALTER much (env.py renders batches on SQLite only)
    with op.batch_alter_table("share_listings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("photo", sa.String(length=80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("share_listings", schema=None) as batch_op:
        batch_op.drop_column("photo")
