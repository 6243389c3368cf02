"""Coordinators' use cases: the queue, moving a report along the workflow, comments, and the
reminder when nobody acknowledged a report in time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.defects.events import AckReminder, CommentAdded, ReportFacts, StatusChanged
from core.defects.filing import AckPolicy
from core.defects.model import MAX_COMMENT, OPEN, DefectEvent, DefectReport, Status
from core.defects.notify import notify_coordinators, notify_household
from core.errors import DomainError, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork

PAGE = 5


def may_handle(member: Membership) -> int:
    """Only the complex's coordinators handle its reports (the queue, a report, the monthly
    summary); returns the complex they handle."""
    require_coordinator(member)
    assert member.complex_id is not None  # a coordinator's grant is for their complex
    return member.complex_id


async def handled_report(uow: UnitOfWork, member: Membership, report_id: int) -> DefectReport:
    """A report of the coordinator's own complex; any other id looks missing."""
    complex_id = may_handle(member)
    report = await uow.defects.get(report_id)
    if report is None or report.complex_id != complex_id:
        raise NotFound()
    return report


@dataclass(frozen=True)
class QueuePage:
    reports: list[DefectReport]
    total: int
    offset: int
    buildings: dict[int, str] = field(default_factory=dict)  # household id -> 동

    def building_of(self, report: DefectReport) -> str:
        return self.buildings.get(report.household_id, "")


async def queue(
    uow: UnitOfWork,
    member: Membership,
    *,
    status: str | None = None,
    category: str | None = None,
    building: str | None = None,
    offset: int = 0,
) -> QueuePage:
    """The complex's reports, urgent first, then oldest first; open ones unless a status
    is chosen; with the 동 of each (lists show the 동, never the unit)."""
    complex_id = may_handle(member)
    statuses: list[str] = [status] if status else sorted(OPEN)
    reports, total = await uow.defects.queue(
        complex_id,
        statuses=statuses,
        category=category,
        building=building,
        offset=max(offset, 0),
        limit=PAGE,
    )
    buildings = await uow.defects.buildings(sorted({r.household_id for r in reports}))
    return QueuePage(reports, total, offset, buildings)


async def open_buildings(uow: UnitOfWork, member: Membership) -> list[str]:
    """The 동 that have open reports, for the coordinator's filter buttons."""
    return await uow.defects.open_buildings(may_handle(member))


def is_overdue(report: DefectReport, now: datetime, policy: AckPolicy = AckPolicy()) -> bool:
    """Still not acknowledged after the time allowed (2 h urgent, 24 h otherwise)."""
    hours = policy.urgent_hours if report.urgent else policy.hours
    return report.status == Status.RECEIVED and now - report.created_at > timedelta(hours=hours)


async def change_status(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    report_id: int,
    target: str,
    *,
    reason: str = "",
    hold_until: datetime | None = None,
) -> DefectReport:
    """Move a report along 접수 → 확인 → 처리중 → 완료, or to 보류 / 반려.

    Rules:
    - Only coordinators of the report's complex.
    - Only the transitions of the workflow table; anything else is "defect.bad_transition".
    - 보류 needs a date in the future; 반려 needs a reason (≤ 500 characters).
    - Every member of the household is notified, once per change.
    """
    report = await handled_report(uow, member, report_id)
    if target not in set(Status) or not report.can_move_to(Status(target)):
        raise DomainError("defect.bad_transition", current=report.status, target=target)
    now = clock.now()
    reason = reason.strip()
    if target == Status.ON_HOLD and (hold_until is None or hold_until <= now):
        raise InvalidInput("defect.hold_needs_date")
    if target == Status.REJECTED and not reason:
        raise InvalidInput("defect.reject_needs_reason")
    if len(reason) > MAX_COMMENT:
        raise InvalidInput("defect.too_long", limit=MAX_COMMENT)
    report.status = target
    report.updated_at = now
    report.reason = reason
    report.hold_until = hold_until if target == Status.ON_HOLD else None
    if target == Status.ACKNOWLEDGED and report.acknowledged_at is None:
        report.acknowledged_at = now
    if target == Status.DONE:
        report.done_at = now
    events = await uow.defects.events(saved(report.id))
    await uow.defects.add_event(
        DefectEvent(
            saved(report.id), report.complex_id, now, "status", member.resident_id, target, reason
        )
    )
    await notify_household(
        uow,
        report,
        StatusChanged(ReportFacts.of(report), reason, hold_until),
        key=f"defect:{report.id}:event:{len(events) + 1}",
    )
    return report


async def add_comment(
    uow: UnitOfWork, clock: Clock, member: Membership, report_id: int, text: str
) -> DefectReport:
    """A coordinator's note to the household (≤ 500 characters), shown in the history."""
    report = await handled_report(uow, member, report_id)
    text = text.strip()
    if not text or len(text) > MAX_COMMENT:
        raise InvalidInput("defect.too_long", limit=MAX_COMMENT)
    events = await uow.defects.events(saved(report.id))
    await uow.defects.add_event(
        DefectEvent(
            saved(report.id),
            report.complex_id,
            clock.now(),
            "comment",
            member.resident_id,
            text=text,
        )
    )
    await notify_household(
        uow,
        report,
        CommentAdded(ReportFacts.of(report), text),
        key=f"defect:{report.id}:event:{len(events) + 1}",
    )
    return report


async def remind_unacknowledged(uow: UnitOfWork, report_id: int) -> bool:
    """The scheduled reminder: if the report is still 접수 (nobody acknowledged it), remind
    the complex's coordinators. Returns False when there was nothing to remind (then a late
    or repeated firing does nothing)."""
    report = await uow.defects.get(report_id)
    if report is None or report.status != Status.RECEIVED:
        return False
    await notify_coordinators(
        uow,
        report,
        AckReminder(ReportFacts.of(report)),
        key=f"defect:{saved(report.id)}:ack-reminder:{report.reopen_count}",
    )
    return True
