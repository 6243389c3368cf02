"""대신 하기: one audited line per effect a coordinator did for a household (and one per start).
It is the "done by the coordinator for the household" mark of every such effect; `ref` names
the effect ("defect:12", "order:5", "vote:3", ...)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Index, String, Table

from storage.schema.base import metadata, pk
from storage.types import UTCDateTime

proxy_actions = Table(
    "proxy_actions",
    metadata,
    pk(),
    Column("complex_id", ForeignKey("complexes.id"), nullable=False),
    Column("household_id", ForeignKey("households.id"), nullable=False),
    Column("coordinator_id", ForeignKey("residents.id"), nullable=False),
    Column("resident_id", ForeignKey("residents.id"), nullable=True),
    Column("how", String(10), nullable=False),  # phone / visit / help
    Column("request_no", String(12), nullable=False, default=""),  # 도움 요청 #n (text)
    Column("task", String(16), nullable=False),
    Column("ref", String(80), nullable=False),
    Column("consent", Boolean, nullable=False, default=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_proxy_actions_household", "household_id", "at"),
    Index("ix_proxy_actions_complex", "complex_id", "at"),
)
