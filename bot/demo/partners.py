"""Sample 제휴상가 혜택 for the demo complex, made through the same use cases partner shops
use: 동네 미용실 with an open offer (10% off a cut, 30 coupons) and 반찬가게 with 3,000원 off
from 20,000원, so people trying the demo can claim a coupon at once. The shops' vendors are
demo accounts of their own (업체동 11 and 12)."""

from __future__ import annotations

from bot.demo.shop import _vendor
from core.partners.offers import NewOffer, publish_offer

OFFERS = (
    (
        "동네 미용실",
        "11",
        NewOffer(
            title="첫 방문 커트 10% 할인",
            discount_kind="percent",
            discount=10,
            min_spend=0,
            days=30,
            place="정문 앞 상가 1층",
            hours="화~일 10:00~20:00 (월요일 쉼)",
            cap=30,
        ),
    ),
    (
        "엄마손 반찬가게",
        "12",
        NewOffer(
            title="반찬 3,000원 할인",
            discount_kind="won",
            discount=3000,
            min_spend=20000,
            days=14,
            place="후문 건너편 상가 2호",
            hours="매일 9:00~19:00",
        ),
    ),
)


async def seed_partners(services, households: dict | None = None) -> None:
    """`households` is accepted like the other demo seeds (the shops need none of them)."""
    async with services.uow() as uow:
        for name, unit, offer in OFFERS:
            vendor = await _vendor(uow, services, name, "partner", unit)
            await publish_offer(uow, services.clock, vendor, offer)
        await uow.commit()
