"""설문조사: surveys and one response per resident."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)

from storage.schema.base import metadata, pk
from storage.types import JSONText, UTCDateTime

surveys = Table(
    "surveys",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("author_id", ForeignKey("residents.id"), nullable=False),
    Column("title", String(100), nullable=False),
    Column("questions", JSONText, nullable=False),
    Column("anonymous", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("closes_at", UTCDateTime, nullable=False),
    Column("status", String(12), nullable=False),
    Index("ix_surveys_list", "complex_id", "status", "closes_at"),
)

survey_responses = Table(  # one per resident and survey: the primary key is the rule
    "survey_responses",
    metadata,
    Column("survey_id", ForeignKey("surveys.id"), primary_key=True),
    Column("resident_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("answers", JSONText, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("submitted_at", UTCDateTime, nullable=True),  # None: answers kept, not sent yet
    Column("changes", Integer, nullable=False, default=0),
)
