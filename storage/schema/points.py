"""포인트: the double-entry points ledger, rent settlements, common spends."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)

from storage.schema.base import metadata, pk
from storage.types import UTCDateTime

points_accounts = Table(
    "points_accounts",
    metadata,
    Column("id", String(60), primary_key=True),  # "personal:12", "common:3", "system:3:expired"
    Column("kind", String(10), nullable=False),  # personal | common | system
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=True),
    Column("balance", BigInteger, nullable=False, default=0),
    # a backstop only: the conditional UPDATE is what keeps concurrent spends honest
    CheckConstraint("kind = 'system' OR balance >= 0", name="not_negative"),
    Index("ix_points_accounts_holders", "complex_id", "kind", "balance"),
)

points_transfers = Table(
    "points_transfers",
    metadata,
    Column("id", String(120), primary_key=True),  # derived from the cause: "reward:order:123"
    Column("kind", String(20), nullable=False),
    Column("memo", String(100), nullable=False, default=""),
    Column("amounts_hash", String(64), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
)

points_entries = Table(
    "points_entries",
    metadata,
    pk(),
    Column("transfer_id", ForeignKey("points_transfers.id"), nullable=False, index=True),
    Column("account_id", ForeignKey("points_accounts.id"), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    CheckConstraint("amount <> 0", name="nonzero"),
    Index("ix_points_entries_account", "account_id", "at"),
)

rent_settlements = Table(
    "rent_settlements",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("household_id", ForeignKey("households.id"), nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=False),
    Column("month", String(7), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("transfer_id", ForeignKey("points_transfers.id"), nullable=False, unique=True),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_rent_settlements_month", "month", "complex_id"),
    Index("ix_rent_settlements_resident", "resident_id", "month"),
)

common_spends = Table(
    "common_spends",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False, index=True),
    Column("coordinator_id", ForeignKey("residents.id"), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("purpose", String(100), nullable=False),
    Column("vote_id", Integer, nullable=True),  # the resident vote that decided it, if any
    Column("transfer_id", ForeignKey("points_transfers.id"), nullable=False, unique=True),
    Column("at", UTCDateTime, nullable=False),
)

common_proposals = Table(
    "common_proposals",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False, index=True),
    Column("coordinator_id", ForeignKey("residents.id"), nullable=False),
    Column("purpose", String(100), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("vote_id", ForeignKey("votes.id"), nullable=False, unique=True),
    Column("photo", String(80), nullable=False, default=""),  # a media id, "" for none
    Column("status", String(12), nullable=False),  # voting | spent | rejected | no_quorum | short
    Column("created_at", UTCDateTime, nullable=False),
    Column("settled_at", UTCDateTime, nullable=True),
)
