"""The coordinators' side: two taking at once (exactly one owns it, on SQLite and PostgreSQL),
the one tapping later is told who took it, the queue's tabs with waiting times, and the
reminder of a request nobody took, on the frozen clock."""

from __future__ import annotations

import asyncio

import pytest

from bot.scheduler import JobRunner
from core.errors import ConcurrencyConflict, DomainError
from core.helpdesk import handling
from core.helpdesk.model import Status
from tests.helpdesk.helpers import (
    coordinator,
    open_queue,
    outbox_keys,
    requests,
    resident_asks,
    tap_any,
)
from tests.support.defects import member
from tests.support.jobs import drain


@pytest.mark.both_dbs
async def test_two_coordinators_take_at_once_and_exactly_one_owns_it(engine, services, demo):
    await coordinator(engine, demo, "coord1", "김하나")
    await coordinator(engine, demo, "coord2", "이두리")
    await resident_asks(engine, demo, "kim", "엘리베이터 안에 갇힌 적이 있어서 무서워요")
    (request,) = await requests(services)
    members = [await member(services, "coord1"), await member(services, "coord2")]

    async def take(who):
        for _ in range(5):
            try:
                async with services.uow() as uow:
                    taken = await handling.take(uow, services.clock, who, request.id)
                    await uow.commit()
                    return taken
            except ConcurrencyConflict:
                await asyncio.sleep(0.05)
        raise AssertionError("never got through")

    results = await asyncio.gather(*(take(m) for m in members))
    assert sorted(r.mine for r in results) == [False, True]
    (owned,) = await requests(services)
    winner = next(m for m, r in zip(members, results, strict=True) if r.mine)
    assert owned.status == Status.TAKEN and owned.owner_id == winner.resident_id
    # the resident was told once who took it
    taken = [k for k in await outbox_keys(services, "kim") if ":taken" in k]
    assert len(taken) == 1 and taken[0].startswith(f"help:{request.id}:taken:")


async def test_the_later_tap_reads_who_took_it(engine, services, demo):
    first = await coordinator(engine, demo, "coord1", "김하나")
    second = await coordinator(engine, demo, "coord2", "이두리")
    await resident_asks(engine, demo, "kim", "현관 비밀번호를 잊어버렸어요")
    await first.say("처음으로")
    await tap_any(first, "제가 맡을게요")
    assert "맡았어요" in first.text
    await second.say("처음으로")
    await tap_any(second, "제가 맡을게요")
    assert "김하나 코디네이터가 맡았어요" in second.text
    assert "답하기" not in second.labels and "제가 맡을게요" not in second.labels
    # and answering it anyway is refused politely, changing nothing
    (request,) = await requests(services)
    other = await member(services, "coord2")
    async with services.uow() as uow:
        with pytest.raises(DomainError) as refused:
            await handling.answer(uow, services.clock, other, request.id, "제가 할게요")
    assert refused.value.code == "help.not_yours"


async def test_the_queue_shows_waiting_mine_and_closed_with_waiting_times(
    engine, services, demo, clock
):
    coord = await coordinator(engine, demo)
    await resident_asks(engine, demo, "kim", "택배 보관함이 안 열려요")
    clock.advance(minutes=5)
    await resident_asks(engine, demo, "lee", "음식물 쓰레기 버리는 곳이 어디예요", "102-304")
    clock.advance(minutes=7)
    await open_queue(coord)
    assert "대기 중: 2건 · 내가 맡은 것: 0건" in coord.text
    await coord.tap("대기 중 (2)")
    titles = [c.title for c in coord.screen.cards]
    assert titles == ["도움 요청 #1 · 101동 주민", "도움 요청 #2 · 102동 주민"]  # oldest first
    lines = [c.lines[0] for c in coord.screen.cards]
    assert lines == ["12분 기다리는 중", "7분 기다리는 중"]
    await coord.tap("열기")  # the first card's
    await coord.tap("제가 맡을게요")
    await coord.tap("이전")
    await coord.tap("내가 맡은 것 (1)")
    assert coord.screen.cards[0].lines == ("12분 만에 맡음", "김하나 코디네이터")
    await coord.tap("열기")
    await coord.tap("끝내기")
    await coord.tap("이전")
    assert "대기 중: 1건 · 내가 맡은 것: 0건" in coord.text
    await coord.tap("끝난 것")
    assert [c.title for c in coord.screen.cards] == ["도움 요청 #1 · 101동 주민"]


async def test_nobody_takes_it_and_the_coordinators_are_reminded(engine, services, demo, clock):
    await coordinator(engine, demo)
    await resident_asks(engine, demo, "kim", "보일러가 안 켜져요")
    (request,) = await requests(services)
    runner = JobRunner(services, services.jobs)
    reminded = [k for k in await outbox_keys(services, "coord") if ":remind:" in k]
    assert reminded == []
    clock.advance(minutes=14)
    await drain(runner)
    assert [k for k in await outbox_keys(services, "coord") if ":remind:" in k] == []
    clock.advance(minutes=1, seconds=1)
    await drain(runner)
    (first,) = [k for k in await outbox_keys(services, "coord") if ":remind:" in k]
    assert first.startswith(f"help:{request.id}:remind:1:")
    clock.advance(minutes=15)
    await drain(runner)
    assert len([k for k in await outbox_keys(services, "coord") if ":remind:" in k]) == 2
    coord = await member(services, "coord")
    async with services.uow() as uow:  # taken: no more reminders
        await handling.take(uow, services.clock, coord, request.id)
        await uow.commit()
    clock.advance(hours=2)
    await drain(runner)
    assert len([k for k in await outbox_keys(services, "coord") if ":remind:" in k]) == 2


async def test_the_reminder_reads_how_long_it_waited(engine, services, demo, clock):
    chat = await coordinator(engine, demo)
    await resident_asks(engine, demo, "kim", "보일러가 안 켜져요")
    clock.advance(minutes=16)
    await drain(JobRunner(services, services.jobs))
    await chat.say("처음으로")
    await tap_any(chat, "알림 1 보기") if "새 알림" in chat.text else None
    assert "101동 주민이 16분째 기다리고 있어요" in chat.text
