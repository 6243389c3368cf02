"""The outbox: every message the bot sends on its own."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)

from storage.schema.base import metadata, pk
from storage.types import JSONText, UTCDateTime

outbox = Table(
    "outbox",
    metadata,
    pk(),
    Column("dedupe_key", String(160), nullable=False, unique=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=True),
    Column("resident_id", ForeignKey("residents.id"), nullable=False),
    Column("account_id", ForeignKey("channel_accounts.id"), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("address", String(200), nullable=False, default=""),
    Column("mode", String(8), nullable=False),  # push | inbox
    Column("payload", JSONText, nullable=False),  # rendered screens, buttons as tokens
    Column("priority", Integer, nullable=False, default=0),  # urgent first
    Column("status", String(12), nullable=False, default="pending"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("lease_owner", String(40), nullable=True),
    Column("lease_until", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("last_error", String(200), nullable=False, default=""),
    Column("batch", String(64), nullable=True, index=True),  # e.g. one broadcast
    Index("ix_outbox_inbox", "account_id", "status"),
)

# The sender's queue, walked in claim order (urgent first, then oldest) without sorting the
# backlog: a 100,000-row broadcast is claimed 200 rows at a time from the front of it.
Index("ix_outbox_queue", outbox.c.status, outbox.c.channel, outbox.c.priority.desc(), outbox.c.id)

# One designated sender per rate-limited channel (Telegram: ~30 messages/s per bot, however
# many processes): the process holding the role claims that channel's rows; it renews the
# lease every tick; another takes over when it ran out (or at once, when released).
sender_roles = Table(
    "sender_roles",
    metadata,
    Column("channel", String(16), primary_key=True),
    Column("owner", String(40), nullable=False),
    Column("lease_until", UTCDateTime, nullable=False),
)
