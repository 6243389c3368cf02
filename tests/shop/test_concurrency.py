"""Scarce things of the shop under concurrent attempts, on SQLite and PostgreSQL: stock never
goes below zero and a group buy never passes its maximum, however many people try at once."""

from __future__ import annotations

import asyncio

import pytest

from core.errors import ConcurrencyConflict, DomainError
from core.shop.groupbuys import join_group_buy
from core.shop.orders import NewOrder, place_order
from tests.support.defects import verified
from tests.support.shop import group_buy, joined, member, orders, product, stock_of, vendor_chat

pytestmark = pytest.mark.both_dbs
PICKUP = ("관리동 앞",)
HOUSEHOLDS = ("101-1203", "102-304", "103-1501")


async def people(engine, demo, n: int):
    chats = []
    for i in range(n):
        chats.append(await verified(engine, demo[HOUSEHOLDS[i % 3]], f"p{i}"))
    return chats


async def attempt(services, fn) -> str:
    for _ in range(20):  # a ConcurrencyConflict means: run the whole unit of work again
        try:
            async with services.uow() as uow:
                await fn(uow)
                await uow.commit()
            return "ok"
        except ConcurrencyConflict:
            await asyncio.sleep(0.01)
        except DomainError as exc:
            return exc.code
    return "conflict"


async def test_concurrent_orders_never_take_more_than_the_stock(engine, services, demo):
    await vendor_chat(engine, services)
    product_id = await product(services, await member(services, "farm"), stock=5)
    await people(engine, demo, 8)
    members = [await member(services, f"p{i}") for i in range(8)]

    async def buy(m):
        new = NewOrder(product_id, 2, PICKUP[0], "on_site")
        return await attempt(
            services, lambda uow: place_order(uow, services.clock, m, new, PICKUP)
        )

    results = await asyncio.gather(*(buy(m) for m in members))
    assert results.count("ok") == 2 and results.count("shop.out_of_stock") == 6
    assert await stock_of(services, product_id) == 1
    assert sum(o["quantity"] for o in await orders(services)) == 4


async def test_concurrent_joins_never_pass_the_maximum(engine, services, demo):
    await vendor_chat(engine, services)
    vendor = await member(services, "farm")
    gb = await group_buy(services, vendor, await product(services, vendor), minimum=3, maximum=7)
    await people(engine, demo, 9)
    members = [await member(services, f"p{i}") for i in range(9)]

    async def join(m):
        return await attempt(services, lambda uow: join_group_buy(uow, services.clock, m, gb, 2))

    results = await asyncio.gather(*(join(m) for m in members))
    assert results.count("ok") == 3 and results.count("shop.gb_full") == 6
    assert await joined(services, gb) == (6, "open")
    assert sum(o["quantity"] for o in await orders(services)) == 6
