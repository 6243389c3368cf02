"""The shop's entities and their small rules: shop kinds, the order workflow
(주문접수 → 확인 → 준비완료 → 수령완료, or 취소) and the group buy's life
(모집중 → 마감중 → 성사 / 무산)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class ShopKind(enum.StrEnum):
    LOCAL_FOOD = "local_food"  # 로컬푸드
    SOCIAL = "social"  # 사회적경제
    SME = "sme"  # 중소기업
    PARTNER = "partner"  # 제휴상가


class OrderStatus(enum.StrEnum):
    PLACED = "placed"  # 주문접수 (a group-buy share: 참여중 until the deadline)
    CONFIRMED = "confirmed"  # 확인
    READY = "ready"  # 준비완료
    PICKED_UP = "picked_up"  # 수령완료
    CANCELLED = "cancelled"  # 취소
    REFUNDED = "refunded"  # 환불 (after 수령완료: the reward is taken back)


class Payment(enum.StrEnum):
    ON_SITE = "on_site"  # 현장결제
    TRANSFER = "transfer"  # 계좌이체 (the vendor confirms the money arrived)


class ServeStatus(enum.StrEnum):
    """A shop's request to serve another complex (its own complex is always served)."""

    ASKED = "asked"  # 입점 신청
    APPROVED = "approved"  # 승인: the complex's residents see the shop
    REFUSED = "refused"  # 거절 (or stopped by the operator)


class GroupBuyStatus(enum.StrEnum):
    OPEN = "open"  # 모집중
    CLOSING = "closing"  # the deadline job claimed it; decided in the same transaction
    SUCCEEDED = "succeeded"  # 성사
    FAILED = "failed"  # 무산


ORDER_FLOW: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.PLACED: frozenset({OrderStatus.CONFIRMED, OrderStatus.CANCELLED}),
    OrderStatus.CONFIRMED: frozenset({OrderStatus.READY, OrderStatus.CANCELLED}),
    OrderStatus.READY: frozenset({OrderStatus.PICKED_UP, OrderStatus.CANCELLED}),
    OrderStatus.PICKED_UP: frozenset({OrderStatus.REFUNDED}),
    OrderStatus.CANCELLED: frozenset(),
    OrderStatus.REFUNDED: frozenset(),
}
# A resident may cancel their own order until the vendor has it ready.
RESIDENT_CANCELLABLE = frozenset({OrderStatus.PLACED, OrderStatus.CONFIRMED})

MAX_NAME = 40
MAX_UNIT = 10
MAX_DESCRIPTION = 300
MAX_REASON = 200
MAX_TITLE = 40
MAX_PRICE = 10_000_000
MAX_STOCK = 100_000
MAX_QUANTITY = 99  # per order or group-buy share


@dataclass(eq=False)
class Shop:
    complex_id: int
    name: str
    kind: str
    household_id: int  # the vendor's own "household": every vendor verified in it runs the shop
    created_at: datetime
    id: int | None = None


@dataclass(eq=False)
class ShopComplex:
    """A shop serving a complex other than its own, with its pickup place there."""

    shop_id: int
    complex_id: int
    status: str
    asked_at: datetime
    pickup_place: str = ""
    decided_at: datetime | None = None
    decided_by: int | None = None  # the deciding coordinator; None: the operator (CLI)
    id: int | None = None


@dataclass(eq=False)
class Product:
    shop_id: int
    complex_id: int
    name: str
    price: int  # won per unit
    unit: str  # e.g. "1kg", "1봉"
    stock: int
    created_at: datetime
    description: str = ""
    photo: str = ""  # media id
    active: bool = True
    id: int | None = None


@dataclass(eq=False)
class Exhibition:
    """기획전: a titled collection of products, shown between its start and end."""

    shop_id: int
    complex_id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    product_ids: list[int]
    id: int | None = None
    only_complex_id: int | None = None  # None: every complex the shop serves; else that one

    def is_on(self, now: datetime) -> bool:
        return self.starts_at <= now < self.ends_at


@dataclass(eq=False)
class ExhibitionItem:
    """A product of a 기획전 and its sale price (None: sold at its own price)."""

    exhibition_id: int
    product_id: int
    sale_price: int | None = None


@dataclass(eq=False)
class GroupBuy:
    shop_id: int
    complex_id: int
    product_id: int
    title: str
    price: int  # won per unit
    minimum: int  # total quantity needed by the deadline
    maximum: int | None
    deadline: datetime
    pickup_at: datetime
    pickup_place: str
    opened_by: int
    created_at: datetime
    joined: int = 0  # total quantity of the live shares (kept by conditional updates)
    status: str = GroupBuyStatus.OPEN
    id: int | None = None

    @property
    def reached(self) -> bool:
        return self.joined >= self.minimum


@dataclass(eq=False)
class Order:
    complex_id: int
    shop_id: int
    product_id: int
    resident_id: int
    household_id: int
    quantity: int
    unit_price: int
    points_used: int
    pickup: str
    payment: str
    created_at: datetime
    updated_at: datetime
    group_buy_id: int | None = None
    status: str = OrderStatus.PLACED
    paid: bool = False  # 계좌이체: the vendor saw the money
    reason: str = ""  # why cancelled
    id: int | None = None

    @property
    def total(self) -> int:
        return self.quantity * self.unit_price

    @property
    def money(self) -> int:
        """What is paid in won (points do not earn points)."""
        return self.total - self.points_used

    @property
    def key(self) -> str:
        """The ledger's cause key for this order."""
        return f"order:{self.id}"

    @property
    def number(self) -> str:
        return f"S-{self.id:06d}"
