"""Scheduled work: the rows are the truth, APScheduler only ticks."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    UniqueConstraint,
)

from storage.schema.base import metadata, pk
from storage.types import JSONText, UTCDateTime

scheduled_jobs = Table(
    "scheduled_jobs",
    metadata,
    pk(),
    Column("kind", String(48), nullable=False),  # e.g. "vote.close"
    Column("key", String(120), nullable=False),  # names the target, e.g. "vote:42"
    Column("complex_id", ForeignKey("complexes.id"), nullable=True),
    Column("due_at", UTCDateTime, nullable=False),  # the original due time, never moved by retries
    Column("payload", JSONText, nullable=False),
    Column("status", String(12), nullable=False, default="pending"),  # see repositories/jobs.py
    Column("attempts", Integer, nullable=False, default=0),
    Column("lease_owner", String(40), nullable=True),
    Column("lease_until", UTCDateTime, nullable=True),  # running: lease end; pending: retry time
    Column("created_at", UTCDateTime, nullable=False),
    Column("done_at", UTCDateTime, nullable=True),
    Column("last_error", String(200), nullable=False, default=""),
    UniqueConstraint("kind", "key", name="uq_scheduled_jobs_kind_key"),
    Index("ix_scheduled_jobs_due", "status", "due_at"),
)
