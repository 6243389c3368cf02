"""The desk: one-time login codes, operators' names, sessions, its audit lines and the
figures its pages count (households and turnout by 동, every complex)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, distinct, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.defects.model import OPEN
from core.desk.model import AuditLine, BuildingCount, BuildingTurnout, ComplexFigures, DeskSession
from core.identity.desk_login import DeskLoginCode
from core.identity.model import Role
from core.votes.model import VoteStatus
from storage import tables
from storage.repositories.results import changed, new_id


class SqlDeskRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_code(self, login: DeskLoginCode) -> DeskLoginCode:
        result = await self.session.execute(
            insert(tables.desk_login_codes).values(
                code_hash=login.code_hash,
                resident_id=login.resident_id,
                complex_id=login.complex_id,
                expires_at=login.expires_at,
                created_at=login.created_at,
            )
        )
        login.id = new_id(result)
        return login

    async def code_by_hash(self, code_hash: str) -> DeskLoginCode | None:
        c = tables.desk_login_codes.c
        row = (
            await self.session.execute(
                select(tables.desk_login_codes).where(c.code_hash == code_hash)
            )
        ).first()
        if row is None:
            return None
        return DeskLoginCode(
            resident_id=row.resident_id,
            code_hash=row.code_hash,
            expires_at=row.expires_at,
            created_at=row.created_at,
            complex_id=row.complex_id,
            used_at=row.used_at,
            id=row.id,
        )

    async def use_code(self, code_id: int, at: datetime) -> bool:
        c = tables.desk_login_codes.c
        stmt = (
            update(tables.desk_login_codes)
            .where(c.id == code_id, c.used_at.is_(None))
            .values(used_at=at)
        )
        return changed(await self.session.execute(stmt)) == 1

    async def add_operator(self, resident_id: int, name: str, at: datetime) -> None:
        await self.session.execute(
            insert(tables.operators).values(resident_id=resident_id, name=name, created_at=at)
        )

    async def operator_name(self, resident_id: int) -> str | None:
        c = tables.operators.c
        return await self.session.scalar(select(c.name).where(c.resident_id == resident_id))

    async def add_session(self, session: DeskSession) -> DeskSession:
        result = await self.session.execute(
            insert(tables.desk_sessions).values(
                token_hash=session.token_hash,
                resident_id=session.resident_id,
                complex_id=session.complex_id,
                created_at=session.created_at,
                expires_at=session.expires_at,
            )
        )
        session.id = new_id(result)
        return session

    async def session_by_hash(self, token_hash: str) -> DeskSession | None:
        c = tables.desk_sessions.c
        row = (
            await self.session.execute(
                select(tables.desk_sessions).where(c.token_hash == token_hash)
            )
        ).first()
        if row is None:
            return None
        return DeskSession(
            resident_id=row.resident_id,
            token_hash=row.token_hash,
            created_at=row.created_at,
            expires_at=row.expires_at,
            complex_id=row.complex_id,
            ended_at=row.ended_at,
            id=row.id,
        )

    async def end_session(self, session_id: int, at: datetime) -> None:
        c = tables.desk_sessions.c
        await self.session.execute(
            update(tables.desk_sessions)
            .where(c.id == session_id, c.ended_at.is_(None))
            .values(ended_at=at)
        )

    async def add_audit(
        self, at: datetime, actor_id: int, complex_id: int | None, action: str, detail: str
    ) -> None:
        await self.session.execute(
            insert(tables.audit_log).values(
                at=at, complex_id=complex_id, actor_id=actor_id, action=action, detail=detail
            )
        )

    async def audit(self, complex_id: int | None, limit: int) -> list[AuditLine]:
        c = tables.audit_log.c
        stmt = select(c.at, c.actor_id, c.action, c.detail).where(c.action.like("desk.%"))
        if complex_id is not None:
            stmt = stmt.where(c.complex_id == complex_id)
        rows = await self.session.execute(stmt.order_by(c.id.desc()).limit(limit))
        return [AuditLine(r.at, r.actor_id, r.action, r.detail) for r in rows]

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

    async def revoke_roles(self, resident_id: int, complex_id: int, at: datetime) -> int:
        g = tables.role_grants.c
        stmt = (
            update(tables.role_grants)
            .where(g.resident_id == resident_id, g.complex_id == complex_id)
            .where(g.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        return changed(await self.session.execute(stmt))

    async def end_vote_now(self, vote_id: int, at: datetime) -> bool:
        v = tables.votes.c
        stmt = (
            update(tables.votes)
            .where(v.id == vote_id, v.status.in_([VoteStatus.SCHEDULED, VoteStatus.OPEN]))
            .values(closes_at=at)
        )
        return changed(await self.session.execute(stmt)) == 1

    async def households_in(self, complex_id: int, household_ids: list[int]) -> list[int]:
        h = tables.households.c
        found: list[int] = []
        for start in range(0, len(household_ids), 500):
            chunk = household_ids[start : start + 500]
            stmt = select(h.id).where(h.complex_id == complex_id, h.id.in_(chunk))
            found += [int(i) for i in await self.session.scalars(stmt)]
        return found

    async def detach_resident(self, resident_id: int) -> None:
        r = tables.residents.c
        await self.session.execute(
            update(tables.residents)
            .where(r.id == resident_id)
            .values(household_id=None, complex_id=None)
        )


def building_order(building: str) -> tuple[int, int, str]:
    """101, 102, … 1001 in number order, then 동 with letters (관리동) by name."""
    return (0, int(building), "") if building.isdigit() else (1, 0, building)
