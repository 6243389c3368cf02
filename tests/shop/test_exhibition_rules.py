"""기획전 with chosen products (issue 19), the core's rules: 1–10 of the shop's own products on
sale, sale prices from 1 won to below the price, at most 31 days, one complex the shop serves or
all; an order placed from the 기획전 costs the stored sale price (never a button's), and its
reward follows the price paid. Every refusal changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.shop import reading
from core.shop.exhibitions import open_exhibition
from core.shop.orders import NewOrder, move_order, place_order
from core.shop.vendors import edit_product
from storage import tables
from tests.support.defects import verified
from tests.support.shop import balance, member, orders, product, vendor_chat

PICKUP = ("관리동 앞",)


@pytest.fixture
async def shop(engine, services, demo):
    """행복농원 with 햇사과 (12,000), 유기농 쌀 (32,000) and 배추 taken off sale; 마을빵집 with
    식빵; 김 (101-1203) verified."""
    await vendor_chat(engine, services)
    await vendor_chat(engine, services, "bakery", shop="마을빵집", kind="social", unit="2")
    await verified(engine, demo["101-1203"], "kim")
    farm, bakery = await member(services, "farm"), await member(services, "bakery")
    apple = await product(services, farm, name="햇사과", price=12000)
    rice = await product(services, farm, name="유기농 쌀", price=32000)
    cabbage = await product(services, farm, name="배추", price=9000)
    bread = await product(services, bakery, name="식빵", price=4500)
    async with services.uow() as uow:
        await edit_product(uow, farm, cabbage, "active", False)
        await uow.commit()
    return dict(farm=farm, apple=apple, rice=rice, cabbage=cabbage, bread=bread)


async def opened(services, who, ids, sales=None, days=7, **kw):
    now = services.clock.now()
    async with services.uow() as uow:
        item = await open_exhibition(
            uow,
            services.clock,
            who,
            title=kw.pop("title", "겨울 김장전"),
            starts_at=now,
            ends_at=now + timedelta(days=days),
            product_ids=ids,
            sale_prices=sales,
            **kw,
        )
        await uow.commit()
        return item.id


async def count(services) -> int:
    async with services.uow() as uow:
        return await uow.session.scalar(select(func.count()).select_from(tables.shop_exhibitions))


async def test_bad_choices_are_refused_and_change_nothing(services, shop):
    farm, apple, rice = shop["farm"], shop["apple"], shop["rice"]
    for sale in (0, -1, 12000, 13000, "9900", 99.5, True):
        with pytest.raises(InvalidInput) as refused:
            await opened(services, farm, [apple], {apple: sale})
        assert refused.value.code == "shop.bad_sale_price"
    for ids in ([], list(range(1, 12))):
        with pytest.raises(InvalidInput) as refused:
            await opened(services, farm, ids)
        assert refused.value.code == "shop.exhibition_products"
    for ids, sales in (
        ([apple, shop["bread"]], None),  # another shop's product
        ([apple, shop["cabbage"]], None),  # taken off sale
        ([apple, 999_999], None),  # a forged id
        ([apple], {rice: 100}),  # a sale price for a product not chosen
    ):
        with pytest.raises(NotFound):
            await opened(services, farm, ids, sales)
    with pytest.raises(NotFound):  # a complex the shop does not serve
        await opened(services, farm, [apple], only_complex_id=999_999)
    with pytest.raises(InvalidInput) as refused:
        await opened(services, farm, [apple], days=32)
    assert refused.value.code == "shop.exhibition_period"
    with pytest.raises(Forbidden):  # a resident is not a vendor
        await opened(services, await member(services, "kim"), [apple])
    assert await count(services) == 0


async def test_an_order_from_the_exhibition_costs_the_sale_price_and_earns_on_it(services, shop):
    farm, apple, rice = shop["farm"], shop["apple"], shop["rice"]
    exhibition = await opened(services, farm, [apple, rice, apple], {apple: 9900, rice: None})
    kim = await member(services, "kim")
    async with services.uow() as uow:
        page = await reading.products(uow, services.clock, kim, exhibition_id=exhibition)
        assert {i.product.name for i in page.items} == {"햇사과", "유기농 쌀"}
        assert page.sale_prices == {apple: 9900}
        form = await reading.order_form(
            uow, kim, apple, clock=services.clock, exhibition_id=exhibition
        )
        assert (form.price, form.on_sale) == (9900, True)
    async with services.uow() as uow:
        new = NewOrder(apple, 2, "관리동 앞", "on_site", exhibition_id=exhibition)
        order = await place_order(uow, services.clock, kim, new, PICKUP)
        await uow.commit()
    assert (order.unit_price, order.total) == (9900, 19800)
    for target in ("confirmed", "ready", "picked_up"):
        async with services.uow() as uow:
            await move_order(uow, services.clock, farm, order.id, target)
            await uow.commit()
    assert await balance(services, kim.resident_id) == 198  # 1% of the 19,800 paid
    async with services.uow() as uow:  # no sale price: the product's own price
        new = NewOrder(rice, 1, "관리동 앞", "on_site", exhibition_id=exhibition)
        assert (await place_order(uow, services.clock, kim, new, PICKUP)).unit_price == 32000
        new = NewOrder(apple, 1, "관리동 앞", "on_site")  # not from the 기획전: full price
        assert (await place_order(uow, services.clock, kim, new, PICKUP)).unit_price == 12000


async def test_points_are_bounded_by_the_sale_total(services, shop):
    exhibition = await opened(services, shop["farm"], [shop["apple"]], {shop["apple"]: 9900})
    kim = await member(services, "kim")
    async with services.uow() as uow:
        new = NewOrder(shop["apple"], 1, "관리동 앞", "on_site", 9901, exhibition)
        with pytest.raises(InvalidInput) as refused:
            await place_order(uow, services.clock, kim, new, PICKUP)
    assert refused.value.code == "shop.bad_points"


async def test_forged_or_finished_exhibitions_never_lower_a_price(services, clock, shop):
    farm, apple, rice = shop["farm"], shop["apple"], shop["rice"]
    exhibition = await opened(services, farm, [apple], {apple: 9900}, days=3)
    kim = await member(services, "kim")
    for product_id, exhibition_id in (
        (rice, exhibition),  # a product that is not in the 기획전
        (apple, 999_999),  # a forged 기획전
    ):
        with pytest.raises(DomainError) as refused:
            async with services.uow() as uow:
                new = NewOrder(product_id, 1, "관리동 앞", "on_site", exhibition_id=exhibition_id)
                await place_order(uow, services.clock, kim, new, PICKUP)
        assert refused.value.code == "shop.exhibition_over"
    clock.advance(days=3, seconds=1)
    with pytest.raises(DomainError) as refused:
        async with services.uow() as uow:
            new = NewOrder(apple, 1, "관리동 앞", "on_site", exhibition_id=exhibition)
            await place_order(uow, services.clock, kim, new, PICKUP)
    assert refused.value.code == "shop.exhibition_over"
    assert await orders(services) == []
