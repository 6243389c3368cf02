"""A goods listing's photo on SQLite and PostgreSQL: the media id posted is the one read back
in a new unit of work (and in browsing), and 사진 빼기 stores NULL."""

from __future__ import annotations

import pytest

from core.identity.admin import add_complex
from core.identity.model import Household, Membership, Resident, Role
from core.share.listings import NewListing, edit_listing, post_listing
from core.share.model import Kind, Side
from tests.support.share import listing_row

pytestmark = pytest.mark.both_dbs

PHOTO = "c" * 64


async def poster(services) -> Membership:
    async with services.uow() as uow:
        complex_ = await add_complex(uow, "ONE", "하나")
        household = await uow.households.add(Household(complex_.id, "101", "1"))
        resident = await uow.residents.add(
            Resident(services.clock.now(), household_id=household.id, complex_id=complex_.id)
        )
        await uow.commit()
    grants = frozenset({(Role.RESIDENT.value, complex_.id)})
    return Membership(resident.id, complex_.id, household.id, grants)


async def test_the_photo_of_a_goods_listing_round_trips(services):
    kim, clock = await poster(services), services.clock
    async with services.uow() as uow:
        new = NewListing(Kind.GOODS, Side.OFFER, "유모차 빌려 드려요", photo=PHOTO)
        listing_id = (await post_listing(uow, clock, kim, new)).id
        plain = NewListing(Kind.GOODS, Side.REQUEST, "전동 드릴 구해요")
        plain_id = (await post_listing(uow, clock, kim, plain)).id
        await uow.commit()
    async with services.uow() as uow:
        assert (await uow.share.get(listing_id)).photo == PHOTO
        assert (await uow.share.get(plain_id)).photo is None
        found, _ = await uow.share.browse(
            kim.complex_id, Kind.GOODS, after=clock.now(), offset=0, limit=5
        )
        assert {x.id: x.photo for x in found} == {listing_id: PHOTO, plain_id: None}
        await edit_listing(uow, clock, kim, listing_id, "photo", "")
        await uow.commit()
    assert (await listing_row(services, listing_id))["photo"] is None
