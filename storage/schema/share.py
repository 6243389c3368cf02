"""공유마켓: listings, ride requests, relay chats, blocks, thanks, reports."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    false,
)

from storage.schema.base import metadata, pk
from storage.types import UTCDateTime

share_listings = Table(
    "share_listings",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("poster_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("building", String(10), nullable=False),  # the poster's 동 only, never the unit
    Column("kind", String(16), nullable=False),
    Column("side", String(8), nullable=False),
    Column("title", String(50), nullable=False),
    Column("place", String(50), nullable=False, default=""),
    Column("when_text", String(100), nullable=False, default=""),
    Column("who", String(100), nullable=False, default=""),
    Column("details", Text, nullable=False, default=""),
    Column("price", Integer, nullable=False, default=0),
    Column("origin", String(50), nullable=False, default=""),
    Column("destination", String(50), nullable=False, default=""),
    Column("departs_at", UTCDateTime, nullable=True),
    Column("seats", Integer, nullable=False, default=0),
    Column("seats_taken", Integer, nullable=False, default=0),
    Column("repeats", Boolean, nullable=False, default=False, server_default=false()),
    Column("status", String(12), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime, nullable=True),
    Column("photo", String(80), nullable=True),  # goods only: a media id
    Index("ix_share_listings_browse", "complex_id", "kind", "status", "created_at"),
)

share_ride_requests = Table(
    "share_ride_requests",
    metadata,
    pk(),
    Column("listing_id", ForeignKey("share_listings.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("passenger_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("seats", Integer, nullable=False),
    Column("status", String(12), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("decided_at", UTCDateTime, nullable=True),
)

share_chats = Table(
    "share_chats",
    metadata,
    pk(),
    Column("listing_id", ForeignKey("share_listings.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("opener_id", ForeignKey("residents.id"), nullable=False),
    Column("owner_id", ForeignKey("residents.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("messages", Integer, nullable=False, default=0),
    Column("ended_at", UTCDateTime, nullable=True),
)

share_blocks = Table(
    "share_blocks",
    metadata,
    Column("blocker_id", ForeignKey("residents.id"), primary_key=True),
    Column("blocked_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

share_thanks = Table(
    "share_thanks",
    metadata,
    Column("listing_id", ForeignKey("share_listings.id"), primary_key=True),
    Column("from_id", ForeignKey("residents.id"), primary_key=True),
    Column("to_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_share_thanks_to", "to_id", "at"),
)

share_reports = Table(
    "share_reports",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False, index=True),
    Column("listing_id", ForeignKey("share_listings.id"), nullable=False),
    Column("reporter_id", ForeignKey("residents.id"), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("handled_at", UTCDateTime, nullable=True),
)

share_standings = Table(
    "share_standings",
    metadata,
    Column("resident_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("verified_at", UTCDateTime, nullable=True),
    Column("verified_by", ForeignKey("residents.id"), nullable=True),
    Column("suspended_at", UTCDateTime, nullable=True),
    Column("suspended_reason", Text, nullable=False, default=""),
)
