"""감사 (thanks): after a ride or a service each side may thank the other once; a resident's
thanks over the last 12 months show on their listings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError
from core.identity.model import Membership
from core.identity.roles import require_self
from core.share.events import ThanksReceived
from core.share.listings import get_listing, require_member
from core.share.model import Kind, RideStatus, id_of

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def thank_partners(uow: UnitOfWork, member: Membership, listing_id: int) -> list[int]:
    """Whom the member may thank for this listing: on a ride that has left, its driver
    and accepted passengers (each other); on other listings, whoever they talked with."""
    listing = await get_listing(uow, member, listing_id)
    me, poster = member.resident_id, listing.poster_id
    if listing.kind == Kind.CARPOOL:
        if listing.is_open:
            return []
        riders = [
            r.passenger_id
            for r in await uow.share.requests_for(id_of(listing))
            if r.status == RideStatus.ACCEPTED
        ]
        if me == poster:
            return riders
        return [poster] if me in riders else []
    if me == poster:
        return []  # the poster thanks from the conversation, naming the neighbour
    return [poster] if await uow.share.chats_between(id_of(listing), me, poster) else []


async def send_thanks(
    uow: UnitOfWork, clock: Clock, member: Membership, listing_id: int, to_id: int | None = None
) -> int:
    """Send 감사 for a listing: to one partner (`to_id`) or to all of them. Once per listing
    and pair ("share.already_thanked"); only real partners ("share.cannot_thank").
    Returns how many received it; each is told."""
    require_self(member)  # 대신 하기 does not offer this
    require_member(member)
    partners = await thank_partners(uow, member, listing_id)
    if to_id is not None:
        me = member.resident_id
        talked = to_id != me and await uow.share.chats_between(listing_id, me, to_id)
        partners = [to_id] if to_id in partners or talked else []
    if not partners:
        raise DomainError("share.cannot_thank")
    listing = await get_listing(uow, member, listing_id)
    sent = 0
    for partner in partners:
        if await uow.share.add_thanks(
            id_of(listing), member.resident_id, partner, listing.complex_id, clock.now()
        ):
            sent += 1
            await uow.notifier.notify(
                partner,
                ThanksReceived(id_of(listing), listing.title),
                key=f"share:thanks:{listing.id}:{member.resident_id}:{partner}",
                complex_id=listing.complex_id,
            )
    if not sent:
        raise DomainError("share.already_thanked")
    return sent
