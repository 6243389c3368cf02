"""The desk's records and figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class DeskSession:
    """A signed-in desk. The cookie holds the token; the row keeps only its keyed hash."""

    resident_id: int
    token_hash: str
    created_at: datetime
    expires_at: datetime
    complex_id: int | None = None  # the coordinator's complex; None for an operator
    ended_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class BuildingCount:
    """One 동: its households and how many of them have a verified resident."""

    building: str
    households: int
    verified: int

    @property
    def not_verified(self) -> int:
        return self.households - self.verified


@dataclass(frozen=True)
class BuildingTurnout:
    """One 동 of a vote: households that may vote and households that did (counts only:
    never who chose what)."""

    building: str
    eligible: int
    voted: int

    @property
    def percent(self) -> int:
        return self.voted * 100 // self.eligible if self.eligible else 0


@dataclass(frozen=True)
class ComplexFigures:
    """A complex at a glance, for the operator."""

    id: int
    code: str
    name: str
    households: int
    verified: int
    open_defects: int
    open_votes: int
    coordinators: int


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    actor_id: int | None
    action: str
    detail: str
