"""공동구매: a vendor (or a coordinator) opens a group buy of a product with a minimum total,
an optional maximum and a deadline; residents join with a quantity, change or leave it before
the deadline; at the deadline it succeeds or fails, exactly once.

A resident's share is an order of the group buy (status 주문접수 until the deadline), so a
successful group buy continues as ordinary orders the vendor moves to 수령완료."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.proxy import ProxyTask, record_proxy
from core.identity.roles import require_self, require_verified
from core.ids import saved
from core.shop import points
from core.shop.catalog import home_of
from core.shop.events import reminder, result
from core.shop.model import (
    MAX_NAME,
    GroupBuy,
    GroupBuyStatus,
    Order,
    OrderStatus,
    Payment,
)
from core.shop.orders import check_points, check_quantity, notify_buyer, record_order
from core.shop.payments import check_payment
from core.shop.serving import shop_serves
from core.shop.vendors import check_price, clean_name, own_shop

if TYPE_CHECKING:
    from core.ports import UnitOfWork

DEADLINE_JOB = "shop.gb.deadline"
REMIND_JOB = "shop.gb.remind"


@dataclass(frozen=True)
class GroupBuyPolicy:
    """When reminders go out (configurable in `[shop]`)."""

    eve_hours: int = 24  # participants, before the deadline
    closing_soon_hours: int = 3  # the whole complex, if the minimum is not reached
    pickup_hours: int = 3  # participants, before the pickup time on the pickup day


@dataclass(frozen=True)
class NewGroupBuy:
    product_id: int
    price: int
    minimum: int
    maximum: int | None
    deadline: datetime
    pickup_at: datetime
    pickup_place: str
    title: str = ""
    complex_id: int | None = None  # a vendor's: which complex it is for (default its own)


async def open_group_buy(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    new: NewGroupBuy,
    policy: GroupBuyPolicy = GroupBuyPolicy(),
) -> GroupBuy:
    """Open a group buy.

    Rules:
    - The vendor of the product's shop, for its own complex or one it is approved to serve
      (one group buy per complex: its residents, its pickup place); or a coordinator of a
      complex the product's shop serves, for that complex.
    - Price 1–10,000,000 won a unit; minimum 1–10,000; maximum (if any) at least the minimum.
    - The deadline at least an hour away; pickup after the deadline; a pickup place.
    - Arms the deadline job and the reminders (rows written in this transaction).
    """
    product = await uow.shop.get_product(new.product_id)
    if product is None:
        raise NotFound()
    if member.is_coordinator:
        complex_id = member.complex_id  # a coordinator opens for their own complex only
    else:
        shop = await own_shop(uow, member)
        if shop.id != product.shop_id:
            raise NotFound()
        complex_id = new.complex_id or shop.complex_id
    if not await shop_serves(uow, product.shop_id, complex_id):
        raise NotFound()  # the shop does not sell there (a forged or unapproved complex)
    price = check_price(new.price)
    if not isinstance(new.minimum, int) or not 1 <= new.minimum <= 10_000:
        raise InvalidInput("shop.bad_minimum")
    if new.maximum is not None and (
        not isinstance(new.maximum, int) or not new.minimum <= new.maximum <= 100_000
    ):
        raise InvalidInput("shop.bad_maximum")
    now = clock.now()
    if new.deadline < now + timedelta(hours=1) or new.pickup_at <= new.deadline:
        raise InvalidInput("shop.bad_period")
    item = await uow.shop.add_group_buy(
        GroupBuy(
            shop_id=product.shop_id,
            complex_id=saved(complex_id),
            product_id=saved(product.id),
            title=clean_name(new.title or product.name),
            price=price,
            minimum=new.minimum,
            maximum=new.maximum,
            deadline=new.deadline,
            pickup_at=new.pickup_at,
            pickup_place=clean_name(new.pickup_place, MAX_NAME),
            opened_by=member.resident_id,
            created_at=now,
        )
    )
    await _arm(uow, item, policy)
    return item


async def _arm(uow: UnitOfWork, item: GroupBuy, policy: GroupBuyPolicy) -> None:
    key = str(item.id)
    payload = {"group_buy_id": item.id}
    await uow.jobs.at(DEADLINE_JOB, key, item.deadline, payload, complex_id=item.complex_id)
    for what, due in (
        ("eve", item.deadline - timedelta(hours=policy.eve_hours)),
        ("closing", item.deadline - timedelta(hours=policy.closing_soon_hours)),
        ("pickup", item.pickup_at - timedelta(hours=policy.pickup_hours)),
    ):
        remind_payload = {**payload, "what": what}
        await uow.jobs.at(
            REMIND_JOB, f"{key}:{what}", due, remind_payload, complex_id=item.complex_id
        )


async def visible_group_buy(uow: UnitOfWork, member: Membership, group_buy_id: int) -> GroupBuy:
    require_verified(member)
    item = await uow.shop.get_group_buy(group_buy_id)
    if item is None or item.complex_id != member.complex_id:
        raise NotFound()
    if not await shop_serves(uow, item.shop_id, member.complex_id):
        raise NotFound()  # the operator stopped the shop serving the complex
    return item


async def open_group_buys(uow: UnitOfWork, member: Membership) -> list[GroupBuy]:
    complex_id, _ = home_of(member)
    return await uow.shop.group_buys(complex_id, statuses=[GroupBuyStatus.OPEN])


def _check_open(item: GroupBuy, now: datetime) -> None:
    if item.status != GroupBuyStatus.OPEN or now >= item.deadline:
        raise DomainError("shop.gb_closed")


async def _change(uow: UnitOfWork, item: GroupBuy, delta: int, now: datetime) -> None:
    if delta and not await uow.shop.change_joined(saved(item.id), delta, now):
        fresh = await uow.shop.get_group_buy(saved(item.id))
        if fresh is None:
            raise NotFound()
        _check_open(fresh, now)
        left = (fresh.maximum or 0) - fresh.joined
        raise DomainError("shop.gb_full", left=max(left, 0))


async def join_group_buy(
    uow: UnitOfWork,
    clock: Clock,
    member: Membership,
    group_buy_id: int,
    quantity: int,
    *,
    payment: str = Payment.ON_SITE,
    points_used: int = 0,
) -> Order:
    """참여하기: a share of `quantity` (1–99), before the deadline, never past the maximum
    (one conditional update of the total). Joining again changes the quantity instead.
    대신 하기: for the household's resident, points only with consent; marked, audited and
    announced (`record_proxy`)."""
    item = await visible_group_buy(uow, member, group_buy_id)
    quantity = check_quantity(quantity)
    now = clock.now()
    _check_open(item, now)
    await check_payment(uow, item.shop_id, payment)  # 계좌이체 only to a shop's account
    used = check_points(points_used, quantity * item.price)
    share = await uow.shop.share_of(saved(item.id), member.resident_id)
    if share is not None:
        changed = await change_share(uow, clock, member, group_buy_id, quantity)
        ref = f"order:{changed.id}:q{quantity}"  # 대신 하기: the new quantity, announced
        await record_proxy(uow, clock, member, ProxyTask.GROUP_BUY, ref, what=item.title)
        return changed
    await _change(uow, item, quantity, now)
    order = await record_order(
        uow,
        clock,
        member,
        item,
        quantity=quantity,
        points_used=used,
        pickup=item.pickup_place,
        payment=payment,
        now=now,
    )
    ref = f"order:{order.id}"
    await record_proxy(uow, clock, member, ProxyTask.GROUP_BUY, ref, what=item.title, amount=used)
    return order


async def change_share(
    uow: UnitOfWork, clock: Clock, member: Membership, group_buy_id: int, quantity: int
) -> Order:
    """Change the quantity of one's share before the deadline (within the maximum). Points
    already used stay as they are, and never above the new price."""
    item = await visible_group_buy(uow, member, group_buy_id)
    quantity = check_quantity(quantity)
    now = clock.now()
    _check_open(item, now)
    share = await uow.shop.share_of(saved(item.id), member.resident_id)
    if share is None:
        raise NotFound()
    if share.points_used > quantity * item.price:
        raise InvalidInput("shop.bad_points", limit=quantity * item.price)
    await _change(uow, item, quantity - share.quantity, now)
    share.quantity, share.updated_at = quantity, now
    return share


async def leave_group_buy(
    uow: UnitOfWork, clock: Clock, member: Membership, group_buy_id: int
) -> Order:
    """Cancel one's share before the deadline; points used come back."""
    require_self(member)  # 대신 하기 does not offer this
    item = await visible_group_buy(uow, member, group_buy_id)
    now = clock.now()
    _check_open(item, now)
    share = await uow.shop.share_of(saved(item.id), member.resident_id)
    if share is None:
        raise NotFound()
    if not await uow.shop.move_order(saved(share.id), [OrderStatus.PLACED], OrderStatus.CANCELLED):
        raise DomainError("shop.order_changed")
    share.status, share.reason, share.updated_at = OrderStatus.CANCELLED, "resident", now
    await _change(uow, item, -share.quantity, now)
    await points.give_back(uow, clock, share)
    return share


async def close_at_deadline(uow: UnitOfWork, clock: Clock, group_buy_id: int) -> str | None:
    """The deadline job: decide the group buy, exactly once.

    Rules:
    - Only an open group buy whose deadline has come; claimed 모집중 → 마감중 with one
      conditional update, so a second run (a restart, a second scheduler) does nothing.
    - Minimum reached: every share is confirmed (확인) and its buyer told the pickup details.
    - Not reached: every share is cancelled, points used returned, buyers told.
    Returns the outcome ("succeeded" / "failed") or None when there was nothing to do.
    """
    item = await uow.shop.get_group_buy(group_buy_id)
    if item is None or item.status != GroupBuyStatus.OPEN or clock.now() < item.deadline:
        return None
    if not await uow.shop.claim_group_buy(saved(item.id)):
        return None
    reached = item.reached
    target = OrderStatus.CONFIRMED if reached else OrderStatus.CANCELLED
    for share in await uow.shop.shares(saved(item.id), [OrderStatus.PLACED]):
        if not await uow.shop.move_order(saved(share.id), [OrderStatus.PLACED], target):
            continue
        share.status, share.updated_at = target, clock.now()
        if not reached:
            share.reason = "group_buy_failed"
            await points.give_back(uow, clock, share)
        event = result(item, share, reached=reached)
        await notify_buyer(uow, share, event, key=f"shop:gb:{item.id}:result")
    decided = GroupBuyStatus.SUCCEEDED if reached else GroupBuyStatus.FAILED
    item.status = decided
    return decided


async def remind(
    uow: UnitOfWork, clock: Clock, group_buy_id: int, what: str, late_s: float
) -> int:
    """A reminder job ("eve", "closing", "pickup"); returns how many people were told.

    - eve: participants, the day before the deadline, while it is open.
    - closing: "마감 임박" to every verified resident of the complex who has not joined, if
      the minimum is not reached yet and the deadline has not passed.
    - pickup: participants of a succeeded group buy, before the pickup time.
    A reminder that comes too late to be useful (after its moment passed) sends nothing."""
    item = await uow.shop.get_group_buy(group_buy_id)
    now = clock.now()
    if item is None:
        return 0
    key = f"shop:gb:{item.id}:{what}"
    shares = uow.shop.shares
    if what == "pickup":
        if item.status != GroupBuyStatus.SUCCEEDED or now >= item.pickup_at:
            return 0
        people = [s.resident_id for s in await shares(saved(item.id), [OrderStatus.CONFIRMED])]
    elif item.status != GroupBuyStatus.OPEN or now >= item.deadline:
        return 0
    elif what == "eve":
        people = [s.resident_id for s in await shares(saved(item.id), [OrderStatus.PLACED])]
    elif what == "closing":
        if item.reached:
            return 0
        joined = {s.resident_id for s in await shares(saved(item.id), [OrderStatus.PLACED])}
        people = [r for r in await uow.shop.verified_residents(item.complex_id) if r not in joined]
    else:
        return 0
    await uow.notifier.notify_many(
        list(dict.fromkeys(people)),
        reminder(what, item),
        key=key,
        batch=key,
        complex_id=item.complex_id,
    )
    return len(people)
