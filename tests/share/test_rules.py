"""공유마켓 rules with in-memory fakes: who may post and how, paid-ride hours, seats that are
never oversold, cancellation freeing seats, reminders and closing as jobs, scope, relay
conversations with blocks, thanks once, and audited moderation."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from core.clock import FrozenClock
from core.errors import DomainError, Forbidden, NotFound
from core.identity.model import Complex, Household, Membership, Resident, Role
from core.share import carpool, contact, listings, moderation, ride_requests, trust
from core.share.carpool import NewRide
from core.share.model import ListingStatus, RideStatus
from core.share.ride_time import paid_ride_allowed
from core.share.when import parse_when
from tests.fakes.uow import FakeUnitOfWork

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)  # Wednesday 10:00 in Seoul


class World:
    def __init__(self) -> None:
        self.uow = FakeUnitOfWork()
        self.clock = FrozenClock(NOW)

    async def member(self, building: str, complex_code: str = "ONE", coordinator=False):
        uow = self.uow
        complex_ = await uow.complexes.by_code(complex_code) or await uow.complexes.add(
            Complex(complex_code, complex_code)
        )
        household = await uow.households.add(Household(complex_.id, building, "1"))
        resident = await uow.residents.add(
            Resident(NOW, household_id=household.id, complex_id=complex_.id)
        )
        grants = {(Role.RESIDENT.value, complex_.id)}
        if coordinator:
            grants.add((Role.COORDINATOR.value, complex_.id))
            from core.identity.model import RoleGrant

            await uow.roles.add(RoleGrant(resident.id, Role.COORDINATOR, complex_.id, NOW))
        return Membership(resident.id, complex_.id, household.id, frozenset(grants))

    async def ride(self, driver, *, seats=2, hours=24, price=0):
        new = NewRide("offer", "정문", "동탄역", NOW + timedelta(hours=hours), seats, price)
        return await carpool.post_carpool(self.uow, self.clock, driver, new)


@pytest.fixture
def world() -> World:
    return World()


def kst(day: int, hour: int, minute: int = 0) -> datetime:
    return (
        datetime(2026, 11, day, hour - 9, minute, tzinfo=UTC)
        if hour >= 9
        else datetime(2026, 11, day - 1, hour + 15, minute, tzinfo=UTC)
    )


def test_paid_rides_only_on_weekday_commuting_hours():
    assert paid_ride_allowed(kst(26, 7)) and paid_ride_allowed(kst(26, 9))
    assert paid_ride_allowed(kst(26, 18, 30)) and paid_ride_allowed(kst(26, 20))
    assert not paid_ride_allowed(kst(26, 6, 59)) and not paid_ride_allowed(kst(26, 9, 1))
    assert not paid_ride_allowed(kst(26, 12)) and not paid_ride_allowed(kst(26, 21))
    assert not paid_ride_allowed(kst(28, 8))  # Saturday


def test_korean_dates_and_times_are_understood():
    today = date(2026, 11, 25)
    assert parse_when("내일 오전 8시", today).day == date(2026, 11, 26)
    assert parse_when("12/3 18:30", today).at == time(18, 30)
    assert parse_when("금요일 저녁 7시 반", today).at == time(19, 30)
    assert parse_when("다음주 월요일", today).day == date(2026, 11, 30)
    assert parse_when("모레", today).at is None
    assert parse_when("아무 말", today).day is None


async def test_a_ride_arms_its_reminder_and_its_closing(world):
    driver = await world.member("101")
    ride = await world.ride(driver)
    jobs = world.uow.jobs.jobs
    assert jobs[("share.ride.remind", str(ride.id))]["due_at"] == ride.departs_at - timedelta(
        minutes=30
    )
    assert jobs[("share.ride.close", str(ride.id))]["due_at"] == ride.departs_at
    assert ride.building == "101" and ride.title == "정문 → 동탄역"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"hours": -1}, "share.past"),
        ({"seats": 0}, "share.bad_seats"),
        ({"seats": 7}, "share.bad_seats"),
        ({"hours": 24 * 3 + 2, "price": 3000}, "share.paid_weekend"),  # Saturday noon
        ({"hours": 2, "price": 3000}, "share.paid_hours"),  # Wednesday 12:00
    ],
)
async def test_bad_rides_are_refused(world, change, code):
    driver = await world.member("101")
    with pytest.raises(DomainError) as refused:
        await world.ride(driver, **change)
    assert refused.value.code == code
    assert not world.uow.share.listings


async def test_unverified_and_suspended_residents_cannot_post(world):
    with pytest.raises(Forbidden):
        await world.ride(Membership(99, 1, None))
    driver = await world.member("101")
    coord = await world.member("관리동", coordinator=True)
    ride = await world.ride(driver)
    await moderation.suspend_poster(world.uow, world.clock, coord, ride.id, "광고 글")
    with pytest.raises(DomainError) as refused:
        await world.ride(driver)
    assert refused.value.code == "share.suspended"
    (audit,) = world.uow.share.audits
    assert audit[3] == "share.suspend" and "광고 글" in audit[4]


async def test_seats_are_never_oversold_and_cancelling_frees_them(world):
    driver, a, b = [await world.member(x) for x in ("101", "102", "103")]
    ride = await world.ride(driver, seats=1)
    first = await ride_requests.request_ride(world.uow, world.clock, a, ride.id, 1)
    second = await ride_requests.request_ride(world.uow, world.clock, b, ride.id, 1)
    await ride_requests.accept_request(world.uow, world.clock, driver, first.id)
    with pytest.raises(DomainError) as full:
        await ride_requests.accept_request(world.uow, world.clock, driver, second.id)
    assert full.value.code == "share.full" and second.status == RideStatus.PENDING
    assert ride.seats_taken == 1
    await ride_requests.cancel_request(world.uow, world.clock, a, first.id)
    assert ride.seats_taken == 0
    await ride_requests.accept_request(world.uow, world.clock, driver, second.id)
    kinds = [kind for _, kind, *_ in world.uow.notifier.sent]
    assert kinds.count("share.ride.requested") == 2 and "share.ride.cancelled" in kinds


async def test_one_active_request_per_passenger_and_not_on_ones_own_ride(world):
    driver, a = await world.member("101"), await world.member("102")
    ride = await world.ride(driver)
    await ride_requests.request_ride(world.uow, world.clock, a, ride.id, 1)
    for who, code in ((a, "share.already_requested"), (driver, "share.own_listing")):
        with pytest.raises(DomainError) as refused:
            await ride_requests.request_ride(world.uow, world.clock, who, ride.id, 1)
        assert refused.value.code == code


async def test_other_complexes_and_forged_ids_look_missing(world):
    driver, stranger = await world.member("101"), await world.member("101", "TWO")
    ride = await world.ride(driver)
    for listing_id in (ride.id, 999):
        with pytest.raises(NotFound):
            await ride_requests.request_ride(world.uow, world.clock, stranger, listing_id, 1)
    with pytest.raises(NotFound):
        await contact.start_chat(world.uow, world.clock, stranger, ride.id)


async def test_reminder_once_and_the_ride_closes_itself_then_thanks_once(world):
    driver, a = await world.member("101"), await world.member("102")
    ride = await world.ride(driver)
    request = await ride_requests.request_ride(world.uow, world.clock, a, ride.id, 1)
    await ride_requests.accept_request(world.uow, world.clock, driver, request.id)
    assert await carpool.remind_ride(world.uow, ride.id, 0)
    assert not await carpool.remind_ride(world.uow, ride.id, 31 * 60)  # after departure
    with pytest.raises(DomainError):
        await trust.send_thanks(world.uow, world.clock, a, ride.id)  # not yet
    assert await carpool.finish_ride(world.uow, ride.id, ride.departs_at)
    assert ride.status == ListingStatus.CLOSED
    assert not await carpool.finish_ride(world.uow, ride.id, ride.departs_at)
    assert await trust.send_thanks(world.uow, world.clock, a, ride.id) == 1
    with pytest.raises(DomainError) as again:
        await trust.send_thanks(world.uow, world.clock, a, ride.id)
    assert again.value.code == "share.already_thanked"
    assert await trust.send_thanks(world.uow, world.clock, driver, ride.id) == 1
    page = await listings.my_listings(world.uow, world.clock, driver)
    assert page.thanks == {driver.resident_id: 1}


async def test_relay_messages_stop_when_blocked(world):
    owner, neighbour = await world.member("101"), await world.member("102")
    new = listings.NewListing("childcare", "offer", "아이 돌봐 드려요", "평일 오후", who="7살")
    care = await listings.post_listing(world.uow, world.clock, owner, new)
    chat = await contact.start_chat(world.uow, world.clock, neighbour, care.id)
    assert await contact.relay_message(world.uow, world.clock, neighbour, chat.id, "안녕하세요")
    ((resident, kind, params, _),) = world.uow.notifier.sent
    assert resident == owner.resident_id and params["building"] == "102"
    with pytest.raises(DomainError):
        await contact.relay_message(world.uow, world.clock, neighbour, chat.id, "가" * 501)
    await contact.block_peer(world.uow, world.clock, owner, chat.id)
    for call in (
        contact.relay_message(world.uow, world.clock, neighbour, chat.id, "또 보내요"),
        contact.start_chat(world.uow, world.clock, neighbour, care.id),
    ):
        with pytest.raises(DomainError):
            await call
    assert await trust.send_thanks(world.uow, world.clock, neighbour, care.id) == 1


async def test_reports_reach_coordinators_who_hide_and_verify_with_audit(world):
    owner, neighbour = await world.member("101"), await world.member("102")
    coord = await world.member("관리동", coordinator=True)
    new = listings.NewListing("care", "offer", "어르신 말벗", "매주 화요일", who="80대")
    care = await listings.post_listing(world.uow, world.clock, owner, new)
    await contact.report_listing(world.uow, world.clock, neighbour, care.id, "광고 같아요")
    assert world.uow.notifier.sent[-1][:2] == (coord.resident_id, "share.reported")
    with pytest.raises(Forbidden):
        await moderation.hide_listing(world.uow, world.clock, neighbour, care.id, "숨겨요")
    await moderation.verify_provider(world.uow, world.clock, coord, care.id)
    await moderation.hide_listing(world.uow, world.clock, coord, care.id, "확인 결과 광고")
    with pytest.raises(NotFound):
        await listings.get_listing(world.uow, neighbour, care.id)
    assert [a[3] for a in world.uow.share.audits] == ["share.verify", "share.hide"]
    assert not await moderation.open_reports(world.uow, coord)
