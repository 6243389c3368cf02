"""What residents and coordinators read about notices, scoped and role-checked here.

Residents: 우리단지 → 공지사항 (the notices that reached them, pinned first, newest first,
paged) and reading one, which records the read once. Coordinators: the 동 a notice (or a
vote) can target, the complex's notices with their read counts, and one notice's progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.roles import require_coordinator, require_verified
from core.ids import saved
from core.notices.broadcast import complex_of, notice_progress, own_notice
from core.notices.model import (
    UNREACHED_HOURS,
    ChannelDelivery,
    Notice,
    NoticeStatus,
    Progress,
    UnreachedBuilding,
    delivery_of,
)

if TYPE_CHECKING:
    from core.ports import UnitOfWork

PAGE = 5
UNREACHED_PAGE = 10  # 동 per page of "아직 못 받은 세대"
CHANNEL_ORDER = ("kakao", "telegram", "web", "alimtalk")  # the report's lines, in this order


@dataclass(frozen=True)
class NoticePage:
    notices: list[Notice]
    total: int
    offset: int


@dataclass(frozen=True)
class SentNotice:
    """A notice in the coordinators' list, with how many residents read it."""

    notice: Notice
    reads: int


@dataclass(frozen=True)
class SentPage:
    notices: list[SentNotice]
    total: int
    offset: int


@dataclass(frozen=True)
class NoticeReport:
    """One notice as its coordinator follows it: the broadcast's progress and the reads
    once it has started going out (None while it is scheduled or after it was cancelled)."""

    notice: Notice
    progress: Progress | None
    reads: int
    channels: tuple[ChannelDelivery, ...] = ()  # one per channel with rows, CHANNEL_ORDER
    unqueued: int = 0  # accounts the broadcast has still to queue (while it is being sent)

    @property
    def total(self) -> ChannelDelivery:
        """Every channel together; the accounts still to queue count as 보내는 중."""
        total = ChannelDelivery("", sending=self.unqueued)
        for c in self.channels:
            total = ChannelDelivery(
                "",
                total.pushed + c.pushed,
                total.waiting + c.waiting,
                total.read + c.read,
                total.failed + c.failed,
                total.sending + c.sending,
            )
        return total


@dataclass(frozen=True)
class UnreachedPage:
    """ "아직 못 받은 세대": per 동 (never the unit), the households a notice has not reached
    `hours` after it was queued for them; `too_early` while the notice is younger than that."""

    notice: Notice
    hours: int
    buildings: list[UnreachedBuilding]
    total: int  # 동 with such households
    households: int  # households in all those 동
    offset: int
    too_early: bool = False


async def _building(uow: UnitOfWork, member: Membership) -> str:
    require_verified(member)
    household = None
    if member.household_id is not None:
        household = await uow.households.get(member.household_id)
    if household is None:
        raise Forbidden("not_verified")
    return household.building


async def complex_buildings(uow: UnitOfWork, complex_id: int) -> list[str]:
    """The 동 of the complex that have households, sorted (what a notice or a vote may
    target)."""
    return await uow.notices.buildings(complex_id)


async def target_buildings(uow: UnitOfWork, member: Membership) -> list[str]:
    """The 동 a coordinator may send a notice to (the 공지 보내기 dialog offers them)."""
    require_coordinator(member)
    return await complex_buildings(uow, complex_of(member))


async def list_notices(uow: UnitOfWork, member: Membership, offset: int = 0) -> NoticePage:
    """The notices of the member's complex that reached their 동 (sent or being sent)."""
    building = await _building(uow, member)
    offset = max(offset, 0)
    notices, total = await uow.notices.visible(
        complex_of(member), building, offset=offset, limit=PAGE
    )
    return NoticePage(notices, total, offset)


async def latest_notice(uow: UnitOfWork, clock: Clock, member: Membership) -> Notice | None:
    """The newest notice that reached the member (by when it went out; pinned or not),
    opened (the read recorded once); None when there is none yet."""
    building = await _building(uow, member)
    newest = await uow.notices.newest_visible(complex_of(member), building)
    if newest is None:
        return None
    if not member.is_coordinator:  # (coordinators' reads are not counted)
        await uow.notices.mark_read(
            saved(newest.id), member.resident_id, newest.complex_id, clock.now()
        )
    return newest


async def read_notice(uow: UnitOfWork, clock: Clock, member: Membership, notice_id: int) -> Notice:
    """Open a notice (from the list or its "확인" button) and record the read once.

    Rules: only notices of the member's complex that reached their 동 and have gone out;
    anything else reads as missing. Coordinators may open every notice of their complex
    (their reads are not counted)."""
    notice = await uow.notices.get(notice_id)
    if notice is None or notice.complex_id != member.complex_id:
        raise NotFound()
    if member.is_coordinator:
        return notice
    building = await _building(uow, member)
    sent = notice.status in (NoticeStatus.SENDING, NoticeStatus.SENT)
    if not sent or not notice.reaches(building):
        raise NotFound()
    await uow.notices.mark_read(
        saved(notice.id), member.resident_id, notice.complex_id, clock.now()
    )
    return notice


async def sent_notices(uow: UnitOfWork, member: Membership, offset: int = 0) -> SentPage:
    """보낸 공지: every notice of the coordinator's complex, newest first, each with its
    read count (one query for the page's counts)."""
    require_coordinator(member)
    offset = max(offset, 0)
    notices, total = await uow.notices.for_complex(complex_of(member), offset=offset, limit=PAGE)
    reads = await uow.notices.read_counts([saved(n.id) for n in notices])
    page = [SentNotice(n, reads.get(saved(n.id), 0)) for n in notices]
    return SentPage(page, total, offset)


async def notice_report(
    uow: UnitOfWork, clock: Clock, member: Membership, notice_id: int
) -> NoticeReport:
    """One of the complex's notices for its coordinators: scheduled or cancelled as it is;
    once it goes out, how far the broadcast is and how many residents read it."""
    notice = await own_notice(uow, member, notice_id)
    if notice.status in (NoticeStatus.SCHEDULED, NoticeStatus.CANCELLED):
        return NoticeReport(notice, None, 0)
    progress = await notice_progress(uow, clock, notice)
    reads = await uow.notices.read_count(saved(notice.id))
    channels = await channel_deliveries(uow, notice)
    queued = sum(c.total for c in channels)
    unqueued = 0 if notice.status == NoticeStatus.SENT else max(progress.total - queued, 0)
    return NoticeReport(notice, progress, reads, channels, unqueued)


async def channel_deliveries(uow: UnitOfWork, notice: Notice) -> tuple[ChannelDelivery, ...]:
    """The broadcast's rows per channel in the four states (and 보내는 중): see `Delivery`."""
    per: dict[str, ChannelDelivery] = {}
    for channel, mode, status, read, count in await uow.notices.delivery_rows(
        notice.batch, saved(notice.id)
    ):
        line = per.get(channel, ChannelDelivery(channel))
        per[channel] = line.plus(delivery_of(mode, status, read), count)

    def rank(channel: str) -> tuple[int, str]:
        known = channel in CHANNEL_ORDER
        return (CHANNEL_ORDER.index(channel) if known else len(CHANNEL_ORDER), channel)

    return tuple(per[c] for c in sorted(per, key=rank))


async def unreached_households(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    notice_id: int,
    hours: int,
    offset: int = 0,
) -> UnreachedPage:
    """ "아직 못 받은 세대" of one of the coordinator's notices, `hours` (6 or 24) after it went
    out.

    Rules:
    - Only the complex's coordinators, only for a notice of their own complex.
    - Only a notice that went out (보내는 중 or 보냄); `hours` is one of UNREACHED_HOURS.
    - A household is reached when any of its accounts got the notice (pushed, or handed
      over with a message) or any of its residents read it; households counted are those
      with an account the notice was queued for at least `hours` ago.
    - Shown per 동, never with the unit, 10 동 a page.
    """
    notice = await own_notice(uow, member, notice_id)
    if hours not in UNREACHED_HOURS:
        raise InvalidInput("notice.bad_hours")
    if notice.status not in (NoticeStatus.SENDING, NoticeStatus.SENT):
        raise DomainError("notice.not_out")
    offset = max(offset, 0)
    before = clock.now() - timedelta(hours=hours)
    if notice.started_at is None or notice.started_at > before:
        return UnreachedPage(notice, hours, [], 0, 0, 0, too_early=True)
    rows = await uow.notices.unreached(notice.complex_id, notice.batch, saved(notice.id), before)
    households = sum(b.households for b in rows)
    page = rows[offset : offset + UNREACHED_PAGE]
    return UnreachedPage(notice, hours, page, len(rows), households, offset)
