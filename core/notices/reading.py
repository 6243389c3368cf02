"""Residents' use cases: 우리단지 → 공지사항 (the notices that reached them, pinned first,
newest first, paged) and reading one, which records the read once; coordinators see counts."""

from __future__ import annotations

from dataclasses import dataclass

from core.clock import Clock
from core.errors import Forbidden, NotFound
from core.identity.model import Membership
from core.notices.model import Notice, NoticeStatus

PAGE = 5


@dataclass(frozen=True)
class NoticePage:
    notices: list[Notice]
    total: int
    offset: int


async def _building(uow, member: Membership) -> str:
    if not member.verified:
        raise Forbidden("not_verified")
    household = await uow.households.get(member.household_id)
    return household.building


async def list_notices(uow, member: Membership, offset: int = 0) -> NoticePage:
    """The notices of the member's complex that reached their 동 (sent or being sent)."""
    building = await _building(uow, member)
    offset = max(offset, 0)
    notices, total = await uow.notices.visible(
        member.complex_id, building, offset=offset, limit=PAGE
    )
    return NoticePage(notices, total, offset)


async def read_notice(uow, clock: Clock, member: Membership, notice_id: int) -> Notice:
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
    await uow.notices.mark_read(notice.id, member.resident_id, notice.complex_id, clock.now())
    return notice
