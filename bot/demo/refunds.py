"""A sample refund after spending for the demo complex, made through the same use cases as the
chat: 박씨네 (103동 1501호) bought 유기농 쌀 at 행복농원 (32,000원: 320 points to them, 640 to
the complex), then paid rent with all but 100 of their points, and asked for a refund; the shop
refunded it, taking back 100 points and 640 common points and keeping 220원 back from the cash.
The shop's 주문 내역 shows it, and the ledger has a refund_settlement (`ledger check` clean)."""

from __future__ import annotations

from core.identity.onboarding import get_or_register_account, membership_of
from core.ids import saved
from core.points.use_cases import balance, pay_rent, rent_months
from core.shop import refunds
from core.shop.orders import NewOrder, move_order, place_order

PLACE = "관리동 앞"


async def _member(uow, services, user: str):
    account = await get_or_register_account(uow, services.clock, "web", user)
    return await membership_of(uow, await uow.residents.get(account.resident_id))


async def seed_refunds(services, households: dict | None = None) -> None:
    """Run after seed_points (the buyer) and seed_shop (the shop and its products)."""
    clock = services.clock
    async with services.uow() as uow:
        farm = await _member(uow, services, "demo-vendor-1")
        park = await _member(uow, services, "demo-points-103-1501")
        shop = await uow.shop.shop_of_household(farm.household_id)
        items, _ = await uow.shop.products(farm.complex_id, shop_id=shop.id, limit=10)
        rice = next(item for item in items if item.name == "유기농 쌀")
        new = NewOrder(saved(rice.id), 1, PLACE, "on_site")
        order_id = saved((await place_order(uow, clock, park, new, (PLACE,))).id)
        for target in ("confirmed", "ready", "picked_up"):
            await move_order(uow, clock, farm, order_id, target)
        spare = await balance(uow, park) - 100
        await pay_rent(uow, clock, park, rent_months(clock)[1], spare)
        await refunds.ask_refund(uow, clock, park, order_id, "쌀벌레가 나왔어요")
        _, plan = await refunds.preview_refund(uow, farm, order_id)
        await refunds.refund(uow, clock, farm, order_id, reason="쌀벌레", shown=plan)
        await uow.commit()
