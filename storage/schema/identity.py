"""Identity: complexes, households, residents, accounts, roles, invites, link codes, throttles."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    UniqueConstraint,
)

from storage.schema.base import ID, metadata, pk
from storage.types import UTCDateTime

complexes = Table(
    "complexes",
    metadata,
    pk(),
    Column("code", String(20), nullable=False, unique=True),
    Column("name", String(50), nullable=False),
)

households = Table(
    "households",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("building", String(10), nullable=False),
    Column("unit", String(10), nullable=False),
    # home | office (관리동) | vendor (업체동): only homes vote (0023)
    Column("kind", String(10), nullable=False, default="home", server_default="home"),
    UniqueConstraint("complex_id", "building", "unit", name="uq_households_address"),
)

residents = Table(
    "residents",
    metadata,
    pk(),
    Column("created_at", UTCDateTime, nullable=False),
    Column("locale", String(8), nullable=False, default="ko"),
    Column("easy_mode", Boolean, nullable=False, default=False),
    Column("household_id", ForeignKey("households.id"), nullable=True, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=True, index=True),
    # Bumped by triggers (migration 0030) on any change to what the engine caches of the
    # resident: their row, accounts, live roles, household, complex. Not mapped.
    Column("identity_version", Integer, nullable=False, server_default="0"),
)

channel_accounts = Table(
    "channel_accounts",
    metadata,
    pk(),
    Column("channel", String(16), nullable=False),
    Column("external_id", String(200), nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("address", String(200), nullable=False, default=""),
    Column("unreachable", Boolean, nullable=False, default=False),
    UniqueConstraint("channel", "external_id", name="uq_channel_accounts_identity"),
)

role_grants = Table(
    "role_grants",
    metadata,
    pk(),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("role", String(16), nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=True),
    Column("granted_at", UTCDateTime, nullable=False),
    Column("granted_by", ForeignKey("residents.id"), nullable=True),
    Column("revoked_at", UTCDateTime, nullable=True),
)

invite_codes = Table(
    "invite_codes",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("household_id", ForeignKey("households.id"), nullable=False),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("max_uses", Integer, nullable=False),
    Column("uses", Integer, nullable=False, default=0),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
    Column("shop_id", ID, nullable=True),  # a vendor invite carries its shop (0008)
)

link_codes = Table(
    "link_codes",
    metadata,
    pk(),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime, nullable=True),
)

rate_events = Table(
    "rate_events",
    metadata,
    pk(),
    Column("subject", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_rate_events_lookup", "subject", "kind", "at"),
)
