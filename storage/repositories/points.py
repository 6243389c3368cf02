"""The points ledger in SQL: transfers, entries and balances written together in a savepoint,
every non-system balance moved by one conditional UPDATE (SQLAlchemy would drop FOR UPDATE on
SQLite; a single statement is correct on both databases)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.points.model import (
    AccountKind,
    AccountRef,
    CommonSpend,
    Discrepancy,
    Line,
    RentSettlement,
    Transfer,
)
from storage import tables
from storage.repositories.common_proposals import SqlProposalRows
from storage.repositories.results import changed

a = tables.points_accounts.c
t = tables.points_transfers.c
e = tables.points_entries.c


class _Short(Exception):
    """A balance would go below zero: undo the savepoint."""


class SqlPointsRepository(SqlProposalRows):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get_transfer(self, transfer_id: str) -> Transfer | None:
        row = (
            (
                await self.session.execute(
                    select(tables.points_transfers).where(t.id == transfer_id)
                )
            )
            .mappings()
            .first()
        )
        return Transfer(**row) if row else None

    async def legs(self, transfer_id: str) -> list[tuple[str, int]]:
        stmt = select(e.account_id, e.amount).where(e.transfer_id == transfer_id).order_by(e.id)
        return [(key, int(amount)) for key, amount in await self.session.execute(stmt)]

    async def post(self, transfer: Transfer, legs) -> str:
        try:
            async with self.session.begin_nested():
                await self.session.execute(
                    insert(tables.points_transfers).values(**transfer.__dict__)
                )
                for ref, amount in legs:
                    if not await self._move(ref, amount):
                        raise _Short()
                rows = [
                    {
                        "transfer_id": transfer.id,
                        "account_id": ref.key,
                        "amount": amount,
                        "at": transfer.at,
                        "complex_id": transfer.complex_id,
                    }
                    for ref, amount in legs
                ]
                await self.session.execute(insert(tables.points_entries), rows)
        except _Short:
            return "insufficient"
        except IntegrityError:
            if await self.get_transfer(transfer.id) is None:
                raise
            return "exists"
        return "posted"

    async def _move(self, ref: AccountRef, delta: int, *, again: bool = True) -> bool:
        """balance += delta in one statement; non-system accounts only while it stays >= 0.
        An account is created by its first credit (or by a system account's first leg)."""
        stmt = update(tables.points_accounts).where(a.id == ref.key)
        if not ref.may_go_negative:
            stmt = stmt.where(a.balance + delta >= 0)
        result = await self.session.execute(stmt.values(balance=a.balance + delta))
        if changed(result) == 1:
            return True
        if await self.session.scalar(select(a.id).where(a.id == ref.key)) is not None:
            return False  # it exists: the balance is short
        if delta < 0 and not ref.may_go_negative:
            return False
        try:
            async with self.session.begin_nested():
                await self.session.execute(
                    insert(tables.points_accounts).values(
                        id=ref.key,
                        kind=ref.kind,
                        complex_id=ref.complex_id,
                        resident_id=ref.resident_id,
                        balance=delta,
                    )
                )
        except IntegrityError:
            if not again:
                raise
            return await self._move(ref, delta, again=False)  # created meanwhile: update it
        return True

    async def balance(self, account_key: str) -> int:
        value = await self.session.scalar(select(a.balance).where(a.id == account_key))
        return int(value or 0)

    async def lines(self, account_key: str, limit: int) -> list[Line]:
        stmt = (
            select(e.at, t.kind, t.memo, e.amount, e.transfer_id)
            .join(tables.points_transfers, t.id == e.transfer_id)
            .where(e.account_id == account_key)
            .order_by(e.at.desc(), e.id.desc())
            .limit(limit)
        )
        return [
            Line(
                at=r.at, kind=r.kind, memo=r.memo, amount=int(r.amount), transfer_id=r.transfer_id
            )
            for r in await self.session.execute(stmt)
        ]

    async def credits_and_debits(self, account_key: str, credited_until: datetime):
        old = case(((e.amount > 0) & (e.at <= credited_until), e.amount), else_=0)
        spent = case((e.amount < 0, -e.amount), else_=0)
        stmt = select(func.sum(old), func.sum(spent)).where(e.account_id == account_key)
        credits, debits = (await self.session.execute(stmt)).one()
        return int(credits or 0), int(debits or 0)

    async def holders(self, complex_id: int) -> list[int]:
        stmt = (
            select(a.resident_id)
            .where(a.complex_id == complex_id, a.kind == AccountKind.PERSONAL, a.balance > 0)
            .order_by(a.resident_id)
        )
        return [int(r) for r in await self.session.scalars(stmt)]

    async def add_settlement(self, item: RentSettlement) -> RentSettlement:
        self.session.add(item)
        await self.session.flush()
        return item

    async def settlement_by_transfer(self, transfer_id: str) -> RentSettlement | None:
        r = tables.rent_settlements.c
        return await self.session.scalar(
            select(RentSettlement).where(r.transfer_id == transfer_id)
        )

    async def count_settlements(self, resident_id: int, month: str) -> int:
        r = tables.rent_settlements.c
        stmt = select(func.count()).where(r.resident_id == resident_id, r.month == month)
        return int(await self.session.scalar(stmt) or 0)

    async def settlements(self, month: str, complex_id: int | None = None):
        r = tables.rent_settlements.c
        stmt = select(RentSettlement).where(r.month == month)
        if complex_id is not None:
            stmt = stmt.where(r.complex_id == complex_id)
        return list(await self.session.scalars(stmt.order_by(r.complex_id, r.household_id, r.id)))

    async def add_common_spend(self, item: CommonSpend, actor_id: int) -> CommonSpend:
        self.session.add(item)
        await self.session.flush()
        await self.session.execute(
            insert(tables.audit_log).values(
                at=item.at,
                complex_id=item.complex_id,
                actor_id=actor_id,
                action="points.common_spend",
                detail=f"{item.amount} points, {item.transfer_id}: {item.purpose}",
            )
        )
        return item

    async def count_common_spends(self, complex_id: int) -> int:
        c = tables.common_spends.c
        return int(
            await self.session.scalar(select(func.count()).where(c.complex_id == complex_id)) or 0
        )

    async def check(self) -> list[Discrepancy]:
        sums = dict(
            (
                await self.session.execute(
                    select(e.account_id, func.sum(e.amount)).group_by(e.account_id)
                )
            ).all()
        )
        found = []
        for key, stored in await self.session.execute(select(a.id, a.balance).order_by(a.id)):
            summed = int(sums.pop(key, 0) or 0)
            if int(stored) != summed:
                found.append(Discrepancy(key, int(stored), summed))
        found += [Discrepancy(key, 0, int(total)) for key, total in sorted(sums.items())]
        unbalanced = (
            select(e.transfer_id, func.sum(e.amount))
            .group_by(e.transfer_id)
            .having(func.sum(e.amount) != 0)
            .order_by(e.transfer_id)
        )
        for transfer_id, total in await self.session.execute(unbalanced):
            found.append(Discrepancy(f"transfer:{transfer_id}", 0, int(total)))
        total = await self.session.scalar(select(func.sum(e.amount)))
        if total:
            found.append(Discrepancy("*", 0, int(total)))
        return found
