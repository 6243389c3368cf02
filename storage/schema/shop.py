"""알뜰쇼핑: shops, products, 기획전, group buys and orders."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from storage.schema.base import metadata, pk
from storage.types import JSONText, UTCDateTime

shops = Table(
    "shops",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("name", String(40), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("household_id", ForeignKey("households.id"), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("complex_id", "name", name="uq_shops_name"),
)

shop_products = Table(
    "shop_products",
    metadata,
    pk(),
    Column("shop_id", ForeignKey("shops.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("name", String(40), nullable=False),
    Column("price", Integer, nullable=False),
    Column("unit", String(10), nullable=False),
    Column("stock", Integer, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("photo", String(80), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("stock >= 0", name="stock_not_negative"),
    Index("ix_shop_products_complex", "complex_id", "active"),
)

shop_exhibitions = Table(
    "shop_exhibitions",
    metadata,
    pk(),
    Column("shop_id", ForeignKey("shops.id"), nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("title", String(40), nullable=False),
    Column("starts_at", UTCDateTime, nullable=False),
    Column("ends_at", UTCDateTime, nullable=False),
    Column("product_ids", JSONText, nullable=False),
    # None: shown in every complex the shop serves; else only in that one
    Column("only_complex_id", ForeignKey("complexes.id"), nullable=True),
    Index("ix_shop_exhibitions_on", "complex_id", "ends_at"),
)

# A 기획전's products and their sale prices (NULL: the product's own price).
shop_exhibition_items = Table(
    "shop_exhibition_items",
    metadata,
    Column("exhibition_id", ForeignKey("shop_exhibitions.id"), primary_key=True),
    Column("product_id", ForeignKey("shop_products.id"), primary_key=True),
    Column("sale_price", Integer, nullable=True),
    CheckConstraint("sale_price IS NULL OR sale_price > 0", name="sale_price_positive"),
)

shop_group_buys = Table(
    "shop_group_buys",
    metadata,
    pk(),
    Column("shop_id", ForeignKey("shops.id"), nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("product_id", ForeignKey("shop_products.id"), nullable=False),
    Column("title", String(40), nullable=False),
    Column("price", Integer, nullable=False),
    Column("minimum", Integer, nullable=False),
    Column("maximum", Integer, nullable=True),
    Column("deadline", UTCDateTime, nullable=False),
    Column("pickup_at", UTCDateTime, nullable=False),
    Column("pickup_place", String(40), nullable=False),
    Column("opened_by", ForeignKey("residents.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("joined", Integer, nullable=False, default=0),
    Column("status", String(12), nullable=False),
    CheckConstraint("joined >= 0", name="joined_not_negative"),
    Index("ix_shop_group_buys_open", "complex_id", "status", "deadline"),
)

shop_orders = Table(
    "shop_orders",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("shop_id", ForeignKey("shops.id"), nullable=False),
    Column("product_id", ForeignKey("shop_products.id"), nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("household_id", ForeignKey("households.id"), nullable=False),
    Column("group_buy_id", ForeignKey("shop_group_buys.id"), nullable=True),
    Column("quantity", Integer, nullable=False),
    Column("unit_price", Integer, nullable=False),
    Column("points_used", Integer, nullable=False, default=0),
    Column("pickup", String(60), nullable=False),
    Column("payment", String(12), nullable=False),
    Column("status", String(12), nullable=False),
    Column("paid", Boolean, nullable=False, default=False),
    Column("reason", String(200), nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_shop_orders_shop", "shop_id", "status", "created_at"),
    Index("ix_shop_orders_group_buy", "group_buy_id", "status"),
)

# 우체국쇼핑 and other outside picks: shown with a link out, never sold here; the link is a
# pick's identity in its complex (a re-import updates it).
shop_picks = Table(
    "shop_picks",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("title", String(60), nullable=False),
    Column("price", Integer, nullable=False),
    Column("link_url", String(500), nullable=False),
    Column("image_url", String(500), nullable=False, default=""),
    Column("source", String(20), nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("complex_id", "link_url", name="uq_shop_picks_link"),
    CheckConstraint("price > 0", name="price_positive"),
)

# One vendor, many complexes: a shop serves its own complex, and another once approved there.
shop_complexes = Table(
    "shop_complexes",
    metadata,
    pk(),
    Column("shop_id", ForeignKey("shops.id"), nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("status", String(10), nullable=False),
    Column("pickup_place", String(40), nullable=False, default=""),
    Column("asked_at", UTCDateTime, nullable=False),
    Column("decided_at", UTCDateTime, nullable=True),
    Column("decided_by", ForeignKey("residents.id"), nullable=True),
    UniqueConstraint("shop_id", "complex_id", name="uq_shop_complexes_shop"),
    Index("ix_shop_complexes_complex", "complex_id", "status"),
)

# 입금 계좌 (core/shop/payments.py): where a shop's 계좌이체 orders are paid to, one per shop.
shop_accounts = Table(
    "shop_accounts",
    metadata,
    Column("shop_id", ForeignKey("shops.id"), primary_key=True),
    Column("bank", String(10), nullable=False),
    Column("number", String(20), nullable=False),
    Column("holder", String(20), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)
