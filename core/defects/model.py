"""Defect reports, their history, and the workflow a coordinator moves them along.

접수 (received) → 확인 (acknowledged) → 처리중 (in progress) → 완료 (done);
보류 (on hold, with a date) and 반려 (rejected, with a reason) from the open states.
A household may reopen a completed report within 7 days, with a reason.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta


class Status(enum.StrEnum):
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    ON_HOLD = "on_hold"
    DONE = "done"
    REJECTED = "rejected"


class Category(enum.StrEnum):
    LEAK = "leak"  # 누수
    ELECTRIC = "electric"  # 전기
    HEATING = "heating"  # 난방·온수 (gas boilers)
    ELEVATOR = "elevator"  # 승강기
    COMMON = "common"  # 공용시설
    OTHER = "other"  # 기타


class Where(enum.StrEnum):
    HOME = "home"  # 우리 집
    COMMON = "common"  # 공용부


# 급함 is for safety only: water, electricity, gas (heating), elevators.
URGENT_CATEGORIES = frozenset(
    {Category.LEAK, Category.ELECTRIC, Category.HEATING, Category.ELEVATOR}
)

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.ACKNOWLEDGED, Status.ON_HOLD, Status.REJECTED}),
    Status.ACKNOWLEDGED: frozenset({Status.IN_PROGRESS, Status.ON_HOLD, Status.REJECTED}),
    Status.IN_PROGRESS: frozenset({Status.DONE, Status.ON_HOLD}),
    Status.ON_HOLD: frozenset({Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.REJECTED}),
    Status.DONE: frozenset(),
    Status.REJECTED: frozenset(),
}
OPEN = frozenset({Status.RECEIVED, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.ON_HOLD})

MAX_DESCRIPTION = 1000
MAX_PLACE = 50
MAX_PHOTOS = 3
MAX_PER_DAY = 10
REOPEN_WITHIN = timedelta(days=7)
MAX_COMMENT = 500


@dataclass(eq=False)
class DefectReport:
    complex_id: int
    household_id: int
    reporter_id: int
    category: str
    where: str
    description: str
    urgent: bool
    created_at: datetime
    updated_at: datetime
    place: str = ""
    photos: list[str] = field(default_factory=list)  # media ids
    status: str = Status.RECEIVED
    acknowledged_at: datetime | None = None
    done_at: datetime | None = None
    hold_until: datetime | None = None
    reason: str = ""  # why rejected or held
    reopen_count: int = 0
    rating: int | None = None
    rating_comment: str = ""
    supporters: int = 0  # other households who said "같은 문제예요"
    id: int | None = None

    @property
    def number(self) -> str:
        """The receipt number residents quote, e.g. D-2026-000123."""
        return f"D-{self.created_at.year}-{self.id:06d}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def can_move_to(self, target: Status) -> bool:
        return Status(target) in TRANSITIONS[Status(self.status)]


@dataclass(eq=False)
class DefectEvent:
    """One line of a report's history: a status change, a comment, a reopening, a rating."""

    report_id: int
    complex_id: int
    at: datetime
    kind: str  # filed | status | comment | reopened | rated | supported
    actor_id: int | None = None
    status: str = ""
    text: str = ""
    id: int | None = None
