"""공동구매 at its deadline, on the frozen clock through the scheduler's runner: a group buy
that reached its minimum confirms every share and tells each buyer once; one that did not is
cancelled and returns the points used. Running the runner twice, running the job body again,
or a fresh runner after a "restart" changes nothing more. Reminders go out at their offsets."""

from __future__ import annotations

from bot.app import build_engine, build_services
from bot.scheduler import JobContext, JobRunner
from core.shop.groupbuys import DEADLINE_JOB, join_group_buy, leave_group_buy
from tests.support.chat import Chat
from tests.support.defects import verified
from tests.support.jobs import drain, job
from tests.support.shop import (
    group_buy,
    joined,
    member,
    orders,
    outbox_keys,
    product,
    vendor_chat,
)


async def setup(engine, services, demo, minimum):
    await vendor_chat(engine, services)
    vendor = await member(services, "farm")
    gb = await group_buy(services, vendor, await product(services, vendor), minimum=minimum)
    for user, key in (("kim", "101-1203"), ("lee", "102-304"), ("park", "103-1501")):
        await verified(engine, demo[key], user)
    return gb


async def join(services, user, gb, quantity):
    who = await member(services, user)  # before the unit of work: SQLite has one writer
    async with services.uow() as uow:
        await join_group_buy(uow, services.clock, who, gb, quantity)
        await uow.commit()


async def results(services, user) -> list[str]:
    m = await member(services, user)
    return [k for k in await outbox_keys(services, m.resident_id) if ":result:" in k]


async def test_a_group_buy_that_reaches_its_minimum_succeeds_once(engine, services, clock, demo):
    gb = await setup(engine, services, demo, minimum=5)
    await join(services, "kim", gb, 3)
    await join(services, "lee", gb, 2)
    runner = JobRunner(services, services.jobs)
    clock.advance(hours=29, minutes=59)
    await drain(runner)
    assert await joined(services, gb) == (5, "open")
    clock.advance(minutes=2)
    await drain(runner)
    await drain(runner)  # the runner twice
    assert await joined(services, gb) == (5, "succeeded")
    assert [o["status"] for o in await orders(services)] == ["confirmed", "confirmed"]
    assert len(await results(services, "kim")) == 1 and len(await results(services, "lee")) == 1
    assert (await job(services, DEADLINE_JOB, str(gb)))["status"] == "done"

    row = await job(services, DEADLINE_JOB, str(gb))  # the job body again (a second scheduler)
    async with services.uow() as uow:
        await services.jobs.get(DEADLINE_JOB)(
            JobContext(uow=uow, services=services, job=row, now=clock.now())
        )
        await uow.commit()
    restarted = build_services(services.config, clock=clock)  # a restart: a new process
    build_engine(restarted)
    try:
        await drain(JobRunner(restarted, restarted.jobs))
    finally:
        await restarted.close()
    assert len(await results(services, "kim")) == 1
    assert [o["status"] for o in await orders(services)] == ["confirmed", "confirmed"]

    kim = Chat(engine, user="kim")  # the web chat's inbox hands the result over
    await kim.say("처음으로")
    assert "1. [공동구매 성사]" in kim.text  # two waiting: a digest line, opened in full
    await kim.tap("알림 1 보기")
    assert "[공동구매 성사]" in kim.text and "관리동 앞" in kim.text


async def test_a_group_buy_short_of_its_minimum_fails_and_cancels(engine, services, clock, demo):
    gb = await setup(engine, services, demo, minimum=10)
    await join(services, "kim", gb, 3)
    await join(services, "lee", gb, 2)
    lee = await member(services, "lee")
    async with services.uow() as uow:  # lee leaves before the deadline
        await leave_group_buy(uow, clock, lee, gb)
        await uow.commit()
    assert await joined(services, gb) == (3, "open")
    clock.advance(days=3)  # the process was down: the deadline job runs late, still once
    runner = JobRunner(services, services.jobs)
    await drain(runner)
    await drain(runner)
    assert await joined(services, gb) == (3, "failed")
    assert [o["status"] for o in await orders(services)] == ["cancelled", "cancelled"]
    assert len(await results(services, "kim")) == 1 and await results(services, "lee") == []
    kim = Chat(engine, user="kim")  # the web chat's inbox hands the result over
    await kim.say("처음으로")
    assert "[공동구매 무산]" in kim.text and "3/10개" in kim.text


async def test_reminders_go_out_at_their_offsets(engine, services, clock, demo):
    gb = await setup(engine, services, demo, minimum=10)  # deadline in 30 h, pickup in 54 h
    await join(services, "kim", gb, 3)
    runner = JobRunner(services, services.jobs)
    kim, lee = await member(services, "kim"), await member(services, "lee")

    async def keys(m):
        return [
            k.rsplit(":a", 1)[0].rsplit(":r", 1)[0]
            for k in await outbox_keys(services, m.resident_id)
        ]

    clock.advance(hours=6, seconds=1)  # 24 h before the deadline: participants only
    await drain(runner)
    assert f"shop:gb:{gb}:eve" in await keys(kim)
    assert f"shop:gb:{gb}:eve" not in await keys(lee)
    clock.advance(hours=21)  # 3 h before: 마감 임박 to the complex (not to participants)
    await drain(runner)
    assert f"shop:gb:{gb}:closing" in await keys(lee)
    assert f"shop:gb:{gb}:closing" not in await keys(kim)
    clock.advance(days=2)  # it failed: no pickup reminder
    await drain(runner)
    assert f"shop:gb:{gb}:pickup" not in await keys(kim)
