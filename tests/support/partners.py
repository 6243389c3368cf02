"""Helpers for partner-shop tests: a 제휴상가 vendor invited into a complex (through the same
use case as `python -m bot invite --role vendor`), offers published and coupons claimed and
redeemed through core, one unit of work each (as the bot does)."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from core.errors import ConcurrencyConflict, DomainError
from core.identity.admin import add_complex, issue_invite
from core.identity.invites import display_code
from core.partners.coupons import claim_coupon, redeem_coupon
from core.partners.offers import NewOffer, publish_offer
from storage import tables
from tests.support.defects import verified
from tests.support.shop import member

OFFER = NewOffer(
    title="첫 방문 커트 할인",
    discount_kind="percent",
    discount=10,
    min_spend=10000,
    days=14,
    place="정문 앞 상가 1층",
    hours="매일 10:00~20:00",
)


async def invite(services, complex_code="DEMO", *, role="vendor", building="업체", unit="7", **kw):
    async with services.uow() as uow:
        issued = await issue_invite(
            uow,
            services.clock,
            services.invite_key,
            complex_code=complex_code,
            building=building,
            unit=unit,
            role=role,
            uses=5,
            **kw,
        )
        await uow.commit()
    return display_code(issued.code)


async def partner_chat(engine, services, user="salon", complex_code="DEMO", name="동네 미용실"):
    code = await invite(services, complex_code, shop=name, shop_kind="partner")
    return await verified(engine, code, user)


async def other_complex(services, code="OTHER") -> None:
    async with services.uow() as uow:
        await add_complex(uow, code, "다른 단지")
        await uow.commit()


async def offer(services, vendor, new: NewOffer = OFFER) -> int:
    async with services.uow() as uow:
        item = await publish_offer(uow, services.clock, vendor, new)
        await uow.commit()
        return item.id


async def attempt(services, fn):
    """Run `fn(uow)` in its own unit of work, retried on a ConcurrencyConflict (as the engine
    does); the result, or the refusal's code."""
    for _ in range(30):
        try:
            async with services.uow() as uow:
                result = await fn(uow)
                await uow.commit()
            return result
        except ConcurrencyConflict:
            await asyncio.sleep(0.01)
        except DomainError as exc:
            return exc.code
    return "conflict"


async def claim(services, who, offer_id: int):
    return await attempt(services, lambda uow: claim_coupon(uow, services.clock, who, offer_id))


async def claimed_code(services, who, offer_id: int) -> str:
    coupon = await claim(services, who, offer_id)
    assert not isinstance(coupon, str), coupon
    return coupon.code


async def redeem(services, shop, code: str, amount: int):
    return await attempt(
        services, lambda uow: redeem_coupon(uow, services.clock, shop, code, amount)
    )


async def coupons(services) -> list[dict]:
    async with services.uow() as uow:
        t = tables.partner_coupons
        rows = await uow.session.execute(select(t).order_by(t.c.id))
        return [dict(r) for r in rows.mappings()]


__all__ = ["member"]
