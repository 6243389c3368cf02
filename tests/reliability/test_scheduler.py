"""The scheduler's rules, on the frozen clock: a job runs once when due and never before; two
runners run each of 200 jobs exactly once (SQLite and PostgreSQL); a crash re-runs a job after
its lease, once; arming twice moves the due time; cancel; retries then dead, with no personal
data in logs. Processes, restarts and the runtime: test_scheduler_runtime.py."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.app import build_services
from bot.scheduler import JobKinds, JobRunner
from core.identity.model import ChannelAccount, Resident
from storage import tables
from storage.repositories.jobs import SqlJobRepository
from tests.support.jobs import (
    arm,
    count,
    create_effect_tables,
    drain,
    effects,
    job,
    jobs,
    recording,
)


@pytest.fixture
async def runs(services) -> list:
    """(job id, late) for every run of the "test.effect" handler body, committed or not."""
    await create_effect_tables(services)
    return []


async def test_a_job_runs_once_when_due_and_not_before(services, clock, runs):
    runner = JobRunner(services, recording(runs))
    assert await arm(services, "test.effect", ["vote:1"], clock.now() + timedelta(minutes=10))
    assert await runner.tick() == 0
    clock.advance(minutes=9, seconds=59)
    assert await runner.tick() == 0 and runs == []
    clock.advance(seconds=1)
    assert await runner.tick() == 1
    assert await runner.tick() == 0
    row = await job(services, "test.effect", "vote:1")
    assert runs == [(row["id"], 0.0)]
    assert (row["status"], row["attempts"], row["done_at"]) == ("done", 1, clock.now())
    assert await count(services, effects) == 1


@pytest.mark.both_dbs
async def test_two_runners_run_each_of_200_due_jobs_exactly_once(services, config, clock, runs):
    async with services.uow() as uow:
        resident = await uow.residents.add(Resident(created_at=clock.now()))
        account = ChannelAccount(
            channel="web", external_id="w1", resident_id=resident.id, created_at=clock.now()
        )
        await uow.accounts.add(account)
        await uow.commit()
    await arm(services, "test.effect", [f"k{i}" for i in range(200)], clock.now())
    kinds = recording(runs, notify_resident=resident.id)
    other = build_services(config, clock=clock)  # a second pool, as a second worker has
    try:
        runners = [JobRunner(services, kinds, batch=10), JobRunner(other, kinds, batch=10)]
        await asyncio.gather(*(drain(r) for r in runners))
        assert await runners[0].tick() == 0 and await runners[1].tick() == 0  # twice: nothing
    finally:
        await other.close()
    rows = await jobs(services)
    assert len(runs) == 200 and len({job_id for job_id, _ in runs}) == 200
    assert {(r["status"], r["attempts"]) for r in rows} == {("done", 1)}
    assert await count(services, effects) == await count(services, effects, True) == 200
    async with services.uow() as uow:
        outbox = (await uow.session.execute(select(tables.outbox.c.dedupe_key))).scalars()
        assert len(set(outbox)) == 200  # the notification committed with each job, once
    assert sum(r.stats["done"] for r in runners) == 200
    assert not any(r.stats[k] for r in runners for k in ("retried", "dead", "lost"))


class Crash(BaseException):
    """The process dies in the middle of a job (nothing after this line runs)."""


@pytest.mark.parametrize("where", ["in the handler", "while marking it done"])
async def test_a_crash_reruns_the_job_after_its_lease_once(
    services, clock, runs, where, monkeypatch
):
    crashes = [where]
    real_finish = SqlJobRepository.finish

    async def finish(repo, *args, **kw):
        if crashes and crashes[0] == "while marking it done":
            raise Crash(crashes.pop())
        return await real_finish(repo, *args, **kw)

    effect = recording(runs).get("test.effect")

    async def crashing(ctx):
        await effect(ctx)  # the effect is written, not yet committed
        if crashes and crashes[0] == "in the handler":
            raise Crash(crashes.pop())

    kinds = JobKinds()
    kinds.register("test.effect", crashing)
    monkeypatch.setattr(SqlJobRepository, "finish", finish)  # crashes once at most
    await arm(services, "test.effect", ["a", "b"], clock.now())
    async with services.uow() as uow:  # a runner that claimed "a", then died
        claimed = await uow.jobs.claim(clock.now(), limit=1, owner="dead-1", lease_s=60)
        await uow.commit()
    runner = JobRunner(services, kinds, batch=1)
    with pytest.raises(Crash):
        await runner.tick()  # claims "b", dies after writing its effect, before the commit
    assert await count(services, effects) == 0  # the crashed run's effect rolled back
    assert [r["status"] for r in await jobs(services)] == ["running", "running"]
    assert await runner.tick() == 0  # both leases still held
    clock.advance(seconds=runner.lease + 1)
    await drain(runner)
    rows = await jobs(services)
    assert [(r["status"], r["attempts"]) for r in rows] == [("done", 2), ("done", 2)]
    assert await count(services, effects) == await count(services, effects, True) == 2
    async with services.uow() as uow:  # the dead runner cannot finish what it lost
        assert not await uow.jobs.finish(claimed[0]["id"], "dead-1", "done", clock.now())


async def test_arming_twice_keeps_one_job_and_moves_its_due_time(services, clock, runs):
    runner = JobRunner(services, recording(runs))
    start = clock.now()
    assert await arm(services, "test.effect", ["gb:7"], start + timedelta(hours=1), {"v": 1})
    assert await arm(services, "test.effect", ["gb:7"], start + timedelta(hours=2), {"v": 2})
    [row] = await jobs(services)
    assert (row["due_at"], row["payload"]) == (start + timedelta(hours=2), {"v": 2})
    clock.advance(hours=1)
    assert await runner.tick() == 0
    clock.advance(hours=1)
    assert await runner.tick() == 1 and len(runs) == 1
    assert await arm(services, "test.effect", ["gb:7"], clock.now()) == [False]  # done stays done
    assert await runner.tick() == 0 and len(runs) == 1
    assert (await job(services, "test.effect", "gb:7"))["status"] == "done"


async def test_a_cancelled_job_does_not_run_until_armed_again(services, clock, runs):
    runner = JobRunner(services, recording(runs))
    await arm(services, "test.effect", ["carpool:3"], clock.now())
    async with services.uow() as uow:
        assert await uow.jobs.cancel("test.effect", "carpool:3")
        assert not await uow.jobs.cancel("test.effect", "carpool:3")
        assert not await uow.jobs.cancel("test.effect", "nothing")
        await uow.commit()
    assert await runner.tick() == 0 and runs == []
    assert (await job(services, "test.effect", "carpool:3"))["status"] == "cancelled"
    assert await arm(services, "test.effect", ["carpool:3"], clock.now()) == [True]
    assert await runner.tick() == 1 and len(runs) == 1


async def test_a_failing_job_is_retried_then_dead_and_logs_no_personal_data(
    services, clock, caplog
):
    calls = []

    async def failing(ctx):
        calls.append(ctx.job["attempts"])
        raise ValueError("김철수 010-1234-5678")

    kinds = JobKinds()
    kinds.register("test.fail", failing)
    await arm(services, "test.fail", ["x"], clock.now())
    await arm(services, "nobody.handles", ["y"], clock.now())
    runner = JobRunner(services, kinds)
    with caplog.at_level(logging.WARNING, logger="naechingu.scheduler"):
        for _ in range(10):
            await runner.tick()
            clock.advance(hours=1)
    failed, unknown = await jobs(services)
    assert calls == [1, 2, 3, 4, 5] == list(range(1, runner.max_attempts + 1))
    assert (failed["status"], failed["attempts"]) == ("dead", runner.max_attempts)
    assert failed["last_error"].startswith("ValueError at test_scheduler.py:")
    assert (unknown["status"], unknown["last_error"]) == ("dead", "unknown kind")
    assert dict(runner.stats) == {"retried": 4, "dead": 2}
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "dead" in logged and "010" not in logged and "김철수" not in logged


async def test_a_job_that_keeps_crashing_its_runners_ends_dead_unrun(services, clock, runs):
    await arm(services, "test.effect", ["poison"], clock.now())
    runner = JobRunner(services, recording(runs))
    for n in range(runner.max_attempts):  # each claimant died mid-job
        async with services.uow() as uow:
            await uow.jobs.claim(clock.now(), limit=1, owner=f"crash-{n}", lease_s=60)
            await uow.commit()
        clock.advance(seconds=61)
    assert await runner.tick() == 1 and runs == []
    row = await job(services, "test.effect", "poison")
    assert (row["status"], row["last_error"]) == ("dead", "crashed")
