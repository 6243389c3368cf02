"""The shop's side of the points ledger (core.points, built apart): points used to pay are
spent when an order is placed and returned when it is cancelled; the reward is credited when
an order is picked up (수령완료) on the money part only, and reversed on a refund.

The ledger is looked up lazily, so the shop works (without points) where it is not installed:
paying with points is then refused, and there is nothing to credit or return."""

from __future__ import annotations

import importlib

from core.errors import DomainError
from core.shop.model import Order, ShopKind
from core.shop.words import KIND_WORDS

LEDGER_MODULES = ("core.points.ledger", "core.points.use_cases")


def _fn(name: str):
    for module in LEDGER_MODULES:
        try:
            found = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if found is not None:
            return found
    return None


async def memo_of(uow, order: Order) -> str:
    """What the history calls the purchase: the shop kind's word ("로컬푸드"), else the shop."""
    shop = await uow.shop.get_shop(order.shop_id)
    if shop is None:
        return ""
    try:
        return KIND_WORDS[ShopKind(shop.kind)]
    except ValueError:
        return shop.name


async def balance(uow, resident_id: int) -> int:
    """The resident's personal points, or 0 where the ledger is not there."""
    fn = _fn("balance")
    return int(await fn(uow, resident_id)) if fn is not None else 0


async def spend(uow, clock, order: Order) -> None:
    if order.points_used <= 0:
        return
    fn = _fn("spend_for_order")
    if fn is None:
        raise DomainError("points.insufficient")
    await fn(
        uow,
        clock,
        order_key=order.key,
        resident_id=order.resident_id,
        points=order.points_used,
        memo=await memo_of(uow, order),
    )


async def give_back(uow, clock, order: Order) -> None:
    """Return the points used to pay for a cancelled order (a replay is a no-op)."""
    fn = _fn("return_for_order")
    if order.points_used > 0 and fn is not None:
        await fn(uow, clock, order_key=order.key)


async def reward(uow, clock, order: Order) -> None:
    """Credit the reward (the ledger's 1% / 2% rule) on the money part, at 수령완료."""
    fn = _fn("award_purchase")
    if fn is not None and order.money > 0:
        await fn(
            uow,
            clock,
            order_key=order.key,
            resident_id=order.resident_id,
            complex_id=order.complex_id,
            paid_won=order.money,
            memo=await memo_of(uow, order),
        )


async def take_back_reward(uow, clock, order: Order) -> None:
    fn = _fn("reverse_award")
    if fn is not None and order.money > 0:
        await fn(uow, clock, order_key=order.key)
