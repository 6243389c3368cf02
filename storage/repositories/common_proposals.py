"""공용 포인트 제안 in SQL: the proposals a household vote decides, settled by one conditional
UPDATE from 투표 중 (so two schedulers racing settle once), and the spend a settle wrote."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.points.model import CommonProposal, CommonSpend, ProposalStatus
from storage import tables
from storage.repositories.results import changed

p = tables.common_proposals.c


class SqlProposalRows:
    """Mixed into the points repository (one port: `uow.points`)."""

    session: AsyncSession

    async def spend_of(self, transfer_id: str) -> CommonSpend | None:
        c = tables.common_spends.c
        return await self.session.scalar(select(CommonSpend).where(c.transfer_id == transfer_id))

    async def common_spends(self, complex_id: int, limit: int) -> list[CommonSpend]:
        c = tables.common_spends.c
        stmt = (
            select(CommonSpend)
            .where(c.complex_id == complex_id)
            .order_by(c.at.desc(), c.id.desc())
            .limit(limit)
        )
        return list(await self.session.scalars(stmt))

    async def add_proposal(self, item: CommonProposal) -> CommonProposal:
        self.session.add(item)
        await self.session.flush()
        return item

    async def get_proposal(self, proposal_id: int) -> CommonProposal | None:
        # a fresh read: a settle decides on the row as committed, never on a cached object
        stmt = select(CommonProposal).where(p.id == proposal_id)
        return await self.session.scalar(stmt.execution_options(populate_existing=True))

    async def proposal_by_vote(self, vote_id: int) -> CommonProposal | None:
        stmt = select(CommonProposal).where(p.vote_id == vote_id)
        return await self.session.scalar(stmt.execution_options(populate_existing=True))

    async def settle_proposal(self, proposal_id: int, status: str, at: datetime) -> bool:
        result = await self.session.execute(
            update(tables.common_proposals)
            .where(p.id == proposal_id, p.status == ProposalStatus.VOTING.value)
            .values(status=str(status), settled_at=at)
            .execution_options(synchronize_session=False)
        )
        return changed(result) == 1

    async def reclassify_proposal(self, proposal_id: int, status: str) -> None:
        await self.session.execute(
            update(tables.common_proposals)
            .where(p.id == proposal_id)
            .values(status=str(status))
            .execution_options(synchronize_session=False)
        )

    async def proposals(self, complex_id: int, limit: int) -> list[CommonProposal]:
        stmt = (
            select(CommonProposal)
            .where(p.complex_id == complex_id)
            .order_by(p.id.desc())
            .limit(limit)
            .execution_options(populate_existing=True)
        )
        return list(await self.session.scalars(stmt))
