"""공용 포인트 decided by households (issue 19), on SQLite and PostgreSQL: a coordinator's
proposal opens a household vote; when it passes the points move exactly once (two schedulers
racing, a repeated job, a second settle), announced with the remaining balance; a rejected or
under-quorum vote changes nothing; a short balance at the close is handled politely; above
`common_direct_limit` a spend needs a passed vote; forged and other complexes' ids refused."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.scheduler import JobRunner
from core.errors import ConcurrencyConflict, DomainError
from core.points.model import AccountRef, CommonPolicy, ProposalStatus
from core.points.proposals import NewProposal, propose_common_spend, settle_proposal
from core.points.use_cases import award_purchase, spend_common
from core.votes.ballots import cast_ballot
from core.votes.lifecycle import close_vote
from storage import tables
from tests.support.complex_life import outbox_of, run_jobs
from tests.support.defects import member, verified
from tests.support.jobs import drain
from tests.support.points import books_are_exact, place

pytestmark = pytest.mark.both_dbs
POLICY = CommonPolicy(direct_limit=50_000, quorum=30, days=7)
SHADE = "놀이터 그늘막 설치"


@pytest.fixture
async def people(engine, services, demo):
    coord = await verified(engine, demo["관리동-100"], "coord")
    kim = await verified(engine, demo["101-1203"], "kim")
    lee = await verified(engine, demo["102-304"], "lee")
    park = await verified(engine, demo["103-1501"], "park")
    return coord, kim, lee, park


async def fund(services, won_common: int, n: int = 1) -> None:
    """Neighbours' purchases that leave `won_common` in the complex's common points."""
    kim = await member(services, "kim")
    async with services.uow() as uow:
        await award_purchase(
            uow,
            services.clock,
            order_key=f"order:fund:{n}",
            resident_id=kim.resident_id,
            complex_id=kim.complex_id,
            paid_won=won_common * 50,
        )
        await uow.commit()


async def common(services) -> int:
    kim = await member(services, "kim")
    async with services.uow() as uow:
        return await uow.points.balance(AccountRef.common(kim.complex_id).key)


async def propose(services, amount: int = 300_000, purpose: str = SHADE, policy=POLICY):
    coord = await member(services, "coord")
    new = NewProposal(purpose, amount, f"{purpose}에 {amount}점을 쓸까요?", "찬성", "반대")
    async with services.uow() as uow:
        proposal = await propose_common_spend(uow, services.clock, coord, new, policy)
        await uow.commit()
    await run_jobs(services)  # the vote opens: every household is told
    return proposal


async def vote(services, user: str, vote_id: int, option: int) -> None:
    who = await member(services, user)
    async with services.uow() as uow:
        await cast_ballot(uow, services.clock, who, vote_id, option)
        await uow.commit()


async def proposal_rows(services) -> list[dict]:
    async with services.uow() as uow:
        rows = await uow.session.execute(select(tables.common_proposals))
        return [dict(r) for r in rows.mappings()]


async def spends(services) -> list[dict]:
    async with services.uow() as uow:
        rows = await uow.session.execute(select(tables.common_spends))
        return [dict(r) for r in rows.mappings()]


def spent_notes(rows: list[dict]) -> list[dict]:
    return [
        r for r in rows if r["dedupe_key"].startswith("common:") and ":spent" in r["dedupe_key"]
    ]


async def test_a_passed_vote_spends_exactly_once_with_two_schedulers_racing(
    services, clock, people
):
    await fund(services, 400_000)
    proposal = await propose(services)
    assert any(SHADE in r["payload"][0]["text"] for r in await outbox_of(services, "lee"))
    for user, option in (("kim", 0), ("lee", 0), ("park", 1)):
        await vote(services, user, proposal.vote_id, option)
    assert await common(services) == 400_000  # nothing moves while the vote is open
    clock.advance(days=7, seconds=1)
    runners = [JobRunner(services, services.jobs) for _ in range(2)]
    await asyncio.gather(*(drain(r) for r in runners))
    async with services.uow() as uow:  # a third settle (a repeated job) does nothing
        assert await settle_proposal(uow, clock, proposal.id) is None
        await uow.commit()
    assert await common(services) == 100_000
    (row,) = await proposal_rows(services)
    assert row["status"] == ProposalStatus.SPENT and row["settled_at"] is not None
    (spend,) = await spends(services)
    assert (spend["amount"], spend["vote_id"], spend["purpose"]) == (
        300_000,
        row["vote_id"],
        SHADE,
    )
    for user in ("kim", "lee", "park", "coord"):
        (note,) = spent_notes(await outbox_of(services, user))
        text = note["payload"][0]["text"]
        assert "'놀이터 그늘막 설치'에 공용 포인트 300,000점을 썼어요" in text
        assert "남은 공용 포인트: 100,000점" in text
    await books_are_exact(services)


async def test_two_settles_at_once_move_the_points_once(services, clock, people):
    await fund(services, 400_000)
    proposal = await propose(services)
    await vote(services, "kim", proposal.vote_id, 0)
    clock.advance(days=7, seconds=1)
    async with services.uow() as uow:
        assert await close_vote(uow, clock, proposal.vote_id) is not None
        await uow.commit()

    async def settle():
        for _ in range(20):
            try:
                async with services.uow() as uow:
                    outcome = await settle_proposal(uow, clock, proposal.id)
                    await uow.commit()
                return outcome
            except ConcurrencyConflict:
                await asyncio.sleep(0.01)
        return "conflict"

    outcomes = await asyncio.gather(settle(), settle(), settle())
    assert sorted(map(str, outcomes)) == ["None", "None", "spent"]
    assert await common(services) == 100_000 and len(await spends(services)) == 1
    await books_are_exact(services)


@pytest.mark.parametrize(
    ("ballots", "status"),
    [
        ((("kim", 1), ("lee", 0)), ProposalStatus.REJECTED),  # a tie is not a yes
        ((("kim", 1), ("lee", 1), ("park", 0)), ProposalStatus.REJECTED),
        ((), ProposalStatus.NO_QUORUM),  # nobody voted: the quorum was not met
    ],
)
async def test_a_failed_or_expired_vote_changes_nothing(services, clock, people, ballots, status):
    await fund(services, 400_000)
    proposal = await propose(services)
    for user, option in ballots:
        await vote(services, user, proposal.vote_id, option)
    clock.advance(days=7, seconds=1)
    await run_jobs(services)
    assert await common(services) == 400_000 and await spends(services) == []
    assert [r["status"] for r in await proposal_rows(services)] == [status]
    assert spent_notes(await outbox_of(services, "kim")) == []
    await books_are_exact(services)


async def test_a_short_balance_at_the_close_spends_nothing_and_tells_the_coordinators(
    services, clock, people
):
    await fund(services, 340_000)
    proposal = await propose(services)
    await vote(services, "kim", proposal.vote_id, 0)
    coord = await member(services, "coord")
    for purpose in ("청소", "행사"):  # meanwhile direct spends leave too little
        async with services.uow() as uow:
            await spend_common(uow, clock, coord, 50_000, purpose, direct_limit=50_000)
            await uow.commit()
    clock.advance(days=7, seconds=1)
    await run_jobs(services)
    assert await common(services) == 240_000  # nothing more moved
    assert [r["status"] for r in await proposal_rows(services)] == [ProposalStatus.SHORT]
    assert len(await spends(services)) == 2
    (note,) = [r for r in await outbox_of(services, "coord") if ":short" in r["dedupe_key"]]
    text = note["payload"][0]["text"]
    assert "지금 공용 포인트가 240,000점이라 300,000점을 쓸 수 없었어요" in text
    assert "아무것도 쓰지 않았어요" in text
    assert spent_notes(await outbox_of(services, "kim")) == []
    await books_are_exact(services)


async def test_above_the_direct_limit_only_a_passed_vote_spends(services, clock, people):
    await fund(services, 400_000)
    coord = await member(services, "coord")
    async with services.uow() as uow:
        with pytest.raises(DomainError, match="points.needs_vote"):
            await spend_common(uow, clock, coord, 50_001, "그늘막", direct_limit=50_000)
        spent = await spend_common(uow, clock, coord, 50_000, "청소", direct_limit=50_000)
        assert spent.vote_id is None
        await uow.commit()
    proposal = await propose(services, 200_000, "그늘막")
    await vote(services, "kim", proposal.vote_id, 0)

    async def refused(vote_id, amount=200_000, purpose="그늘막", who=coord) -> str:
        async with services.uow() as uow:
            with pytest.raises(DomainError) as caught:
                await spend_common(uow, clock, who, amount, purpose, vote_id=vote_id)
            return caught.value.code

    assert await refused(proposal.vote_id) == "points.bad_vote"  # still open
    clock.advance(days=7, seconds=1)
    async with services.uow() as uow:
        await close_vote(uow, clock, proposal.vote_id)
        await uow.commit()
    for forged in (proposal.vote_id + 100, 0, -1, "1"):
        assert await refused(forged) in ("points.bad_vote", "invalid")
    assert await refused(proposal.vote_id, amount=250_000) == "points.bad_vote"
    assert await refused(proposal.vote_id, purpose="다른 곳") == "points.bad_vote"
    other = await place(services, "OTHER")  # another complex's coordinator
    assert await refused(proposal.vote_id, who=other.coordinator) == "points.bad_vote"
    async with services.uow() as uow:  # the passed vote's own spend, once
        spent = await spend_common(uow, clock, coord, 200_000, "그늘막", vote_id=proposal.vote_id)
        await uow.commit()
    assert spent.vote_id == proposal.vote_id
    assert await refused(proposal.vote_id) == "points.bad_vote"  # not twice
    await run_jobs(services)  # the settle job finds it spent: nothing more
    assert await common(services) == 150_000 and len(await spends(services)) == 2
    await books_are_exact(services)


async def test_proposals_are_refused_politely_when_wrong(services, clock, people):
    kim = await member(services, "kim")
    coord = await member(services, "coord")
    for who, new, code in (
        (kim, NewProposal(SHADE, 300_000, "q", "찬성", "반대"), "forbidden"),
        (coord, NewProposal("", 300_000, "q", "찬성", "반대"), "points.bad_purpose"),
        (coord, NewProposal("가" * 101, 300_000, "q", "찬성", "반대"), "points.bad_purpose"),
        (coord, NewProposal(SHADE, 0, "q", "찬성", "반대"), "points.bad_amount"),
    ):
        async with services.uow() as uow:
            with pytest.raises(DomainError) as caught:
                await propose_common_spend(uow, clock, who, new, POLICY)
        assert caught.value.code == code
    assert await proposal_rows(services) == []
