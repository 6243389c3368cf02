"""shop complexes: one vendor, many complexes (a shop serves another complex once approved)

Revision ID: 0024_shop_complexes
Revises: 0023_household_kind
Create Date: 2026-12-05
"""

from alembic import op
import sqlalchemy as sa

import storage.types

revision = "0024_shop_complexes"
down_revision = "0023_household_kind"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "shop_complexes",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("shop_id", ID, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("pickup_place", sa.String(length=40), nullable=False),
        sa.Column("asked_at", storage.types.UTCDateTime(), nullable=False),
        sa.Column("decided_at", storage.types.UTCDateTime(), nullable=True),
        sa.Column("decided_by", ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.id"], name=op.f("fk_shop_complexes_shop_id_shops")
        ),
        sa.ForeignKeyConstraint(
            ["complex_id"], ["complexes.id"], name=op.f("fk_shop_complexes_complex_id_complexes")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["residents.id"], name=op.f("fk_shop_complexes_decided_by_residents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_complexes")),
        sa.UniqueConstraint("shop_id", "complex_id", name="uq_shop_complexes_shop"),
    )
    with op.batch_alter_table("shop_complexes", schema=None) as batch_op:
        batch_op.create_index("ix_shop_complexes_complex", ["complex_id", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("shop_complexes", schema=None) as batch_op:
        batch_op.drop_index("ix_shop_complexes_complex")
    op.drop_table("shop_complexes")
