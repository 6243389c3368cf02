"""Refunds (환불) of picked-up orders, also when the reward was already spent: the buyer may ask
for one (환불 요청), the vendor refunds. Both see the same settlement before confirming: the
points paid come back, what is left of the reward is taken back, and what of it was already
spent lowers the cash refunded (core.points.refunds.plan_refund)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, InvalidInput
from core.identity.model import Membership
from core.identity.roles import require_self
from core.points.model import AccountRef
from core.points.refunds import RefundPlan, credited, plan_refund, settle_refund
from core.shop import points
from core.shop.events import OrderRefunded, RefundAsked
from core.shop.model import MAX_REASON, Order, OrderStatus
from core.shop.orders import notify_buyer, notify_vendors, own_order, shop_order

if TYPE_CHECKING:
    from core.ports import UnitOfWork


async def plan_of(uow: UnitOfWork, order: Order) -> RefundPlan:
    """The settlement a refund of `order` would make now, from the balances as they are."""
    personal, common = await credited(uow, order.key)
    buyer = AccountRef.personal(order.resident_id, order.complex_id)
    return plan_refund(
        paid=order.money,
        points_used=order.points_used,
        reward_personal=personal,
        reward_common=common,
        personal_balance=await uow.points.balance(buyer.key),
        common_balance=await uow.points.balance(AccountRef.common(order.complex_id).key),
    )


def _refundable(order: Order) -> Order:
    if order.status != OrderStatus.PICKED_UP:
        raise DomainError("shop.not_refundable", number=order.number)
    return order


def _reason(reason: str) -> str:
    reason = " ".join(str(reason).split())
    if not reason or len(reason) > MAX_REASON:
        raise InvalidInput("shop.needs_reason", limit=MAX_REASON)
    return reason


async def preview_refund(
    uow: UnitOfWork, member: Membership, order_id: int
) -> tuple[Order, RefundPlan]:
    """The vendor's own shop's picked-up order and its settlement, to show before confirming."""
    order = _refundable(await shop_order(uow, member, order_id))
    return order, await plan_of(uow, order)


async def preview_request(
    uow: UnitOfWork, member: Membership, order_id: int
) -> tuple[Order, RefundPlan]:
    """The resident's own picked-up order and its settlement, to show before asking."""
    order = _refundable(await own_order(uow, member, order_id))
    return order, await plan_of(uow, order)


async def ask_refund(
    uow: UnitOfWork, clock: Clock, member: Membership, order_id: int, reason: str
) -> RefundPlan:
    """환불 요청: the buyer asks the shop to refund a picked-up order.

    Rules:
    - The buyer's own order only (another's or another complex's looks missing), picked up
      ("shop.not_refundable" otherwise); a reason of 1–200 characters.
    - Changes no money or points: the shop's vendors are told, with the settlement as it
      stands now (asking twice tells them once per day at most: the notice key is per day).
    """
    require_self(member)
    order, plan = await preview_request(uow, member, order_id)
    event = RefundAsked.of(order, _reason(reason), plan)
    day = clock.now().date().isoformat()
    await notify_vendors(uow, order, event, key=f"shop:order:{order.id}:refund-asked:{day}")
    return plan


async def refund(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    order_id: int,
    *,
    reason: str,
    shown: RefundPlan,
) -> tuple[Order, RefundPlan]:
    """The vendor refunds an own shop's picked-up order (수령완료 → 환불).

    Rules:
    - The vendor's own shop's order only; picked up ("shop.not_refundable" otherwise); a reason
      of 1–200 characters.
    - The settlement is the one shown: when balances moved since ("shop.refund_changed"),
      nothing changes and the vendor looks again.
    - The points paid come back; what is left of the reward is taken back from the buyer and
      the complex; the part already spent is kept back from the cash refund. No balance goes
      below zero; the ledger's transfers are keyed by the order, so nothing happens twice.
    - The status moves with one conditional update: a second confirm finds it moved
      ("shop.order_changed") and changes nothing.
    - The buyer is told the settlement.
    """
    reason = _reason(reason)
    order, plan = await preview_refund(uow, member, order_id)
    if plan != shown:
        raise DomainError("shop.refund_changed", number=order.number)
    if not await uow.shop.move_order(order_id, [OrderStatus.PICKED_UP], OrderStatus.REFUNDED):
        raise DomainError("shop.order_changed")
    order.status, order.reason, order.updated_at = OrderStatus.REFUNDED, reason, clock.now()
    await points.give_back(uow, clock, order)
    buyer = AccountRef.personal(order.resident_id, order.complex_id)
    memo = await points.memo_of(uow, order)
    try:
        await settle_refund(uow, clock, order_key=order.key, plan=plan, buyer=buyer, memo=memo)
    except DomainError as exc:
        if exc.code != "points.insufficient":
            raise
        raise DomainError("shop.refund_changed", number=order.number) from exc
    event = OrderRefunded.of(order, reason, plan)
    await notify_buyer(uow, order, event, key=f"shop:order:{order.id}:refunded")
    return order, plan
