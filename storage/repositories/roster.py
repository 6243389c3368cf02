"""A complex's households and their resident invite codes in bulk (the import and the invite
letters: 26,000 rows in a few statements, never one per row)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.identity.households import Home
from core.identity.model import Role, household_kind
from storage import tables
from storage.repositories.results import changed

SLICE = 500  # rows per IN (...) and per multi-row insert


class SqlRosterRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def addresses(self, complex_id: int) -> set[tuple[str, str]]:
        c = tables.households.c
        rows = await self.session.execute(
            select(c.building, c.unit).where(c.complex_id == complex_id)
        )
        return {(b, u) for b, u in rows}

    async def add_households(self, complex_id: int, addresses: list[tuple[str, str]]) -> None:
        for i in range(0, len(addresses), SLICE):
            part = addresses[i : i + SLICE]
            await self.session.execute(
                insert(tables.households),
                [
                    {"complex_id": complex_id, "building": b, "unit": u, "kind": household_kind(b)}
                    for b, u in part
                ],
            )

    async def households(self, complex_id: int, building: str | None) -> list[Home]:
        c = tables.households.c
        stmt = select(c.id, c.building, c.unit).where(c.complex_id == complex_id)
        if building is not None:
            stmt = stmt.where(c.building == building)
        rows = await self.session.execute(stmt.order_by(c.id))
        # plain values, not mapped entities: 26,000 of them stay cheap
        return [Home(i, b, u) for i, b, u in rows]

    def _active(self, household_ids: list[int], now: datetime):
        c = tables.invite_codes.c
        return (
            c.household_id.in_(household_ids),
            c.role == str(Role.RESIDENT),
            c.revoked_at.is_(None),
            c.expires_at > now,
            c.uses < c.max_uses,
        )

    async def with_active_invite(self, household_ids: list[int], now: datetime) -> set[int]:
        c = tables.invite_codes.c
        found: set[int] = set()
        for i in range(0, len(household_ids), SLICE):
            stmt = select(c.household_id).where(*self._active(household_ids[i : i + SLICE], now))
            found.update(await self.session.scalars(stmt))
        return found

    async def revoke_invites(self, household_ids: list[int], now: datetime) -> int:
        revoked = 0
        for i in range(0, len(household_ids), SLICE):
            stmt = (
                update(tables.invite_codes)
                .where(*self._active(household_ids[i : i + SLICE], now))
                .values(revoked_at=now)
                .execution_options(synchronize_session=False)
            )
            revoked += changed(await self.session.execute(stmt))
        return revoked

    async def add_invites(
        self,
        complex_id: int,
        hashes: list[tuple[int, str]],
        *,
        role: str,
        max_uses: int,
        expires_at: datetime,
        created_at: datetime,
    ) -> None:
        for i in range(0, len(hashes), SLICE):
            await self.session.execute(
                insert(tables.invite_codes),
                [
                    {
                        "complex_id": complex_id,
                        "household_id": household_id,
                        "code_hash": code_hash,
                        "role": role,
                        "max_uses": max_uses,
                        "uses": 0,
                        "expires_at": expires_at,
                        "created_at": created_at,
                    }
                    for household_id, code_hash in hashes[i : i + SLICE]
                ],
            )
