"""Quick picks for 카풀 올리기: rides a resident can post with one tap, built from their own
history ("지난번처럼": their last carpool again) and from the complex's common routes (the
routes neighbours post most, at their most common time). The dialog still shows the full
summary and asks for the final 올리기; `post_carpool` checks every rule again.

Rules:
- "지난번처럼" repeats the resident's newest carpool — or, when they have none, the newest of
  their 세대 (a family shares its car) — (side, places, seats, cost, 반복) at the
  same time of day on the first day it is still ahead (at least 30 minutes from now) and, for
  a paid ride, on a day and at a time when a paid ride may leave (평일, not a public holiday).
- Common routes: the open carpools of the complex grouped by route and time of day, the most
  posted first, at most `COMMON` of them, never the same route as "지난번처럼"; they are 무료
  and offer the seats most often offered on that route.
- From ≠ to: a route whose places are the same is never offered.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.identity.model import Membership
from core.share.listings import require_member
from core.share.model import REMIND_BEFORE, Kind, Listing, ListingStatus
from core.share.ride_time import KST, NO_HOLIDAYS, Holidays, paid_ride_refusal

if TYPE_CHECKING:
    from core.ports import UnitOfWork

COMMON = 2
LOOK_AHEAD_DAYS = 8  # a time of day is always found again within a week (+1)
HISTORY = 20  # the resident's newest listings looked at for their last carpool
SAMPLE = 50  # the complex's open carpools looked at for common routes


@dataclass(frozen=True)
class QuickRide:
    side: str  # "" for a common route: either side (the resident's own answer decides)
    origin: str
    destination: str
    departs_at: datetime
    seats: int
    price: int = 0
    repeat: bool = False
    last: bool = False  # "지난번처럼"


def same_place(a: str, b: str) -> bool:
    """출발지 and 도착지 are the same place (spacing and case aside)."""
    return "".join(a.split()).casefold() == "".join(b.split()).casefold()


def next_departure(
    at: time, now: datetime, *, paid: bool, holidays: Holidays = NO_HOLIDAYS
) -> datetime | None:
    """The first departure at `at` (KST) at least 30 minutes ahead of `now` (and, for a paid
    ride, when a paid ride may leave); None when there is none within a week."""
    first = now.astimezone(KST).date()
    for n in range(LOOK_AHEAD_DAYS):
        when = datetime.combine(first + timedelta(days=n), at, tzinfo=KST)
        if when < now + REMIND_BEFORE:
            continue
        if paid and paid_ride_refusal(when, holidays) is not None:
            continue
        return when
    return None


def _time_of(listing: Listing) -> time:
    return listing.departure.astimezone(KST).time().replace(second=0, microsecond=0)


async def _last_ride(uow: UnitOfWork, resident_id: int) -> Listing | None:
    mine, _ = await uow.share.by_poster(resident_id, offset=0, limit=HISTORY)
    return next(
        (
            item
            for item in mine
            if item.kind == Kind.CARPOOL
            and item.departs_at is not None
            and item.status != ListingStatus.HIDDEN
            and not same_place(item.origin, item.destination)
        ),
        None,
    )


async def quick_rides(
    uow: UnitOfWork, clock: Clock, member: Membership, holidays: Holidays = NO_HOLIDAYS
) -> list[QuickRide]:
    """The resident's quick picks, "지난번처럼" first (see the module's rules)."""
    complex_id = require_member(member)
    now = clock.now()
    picks: list[QuickRide] = []
    last = await _last_ride(uow, member.resident_id)
    if last is None and member.household_id is not None:
        family = await uow.residents.ids_in_household(member.household_id)
        found = [r for r in [await _last_ride(uow, i) for i in family] if r is not None]
        last = max(found, key=lambda r: r.created_at, default=None)
    if last is not None:
        when = next_departure(_time_of(last), now, paid=last.price > 0, holidays=holidays)
        if when is not None:
            picks.append(
                QuickRide(
                    side=last.side,
                    origin=last.origin,
                    destination=last.destination,
                    departs_at=when,
                    seats=last.seats,
                    price=last.price,
                    repeat=last.repeats,
                    last=True,
                )
            )
    rides, _ = await uow.share.browse(complex_id, Kind.CARPOOL, after=now, offset=0, limit=SAMPLE)
    routes = Counter(
        (r.origin, r.destination, _time_of(r))
        for r in rides
        if r.departs_at is not None and not same_place(r.origin, r.destination)
    )
    taken = {(p.origin, p.destination) for p in picks}
    for (origin, destination, at), _count in routes.most_common():
        if len(picks) >= COMMON + (1 if last is not None else 0):
            break
        if (origin, destination) in taken:
            continue
        when = next_departure(at, now, paid=False, holidays=holidays)
        if when is None:
            continue
        same = [r.seats for r in rides if (r.origin, r.destination) == (origin, destination)]
        seats = Counter(same)
        taken.add((origin, destination))
        picks.append(
            QuickRide(
                side="",
                origin=origin,
                destination=destination,
                departs_at=when,
                seats=max(seats.most_common(1)[0][0], 1),
            )
        )
    return picks
