"""What residents and coordinators read about defect reports, scoped and role-checked here:
the household's own reports, the complex's open common-area reports (without who filed
them), one report with its history, and a report as its coordinator opens it (the unit, to
visit it).

Rules:
- residents read their own household's reports and their complex's open common-area ones;
  anything else reads as missing;
- coordinators read every report of their own complex.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import Clock
from core.defects.filing import get_own_or_handled, household_of
from core.defects.handling import handled_report
from core.defects.model import REOPEN_WITHIN, DefectEvent, DefectReport, Status
from core.identity.model import Membership
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork

PAGE = 5  # reports a page in the residents' lists


@dataclass(frozen=True)
class ReportPage:
    reports: list[DefectReport]
    total: int
    offset: int


@dataclass(frozen=True)
class ReportHistory:
    """A report as the household (or a coordinator, from a notification) opens it."""

    report: DefectReport
    events: list[DefectEvent]
    own: bool  # filed by the member's household
    can_rate: bool  # 완료, not rated yet, own
    can_reopen: bool  # 완료 less than 7 days ago, own


@dataclass(frozen=True)
class HandledDetails:
    """A report as its coordinator opens it: where exactly, to visit it."""

    report: DefectReport
    building: str
    unit: str
    events: list[DefectEvent]


async def reporting_building(uow: UnitOfWork, member: Membership) -> str:
    """The 동 of the household a report is filed for (also in 대신 하기): what "우리 동"
    means in the description buttons ("" when the household is gone)."""
    household_id, _ = household_of(member)
    household = await uow.households.get(household_id)
    return household.building if household is not None else ""


async def open_common_count(uow: UnitOfWork, member: Membership) -> int:
    """How many common-area reports of the member's complex are open (offered before filing
    another one)."""
    _, complex_id = household_of(member)
    _, total = await uow.defects.open_common(complex_id, offset=0, limit=1)
    return total


async def household_reports(uow: UnitOfWork, member: Membership, offset: int = 0) -> ReportPage:
    """내 신고 내역: the household's reports, newest first, a page at a time."""
    household_id, _ = household_of(member)
    offset = max(offset, 0)
    reports, total = await uow.defects.for_household(household_id, offset=offset, limit=PAGE)
    return ReportPage(reports, total, offset)


async def common_reports(uow: UnitOfWork, member: Membership, offset: int = 0) -> ReportPage:
    """우리 단지 공용부 신고: the complex's open common-area reports, newest first."""
    _, complex_id = household_of(member)
    offset = max(offset, 0)
    reports, total = await uow.defects.open_common(complex_id, offset=offset, limit=PAGE)
    return ReportPage(reports, total, offset)


async def report_history(
    uow: UnitOfWork, clock: Clock, member: Membership, report_id: int
) -> ReportHistory:
    """One report with its history (scope as `get_own_or_handled`), and whether the
    household may rate or reopen it now."""
    report = await get_own_or_handled(uow, member, report_id)
    events = await uow.defects.events(saved(report.id))
    own = report.household_id == member.household_id
    done = own and report.status == Status.DONE
    recent = report.done_at is not None and clock.now() - report.done_at <= REOPEN_WITHIN
    return ReportHistory(
        report,
        events,
        own=own,
        can_rate=done and report.rating is None,
        can_reopen=done and recent,
    )


async def handled_details(uow: UnitOfWork, member: Membership, report_id: int) -> HandledDetails:
    """A report of the coordinator's own complex with its household's 동 and 호 and its
    history; any other id looks missing."""
    report = await handled_report(uow, member, report_id)
    household = await uow.households.get(report.household_id)
    events = await uow.defects.events(saved(report.id))
    building, unit = (household.building, household.unit) if household else ("", "")
    return HandledDetails(report, building, unit, events)
