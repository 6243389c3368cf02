"""Coordinators and the market: 코디네이터 확인 (a provider met in person), reports, hiding a
listing, suspending a resident's posting and lifting it. Every action needs a coordinator of
the same complex and is written to the audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, Forbidden, NotFound
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.share.events import ListingHidden, PostingRestored, PostingSuspended
from core.share.listings import check_text, get_listing
from core.share.model import MAX_TEXT, Listing, ListingStatus, ShareReport, Standing, id_of

if TYPE_CHECKING:
    from core.ports import UnitOfWork


def coordinated_complex(member: Membership) -> int:
    """A coordinator of their complex (Forbidden otherwise); returns that complex."""
    require_coordinator(member)
    if member.complex_id is None:
        raise Forbidden()
    return member.complex_id


async def _standing(uow: UnitOfWork, resident_id: int, complex_id: int) -> Standing:
    standing = await uow.share.standing(resident_id)
    if standing is None:
        standing = Standing(resident_id, complex_id)
    return standing


async def verify_provider(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int
) -> Listing:
    """코디네이터 확인: the coordinator met the listing's poster in person; the badge shows on
    all their listings. Audited ("share.verify")."""
    require_coordinator(member)
    listing = await get_listing(uow, member, listing_id)
    standing = await _standing(uow, listing.poster_id, listing.complex_id)
    if standing.verified_at is not None:
        raise DomainError("share.already_verified")
    standing.verified_at, standing.verified_by = clock.now(), member.resident_id
    await uow.share.save_standing(standing)
    detail = f"resident={listing.poster_id} listing={listing.id}"
    await uow.share.audit(
        clock.now(), listing.complex_id, member.resident_id, "share.verify", detail
    )
    return listing


async def open_reports(uow: UnitOfWork, member: Membership, limit: int = 10) -> list[ShareReport]:
    complex_id = coordinated_complex(member)
    return await uow.share.open_reports(complex_id, limit=limit)


async def _report(uow: UnitOfWork, member: Membership, report_id: int) -> ShareReport:
    complex_id = coordinated_complex(member)
    report = await uow.share.get_report(report_id)
    if report is None or report.complex_id != complex_id:
        raise NotFound()
    return report


async def hide_listing(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int, reason: str
) -> Listing:
    """글 숨기기: with a reason (≤ 500); the poster is told; open reports on it are closed."""
    require_coordinator(member)
    reason = check_text(reason, MAX_TEXT, required=True)
    listing = await get_listing(uow, member, listing_id)
    if listing.status == ListingStatus.HIDDEN:
        raise DomainError("share.already_hidden")
    listing.status, listing.updated_at = ListingStatus.HIDDEN, clock.now()
    await _handled(uow, clock, member, id_of(listing))
    detail = f"listing={listing.id} reason={reason}"
    await uow.share.audit(
        clock.now(), listing.complex_id, member.resident_id, "share.hide", detail
    )
    await uow.notifier.notify(
        listing.poster_id,
        ListingHidden(listing.title, reason),
        key=f"share:hide:{listing.id}",
        complex_id=listing.complex_id,
    )
    return listing


async def suspend_poster(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int, reason: str
) -> Standing:
    """글쓰기 정지: the listing's poster can no longer post, ask for rides or contact anyone
    in the market until a coordinator lifts it. With a reason; audited; the poster is told."""
    require_coordinator(member)
    reason = check_text(reason, MAX_TEXT, required=True)
    listing = await get_listing(uow, member, listing_id)
    if listing.poster_id == member.resident_id:
        raise DomainError("share.own_listing")
    standing = await _standing(uow, listing.poster_id, listing.complex_id)
    standing.suspended_at, standing.suspended_reason = clock.now(), reason
    await uow.share.save_standing(standing)
    await _handled(uow, clock, member, id_of(listing))
    detail = f"resident={listing.poster_id} listing={listing.id} reason={reason}"
    await uow.share.audit(
        clock.now(), listing.complex_id, member.resident_id, "share.suspend", detail
    )
    await uow.notifier.notify(
        listing.poster_id,
        PostingSuspended(reason),
        key=f"share:suspend:{listing.poster_id}:{listing.id}",
        complex_id=listing.complex_id,
    )
    return standing


async def suspended_posters(
    uow: UnitOfWork, member: Membership, limit: int = 10
) -> list[Standing]:
    """Residents of the coordinator's complex whose posting is suspended."""
    complex_id = coordinated_complex(member)
    return await uow.share.suspended(complex_id, limit=limit)


async def lift_suspension(
    uow: UnitOfWork, clock: Clock, member: Membership, resident_id: int
) -> Standing:
    """정지 풀기: a coordinator of the same complex lets a suspended resident post and contact
    again. Audited ("share.lift", with the reason it had); the resident is told. A resident of
    another complex reads as "찾을 수 없어요"; one not suspended is refused."""
    require_coordinator(member)
    standing = await uow.share.standing(resident_id)
    if standing is None or standing.complex_id != member.complex_id:
        raise NotFound()
    if standing.suspended_at is None:
        raise DomainError("share.not_suspended")
    since, reason = standing.suspended_at, standing.suspended_reason
    standing.suspended_at, standing.suspended_reason = None, ""
    await uow.share.save_standing(standing)
    detail = f"resident={resident_id} suspended_at={since.isoformat()} reason={reason}"
    await uow.share.audit(
        clock.now(), standing.complex_id, member.resident_id, "share.lift", detail
    )
    await uow.notifier.notify(
        resident_id,
        PostingRestored(),
        key=f"share:lift:{resident_id}:{since.isoformat()}",
        complex_id=standing.complex_id,
    )
    return standing


async def _handled(uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int) -> None:
    for report in await uow.share.open_reports(coordinated_complex(member), limit=100):
        if report.listing_id == listing_id:
            report.handled_at = clock.now()


async def dismiss_report(
    uow: UnitOfWork, clock: Clock, member: Membership, report_id: int
) -> ShareReport:
    """문제없음: the coordinator closes a report without action."""
    report = await _report(uow, member, report_id)
    report.handled_at = report.handled_at or clock.now()
    return report
