"""Helpers for shop tests: a vendor invited into the demo complex (through the same use case
as `python -m bot invite --role vendor`), products added through core, members as core sees
them, and the orders and outbox rows a test inspects."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.identity.admin import issue_invite
from core.identity.invites import display_code
from core.identity.onboarding import membership_of
from core.shop.groupbuys import GroupBuyPolicy, NewGroupBuy, open_group_buy
from core.shop.vendors import NewProduct, add_product
from storage import tables
from tests.support.defects import verified


async def vendor_code(services, shop: str = "행복농원", kind: str = "local_food", unit="1"):
    async with services.uow() as uow:
        issued = await issue_invite(
            uow,
            services.clock,
            services.invite_key,
            complex_code="DEMO",
            building="업체",
            unit=unit,
            role="vendor",
            shop=shop,
            shop_kind=kind,
            uses=5,
        )
        await uow.commit()
    return display_code(issued.code)


async def vendor_chat(engine, services, user: str = "farm", **kw):
    return await verified(engine, await vendor_code(services, **kw), user)


async def member(services, user: str, channel: str = "web"):
    async with services.uow() as uow:
        account = await uow.accounts.find(channel, user)
        return await membership_of(uow, await uow.residents.get(account.resident_id))


async def product(services, vendor, name="햇사과", price=12000, stock=10, unit="1봉") -> int:
    async with services.uow() as uow:
        item = await add_product(
            uow, services.clock, vendor, NewProduct(name, price, unit, stock, "아삭해요")
        )
        await uow.commit()
        return item.id


async def group_buy(services, opener, product_id, *, minimum=5, maximum=None, hours=30) -> int:
    now = services.clock.now()
    new = NewGroupBuy(
        product_id=product_id,
        price=9000,
        minimum=minimum,
        maximum=maximum,
        deadline=now + timedelta(hours=hours),
        pickup_at=now + timedelta(hours=hours + 24),
        pickup_place="관리동 앞",
    )
    async with services.uow() as uow:
        item = await open_group_buy(uow, services.clock, opener, new, GroupBuyPolicy())
        await uow.commit()
        return item.id


async def stock_of(services, product_id: int) -> int:
    async with services.uow() as uow:
        c = tables.shop_products.c
        return await uow.session.scalar(select(c.stock).where(c.id == product_id))


async def orders(services) -> list[dict]:
    async with services.uow() as uow:
        rows = await uow.session.execute(
            select(tables.shop_orders).order_by(tables.shop_orders.c.id)
        )
        return [dict(r) for r in rows.mappings()]


async def joined(services, group_buy_id: int) -> tuple[int, str]:
    async with services.uow() as uow:
        g = tables.shop_group_buys.c
        row = (
            await uow.session.execute(select(g.joined, g.status).where(g.id == group_buy_id))
        ).one()
        return row.joined, row.status


async def outbox_keys(services, resident_id: int) -> list[str]:
    o = tables.outbox.c
    stmt = select(o.dedupe_key).where(o.resident_id == resident_id).order_by(o.id)
    async with services.uow() as uow:
        return list(await uow.session.scalars(stmt))


async def balance(services, resident_id: int) -> int:
    from core.shop.points import balance as points_balance

    async with services.uow() as uow:
        return await points_balance(uow, resident_id)


async def bank_account(services, vendor, number: str = "123-45-678901") -> None:
    """The vendor's shop gets an 입금 계좌 (농협, holder 홍길동), so 통장 입금 is offered."""
    from core.shop.payments import BankAccount, set_account

    async with services.uow() as uow:
        await set_account(uow, services.clock, vendor, BankAccount("농협", number, "홍길동"))
        await uow.commit()
