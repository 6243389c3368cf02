"""Points use cases: rewards for purchases and their reversal, points paid for orders and
returned, rent paid with points, balances and plain-word history, and the complex's common
points (visible to every verified resident, spent by a coordinator with a purpose).

Transfer ids are derived from the cause, so every call here is safe to repeat:
- "reward:{order_key}", "reward-reversal:{order_key}"
- "spend:{order_key}", "spend-return:{order_key}"
- "rent:{resident_id}:{month}:{n}", "common-spend:{complex_id}:{n}" (n counts from 1)
- "common-vote:{proposal_id}" (a spend the households decided: core/points/proposals.py)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Membership
from core.identity.proxy import ProxyTask, record_proxy, require_consent
from core.identity.roles import require_verified
from core.points.expiry import arm_sweep, local_month, next_month
from core.points.ledger import transfer
from core.points.model import (
    COMMON_PERCENT,
    DIRECT_LIMIT,
    MAX_AMOUNT,
    PERSONAL_PERCENT,
    AccountRef,
    CommonSpend,
    Kind,
    Legs,
    Line,
    RentSettlement,
    System,
)
from core.points.proposals import clean_purpose, post_spend, spend_by_vote

if TYPE_CHECKING:
    from core.ports import UnitOfWork

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
HISTORY = 10


@dataclass(frozen=True)
class Award:
    personal: int
    common: int
    posted: bool  # False: nothing to credit, or it was credited before (a replay)


def reward_of(paid_won: int) -> tuple[int, int]:
    """(personal, common) points for an amount paid in money: 1% and 2%, each rounded down.
    Rounding is per order: ⌊1% of a⌋ + ⌊1% of b⌋ may be less than ⌊1% of (a + b)⌋."""
    return paid_won * PERSONAL_PERCENT // 100, paid_won * COMMON_PERCENT // 100


def _amount(value: object, limit: int = MAX_AMOUNT) -> int:
    if type(value) is not int or not 1 <= value <= limit:
        raise InvalidInput("points.bad_amount", limit=limit)
    return value


def _key(order_key: str) -> str:
    if not isinstance(order_key, str) or not order_key.strip() or len(order_key) > 80:
        raise InvalidInput("points.bad_transfer")
    return order_key


async def _personal(uow: UnitOfWork, resident_id: int) -> AccountRef:
    """The resident's personal account; a resident not yet in a complex has none."""
    resident = await uow.residents.get(resident_id)
    if resident is None or resident.complex_id is None:
        raise NotFound()
    return AccountRef.personal(resident_id, resident.complex_id)


def _resident_id(resident: int | Membership) -> int:
    return resident if isinstance(resident, int) else resident.resident_id


async def award_purchase(
    uow: UnitOfWork,
    clock: Clock,
    *,
    order_key: str,
    resident_id: int,
    complex_id: int,
    paid_won: int,
    memo: str = "",
) -> Award:
    """An order reached 수령완료: reward the buyer and the complex.

    Rules:
    - `paid_won` is only what was paid in money (points paid do not earn points), 0 or more.
    - 1% to the buyer's personal account and 2% to the complex's common account, each rounded
      down; nothing is posted when both round to 0.
    - The buyer must live in that complex. Transfer id "reward:{order_key}": a repeated call
      is a no-op; a repeated call with another amount is refused (points.replay_mismatch).
    - `memo` names what was bought for the history (e.g. the shop kind "로컬푸드").
    """
    key = _key(order_key)
    if type(paid_won) is not int or not 0 <= paid_won <= MAX_AMOUNT:
        raise InvalidInput("points.bad_amount", limit=MAX_AMOUNT)
    personal_ref = await _personal(uow, resident_id)
    if personal_ref.complex_id != complex_id:
        raise NotFound()
    personal, common = reward_of(paid_won)
    if personal + common == 0:
        return Award(0, 0, False)
    legs: Legs = [(AccountRef.system(System.REWARD_ISSUER, complex_id), -(personal + common))]
    if personal:
        legs.append((personal_ref, personal))
    if common:
        legs.append((AccountRef.common(complex_id), common))
    posted = await transfer(uow, clock, f"reward:{key}", legs, kind=Kind.REWARD, memo=memo)
    if posted and personal:
        await arm_sweep(uow, clock, complex_id)
    return Award(personal, common, posted)


async def _reverse(
    uow: UnitOfWork, clock: Clock, source_id: str, reversal_id: str, kind: Kind
) -> Legs:
    """Post the exact negation of a stored transfer; [] when there is none."""
    original = await uow.points.get_transfer(source_id)
    if original is None:
        return []
    legs = [
        (AccountRef.parse(key, original.complex_id), -amount)
        for key, amount in await uow.points.legs(source_id)
    ]
    posted = await transfer(uow, clock, reversal_id, legs, kind=kind, memo=original.memo)
    return legs if posted else []


async def reverse_award(uow: UnitOfWork, clock: Clock, *, order_key: str) -> Award:
    """A refund after 수령완료: take back exactly what the order's reward credited (read from
    the reward transfer, never recomputed). No reward: nothing to do. Idempotent
    ("reward-reversal:{order_key}"). When the buyer or the complex has already spent those
    points, points.insufficient is raised and nothing is taken back."""
    key = _key(order_key)
    legs = await _reverse(
        uow, clock, f"reward:{key}", f"reward-reversal:{key}", Kind.REWARD_REVERSAL
    )
    by_kind = {ref.kind: -amount for ref, amount in legs}
    return Award(by_kind.get("personal", 0), by_kind.get("common", 0), bool(legs))


async def spend_for_order(
    uow: UnitOfWork, clock: Clock, *, order_key: str, resident_id: int, points: int, memo: str = ""
) -> bool:
    """Pay part of an order with points: whole points, at least 1, at most the balance (else
    points.insufficient). They are held in the complex's shop clearing account. Idempotent
    ("spend:{order_key}"); the caller checks that they do not exceed the price."""
    key = _key(order_key)
    amount = _amount(points)
    ref = await _personal(uow, resident_id)
    clearing = AccountRef.system(System.SHOP_CLEARING, ref.complex_id)
    legs = [(ref, -amount), (clearing, amount)]
    return await transfer(uow, clock, f"spend:{key}", legs, kind=Kind.SPEND, memo=memo)


async def return_for_order(uow: UnitOfWork, clock: Clock, *, order_key: str) -> int:
    """An order paid partly with points was cancelled: the points go back, exactly those spent.
    Returns how many were returned now (0: none were spent, or already returned)."""
    key = _key(order_key)
    legs = await _reverse(uow, clock, f"spend:{key}", f"spend-return:{key}", Kind.SPEND_RETURN)
    returned = sum(amount for ref, amount in legs if ref.kind == "personal")
    if returned:
        await arm_sweep(uow, clock, legs[0][0].complex_id)
    return returned


def rent_months(clock: Clock) -> list[str]:
    """The months rent can be paid for now: this month and the next (Korea time)."""
    this = local_month(clock.now())
    return [this, next_month(this)]


async def pay_rent(
    uow: UnitOfWork, clock: Clock, member: Membership, month: str, amount: int
) -> RentSettlement:
    """임대료로 내기: pay part of the household's rent for `month` with personal points.

    Rules:
    - Verified residents only; `month` is "YYYY-MM", this month or the next.
    - 대신 하기: a coordinator pays from the household's subject's points only with the
      household's consent confirmed ("proxy.no_consent"); marked, audited and announced.
    - Whole points, at least 1, at most the balance (points.insufficient otherwise).
    - Each payment is a settlement record (household, resident, month, amount, transfer id)
      the operator exports (`python -m bot rent export`); the points go to the complex's rent
      settlement account. Several payments for one month are allowed, each numbered.
    """
    complex_id, household_id = _home(member)
    require_verified(member)
    require_consent(member)
    if not isinstance(month, str) or not MONTH.match(month) or month not in rent_months(clock):
        raise InvalidInput("points.bad_month")
    amount = _amount(amount)
    ref = AccountRef.personal(member.resident_id, complex_id)
    seq = await uow.points.count_settlements(member.resident_id, month) + 1
    transfer_id = f"rent:{member.resident_id}:{month}:{seq}"
    legs = [(ref, -amount), (AccountRef.system(System.RENT_SETTLEMENT, complex_id), amount)]
    if not await transfer(uow, clock, transfer_id, legs, kind=Kind.RENT, memo=month):
        settled = await uow.points.settlement_by_transfer(transfer_id)
        if settled is None:  # the transfer and its settlement are written together
            raise DomainError("points.replay_mismatch", transfer_id=transfer_id)
        return settled
    settlement = await uow.points.add_settlement(
        RentSettlement(
            complex_id=complex_id,
            household_id=household_id,
            resident_id=member.resident_id,
            month=month,
            amount=amount,
            transfer_id=transfer_id,
            at=clock.now(),
        )
    )
    mark = f"rent:{transfer_id}"
    await record_proxy(uow, clock, member, ProxyTask.RENT, mark, what=month, amount=amount)
    return settlement


async def balance(uow: UnitOfWork, resident: int | Membership) -> int:
    """A resident's personal points (0 before the first credit)."""
    return await uow.points.balance(f"personal:{_resident_id(resident)}")


async def history(uow: UnitOfWork, resident: int | Membership, limit: int = HISTORY) -> list[Line]:
    """A resident's latest entries, newest first (the bot words them: "6/3 로컬푸드 주문 적립
    +120")."""
    return await uow.points.lines(f"personal:{_resident_id(resident)}", max(1, min(limit, 50)))


def _home(member: Membership) -> tuple[int, int]:
    """(complex id, household id) of a verified resident; Forbidden("not_verified") else."""
    if member.complex_id is None or member.household_id is None:
        raise Forbidden("not_verified")
    return member.complex_id, member.household_id


def _require_verified(member: Membership) -> int:
    return _home(member)[0]


async def common_balance(uow: UnitOfWork, member: Membership) -> int:
    """The common points of the member's complex: every verified resident may see them."""
    return await uow.points.balance(AccountRef.common(_require_verified(member)).key)


async def common_history(uow: UnitOfWork, member: Membership, limit: int = HISTORY) -> list[Line]:
    """What came into and went out of the complex's common points, newest first."""
    key = AccountRef.common(_require_verified(member)).key
    return await uow.points.lines(key, max(1, min(limit, 50)))


async def spend_common(
    uow: UnitOfWork,
    clock: Clock,
    coordinator: Membership,
    amount: int,
    purpose: str,
    vote_id: int | None = None,
    *,
    direct_limit: int = DIRECT_LIMIT,
) -> CommonSpend:
    """Spend the complex's common points (e.g. 놀이방 장난감).

    Rules:
    - Only a coordinator of the complex; recorded with who, how much, the purpose (1–100
      characters) and, when a resident vote decided it, the vote; an audit-log line too.
    - Whole points, at least 1, at most the common balance (points.insufficient otherwise).
    - Up to `direct_limit` (`[points] common_direct_limit`) a coordinator may spend directly;
      above it only with a passed household vote (points.needs_vote): `vote_id` must name a
      common-points proposal of the complex whose vote passed, for this amount and purpose,
      not spent yet (points.bad_vote otherwise; see core/points/proposals.py).
    """
    complex_id = _require_verified(coordinator)
    if not coordinator.is_coordinator:
        raise Forbidden()
    amount = _amount(amount)
    purpose = clean_purpose(purpose)
    if vote_id is not None:
        return await spend_by_vote(uow, clock, coordinator, vote_id, amount, purpose)
    if amount > direct_limit:
        raise DomainError("points.needs_vote", limit=direct_limit)
    seq = await uow.points.count_common_spends(complex_id) + 1
    return await post_spend(
        uow,
        clock,
        complex_id=complex_id,
        actor_id=coordinator.resident_id,
        amount=amount,
        purpose=purpose,
        transfer_id=f"common-spend:{complex_id}:{seq}",
        vote_id=None,
    )
