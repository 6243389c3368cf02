"""What the shop tells people on its own, as typed payloads (the bot words each kind):

- to the shop's vendors: a new order ("shop.order.new", naming the order's complex when the
  shop serves it from another one), an order the buyer cancelled
  ("shop.order.cancelled"), the buyer's 환불 요청 with its settlement ("shop.refund.asked");
- to the buyer: the order's new status ("shop.order.status"), the money confirmed
  ("shop.order.paid"), the refund with its settlement ("shop.order.refunded"),
  the group buy's result ("shop.gb.succeeded" / "shop.gb.failed");
- the group buy's reminders: the day before the deadline ("shop.gb.eve"), "마감 임박" to the
  complex ("shop.gb.closing") and the pickup day ("shop.gb.pickup")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Self

from core.ids import saved
from core.notifications import Notification
from core.points.refunds import RefundPlan
from core.shop.model import GroupBuy, Order


@dataclass(frozen=True)
class OrderEvent(Notification):
    """What every order notification carries."""

    order_id: int
    number: str
    status: str


@dataclass(frozen=True)
class OrderPlaced(OrderEvent, kind="shop.order.new"):
    product: str
    quantity: int
    complex_name: str = ""  # the order's complex when it is not the shop's own, else ""

    @classmethod
    def of(cls, order: Order, product: str, complex_name: str = "") -> OrderPlaced:
        return cls(
            saved(order.id), order.number, order.status, product, order.quantity, complex_name
        )


@dataclass(frozen=True)
class OrderCancelled(OrderEvent, kind="shop.order.cancelled"):
    @classmethod
    def of(cls, order: Order) -> OrderCancelled:
        return cls(saved(order.id), order.number, order.status)


@dataclass(frozen=True)
class OrderStatusChanged(OrderEvent, kind="shop.order.status"):
    reason: str

    @classmethod
    def of(cls, order: Order, reason: str) -> OrderStatusChanged:
        return cls(saved(order.id), order.number, order.status, reason)


@dataclass(frozen=True)
class OrderPaid(OrderEvent, kind="shop.order.paid"):
    @classmethod
    def of(cls, order: Order) -> OrderPaid:
        return cls(saved(order.id), order.number, order.status)


@dataclass(frozen=True)
class RefundEvent(OrderEvent):
    """A refund's settlement as both sides read it (see core.points.refunds.RefundPlan)."""

    reason: str
    paid: int
    cash: int
    points_back: int
    personal: int
    common: int
    absorbed: int

    @classmethod
    def of(cls, order: Order, reason: str, plan: RefundPlan) -> Self:
        return cls(
            saved(order.id),
            order.number,
            order.status,
            reason,
            plan.paid,
            plan.cash,
            plan.points_back,
            plan.personal,
            plan.common,
            plan.absorbed,
        )


@dataclass(frozen=True)
class RefundAsked(RefundEvent, kind="shop.refund.asked"):
    pass


@dataclass(frozen=True)
class OrderRefunded(RefundEvent, kind="shop.order.refunded"):
    pass


@dataclass(frozen=True)
class GroupBuyFacts(Notification):
    """A group buy as its reminders and its result tell it."""

    group_buy_id: int
    title: str
    joined: int
    minimum: int
    maximum: int | None
    deadline: datetime
    pickup_at: datetime
    place: str


@dataclass(frozen=True)
class GroupBuyEve(GroupBuyFacts, kind="shop.gb.eve"):
    pass


@dataclass(frozen=True)
class GroupBuyClosing(GroupBuyFacts, kind="shop.gb.closing"):
    pass


@dataclass(frozen=True)
class GroupBuyPickup(GroupBuyFacts, kind="shop.gb.pickup"):
    pass


Facts = tuple[int, str, int, int, int | None, datetime, datetime, str]


def _facts(item: GroupBuy) -> Facts:
    """The group buy's fields of GroupBuyFacts, in their order."""
    return (
        saved(item.id),
        item.title,
        item.joined,
        item.minimum,
        item.maximum,
        item.deadline,
        item.pickup_at,
        item.pickup_place,
    )


REMINDERS: dict[str, type[GroupBuyFacts]] = {
    "eve": GroupBuyEve,
    "closing": GroupBuyClosing,
    "pickup": GroupBuyPickup,
}


def reminder(what: str, item: GroupBuy) -> GroupBuyFacts:
    """The reminder `what` ("eve", "closing", "pickup") of the group buy."""
    return REMINDERS[what](*_facts(item))


@dataclass(frozen=True)
class GroupBuyResult(GroupBuyFacts):
    """A participant's share when the group buy was decided."""

    order_id: int
    number: str
    status: str
    quantity: int


@dataclass(frozen=True)
class GroupBuySucceeded(GroupBuyResult, kind="shop.gb.succeeded"):
    pass


@dataclass(frozen=True)
class GroupBuyFailed(GroupBuyResult, kind="shop.gb.failed"):
    pass


def result(item: GroupBuy, share: Order, *, reached: bool) -> GroupBuyResult:
    """What the buyer of `share` is told when the group buy succeeded or failed."""
    kind = GroupBuySucceeded if reached else GroupBuyFailed
    return kind(
        *_facts(item),
        order_id=saved(share.id),
        number=share.number,
        status=share.status,
        quantity=share.quantity,
    )
