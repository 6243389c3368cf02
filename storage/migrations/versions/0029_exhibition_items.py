"""기획전 with chosen products: sale prices per item, and the one complex it runs in (if any)

Revision ID: 0029_exhibition_items
Revises: 0028_shop_accounts
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = "0029_exhibition_items"
down_revision = "0028_shop_accounts"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "shop_exhibition_items",
        sa.Column("exhibition_id", ID, nullable=False),
        sa.Column("product_id", ID, nullable=False),
        sa.Column("sale_price", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["exhibition_id"],
            ["shop_exhibitions.id"],
            name=op.f("fk_shop_exhibition_items_exhibition_id_shop_exhibitions"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["shop_products.id"],
            name=op.f("fk_shop_exhibition_items_product_id_shop_products"),
        ),
        sa.PrimaryKeyConstraint("exhibition_id", "product_id", name=op.f("pk_shop_exhibition_items")),
        sa.CheckConstraint(
            "sale_price IS NULL OR sale_price > 0",
            name=op.f("ck_shop_exhibition_items_sale_price_positive"),
        ),
    )
    with op.batch_alter_table("shop_exhibitions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("only_complex_id", ID, nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_shop_exhibitions_only_complex_id_complexes"),
            "complexes",
            ["only_complex_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("shop_exhibitions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_shop_exhibitions_only_complex_id_complexes"), type_="foreignkey"
        )
        batch_op.drop_column("only_complex_id")
    op.drop_table("shop_exhibition_items")
