"""Storage for the conversation engine: dialog state, button tokens, handled deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import ConcurrencyConflict
from storage import tables
from storage.repositories.results import changed


class SqlConversationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock(self, resident_id: int, now: datetime) -> dict[str, Any]:
        """The resident's conversation row, created if missing and locked until commit.

        PostgreSQL: SELECT ... FOR UPDATE serialises two messages of the same resident.
        SQLite: every write transaction starts with BEGIN IMMEDIATE, which serialises them.
        """
        c = tables.conversations.c
        stmt = select(tables.conversations).where(c.resident_id == resident_id).with_for_update()
        row = (await self.session.execute(stmt)).mappings().first()
        if row is None:
            try:
                async with self.session.begin_nested():
                    await self.session.execute(
                        tables.conversations.insert().values(
                            resident_id=resident_id, data={}, updated_at=now, version=0
                        )
                    )
            except IntegrityError:
                pass  # created by a concurrent message; lock it below
            row = (await self.session.execute(stmt)).mappings().first()
        return dict(row)

    async def save(self, state: dict[str, Any], now: datetime) -> None:
        c = tables.conversations.c
        result = await self.session.execute(
            update(tables.conversations)
            .where(c.resident_id == state["resident_id"], c.version == state["version"])
            .values(
                dialog=state["dialog"],
                step=state["step"],
                data=state["data"],
                screen=state["screen"],
                updated_at=now,
                version=state["version"] + 1,
            )
        )
        if changed(result) != 1:
            # Only possible if the row lock was bypassed; the engine retries the whole message.
            raise ConcurrencyConflict("conversation changed concurrently")


class SqlTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_many(self, rows: list[dict[str, Any]]) -> None:
        """Store tokens; a token shown again (same resident, same action) just lives longer."""
        if not rows:
            return
        dialect = self.session.bind.dialect.name
        insert = sqlite_insert if dialect == "sqlite" else pg_insert
        stmt = insert(tables.action_tokens)
        stmt = stmt.on_conflict_do_update(
            index_elements=["token"], set_={"expires_at": stmt.excluded.expires_at}
        )
        await self.session.execute(stmt, rows)

    async def get(self, token: str) -> dict[str, Any] | None:
        c = tables.action_tokens.c
        row = (
            (await self.session.execute(select(tables.action_tokens).where(c.token == token)))
            .mappings()
            .first()
        )
        return dict(row) if row else None

    async def purge_expired(self, now: datetime) -> int:
        c = tables.action_tokens.c
        result = await self.session.execute(delete(tables.action_tokens).where(c.expires_at < now))
        return changed(result)


class SqlDeliveryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim(self, key: str, now: datetime) -> dict[str, Any] | None:
        """Record a delivery key; returns the earlier record if this key was handled already."""
        c = tables.deliveries.c
        row = (
            (await self.session.execute(select(tables.deliveries).where(c.key == key)))
            .mappings()
            .first()
        )
        if row is not None:
            return dict(row)
        await self.session.execute(tables.deliveries.insert().values(key=key, created_at=now))
        return None

    async def store_reply(self, key: str, resident_id: int, reply: Any) -> None:
        c = tables.deliveries.c
        await self.session.execute(
            update(tables.deliveries)
            .where(c.key == key)
            .values(resident_id=resident_id, reply=reply)
        )

    async def purge_before(self, when: datetime) -> int:
        c = tables.deliveries.c
        result = await self.session.execute(delete(tables.deliveries).where(c.created_at < when))
        return changed(result)
