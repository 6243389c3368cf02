"""제휴상가 혜택: partner shops' offers, residents' coupons, the weekly digest's subscribers and
the 알뜰쇼핑 promotion slot."""

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
    UniqueConstraint,
)

from storage.schema.base import metadata, pk
from storage.types import UTCDateTime

partner_offers = Table(
    "partner_offers",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("shop_id", ForeignKey("shops.id"), nullable=False, index=True),
    Column("title", String(40), nullable=False),
    Column("discount_kind", String(10), nullable=False),
    Column("discount", Integer, nullable=False),
    Column("min_spend", Integer, nullable=False, default=0),
    Column("starts_at", UTCDateTime, nullable=False),
    Column("ends_at", UTCDateTime, nullable=False),
    Column("place", String(60), nullable=False),
    Column("hours", String(40), nullable=False),
    Column("per_household", Integer, nullable=False, default=1),
    Column("cap", Integer, nullable=True),
    Column("claimed", Integer, nullable=False, default=0),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("cap IS NULL OR claimed <= cap", name="claimed_within_cap"),
    Index("ix_partner_offers_open", "complex_id", "active", "ends_at"),
)

partner_coupons = Table(
    "partner_coupons",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("offer_id", ForeignKey("partner_offers.id"), nullable=False),
    Column("shop_id", ForeignKey("shops.id"), nullable=False),
    # NULL once the resident left (탈퇴): the coupon stays as the shop's anonymous record
    Column("resident_id", ForeignKey("residents.id"), nullable=True, index=True),
    Column("household_id", ForeignKey("households.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("code", String(12), nullable=False, unique=True),
    Column("status", String(10), nullable=False),
    Column("claimed_at", UTCDateTime, nullable=False),
    Column("redeemed_at", UTCDateTime, nullable=True),
    Column("amount", Integer, nullable=False, default=0),
    Column("discount_won", Integer, nullable=False, default=0),
    Column("redeemed_by", ForeignKey("residents.id"), nullable=True),
    UniqueConstraint("offer_id", "household_id", "seq", name="uq_partner_coupons_per_home"),
)

partner_digest = Table(
    "partner_digest",
    metadata,
    Column("resident_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
)

promotion_slots = Table(
    "promotion_slots",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("offer_id", ForeignKey("partner_offers.id"), nullable=True),
    Column("exhibition_id", ForeignKey("shop_exhibitions.id"), nullable=True),
    Column("starts_at", UTCDateTime, nullable=False),
    Column("ends_at", UTCDateTime, nullable=False),
    Column("assigned_by", ForeignKey("residents.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("(offer_id IS NULL) <> (exhibition_id IS NULL)", name="offer_or_exhibition"),
    Index("ix_promotion_slots_on", "complex_id", "ends_at"),
)
