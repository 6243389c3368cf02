"""Offers of partner shops (제휴상가): the shop's vendor publishes a discount with its
conditions, residents see the complex's open offers (알뜰쇼핑 → 동네 가게 혜택), the vendor
may close an offer early."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import Forbidden, InvalidInput, NotFound
from core.identity.model import Membership, Role
from core.identity.roles import require_verified
from core.ids import saved
from core.partners.model import (
    MAX_CAP,
    MAX_DAYS,
    MAX_HOURS,
    MAX_PER_HOUSEHOLD,
    MAX_PERCENT,
    MAX_PLACE,
    MAX_SPEND,
    MAX_TITLE,
    MAX_WON,
    DiscountKind,
    Offer,
)
from core.shop.model import Shop, ShopKind
from core.shop.vendors import own_shop

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class NewOffer:
    title: str
    discount_kind: str
    discount: int
    min_spend: int
    days: int
    place: str
    hours: str
    cap: int | None = None
    per_household: int = 1


def _text(value: object, limit: int, code: str) -> str:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    if not 1 <= len(text) <= limit:
        raise InvalidInput(code, limit=limit)
    return text


def _whole(value: object, low: int, high: int, code: str) -> int:
    if type(value) is not int or not low <= value <= high:
        raise InvalidInput(code, low=low, high=high)
    return value


async def partner_shop(uow: UnitOfWork, member: Membership) -> Shop:
    """The vendor's own shop, if it is a 제휴상가; anyone else is Forbidden."""
    shop = await own_shop(uow, member)
    if shop.kind != ShopKind.PARTNER:
        raise Forbidden("partners.not_partner")
    return shop


def check_offer(new: NewOffer) -> NewOffer:
    """The offer's fields within their limits (InvalidInput with the field's code)."""
    if new.discount_kind not in set(DiscountKind):
        raise InvalidInput("partners.bad_discount", low=1, high=MAX_PERCENT)
    high = MAX_PERCENT if new.discount_kind == DiscountKind.PERCENT else MAX_WON
    cap = new.cap
    if cap is not None:
        cap = _whole(cap, 1, MAX_CAP, "partners.bad_cap")
    return NewOffer(
        title=_text(new.title, MAX_TITLE, "partners.bad_title"),
        discount_kind=new.discount_kind,
        discount=_whole(new.discount, 1, high, "partners.bad_discount"),
        min_spend=_whole(new.min_spend, 0, MAX_SPEND, "partners.bad_spend"),
        days=_whole(new.days, 1, MAX_DAYS, "partners.bad_days"),
        place=_text(new.place, MAX_PLACE, "partners.bad_place"),
        hours=_text(new.hours, MAX_HOURS, "partners.bad_hours"),
        cap=cap,
        per_household=_whole(new.per_household, 1, MAX_PER_HOUSEHOLD, "partners.bad_per_home"),
    )


async def publish_offer(uow: UnitOfWork, clock: Clock, member: Membership, new: NewOffer) -> Offer:
    """A partner shop's vendor publishes an offer in the shop's complex.

    Rules:
    - Only a vendor of a 제휴상가 shop ("partners.not_partner" for other shop kinds).
    - A discount of 1–90% or 1–1,000,000원; a minimum spend of 0–10,000,000원; open from now
      for 1–90 days; the place (60) and hours (40) in the shop's words.
    - Coupons: 1–5 per household (default 1); a cap of 1–10,000 coupons in all, or none.
    """
    shop = await partner_shop(uow, member)
    new = check_offer(new)
    now = clock.now()
    return await uow.partners.add_offer(
        Offer(
            complex_id=shop.complex_id,
            shop_id=saved(shop.id),
            title=new.title,
            discount_kind=new.discount_kind,
            discount=new.discount,
            min_spend=new.min_spend,
            starts_at=now,
            ends_at=now + timedelta(days=new.days),
            place=new.place,
            hours=new.hours,
            created_at=now,
            per_household=new.per_household,
            cap=new.cap,
        )
    )


async def close_offer(uow: UnitOfWork, member: Membership, offer_id: int) -> Offer:
    """The vendor stops an own offer early: no new coupons; coupons already given stay
    usable until the offer's end date (residents were promised them)."""
    shop = await partner_shop(uow, member)
    offer = await uow.partners.get_offer(offer_id)
    if offer is None or offer.shop_id != shop.id:
        raise NotFound()
    await uow.partners.close_offer(offer_id)
    offer.active = False
    return offer


@dataclass(frozen=True)
class ShopOffers:
    shop: Shop
    offers: list[Offer]
    used: dict[int, int]  # {offer id: coupons redeemed}


async def shop_offers(uow: UnitOfWork, member: Membership) -> ShopOffers:
    """The vendor's own offers, newest first, with how many coupons were used."""
    shop = await partner_shop(uow, member)
    offers = await uow.partners.offers_of_shop(saved(shop.id))
    return ShopOffers(shop, offers, await uow.partners.counts([saved(o.id) for o in offers]))


async def visible_offer(uow: UnitOfWork, clock: Clock, member: Membership, offer_id: int) -> Offer:
    """An open offer of the resident's complex; anything else looks missing."""
    require_verified(member)
    offer = await uow.partners.get_offer(offer_id)
    if offer is None or offer.complex_id != member.complex_id or not offer.is_open(clock.now()):
        raise NotFound()
    return offer


async def runs_partner_shop(uow: UnitOfWork, member: Membership) -> bool:
    """True for a vendor whose own shop is a 제휴상가 (home shows 우리 가게 혜택)."""
    if member.household_id is None or not member.has(Role.VENDOR, member.complex_id):
        return False
    shop = await uow.shop.shop_of_household(member.household_id)
    return shop is not None and shop.kind == ShopKind.PARTNER
