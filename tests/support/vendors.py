"""Helpers for one vendor, many complexes: the demo farm shop 행복농원 (in DEMO) with a
product, the second complex NEAR (bot/demo/vendors.py) with a verified resident and
coordinator, and the farm asking to serve NEAR as the operator would."""

from __future__ import annotations

from dataclasses import dataclass

from bot.demo.vendors import add_near
from core.identity.model import Membership
from core.points.model import AccountRef
from core.shop import serving
from tests.support.defects import verified
from tests.support.shop import member, product, vendor_chat


@dataclass
class World:
    farm: Membership  # the vendor, in DEMO
    product_id: int
    shop_id: int
    near: dict[str, str]  # NEAR's invite codes
    chats: dict


async def world(engine, services, demo) -> World:
    chats = {"farm": await vendor_chat(engine, services)}
    farm = await member(services, "farm")
    product_id = await product(services, farm, name="햇사과", price=12000, stock=10)
    near = await add_near(services)
    chats["choi"] = await verified(engine, near["201-101"], "choi")
    chats["near-coord"] = await verified(engine, near["관리동-200"], "near-coord")
    chats["kim"] = await verified(engine, demo["101-1203"], "kim")
    chats["coord"] = await verified(engine, demo["관리동-100"], "coord")
    async with services.uow() as uow:
        shop_id = (await uow.shop.get_product(product_id)).shop_id
    return World(farm, product_id, shop_id, near, chats)


async def ask(services, shop_id: int, pickup: str = "201동 앞", code: str = "NEAR") -> int:
    async with services.uow() as uow:
        found = await serving.ask_to_serve(
            uow, services.clock, None, shop_id=shop_id, complex_code=code, pickup=pickup
        )
        await uow.commit()
        return found.id


async def decide(services, who, serving_id: int, approve: bool = True) -> None:
    async with services.uow() as uow:
        await serving.decide(uow, services.clock, who, serving_id, approve=approve)
        await uow.commit()


async def status(services, serving_id: int) -> str:
    async with services.uow() as uow:
        return (await uow.shop.get_serving(serving_id)).status


async def common(services, complex_id: int) -> int:
    async with services.uow() as uow:
        return await uow.points.balance(AccountRef.common(complex_id).key)
