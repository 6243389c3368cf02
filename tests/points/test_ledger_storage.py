"""The ledger in SQL, on SQLite and PostgreSQL: 100 concurrent spends from one account (the
conditional UPDATE lets exactly ⌊B/a⌋ through), a refused transfer leaves the rest of its unit
of work intact, and `check_ledger` finds a balance that does not match its entries."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select, update

from core.errors import DomainError
from core.points.ledger import check_ledger, transfer
from core.points.model import AccountRef, Kind, System
from core.points.use_cases import award_purchase, balance, spend_for_order
from storage import tables
from tests.support.points import balances, books_are_exact, in_uow, place

pytestmark = pytest.mark.both_dbs


async def fund(services, who, complex_id: int, points: int) -> None:
    """Give a resident exactly `points` (a reward of 100× in money)."""
    await in_uow(
        services,
        award_purchase,
        order_key="order:fund",
        resident_id=who.resident_id,
        complex_id=complex_id,
        paid_won=points * 100,
    )


@pytest.mark.parametrize(("start", "each"), [(505, 10), (500, 10)])
async def test_100_concurrent_spends_never_overdraw(services, start, each):
    here = await place(services, people=1)
    kim = here.residents[0]
    await fund(services, kim, here.complex_id, start)

    async def spend(n: int) -> bool:
        try:
            await in_uow(
                services,
                spend_for_order,
                order_key=f"order:{n}",
                resident_id=kim.resident_id,
                points=each,
            )
        except DomainError as exc:
            assert exc.code == "points.insufficient"
            return False
        return True

    results = await asyncio.gather(*(spend(n) for n in range(100)))
    assert sum(results) == start // each
    async with services.uow() as uow:
        assert await balance(uow, kim.resident_id) == start % each
        spent = await uow.session.scalar(
            select(func.count()).where(tables.points_transfers.c.kind == Kind.SPEND)
        )
    assert spent == start // each
    clearing = AccountRef.system(System.SHOP_CLEARING, here.complex_id).key
    assert (await balances(services))[clearing] == start // each * each
    await books_are_exact(services)


async def test_a_refused_transfer_leaves_the_rest_of_the_unit_of_work(services):
    here = await place(services, people=2)
    kim, lee = here.residents
    await fund(services, kim, here.complex_id, 100)
    async with services.uow() as uow:
        await spend_for_order(
            uow, services.clock, order_key="order:a", resident_id=kim.resident_id, points=60
        )
        # two debits: the first would pass, the second cannot; neither may stay
        legs = [
            (AccountRef.personal(kim.resident_id, here.complex_id), -10),
            (AccountRef.personal(lee.resident_id, here.complex_id), -5),
            (AccountRef.system(System.EXPIRED, here.complex_id), 15),
        ]
        with pytest.raises(DomainError) as caught:
            await transfer(uow, services.clock, "test:both", legs, kind=Kind.EXPIRE)
        assert caught.value.code == "points.insufficient"
        await uow.commit()
    async with services.uow() as uow:
        assert await balance(uow, kim.resident_id) == 40
        assert await uow.points.get_transfer("test:both") is None
    await books_are_exact(services)


async def test_a_replay_racing_the_original_is_a_no_op(services):
    here = await place(services, people=1)
    kim = here.residents[0]

    async def award() -> bool:
        return (
            await in_uow(
                services,
                award_purchase,
                order_key="order:race",
                resident_id=kim.resident_id,
                complex_id=here.complex_id,
                paid_won=10_000,
            )
        ).posted

    assert sorted(await asyncio.gather(*(award() for _ in range(5)))) == [False] * 4 + [True]
    assert (await balances(services))[f"personal:{kim.resident_id}"] == 100
    await books_are_exact(services)


async def test_the_check_finds_a_balance_that_is_not_the_sum_of_its_entries(services):
    here = await place(services, people=1)
    kim = here.residents[0]
    await fund(services, kim, here.complex_id, 100)
    async with services.uow() as uow:
        a = tables.points_accounts.c
        key = f"personal:{kim.resident_id}"
        await uow.session.execute(
            update(tables.points_accounts).where(a.id == key).values(balance=150)
        )
        await uow.commit()
    async with services.uow() as uow:
        (problem,) = await check_ledger(uow)
    assert (problem.account, problem.stored, problem.summed) == (key, 150, 100)
