"""알뜰쇼핑: shops, products, 기획전, group buys, orders; a vendor invite carries its shop

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = storage.types.UTCDateTime(timezone=True)


def _id() -> sa.Column:
    return sa.Column("id", ID, autoincrement=True, nullable=False)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    with op.batch_alter_table("invite_codes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shop_id", ID, nullable=True))

    op.create_table(
        "shops",
        _id(),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("household_id", ID, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        _fk("shops", "complex_id", "complexes"),
        _fk("shops", "household_id", "households"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shops")),
        sa.UniqueConstraint("complex_id", "name", name="uq_shops_name"),
        sa.UniqueConstraint("household_id", name=op.f("uq_shops_household_id")),
    )

    op.create_table(
        "shop_products",
        _id(),
        sa.Column("shop_id", ID, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("photo", sa.String(length=80), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.CheckConstraint("stock >= 0", name=op.f("ck_shop_products_stock_not_negative")),
        _fk("shop_products", "shop_id", "shops"),
        _fk("shop_products", "complex_id", "complexes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_products")),
    )
    with op.batch_alter_table("shop_products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shop_products_shop_id"), ["shop_id"], unique=False)
        batch_op.create_index("ix_shop_products_complex", ["complex_id", "active"], unique=False)

    op.create_table(
        "shop_exhibitions",
        _id(),
        sa.Column("shop_id", ID, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("title", sa.String(length=40), nullable=False),
        sa.Column("starts_at", WHEN, nullable=False),
        sa.Column("ends_at", WHEN, nullable=False),
        sa.Column("product_ids", storage.types.JSONText(), nullable=False),
        _fk("shop_exhibitions", "shop_id", "shops"),
        _fk("shop_exhibitions", "complex_id", "complexes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_exhibitions")),
    )
    with op.batch_alter_table("shop_exhibitions", schema=None) as batch_op:
        batch_op.create_index("ix_shop_exhibitions_on", ["complex_id", "ends_at"], unique=False)

    op.create_table(
        "shop_group_buys",
        _id(),
        sa.Column("shop_id", ID, nullable=False),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("product_id", ID, nullable=False),
        sa.Column("title", sa.String(length=40), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("minimum", sa.Integer(), nullable=False),
        sa.Column("maximum", sa.Integer(), nullable=True),
        sa.Column("deadline", WHEN, nullable=False),
        sa.Column("pickup_at", WHEN, nullable=False),
        sa.Column("pickup_place", sa.String(length=40), nullable=False),
        sa.Column("opened_by", ID, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("joined", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.CheckConstraint("joined >= 0", name=op.f("ck_shop_group_buys_joined_not_negative")),
        _fk("shop_group_buys", "shop_id", "shops"),
        _fk("shop_group_buys", "complex_id", "complexes"),
        _fk("shop_group_buys", "product_id", "shop_products"),
        _fk("shop_group_buys", "opened_by", "residents"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_group_buys")),
    )
    with op.batch_alter_table("shop_group_buys", schema=None) as batch_op:
        batch_op.create_index(
            "ix_shop_group_buys_open", ["complex_id", "status", "deadline"], unique=False
        )

    op.create_table(
        "shop_orders",
        _id(),
        sa.Column("complex_id", ID, nullable=False),
        sa.Column("shop_id", ID, nullable=False),
        sa.Column("product_id", ID, nullable=False),
        sa.Column("resident_id", ID, nullable=False),
        sa.Column("household_id", ID, nullable=False),
        sa.Column("group_buy_id", ID, nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Integer(), nullable=False),
        sa.Column("points_used", sa.Integer(), nullable=False),
        sa.Column("pickup", sa.String(length=60), nullable=False),
        sa.Column("payment", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        _fk("shop_orders", "complex_id", "complexes"),
        _fk("shop_orders", "shop_id", "shops"),
        _fk("shop_orders", "product_id", "shop_products"),
        _fk("shop_orders", "resident_id", "residents"),
        _fk("shop_orders", "household_id", "households"),
        _fk("shop_orders", "group_buy_id", "shop_group_buys"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_orders")),
    )
    with op.batch_alter_table("shop_orders", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shop_orders_resident_id"), ["resident_id"], unique=False
        )
        batch_op.create_index(
            "ix_shop_orders_shop", ["shop_id", "status", "created_at"], unique=False
        )
        batch_op.create_index("ix_shop_orders_group_buy", ["group_buy_id", "status"], unique=False)


def downgrade() -> None:
    for table, indexes in (
        (
            "shop_orders",
            ("ix_shop_orders_group_buy", "ix_shop_orders_shop", "ix_shop_orders_resident_id"),
        ),
        ("shop_group_buys", ("ix_shop_group_buys_open",)),
        ("shop_exhibitions", ("ix_shop_exhibitions_on",)),
        ("shop_products", ("ix_shop_products_complex", "ix_shop_products_shop_id")),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for index in indexes:
                batch_op.drop_index(index)
        op.drop_table(table)
    op.drop_table("shops")
    with op.batch_alter_table("invite_codes", schema=None) as batch_op:
        batch_op.drop_column("shop_id")
