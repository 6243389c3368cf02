"""The scheduler in a running process: a job due while the bot was down runs at the start
with its lateness (APScheduler alone would have dropped it); hourly maintenance; the runtime
starts the runner; two processes on one PostgreSQL database run 300 jobs exactly once."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import build_engine
from bot.runtime import Runtime
from bot.scheduler import JobKinds, JobRunner
from core.identity.model import Resident
from tests.support.jobs import (
    WORKER,
    arm,
    count,
    create_effect_tables,
    job_effects,
    job_runs,
    jobs,
    recording,
    wait_for,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def runs(services) -> list:
    """(job id, late) for every run of the "test.effect" handler body, committed or not."""
    await create_effect_tables(services)
    return []


async def test_apscheduler_alone_drops_a_one_shot_job_that_was_due_while_down():
    ran = []
    scheduler = AsyncIOScheduler()
    scheduler.start()
    run_date = scheduler._create_trigger("date", {}).run_date - timedelta(seconds=5)
    scheduler.add_job(lambda: ran.append(1), "date", run_date=run_date)
    await asyncio.sleep(0.2)
    scheduler.shutdown(wait=False)
    assert ran == [] and scheduler.get_jobs() == []  # missed by more than 1 s: dropped


async def test_a_job_due_while_down_runs_at_the_start_with_its_lateness(services, clock, runs):
    services.config = services.config.replace(scheduler={"tick_seconds": 1})
    await arm(services, "test.effect", ["notice:1"], clock.now())
    clock.advance(hours=2)  # the process was down; the row waited
    stop = asyncio.Event()
    runner = JobRunner(services, recording(runs))
    task = asyncio.create_task(runner.run(stop))
    try:
        await wait_for(lambda: len(runs) == 1)
        assert runs[0][1] == 7200.0
        await arm(services, "test.effect", ["notice:2"], clock.now())  # the next tick takes it
        await wait_for(lambda: len(runs) == 2)
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
    assert runs[1][1] == 0.0


async def test_maintenance_keeps_deliveries_48_hours_and_drops_expired_tokens(services, clock):
    now = clock.now()
    async with services.uow() as uow:
        resident = await uow.residents.add(Resident(created_at=now))
        await uow.flush()
        await uow.tokens.add_many(
            [
                {
                    "token": t,
                    "resident_id": resident.id,
                    "action": {},
                    "single_use": False,
                    "expires_at": now + timedelta(hours=h),
                }
                for t, h in (("old", -1), ("live", 1))
            ]
        )
        for key, hours in (("tg:1", 49), ("tg:2", 30)):  # Telegram redelivers for 24 h
            await uow.deliveries.claim(key, now - timedelta(hours=hours))
        await uow.commit()
    purged = await JobRunner(services, JobKinds()).maintain()
    assert purged["tokens"] == 1 and purged["deliveries"] == 1
    async with services.uow() as uow:
        assert await uow.tokens.get("old") is None and await uow.tokens.get("live")
        assert await uow.deliveries.claim("tg:2", now) is not None


@pytest.mark.parametrize("enabled", [True, False])
async def test_the_runtime_starts_the_runner_when_enabled(services, clock, runs, enabled):
    services.config = services.config.replace(scheduler={"enabled": enabled})
    services.jobs.register("test.effect", recording(runs).get("test.effect"))
    await arm(services, "test.effect", ["r:1"], clock.now())
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    try:
        assert (runtime.scheduler is not None) is enabled
        if enabled:
            await wait_for(lambda: len(runs) == 1)
    finally:
        await runtime.stop()


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
async def test_two_processes_on_postgresql_run_300_jobs_exactly_once(services, clock, tmp_path):
    await create_effect_tables(services)
    await arm(services, "proc.effect", [f"p{i}" for i in range(300)], clock.now())
    url = services.config.database.url
    args = [url, clock.now().isoformat(), str(tmp_path)]
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            WORKER,
            *args,
            str(n),
            cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for n in range(2)
    ]
    await wait_for(lambda: all((tmp_path / f"ready-{n}").exists() for n in range(2)), 60)
    (tmp_path / "go").touch()
    outputs = [await asyncio.wait_for(p.communicate(), 120) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err.decode()[-2000:]
        assert b"IntegrityError" not in err and b"ConcurrencyConflict" not in err
    stats = [json.loads(out.decode().strip().splitlines()[-1]) for out, _ in outputs]
    assert sum(s.get("done", 0) for s in stats) == 300
    assert all(s.get("done", 0) > 0 for s in stats)  # both processes really took part
    assert not any(s.get(k) for s in stats for k in ("retried", "dead", "lost"))
    assert await count(services, job_effects) == 300
    assert await count(services, job_runs) == 300  # the handler body ran 300 times, not more
    assert {(r["status"], r["attempts"]) for r in await jobs(services)} == {("done", 1)}
