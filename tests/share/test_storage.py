"""공유마켓 storage on SQLite and PostgreSQL: two accepts racing for the last seat leave
exactly one accepted; browsing is newest first, scoped by complex and kind, without rides that
left; thanks count once per listing and pair within the window; blocks work both ways;
listings by id and residents' buildings are read in one query each, scoped by complex."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from core.errors import DomainError
from core.identity.admin import add_complex
from core.identity.model import Household, Membership, Resident, Role
from core.share.carpool import NewRide, post_carpool
from core.share.model import Listing, RideStatus
from core.share.ride_requests import accept_request, request_ride
from tests.support.share import listing_row, request_rows

pytestmark = pytest.mark.both_dbs


async def people(services, n: int = 3) -> list[Membership]:
    """A complex with n residents in 101동..; the first is the driver."""
    clock = services.clock
    async with services.uow() as uow:
        complex_ = await add_complex(uow, "ONE", "하나")
        members = []
        for i in range(n):
            household = await uow.households.add(Household(complex_.id, str(101 + i), "1"))
            resident = await uow.residents.add(
                Resident(clock.now(), household_id=household.id, complex_id=complex_.id)
            )
            grants = frozenset({(Role.RESIDENT.value, complex_.id)})
            members.append(Membership(resident.id, complex_.id, household.id, grants))
        await uow.commit()
    return members


async def test_concurrent_accepts_for_the_last_seat_leave_exactly_one(services, engine):
    driver, a, b = await people(services)
    async with services.uow() as uow:
        departs = services.clock.now() + timedelta(days=1)
        ride = await post_carpool(
            uow, services.clock, driver, NewRide("offer", "정문", "역", departs, seats=1)
        )
        first = await request_ride(uow, services.clock, a, ride.id, 1)
        second = await request_ride(uow, services.clock, b, ride.id, 1)
        ids = first.id, second.id
        await uow.commit()
    gate = asyncio.Event()

    async def accept(request_id: int) -> str:
        async with services.uow() as uow:
            await gate.wait()
            try:
                async with uow.savepoint():
                    await accept_request(uow, services.clock, driver, request_id)
            except DomainError as exc:
                return exc.code
            await uow.commit()
            return "ok"

    tasks = [asyncio.create_task(accept(i)) for i in ids]
    await asyncio.sleep(0.05)
    gate.set()
    outcomes = sorted(await asyncio.gather(*tasks))
    assert outcomes == ["ok", "share.full"]
    assert (await listing_row(services, ride.id))["seats_taken"] == 1
    statuses = sorted(r["status"] for r in await request_rows(services))
    assert statuses == [RideStatus.ACCEPTED, RideStatus.PENDING]


async def test_browse_is_newest_first_scoped_and_without_rides_that_left(services):
    driver, other, _ = await people(services)
    now = services.clock.now()
    async with services.uow() as uow:
        two = await add_complex(uow, "TWO", "둘")
        for n, (complex_id, kind, departs) in enumerate(
            [
                (driver.complex_id, "carpool", now + timedelta(hours=2)),
                (driver.complex_id, "carpool", now - timedelta(hours=1)),  # left already
                (driver.complex_id, "care", None),
                (two.id, "carpool", now + timedelta(hours=2)),
                (driver.complex_id, "carpool", now + timedelta(hours=5)),
            ]
        ):
            at = now + timedelta(minutes=n)
            await uow.share.add(
                Listing(
                    complex_id,
                    driver.resident_id,
                    "101",
                    kind,
                    "offer",
                    f"#{n}",
                    at,
                    at,
                    departs_at=departs,
                    seats=2,
                )
            )
        await uow.commit()
    async with services.uow() as uow:
        found, total = await uow.share.browse(
            driver.complex_id, "carpool", after=now, offset=0, limit=5
        )
        assert [x.title for x in found] == ["#4", "#0"] and total == 2
        found, total = await uow.share.browse(
            driver.complex_id, "carpool", after=now, offset=1, limit=1
        )
        assert [x.title for x in found] == ["#0"] and total == 2


async def test_thanks_once_per_pair_in_the_window_and_blocks_both_ways(services):
    a, b, c = await people(services)
    now = services.clock.now()
    async with services.uow() as uow:
        listing = await uow.share.add(
            Listing(a.complex_id, a.resident_id, "101", "care", "offer", "돌봄", now, now)
        )
        assert await uow.share.add_thanks(
            listing.id, b.resident_id, a.resident_id, a.complex_id, now
        )
        assert not await uow.share.add_thanks(
            listing.id, b.resident_id, a.resident_id, a.complex_id, now
        )
        old = now - timedelta(days=400)
        assert await uow.share.add_thanks(
            listing.id, c.resident_id, a.resident_id, a.complex_id, old
        )
        counts = await uow.share.thanks_count([a.resident_id], now - timedelta(days=365))
        assert counts == {a.resident_id: 1}
        await uow.share.block(b.resident_id, c.resident_id, a.complex_id, now)
        await uow.share.block(b.resident_id, c.resident_id, a.complex_id, now)  # once
        assert await uow.share.blocked(c.resident_id, b.resident_id)
        assert not await uow.share.blocked(a.resident_id, b.resident_id)
        await uow.commit()


async def test_listings_and_buildings_are_read_in_one_query_each_scoped_by_complex(services):
    driver, a, b = await people(services)
    departs = services.clock.now() + timedelta(days=1)
    async with services.uow() as uow:
        two = await add_complex(uow, "TWO", "둘")
        away = await uow.households.add(Household(two.id, "909", "1"))
        stranger = await uow.residents.add(
            Resident(services.clock.now(), household_id=away.id, complex_id=two.id)
        )
        ride = await post_carpool(
            uow, services.clock, driver, NewRide("offer", "정문", "역", departs, seats=2)
        )
        found = await uow.share.many([ride.id, ride.id, 999])
        assert list(found) == [ride.id] and found[ride.id].title == "정문 → 역"
        assert await uow.share.many([]) == {}
        ids = [driver.resident_id, b.resident_id, stranger.id, 999]
        buildings = await uow.share.buildings_of(driver.complex_id, ids)
        assert buildings == {driver.resident_id: "101", b.resident_id: "103"}
        assert await uow.share.buildings_of(driver.complex_id, []) == {}
