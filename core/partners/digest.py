"""The weekly 동네 가게 혜택 digest: residents opt in or out in chat; every Monday at 9:00
(Seoul) a scheduled job per complex sends the open offers to those who opted in.

Rules:
- Verified residents only; opting in twice, or out twice, changes nothing.
- The job is a row (kind "partners.digest", key "<complex>:<day>") claimed atomically by the
  scheduler; it is armed when someone opts in and re-arms itself for the next Monday.
- Sent through the outbox with the cause key "partners:digest:<complex>:<day>", so a late or
  repeated run never sends the same week twice; nothing is sent when no offer is open.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from core.clock import Clock
from core.identity.model import Membership
from core.partners.events import OfferLine, OffersDigest
from core.partners.reading import offers_of
from core.shop.catalog import home_of

if TYPE_CHECKING:
    from core.ports import UnitOfWork

DIGEST_JOB = "partners.digest"
KST = ZoneInfo("Asia/Seoul")
SEND_AT = time(9, 0)
LISTED = 10  # offers in one digest


def next_monday(now: datetime) -> datetime:
    """The next Monday 9:00 in Seoul strictly after `now`, in UTC."""
    local = now.astimezone(KST)
    day = local.date() + timedelta(days=(7 - local.weekday()) % 7)
    due = datetime.combine(day, SEND_AT, KST)
    if due <= local:
        due += timedelta(days=7)
    return due.astimezone(UTC)


async def arm(uow: UnitOfWork, clock: Clock, complex_id: int) -> None:
    """Make sure the complex's next digest is armed (idempotent)."""
    due = next_monday(clock.now())
    key = f"{complex_id}:{due.astimezone(KST).date().isoformat()}"
    await uow.jobs.at(DIGEST_JOB, key, due, {"complex_id": complex_id}, complex_id=complex_id)


async def set_digest(uow: UnitOfWork, clock: Clock, member: Membership, on: bool) -> bool:
    """Opt the resident in (`on`) or out; True when something changed."""
    complex_id, _ = home_of(member)
    if not on:
        return await uow.partners.digest.unsubscribe(member.resident_id)
    added = await uow.partners.digest.subscribe(member.resident_id, complex_id, clock.now())
    await arm(uow, clock, complex_id)
    return added


async def is_subscribed(uow: UnitOfWork, member: Membership) -> bool:
    home_of(member)
    return await uow.partners.digest.subscribed(member.resident_id)


async def send_digest(uow: UnitOfWork, clock: Clock, complex_id: int) -> int:
    """The job: send this week's digest to the complex's subscribers, arm the next one;
    how many residents it was queued for."""
    subscribers = await uow.partners.digest.subscribers(complex_id)
    if not subscribers:
        return 0  # nobody left: not re-armed (the next opt-in arms it)
    await arm(uow, clock, complex_id)
    items = await offers_of(uow, clock, complex_id)
    if not items:
        return 0
    lines = tuple(
        OfferLine(i.shop_name, i.offer.title, i.offer.discount_kind, i.offer.discount)
        for i in items[:LISTED]
    )
    day = clock.now().astimezone(KST).date().isoformat()
    key = f"partners:digest:{complex_id}:{day}"
    await uow.notifier.notify_many(
        subscribers, OffersDigest(lines), key=key, complex_id=complex_id
    )
    return len(subscribers)
