"""Repositories for complexes, households, residents, accounts, roles, invites, link codes
and throttles."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.identity.model import (
    ChannelAccount,
    Complex,
    Household,
    InviteCode,
    LinkCode,
    Resident,
    RoleGrant,
)
from storage import tables
from storage.repositories.results import changed

SLICE = 500  # ids per IN (...): well under SQLite's and asyncpg's bound-parameter limits


class _Repo:
    model: type

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, item_id: int):
        return await self.session.get(self.model, item_id)

    async def add(self, item):
        self.session.add(item)
        await self.session.flush()
        return item


class SqlComplexRepository(_Repo):
    model = Complex

    async def by_code(self, code: str) -> Complex | None:
        return await self.session.scalar(select(Complex).where(tables.complexes.c.code == code))

    async def all(self) -> list[Complex]:
        return list(await self.session.scalars(select(Complex).order_by(tables.complexes.c.id)))


class SqlHouseholdRepository(_Repo):
    model = Household

    async def find(self, complex_id: int, building: str, unit: str) -> Household | None:
        c = tables.households.c
        stmt = select(Household).where(
            c.complex_id == complex_id, c.building == building, c.unit == unit
        )
        return await self.session.scalar(stmt)


class SqlResidentRepository(_Repo):
    model = Resident

    async def many(self, resident_ids: list[int]) -> list[Resident]:
        """The residents with these ids (missing ids are left out), by id."""
        c = tables.residents.c
        found: list[Resident] = []
        for i in range(0, len(resident_ids), SLICE):
            stmt = select(Resident).where(c.id.in_(resident_ids[i : i + SLICE]))
            found += await self.session.scalars(stmt)
        return sorted(found, key=lambda r: r.id)

    async def count_verified(self, complex_id: int) -> int:
        c = tables.residents.c
        stmt = select(func.count()).where(c.complex_id == complex_id, c.household_id.is_not(None))
        return int(await self.session.scalar(stmt) or 0)

    async def ids_in_household(self, household_id: int) -> list[int]:
        c = tables.residents.c
        stmt = select(c.id).where(c.household_id == household_id).order_by(c.id)
        return list(await self.session.scalars(stmt))

    async def ids_in_households(self, household_ids: list[int]) -> list[int]:
        """The residents of these households, by id (in slices: a vote may reach 26,000)."""
        c = tables.residents.c
        found: list[int] = []
        for i in range(0, len(household_ids), SLICE):
            part = household_ids[i : i + SLICE]
            found += await self.session.scalars(select(c.id).where(c.household_id.in_(part)))
        return sorted(found)

    async def count_in_household(self, household_id: int) -> int:
        stmt = select(func.count()).where(tables.residents.c.household_id == household_id)
        return int(await self.session.scalar(stmt) or 0)


class SqlAccountRepository(_Repo):
    model = ChannelAccount

    async def find(self, channel: str, external_id: str) -> ChannelAccount | None:
        c = tables.channel_accounts.c
        stmt = select(ChannelAccount).where(c.channel == channel, c.external_id == external_id)
        return await self.session.scalar(stmt)

    async def for_resident(self, resident_id: int) -> list[ChannelAccount]:
        c = tables.channel_accounts.c
        stmt = select(ChannelAccount).where(c.resident_id == resident_id).order_by(c.id)
        return list(await self.session.scalars(stmt))

    async def for_residents(self, resident_ids: list[int]) -> dict[int, list[ChannelAccount]]:
        """Every account of these residents, grouped by resident (one statement)."""
        found: dict[int, list[ChannelAccount]] = {}
        c = tables.channel_accounts.c
        for i in range(0, len(resident_ids), SLICE):
            part = resident_ids[i : i + SLICE]
            stmt = select(ChannelAccount).where(c.resident_id.in_(part)).order_by(c.id)
            for account in await self.session.scalars(stmt):
                found.setdefault(account.resident_id, []).append(account)
        return found


class SqlRoleRepository(_Repo):
    model = RoleGrant

    async def holders(self, role: str, complex_id: int) -> list[int]:
        c = tables.role_grants.c
        stmt = (
            select(c.resident_id)
            .where(c.role == role, c.complex_id == complex_id, c.revoked_at.is_(None))
            .distinct()
            .order_by(c.resident_id)
        )
        return list(await self.session.scalars(stmt))

    async def for_resident(self, resident_id: int) -> list[RoleGrant]:
        c = tables.role_grants.c
        stmt = select(RoleGrant).where(c.resident_id == resident_id).order_by(c.id)
        return list(await self.session.scalars(stmt))


class SqlInviteRepository(_Repo):
    model = InviteCode

    async def by_hash(self, code_hash: str) -> InviteCode | None:
        stmt = select(InviteCode).where(tables.invite_codes.c.code_hash == code_hash)
        return await self.session.scalar(stmt)

    async def try_use(self, invite_id: int) -> bool:
        c = tables.invite_codes.c
        stmt = (
            update(tables.invite_codes)
            .where(c.id == invite_id, c.uses < c.max_uses)
            .values(uses=c.uses + 1)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.execute(stmt)
        return changed(result) == 1


class SqlLinkCodeRepository(_Repo):
    model = LinkCode

    async def by_hash(self, code_hash: str) -> LinkCode | None:
        stmt = select(LinkCode).where(tables.link_codes.c.code_hash == code_hash)
        return await self.session.scalar(stmt)

    async def try_use(self, link_id: int, at: datetime) -> bool:
        c = tables.link_codes.c
        stmt = (
            update(tables.link_codes)
            .where(c.id == link_id, c.used_at.is_(None))
            .values(used_at=at)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.execute(stmt)
        return changed(result) == 1


class SqlRateEventRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, subject: str, kind: str, at: datetime) -> None:
        await self.session.execute(
            tables.rate_events.insert().values(subject=subject, kind=kind, at=at)
        )

    async def count(self, subject: str, kind: str, since: datetime) -> int:
        c = tables.rate_events.c
        stmt = select(func.count()).where(c.subject == subject, c.kind == kind, c.at >= since)
        return int(await self.session.scalar(stmt) or 0)
