"""The shop's side of the points ledger (core.points): points used to pay are spent when an
order is placed and returned when it is cancelled; the reward is credited when an order is
picked up (수령완료) on the money part only, and settled on a refund (core.shop.refunds).

The shop depends on the points, never the reverse (core.points knows orders only by their
cause key, "order:{id}")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.points import use_cases as points
from core.shop.model import Order, ShopKind
from core.shop.words import KIND_WORDS

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def memo_of(uow: UnitOfWork, order: Order) -> str:
    """What the history calls the purchase: the shop kind's word ("로컬푸드"), else the shop."""
    shop = await uow.shop.get_shop(order.shop_id)
    if shop is None:
        return ""
    try:
        return KIND_WORDS[ShopKind(shop.kind)]
    except ValueError:
        return shop.name


async def balance(uow: UnitOfWork, resident_id: int) -> int:
    """The resident's personal points."""
    return await points.balance(uow, resident_id)


async def spend(uow: UnitOfWork, clock: Clock, order: Order) -> None:
    """Pay the order's points part (refused with "points.insufficient" beyond the balance)."""
    if order.points_used <= 0:
        return
    await points.spend_for_order(
        uow,
        clock,
        order_key=order.key,
        resident_id=order.resident_id,
        points=order.points_used,
        memo=await memo_of(uow, order),
    )


async def give_back(uow: UnitOfWork, clock: Clock, order: Order) -> None:
    """Return the points used to pay for a cancelled order (a replay is a no-op)."""
    if order.points_used > 0:
        await points.return_for_order(uow, clock, order_key=order.key)


async def reward(uow: UnitOfWork, clock: Clock, order: Order) -> None:
    """Credit the reward (the ledger's 1% / 2% rule) on the money part, at 수령완료."""
    if order.money > 0:
        await points.award_purchase(
            uow,
            clock,
            order_key=order.key,
            resident_id=order.resident_id,
            complex_id=order.complex_id,
            paid_won=order.money,
            memo=await memo_of(uow, order),
        )
