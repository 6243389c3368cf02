"""The desk: one-time login codes (operators, and coordinators from the chat's "데스크 열기"),
operators' names and signed-in sessions. Codes and session tokens are stored only as keyed
hashes. What people do at the desk goes to the shared `audit_log` (actions "desk.*")."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table

from storage.schema.base import metadata, pk
from storage.types import UTCDateTime

desk_login_codes = Table(
    "desk_login_codes",
    metadata,
    pk(),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=True),  # None: an operator
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
)

operators = Table(
    "operators",
    metadata,
    Column("resident_id", ForeignKey("residents.id"), primary_key=True, autoincrement=False),
    Column("name", String(50), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

desk_sessions = Table(  # a signed-in desk: the cookie holds the token, the row its keyed hash
    "desk_sessions",
    metadata,
    pk(),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("resident_id", ForeignKey("residents.id"), nullable=False, index=True),
    Column("complex_id", ForeignKey("complexes.id"), nullable=True),  # None: an operator
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("ended_at", UTCDateTime, nullable=True),  # logout
)
