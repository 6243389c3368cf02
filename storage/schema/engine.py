"""The conversation engine's own state: dialogs, button tokens, handled deliveries,
the audit log."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)

from storage.schema.base import metadata, pk
from storage.types import JSONText, UTCDateTime

conversations = Table(
    "conversations",
    metadata,
    Column("resident_id", ForeignKey("residents.id"), primary_key=True),
    Column("dialog", String(64), nullable=True),
    Column("step", String(64), nullable=True),
    Column("data", JSONText, nullable=False),  # answers, history, paging
    Column("screen", JSONText, nullable=True),  # the last screen shown (for labels, paging)
    Column("updated_at", UTCDateTime, nullable=False),
    Column("version", Integer, nullable=False, default=0),
)

action_tokens = Table(
    "action_tokens",
    metadata,
    Column("token", String(24), primary_key=True),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("action", JSONText, nullable=False),
    Column("single_use", Boolean, nullable=False, default=False),
    Column("used_at", UTCDateTime, nullable=True),
    Column("expires_at", UTCDateTime, nullable=False, index=True),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("key", String(120), primary_key=True),  # e.g. "tg:123456", "web:<uuid>", "tok:<t>"
    Column("resident_id", ForeignKey("residents.id"), nullable=True),
    Column("reply", JSONText, nullable=True),
    Column("created_at", UTCDateTime, nullable=False, index=True),
)

audit_log = Table(
    "audit_log",
    metadata,
    pk(),
    Column("at", UTCDateTime, nullable=False),
    Column("complex_id", ForeignKey("complexes.id"), nullable=True, index=True),
    Column("actor_id", ForeignKey("residents.id"), nullable=True),
    Column("on_behalf_of", ForeignKey("residents.id"), nullable=True),
    Column("action", String(64), nullable=False),
    Column("detail", Text, nullable=False, default=""),
)
