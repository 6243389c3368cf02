"""The ledger: one function moves points, and it keeps the books exact.

Rules of `transfer`:
- Double entry: a transfer has two or more legs on distinct accounts of one complex, every
  amount a nonzero whole number, and the legs sum to zero.
- Idempotent: the transfer id is derived from its cause ("reward:order:123"). The same id with
  the same legs (in any order) is a no-op that returns False; the same id with other legs is
  refused with DomainError("points.replay_mismatch") and writes nothing.
- Never below zero: a personal or common balance moves with one conditional
  `UPDATE ... SET balance = balance + :delta WHERE id = :id AND balance + :delta >= 0`. When a
  balance would go below zero (checked at the moment of the write, so concurrent spends can
  never overdraw), DomainError("points.insufficient") is raised and nothing of the transfer is
  written: storage posts a transfer inside a savepoint of the caller's unit of work, so legs
  already applied are undone with it while the caller's transaction goes on. System accounts
  (reward issuer, rent settlement, expired, shop clearing, common use) may go below zero.
- The stored balance of every account always equals the sum of its entries (`check_ledger`).
- Runs inside the caller's unit of work and never commits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.clock import Clock
from core.errors import DomainError, InvalidInput
from core.points.model import (
    MAX_MEMO,
    MAX_TRANSFER_ID,
    AccountRef,
    Discrepancy,
    Kind,
    Legs,
    Transfer,
    legs_hash,
)

if TYPE_CHECKING:
    from core.ports import UnitOfWork

__all__ = ["AccountRef", "check_ledger", "transfer"]


def _validate(transfer_id: str, legs: Legs, kind: str) -> int:
    if not transfer_id or len(transfer_id) > MAX_TRANSFER_ID or transfer_id != transfer_id.strip():
        raise InvalidInput("points.bad_transfer")
    if kind not in set(Kind):
        raise InvalidInput("points.bad_transfer")
    if len(legs) < 2 or len({ref.key for ref, _ in legs}) != len(legs):
        raise InvalidInput("points.bad_legs")
    for ref, amount in legs:
        if not isinstance(ref, AccountRef) or type(amount) is not int or amount == 0:
            raise InvalidInput("points.bad_amount")
    if sum(amount for _, amount in legs) != 0:
        raise InvalidInput("points.unbalanced")
    complexes = {ref.complex_id for ref, _ in legs}
    if len(complexes) != 1:
        raise InvalidInput("points.cross_complex")
    return complexes.pop()


async def _replayed(uow: UnitOfWork, transfer_id: str, fingerprint: str) -> bool:
    """True when the transfer already exists with these legs; refuses other legs."""
    existing = await uow.points.get_transfer(transfer_id)
    if existing is None:
        return False
    if existing.amounts_hash != fingerprint:
        raise DomainError("points.replay_mismatch", transfer_id=transfer_id)
    return True


async def transfer(
    uow: UnitOfWork,
    clock: Clock,
    transfer_id: str,
    legs: Legs,
    *,
    kind: str,
    memo: str = "",
) -> bool:
    """Move points between accounts; True when posted now, False when it was already posted.
    See the module docstring for the rules."""
    complex_id = _validate(transfer_id, legs, kind)
    fingerprint = legs_hash(legs)
    if await _replayed(uow, transfer_id, fingerprint):
        return False
    record = Transfer(
        id=transfer_id,
        kind=str(kind),
        memo=" ".join(memo.split())[:MAX_MEMO],
        amounts_hash=fingerprint,
        at=clock.now(),
        complex_id=complex_id,
    )
    # Legs in one order (by account key): concurrent transfers lock rows in the same order.
    outcome = await uow.points.post(record, sorted(legs, key=lambda leg: leg[0].key))
    if outcome == "insufficient":
        raise DomainError("points.insufficient")
    if outcome == "exists":  # a concurrent transaction posted the same id first
        await _replayed(uow, transfer_id, fingerprint)
        return False
    return True


async def check_ledger(uow: UnitOfWork) -> list[Discrepancy]:
    """Every stored balance against the sum of its entries, and all entries against zero.
    An empty list means the books are exact."""
    return await uow.points.check()
