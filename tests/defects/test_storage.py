"""The defect repository on a real database, SQLite and PostgreSQL: the queue is urgent first
then oldest, filters and paging totals hold, the queue's 동 come in one query, a household
supports a report once, and the monthly query takes [start, end)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.defects.model import DefectReport, Status
from core.identity.admin import add_complex
from core.identity.model import Household, Resident

pytestmark = pytest.mark.both_dbs


async def seed(services):
    """Complex 1 with 동 101 and 102, complex 2 with 동 101; six reports an hour apart."""
    clock = services.clock
    async with services.uow() as uow:
        one = await add_complex(uow, "ONE", "하나")
        two = await add_complex(uow, "TWO", "둘")
        h101 = await uow.households.add(Household(one.id, "101", "1203"))
        h102 = await uow.households.add(Household(one.id, "102", "304"))
        other = await uow.households.add(Household(two.id, "101", "1"))
        person = await uow.residents.add(Resident(clock.now()))
        supporters = [await uow.households.add(Household(one.id, "103", u)) for u in "12"]
        specs = [
            (h101, "leak", False, Status.RECEIVED),
            (h102, "elevator", True, Status.RECEIVED),
            (h101, "other", False, Status.DONE),
            (h102, "leak", False, Status.ACKNOWLEDGED),
            (h101, "electric", True, Status.IN_PROGRESS),
            (other, "leak", True, Status.RECEIVED),
        ]
        ids = []
        for n, (household, category, urgent, status) in enumerate(specs):
            at = clock.now() + timedelta(hours=n)
            report = await uow.defects.add(
                DefectReport(
                    household.complex_id, household.id, person.id, category, "home", f"#{n}",
                    urgent, at, at, status=status,
                )
            )  # fmt: skip
            ids.append(report.id)
        result = one.id, two.id, ids, [h.id for h in supporters]
        await uow.commit()
    return result


async def _queue(services, complex_id, statuses=None, **kw):
    kw = {"category": None, "building": None, "offset": 0, "limit": 10, **kw}
    statuses = statuses or [Status.RECEIVED, Status.ACKNOWLEDGED, Status.IN_PROGRESS]
    async with services.uow() as uow:
        reports, total = await uow.defects.queue(complex_id, statuses=statuses, **kw)
        return [r.description for r in reports], total


async def test_queue_is_urgent_first_then_oldest_and_scoped(services):
    one, two, *_ = await seed(services)
    assert await _queue(services, one) == (["#1", "#4", "#0", "#3"], 4)
    assert await _queue(services, two) == (["#5"], 1)


async def test_queue_filters_and_paging_totals(services):
    one, *_ = await seed(services)
    assert await _queue(services, one, category="leak") == (["#0", "#3"], 2)
    assert await _queue(services, one, building="101") == (["#4", "#0"], 2)
    assert await _queue(services, one, [Status.DONE]) == (["#2"], 1)
    assert await _queue(services, one, offset=2, limit=1) == (["#0"], 4)
    assert await _queue(services, one, offset=9, limit=5) == ([], 4)
    async with services.uow() as uow:
        assert await uow.defects.open_buildings(one) == ["101", "102"]


async def test_the_queue_cards_get_their_buildings_in_one_query(services):
    _, _, ids, (h1, h2) = await seed(services)
    async with services.uow() as uow:
        first = await uow.defects.get(ids[0])  # filed by 101동
        found = await uow.defects.buildings([first.household_id, h1, h2])
        assert found == {first.household_id: "101", h1: "103", h2: "103"}
        assert await uow.defects.buildings([]) == {}


async def test_a_household_supports_a_report_once(services):
    _, _, ids, (h1, h2) = await seed(services)
    now = services.clock.now()
    async with services.uow() as uow:
        assert await uow.defects.add_supporter(ids[0], h1, now)
        assert not await uow.defects.add_supporter(ids[0], h1, now)
        assert await uow.defects.add_supporter(ids[0], h2, now)
        await uow.commit()


async def test_created_between_is_half_open(services):
    one, *_ = await seed(services)
    start = services.clock.now() + timedelta(hours=1)
    async with services.uow() as uow:
        found = await uow.defects.created_between(one, start, start + timedelta(hours=3))
        assert [r.description for r in found] == ["#1", "#2", "#3"]
