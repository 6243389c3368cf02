"""카풀 and public holidays, with in-memory fakes and plain sets of dates: a paid ride is
refused on a holiday (naming why, like on a weekend) while a free one is not, and a repeating
ride skips holidays to the next 평일 — paid and free alike — keeping its 평일마다 flag."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from core.errors import DomainError
from core.share import carpool
from core.share.carpool import NewRide
from core.share.ride_time import KST, next_weekday, paid_ride_refusal
from tests.share.test_rules import World

CHRISTMAS = date(2026, 12, 25)  # a Friday
HOLIDAYS = frozenset({CHRISTMAS, date(2026, 12, 28)})  # and an 임시공휴일 on the Monday


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=KST)


@pytest.fixture
def world() -> World:
    return World()


@pytest.mark.parametrize(
    ("when", "holidays", "why"),
    [
        (at(CHRISTMAS, 8), HOLIDAYS, "share.paid_holiday"),
        (at(CHRISTMAS, 12), HOLIDAYS, "share.paid_holiday"),  # the day names the reason
        (at(CHRISTMAS, 8), frozenset(), None),  # no holidays given: a plain Friday
        (at(date(2026, 12, 26), 8), HOLIDAYS, "share.paid_weekend"),
        (at(date(2026, 12, 24), 12), HOLIDAYS, "share.paid_hours"),
        (at(date(2026, 12, 24), 18, 30), HOLIDAYS, None),
    ],
)
def test_why_a_paid_ride_may_not_leave(when, holidays, why):
    assert paid_ride_refusal(when, holidays) == why
    # the day is the day in Seoul, whatever the zone of the time given
    assert paid_ride_refusal(when.astimezone(UTC), holidays) == why


async def test_a_paid_ride_on_a_holiday_is_refused_a_free_one_is_not(world):
    driver = await world.member("101")
    paid = NewRide("offer", "정문", "동탄역", at(CHRISTMAS, 8), 2, 3000)
    with pytest.raises(DomainError) as refused:
        await carpool.post_carpool(world.uow, world.clock, driver, paid, HOLIDAYS)
    assert refused.value.code == "share.paid_holiday"
    assert not world.uow.share.listings
    free = NewRide("offer", "정문", "동탄역", at(CHRISTMAS, 8), 2, 0)
    ride = await carpool.post_carpool(world.uow, world.clock, driver, free, HOLIDAYS)
    assert ride.departs_at == at(CHRISTMAS, 8) and ride.price == 0 and not ride.repeats


def test_the_next_weekday_skips_holidays_and_the_weekend():
    thursday = at(date(2026, 12, 24), 8)
    now = thursday
    assert next_weekday(thursday, now) == at(CHRISTMAS, 8)
    assert next_weekday(thursday, now, HOLIDAYS) == at(date(2026, 12, 29), 8)  # Tuesday
    late = at(date(2026, 12, 29), 9)  # the closing job ran days late
    assert next_weekday(thursday, late, HOLIDAYS) == at(date(2026, 12, 30), 8)


@pytest.mark.parametrize("price", [3000, 0])
async def test_a_repeating_ride_skips_holidays_paid_or_free(world, price):
    driver = await world.member("101")
    new = NewRide("offer", "정문", "동탄역", at(date(2026, 12, 24), 8), 2, price, repeat=True)
    ride = await carpool.post_carpool(world.uow, world.clock, driver, new, HOLIDAYS)
    assert ride.repeats
    close = world.uow.jobs.jobs[(carpool.CLOSE, str(ride.id))]
    assert close["payload"] == {"listing_id": ride.id, "repeat": True}

    assert await carpool.finish_ride(world.uow, ride.id, ride.departs_at, holidays=HOLIDAYS)
    first, second = world.uow.share.listings.values()
    assert second.departs_at == at(date(2026, 12, 29), 8)  # not Christmas, nor Monday 28th
    assert second.repeats and second.price == price and second.seats_taken == 0
    assert world.uow.jobs.jobs[(carpool.CLOSE, str(second.id))]["payload"]["repeat"]


async def test_a_job_armed_before_the_flag_was_stored_still_repeats(world):
    driver = await world.member("101")
    new = NewRide("offer", "정문", "동탄역", world.clock.now() + timedelta(hours=22), 2)
    ride = await carpool.post_carpool(world.uow, world.clock, driver, new)
    assert not ride.repeats  # as rows read before the column existed
    await carpool.finish_ride(world.uow, ride.id, ride.departs_at, repeat=True)
    assert len(world.uow.share.listings) == 2
