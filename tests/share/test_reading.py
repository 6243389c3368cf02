"""What the market's screens read, through core/share/reading.py with in-memory fakes: roles
and scope are checked there (a resident cannot read the coordinators' lists; another
complex's conversation or resident looks missing), and lists come with what each item needs
(a report's listing, a ride request's ride, a suspended neighbour's 동)."""

from __future__ import annotations

import pytest

from core.errors import Forbidden, NotFound
from core.share import contact, listings, moderation, reading, ride_requests
from tests.share.test_rules import World


@pytest.fixture
def world() -> World:
    return World()


async def test_a_listing_reads_with_its_posters_badge_and_whether_to_thank(world):
    owner, neighbour = await world.member("101"), await world.member("102")
    coord = await world.member("관리동", coordinator=True)
    new = listings.NewListing("care", "offer", "어르신 말벗", "매주 화요일", who="80대")
    care = await listings.post_listing(world.uow, world.clock, owner, new)
    view = await reading.open_listing(world.uow, world.clock, neighbour, care.id)
    assert (view.listing, view.thanks, view.verified, view.can_thank) == (care, 0, False, False)
    await contact.start_chat(world.uow, world.clock, neighbour, care.id)
    await moderation.verify_provider(world.uow, world.clock, coord, care.id)
    view = await reading.open_listing(world.uow, world.clock, neighbour, care.id)
    assert view.verified and view.can_thank


async def test_a_conversation_names_the_other_side_by_building_only(world):
    owner, neighbour = await world.member("101"), await world.member("102")
    stranger = await world.member("101", "TWO")
    new = listings.NewListing("goods", "offer", "유모차 빌려 드려요", "주말")
    goods = await listings.post_listing(world.uow, world.clock, owner, new)
    chat = await contact.start_chat(world.uow, world.clock, neighbour, goods.id)
    mine = await reading.chat_view(world.uow, neighbour, chat.id)
    theirs = await reading.chat_view(world.uow, owner, chat.id)
    assert (mine.other, mine.building) == (owner.resident_id, "101")
    assert (theirs.other, theirs.building, theirs.ended) == (neighbour.resident_id, "102", False)
    with pytest.raises(NotFound):
        await reading.chat_view(world.uow, stranger, chat.id)


async def test_rides_read_with_their_listings_for_driver_and_passenger(world):
    driver, a = await world.member("101"), await world.member("102")
    ride = await world.ride(driver)
    request = await ride_requests.request_ride(world.uow, world.clock, a, ride.id, 1)
    found = await reading.ride_requests(world.uow, driver, ride.id)
    assert found.listing is ride and found.requests == [request]
    with pytest.raises(NotFound):
        await reading.ride_requests(world.uow, a, ride.id)  # not their ride
    (mine,) = await reading.my_rides(world.uow, a)
    assert mine.request is request and mine.listing is ride
    assert await reading.my_rides(world.uow, driver) == []


async def test_coordinators_lists_need_a_coordinator_of_the_complex(world):
    owner, neighbour = await world.member("101"), await world.member("102")
    coord = await world.member("관리동", coordinator=True)
    new = listings.NewListing("childcare", "offer", "아이 돌봐 드려요", "평일 오후", who="7살")
    care = await listings.post_listing(world.uow, world.clock, owner, new)
    await contact.report_listing(world.uow, world.clock, neighbour, care.id, "광고 같아요")
    calls = (
        reading.report_queue(world.uow, neighbour),
        reading.unverified_providers(world.uow, world.clock, neighbour),
        reading.listing_to_moderate(world.uow, neighbour, care.id),
        reading.suspended_neighbours(world.uow, neighbour),
        reading.neighbour_building(world.uow, neighbour, owner.resident_id),
    )
    for call in calls:
        with pytest.raises(Forbidden):
            await call
    (report,) = await reading.report_queue(world.uow, coord)
    assert report.listing is care and report.report.reason == "광고 같아요"
    assert await reading.unverified_providers(world.uow, world.clock, coord) == [care]
    assert await reading.listing_to_moderate(world.uow, coord, care.id) is care
    await moderation.suspend_poster(world.uow, world.clock, coord, care.id, "광고")
    (who,) = await reading.suspended_neighbours(world.uow, coord)
    assert (who.resident_id, who.building, who.reason) == (owner.resident_id, "101", "광고")
    assert await reading.neighbour_building(world.uow, coord, owner.resident_id) == "101"
    stranger = await world.member("101", "TWO")
    with pytest.raises(NotFound):
        await reading.neighbour_building(world.uow, coord, stranger.resident_id)
