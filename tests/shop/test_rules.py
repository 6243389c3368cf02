"""The shop's rules on bad input, through the core use cases on the database: quantities of
zero, negative or over the stock, forged or other complexes' product ids, points over the
balance or the price, and a vendor touching another shop. Nothing changes when refused."""

from __future__ import annotations

import pytest

from core.errors import DomainError, NotFound
from core.identity.admin import add_complex
from core.shop.orders import NewOrder, cancel_own_order, move_order, place_order
from core.shop.vendors import NewProduct, add_product, edit_product
from tests.support.defects import verified
from tests.support.shop import balance, member, orders, product, stock_of, vendor_chat

PICKUP = ("관리동 앞",)


@pytest.fixture
async def world(engine, services, demo):
    await vendor_chat(engine, services)
    await verified(engine, demo["101-1203"], "kim")
    vendor, kim = await member(services, "farm"), await member(services, "kim")
    return vendor, kim, await product(services, vendor, price=10000, stock=5)


async def order(services, who, product_id, quantity=1, points=0, pickup="관리동 앞"):
    async with services.uow() as uow:
        new = NewOrder(product_id, quantity, pickup, "on_site", points)
        placed = await place_order(uow, services.clock, who, new, PICKUP)
        await uow.commit()
        return placed.id


@pytest.mark.parametrize(
    ("quantity", "code"),
    [
        (0, "shop.bad_quantity"),
        (-2, "shop.bad_quantity"),
        (100, "shop.bad_quantity"),
        (6, "shop.out_of_stock"),
        (True, "shop.bad_quantity"),
    ],
)
async def test_bad_quantities_are_refused(services, world, quantity, code):
    _, kim, product_id = world
    with pytest.raises(DomainError) as refused:
        await order(services, kim, product_id, quantity)
    assert refused.value.code == code
    assert await stock_of(services, product_id) == 5 and await orders(services) == []


async def test_forged_and_other_complexes_products_look_missing(services, world):
    vendor, kim, product_id = world
    with pytest.raises(NotFound):
        await order(services, kim, 999_999)
    async with services.uow() as uow:  # a product of another complex, forged into the order
        other = await add_complex(uow, "OTHER", "다른아파트")
        await uow.commit()
    async with services.uow() as uow:
        item = await uow.shop.get_product(product_id)
        item.complex_id = other.id
        await uow.commit()
    with pytest.raises(NotFound):
        await order(services, kim, product_id)
    with pytest.raises(DomainError) as refused:
        await order(services, kim, product_id, pickup="우리 집 앞")
    assert refused.value.code in ("not_found", "invalid")


async def test_points_over_the_balance_or_the_price_are_refused(services, world):
    vendor, kim, product_id = world
    first = await order(services, kim, product_id, 3)
    for target in ("confirmed", "ready", "picked_up"):
        async with services.uow() as uow:
            await move_order(uow, services.clock, vendor, first, target)
            await uow.commit()
    assert await balance(services, kim.resident_id) == 300
    with pytest.raises(DomainError) as refused:
        await order(services, kim, product_id, 1, points=301)
    assert refused.value.code == "points.insufficient"
    with pytest.raises(DomainError) as refused:
        await order(services, kim, product_id, 1, points=10_001)
    assert refused.value.code == "shop.bad_points"
    assert await stock_of(services, product_id) == 2
    paid = await order(services, kim, product_id, 1, points=100)
    assert await balance(services, kim.resident_id) == 200
    async with services.uow() as uow:
        await cancel_own_order(uow, services.clock, kim, paid)
        await uow.commit()
    assert await balance(services, kim.resident_id) == 300
    assert await stock_of(services, product_id) == 2


async def test_residents_cannot_use_the_vendor_use_cases(services, world):
    vendor, kim, product_id = world
    placed = await order(services, kim, product_id)
    async with services.uow() as uow:
        with pytest.raises(DomainError):
            await add_product(uow, services.clock, kim, NewProduct("가짜", 1, "1개", 1))
        with pytest.raises(DomainError):
            await edit_product(uow, kim, product_id, "price", 1)
        with pytest.raises(DomainError):
            await move_order(uow, services.clock, kim, placed, "confirmed")
        with pytest.raises(DomainError) as refused:
            await edit_product(uow, vendor, product_id, "price", 0)
        assert refused.value.code == "shop.bad_price"
        with pytest.raises(DomainError) as refused:
            await move_order(uow, services.clock, vendor, placed, "cancelled", reason="")
        assert refused.value.code == "shop.needs_reason"
