"""The points repository in memory, with the storage rules: a transfer is written whole or not
at all, and a non-system balance never goes below zero."""

from __future__ import annotations

import itertools

from core.points.model import (
    AccountKind,
    CommonSpend,
    Discrepancy,
    Line,
    ProposalStatus,
    RentSettlement,
)


class FakePointsRepository:
    def __init__(self) -> None:
        self.balances: dict[str, int] = {}
        self.kinds: dict[str, tuple[str, int]] = {}  # key -> (kind, complex_id)
        self.transfers: dict = {}
        self.entries: list[tuple[str, str, int, object]] = []  # transfer, account, amount, at
        self.settlement_rows: list[RentSettlement] = []
        self.spends: list[CommonSpend] = []
        self.audit: list[tuple[int, str]] = []
        self.proposal_rows: list = []
        self._ids = itertools.count(1)

    async def get_transfer(self, transfer_id):
        return self.transfers.get(transfer_id)

    async def legs(self, transfer_id):
        return [(acc, amt) for tid, acc, amt, _ in self.entries if tid == transfer_id]

    async def post(self, transfer, legs) -> str:
        if transfer.id in self.transfers:
            return "exists"
        for ref, amount in legs:
            if not ref.may_go_negative and self.balances.get(ref.key, 0) + amount < 0:
                return "insufficient"
        self.transfers[transfer.id] = transfer
        for ref, amount in legs:
            self.balances[ref.key] = self.balances.get(ref.key, 0) + amount
            self.kinds[ref.key] = (ref.kind, ref.complex_id)
            self.entries.append((transfer.id, ref.key, amount, transfer.at))
        return "posted"

    async def balance(self, account_key):
        return self.balances.get(account_key, 0)

    async def lines(self, account_key, limit):
        rows = [
            Line(at, self.transfers[tid].kind, self.transfers[tid].memo, amt, tid)
            for tid, acc, amt, at in self.entries
            if acc == account_key
        ]
        return list(reversed(rows))[:limit]

    async def credits_and_debits(self, account_key, credited_until):
        mine = [(amt, at) for _, acc, amt, at in self.entries if acc == account_key]
        credits = sum(amt for amt, at in mine if amt > 0 and at <= credited_until)
        return credits, sum(-amt for amt, _ in mine if amt < 0)

    async def holders(self, complex_id):
        return sorted(
            int(key.split(":")[1])
            for key, (kind, cid) in self.kinds.items()
            if kind == AccountKind.PERSONAL and cid == complex_id and self.balances[key] > 0
        )

    async def add_settlement(self, item):
        item.id = next(self._ids)
        self.settlement_rows.append(item)
        return item

    async def settlement_by_transfer(self, transfer_id):
        return next((s for s in self.settlement_rows if s.transfer_id == transfer_id), None)

    async def count_settlements(self, resident_id, month):
        return sum(
            1 for s in self.settlement_rows if (s.resident_id, s.month) == (resident_id, month)
        )

    async def settlements(self, month, complex_id=None):
        return [
            s
            for s in self.settlement_rows
            if s.month == month and complex_id in (None, s.complex_id)
        ]

    async def add_common_spend(self, item, actor_id):
        item.id = next(self._ids)
        self.spends.append(item)
        self.audit.append((actor_id, item.purpose))
        return item

    async def count_common_spends(self, complex_id):
        return sum(1 for s in self.spends if s.complex_id == complex_id)

    async def spend_of(self, transfer_id):
        return next((s for s in self.spends if s.transfer_id == transfer_id), None)

    async def common_spends(self, complex_id, limit):
        mine = [s for s in self.spends if s.complex_id == complex_id]
        return sorted(mine, key=lambda s: (s.at, s.id), reverse=True)[:limit]

    async def add_proposal(self, item):
        item.id = next(self._ids)
        self.proposal_rows.append(item)
        return item

    async def get_proposal(self, proposal_id):
        return next((p for p in self.proposal_rows if p.id == proposal_id), None)

    async def proposal_by_vote(self, vote_id):
        return next((p for p in self.proposal_rows if p.vote_id == vote_id), None)

    async def settle_proposal(self, proposal_id, status, at):
        found = await self.get_proposal(proposal_id)
        if found is None or found.status != ProposalStatus.VOTING:
            return False
        found.status, found.settled_at = str(status), at
        return True

    async def reclassify_proposal(self, proposal_id, status):
        found = await self.get_proposal(proposal_id)
        if found is not None:
            found.status = str(status)

    async def proposals(self, complex_id, limit):
        mine = [p for p in self.proposal_rows if p.complex_id == complex_id]
        return sorted(mine, key=lambda p: -p.id)[:limit]

    async def check(self):
        sums: dict[str, int] = {}
        for _, acc, amt, _ in self.entries:
            sums[acc] = sums.get(acc, 0) + amt
        found = [
            Discrepancy(key, stored, sums.get(key, 0))
            for key, stored in sorted(self.balances.items())
            if stored != sums.get(key, 0)
        ]
        total = sum(sums.values())
        return found + ([Discrepancy("*", 0, total)] if total else [])
