"""우리단지: notices (공지사항) and household votes (주민투표)."""

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

notices = Table(
    "notices",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("author_id", ForeignKey("residents.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("send_at", UTCDateTime, nullable=False),
    Column("urgent", Boolean, nullable=False, default=False),
    Column("buildings", JSONText, nullable=False),  # empty: the whole complex
    Column("photo", String(80), nullable=True),
    Column("status", String(12), nullable=False),
    Column("pinned", Boolean, nullable=False, default=False),
    Column("started_at", UTCDateTime, nullable=True),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("recipients", Integer, nullable=False, default=0),
    Index("ix_notices_list", "complex_id", "status", "pinned", "send_at"),
)

notice_buildings = Table(  # the 동 a notice targets, for the residents' list
    "notice_buildings",
    metadata,
    Column("notice_id", ForeignKey("notices.id"), primary_key=True),
    Column("building", String(10), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
)

notice_reads = Table(
    "notice_reads",
    metadata,
    Column("notice_id", ForeignKey("notices.id"), primary_key=True),
    Column("resident_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

votes = Table(
    "votes",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("author_id", ForeignKey("residents.id"), nullable=False),
    Column("question", Text, nullable=False),
    Column("options", JSONText, nullable=False),
    Column("opens_at", UTCDateTime, nullable=False),
    Column("closes_at", UTCDateTime, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("buildings", JSONText, nullable=False),
    Column("secret", Boolean, nullable=False, default=True),
    Column("quorum", Integer, nullable=True),
    Column("status", String(12), nullable=False),
    Column("eligible", Integer, nullable=False, default=0),
    Column("results", JSONText, nullable=True),
    Column("turnout", Integer, nullable=False, default=0),
    Index("ix_votes_list", "complex_id", "status", "closes_at"),
)

vote_ballots = Table(  # one per household and vote: the primary key is the rule
    "vote_ballots",
    metadata,
    Column("vote_id", ForeignKey("votes.id"), primary_key=True),
    Column("household_id", ForeignKey("households.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("option", Integer, nullable=False),
    Column("cast_at", UTCDateTime, nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=True),  # None: secret ballot
    Column("proxy_by", ForeignKey("residents.id"), nullable=True),
    Column("changes", Integer, nullable=False, default=0),
)
