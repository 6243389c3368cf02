"""The desk: one-time login codes, operators' names, sessions, its audit lines and the
changes residents-and-roles make; the figures its pages count are in `desk_figures.py`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.desk.model import AuditLine, DeskSession
from core.identity.desk_login import DeskLoginCode
from core.votes.model import VoteStatus
from storage import tables
from storage.repositories.desk_figures import SqlDeskFigures
from storage.repositories.results import changed, new_id


class SqlDeskRepository(SqlDeskFigures):
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

    async def detach_resident(self, resident_id: int) -> None:
        r = tables.residents.c
        await self.session.execute(
            update(tables.residents)
            .where(r.id == resident_id)
            .values(household_id=None, complex_id=None)
        )
