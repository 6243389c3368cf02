"""shop accounts: 입금 계좌, where a shop's 계좌이체 orders are paid to (one per shop)

Revision ID: 0028_shop_accounts
Revises: 0027_shop_picks
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

import storage.types

revision = "0028_shop_accounts"
down_revision = "0027_shop_picks"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "shop_accounts",
        sa.Column("shop_id", ID, nullable=False),
        sa.Column("bank", sa.String(length=10), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("holder", sa.String(length=20), nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_shop_accounts_shop_id_shops")
        ),
        sa.PrimaryKeyConstraint("shop_id", name=op.f("pk_shop_accounts")),
    )


def downgrade() -> None:
    op.drop_table("shop_accounts")
