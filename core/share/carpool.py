"""카풀: a driver offers seats (or a neighbour asks for a ride), passengers ask for seats, the
driver accepts or declines, reminders 30 minutes before departure, cancellation by either
side, and the ride closing itself when it leaves.

Seats are never oversold: an accept takes its seats with one conditional UPDATE
(`take_seats`), so of two accepts racing for the last seat exactly one succeeds.

Paid rides (실비 분담) follow the law on car-sharing for commuting (여객자동차 운수사업법
제81조): weekdays 07:00–09:00 and 18:00–20:00 Korean time only. (Public holidays are not
known to the bot; the legal note tells residents.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.clock import Clock
from core.errors import DomainError, InvalidInput, NotFound
from core.identity.model import Membership
from core.share.listings import (
    building_of,
    check_price,
    check_text,
    get_listing,
    own_listing,
    require_can_post,
    require_member,
)
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
)

KST = ZoneInfo("Asia/Seoul")
PAID_WINDOWS = ((time(7, 0), time(9, 0)), (time(18, 0), time(20, 0)))
REMIND, CLOSE = "share.ride.remind", "share.ride.close"


def paid_ride_allowed(departs_at: datetime) -> bool:
    """A paid ride departs on a weekday between 07:00 and 09:00 or 18:00 and 20:00 (KST)."""
    local = departs_at.astimezone(KST)
    if local.weekday() >= 5:
        return False
    at = local.time().replace(second=0, microsecond=0)
    return any(start <= at <= end for start, end in PAID_WINDOWS)


def check_departure(departs_at: datetime | None, now: datetime) -> datetime:
    if departs_at is None or departs_at.tzinfo is None:
        raise InvalidInput("share.no_time")
    if departs_at <= now:
        raise InvalidInput("share.past")
    if departs_at > now + timedelta(days=60):
        raise InvalidInput("share.too_far")
    return departs_at


def check_seats(seats: int) -> int:
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
    repeat: bool = False  # 평일마다 반복: the close job posts the next weekday's ride


async def post_carpool(uow, clock: Clock, member: Membership, new: NewRide) -> Listing:
    """Post a carpool (해드려요: I drive, with seats; 구해요: I need a ride).

    Rules:
    - Verified residents whose posting is not suspended; in their own complex.
    - 출발지 and 도착지 (≤ 50 each); a departure in the future (at most 60 days ahead).
    - Seats 1–6; the cost is 무료 (0) or 실비 분담 up to 50,000 won, and a paid ride must
      depart on a weekday 07–09 or 18–20 (KST) ("share.paid_hours").
    - A reminder is armed 30 minutes before departure and the ride closes itself when it
      leaves (jobs "share.ride.remind" / "share.ride.close").
    - 평일마다 반복: the closing job then posts the same ride for the next weekday (see
      `next_weekday_ride`); the flag travels in that job's payload, no column needed.
    """
    await require_can_post(uow, member)
    if new.side not in set(Side):
        raise InvalidInput("share.bad_choice")
    now = clock.now()
    origin = check_text(new.origin, MAX_PLACE, required=True)
    destination = check_text(new.destination, MAX_PLACE, required=True)
    departs_at = check_departure(new.departs_at, now)
    seats = check_seats(new.seats)
    price = check_price(new.price, MAX_RIDE_PRICE)
    if price and not paid_ride_allowed(departs_at):
        raise DomainError("share.paid_hours")
    listing = await uow.share.add(
        Listing(
            complex_id=member.complex_id,
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
            created_at=now,
            updated_at=now,
        )
    )
    await _arm(uow, listing, now, repeat=bool(new.repeat))
    return listing


async def _arm(uow, listing: Listing, now: datetime, *, repeat: bool) -> None:
    key, payload = str(listing.id), {"listing_id": listing.id}
    if listing.departs_at - REMIND_BEFORE > now:
        remind_at = listing.departs_at - REMIND_BEFORE
        await uow.jobs.at(REMIND, key, remind_at, payload, listing.complex_id)
    close = {**payload, "repeat": True} if repeat else payload
    await uow.jobs.at(CLOSE, key, listing.departs_at, close, complex_id=listing.complex_id)


def next_weekday(departs_at: datetime, now: datetime) -> datetime:
    """The same wall-clock time (KST) on the next Monday–Friday after `departs_at` that is
    still ahead of `now` (a closing job run late skips the days already gone)."""
    local = departs_at.astimezone(KST)
    while True:
        local = (local + timedelta(days=1)).replace(tzinfo=KST)
        if local.weekday() < 5 and local > now:
            return local


async def next_weekday_ride(uow, listing: Listing, now: datetime) -> Listing | None:
    """평일마다 반복: called by the closing job of a ride that left (never for one the driver
    closed or deleted: that disarms the job). Posts the same ride — route, time, seats, cost,
    details — for the next weekday, with no seats taken and no requests, and arms its own
    jobs (repeating again). Stops when the poster may no longer post (posting suspended)."""
    standing = await uow.share.standing(listing.poster_id)
    if standing is not None and standing.suspended_at is not None:
        return None
    departs_at = next_weekday(listing.departs_at, now)
    if listing.price and not paid_ride_allowed(departs_at):
        return None
    new = await uow.share.add(
        Listing(
            complex_id=listing.complex_id, poster_id=listing.poster_id,
            building=listing.building, kind=Kind.CARPOOL, side=listing.side,
            title=listing.title, origin=listing.origin, destination=listing.destination,
            departs_at=departs_at, seats=listing.seats, price=listing.price,
            details=listing.details, created_at=now, updated_at=now,
        )
    )  # fmt: skip
    await _arm(uow, new, now, repeat=True)
    return new


def _params(listing: Listing, **extra) -> dict:
    return {
        "listing_id": listing.id,
        "title": listing.title,
        "departs_at": listing.departs_at.isoformat() if listing.departs_at else "",
        **extra,
    }


async def _notify(uow, resident_id: int, kind: str, listing: Listing, key: str, **extra):
    await uow.notifier.notify(
        resident_id, kind, _params(listing, **extra), key=key, complex_id=listing.complex_id
    )


async def request_ride(
    uow, clock: Clock, member: Membership, listing_id: int, seats: int
) -> RideRequest:
    """탑승 신청: ask the driver for seats on an open ride offer.

    Rules: not one's own ride; the ride has not left; 1 to the seats still free; one active
    request per passenger and ride ("share.already_requested"); blocked pairs cannot; the
    driver is notified with 수락 / 거절."""
    await require_can_post(uow, member)
    listing = await get_listing(uow, member, listing_id)
    if not listing.is_ride_offer:
        raise NotFound()
    if listing.poster_id == member.resident_id:
        raise DomainError("share.own_listing")
    if not listing.is_open or listing.departs_at <= clock.now():
        raise DomainError("share.not_open")
    if not 1 <= seats <= max(listing.seats_left, 1) or seats > MAX_SEATS:
        raise InvalidInput("share.bad_seats", limit=max(listing.seats_left, 1))
    if listing.seats_left < seats:
        raise DomainError("share.full")
    if await uow.share.blocked(member.resident_id, listing.poster_id):
        raise DomainError("share.blocked")
    for earlier in await uow.share.requests_of(member.resident_id):
        if earlier.listing_id == listing.id:
            raise DomainError("share.already_requested")
    request = await uow.share.add_request(
        RideRequest(listing.id, listing.complex_id, member.resident_id, seats, clock.now())
    )
    building = await building_of(uow, member)
    await _notify(
        uow, listing.poster_id, "share.ride.requested", listing,
        f"share:req:{request.id}", request_id=request.id, seats=seats, building=building,
    )  # fmt: skip
    return request


async def _driver_request(uow, member: Membership, request_id: int):
    request = await uow.share.get_request(request_id)
    if request is None or request.complex_id != member.complex_id:
        raise NotFound()
    listing = await own_listing(uow, member, request.listing_id)
    return request, listing


async def accept_request(uow, clock: Clock, member: Membership, request_id: int) -> RideRequest:
    """수락: the driver accepts a pending request. Its seats are taken by one conditional
    UPDATE; if they are gone (another accept won the last seat) nothing changes and the
    driver reads "share.full". The passenger is notified."""
    require_member(member)
    request, listing = await _driver_request(uow, member, request_id)
    if request.status != RideStatus.PENDING:
        raise DomainError("share.already_decided")
    if not listing.is_open or listing.departs_at <= clock.now():
        raise DomainError("share.not_open")
    if not await uow.share.take_seats(listing.id, request.seats):
        raise DomainError("share.full")
    if not await uow.share.move_request(
        request.id, RideStatus.PENDING, RideStatus.ACCEPTED, clock.now()
    ):
        raise DomainError("share.already_decided")  # the owner's savepoint frees the seats
    await _notify(
        uow, request.passenger_id, "share.ride.accepted", listing, f"share:req:{request.id}:ok",
        request_id=request.id, seats=request.seats, origin=listing.origin,
        destination=listing.destination,
    )  # fmt: skip
    return request


async def decline_request(uow, clock: Clock, member: Membership, request_id: int) -> RideRequest:
    """거절: the driver declines a pending request; the passenger is notified."""
    require_member(member)
    request, listing = await _driver_request(uow, member, request_id)
    if not await uow.share.move_request(
        request.id, RideStatus.PENDING, RideStatus.DECLINED, clock.now()
    ):
        raise DomainError("share.already_decided")
    await _notify(
        uow, request.passenger_id, "share.ride.declined", listing, f"share:req:{request.id}:no"
    )
    return request


async def cancel_request(uow, clock: Clock, member: Membership, request_id: int) -> RideRequest:
    """The passenger cancels their request before departure; accepted seats are freed and
    the driver is notified."""
    require_member(member)
    request = await uow.share.get_request(request_id)
    if request is None or request.passenger_id != member.resident_id:
        raise NotFound()
    listing = await uow.share.get(request.listing_id)
    if listing.departs_at <= clock.now():
        raise DomainError("share.not_open")
    before = request.status
    if before not in (RideStatus.PENDING, RideStatus.ACCEPTED) or not (
        await uow.share.move_request(request.id, before, RideStatus.CANCELLED, clock.now())
    ):
        raise DomainError("share.already_decided")
    if before == RideStatus.ACCEPTED:
        await uow.share.release_seats(listing.id, request.seats)
    building = await building_of(uow, member)
    await _notify(
        uow, listing.poster_id, "share.ride.cancelled", listing, f"share:req:{request.id}:x",
        by="passenger", seats=request.seats, building=building,
    )  # fmt: skip
    return request


async def cancel_ride(uow, clock: Clock, member: Membership, listing_id: int) -> Listing:
    """The poster calls the ride off: every waiting or accepted passenger is notified, their
    requests are cancelled, and the reminder and closing jobs are disarmed."""
    listing = await own_listing(uow, member, listing_id)
    if not listing.is_open:
        raise DomainError("share.not_open")
    now = clock.now()
    for request in await uow.share.requests_for(listing.id):
        status = request.status
        if status not in (RideStatus.PENDING, RideStatus.ACCEPTED):
            continue
        if await uow.share.move_request(request.id, status, RideStatus.CANCELLED, now):
            if status == RideStatus.ACCEPTED:
                await uow.share.release_seats(listing.id, request.seats)
            await _notify(
                uow, request.passenger_id, "share.ride.cancelled", listing,
                f"share:ride:{listing.id}:cancel", by="driver",
            )  # fmt: skip
    listing.status, listing.closed_at, listing.updated_at = ListingStatus.CANCELLED, now, now
    await uow.jobs.cancel(REMIND, str(listing.id))
    await uow.jobs.cancel(CLOSE, str(listing.id))
    return listing


async def riders(uow, listing: Listing) -> list[RideRequest]:
    return [r for r in await uow.share.requests_for(listing.id) if r.status == RideStatus.ACCEPTED]


async def remind_ride(uow, listing_id: int, late_seconds: float) -> bool:
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
        await _notify(
            uow, resident_id, "share.ride.reminder", listing, f"share:ride:{listing.id}:remind",
            role=role, origin=listing.origin, destination=listing.destination,
            riders=len(passengers),
        )  # fmt: skip
    return True


async def finish_ride(uow, listing_id: int, now: datetime, *, repeat: bool = False) -> bool:
    """The job at departure: the ride closes itself (it leaves the lists); the driver and
    the accepted passengers are invited to send 감사; a repeating ride posts the next
    weekday's. Repeated or late runs change nothing."""
    listing = await uow.share.get(listing_id)
    if listing is None or not listing.is_open:
        return False
    listing.status, listing.closed_at, listing.updated_at = ListingStatus.CLOSED, now, now
    if repeat:
        await next_weekday_ride(uow, listing, now)
    passengers = await riders(uow, listing)
    for request in passengers:
        await _notify(
            uow, request.passenger_id, "share.ride.done", listing,
            f"share:ride:{listing.id}:done", role="passenger",
        )  # fmt: skip
    if passengers:
        await _notify(
            uow, listing.poster_id, "share.ride.done", listing,
            f"share:ride:{listing.id}:done", role="driver",
        )  # fmt: skip
    return True
