"""Helpers for points tests: a complex with verified residents and a coordinator made straight
through the repositories (no chat needed), and the ledger's state read back as plain values."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from core.identity.admin import add_complex
from core.identity.model import Household, Membership, Resident, Role
from core.points.ledger import check_ledger
from storage import tables


@dataclass(frozen=True)
class Place:
    complex_id: int
    residents: tuple[Membership, ...]
    coordinator: Membership


async def make_place(uow, clock, code: str = "PTS", people: int = 3) -> Place:
    """A complex with `people` verified residents (one household each) and a coordinator."""
    complex_ = await add_complex(uow, code, f"{code} 아파트")
    members = []
    for n in range(people + 1):
        household = await uow.households.add(Household(complex_.id, "101", str(100 + n)))
        resident = await uow.residents.add(
            Resident(created_at=clock.now(), household_id=household.id, complex_id=complex_.id)
        )
        grants = frozenset({(Role.COORDINATOR.value, complex_.id)}) if n == people else frozenset()
        members.append(Membership(resident.id, complex_.id, household.id, grants))
    return Place(complex_.id, tuple(members[:people]), members[people])


async def place(services, code: str = "PTS", people: int = 3) -> Place:
    async with services.uow() as uow:
        made = await make_place(uow, services.clock, code, people)
        await uow.commit()
    return made


async def balances(services) -> dict[str, int]:
    async with services.uow() as uow:
        rows = await uow.session.execute(
            select(tables.points_accounts.c.id, tables.points_accounts.c.balance)
        )
        return {key: int(value) for key, value in rows}


async def books_are_exact(services) -> None:
    async with services.uow() as uow:
        assert await check_ledger(uow) == []


async def in_uow(services, fn, *args, **kw):
    """Run one use case in its own unit of work and commit it (as the engine does)."""
    async with services.uow() as uow:
        result = await fn(uow, services.clock, *args, **kw)
        await uow.commit()
        return result
