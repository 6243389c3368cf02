"""Coupons: a resident claims one in chat, shows its code (and QR) at the counter, and the
shop redeems it by the code with the purchase amount; the purchase earns the 1% / 2% points
like an order picked up (core.points, cause key "coupon:{id}")."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, InvalidInput, NotFound
from core.identity.model import Membership, Role
from core.identity.roles import require_self, require_verified
from core.ids import saved
from core.partners.events import CouponUsed
from core.partners.model import CODE_LENGTH, MAX_SPEND, Coupon, CouponStatus, Offer
from core.partners.offers import partner_shop, visible_offer
from core.points import use_cases as points
from core.shop.catalog import home_of

if TYPE_CHECKING:
    from core.ports import UnitOfWork

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud at a counter


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def display_code(code: str) -> str:
    half = CODE_LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def normalize_code(raw: object) -> str | None:
    """The code as stored, or None when the text cannot be a coupon code."""
    if not isinstance(raw, str) or len(raw) > 40:
        return None
    cleaned = "".join(ch for ch in raw.upper() if ch.isalnum())
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


async def claim_coupon(uow: UnitOfWork, clock: Clock, member: Membership, offer_id: int) -> Coupon:
    """A resident claims a coupon of an open offer of their complex.

    Rules:
    - Verified residents of the offer's complex; another complex's offer, a closed or ended
      one looks missing ("not_found").
    - At most `per_household` coupons per household per offer ("partners.already_claimed"):
      the household's coupons are numbered 1..n under a unique key, so two family members
      tapping at once cannot both pass.
    - Never more than the cap in all ("partners.sold_out"): one conditional update counts it.
    - The resident themself, not 대신 하기 (a coupon is shown from one's own phone).
    """
    require_self(member)
    _, household_id = home_of(member)
    offer = await visible_offer(uow, clock, member, offer_id)
    held = await uow.partners.household_coupons(offer_id, household_id)
    if held >= offer.per_household:
        raise DomainError("partners.already_claimed", n=offer.per_household)
    if not await uow.partners.take_coupon(offer_id):
        raise DomainError("partners.sold_out")
    return await uow.partners.add_coupon(
        Coupon(
            complex_id=offer.complex_id,
            offer_id=offer_id,
            shop_id=offer.shop_id,
            resident_id=member.resident_id,
            household_id=household_id,
            seq=held + 1,
            code=new_code(),
            claimed_at=clock.now(),
        )
    )


@dataclass(frozen=True)
class MyCoupon:
    coupon: Coupon
    offer: Offer
    shop_name: str
    usable: bool  # 받음 and the offer not ended


async def my_coupons(uow: UnitOfWork, clock: Clock, member: Membership) -> list[MyCoupon]:
    """The resident's coupons, newest first, with their offers."""
    require_verified(member)
    coupons = await uow.partners.coupons_of_resident(member.resident_id)
    names = await uow.shop.shop_names([c.shop_id for c in coupons])
    now, found = clock.now(), []
    for coupon in coupons:
        offer = await uow.partners.get_offer(coupon.offer_id)
        if offer is None:
            continue
        usable = coupon.status == CouponStatus.ISSUED and now < offer.ends_at
        found.append(MyCoupon(coupon, offer, names.get(coupon.shop_id, ""), usable))
    return found


async def own_coupon(uow: UnitOfWork, member: Membership, coupon_id: int) -> MyCoupon:
    require_verified(member)
    coupon = await uow.partners.get_coupon(coupon_id)
    if coupon is None or coupon.resident_id != member.resident_id:
        raise NotFound()
    offer = await uow.partners.get_offer(coupon.offer_id)
    if offer is None:
        raise NotFound()
    names = await uow.shop.shop_names([coupon.shop_id])
    usable = coupon.status == CouponStatus.ISSUED
    return MyCoupon(coupon, offer, names.get(coupon.shop_id, ""), usable)


@dataclass(frozen=True)
class Checked:
    """A coupon found by its code, ready to redeem (shown to the shop before confirming)."""

    coupon: Coupon
    offer: Offer


async def _redeemer_scope(uow: UnitOfWork, member: Membership) -> tuple[int, int | None]:
    """(complex id, shop id or None): a partner shop's vendor redeems its own coupons; the
    complex's coordinator (at the desk) any coupon of the complex."""
    if member.complex_id is not None and member.has(Role.COORDINATOR, member.complex_id):
        return member.complex_id, None
    shop = await partner_shop(uow, member)
    return shop.complex_id, saved(shop.id)


async def check_code(uow: UnitOfWork, clock: Clock, member: Membership, raw: str) -> Checked:
    """Find a coupon by the code a resident shows, and refuse politely what cannot be used.

    Rules:
    - A code that cannot be one, or is unknown: "partners.bad_code".
    - Another complex's coupon: "partners.foreign_coupon"; another shop's: "partners.other_shop".
    - Already used: "partners.used" (with the day); the offer ended: "partners.expired".
    """
    complex_id, shop_id = await _redeemer_scope(uow, member)
    code = normalize_code(raw)
    coupon = await uow.partners.coupon_by_code(code) if code else None
    if coupon is None:
        raise InvalidInput("partners.bad_code")
    if coupon.complex_id != complex_id:
        raise DomainError("partners.foreign_coupon")
    if shop_id is not None and coupon.shop_id != shop_id:
        raise DomainError("partners.other_shop")
    offer = await uow.partners.get_offer(coupon.offer_id)
    if offer is None:
        raise InvalidInput("partners.bad_code")
    if coupon.status != CouponStatus.ISSUED:
        raise DomainError("partners.used", when=coupon.redeemed_at)
    if clock.now() >= offer.ends_at:
        raise DomainError("partners.expired", when=offer.ends_at)
    return Checked(coupon, offer)


async def redeem_coupon(
    uow: UnitOfWork, clock: Clock, member: Membership, raw: str, amount: int
) -> Checked:
    """The shop (or the coordinator at the desk) redeems a coupon with the purchase amount.

    Rules:
    - Every check of `check_code`; the amount is whole won, 1–10,000,000, at least the
      offer's minimum spend ("partners.below_minimum").
    - Exactly once: 받음 → 사용함 by one conditional update; a second attempt, even at the
      same moment, is "partners.used" and changes nothing.
    - The discount is the offer's (% rounded down, never more than the amount); what was paid
      after it earns 1% personal / 2% common points, once (transfer "reward:coupon:{id}"),
      unless the resident has since left (탈퇴).
    - The resident is told.
    """
    checked = await check_code(uow, clock, member, raw)
    coupon, offer = checked.coupon, checked.offer
    if type(amount) is not int or not 1 <= amount <= MAX_SPEND:
        raise InvalidInput("partners.bad_amount", limit=MAX_SPEND)
    if amount < offer.min_spend:
        raise DomainError("partners.below_minimum", minimum=offer.min_spend)
    discount, now = offer.discount_on(amount), clock.now()
    done = await uow.partners.redeem(
        saved(coupon.id), at=now, amount=amount, discount=discount, by=member.resident_id
    )
    if not done:
        raise DomainError("partners.used", when=now)
    coupon.status, coupon.redeemed_at = CouponStatus.REDEEMED, now
    coupon.amount, coupon.discount_won, coupon.redeemed_by = amount, discount, member.resident_id
    if coupon.resident_id is None:  # the resident left (탈퇴): nobody to credit or tell
        return checked
    shop = (await uow.shop.shop_names([coupon.shop_id])).get(coupon.shop_id, "")
    award = await points.award_purchase(
        uow,
        clock,
        order_key=coupon.key,
        resident_id=coupon.resident_id,
        complex_id=coupon.complex_id,
        paid_won=coupon.paid,
        memo=shop,
    )
    used = CouponUsed(shop, offer.title, amount, discount, award.personal)
    key = f"partners:coupon:{coupon.id}:used"
    await uow.notifier.notify(coupon.resident_id, used, key=key, complex_id=coupon.complex_id)
    return checked
