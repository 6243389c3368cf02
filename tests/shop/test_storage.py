"""알뜰쇼핑 lists on SQLite and PostgreSQL: a page of orders names each order's product, and a
page of products each product's shop, with one query for the names of the whole page (the
statements a page costs do not grow with the items on it)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from core.shop import reading
from core.shop.orders import NewOrder, place_order
from tests.support.defects import verified
from tests.support.shop import member, product, vendor_chat

pytestmark = pytest.mark.both_dbs
PICKUP = "관리동 앞 · 평일 오후 6~8시"


@contextlib.contextmanager
def counted(uow) -> Iterator[list[str]]:
    """The SQL statements the unit of work runs inside the block."""
    statements: list[str] = []
    engine = uow.session.get_bind()

    def count(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


async def buy(services, buyer, product_id: int) -> None:
    async with services.uow() as uow:
        new = NewOrder(product_id, 1, PICKUP, "on_site")
        await place_order(uow, services.clock, buyer, new, (PICKUP,))
        await uow.commit()


async def test_order_pages_name_their_products_in_one_query(engine, services, demo):
    await vendor_chat(engine, services)
    await verified(engine, demo["101-1203"], "kim")
    farm, kim = await member(services, "farm"), await member(services, "kim")
    names = ["햇사과", "배", "단감"]
    ids = [await product(services, farm, name=name) for name in names]

    costs = []
    for product_id in ids:
        await buy(services, kim, product_id)
        async with services.uow() as uow:
            with counted(uow) as history:
                page = await reading.order_history(uow, farm)
            with counted(uow) as mine:
                own = await reading.my_orders(uow, kim)
            costs.append((len(history), len(mine)))
    # newest first (names are plain strings, read while the unit of work was open)
    assert [i.product_name for i in page.items] == ["단감", "배", "햇사과"]
    assert [i.product_name for i in own.items] == ["단감", "배", "햇사과"]
    assert page.total == own.total == 3
    assert costs[0] == costs[1] == costs[2]  # one order or three: the same statements

    async with services.uow() as uow:
        opened = await reading.open_orders(uow, farm)
    assert sorted(i.product_name for i in opened.items) == sorted(names)


async def test_product_pages_name_their_shops_in_one_query(engine, services, demo):
    await vendor_chat(engine, services)
    await vendor_chat(engine, services, user="bakery", shop="동네빵집", kind="sme", unit="2")
    await verified(engine, demo["101-1203"], "kim")
    farm, bakery = await member(services, "farm"), await member(services, "bakery")
    kim = await member(services, "kim")

    costs = []
    for vendor, name in ((farm, "햇사과"), (bakery, "식빵"), (farm, "배")):
        await product(services, vendor, name=name)
        async with services.uow() as uow:
            with counted(uow) as statements:
                page = await reading.products(uow, services.clock, kim)
            costs.append(len(statements))
            shown = {(i.product.name, i.shop_name) for i in page.items}
    assert shown == {("햇사과", "행복농원"), ("식빵", "동네빵집"), ("배", "행복농원")}
    assert costs[0] == costs[1] == costs[2]
