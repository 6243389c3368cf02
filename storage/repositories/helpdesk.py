"""도움 요청: requests, their messages and the coordinators' names, in plain SQL (Core). Taking
and closing are single conditional updates, so two coordinators cannot both take one."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from core.helpdesk.model import HelpMessage, HelpRequest, Status
from storage import tables
from storage.repositories.results import changed

r = tables.help_requests.c
m = tables.help_messages.c
a = tables.help_agents.c


def _request(row: Any) -> HelpRequest:
    data = dict(row._mapping)
    data["recent"] = list(data.get("recent") or [])
    return HelpRequest(**data)


def _message(row: Any) -> HelpMessage:
    data = dict(row._mapping)
    data["photos"] = list(data.get("photos") or [])
    return HelpMessage(**data)


class SqlHelpRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next_number(self, complex_id: int) -> int:
        stmt = select(func.max(r.number)).where(r.complex_id == complex_id)
        return int(await self.session.scalar(stmt) or 0) + 1

    async def add(self, request: HelpRequest) -> HelpRequest:
        values = {k: v for k, v in vars(request).items() if k != "id"}
        result = await self.session.execute(
            insert(tables.help_requests).values(**values).returning(r.id)
        )
        request.id = int(result.scalar_one())
        return request

    async def get(self, request_id: int) -> HelpRequest | None:
        row = (
            await self.session.execute(select(tables.help_requests).where(r.id == request_id))
        ).first()
        return _request(row) if row else None

    async def take(self, request_id: int, owner_id: int, at: datetime) -> bool:
        stmt = (
            update(tables.help_requests)
            .where(r.id == request_id, r.owner_id.is_(None), r.status == Status.WAITING)
            .values(owner_id=owner_id, status=Status.TAKEN, taken_at=at, updated_at=at)
        )
        return changed(await self.session.execute(stmt)) == 1

    async def close(self, request_id: int, at: datetime) -> bool:
        stmt = (
            update(tables.help_requests)
            .where(r.id == request_id, r.status != Status.CLOSED)
            .values(status=Status.CLOSED, closed_at=at, updated_at=at)
        )
        return changed(await self.session.execute(stmt)) == 1

    async def touch(self, request_id: int, at: datetime) -> None:
        stmt = update(tables.help_requests).where(r.id == request_id).values(updated_at=at)
        await self.session.execute(stmt)

    async def add_message(self, message: HelpMessage) -> HelpMessage:
        values = {k: v for k, v in vars(message).items() if k != "id"}
        result = await self.session.execute(
            insert(tables.help_messages).values(**values).returning(m.id)
        )
        message.id = int(result.scalar_one())
        return message

    async def messages(self, request_id: int) -> list[HelpMessage]:
        stmt = select(tables.help_messages).where(m.request_id == request_id).order_by(m.id)
        return [_message(row) for row in await self.session.execute(stmt)]

    async def open_of(self, requester_id: int) -> HelpRequest | None:
        stmt = (
            select(tables.help_requests)
            .where(r.requester_id == requester_id, r.status != Status.CLOSED)
            .order_by(r.id.desc())
            .limit(1)
        )
        row = (await self.session.execute(stmt)).first()
        return _request(row) if row else None

    async def opened_since(self, requester_id: int, since: datetime) -> int:
        stmt = select(func.count()).where(r.requester_id == requester_id, r.created_at >= since)
        return int(await self.session.scalar(stmt) or 0)

    def _where(self, complex_id: int, statuses: list[str], owner_id: int | None):
        where = [r.complex_id == complex_id, r.status.in_(statuses)]
        if owner_id is not None:
            where.append(r.owner_id == owner_id)
        return where

    async def page(self, complex_id, statuses, owner_id, offset, limit):
        where = self._where(complex_id, statuses, owner_id)
        closed = statuses == [Status.CLOSED]
        order = (r.closed_at.desc(), r.id.desc()) if closed else (r.created_at, r.id)
        stmt = select(tables.help_requests).where(*where).order_by(*order)
        rows = await self.session.execute(stmt.offset(offset).limit(limit))
        return [_request(row) for row in rows], await self.count(complex_id, statuses, owner_id)

    async def count(self, complex_id: int, statuses: list[str], owner_id: int | None) -> int:
        stmt = select(func.count()).where(*self._where(complex_id, statuses, owner_id))
        return int(await self.session.scalar(stmt) or 0)

    async def agent_name(self, resident_id: int) -> str | None:
        return await self.session.scalar(select(a.name).where(a.resident_id == resident_id))

    async def agent_names(self, resident_ids: list[int]) -> dict[int, str]:
        if not resident_ids:
            return {}
        stmt = select(a.resident_id, a.name).where(a.resident_id.in_(resident_ids))
        return {rid: name for rid, name in await self.session.execute(stmt)}

    async def set_agent_name(self, resident_id: int, complex_id: int, name: str) -> None:
        dialect = self.session.get_bind().dialect.name
        upsert = (sqlite_insert if dialect == "sqlite" else pg_insert)(tables.help_agents)
        stmt = upsert.values(resident_id=resident_id, complex_id=complex_id, name=name)
        stmt = stmt.on_conflict_do_update(
            index_elements=[a.resident_id], set_={"name": name, "complex_id": complex_id}
        )
        await self.session.execute(stmt)
