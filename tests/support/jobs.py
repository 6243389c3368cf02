"""Helpers for the scheduler tests: effect tables made for the test only, arming jobs, reading
job rows, and the worker script that two processes run against one PostgreSQL database."""

from __future__ import annotations

import asyncio
from datetime import datetime

from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select

from bot.scheduler import JobKinds
from core.notifications import Message
from storage import tables

META = MetaData()
# in-process tests: deliberately NOT unique, so a second commit of an effect would show
effects = Table(
    "test_effects",
    META,
    Column("id", Integer, primary_key=True),
    Column("job_id", Integer, nullable=False),
)
# two processes: the effect is unique per job; every run of the handler body is logged apart
job_effects = Table(
    "test_job_effects",
    META,
    Column("id", Integer, primary_key=True),
    Column("job_id", Integer, nullable=False, unique=True),
    Column("pid", Integer, nullable=False),
)
job_runs = Table(
    "test_job_runs",
    META,
    Column("id", Integer, primary_key=True),
    Column("job_id", Integer, nullable=False),
    Column("pid", Integer, nullable=False),
    Column("note", String(20), nullable=False, default=""),
)


async def create_effect_tables(services) -> None:
    async with services.db.begin() as conn:
        await conn.run_sync(META.create_all)


async def arm(services, kind: str, keys, due: datetime, payload=None) -> list[bool]:
    """`uow.jobs.at()` for each key, in one transaction."""
    async with services.uow() as uow:
        armed = [await uow.jobs.at(kind, key, due, payload) for key in keys]
        await uow.commit()
    return armed


async def job(services, kind: str, key: str) -> dict | None:
    async with services.uow() as uow:
        return await uow.jobs.get(kind, key)


async def jobs(services) -> list[dict]:
    stmt = select(tables.scheduled_jobs).order_by(tables.scheduled_jobs.c.id)
    async with services.uow() as uow:
        return [dict(r) for r in (await uow.session.execute(stmt)).mappings()]


async def count(services, table: Table, distinct_job: bool = False) -> int:
    what = func.count(func.distinct(table.c.job_id)) if distinct_job else func.count()
    async with services.uow() as uow:
        return int(await uow.session.scalar(select(what).select_from(table)))


def recording(runs: list, *, notify_resident: int | None = None) -> JobKinds:
    async def effect(ctx):
        runs.append((ctx.job["id"], ctx.late))
        await ctx.uow.session.execute(insert(effects).values(job_id=ctx.job["id"]))
        if notify_resident is not None:
            await ctx.uow.notifier.notify(
                notify_resident, Message("마감 3시간 전"), key=f"job:{ctx.job['id']}"
            )

    kinds = JobKinds()
    kinds.register("test.effect", effect)
    return kinds


async def wait_for(check, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("timed out waiting")


async def drain(runner) -> None:
    while await runner.tick():
        pass


# argv: database URL, the frozen "now" (ISO), a folder for the ready/go barrier, the index
WORKER = """
import asyncio, json, os, sys, time
from datetime import datetime
from pathlib import Path
from sqlalchemy import insert
from bot.app import build_services
from bot.config import Config
from bot.scheduler import JobKinds, JobRunner
from core.clock import FrozenClock
from tests.support.jobs import job_effects, job_runs

url, now, folder, me = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]

async def effect(ctx):
    row = {"job_id": ctx.job["id"], "pid": os.getpid()}
    async with ctx.services.db.begin() as conn:  # its own transaction: counts every run
        await conn.execute(insert(job_runs).values(**row))
    await ctx.uow.session.execute(insert(job_effects).values(**row))

async def main():
    config = Config().replace(
        database={"url": url},
        security={"secret_key": "test-secret", "secret_key_file": str(folder / "k")},
        media={"dir": str(folder / "media")},
    )
    services = build_services(config, clock=FrozenClock(datetime.fromisoformat(now)))
    kinds = JobKinds()
    kinds.register("proc.effect", effect)
    runner = JobRunner(services, kinds, batch=10)
    (folder / f"ready-{me}").touch()
    while not (folder / "go").exists():
        time.sleep(0.005)
    try:
        while await runner.tick():
            pass
    finally:
        await services.close()
    print(json.dumps(dict(runner.stats)))

asyncio.run(main())
"""
