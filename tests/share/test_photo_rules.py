"""The photo of a 물품 나눔·대여 listing, with in-memory fakes: goods take one photo (or
none), every other kind refuses one; 글 고치기 changes or removes it on goods only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.clock import FrozenClock
from core.errors import InvalidInput
from core.identity.model import Complex, Household, Membership, Resident, Role
from core.share import listings
from core.share.listings import NewListing
from core.share.model import Kind, Side
from tests.fakes.uow import FakeUnitOfWork

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
PHOTO = "a" * 64  # a media id as services.media.put returns it (a SHA-256)


class World:
    def __init__(self) -> None:
        self.uow = FakeUnitOfWork()
        self.clock = FrozenClock(NOW)

    async def member(self, building: str) -> Membership:
        complex_ = await self.uow.complexes.add(Complex("ONE", "하나"))
        household = await self.uow.households.add(Household(complex_.id, building, "1"))
        resident = await self.uow.residents.add(
            Resident(NOW, household_id=household.id, complex_id=complex_.id)
        )
        grants = frozenset({(Role.RESIDENT.value, complex_.id)})
        return Membership(resident.id, complex_.id, household.id, grants)


@pytest.fixture
def world() -> World:
    return World()


def goods(photo: str | None = PHOTO) -> NewListing:
    return NewListing(Kind.GOODS, Side.OFFER, "유모차 빌려 드려요", photo=photo)


async def test_a_goods_listing_keeps_its_photo_or_none(world: World):
    kim = await world.member("101")
    listing = await listings.post_listing(world.uow, world.clock, kim, goods())
    assert listing.photo == PHOTO
    for none in (None, ""):
        plain = await listings.post_listing(world.uow, world.clock, kim, goods(none))
        assert plain.photo is None


@pytest.mark.parametrize("kind", [k for k in Kind if k not in (Kind.GOODS, Kind.CARPOOL)])
async def test_only_goods_listings_take_a_photo(world: World, kind: Kind):
    kim = await world.member("101")
    new = NewListing(kind, Side.OFFER, "도와 드려요", photo=PHOTO)
    with pytest.raises(InvalidInput) as err:
        await listings.post_listing(world.uow, world.clock, kim, new)
    assert err.value.code == "share.photo_goods_only"
    assert not (await world.uow.share.by_poster(kim.resident_id, offset=0, limit=5))[1]


async def test_a_photo_that_is_not_a_media_id_is_refused(world: World):
    kim = await world.member("101")
    with pytest.raises(InvalidInput):
        await listings.post_listing(world.uow, world.clock, kim, goods("x" * 81))


async def test_editing_changes_or_removes_the_photo_of_goods_only(world: World):
    kim = await world.member("101")
    item = await listings.post_listing(world.uow, world.clock, kim, goods())
    edited = await listings.edit_listing(world.uow, world.clock, kim, item.id, "photo", "b" * 64)
    assert edited.photo == "b" * 64
    edited = await listings.edit_listing(world.uow, world.clock, kim, item.id, "photo", "")
    assert edited.photo is None
    care = NewListing(Kind.CARE, Side.OFFER, "돌봐 드려요")
    care = await listings.post_listing(world.uow, world.clock, kim, care)
    with pytest.raises(InvalidInput) as err:
        await listings.edit_listing(world.uow, world.clock, kim, care.id, "photo", PHOTO)
    assert err.value.code == "share.photo_goods_only" and care.photo is None
