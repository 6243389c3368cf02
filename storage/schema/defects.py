"""하자접수: defect reports, their history and supporters."""

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
)

from storage.schema.base import metadata, pk
from storage.types import JSONText, UTCDateTime

defect_reports = Table(
    "defect_reports",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("household_id", ForeignKey("households.id"), nullable=False, index=True),
    Column("reporter_id", ForeignKey("residents.id"), nullable=False),
    Column("category", String(16), nullable=False),
    Column("where", String(8), nullable=False),
    Column("place", String(50), nullable=False, default=""),
    Column("description", Text, nullable=False, default=""),
    Column("photos", JSONText, nullable=False),
    Column("urgent", Boolean, nullable=False, default=False),
    Column("status", String(16), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("acknowledged_at", UTCDateTime, nullable=True),
    Column("done_at", UTCDateTime, nullable=True),
    Column("hold_until", UTCDateTime, nullable=True),
    Column("reason", Text, nullable=False, default=""),
    Column("reopen_count", Integer, nullable=False, default=0),
    Column("rating", Integer, nullable=True),
    Column("rating_comment", Text, nullable=False, default=""),
    Column("supporters", Integer, nullable=False, default=0),
    Index("ix_defect_reports_queue", "complex_id", "status", "urgent", "created_at"),
)

defect_events = Table(
    "defect_events",
    metadata,
    pk(),
    Column("report_id", ForeignKey("defect_reports.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("actor_id", ForeignKey("residents.id"), nullable=True),
    Column("status", String(16), nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
)

defect_supporters = Table(
    "defect_supporters",
    metadata,
    Column("report_id", ForeignKey("defect_reports.id"), primary_key=True),
    Column("household_id", ForeignKey("households.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)
