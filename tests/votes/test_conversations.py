"""주민투표 in the engine with the frozen clock: the coordinator opens a vote; every eligible
household hears of it; one ballot per household (a second member's ballot replaces the first
and the household is told); reminders reach only households that have not voted; the close
happens exactly once (two runners, a repeated job) with the results and a chart to everyone;
bad input and ballots after the close change nothing."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest

from bot.scheduler import JobContext, JobRunner
from core.errors import DomainError, NotFound
from core.votes.ballots import NewVote, cast_ballot, cast_proxy_ballot, create_vote
from core.votes.lifecycle import close_vote
from core.votes.model import Ballot
from tests.support.complex_life import member_of, outbox_of, run_jobs, texts, verified
from tests.support.jobs import drain, job


@pytest.fixture
async def people(engine, demo):
    coord = await verified(engine, demo, "관리동-100", "coord")
    kim = await verified(engine, demo, "101-1203", "kim")
    kim2 = await verified(engine, demo, "101-1203", "kim2")  # the same household
    lee = await verified(engine, demo, "102-304", "lee")
    return coord, kim, kim2, lee


async def open_by_dialog(coord) -> None:
    await coord.say("처음으로")
    await coord.tap("코디네이터")
    await coord.tap("주민투표 만들기")
    await coord.say("놀이터 리모델링에 찬성하세요?")
    await coord.tap("찬성, 반대")
    await coord.tap("3일")
    await coord.tap("단지 전체")
    await coord.tap("비밀 투표")
    await coord.tap("50%")
    assert "시작하면 내용을 바꿀 수 없어요" in coord.text
    await coord.tap("시작")
    assert "투표를 열었어요" in coord.text


async def vote_id(services) -> int:
    async with services.uow() as uow:
        statuses = ["open", "closed", "scheduled"]
        (vote,), _ = await uow.votes.for_complex(1, statuses, offset=0, limit=5)
        return vote.id


async def button_token(services, user: str, label: str, kind: str = "") -> str:
    rows = await outbox_of(services, user)
    for row in reversed(rows):
        if kind in row["dedupe_key"]:
            for b in row["payload"][0]["buttons"]:
                if b["label"] == label:
                    return b["token"]
    raise AssertionError(f"no {label!r} for {user}")


async def test_one_ballot_per_household_reminders_and_one_close(services, clock, people):
    coord, kim, kim2, lee = people
    await open_by_dialog(coord)
    await run_jobs(services)
    assert any("[주민투표] 놀이터" in t for t in texts(await outbox_of(services, "kim")))
    await kim.tap_token(await button_token(services, "kim", "1. 찬성"))
    assert "'찬성'에 투표했어요" in kim.text
    await kim.tap_token(await button_token(services, "kim", "1. 찬성"))  # the same tap again
    await kim2.tap_token(await button_token(services, "kim2", "2. 반대"))
    assert "우리 집 표를 '반대'로 바꿨어요" in kim2.text
    assert any("'반대'로 바뀌었어요" in t for t in texts(await outbox_of(services, "kim")))
    await kim.say("처음으로")
    await kim.tap("우리단지")
    await kim.tap("주민투표")  # the only open vote opens at once
    assert "우리 집은 '반대'에 투표했어요" in kim.text and "결과는 마감한 뒤에" in kim.text

    clock.advance(days=2)  # 24 h before the close: only 102동 (not voted) is reminded
    await run_jobs(services)
    assert not any("아직 투표하지 않았어요" in t for t in texts(await outbox_of(services, "kim")))
    assert any("아직 투표하지 않았어요" in t for t in texts(await outbox_of(services, "lee")))

    clock.advance(days=1, seconds=1)
    runners = [JobRunner(services, services.jobs) for _ in range(2)]
    await asyncio.gather(*(drain(r) for r in runners))  # two runners: one close
    assert (await job(services, "vote.close", str(await vote_id(services))))["status"] == "done"
    handler = services.jobs.get("vote.close")
    row = await job(services, "vote.close", str(await vote_id(services)))
    async with services.uow() as uow:  # the job body again (a second scheduler): nothing
        await handler(JobContext(uow=uow, services=services, job=row, now=clock.now()))
        await uow.commit()
    for user in ("kim", "kim2", "lee", "coord"):
        results = [r for r in await outbox_of(services, user) if ":result" in r["dedupe_key"]]
        assert len(results) == 1, user
    (result,) = [r for r in await outbox_of(services, "lee") if ":result" in r["dedupe_key"]]
    screen = result["payload"][0]
    assert "· 찬성: 0세대\n· 반대: 1세대" in screen["text"]
    assert (
        "참여: 1 / 3세대 (33%, 관리동·업체동 제외)" in screen["text"]
        and "참여가 최소 50%를 못 넘었어요" in screen["text"]
    )
    assert screen["image_url"]  # the bar chart
    await lee.tap_token(await button_token(services, "lee", "1. 찬성", ":remind"))
    assert "이미 마감한 투표예요" in lee.text  # after the close: nothing changes
    vid = await vote_id(services)
    async with services.uow() as uow:
        assert (await uow.votes.get(vid)).results == [0, 1]


async def new_vote(services, coord_member, **kw):
    now = services.clock.now()
    async with services.uow() as uow:
        new = NewVote("주차 규칙", ("찬성", "반대"), now, now + timedelta(days=1), **kw)
        vote = await create_vote(uow, services.clock, coord_member, new)
        await uow.commit()
    await run_jobs(services)
    return vote.id


async def test_reminders_that_come_too_late_are_dropped(services, clock, people, caplog):
    caplog.set_level(logging.INFO, "naechingu.votes")
    coord_member = await member_of(services, "coord")
    vid = await new_vote(services, coord_member)
    clock.advance(days=1, minutes=1)  # the process was down past the close
    async with services.uow() as uow:
        reminder = await uow.jobs.get("vote.remind", f"{vid}:3h")
    async with services.uow() as uow:
        ctx = JobContext(uow=uow, services=services, job=reminder, now=clock.now())
        await services.jobs.get("vote.remind")(ctx)
        await uow.commit()
    assert "3h reminder dropped" in caplog.text
    assert not any("아직 투표하지 않았어요" in t for t in texts(await outbox_of(services, "lee")))


async def test_bad_ballots_change_nothing(services, clock, people, engine, demo):
    coord_member = await member_of(services, "coord")
    vid = await new_vote(services, coord_member, buildings=("101",))
    lee, kim = await member_of(services, "lee"), await member_of(services, "kim")
    async with services.uow() as uow:
        with pytest.raises(DomainError, match="vote.not_eligible"):
            await cast_ballot(uow, clock, lee, vid, 0)  # 102동 is not eligible
        with pytest.raises(NotFound):
            await cast_ballot(uow, clock, kim, vid + 99, 0)  # a forged id
        with pytest.raises(DomainError, match="vote.bad_option"):
            await cast_ballot(uow, clock, kim, vid, 7)
        with pytest.raises(DomainError, match="forbidden"):
            await cast_proxy_ballot(uow, clock, kim, vid, "101", "1203", 0)
        with pytest.raises(DomainError, match="vote.bad_options"):
            now = clock.now()
            new = NewVote("?", ("하나",), now, now + timedelta(days=1))
            await create_vote(uow, clock, coord_member, new)
        assert await uow.votes.tally(vid, 2) == [0, 0]


async def test_a_proxy_ballot_is_marked_and_audited(services, clock, people):
    coord_member = await member_of(services, "coord")
    vid = await new_vote(services, coord_member)
    async with services.uow() as uow:
        assert await cast_proxy_ballot(uow, clock, coord_member, vid, "102", "304", 1) == "new"
        await uow.commit()
    async with services.uow() as uow:
        household = await uow.households.find(1, "102", "304")
        ballot = await uow.votes.ballot(vid, household.id)
        assert ballot.proxy_by == coord_member.resident_id and ballot.resident_id is None
        from sqlalchemy import select

        from storage import tables

        (line,) = (await uow.session.execute(select(tables.audit_log))).mappings().all()
        assert line["action"] == "vote.proxy_ballot" and f"vote={vid}" in line["detail"]


@pytest.mark.both_dbs
async def test_two_members_at_once_leave_one_ballot_and_two_households_two(
    services, clock, people
):
    coord_member = await member_of(services, "coord")
    vid = await new_vote(services, coord_member)
    members = [await member_of(services, u) for u in ("kim", "kim2", "lee")]

    async def cast(member, option):
        for _ in range(20):
            try:
                async with services.uow() as uow:
                    await cast_ballot(uow, clock, member, vid, option)
                    await uow.commit()
                    return
            except Exception as exc:  # a collision: the owner retries the whole unit
                if "Concurrency" not in type(exc).__name__:
                    raise
                await asyncio.sleep(0.01)

    await asyncio.gather(cast(members[0], 0), cast(members[1], 1), cast(members[2], 0))
    clock.advance(days=1, seconds=1)
    async with services.uow() as uow:
        vote = await close_vote(uow, clock, vid)
        await uow.commit()
    assert sum(vote.results) == 2 and vote.turnout == 2


@pytest.mark.both_dbs
async def test_storage_records_what_core_decided_with_a_unique_key_and_a_conditional_replace(
    services, clock, people
):
    coord_member = await member_of(services, "coord")
    vid = await new_vote(services, coord_member)
    async with services.uow() as uow:
        household = await uow.households.find(1, "101", "1203")
        first = Ballot(vid, 1, household.id, 0, clock.now())
        assert await uow.votes.hold_open(vid)
        assert await uow.votes.add_ballot(first)
        assert not await uow.votes.add_ballot(Ballot(vid, 1, household.id, 1, clock.now()))
        second = Ballot(vid, 1, household.id, 1, clock.now(), changes=1)
        assert not await uow.votes.replace_ballot(second, seen=1)  # not the ballot read
        assert await uow.votes.replace_ballot(second, seen=0)
        stored = await uow.votes.ballot(vid, household.id)
        assert (stored.option, stored.changes) == (1, 1)
        assert await uow.votes.tally(vid, 2) == [0, 1]
