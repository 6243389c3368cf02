"""게시판: entries listed by board and expiry; an event's seats taken with one conditional
UPDATE (never over capacity, on SQLite and PostgreSQL alike); sign-ups with a unique key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.boards.model import BoardEntry
from storage import tables
from storage.repositories.results import changed

e = tables.board_entries.c
s = tables.board_signups.c


class SqlBoardRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, entry: BoardEntry) -> BoardEntry:
        self.session.add(entry)
        await self.session.flush()
        return entry

    async def get(self, entry_id: int) -> BoardEntry | None:
        return await self.session.get(BoardEntry, entry_id, populate_existing=True)

    async def _page(self, stmt, offset: int, limit: int):
        total = await self.session.scalar(select(func.count()).select_from(stmt.subquery()))
        order = (e.created_at.desc(), e.id.desc())
        rows = await self.session.scalars(stmt.order_by(*order).offset(offset).limit(limit))
        return list(rows), int(total or 0)

    async def visible(self, complex_id: int, board: str, now: datetime, *, offset, limit):
        stmt = select(BoardEntry).where(
            e.complex_id == complex_id, e.board == board, e.expires_at > now
        )
        return await self._page(stmt, offset, limit)

    async def for_complex(self, complex_id: int, *, offset: int, limit: int):
        stmt = select(BoardEntry).where(e.complex_id == complex_id)
        return await self._page(stmt, offset, limit)

    async def take_seat(self, entry_id: int) -> bool:
        result = await self.session.execute(
            update(tables.board_entries)
            .where(e.id == entry_id, e.capacity.is_not(None), e.taken < e.capacity)
            .values(taken=e.taken + 1)
            .execution_options(synchronize_session=False)
        )
        return changed(result) == 1

    async def free_seat(self, entry_id: int) -> None:
        await self.session.execute(
            update(tables.board_entries)
            .where(e.id == entry_id, e.taken > 0)
            .values(taken=e.taken - 1)
            .execution_options(synchronize_session=False)
        )

    async def is_signed_up(self, entry_id: int, resident_id: int) -> bool:
        stmt = select(func.count()).where(s.entry_id == entry_id, s.resident_id == resident_id)
        return bool(await self.session.scalar(stmt))

    async def add_signup(self, entry_id: int, resident_id: int, complex_id: int, at) -> None:
        await self.session.execute(
            tables.board_signups.insert().values(
                entry_id=entry_id, resident_id=resident_id, complex_id=complex_id, at=at
            )
        )

    async def remove_signup(self, entry_id: int, resident_id: int) -> bool:
        result = await self.session.execute(
            delete(tables.board_signups).where(
                s.entry_id == entry_id, s.resident_id == resident_id
            )
        )
        return changed(result) == 1

    async def signed_up(self, entry_id: int) -> list[int]:
        stmt = select(s.resident_id).where(s.entry_id == entry_id).order_by(s.resident_id)
        return list(await self.session.scalars(stmt))
