"""Orders: a resident orders a product for pickup, pays on site or by transfer (points may pay
part), and the vendor moves the order along 확인 → 준비완료 → 수령완료 (or 취소 with a reason).

Every status change is one conditional update, so a resident's cancel and a vendor's move
racing each other cannot both happen; stock, points and the reward follow the change that won.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.proxy import ProxyTask, record_proxy, require_consent
from core.identity.roles import require_self, require_verified
from core.ids import saved
from core.notifications import Notification
from core.shop import points
from core.shop.catalog import home_of, visible_product
from core.shop.events import OrderCancelled, OrderPaid, OrderPlaced, OrderStatusChanged
from core.shop.exhibitions import exhibition_price
from core.shop.model import (
    MAX_QUANTITY,
    MAX_REASON,
    ORDER_FLOW,
    RESIDENT_CANCELLABLE,
    GroupBuy,
    Order,
    OrderStatus,
    Payment,
    Product,
)
from core.shop.payments import check_payment
from core.shop.serving import pickup_place
from core.shop.vendors import own_shop

if TYPE_CHECKING:
    from core.ports import UnitOfWork


def check_quantity(quantity: object) -> int:
    if not isinstance(quantity, int) or isinstance(quantity, bool):
        raise InvalidInput("shop.bad_quantity", limit=MAX_QUANTITY)
    if not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidInput("shop.bad_quantity", limit=MAX_QUANTITY)
    return quantity


def check_points(used: object, total: int) -> int:
    if not isinstance(used, int) or isinstance(used, bool) or not 0 <= used <= total:
        raise InvalidInput("shop.bad_points", limit=total)
    return used


async def notify_buyer(uow: UnitOfWork, order: Order, event: Notification, *, key: str) -> None:
    await uow.notifier.notify(order.resident_id, event, key=key, complex_id=order.complex_id)


async def notify_vendors(uow: UnitOfWork, order: Order, event: Notification, *, key: str) -> None:
    shop = await uow.shop.get_shop(order.shop_id)
    if shop is None:
        return
    for resident_id in await uow.residents.ids_in_household(shop.household_id):
        await uow.notifier.notify(resident_id, event, key=key, complex_id=order.complex_id)


async def served_complex_name(uow: UnitOfWork, shop_id: int, complex_id: int) -> str:
    """The complex's name when it is not the shop's own (a shop serving several), else ""."""
    shop = await uow.shop.get_shop(shop_id)
    if shop is None or shop.complex_id == complex_id:
        return ""
    complex_ = await uow.complexes.get(complex_id)
    return complex_.name if complex_ is not None else ""


@dataclass(frozen=True)
class NewOrder:
    product_id: int
    quantity: int
    pickup: str
    payment: str
    points: int = 0
    exhibition_id: int = 0  # ordered from this 기획전's screen: its sale price applies


async def record_order(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    of: Product | GroupBuy,
    *,
    quantity: int,
    points_used: int,
    pickup: str,
    payment: str,
    now: datetime,
    unit_price: int | None = None,
) -> Order:
    """Store the member's order of a product, or share of a group buy (at its price, or at
    `unit_price`: a 기획전's sale price), and spend the points it uses (the ledger refuses
    more than the balance)."""
    complex_id, household_id = home_of(member)  # the order belongs where it was placed
    if points_used:
        require_consent(member)  # 대신 하기: the household's points only with its consent
    if isinstance(of, GroupBuy):
        product_id, group_buy_id = of.product_id, saved(of.id)
    else:
        product_id, group_buy_id = saved(of.id), None
    order = await uow.shop.add_order(
        Order(
            complex_id=complex_id,
            shop_id=of.shop_id,
            product_id=product_id,
            resident_id=member.resident_id,
            household_id=household_id,
            quantity=quantity,
            unit_price=of.price if unit_price is None else unit_price,
            points_used=points_used,
            pickup=pickup,
            payment=payment,
            created_at=now,
            updated_at=now,
            group_buy_id=group_buy_id,
        )
    )
    await points.spend(uow, clock, order)
    return order


async def place_order(
    uow: UnitOfWork, clock: Clock, member: Membership, new: NewOrder, pickups: tuple[str, ...]
) -> Order:
    """Order a product of the resident's complex.

    Rules:
    - Verified residents only; a product of a shop not serving the complex, or off sale, is
      "not found"; the order belongs to the resident's complex (its points, its coordinators).
    - Quantity 1–99, never more than the stock left ("shop.out_of_stock"); stock is taken
      with one conditional update, so it never goes below zero.
    - Pickup is one of the complex's pickup slots, or the shop's own pickup place in the
      complex; payment 현장결제 or 계좌이체, the latter only if the shop has an account to be
      paid to ("shop.no_transfer", core.shop.payments).
    - Ordered from a 기획전 on now (`exhibition_id`), a unit costs its sale price, looked up
      here from the stored 기획전 (core/shop/exhibitions.py), never taken from the button;
      the order records the price paid, and its reward follows it.
    - Points: whole points, at most the price and the balance (the ledger refuses more with
      "points.insufficient"); they are spent now and returned if the order is cancelled.
    - The shop's vendors are told, with the complex's name when the order comes from a
      complex the shop serves besides its own.
    - 대신 하기: ordered for the household's resident, points only with the household's
      consent ("proxy.no_consent"); marked, audited and announced (`record_proxy`).
    """
    require_verified(member)
    product = await visible_product(uow, member, new.product_id)
    quantity = check_quantity(new.quantity)
    place = await pickup_place(uow, product.shop_id, saved(member.complex_id))
    if new.pickup not in pickups and not (place and new.pickup == place):
        raise InvalidInput("shop.bad_choice")
    await check_payment(uow, product.shop_id, new.payment)
    price = product.price
    if new.exhibition_id:
        price = await exhibition_price(uow, clock, member, new.exhibition_id, product)
    used = check_points(new.points, quantity * price)
    if not await uow.shop.take_stock(saved(product.id), quantity):
        raise DomainError("shop.out_of_stock", left=product.stock)
    order = await record_order(
        uow,
        clock,
        member,
        product,
        quantity=quantity,
        points_used=used,
        pickup=new.pickup,
        payment=new.payment,
        now=clock.now(),
        unit_price=price,
    )
    where = await served_complex_name(uow, product.shop_id, order.complex_id)
    event = OrderPlaced.of(order, product.name, where)
    await notify_vendors(uow, order, event, key=f"shop:order:{order.id}:new")
    ref, task = f"order:{order.id}", ProxyTask.ORDER
    await record_proxy(uow, clock, member, task, ref, what=product.name, amount=used)
    return order


async def own_order(uow: UnitOfWork, member: Membership, order_id: int) -> Order:
    require_verified(member)
    order = await uow.shop.get_order(order_id)
    if order is None or order.resident_id != member.resident_id:
        raise NotFound()
    return order


async def _undo(uow: UnitOfWork, clock: Clock, order: Order) -> None:
    """What a cancelled order gives back: its stock (group-buy shares took none), its points."""
    if order.group_buy_id is None:
        await uow.shop.put_back_stock(order.product_id, order.quantity)
    await points.give_back(uow, clock, order)


async def _move(
    uow: UnitOfWork, clock: Clock, order: Order, expected: Iterable[str], target: str
) -> None:
    if not await uow.shop.move_order(saved(order.id), sorted(expected), target):
        raise DomainError("shop.order_changed")
    order.status = target
    order.updated_at = clock.now()


async def cancel_own_order(
    uow: UnitOfWork, clock: Clock, member: Membership, order_id: int
) -> Order:
    """The resident cancels before 준비완료; stock and points come back, vendors are told.
    A group-buy share is left through the group buy (before its deadline)."""
    require_self(member)  # 대신 하기 does not offer this
    order = await own_order(uow, member, order_id)
    if order.group_buy_id is not None:
        raise DomainError("shop.leave_group_buy")
    if order.status not in RESIDENT_CANCELLABLE:
        raise DomainError("shop.too_late_to_cancel")
    await _move(uow, clock, order, RESIDENT_CANCELLABLE, OrderStatus.CANCELLED)
    order.reason = "resident"
    await _undo(uow, clock, order)
    await notify_vendors(uow, order, OrderCancelled.of(order), key=f"shop:order:{order.id}:cancel")
    return order


async def shop_order(uow: UnitOfWork, member: Membership, order_id: int) -> Order:
    shop = await own_shop(uow, member)
    order = await uow.shop.get_order(order_id)
    if order is None or order.shop_id != shop.id:
        raise NotFound()
    return order


async def move_order(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    order_id: int,
    target: str,
    *,
    reason: str = "",
) -> Order:
    """The vendor moves an own shop's order: 확인 → 준비완료 → 수령완료, 취소 (with a reason)
    from any open status. 환불 after 수령완료 is core.shop.refunds.refund (it settles points).

    Rules:
    - Only the workflow's transitions ("shop.bad_transition"); a group-buy share is confirmed
      by its deadline, not by hand.
    - 계좌이체 orders are handed over (수령완료) only once the money was confirmed.
    - 수령완료 credits the reward on the money part; 취소 returns stock and points.
    - The buyer is told of every change.
    """
    order = await shop_order(uow, member, order_id)
    current = OrderStatus(order.status)
    if target == OrderStatus.REFUNDED or target not in set(OrderStatus):
        raise DomainError("shop.bad_transition")
    if OrderStatus(target) not in ORDER_FLOW[current]:
        raise DomainError("shop.bad_transition")
    if order.group_buy_id is not None and current == OrderStatus.PLACED:
        raise DomainError("shop.bad_transition")
    reason = " ".join(reason.split())
    if target == OrderStatus.CANCELLED and (not reason or len(reason) > MAX_REASON):
        raise InvalidInput("shop.needs_reason", limit=MAX_REASON)
    needs_money = order.payment == Payment.TRANSFER and order.money > 0
    if target == OrderStatus.PICKED_UP and needs_money and not order.paid:
        raise DomainError("shop.not_paid")
    await _move(uow, clock, order, [current], target)
    order.reason = reason
    if target == OrderStatus.PICKED_UP:
        await points.reward(uow, clock, order)
    elif target == OrderStatus.CANCELLED:
        await _undo(uow, clock, order)
    event = OrderStatusChanged.of(order, reason)
    await notify_buyer(uow, order, event, key=f"shop:order:{order.id}:{target}")
    return order


async def confirm_payment(
    uow: UnitOfWork, clock: Clock, member: Membership, order_id: int
) -> Order:
    """The vendor saw the transfer arrive ("입금 확인"); once, for an open transfer order.

    Rules: a 계좌이체 order of the vendor's own shop, not cancelled or refunded
    ("shop.bad_transition"); exactly once, however many taps race: one conditional update
    (`paid` still false) decides, the others get "shop.already_paid"; only the winner tells
    the buyer."""
    order = await shop_order(uow, member, order_id)
    if order.payment != Payment.TRANSFER or order.status in (
        OrderStatus.CANCELLED,
        OrderStatus.REFUNDED,
    ):
        raise DomainError("shop.bad_transition")
    if order.paid:
        raise DomainError("shop.already_paid")
    now = clock.now()
    if not await uow.shop.mark_paid(saved(order.id), now):
        raise DomainError("shop.already_paid")
    await notify_buyer(uow, order, OrderPaid.of(order), key=f"shop:order:{order.id}:paid")
    return order


async def my_orders(
    uow: UnitOfWork, member: Membership, offset: int = 0, limit: int = 5
) -> tuple[list[Order], int]:
    require_verified(member)
    return await uow.shop.orders_of_resident(
        member.resident_id, offset=max(offset, 0), limit=limit
    )


OPEN_STATUSES = [OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.READY]


async def shop_orders(
    uow: UnitOfWork, member: Membership, *, offset: int = 0, limit: int = 5
) -> tuple[list[Order], int]:
    """The vendor's open orders, oldest first (group-buy shares once confirmed)."""
    shop = await own_shop(uow, member)
    return await uow.shop.orders_of_shop(
        saved(shop.id), statuses=OPEN_STATUSES, offset=max(offset, 0), limit=limit
    )


async def shop_history(
    uow: UnitOfWork, member: Membership, *, offset: int = 0, limit: int = 5
) -> tuple[list[Order], int]:
    """The vendor's order history, newest first: every order, completed ones included."""
    shop = await own_shop(uow, member)
    return await uow.shop.orders_of_shop(
        saved(shop.id),
        statuses=list(OrderStatus),
        offset=max(offset, 0),
        limit=limit,
        newest_first=True,
    )
