"""탑승 신청: a neighbour asks the driver for seats, the driver accepts (수락) or declines (거절),
and the passenger may cancel before departure. Each step notifies the other side.

Seats are never oversold: an accept takes its seats with one conditional UPDATE
(`take_seats`), so of two accepts racing for the last seat exactly one succeeds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.proxy import ProxyTask, record_proxy
from core.identity.roles import require_self
from core.share.carpool import notify_ride
from core.share.events import RideAccepted, RideCancelled, RideDeclined, RideRequested
from core.share.listings import (
    building_of,
    get_listing,
    own_listing,
    require_can_post,
    require_member,
)
from core.share.model import MAX_SEATS, Listing, RideRequest, RideStatus, id_of

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def request_ride(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int, seats: int
) -> RideRequest:
    """탑승 신청: ask the driver for seats on an open ride offer.

    Rules: not one's own ride; the ride has not left; 1 to the seats still free; one active
    request per passenger and ride ("share.already_requested"); blocked pairs cannot; the
    driver is notified with 수락 / 거절. 대신 하기: the seat is asked for the household's
    resident; marked, audited and announced (`record_proxy`)."""
    await require_can_post(uow, member)
    listing = await get_listing(uow, member, listing_id)
    if not listing.is_ride_offer:
        raise NotFound()
    if listing.poster_id == member.resident_id:
        raise DomainError("share.own_listing")
    if not listing.is_open or listing.departure <= clock.now():
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
        RideRequest(id_of(listing), listing.complex_id, member.resident_id, seats, clock.now())
    )
    building = await building_of(uow, member)
    requested = RideRequested.of(listing, id_of(request), seats, building)
    await notify_ride(uow, listing.poster_id, requested, listing, f"share:req:{request.id}")
    what = listing.destination or listing.title
    ref = f"ride:{request.id}"
    await record_proxy(uow, clock, member, ProxyTask.RIDE, ref, what=what, amount=seats)
    return request


async def _driver_request(
    uow: UnitOfWork, member: Membership, request_id: int
) -> tuple[RideRequest, Listing]:
    request = await uow.share.get_request(request_id)
    if request is None or request.complex_id != member.complex_id:
        raise NotFound()
    listing = await own_listing(uow, member, request.listing_id)
    return request, listing


async def accept_request(
    uow: UnitOfWork, clock: Clock, member: Membership, request_id: int
) -> RideRequest:
    """수락: the driver accepts a pending request. Its seats are taken by one conditional
    UPDATE; if they are gone (another accept won the last seat) nothing changes and the
    driver reads "share.full". The passenger is notified."""
    require_self(member)  # 대신 하기 does not offer this
    require_member(member)
    request, listing = await _driver_request(uow, member, request_id)
    if request.status != RideStatus.PENDING:
        raise DomainError("share.already_decided")
    if not listing.is_open or listing.departure <= clock.now():
        raise DomainError("share.not_open")
    if not await uow.share.take_seats(id_of(listing), request.seats):
        raise DomainError("share.full")
    if not await uow.share.move_request(
        id_of(request), RideStatus.PENDING, RideStatus.ACCEPTED, clock.now()
    ):
        raise DomainError("share.already_decided")  # the owner's savepoint frees the seats
    accepted = RideAccepted.of(listing, id_of(request), request.seats)
    await notify_ride(uow, request.passenger_id, accepted, listing, f"share:req:{request.id}:ok")
    return request


async def decline_request(
    uow: UnitOfWork, clock: Clock, member: Membership, request_id: int
) -> RideRequest:
    """거절: the driver declines a pending request; the passenger is notified."""
    require_self(member)  # 대신 하기 does not offer this
    require_member(member)
    request, listing = await _driver_request(uow, member, request_id)
    if not await uow.share.move_request(
        id_of(request), RideStatus.PENDING, RideStatus.DECLINED, clock.now()
    ):
        raise DomainError("share.already_decided")
    declined = RideDeclined.of(listing)
    await notify_ride(uow, request.passenger_id, declined, listing, f"share:req:{request.id}:no")
    return request


async def cancel_request(
    uow: UnitOfWork, clock: Clock, member: Membership, request_id: int
) -> RideRequest:
    """The passenger cancels their request before departure; accepted seats are freed and
    the driver is notified."""
    require_self(member)  # 대신 하기 does not offer this
    require_member(member)
    request = await uow.share.get_request(request_id)
    if request is None or request.passenger_id != member.resident_id:
        raise NotFound()
    listing = await uow.share.get(request.listing_id)
    if listing is None:
        raise NotFound()
    if listing.departure <= clock.now():
        raise DomainError("share.not_open")
    before = request.status
    if before not in (RideStatus.PENDING, RideStatus.ACCEPTED) or not (
        await uow.share.move_request(id_of(request), before, RideStatus.CANCELLED, clock.now())
    ):
        raise DomainError("share.already_decided")
    if before == RideStatus.ACCEPTED:
        await uow.share.release_seats(id_of(listing), request.seats)
    building = await building_of(uow, member)
    cancelled = RideCancelled.of(listing, "passenger", request.seats, building)
    await notify_ride(uow, listing.poster_id, cancelled, listing, f"share:req:{request.id}:x")
    return request
