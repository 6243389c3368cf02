"""Votes and ballots. A ballot first takes the vote row with a conditional update (status
still open), so ballots of one vote are serialised and the close, itself a conditional update
of that row, counts exactly the ballots committed before it. Whether a ballot is new or
replaces one is core's decision (core.votes.ballots); here the primary key (vote, household)
refuses a second first ballot and a replace is conditional on the ballot core read."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.identity.model import HouseholdKind
from core.votes.model import Ballot, Vote, VoteStatus
from storage import tables
from storage.repositories.results import changed

v = tables.votes.c
b = tables.vote_ballots.c
h = tables.households.c
r = tables.residents.c


class SqlVoteRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, vote: Vote) -> Vote:
        self.session.add(vote)
        await self.session.flush()
        return vote

    async def get(self, vote_id: int) -> Vote | None:
        return await self.session.get(Vote, vote_id, populate_existing=True)

    async def transition(self, vote_id: int, before: tuple[str, ...], after: str) -> bool:
        result = await self.session.execute(
            update(tables.votes)
            .where(v.id == vote_id, v.status.in_([str(s) for s in before]))
            .values(status=after)
            .execution_options(synchronize_session=False)
        )
        return changed(result) == 1

    async def ballot(self, vote_id: int, household_id: int) -> Ballot | None:
        stmt = select(tables.vote_ballots).where(
            b.vote_id == vote_id, b.household_id == household_id
        )
        row = (await self.session.execute(stmt)).mappings().first()
        return None if row is None else Ballot(**row)

    async def hold_open(self, vote_id: int) -> bool:
        held = await self.session.execute(
            update(tables.votes)
            .where(v.id == vote_id, v.status == VoteStatus.OPEN.value)
            .values(status=VoteStatus.OPEN.value)
            .execution_options(synchronize_session=False)
        )
        return changed(held) == 1

    async def add_ballot(self, ballot: Ballot) -> bool:
        try:
            async with self.session.begin_nested():
                await self.session.execute(
                    tables.vote_ballots.insert().values(
                        vote_id=ballot.vote_id,
                        household_id=ballot.household_id,
                        complex_id=ballot.complex_id,
                        option=ballot.option,
                        cast_at=ballot.cast_at,
                        resident_id=ballot.resident_id,
                        proxy_by=ballot.proxy_by,
                        changes=ballot.changes,
                    )
                )
        except IntegrityError:  # the household's ballot is there already
            return False
        return True

    async def replace_ballot(self, ballot: Ballot, *, seen: int) -> bool:
        result = await self.session.execute(
            update(tables.vote_ballots)
            .where(
                b.vote_id == ballot.vote_id,
                b.household_id == ballot.household_id,
                b.changes == seen,
            )
            .values(
                option=ballot.option,
                cast_at=ballot.cast_at,
                resident_id=ballot.resident_id,
                proxy_by=ballot.proxy_by,
                changes=ballot.changes,
            )
        )
        return changed(result) == 1

    async def tally(self, vote_id: int, options: int) -> list[int]:
        stmt = select(b.option, func.count()).where(b.vote_id == vote_id).group_by(b.option)
        rows = (await self.session.execute(stmt)).all()
        counts = {int(option): int(n) for option, n in rows}
        return [counts.get(i, 0) for i in range(options)]

    def _households(self, complex_id: int, buildings: list[str]):
        # the registry's homes (imported or created), registered residents or not
        stmt = select(h.id).where(h.complex_id == complex_id, h.kind == HouseholdKind.HOME.value)
        return stmt.where(h.building.in_(buildings)) if buildings else stmt

    async def households(self, complex_id, buildings, *, voted, vote_id) -> list[int]:
        stmt = self._households(complex_id, buildings)
        if voted is not None:
            has = exists().where(b.vote_id == vote_id, b.household_id == h.id)
            stmt = stmt.where(has if voted else ~has)
        return list(await self.session.scalars(stmt.order_by(h.id)))

    async def count_households(self, complex_id: int, buildings: list[str]) -> int:
        sub = self._households(complex_id, buildings).subquery()
        return int(await self.session.scalar(select(func.count()).select_from(sub)) or 0)

    async def voting_buildings(self, complex_id: int) -> list[str]:
        stmt = (
            select(h.building)
            .where(h.complex_id == complex_id, h.kind == HouseholdKind.HOME.value)
            .distinct()
        )
        return sorted(await self.session.scalars(stmt))

    async def for_complex(self, complex_id: int, statuses, *, offset: int, limit: int):
        stmt = select(Vote).where(v.complex_id == complex_id, v.status.in_(list(statuses)))
        total = await self.session.scalar(select(func.count()).select_from(stmt.subquery()))
        order = (v.closes_at.desc(), v.id.desc())
        rows = await self.session.scalars(stmt.order_by(*order).offset(offset).limit(limit))
        return list(rows), int(total or 0)

    async def audit(
        self, at: datetime, complex_id: int, actor_id: int, action: str, detail: str
    ) -> None:
        await self.session.execute(
            tables.audit_log.insert().values(
                at=at, complex_id=complex_id, actor_id=actor_id, action=action, detail=detail
            )
        )
