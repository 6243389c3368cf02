"""제휴상가 coupons by the rules: one per household per offer (unless the shop allows more), a
cap on coupons in all, expiry, exactly-once redemption with the 1% / 2% points, polite
refusals of foreign, other shops' and malformed codes, and 탈퇴 leaving an anonymous coupon."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.errors import DomainError
from core.partners.offers import publish_offer
from core.privacy.rights import leave
from tests.support.defects import verified
from tests.support.partners import (
    OFFER,
    claim,
    claimed_code,
    coupons,
    invite,
    member,
    offer,
    other_complex,
    partner_chat,
    redeem,
)
from tests.support.points import balances, books_are_exact
from tests.support.shop import vendor_chat


async def setup(engine, services, demo, *people: tuple[str, str]):
    await partner_chat(engine, services)
    shop = await member(services, "salon")
    for household, user in people:
        await verified(engine, demo[household], user)
    return shop, [await member(services, user) for _, user in people]


async def test_one_coupon_per_household_unless_the_shop_allows_more(engine, services, demo):
    shop, (kim, kim2, lee) = await setup(
        engine, services, demo, ("101-1203", "kim"), ("101-1203", "kim2"), ("102-304", "lee")
    )
    one = await offer(services, shop)
    assert (await claim(services, kim, one)).seq == 1
    assert await claim(services, kim2, one) == "partners.already_claimed"  # same household
    assert await claim(services, kim, one) == "partners.already_claimed"
    assert (await claim(services, lee, one)).seq == 1
    two = await offer(services, shop, replace(OFFER, per_household=2))
    assert (await claim(services, kim, two)).seq == 1
    assert (await claim(services, kim2, two)).seq == 2
    assert await claim(services, kim, two) == "partners.already_claimed"
    assert len(await coupons(services)) == 4


async def test_the_cap_is_never_passed(engine, services, demo):
    shop, people = await setup(
        engine, services, demo, ("101-1203", "a"), ("102-304", "b"), ("103-1501", "c")
    )
    capped = await offer(services, shop, replace(OFFER, cap=2))
    results = [await claim(services, p, capped) for p in people]
    assert results[2] == "partners.sold_out"
    assert [c["offer_id"] for c in await coupons(services)] == [capped, capped]


async def test_an_ended_offer_gives_no_coupon_and_its_coupons_are_refused(
    engine, services, demo, clock
):
    shop, (kim, lee) = await setup(engine, services, demo, ("101-1203", "kim"), ("102-304", "lee"))
    week = await offer(services, shop, replace(OFFER, days=7))
    code = await claimed_code(services, kim, week)
    clock.advance(days=7)
    assert await claim(services, lee, week) == "not_found"
    assert await redeem(services, shop, code, 20000) == "partners.expired"
    assert (await coupons(services))[0]["status"] == "issued"


async def test_redeemed_once_with_points_like_an_order(engine, services, demo):
    shop, (kim,) = await setup(engine, services, demo, ("101-1203", "kim"))
    code = await claimed_code(services, kim, await offer(services, shop))
    assert await redeem(services, shop, code, 9000) == "partners.below_minimum"
    done = await redeem(services, shop, code.lower()[:4] + "-" + code[4:], 25000)
    assert done.coupon.discount_won == 2500 and done.coupon.paid == 22500
    assert await redeem(services, shop, code, 25000) == "partners.used"
    held = await balances(services)
    assert held[f"personal:{kim.resident_id}"] == 225  # 1% of 22,500원, rounded down
    assert held[f"common:{kim.complex_id}"] == 450  # 2%
    await books_are_exact(services)
    (row,) = await coupons(services)
    assert (row["status"], row["amount"], row["redeemed_by"]) == (
        "redeemed",
        25000,
        shop.resident_id,
    )


async def test_won_discounts_never_exceed_the_purchase(engine, services, demo):
    shop, (kim,) = await setup(engine, services, demo, ("101-1203", "kim"))
    new = replace(OFFER, discount_kind="won", discount=3000, min_spend=0)
    code = await claimed_code(services, kim, await offer(services, shop, new))
    done = await redeem(services, shop, code, 2000)
    assert (done.coupon.discount_won, done.coupon.paid) == (2000, 0)
    assert f"personal:{kim.resident_id}" not in await balances(services)


async def test_foreign_other_shop_and_malformed_codes_are_refused_politely(engine, services, demo):
    shop, (kim,) = await setup(engine, services, demo, ("101-1203", "kim"))
    code = await claimed_code(services, kim, await offer(services, shop))
    await other_complex(services)
    await partner_chat(engine, services, "far", "OTHER", "먼 미용실")
    far = await member(services, "far")
    await verified(
        engine, await invite(services, "OTHER", role="resident", building="1", unit="1"), "park"
    )
    park = await member(services, "park")
    far_code = await claimed_code(services, park, await offer(services, far))
    await vendor_chat(engine, services, "bakery", shop="마을빵집", kind="partner", unit="8")
    bakery = await member(services, "bakery")
    assert await redeem(services, shop, far_code, 20000) == "partners.foreign_coupon"
    assert await redeem(services, far, code, 20000) == "partners.foreign_coupon"
    assert await redeem(services, bakery, code, 20000) == "partners.other_shop"
    for bad in ("", "0000-0000", "X" * 500, "'; DROP TABLE", "ABCD-EFGH"):
        assert await redeem(services, shop, bad, 20000) == "partners.bad_code"
    assert await redeem(services, shop, code, -5) == "partners.bad_amount"
    assert await claim(services, park, 1) == "not_found"  # DEMO's offer from OTHER
    assert [c["status"] for c in await coupons(services)] == ["issued", "issued"]


async def test_only_partner_shops_publish_and_the_fields_are_checked(engine, services, demo):
    await vendor_chat(engine, services)  # 행복농원, 로컬푸드
    farm = await member(services, "farm")
    with pytest.raises(DomainError) as refused:
        await offer(services, farm)
    assert refused.value.code == "partners.not_partner"
    await partner_chat(engine, services)
    shop = await member(services, "salon")
    for bad in (
        replace(OFFER, discount=95),
        replace(OFFER, discount_kind="free"),
        replace(OFFER, title="가" * 41),
        replace(OFFER, days=0),
        replace(OFFER, cap=0),
        replace(OFFER, per_household=9),
        replace(OFFER, place=" "),
    ):
        async with services.uow() as uow:
            with pytest.raises(DomainError):
                await publish_offer(uow, services.clock, shop, bad)


async def test_leaving_anonymises_the_coupons(engine, services, demo, clock):
    shop, (kim,) = await setup(engine, services, demo, ("101-1203", "kim"))
    code = await claimed_code(services, kim, await offer(services, shop))
    async with services.uow() as uow:
        await leave(uow, clock, kim, confirmed=True)
        await uow.commit()
    (row,) = await coupons(services)
    assert row["resident_id"] is None and row["household_id"] == kim.household_id
    clock.advance(hours=1)
    done = await redeem(services, shop, code, 20000)  # the paper code still works, no points
    assert done.coupon.status == "redeemed"
    await books_are_exact(services)
