"""What the points tell residents on their own, as typed payloads (the bot words each kind)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.notifications import Notification


@dataclass(frozen=True)
class ExpirySoon(Notification, kind="points.expiry_soon"):
    """`amount` points of the resident expire on `on` (Korea time), `days` days from now."""

    amount: int
    on: date
    days: int
