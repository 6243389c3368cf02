"""Scarce things of partner coupons under concurrent attempts, on SQLite and PostgreSQL: a
coupon is redeemed exactly once (the points credited once), a cap is never passed, and two
people of one household tapping at once get one coupon."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from tests.support.defects import verified
from tests.support.partners import (
    OFFER,
    claim,
    claimed_code,
    coupons,
    member,
    offer,
    partner_chat,
    redeem,
)
from tests.support.points import balances, books_are_exact
from tests.support.shop import vendor_chat

pytestmark = pytest.mark.both_dbs
HOUSEHOLDS = ("101-1203", "102-304", "103-1501")


async def test_a_coupon_is_redeemed_exactly_once_under_concurrent_redemption(
    engine, services, demo
):
    await partner_chat(engine, services)
    await vendor_chat(engine, services, "salon2", shop="동네 미용실", kind="partner", unit="7")
    await verified(engine, demo["101-1203"], "kim")
    shops = [await member(services, "salon"), await member(services, "salon2")]
    kim = await member(services, "kim")
    code = await claimed_code(services, kim, await offer(services, shops[0]))
    tries = [redeem(services, shops[n % 2], code, 30000 + n) for n in range(8)]
    results = await asyncio.gather(*tries)
    done = [r for r in results if not isinstance(r, str)]
    assert (
        len(done) == 1
        and sorted(r for r in results if isinstance(r, str)) == ["partners.used"] * 7
    )
    (row,) = await coupons(services)
    assert row["status"] == "redeemed" and row["amount"] == done[0].coupon.amount
    paid = row["amount"] - row["discount_won"]
    assert (await balances(services))[f"personal:{kim.resident_id}"] == paid // 100
    await books_are_exact(services)


async def test_concurrent_claims_never_pass_the_cap_nor_one_per_household(engine, services, demo):
    await partner_chat(engine, services)
    shop = await member(services, "salon")
    for i in range(9):
        await verified(engine, demo[HOUSEHOLDS[i % 3]], f"p{i}")
    people = [await member(services, f"p{i}") for i in range(9)]
    capped = await offer(services, shop, replace(OFFER, cap=2))
    results = await asyncio.gather(*(claim(services, p, capped) for p in people))
    codes = [r for r in results if isinstance(r, str)]
    assert len(results) - len(codes) == 2
    assert set(codes) <= {"partners.sold_out", "partners.already_claimed"}
    per_home = await offer(services, shop)
    results = await asyncio.gather(*(claim(services, p, per_home) for p in people))
    assert sum(not isinstance(r, str) for r in results) == 3  # one per household
    rows = await coupons(services)
    assert len([r for r in rows if r["offer_id"] == capped]) == 2
    homes = [r["household_id"] for r in rows if r["offer_id"] == per_home]
    assert len(homes) == len(set(homes)) == 3
