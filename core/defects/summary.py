"""The monthly summary coordinators ask for: counts by category and status, and the median
time from filing to completion."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.defects.handling import may_handle
from core.defects.model import Category, DefectReport, Status
from core.identity.model import Membership

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class Summary:
    total: int
    by_category: dict[str, int]
    by_status: dict[str, int]
    median_hours_to_done: float | None  # None when nothing was completed
    urgent: int
    reopened: int


def summarize(reports: list[DefectReport]) -> Summary:
    durations = [
        (r.done_at - r.created_at).total_seconds() / 3600
        for r in reports
        if r.status == Status.DONE and r.done_at is not None
    ]
    by_category = Counter(r.category for r in reports)
    by_status = Counter(r.status for r in reports)
    return Summary(
        total=len(reports),
        by_category={c.value: by_category.get(c.value, 0) for c in Category},
        by_status={s.value: by_status.get(s.value, 0) for s in Status},
        median_hours_to_done=statistics.median(durations) if durations else None,
        urgent=sum(r.urgent for r in reports),
        reopened=sum(r.reopen_count > 0 for r in reports),
    )


async def monthly_summary(
    uow: UnitOfWork, member: Membership, start: datetime, end: datetime
) -> Summary:
    """Reports of the coordinator's complex filed in [start, end). Coordinators only."""
    complex_id = may_handle(member)
    return summarize(await uow.defects.created_between(complex_id, start, end))
