"""Fair votes: households that live in the complex vote. The office's (관리동) and vendors'
(업체동) units never vote and never count; the quorum's denominator is every home of the
eligible 동 in the household registry (imported or created, registered residents or not),
and the vote states it; a proxy ballot is announced to the household. On SQLite and
PostgreSQL (the counting is SQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.errors import DomainError
from core.identity.households import ImportRow, import_households
from core.identity.model import HouseholdKind, household_kind
from core.votes.ballots import NewVote, cast_ballot, cast_proxy_ballot, create_vote
from core.votes.lifecycle import close_vote
from core.votes.reading import denominator, vote_buildings
from tests.support.complex_life import member_of, outbox_of, run_jobs, texts, verified

pytestmark = pytest.mark.both_dbs

REGISTRY = [("101", "101"), ("101", "102"), ("104", "201"), ("업체동", "1"), ("관리동", "200")]


def test_the_kind_of_a_household_comes_from_its_dong_or_a_vendor_invite():
    assert household_kind("101") == HouseholdKind.HOME
    assert household_kind("관리동") == household_kind("관리") == HouseholdKind.OFFICE
    assert household_kind("업체동") == household_kind("업체") == HouseholdKind.VENDOR
    assert household_kind("105", "vendor") == HouseholdKind.VENDOR


@pytest.fixture
async def complex_(services, engine, demo):
    async with services.uow() as uow:
        rows = [ImportRow(i + 1, b, u) for i, (b, u) in enumerate(REGISTRY)]
        await import_households(uow, None, "DEMO", rows)
        await uow.commit()
    coord = await verified(engine, demo, "관리동-100", "coord")
    kim = await verified(engine, demo, "101-1203", "kim")
    lee = await verified(engine, demo, "102-304", "lee")
    return coord, kim, lee


async def open_vote(services, clock, quorum=50) -> int:
    coord = await member_of(services, "coord")
    now = clock.now()
    async with services.uow() as uow:
        closes = now + timedelta(days=2)
        new = NewVote("놀이터 바닥 교체", ("찬성", "반대"), now, closes, quorum=quorum)
        vote = await create_vote(uow, clock, coord, new)
        await uow.commit()
    await run_jobs(services)
    return vote.id


async def test_the_denominator_is_every_home_of_the_registry(services, clock, complex_):
    coord, kim, lee = complex_
    office = await member_of(services, "coord")
    async with services.uow() as uow:  # neither 관리동 nor 업체동 can be a vote's 동
        assert await vote_buildings(uow, office) == ["101", "102", "103", "104"]
    vote_id = await open_vote(services, clock)
    async with services.uow() as uow:
        vote = await uow.votes.get(vote_id)
        # 101-1203, 102-304, 103-1501 (nobody registered), 101-101, 101-102, 104-201
        assert vote.eligible == 6 and await denominator(uow, vote) == 6
    # the vote states it, to residents opening it and in the opening notice
    opened = [t for t in texts(await outbox_of(services, "kim")) if "놀이터" in t]
    assert "투표 대상: 6세대 (관리동·업체동 제외)" in opened[0]
    assert "최소 참여: 50% (3세대 이상)" in opened[0]
    assert not any("놀이터" in t for t in texts(await outbox_of(services, "coord")))
    await kim.say("처음으로")
    await kim.tap("우리단지")
    await kim.tap("주민투표")  # the only open vote opens at once
    assert "투표 대상: 6세대" in kim.text


async def test_office_and_vendor_units_never_vote(services, clock, complex_):
    coord, kim, lee = complex_
    vote_id = await open_vote(services, clock)
    office = await member_of(services, "coord")
    for building, unit in (("관리", "100"), ("업체", "1"), ("관리", "200")):
        async with services.uow() as uow:
            with pytest.raises(DomainError) as refused:
                await cast_proxy_ballot(uow, clock, office, vote_id, building, unit, 0)
            assert refused.value.code == "vote.not_eligible"
    async with services.uow() as uow:  # the coordinator's own household is the office's
        with pytest.raises(DomainError) as refused:
            await cast_ballot(uow, clock, office, vote_id, 0)
        assert refused.value.code == "vote.not_eligible"
        assert await uow.votes.tally(vote_id, 2) == [0, 0]


async def test_quorum_counts_against_the_registry_and_proxy_ballots_are_announced(
    services, clock, complex_
):
    coord, kim, lee = complex_
    vote_id = await open_vote(services, clock)
    office, lee_member = await member_of(services, "coord"), await member_of(services, "lee")
    async with services.uow() as uow:
        await cast_ballot(uow, clock, lee_member, vote_id, 0)
        await cast_proxy_ballot(uow, clock, office, vote_id, "101", "1203", 1)
        await uow.commit()
    told = [t for t in texts(await outbox_of(services, "kim")) if "투표했어요" in t]
    assert told and "놀이터 바닥 교체" in told[0]  # kim's household hears of the proxy ballot
    clock.advance(days=2, seconds=1)
    async with services.uow() as uow:
        vote = await close_vote(uow, clock, vote_id)
        await uow.commit()
    # 2 of 6 homes voted: under the 50% quorum (3), though 2 of the 2 registered did
    assert vote.turnout == 2 and vote.eligible == 6 and not vote.quorum_met
