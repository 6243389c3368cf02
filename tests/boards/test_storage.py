"""게시판 storage on SQLite and PostgreSQL: concurrent sign-ups for an event never go over its
capacity (one conditional UPDATE each); browsing is newest first, by board and complex,
without expired entries; a sign-up and its cancel move the seat count both ways."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from core.boards.model import Board
from core.boards.posting import NewEntry, post_entry
from core.boards.reading import cancel_signup, sign_up
from core.errors import DomainError
from core.identity.admin import add_complex
from core.identity.model import Household, Membership, Resident, Role

pytestmark = pytest.mark.both_dbs


async def people(services, n: int, code: str = "ONE") -> list[Membership]:
    """A complex with a coordinator (first) and n - 1 residents in 101동.."""
    clock = services.clock
    async with services.uow() as uow:
        complex_ = await add_complex(uow, code, "하나")
        members = []
        for i in range(n):
            household = await uow.households.add(Household(complex_.id, str(101 + i), "1"))
            resident = await uow.residents.add(
                Resident(clock.now(), household_id=household.id, complex_id=complex_.id)
            )
            role = Role.COORDINATOR if i == 0 else Role.RESIDENT
            grants = frozenset({(role.value, complex_.id)})
            members.append(Membership(resident.id, complex_.id, household.id, grants))
        await uow.commit()
    return members


def event(clock, seats: int) -> NewEntry:
    now = clock.now()
    return NewEntry(
        Board.CULTURE,
        "요가 교실",
        "쉬운 요가",
        now + timedelta(days=9),
        event_at=now + timedelta(days=5),
        capacity=seats,
    )


async def test_concurrent_sign_ups_never_exceed_capacity(services):
    coord, *residents = await people(services, 7)
    async with services.uow() as uow:
        entry = await post_entry(uow, services.clock, coord, event(services.clock, 2))
        await uow.commit()
    gate = asyncio.Event()

    async def attempt(member: Membership) -> str:
        async with services.uow() as uow:
            await gate.wait()
            try:
                async with uow.savepoint():
                    await sign_up(uow, services.clock, member, entry.id)
            except DomainError as exc:
                return exc.code
            await uow.commit()
            return "ok"

    tasks = [asyncio.create_task(attempt(m)) for m in residents]
    await asyncio.sleep(0.05)
    gate.set()
    outcomes = sorted(await asyncio.gather(*tasks))
    assert outcomes == ["board.full"] * 4 + ["ok"] * 2
    async with services.uow() as uow:
        stored = await uow.boards.get(entry.id)
        assert stored.taken == 2 and len(await uow.boards.signed_up(entry.id)) == 2


async def test_browse_sign_up_and_cancel(services):
    clock = services.clock
    coord, kim, lee = await people(services, 3)
    (other,) = await people(services, 1, "TWO")
    async with services.uow() as uow:
        old = await post_entry(
            uow,
            clock,
            coord,
            NewEntry(Board.CULTURE, "곧 내려감", "x", clock.now() + timedelta(days=1)),
        )
        clock.advance(minutes=1)
        new = await post_entry(uow, clock, coord, event(clock, 1))
        await post_entry(
            uow, clock, coord, NewEntry(Board.JOBS, "일자리", "x", clock.now() + timedelta(days=3))
        )
        await post_entry(
            uow,
            clock,
            other,
            NewEntry(Board.CULTURE, "다른 단지", "x", clock.now() + timedelta(days=3)),
        )
        await uow.commit()
    async with services.uow() as uow:
        now = clock.now()
        rows, total = await uow.boards.visible(coord.complex_id, "culture", now, offset=0, limit=5)
        assert total == 2 and [e.id for e in rows] == [new.id, old.id]
        later = now + timedelta(days=2)
        rows, total = await uow.boards.visible(
            coord.complex_id, "culture", later, offset=0, limit=5
        )
        assert [e.id for e in rows] == [new.id]
        await sign_up(uow, clock, kim, new.id)
        with pytest.raises(DomainError, match="board.full"):
            await sign_up(uow, clock, lee, new.id)
        await uow.commit()
    async with services.uow() as uow:
        assert (await cancel_signup(uow, clock, kim, new.id)).taken == 0
        assert await uow.boards.signed_up(new.id) == []
        assert (await sign_up(uow, clock, lee, new.id)).taken == 1
        await uow.commit()
