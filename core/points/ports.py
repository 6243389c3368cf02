"""What the points use cases need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.points.model import (
    CommonProposal,
    CommonSpend,
    Discrepancy,
    Legs,
    Line,
    RentSettlement,
    Transfer,
)


class PointsRepository(Protocol):
    async def get_transfer(self, transfer_id: str) -> Transfer | None: ...
    async def legs(self, transfer_id: str) -> list[tuple[str, int]]:
        """The transfer's entries as (account key, amount)."""

    async def post(self, transfer: Transfer, legs: Legs) -> str:
        """Write the transfer, its entries and the balances atomically (a savepoint).
        Each non-system balance moves with one conditional UPDATE that refuses to go below
        zero. Returns "posted"; "insufficient" when a balance would go below zero, or
        "exists" when the transfer id was taken meanwhile (then nothing was written)."""

    async def balance(self, account_key: str) -> int: ...
    async def lines(self, account_key: str, limit: int) -> list[Line]:
        """The account's latest entries, newest first."""

    async def credits_and_debits(
        self, account_key: str, credited_until: datetime
    ) -> tuple[int, int]:
        """(sum of credits at or before `credited_until`, sum of all debits as a positive
        number): what FIFO expiry needs."""

    async def holders(self, complex_id: int) -> list[int]:
        """Residents of the complex whose personal balance is above zero."""

    async def add_settlement(self, item: RentSettlement) -> RentSettlement: ...
    async def settlement_by_transfer(self, transfer_id: str) -> RentSettlement | None: ...
    async def count_settlements(self, resident_id: int, month: str) -> int: ...
    async def settlements(
        self, month: str, complex_id: int | None = None
    ) -> list[RentSettlement]: ...
    async def add_common_spend(self, item: CommonSpend, actor_id: int) -> CommonSpend:
        """Store the spend and its audit-log line."""

    async def count_common_spends(self, complex_id: int) -> int: ...
    async def spend_of(self, transfer_id: str) -> CommonSpend | None: ...
    async def common_spends(self, complex_id: int, limit: int) -> list[CommonSpend]:
        """The complex's spends of common points (direct and by vote), newest first."""

    async def add_proposal(self, item: CommonProposal) -> CommonProposal: ...
    async def get_proposal(self, proposal_id: int) -> CommonProposal | None: ...
    async def proposal_by_vote(self, vote_id: int) -> CommonProposal | None: ...
    async def settle_proposal(self, proposal_id: int, status: str, at: datetime) -> bool:
        """One conditional update from 투표 중 to `status`; False when it was settled
        before (by another runner or an earlier run)."""

    async def reclassify_proposal(self, proposal_id: int, status: str) -> None:
        """Change a settled proposal's status (사용함 → 잔액 부족 in the same transaction)."""

    async def proposals(self, complex_id: int, limit: int) -> list[CommonProposal]:
        """The complex's proposals, newest first."""

    async def check(self) -> list[Discrepancy]:
        """Every account whose stored balance differs from its entries' sum, and ("*") the
        total of all entries when it is not zero."""
