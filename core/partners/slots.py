"""The promotion slot (오늘의 추천) on the 알뜰쇼핑 screen: a coordinator assigns it to a
partner offer or a 기획전 of the complex for a period; residents see it first.

Rules:
- Coordinators of the complex only; the offer must be open and the 기획전 on, both of the
  coordinator's complex (anything else looks missing).
- 1–30 days from now; a newer assignment takes the slot over (the newest one on now shows).
- Exactly one of an offer or a 기획전.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.roles import require_coordinator
from core.partners.model import Offer
from core.partners.reading import OfferItem, offers_of
from core.shop.catalog import home_of
from core.shop.model import Exhibition

if TYPE_CHECKING:
    from core.ports import UnitOfWork

MAX_SLOT_DAYS = 30


@dataclass(frozen=True)
class Slot:
    offer: Offer | None = None
    shop_name: str = ""
    exhibition: Exhibition | None = None


async def choices(
    uow: UnitOfWork, clock: Clock, member: Membership
) -> tuple[list[OfferItem], list[Exhibition]]:
    """What the coordinator may put in the slot: open offers and 기획전 on now."""
    require_coordinator(member)
    complex_id, now = member.complex_id or 0, clock.now()
    return await offers_of(uow, clock, complex_id), await uow.shop.exhibitions_on(complex_id, now)


async def assign_slot(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    *,
    offer_id: int | None = None,
    exhibition_id: int | None = None,
    days: int = 7,
) -> None:
    require_coordinator(member)
    complex_id, now = member.complex_id or 0, clock.now()
    if (offer_id is None) == (exhibition_id is None):
        raise InvalidInput("partners.bad_slot")
    if type(days) is not int or not 1 <= days <= MAX_SLOT_DAYS:
        raise InvalidInput("partners.bad_days", low=1, high=MAX_SLOT_DAYS)
    if offer_id is not None:
        offer = await uow.partners.get_offer(offer_id)
        if offer is None or offer.complex_id != complex_id or not offer.is_open(now):
            raise NotFound()
    if exhibition_id is not None:
        shown = await uow.shop.exhibitions_on(complex_id, now)
        if exhibition_id not in [e.id for e in shown]:
            raise NotFound()
    await uow.partners.slots.add(
        complex_id,
        offer_id=offer_id,
        exhibition_id=exhibition_id,
        starts_at=now,
        ends_at=now + timedelta(days=days),
        by=member.resident_id,
    )


async def current_slot(uow: UnitOfWork, clock: Clock, member: Membership) -> Slot | None:
    """What the slot shows the resident now (an offer still open, a 기획전 still on)."""
    complex_id, _ = home_of(member)
    now = clock.now()
    offer_id, exhibition_id = await uow.partners.slots.current(complex_id, now)
    if offer_id is not None:
        offer = await uow.partners.get_offer(offer_id)
        if offer is not None and offer.is_open(now):
            names = await uow.shop.shop_names([offer.shop_id])
            return Slot(offer=offer, shop_name=names.get(offer.shop_id, ""))
    if exhibition_id is not None:
        for item in await uow.shop.exhibitions_on(complex_id, now):
            if item.id == exhibition_id:
                return Slot(exhibition=item)
    return None


@dataclass(frozen=True)
class DeskOffer:
    offer: Offer
    shop_name: str
    used: int


async def complex_offers(uow: UnitOfWork, member: Membership) -> list[DeskOffer]:
    """The desk: every offer of the coordinator's complex, newest first, with coupons used."""
    require_coordinator(member)
    offers = await uow.partners.offers_of_complex(member.complex_id or 0)
    names = await uow.shop.shop_names([o.shop_id for o in offers])
    used = await uow.partners.counts([o.id for o in offers if o.id is not None])
    return [DeskOffer(o, names.get(o.shop_id, ""), used.get(o.id or 0, 0)) for o in offers]
