"""도움 요청: help requests (numbered per complex), their messages, and the names coordinators
show residents."""

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
    UniqueConstraint,
)

from storage.schema.base import metadata, pk
from storage.types import JSONText, UTCDateTime

help_requests = Table(
    "help_requests",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("number", Integer, nullable=False),  # per complex: "도움 요청 #3"
    Column("requester_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("household_id", ForeignKey("households.id"), nullable=True),
    Column("building", String(10), nullable=False),
    Column("unit", String(10), nullable=False),
    Column("verified", Boolean, nullable=False),
    Column("status", String(12), nullable=False),
    Column("origin", String(80), nullable=False, default=""),
    Column("recent", JSONText, nullable=False),
    Column("owner_id", ForeignKey("residents.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("taken_at", UTCDateTime, nullable=True),
    Column("closed_at", UTCDateTime, nullable=True),
    UniqueConstraint("complex_id", "number", name="uq_help_requests_complex_number"),
    Index("ix_help_requests_queue", "complex_id", "status", "created_at"),
)

help_messages = Table(
    "help_messages",
    metadata,
    pk(),
    Column("request_id", ForeignKey("help_requests.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("author_id", ForeignKey("residents.id"), nullable=False),
    Column("side", String(12), nullable=False),
    Column("text", Text, nullable=False, default=""),
    Column("photos", JSONText, nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

help_agents = Table(
    "help_agents",
    metadata,
    Column("resident_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("name", String(20), nullable=False),
)
