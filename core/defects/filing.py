"""Residents' use cases: file a report, see their household's reports, say "같은 문제예요"
on a neighbour's common-area report, rate a fix, reopen it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.defects.events import Reopened, ReportFacts, UrgentFiled
from core.defects.model import (
    MAX_COMMENT,
    MAX_DESCRIPTION,
    MAX_PER_DAY,
    MAX_PHOTOS,
    MAX_PLACE,
    REOPEN_WITHIN,
    URGENT_CATEGORIES,
    Category,
    DefectEvent,
    DefectReport,
    Status,
    Where,
)
from core.defects.notify import notify_coordinators
from core.errors import DomainError, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.proxy import ProxyTask, record_proxy
from core.identity.roles import require_household, require_self, require_verified
from core.ids import saved

if TYPE_CHECKING:
    from core.ports import UnitOfWork


ACK_JOB = "defect.ack"  # the reminder when nobody acknowledged a report in time


@dataclass(frozen=True)
class AckPolicy:
    """How soon coordinators must acknowledge a report before they are reminded."""

    hours: int = 24
    urgent_hours: int = 2


@dataclass(frozen=True)
class NewReport:
    category: str
    where: str
    description: str = ""
    place: str = ""
    photos: tuple[str, ...] = ()
    urgent: bool = False


require_resident = require_verified  # the name the defect use cases read best with


def household_of(member: Membership) -> tuple[int, int]:
    """(household id, complex id) of a verified member, or of the household a coordinator acts
    for (대신 하기: reports belong to the household, even one nobody verified yet); anyone
    else is refused."""
    if member.proxy is not None:
        require_household(member)
    else:
        require_resident(member)
    assert member.household_id is not None and member.complex_id is not None  # verified
    return member.household_id, member.complex_id


async def file_report(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    new: NewReport,
    policy: AckPolicy = AckPolicy(),
) -> DefectReport:
    """File a defect report for the member's household.

    Rules:
    - Only verified members of a household file, always for their own household and complex;
      a coordinator acting for a household (대신 하기) files for it, even when nobody has
      verified it yet (the report belongs to the household; the coordinator is then its
      reporter), marked and announced by `record_proxy`.
    - A category and a place kind from the fixed lists; 공용부 needs a place (≤ 50 characters).
    - A description (≤ 1,000 characters) and up to 3 photos, both optional: the category
      alone says what it is when the resident skipped the question (건너뛰기).
    - 급함 only for safety (water, electricity, gas/heating, elevators).
    - At most 10 reports a day per household ("defect.too_many").
    - Coordinators are reminded if nobody acknowledges it in time (2 h urgent, else 24 h);
      urgent reports notify them at once.
    """
    household_id, complex_id = household_of(member)
    if new.category not in set(Category) or new.where not in set(Where):
        raise InvalidInput("defect.bad_choice")
    description, place = new.description.strip(), new.place.strip()
    if len(description) > MAX_DESCRIPTION:
        raise InvalidInput("defect.too_long", limit=MAX_DESCRIPTION)
    if len(new.photos) > MAX_PHOTOS:
        raise InvalidInput("defect.too_many_photos", limit=MAX_PHOTOS)
    if new.where == Where.COMMON and not place:
        raise InvalidInput("defect.no_place")
    if len(place) > MAX_PLACE:
        raise InvalidInput("defect.too_long", limit=MAX_PLACE)
    if new.urgent and new.category not in URGENT_CATEGORIES:
        raise InvalidInput("defect.not_urgent_kind")
    now = clock.now()
    if await uow.defects.filed_since(household_id, now - timedelta(days=1)) >= MAX_PER_DAY:
        raise DomainError("defect.too_many", limit=MAX_PER_DAY)
    report = await uow.defects.add(
        DefectReport(
            complex_id=complex_id,
            household_id=household_id,
            reporter_id=member.resident_id,
            category=new.category,
            where=new.where,
            place=place if new.where == Where.COMMON else "",
            description=description,
            photos=list(new.photos),
            urgent=new.urgent,
            created_at=now,
            updated_at=now,
        )
    )
    report_id = saved(report.id)
    actor = member.proxy_by or member.resident_id  # who really filed it
    await uow.defects.add_event(
        DefectEvent(report_id, complex_id, now, "filed", actor, Status.RECEIVED)
    )
    hours = policy.urgent_hours if new.urgent else policy.hours
    await uow.jobs.at(
        ACK_JOB,
        str(report_id),
        now + timedelta(hours=hours),
        {"report_id": report_id},
        complex_id=report.complex_id,
    )
    if new.urgent:
        payload = UrgentFiled(ReportFacts.of(report))
        await notify_coordinators(uow, report, payload, key=f"defect:{report_id}:urgent")
    await record_proxy(
        uow,
        clock,
        member,
        ProxyTask.DEFECT,
        f"defect:{report_id}",
        code=report.category,
        number=report.number,
        what=report.place or report.description,
    )
    return report


async def get_own_or_handled(uow: UnitOfWork, member: Membership, report_id: int) -> DefectReport:
    """A report the member may open: their household's, or any of their complex if they are
    its coordinator. Anything else looks exactly like a missing report."""
    report = await uow.defects.get(report_id)
    if report is None or report.complex_id != member.complex_id:
        raise NotFound()
    if report.household_id != member.household_id and not member.is_coordinator:
        raise NotFound()
    return report


async def support_report(
    uow: UnitOfWork, clock: Clock, member: Membership, report_id: int
) -> DefectReport:
    """ "같은 문제예요": another household joins an open common-area report instead of filing
    a duplicate. Rules: same complex, common area, still open, not one's own, once each."""
    require_self(member)  # 대신 하기 does not offer this
    household_id, _ = household_of(member)
    report = await uow.defects.get(report_id)
    if (
        report is None
        or report.complex_id != member.complex_id
        or report.where != Where.COMMON
        or not report.is_open
    ):
        raise NotFound()
    if report.household_id == household_id:
        raise DomainError("defect.own_report")
    if not await uow.defects.add_supporter(saved(report.id), household_id, clock.now()):
        raise DomainError("defect.already_supported")
    report.supporters += 1
    await uow.defects.add_event(
        DefectEvent(
            saved(report.id), report.complex_id, clock.now(), "supported", member.resident_id
        )
    )
    return report


async def rate_fix(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    report_id: int,
    stars: int,
    comment: str = "",
) -> DefectReport:
    """Rate a completed fix 1–5 (once), with an optional comment (≤ 500 characters)."""
    require_self(member)  # 대신 하기 does not offer this
    report = await get_own_or_handled(uow, member, report_id)
    if report.household_id != member.household_id:
        raise NotFound()
    if report.status != Status.DONE:
        raise DomainError("defect.not_done")
    if report.rating is not None:
        raise DomainError("defect.already_rated")
    if not 1 <= stars <= 5:
        raise InvalidInput("defect.bad_rating")
    if len(comment.strip()) > MAX_COMMENT:
        raise InvalidInput("defect.too_long", limit=MAX_COMMENT)
    report.rating, report.rating_comment = stars, comment.strip()
    report.updated_at = clock.now()
    await uow.defects.add_event(
        DefectEvent(
            saved(report.id),
            report.complex_id,
            clock.now(),
            "rated",
            member.resident_id,
            text=str(stars),
        )
    )
    return report


async def reopen_report(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    report_id: int,
    reason: str,
    policy: AckPolicy = AckPolicy(),
) -> DefectReport:
    """Reopen a completed report within 7 days, with a reason; it goes back to 접수, the
    reopen count grows, and the coordinators are told."""
    require_self(member)  # 대신 하기 does not offer this
    report = await get_own_or_handled(uow, member, report_id)
    if report.household_id != member.household_id:
        raise NotFound()
    now = clock.now()
    if report.status != Status.DONE or report.done_at is None:
        raise DomainError("defect.not_done")
    if now - report.done_at > REOPEN_WITHIN:
        raise DomainError("defect.reopen_too_late", days=REOPEN_WITHIN.days)
    reason = reason.strip()
    if not reason or len(reason) > MAX_COMMENT:
        raise InvalidInput("defect.bad_reason", limit=MAX_COMMENT)
    report.status, report.reopen_count, report.updated_at = (
        Status.RECEIVED,
        report.reopen_count + 1,
        now,
    )
    report.acknowledged_at = report.done_at = None
    report.rating, report.rating_comment = None, ""
    await uow.defects.add_event(
        DefectEvent(
            saved(report.id),
            report.complex_id,
            now,
            "reopened",
            member.resident_id,
            Status.RECEIVED,
            reason,
        )
    )
    await uow.jobs.at(
        ACK_JOB,
        f"{report.id}:r{report.reopen_count}",
        now + timedelta(hours=policy.urgent_hours if report.urgent else policy.hours),
        {"report_id": report.id},
        complex_id=report.complex_id,
    )
    await notify_coordinators(
        uow,
        report,
        Reopened(ReportFacts.of(report), reason),
        key=f"defect:{report.id}:reopen:{report.reopen_count}",
    )
    return report
