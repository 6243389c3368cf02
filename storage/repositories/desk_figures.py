"""The desk's figures: households and turnout by 동, every complex at a glance, and which
households of a list belong to a complex (grouped counts: one statement each)."""

from __future__ import annotations

from sqlalchemy import and_, distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.defects.model import OPEN
from core.desk.model import BuildingCount, BuildingTurnout, ComplexFigures
from core.identity.model import Role
from core.votes.model import VoteStatus
from storage import tables


class SqlDeskFigures:
    session: AsyncSession

    async def buildings(self, complex_id: int) -> list[BuildingCount]:
        h, r = tables.households.c, tables.residents.c
        stmt = (
            select(h.building, func.count(distinct(h.id)), func.count(distinct(r.household_id)))
            .select_from(tables.households.outerjoin(tables.residents, r.household_id == h.id))
            .where(h.complex_id == complex_id)
            .group_by(h.building)
        )
        found = [BuildingCount(b, n, v) for b, n, v in await self.session.execute(stmt)]
        return sorted(found, key=lambda x: building_order(x.building))

    async def turnout(
        self, vote_id: int, complex_id: int, buildings: list[str]
    ) -> list[BuildingTurnout]:
        h, b = tables.households.c, tables.vote_ballots.c
        joined = tables.households.outerjoin(
            tables.vote_ballots, and_(b.household_id == h.id, b.vote_id == vote_id)
        )
        stmt = (
            select(h.building, func.count(h.id), func.count(b.household_id))
            .select_from(joined)
            .where(h.complex_id == complex_id)
            .group_by(h.building)
        )
        if buildings:
            stmt = stmt.where(h.building.in_(buildings))
        found = [BuildingTurnout(x, n, v) for x, n, v in await self.session.execute(stmt)]
        return sorted(found, key=lambda x: building_order(x.building))

    async def _per_complex(self, stmt) -> dict[int, int]:  # type: ignore[no-untyped-def]
        return {cid: n for cid, n in await self.session.execute(stmt)}

    async def complex_figures(self) -> list[ComplexFigures]:
        h, r, d = tables.households.c, tables.residents.c, tables.defect_reports.c
        v, g = tables.votes.c, tables.role_grants.c
        households = await self._per_complex(
            select(h.complex_id, func.count()).group_by(h.complex_id)
        )
        verified = await self._per_complex(
            select(r.complex_id, func.count(distinct(r.household_id)))
            .where(r.household_id.is_not(None))
            .group_by(r.complex_id)
        )
        defects = await self._per_complex(
            select(d.complex_id, func.count())
            .where(d.status.in_(sorted(OPEN)))
            .group_by(d.complex_id)
        )
        votes = await self._per_complex(
            select(v.complex_id, func.count())
            .where(v.status == str(VoteStatus.OPEN))
            .group_by(v.complex_id)
        )
        coordinators = await self._per_complex(
            select(g.complex_id, func.count(distinct(g.resident_id)))
            .where(g.role == str(Role.COORDINATOR), g.revoked_at.is_(None))
            .group_by(g.complex_id)
        )
        c = tables.complexes.c
        rows = await self.session.execute(select(c.id, c.code, c.name).order_by(c.code))
        return [
            ComplexFigures(
                id=cid,
                code=code,
                name=name,
                households=households.get(cid, 0),
                verified=verified.get(cid, 0),
                open_defects=defects.get(cid, 0),
                open_votes=votes.get(cid, 0),
                coordinators=coordinators.get(cid, 0),
            )
            for cid, code, name in rows
        ]

    async def households_in(self, complex_id: int, household_ids: list[int]) -> list[int]:
        h = tables.households.c
        found: list[int] = []
        for start in range(0, len(household_ids), 500):
            chunk = household_ids[start : start + 500]
            stmt = select(h.id).where(h.complex_id == complex_id, h.id.in_(chunk))
            found += [int(i) for i in await self.session.scalars(stmt)]
        return found


def building_order(building: str) -> tuple[int, int, str]:
    """101, 102, … 1001 in number order, then 동 with letters (관리동) by name."""
    return (0, int(building), "") if building.isdigit() else (1, 0, building)
