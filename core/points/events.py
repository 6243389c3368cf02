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


@dataclass(frozen=True)
class CommonSpent(Notification, kind="points.common_spent"):
    """To every household and the coordinators: a proposal the households passed was spent;
    `left` is the common balance after it."""

    proposal_id: int
    purpose: str
    amount: int
    left: int
    vote_id: int


@dataclass(frozen=True)
class CommonProposalShort(Notification, kind="points.common_short"):
    """To the coordinators: the households passed it, but the common points (`have`) no
    longer cover it at the close; nothing was spent."""

    proposal_id: int
    purpose: str
    amount: int
    have: int
