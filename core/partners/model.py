"""A partner shop's offer (a discount with its conditions) and the coupons residents claim.

An offer is open between `starts_at` and `ends_at` while `active`; `claimed` counts its coupons
(kept by a conditional update, so a cap is never passed). A coupon is issued once and redeemed
at most once (issued → redeemed by one conditional update)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class DiscountKind(enum.StrEnum):
    PERCENT = "percent"  # 10% 할인
    WON = "won"  # 3,000원 할인


class CouponStatus(enum.StrEnum):
    ISSUED = "issued"  # 받음: shown at the counter
    REDEEMED = "redeemed"  # 사용함


MAX_TITLE = 40
MAX_PLACE = 60
MAX_HOURS = 40
MAX_PERCENT = 90
MAX_WON = 1_000_000
MAX_SPEND = 10_000_000
MAX_DAYS = 90
MAX_CAP = 10_000
MAX_PER_HOUSEHOLD = 5
CODE_LENGTH = 8


def discount_of(kind: str, discount: int, amount: int) -> int:
    """The discount in won on a purchase of `amount` won: a percentage rounded down, or the
    won amount; never more than the purchase."""
    if kind == DiscountKind.PERCENT:
        return min(amount * discount // 100, amount)
    return min(discount, amount)


@dataclass(eq=False)
class Offer:
    complex_id: int
    shop_id: int
    title: str
    discount_kind: str
    discount: int  # percent (1–90) or won
    min_spend: int  # won; 0 = none
    starts_at: datetime
    ends_at: datetime
    place: str  # 동네 가게 location, in the shop's words
    hours: str  # opening hours, in the shop's words
    created_at: datetime
    per_household: int = 1
    cap: int | None = None  # coupons in all; None = no limit
    claimed: int = 0
    active: bool = True
    id: int | None = None

    def is_open(self, now: datetime) -> bool:
        return self.active and self.starts_at <= now < self.ends_at

    @property
    def left(self) -> int | None:
        return None if self.cap is None else max(self.cap - self.claimed, 0)

    def discount_on(self, amount: int) -> int:
        return discount_of(self.discount_kind, self.discount, amount)


@dataclass(eq=False)
class Coupon:
    complex_id: int
    offer_id: int
    shop_id: int
    resident_id: int | None  # None once the resident left (탈퇴): the row stays anonymous
    household_id: int
    seq: int  # the household's n-th coupon of this offer (unique with offer and household)
    code: str
    claimed_at: datetime
    status: str = CouponStatus.ISSUED
    redeemed_at: datetime | None = None
    amount: int = 0  # the purchase in won, entered by the shop
    discount_won: int = 0
    redeemed_by: int | None = None
    id: int | None = None

    @property
    def key(self) -> str:
        """The ledger's cause key for the purchase made with this coupon."""
        return f"coupon:{self.id}"

    @property
    def paid(self) -> int:
        """What was paid in money after the discount (what earns points)."""
        return self.amount - self.discount_won
