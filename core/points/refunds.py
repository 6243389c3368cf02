"""Refunding a picked-up order whose reward may already be spent: a pure plan, then its
ledger transfer.

Rules of `plan_refund`:
- The points the buyer paid with come back in full (they sit in the shop's clearing account).
- The reward is taken back as far as it is still there: from the buyer's personal points
  (counting the points that come back with the refund) and from the complex's common points.
  No balance ever goes below zero.
- What of the reward was already spent is "absorbed": the cash refunded is lowered by that many
  won (1 point = ₩1), so cash + absorbed = the money paid, and personal + common + absorbed =
  the reward.

`settle_refund` posts the plan as one transfer "refund:{order_key}" of kind refund_settlement:
the reward issuer gets the whole reward back, from the buyer, the complex and (for the absorbed
part) the complex's refund_cash account, which records won kept back from refunds for the
operator to settle with the shop. Repeating it with the same plan is a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import InvalidInput
from core.points.ledger import transfer
from core.points.model import AccountRef, Kind, Legs, System

if TYPE_CHECKING:
    from core.ports import UnitOfWork


@dataclass(frozen=True)
class RefundPlan:
    paid: int  # won paid in money for the order
    points_back: int  # points the buyer paid with, returned in full
    personal: int  # reward points taken back from the buyer
    common: int  # reward points taken back from the complex's common points
    absorbed: int  # reward points already spent: kept back from the cash refund
    cash: int  # won refunded

    @property
    def reward(self) -> int:
        return self.personal + self.common + self.absorbed


def _whole(value: object) -> int:
    if type(value) is not int or value < 0:
        raise InvalidInput("points.bad_amount")
    return value


def plan_refund(
    *,
    paid: int,
    points_used: int,
    reward_personal: int,
    reward_common: int,
    personal_balance: int,
    common_balance: int,
) -> RefundPlan:
    """What a refund reverses from each account and the cash it refunds (see the module)."""
    paid, points_used = _whole(paid), _whole(points_used)
    reward_personal, reward_common = _whole(reward_personal), _whole(reward_common)
    if reward_personal + reward_common > paid:
        raise InvalidInput("points.bad_amount")
    personal = min(reward_personal, _whole(personal_balance) + points_used)
    common = min(reward_common, _whole(common_balance))
    absorbed = reward_personal - personal + reward_common - common
    return RefundPlan(paid, points_used, personal, common, absorbed, paid - absorbed)


def settlement_legs(plan: RefundPlan, buyer: AccountRef) -> Legs:
    """The refund_settlement transfer's legs (none when the order earned no reward)."""
    complex_id = buyer.complex_id
    legs: Legs = [
        (buyer, -plan.personal),
        (AccountRef.common(complex_id), -plan.common),
        (AccountRef.system(System.REFUND_CASH, complex_id), -plan.absorbed),
        (AccountRef.system(System.REWARD_ISSUER, complex_id), plan.reward),
    ]
    return [(ref, amount) for ref, amount in legs if amount]


async def settle_refund(
    uow: UnitOfWork,
    clock: Clock,
    *,
    order_key: str,
    plan: RefundPlan,
    buyer: AccountRef,
    memo: str,
) -> bool:
    """Post the plan's reward settlement; raises points.insufficient (writing nothing) when a
    balance moved below what the plan takes back."""
    legs = settlement_legs(plan, buyer)
    if not legs:
        return False
    transfer_id = f"refund:{order_key}"
    return await transfer(uow, clock, transfer_id, legs, kind=Kind.REFUND_SETTLEMENT, memo=memo)


async def credited(uow: UnitOfWork, order_key: str) -> tuple[int, int]:
    """(personal, common) points the order's reward credited (0, 0 when it earned none)."""
    personal = common = 0
    for key, amount in await uow.points.legs(f"reward:{order_key}"):
        if key.startswith("personal:"):
            personal += amount
        elif key.startswith("common:"):
            common += amount
    return personal, common
