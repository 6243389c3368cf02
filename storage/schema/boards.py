"""우리단지 게시판: 생활편의 / 일자리 / 교육문화 entries and sign-ups."""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from storage.schema.base import metadata, pk
from storage.types import UTCDateTime

board_entries = Table(
    "board_entries",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("author_id", ForeignKey("residents.id"), nullable=False),
    Column("board", String(10), nullable=False),
    Column("title", String(50), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("link", String(300), nullable=True),
    Column("photo", String(80), nullable=True),
    Column("event_at", UTCDateTime, nullable=True),
    Column("capacity", Integer, nullable=True),
    Column("taken", Integer, nullable=False, default=0),
    # a backstop only: the conditional UPDATE is what keeps concurrent sign-ups honest
    CheckConstraint("taken >= 0 AND (capacity IS NULL OR taken <= capacity)", name="seats"),
    Index("ix_board_entries_list", "complex_id", "board", "expires_at"),
)

board_signups = Table(  # one per entry and resident: the primary key is the rule
    "board_signups",
    metadata,
    Column("entry_id", ForeignKey("board_entries.id"), primary_key=True),
    Column("resident_id", ForeignKey("residents.id"), primary_key=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)
