"""Outside picks (우체국쇼핑 and others): a plain list per complex, in the curated order."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.shop.picks import Pick
from storage import tables

c = tables.shop_picks.c


class SqlPickRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_pick(self, pick: Pick) -> Pick:
        self.session.add(pick)
        await self.session.flush()
        return pick

    async def get_pick(self, pick_id: int) -> Pick | None:
        return await self.session.get(Pick, pick_id)

    async def pick_by_link(self, complex_id: int, link_url: str) -> Pick | None:
        stmt = select(Pick).where(c.complex_id == complex_id, c.link_url == link_url)
        return await self.session.scalar(stmt)

    async def picks(
        self, complex_id: int, *, offset: int, limit: int | None
    ) -> tuple[list[Pick], int]:
        total = await self.session.scalar(
            select(func.count()).select_from(tables.shop_picks).where(c.complex_id == complex_id)
        )
        stmt = select(Pick).where(c.complex_id == complex_id).order_by(c.id).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(await self.session.scalars(stmt)), int(total or 0)

    async def remove_pick(self, pick: Pick) -> None:
        await self.session.execute(delete(tables.shop_picks).where(c.id == pick.id))
        self.session.expunge(pick)
