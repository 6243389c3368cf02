"""카풀: a driver offers seats (or a neighbour asks for a ride), a reminder 30 minutes before
departure, the driver calling the ride off, and the ride closing itself when it leaves (a
repeating one then posting the next 평일's). Asking for seats is in `ride_requests`; when a
ride may leave (the paid-ride law, public holidays, the next 평일) is in `ride_time`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, InvalidInput
from core.identity.model import Membership
from core.share.events import RideCancelled, RideDone, RideReminder
from core.share.listings import building_of, check_price, check_text, own_listing, require_can_post
from core.share.model import (
    MAX_PLACE,
    MAX_RIDE_PRICE,
    MAX_SEATS,
    MAX_TEXT,
    MAX_TITLE,
    REMIND_BEFORE,
    Kind,
    Listing,
    ListingStatus,
    RideRequest,
    RideStatus,
    Side,
    id_of,
)
from core.share.quick import same_place
from core.share.ride_time import (
    NO_HOLIDAYS,
    Holidays,
    check_departure,
    next_weekday,
    paid_ride_refusal,
)

if TYPE_CHECKING:
    from core.notifications import Notification
    from core.ports import UnitOfWork

REMIND, CLOSE = "share.ride.remind", "share.ride.close"


def check_seats(seats: object) -> int:
    if not isinstance(seats, int) or not 1 <= seats <= MAX_SEATS:
        raise InvalidInput("share.bad_seats", limit=MAX_SEATS)
    return seats


@dataclass(frozen=True)
class NewRide:
    side: str
    origin: str
    destination: str
    departs_at: datetime
    seats: int = 1
    price: int = 0  # won per seat; 0 = 무료
    details: str = ""
    repeat: bool = False  # 평일마다 반복: the close job posts the next 평일's ride


async def post_carpool(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    new: NewRide,
    holidays: Holidays = NO_HOLIDAYS,
) -> Listing:
    """Post a carpool (해드려요: I drive, with seats; 구해요: I need a ride).

    Rules:
    - Verified residents whose posting is not suspended; in their own complex.
    - 출발지 and 도착지 (≤ 50 each), not the same place ("share.same_places"); a departure
      in the future (at most 60 days ahead).
    - Seats 1–6; the cost is 무료 (0) or 실비 분담 up to 50,000 won. A paid ride must depart
      on a weekday that is not a public holiday, 07–09 or 18–20 (KST); otherwise it is
      refused naming why: "share.paid_weekend", "share.paid_holiday" or "share.paid_hours".
      `holidays` are the public holidays (대체공휴일 and configured 임시공휴일 included);
      free rides may leave any day.
    - A reminder is armed 30 minutes before departure and the ride closes itself when it
      leaves (jobs "share.ride.remind" / "share.ride.close").
    - 평일마다 반복 (`repeats`, shown on the listing): the closing job then posts the same
      ride for the next 평일 (see `next_weekday_ride`).
    """
    complex_id = await require_can_post(uow, member)
    if new.side not in set(Side):
        raise InvalidInput("share.bad_choice")
    now = clock.now()
    origin = check_text(new.origin, MAX_PLACE, required=True)
    destination = check_text(new.destination, MAX_PLACE, required=True)
    if same_place(origin, destination):
        raise InvalidInput("share.same_places")
    departs_at = check_departure(new.departs_at, now)
    seats = check_seats(new.seats)
    price = check_price(new.price, MAX_RIDE_PRICE)
    refusal = paid_ride_refusal(departs_at, holidays) if price else None
    if refusal:
        raise DomainError(refusal)
    listing = await uow.share.add(
        Listing(
            complex_id=complex_id,
            poster_id=member.resident_id,
            building=await building_of(uow, member),
            kind=Kind.CARPOOL,
            side=new.side,
            title=f"{origin} → {destination}"[:MAX_TITLE],
            origin=origin,
            destination=destination,
            departs_at=departs_at,
            seats=seats,
            price=price,
            details=check_text(new.details, MAX_TEXT),
            repeats=bool(new.repeat),
            created_at=now,
            updated_at=now,
        )
    )
    await _arm(uow, listing, now)
    return listing


async def _arm(uow: UnitOfWork, listing: Listing, now: datetime) -> None:
    key, payload = str(listing.id), {"listing_id": id_of(listing)}
    if listing.departure - REMIND_BEFORE > now:
        remind_at = listing.departure - REMIND_BEFORE
        await uow.jobs.at(REMIND, key, remind_at, payload, listing.complex_id)
    close = {**payload, "repeat": True} if listing.repeats else payload
    await uow.jobs.at(CLOSE, key, listing.departure, close, complex_id=listing.complex_id)


async def next_weekday_ride(
    uow: UnitOfWork, listing: Listing, now: datetime, holidays: Holidays = NO_HOLIDAYS
) -> Listing | None:
    """평일마다 반복: called by the closing job of a ride that left (never for one the driver
    closed or deleted: that disarms the job). Posts the same ride — route, time, seats, cost,
    details — for the next 평일, with no seats taken and no requests, and arms its own jobs
    (repeating again).

    Rules:
    - The next 평일 is the next Monday–Friday that is not a public holiday, for paid and
      free rides alike: paid rides must skip holidays by law, and 평일 in Korean means "not a
      weekend or a holiday", which is what the driver chose and what the card says; a
      driver who drives on a holiday posts that ride once (cancelling one day would stop
      the whole chain). The chain goes on after the holiday.
    - Stops when the poster may no longer post (posting suspended), or if a paid ride could
      not leave then after all.
    """
    standing = await uow.share.standing(listing.poster_id)
    if standing is not None and standing.suspended_at is not None:
        return None
    departs_at = next_weekday(listing.departure, now, holidays)
    if listing.price and paid_ride_refusal(departs_at, holidays):
        return None
    new = await uow.share.add(
        Listing(
            complex_id=listing.complex_id,
            poster_id=listing.poster_id,
            building=listing.building,
            kind=Kind.CARPOOL,
            side=listing.side,
            title=listing.title,
            origin=listing.origin,
            destination=listing.destination,
            departs_at=departs_at,
            seats=listing.seats,
            price=listing.price,
            details=listing.details,
            repeats=True,
            created_at=now,
            updated_at=now,
        )
    )
    await _arm(uow, new, now)
    return new


async def notify_ride(
    uow: UnitOfWork, resident_id: int, event: Notification, listing: Listing, key: str
) -> None:
    """Tell one person of the ride (driver or passenger) what happened to it."""
    await uow.notifier.notify(resident_id, event, key=key, complex_id=listing.complex_id)


async def cancel_ride(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int
) -> Listing:
    """The poster calls the ride off: every waiting or accepted passenger is notified, their
    requests are cancelled, and the reminder and closing jobs are disarmed."""
    listing = await own_listing(uow, member, listing_id)
    if not listing.is_open:
        raise DomainError("share.not_open")
    now = clock.now()
    for request in await uow.share.requests_for(id_of(listing)):
        status = request.status
        if status not in (RideStatus.PENDING, RideStatus.ACCEPTED):
            continue
        if await uow.share.move_request(id_of(request), status, RideStatus.CANCELLED, now):
            if status == RideStatus.ACCEPTED:
                await uow.share.release_seats(id_of(listing), request.seats)
            cancelled = RideCancelled.of(listing, by="driver")
            key = f"share:ride:{listing.id}:cancel"
            await notify_ride(uow, request.passenger_id, cancelled, listing, key)
    listing.status, listing.closed_at, listing.updated_at = ListingStatus.CANCELLED, now, now
    await uow.jobs.cancel(REMIND, str(listing.id))
    await uow.jobs.cancel(CLOSE, str(listing.id))
    return listing


async def riders(uow: UnitOfWork, listing: Listing) -> list[RideRequest]:
    requests = await uow.share.requests_for(id_of(listing))
    return [r for r in requests if r.status == RideStatus.ACCEPTED]


async def remind_ride(uow: UnitOfWork, listing_id: int, late_seconds: float) -> bool:
    """The job 30 minutes before departure: remind the driver and the accepted passengers,
    once. A reminder that comes after the departure, or for a ride no longer open, is
    dropped (False)."""
    listing = await uow.share.get(listing_id)
    if listing is None or not listing.is_open or late_seconds >= REMIND_BEFORE.total_seconds():
        return False
    passengers = await riders(uow, listing)
    if listing.is_ride_offer and not passengers:
        people = [listing.poster_id]
    else:
        people = [listing.poster_id, *(r.passenger_id for r in passengers)]
    for resident_id in people:
        role = "driver" if resident_id == listing.poster_id else "passenger"
        reminder = RideReminder.of(listing, role, riders=len(passengers))
        await notify_ride(uow, resident_id, reminder, listing, f"share:ride:{listing.id}:remind")
    return True


async def finish_ride(
    uow: UnitOfWork,
    listing_id: int,
    now: datetime,
    *,
    repeat: bool = False,
    holidays: Holidays = NO_HOLIDAYS,
) -> bool:
    """The job at departure: the ride closes itself (it leaves the lists); the driver and
    the accepted passengers are invited to send 감사; a repeating ride (`repeats`, or
    `repeat` from the payload of a job armed before that column) posts the next 평일's,
    skipping public holidays. Repeated or late runs change nothing."""
    listing = await uow.share.get(listing_id)
    if listing is None or not listing.is_open:
        return False
    listing.status, listing.closed_at, listing.updated_at = ListingStatus.CLOSED, now, now
    if repeat or listing.repeats:
        await next_weekday_ride(uow, listing, now, holidays)
    passengers = await riders(uow, listing)
    key = f"share:ride:{listing.id}:done"
    for request in passengers:
        await notify_ride(
            uow, request.passenger_id, RideDone.of(listing, "passenger"), listing, key
        )
    if passengers:
        await notify_ride(uow, listing.poster_id, RideDone.of(listing, "driver"), listing, key)
    return True
