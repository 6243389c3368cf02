"""What the market's screens read, with the role and scope checked here: one listing with
its poster's thanks and badge, the relay conversation's other side, a driver's requests and
a passenger's rides; for coordinators the open reports with their listings, the providers
waiting for 코디네이터 확인, the listing to hide or suspend, and the suspended neighbours.

Lists are read in one query each (never one per item)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import NotFound
from core.identity.model import Membership
from core.share import trust
from core.share.contact import chat_listing, my_chat
from core.share.listings import browse, get_listing, own_listing, require_member
from core.share.model import (
    CARE_KINDS,
    THANKS_WINDOW,
    Listing,
    RideRequest,
    ShareReport,
    Side,
    id_of,
)
from core.share.moderation import coordinated_complex, open_reports, suspended_posters

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class ListingView:
    """One listing as the member sees it: the poster's thanks over the last 12 months, the
    "코디네이터 확인" badge, and whether the member may send 감사 for it."""

    listing: Listing
    thanks: int
    verified: bool
    can_thank: bool


async def open_listing(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int
) -> ListingView:
    listing = await get_listing(uow, member, listing_id)
    poster = listing.poster_id
    thanks = await uow.share.thanks_count([poster], clock.now() - THANKS_WINDOW)
    verified = bool(await uow.share.verified_among([poster]))
    can_thank = bool(await trust.thank_partners(uow, member, id_of(listing)))
    return ListingView(listing, thanks.get(poster, 0), verified, can_thank)


@dataclass(frozen=True)
class ChatView:
    """A relay conversation from the member's side: the listing and the other neighbour, by
    their 동 only."""

    chat_id: int
    listing_id: int
    title: str
    other: int
    building: str
    ended: bool


async def chat_view(uow: UnitOfWork, member: Membership, chat_id: int) -> ChatView:
    chat = await my_chat(uow, member, chat_id)
    listing = await chat_listing(uow, chat)
    other = chat.other(member.resident_id)
    if other == listing.poster_id:
        building = listing.building
    else:
        buildings = await uow.share.buildings_of(chat.complex_id, [other])
        if other not in buildings:
            raise NotFound()
        building = buildings[other]
    return ChatView(
        id_of(chat), id_of(listing), listing.title, other, building, chat.ended_at is not None
    )


@dataclass(frozen=True)
class DriverRequests:
    listing: Listing
    requests: list[RideRequest]  # oldest first


async def ride_requests(uow: UnitOfWork, member: Membership, listing_id: int) -> DriverRequests:
    """신청 보기: the seat requests of the member's own ride."""
    listing = await own_listing(uow, member, listing_id)
    return DriverRequests(listing, await uow.share.requests_for(id_of(listing)))


@dataclass(frozen=True)
class MyRide:
    request: RideRequest
    listing: Listing


async def my_rides(uow: UnitOfWork, member: Membership) -> list[MyRide]:
    """내 탑승 신청: the member's waiting and accepted requests with their rides, oldest
    first."""
    require_member(member)
    requests = await uow.share.requests_of(member.resident_id)
    rides = await uow.share.many([r.listing_id for r in requests])
    return [MyRide(r, rides[r.listing_id]) for r in requests if r.listing_id in rides]


@dataclass(frozen=True)
class ReportView:
    report: ShareReport
    listing: Listing


async def report_queue(uow: UnitOfWork, member: Membership) -> list[ReportView]:
    """공유마켓 신고 (coordinators): the open reports of the complex with their listings."""
    reports = await open_reports(uow, member)
    listings = await uow.share.many([r.listing_id for r in reports])
    return [ReportView(r, listings[r.listing_id]) for r in reports if r.listing_id in listings]


async def unverified_providers(uow: UnitOfWork, clock: Clock, member: Membership) -> list[Listing]:
    """돌봄 제공자 확인 (coordinators): the newest open care offers (each care kind's first
    page) whose poster has no 코디네이터 확인 yet."""
    coordinated_complex(member)
    found = []
    for kind in sorted(CARE_KINDS):
        page = await browse(uow, clock, member, kind)
        found += [
            item
            for item in page.listings
            if item.side == Side.OFFER and item.poster_id not in page.verified
        ]
    return found


async def listing_to_moderate(uow: UnitOfWork, member: Membership, listing_id: int) -> Listing:
    """The listing a coordinator is about to hide, or whose poster to suspend."""
    coordinated_complex(member)
    return await get_listing(uow, member, listing_id)


@dataclass(frozen=True)
class SuspendedNeighbour:
    resident_id: int
    building: str
    suspended_at: datetime
    reason: str


async def suspended_neighbours(uow: UnitOfWork, member: Membership) -> list[SuspendedNeighbour]:
    """글쓰기 정지 풀기 (coordinators): the complex's suspended residents, oldest suspension
    first, each named by their 동."""
    standings = await suspended_posters(uow, member)
    complex_id = coordinated_complex(member)
    buildings = await uow.share.buildings_of(complex_id, [s.resident_id for s in standings])
    return [
        SuspendedNeighbour(s.resident_id, buildings.get(s.resident_id, ""), at, s.suspended_reason)
        for s in standings
        if (at := s.suspended_at) is not None
    ]


async def neighbour_building(uow: UnitOfWork, member: Membership, resident_id: int) -> str:
    """A resident of the coordinator's complex, by their 동 (anyone else looks missing)."""
    buildings = await uow.share.buildings_of(coordinated_complex(member), [resident_id])
    if resident_id not in buildings:
        raise NotFound()
    return buildings[resident_id]
