"""What residents and shops read of partner offers, scoped to their complex."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import Clock
from core.identity.model import Membership
from core.partners.model import Offer
from core.shop.catalog import home_of

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class OfferItem:
    offer: Offer
    shop_name: str


async def offers_of(uow: UnitOfWork, clock: Clock, complex_id: int) -> list[OfferItem]:
    offers = await uow.partners.open_offers(complex_id, clock.now())
    names = await uow.shop.shop_names([o.shop_id for o in offers])
    return [OfferItem(o, names.get(o.shop_id, "")) for o in offers]


async def open_offers(uow: UnitOfWork, clock: Clock, member: Membership) -> list[OfferItem]:
    """The open offers of the resident's complex, ending soonest first."""
    complex_id, _ = home_of(member)
    return await offers_of(uow, clock, complex_id)
