"""Listings (글) of every kind: post, browse by kind, open one, 내 글, close and delete.

Everything is scoped to the resident's complex: a listing of another complex, a deleted one,
or a hidden one (except for its poster and the coordinators) reads as "찾을 수 없어요"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.roles import require_self, require_verified
from core.share.model import (
    CARE_KINDS,
    MAX_MEDIA_ID,
    MAX_PLACE,
    MAX_PRICE,
    MAX_TEXT,
    MAX_TITLE,
    MAX_WHEN,
    MAX_WHO,
    PAGE,
    THANKS_WINDOW,
    Kind,
    Listing,
    ListingStatus,
    Side,
)

if TYPE_CHECKING:
    from core.ports import UnitOfWork


def require_member(member: Membership) -> int:
    """Only verified residents use the market; returns the complex they live in."""
    require_verified(member)
    if member.complex_id is None:
        raise Forbidden("not_verified")
    return member.complex_id


async def require_can_post(uow: UnitOfWork, member: Membership) -> int:
    """Verified, and posting not suspended by a coordinator; returns the member's complex."""
    complex_id = require_member(member)
    standing = await uow.share.standing(member.resident_id)
    if standing is not None and standing.suspended_at is not None:
        raise DomainError("share.suspended")
    return complex_id


def check_text(value: object, limit: int, *, required: bool = False) -> str:
    if not isinstance(value, str):
        raise InvalidInput("share.bad_choice")
    value = value.strip()
    if required and not value:
        raise InvalidInput("share.empty")
    if len(value) > limit:
        raise InvalidInput("share.too_long", limit=limit)
    return value


def check_price(price: object, limit: int = MAX_PRICE) -> int:
    if not isinstance(price, int) or price < 0 or price > limit:
        raise InvalidInput("share.bad_price", limit=limit)
    return price


@dataclass(frozen=True)
class NewListing:
    kind: str
    side: str
    title: str
    when_text: str = ""
    place: str = ""
    who: str = ""
    details: str = ""
    price: int = 0
    photo: str | None = None  # goods only: a media id from services.media.put


def check_photo(kind: str, photo: object) -> str | None:
    """At most one photo, on goods listings (물품 나눔·대여) only; "" means none."""
    if not photo:
        return None
    if kind != Kind.GOODS:
        raise InvalidInput("share.photo_goods_only")
    if not isinstance(photo, str) or len(photo) > MAX_MEDIA_ID:
        raise InvalidInput("share.bad_choice")
    return photo


async def building_of(uow: UnitOfWork, member: Membership) -> str:
    """The member's 동, kept on what they post ("102동 이웃")."""
    household = None
    if member.household_id is not None:
        household = await uow.households.get(member.household_id)
    if household is None:
        raise Forbidden("not_verified")
    return household.building


async def post_listing(
    uow: UnitOfWork, clock: Clock, member: Membership, new: NewListing
) -> Listing:
    """Post a care, childcare, nursing, school escort, goods or skills listing.

    Rules:
    - Verified residents whose posting is not suspended; always in their own complex.
    - A kind of the list other than 카풀 (carpools have their own use case), 해드려요 or 구해요.
    - A title (≤ 50), when (≤ 100), where (≤ 50), who (≤ 100, care kinds only — e.g. the
      age of a child, never a name), details (≤ 500); a fee in won, 0 = 무료.
    - At most one photo, and only on 물품 나눔·대여 (goods) listings: any other kind with a
      photo is refused (share.photo_goods_only).
    """
    require_self(member)  # 대신 하기 does not offer this
    complex_id = await require_can_post(uow, member)
    if new.kind not in set(Kind) or new.kind == Kind.CARPOOL or new.side not in set(Side):
        raise InvalidInput("share.bad_choice")
    now = clock.now()
    listing = Listing(
        complex_id=complex_id,
        poster_id=member.resident_id,
        building=await building_of(uow, member),
        kind=new.kind,
        side=new.side,
        title=check_text(new.title, MAX_TITLE, required=True),
        when_text=check_text(new.when_text, MAX_WHEN),
        place=check_text(new.place, MAX_PLACE),
        who=check_text(new.who, MAX_WHO) if new.kind in CARE_KINDS else "",
        details=check_text(new.details, MAX_TEXT),
        price=check_price(new.price),
        photo=check_photo(new.kind, new.photo),
        created_at=now,
        updated_at=now,
    )
    return await uow.share.add(listing)


@dataclass(frozen=True)
class Page:
    listings: list[Listing]
    total: int
    offset: int
    thanks: dict[int, int]  # poster id → thanks over the last 12 months
    verified: set[int]  # posters a coordinator met in person

    @property
    def more(self) -> bool:
        return self.offset + PAGE < self.total


async def _page(
    uow: UnitOfWork, clock: Clock, listings: list[Listing], total: int, offset: int
) -> Page:
    posters = [item.poster_id for item in listings]
    thanks = await uow.share.thanks_count(posters, clock.now() - THANKS_WINDOW)
    return Page(listings, total, offset, thanks, await uow.share.verified_among(posters))


async def browse(
    uow: UnitOfWork, clock: Clock, member: Membership, kind: str, offset: int = 0
) -> Page:
    """Open listings of one kind in the member's complex, newest first, 5 a page; carpools
    that have already left are not shown."""
    complex_id = require_member(member)
    if kind not in set(Kind):
        raise InvalidInput("share.bad_choice")
    offset = max(offset, 0)
    listings, total = await uow.share.browse(
        complex_id, kind, after=clock.now(), offset=offset, limit=PAGE
    )
    return await _page(uow, clock, listings, total, offset)


async def my_listings(uow: UnitOfWork, clock: Clock, member: Membership, offset: int = 0) -> Page:
    """The member's own listings (open, closed, hidden), newest first."""
    require_member(member)
    offset = max(offset, 0)
    listings, total = await uow.share.by_poster(member.resident_id, offset=offset, limit=PAGE)
    return await _page(uow, clock, listings, total, offset)


async def get_listing(uow: UnitOfWork, member: Membership, listing_id: int) -> Listing:
    """A listing the member may see; anything else looks missing (no probing)."""
    require_member(member)
    listing = await uow.share.get(listing_id)
    if listing is None or listing.complex_id != member.complex_id:
        raise NotFound()
    if listing.status == ListingStatus.DELETED:
        raise NotFound()
    own = listing.poster_id == member.resident_id
    if listing.status == ListingStatus.HIDDEN and not (own or member.is_coordinator):
        raise NotFound()
    return listing


async def own_listing(uow: UnitOfWork, member: Membership, listing_id: int) -> Listing:
    listing = await get_listing(uow, member, listing_id)
    if listing.poster_id != member.resident_id:
        raise NotFound()
    return listing


async def close_listing(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int
) -> Listing:
    """마감: the poster closes an open listing (a ride with passengers is cancelled for them,
    see carpool.cancel_ride)."""
    require_self(member)  # 대신 하기 does not offer this
    listing = await own_listing(uow, member, listing_id)
    if listing.kind == Kind.CARPOOL:
        from core.share.carpool import cancel_ride

        return await cancel_ride(uow, clock, member, listing_id)
    if not listing.is_open:
        raise DomainError("share.not_open")
    listing.status, listing.closed_at = ListingStatus.CLOSED, clock.now()
    listing.updated_at = clock.now()
    return listing


async def delete_listing(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int
) -> None:
    """삭제: the poster deletes a listing (an open ride is cancelled first); it disappears."""
    require_self(member)  # 대신 하기 does not offer this
    listing = await own_listing(uow, member, listing_id)
    if listing.kind == Kind.CARPOOL and listing.is_open:
        from core.share.carpool import cancel_ride

        await cancel_ride(uow, clock, member, listing_id)
    listing.status, listing.updated_at = ListingStatus.DELETED, clock.now()


# What 내 글 → 고치기 may change: the text fields with (their limit, required), the price
# and the photo (goods only, checked by check_photo: a media id, or "" to remove it).
TEXT_FIELDS = {
    "title": (MAX_TITLE, True),
    "when_text": (MAX_WHEN, False),
    "place": (MAX_PLACE, False),
    "details": (MAX_TEXT, False),
}
EDITABLE = frozenset({*TEXT_FIELDS, "price", "photo"})
CARPOOL_EDITABLE = frozenset({"details"})  # a ride's route, time, seats and cost are fixed


async def edit_listing(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    listing_id: int,
    field: str,
    value: str | int | None,
) -> Listing:
    """수정: the poster changes one field of an open listing.

    Rules:
    - Own open listings only (else "찾을 수 없어요" / share.not_open).
    - Title (≤ 50, not empty), when (≤ 100), where (≤ 50), price (won, 0 = 무료) and details
      (≤ 500), checked as when posting.
    - A carpool's route, time, seats and cost are fixed once posted (passengers booked on
      them): only its details can change; post a new ride otherwise.
    - The photo (a media id, or "" to take it off) only on goods listings.
    """
    require_self(member)  # 대신 하기 does not offer this
    listing = await own_listing(uow, member, listing_id)
    if not listing.is_open:
        raise DomainError("share.not_open")
    if field not in EDITABLE or (listing.kind == Kind.CARPOOL and field not in CARPOOL_EDITABLE):
        raise InvalidInput("share.bad_choice")
    if field == "photo":
        listing.photo = check_photo(listing.kind, value)
    elif field == "price":
        listing.price = check_price(value)
    else:
        limit, required = TEXT_FIELDS[field]
        setattr(listing, field, check_text(value, limit, required=required))
    listing.updated_at = clock.now()
    return listing


async def edit_details(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int, details: str
) -> Listing:
    """수정: the poster rewrites the details (≤ 500) of an open listing."""
    require_self(member)  # 대신 하기 does not offer this
    return await edit_listing(uow, clock, member, listing_id, "details", details)
