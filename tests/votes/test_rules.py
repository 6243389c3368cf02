"""The 우리단지 rules on the in-memory fakes: who may write notices and votes, chunked and
idempotent broadcasts, cancelling before sending, one ballot per household, hidden results,
the close exactly once, and other complexes never seeing anything."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.errors import ConcurrencyConflict, DomainError, Forbidden, InvalidInput, NotFound
from core.identity.model import Household, Membership, Resident, Role
from core.notices.broadcast import NewNotice, cancel_notice, create_notice, send_chunk
from core.notices.model import NoticeStatus
from core.notices.reading import list_notices, read_notice
from core.votes.ballots import NewVote, ballot_outcome, cast_ballot, create_vote
from core.votes.lifecycle import close_vote, open_vote, results_for
from core.votes.model import Ballot, BallotOutcome
from tests.fakes.uow import FakeUnitOfWork


async def person(uow, clock, complex_id, building, unit, coordinator=False) -> Membership:
    household = await uow.households.find(complex_id, building, unit)
    if household is None:
        household = await uow.households.add(Household(complex_id, building, unit))
    resident = await uow.residents.add(
        Resident(clock.now(), household_id=household.id, complex_id=complex_id)
    )
    grants = frozenset({(Role.COORDINATOR, complex_id)}) if coordinator else frozenset()
    return Membership(resident.id, complex_id, household.id, grants)


@pytest.fixture
async def w(clock):
    uow = FakeUnitOfWork()
    people = {
        "kim": await person(uow, clock, 1, "101", "1203"),
        "kim2": await person(uow, clock, 1, "101", "1203"),
        "lee": await person(uow, clock, 1, "102", "304"),
        "coord": await person(uow, clock, 1, "관리동", "100", coordinator=True),
        "other": await person(uow, clock, 2, "201", "101", coordinator=True),
    }
    return uow, people


async def test_only_coordinators_write_and_text_is_checked(w, clock):
    uow, p = w
    with pytest.raises(Forbidden):
        await create_notice(uow, clock, p["kim"], NewNotice("공지"))
    with pytest.raises(InvalidInput, match="notice.too_long"):
        await create_notice(uow, clock, p["coord"], NewNotice("가" * 1001))
    with pytest.raises(InvalidInput, match="notice.bad_target"):
        await create_notice(uow, clock, p["coord"], NewNotice("공지", buildings=("201",)))
    with pytest.raises(InvalidInput, match="notice.bad_time"):
        await create_notice(uow, clock, p["coord"], NewNotice("공지", send_at=clock.now()))
    assert uow.notices.rows == {}


async def test_a_broadcast_goes_in_chunks_once_per_resident(w, clock):
    uow, p = w
    notice = await create_notice(uow, clock, p["coord"], NewNotice("단수 안내"))
    last = await send_chunk(uow, clock, notice.id, 0, chunk=2)
    assert uow.jobs.jobs[("notice.send", f"{notice.id}:{last}")]["payload"]["after"] == last
    await send_chunk(uow, clock, notice.id, 0, chunk=2)  # the first chunk again: nothing
    await send_chunk(uow, clock, notice.id, last, chunk=2)
    end = await send_chunk(uow, clock, notice.id, last, chunk=2)  # repeated: nothing more
    await send_chunk(uow, clock, notice.id, end, chunk=2)  # an empty chunk ends it
    assert sorted(r for r, *_ in uow.notifier.sent) == [1, 2, 3, 4]
    assert notice.status == NoticeStatus.SENT
    page = await list_notices(uow, p["lee"])
    assert [n.id for n in page.notices] == [notice.id]
    with pytest.raises(NotFound):
        await read_notice(uow, clock, p["other"], notice.id)


async def test_a_cancelled_notice_sends_nothing(w, clock):
    uow, p = w
    later = clock.now() + timedelta(hours=3)
    notice = await create_notice(uow, clock, p["coord"], NewNotice("청소", send_at=later))
    await cancel_notice(uow, clock, p["coord"], notice.id)
    assert await send_chunk(uow, clock, notice.id, 0) == 0
    assert uow.notifier.sent == []
    with pytest.raises(DomainError, match="notice.already_sent"):
        await cancel_notice(uow, clock, p["coord"], notice.id)


async def test_one_ballot_per_household_and_results_after_one_close(w, clock):
    uow, p = w
    now = clock.now()
    vote = await create_vote(
        uow, clock, p["coord"], NewVote("주차", ("찬성", "반대"), now, now + timedelta(days=1))
    )
    assert await open_vote(uow, clock, vote.id) and not await open_vote(uow, clock, vote.id)
    assert await cast_ballot(uow, clock, p["kim"], vote.id, 0) == "new"
    assert await cast_ballot(uow, clock, p["kim2"], vote.id, 1) == "replaced"
    assert await cast_ballot(uow, clock, p["lee"], vote.id, 1) == "new"
    with pytest.raises(DomainError, match="vote.results_hidden"):
        await results_for(uow, p["coord"], vote.id)
    with pytest.raises(NotFound):
        await cast_ballot(uow, clock, p["other"], vote.id, 0)
    assert await close_vote(uow, clock, vote.id) is None  # not yet due
    clock.advance(days=1)
    closed = await close_vote(uow, clock, vote.id)
    assert closed.results == [0, 2] and closed.turnout == 2 and closed.eligible == 3
    assert await close_vote(uow, clock, vote.id) is None
    with pytest.raises(DomainError, match="vote.closed"):
        await cast_ballot(uow, clock, p["lee"], vote.id, 0)


def test_core_decides_whether_a_ballot_is_new_replaced_or_the_same(clock):
    before = Ballot(1, 1, 7, option=0, cast_at=clock.now())
    assert ballot_outcome(None, 0) == BallotOutcome.NEW
    assert ballot_outcome(before, 0) == BallotOutcome.SAME
    assert ballot_outcome(before, 1) == BallotOutcome.REPLACED


async def test_a_ballot_that_loses_a_race_is_retried_whole_and_stores_nothing(w, clock):
    uow, p = w
    now = clock.now()
    vote = await create_vote(
        uow, clock, p["coord"], NewVote("주차", ("찬성", "반대"), now, now + timedelta(days=1))
    )
    await open_vote(uow, clock, vote.id)

    async def taken(ballot) -> bool:  # the household's other member got there first
        return False

    uow.votes.add_ballot = taken
    with pytest.raises(ConcurrencyConflict):
        await cast_ballot(uow, clock, p["kim"], vote.id, 0)
    assert uow.votes.ballots == {}
    assert not any(kind == "vote.replaced" for _, kind, *_ in uow.notifier.sent)
