"""알림톡 numbers: a mobile number a resident gave, with consent, for urgent notices and vote
reminders (core/identity/alert_phone.py). Nothing else is kept: no name, no unit."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table

from storage.schema.base import metadata
from storage.types import UTCDateTime

alert_phones = Table(
    "alert_phones",
    metadata,
    Column("resident_id", ForeignKey("residents.id"), primary_key=True, autoincrement=False),
    Column("number", String(16), nullable=False),  # digits only, e.g. 01012345678
    Column("consented_at", UTCDateTime, nullable=False),
)
