"""shop picks: 우체국쇼핑 and other outside products per complex (a link out, no purchase)

Revision ID: 0027_shop_picks
Revises: 0026_partners
Create Date: 2026-12-05
"""

from alembic import op
import sqlalchemy as sa

import storage.types

revision = "0027_shop_picks"
down_revision = "0026_partners"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "shop_picks",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("link_url", sa.String(length=500), nullable=False),
        sa.Column("image_url", sa.String(length=500), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["complex_id"], ["complexes.id"], name=op.f("fk_shop_picks_complex_id_complexes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_picks")),
        sa.UniqueConstraint("complex_id", "link_url", name="uq_shop_picks_link"),
        sa.CheckConstraint("price > 0", name=op.f("ck_shop_picks_price_positive")),
    )


def downgrade() -> None:
    op.drop_table("shop_picks")
