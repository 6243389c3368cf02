"""Coordinators' use cases: write a notice (now or at a time), cancel a scheduled one, pin
it; and the broadcast itself, run by the scheduled job "notice.send" in chunks, so a
26,000-household notice never sits in one transaction and a crash resumes where it stopped.

Delivery is one outbox notification per resident ("notice", batch `notice:<id>`, keyed by the
notice, so a repeated chunk queues nothing twice); 긴급 notices go first in the outbox, and
also by 알림톡 to residents who asked for it (도움말 → 알림 받는 방법).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.media import MediaStore
from core.notices.events import NoticePublished
from core.notices.model import (
    CHUNK,
    MAX_AHEAD,
    MAX_BUILDINGS,
    MAX_TEXT,
    Notice,
    NoticeStatus,
    Progress,
)

if TYPE_CHECKING:
    from core.ports import UnitOfWork

log = logging.getLogger("naechingu.notices")
SEND_JOB = "notice.send"


@dataclass(frozen=True)
class NewNotice:
    text: str
    buildings: tuple[str, ...] = ()  # empty: 단지 전체
    urgent: bool = False
    send_at: datetime | None = None  # None: now
    photo: str | None = None


def complex_of(member: Membership) -> int:
    """The member's complex (every verified resident and coordinator has one)."""
    if member.complex_id is None:
        raise Forbidden("not_verified")
    return member.complex_id


async def check_notice(
    uow: UnitOfWork, clock: Clock, member: Membership, new: NewNotice
) -> NewNotice:
    """Validate a notice without saving it (the dialog's preview uses the same rules).

    Rules:
    - Only the complex's coordinators write notices, always for their own complex.
    - Text: 1 to 1,000 characters (spaces trimmed).
    - Target: the whole complex, or 1 to 30 of its 동 that have households.
    - A scheduled time must be in the future and at most 60 days ahead.
    """
    require_coordinator(member)
    text = new.text.strip()
    if not text:
        raise InvalidInput("notice.empty")
    if len(text) > MAX_TEXT:
        raise InvalidInput("notice.too_long", limit=MAX_TEXT)
    buildings = tuple(sorted(set(new.buildings)))
    if len(buildings) > MAX_BUILDINGS:
        raise InvalidInput("notice.bad_target")
    known = set(await uow.notices.buildings(complex_of(member)))
    if any(b not in known for b in buildings):
        raise InvalidInput("notice.bad_target")
    now = clock.now()
    if new.send_at is not None and not now < new.send_at <= now + MAX_AHEAD:
        raise InvalidInput("notice.bad_time", days=MAX_AHEAD.days)
    return NewNotice(text, buildings, new.urgent, new.send_at, new.photo)


async def create_notice(
    uow: UnitOfWork, clock: Clock, member: Membership, new: NewNotice
) -> Notice:
    """Save the notice and arm its broadcast (at once, or at the chosen time)."""
    new = await check_notice(uow, clock, member, new)
    now = clock.now()
    notice = await uow.notices.add(
        Notice(
            complex_id=complex_of(member),
            author_id=member.resident_id,
            text=new.text,
            created_at=now,
            send_at=new.send_at or now,
            urgent=new.urgent,
            buildings=list(new.buildings),
            photo=new.photo,
        )
    )
    await uow.jobs.at(
        SEND_JOB,
        f"{notice.id}:0",
        notice.send_at,
        {"notice_id": notice.id, "after": 0},
        complex_id=notice.complex_id,
    )
    return notice


async def own_notice(uow: UnitOfWork, member: Membership, notice_id: int) -> Notice:
    require_coordinator(member)
    notice = await uow.notices.get(notice_id)
    if notice is None or notice.complex_id != member.complex_id:
        raise NotFound()
    return notice


async def cancel_notice(
    uow: UnitOfWork, clock: Clock, member: Membership, notice_id: int
) -> Notice:
    """Cancel a scheduled notice before it goes (one conditional update: a notice the job has
    started sending can no longer be cancelled)."""
    notice = await own_notice(uow, member, notice_id)
    if not await uow.notices.transition(
        notice_id, NoticeStatus.SCHEDULED, NoticeStatus.CANCELLED, clock.now()
    ):
        raise DomainError("notice.already_sent")
    await uow.jobs.cancel(SEND_JOB, f"{notice.id}:0")
    notice.status = NoticeStatus.CANCELLED
    return notice


async def pin_notice(uow: UnitOfWork, member: Membership, notice_id: int, pinned: bool) -> Notice:
    """Pinned notices come first in 공지사항 (a sent notice only)."""
    notice = await own_notice(uow, member, notice_id)
    if notice.status not in (NoticeStatus.SENDING, NoticeStatus.SENT):
        raise DomainError("notice.not_sent")
    notice.pinned = pinned
    return notice


async def send_chunk(
    uow: UnitOfWork,
    clock: Clock,
    notice_id: int,
    after: int,
    chunk: int = CHUNK,
    media: MediaStore | None = None,
) -> int:
    """Queue the notice for the next `chunk` residents with id > `after`, then arm the next
    chunk (or mark it sent). Returns the last resident id reached (0 when nothing was done).

    Rules:
    - The first chunk moves 예약 → 보내는 중 atomically; a cancelled notice sends nothing.
    - Every chunk is idempotent: its notifications are keyed by the notice and the resident.
    - A 긴급 notice also goes by 알림톡 to residents who gave a number for it (`alert`).
    The photo goes with its URL from `media` (the channels fetch it there).
    """
    notice = await uow.notices.get(notice_id)
    if notice is None:
        return 0
    now = clock.now()
    if after == 0:
        if not await uow.notices.transition(
            notice_id, NoticeStatus.SCHEDULED, NoticeStatus.SENDING, now
        ):
            log.info(
                "notice %d: not scheduled any more (%s), nothing sent", notice.id, notice.status
            )
            return 0
    elif notice.status != NoticeStatus.SENDING:
        return 0
    ids = await uow.notices.recipients(
        notice.complex_id, notice.buildings, after=after, limit=chunk
    )
    photo_url = media.url(notice.photo) if media is not None and notice.photo else None
    await uow.notifier.notify_many(
        ids,
        NoticePublished.of(notice, photo_url),
        key=f"notice:{notice.id}",
        urgent=notice.urgent,
        batch=notice.batch,
        complex_id=notice.complex_id,
        alert=notice.urgent,
    )
    notice.recipients += len(ids)
    if len(ids) == chunk:
        await uow.jobs.at(
            SEND_JOB,
            f"{notice.id}:{ids[-1]}",
            now,
            {"notice_id": notice.id, "after": ids[-1]},
            complex_id=notice.complex_id,
        )
    else:
        await uow.notices.transition(notice_id, NoticeStatus.SENDING, NoticeStatus.SENT, now)
        notice.status, notice.sent_at = NoticeStatus.SENT, now
    return ids[-1] if ids else after


async def progress(uow: UnitOfWork, clock: Clock, member: Membership, notice_id: int) -> Progress:
    """How far the broadcast of one of the coordinator's notices is."""
    return await notice_progress(uow, clock, await own_notice(uow, member, notice_id))


async def notice_progress(uow: UnitOfWork, clock: Clock, notice: Notice) -> Progress:
    """How far the broadcast is: from the outbox rows of its batch; the time left is guessed
    from the rate so far."""
    counts = await uow.notices.batch_counts(notice.batch)
    waiting = await uow.notices.inbox_waiting(notice.batch)
    total = sum(counts.values())
    pending = counts.get("pending", 0) + counts.get("sending", 0) - waiting
    delivered = counts.get("sent", 0) + waiting
    failed, blocked = counts.get("failed", 0), counts.get("blocked", 0)
    if notice.status != NoticeStatus.SENT:
        expected = await uow.notices.expected_messages(notice.complex_id, notice.buildings)
        total = max(total, expected)
        pending = total - delivered - failed - blocked
    seconds_left = None
    done = delivered + failed + blocked
    if pending and notice.started_at is not None and done:
        elapsed = (clock.now() - notice.started_at).total_seconds()
        if elapsed > 0:
            seconds_left = int(pending / (done / elapsed)) + 1
    finished = notice.status == NoticeStatus.SENT and pending <= 0
    return Progress(total, delivered, failed, blocked, max(pending, 0), seconds_left, finished)
