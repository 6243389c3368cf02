"""The desk's one-time login codes and operators' names."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.identity.desk_login import DeskLoginCode
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
