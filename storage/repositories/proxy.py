"""대신 하기 audit lines: written by the use cases, read by tests and the coordinator tools."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.identity.proxy import ProxyAction
from storage import tables

p = tables.proxy_actions.c


class SqlProxyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, item: ProxyAction) -> ProxyAction:
        self.session.add(item)
        await self.session.flush()
        return item

    async def for_household(self, household_id: int, limit: int = 50) -> list[ProxyAction]:
        stmt = (
            select(ProxyAction)
            .where(p.household_id == household_id)
            .order_by(p.at.desc(), p.id.desc())
            .limit(limit)
        )
        return list(await self.session.scalars(stmt))
