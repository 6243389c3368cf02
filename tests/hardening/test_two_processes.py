"""Two bot processes on one PostgreSQL database, started together on an empty database:
both migrate (defect 4: one waits on the advisory lock), a broadcast of 300 Telegram messages
goes out with 0 × 429 from a Bot API that allows 30 messages/s per bot (defect 5: one
designated sender; before, two senders at 25/s each met 56 × 429), and 120 scheduled jobs
run exactly once. Skipped cleanly when PostgreSQL is not reachable (fails in CI)."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from sqlalchemy import func, select

from bot.app import build_services
from bot.config import Config
from core.notifications import Message
from storage import tables
from tests.fakes.telegram_server import FakeTelegramServer
from tests.reliability.outbox_helpers import add_people, outbox_rows, wait_until
from tests.support.db import create_pg_database, drop_pg_database, require_pg
from tests.support.jobs import arm, count, create_effect_tables, job_effects, job_runs, wait_for

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 300
JOBS = 120


def test_two_processes_migrate_together_broadcast_without_429_and_run_jobs_once(tmp_path):
    require_pg()
    asyncio.run(_main(tmp_path))


async def _main(tmp_path: Path) -> None:
    url, name = await create_pg_database()
    try:
        async with FakeTelegramServer(global_rate=30, per_chat_rate=True) as fake:
            await _scenario(url, fake, tmp_path)
    finally:
        await drop_pg_database(name)


async def _scenario(url: str, fake: FakeTelegramServer, folder: Path) -> None:
    services = None
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.hardening.pg_worker",
            url,
            fake.base_url,
            fake.token,
            str(folder),
            str(n),
            cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for n in range(2)
    ]
    try:
        await wait_for(lambda: all((folder / f"migrated-{n}").exists() for n in range(2)), 120)
        services = build_services(
            Config().replace(
                database={"url": url},
                security={"secret_key": "test-secret", "secret_key_file": str(folder / "k")},
                media={"dir": str(folder / "media")},
            )
        )
        try:
            await _seed(services)
            (folder / "go").touch()
            await wait_until(lambda: _all_sent(services), within=90, step=0.2)
            await wait_until(lambda: _all_done(services), within=60, step=0.5)
        finally:
            (folder / "stop").touch()
            outputs = [await asyncio.wait_for(p.communicate(), 60) for p in procs]
        for proc, (_, err) in zip(procs, outputs, strict=True):
            assert proc.returncode == 0, err.decode()[-3000:]
            assert b"Traceback" not in err, err.decode()[-3000:]
        figures = [json.loads(out.decode().strip().splitlines()[-1]) for out, _ in outputs]
        assert fake.count_429 == 0
        assert sum(f["sent"] for f in figures) == PEOPLE
        assert sorted(f["sent"] for f in figures)[0] == 0  # one designated sender
        delivered = [fake.messages(9_000_000 + i) for i in range(PEOPLE)]
        assert all(len(m) == 1 for m in delivered)  # every one once
        assert await count(services, job_effects) == JOBS
        assert await count(services, job_runs) == JOBS  # each job's body ran once
        assert sum(f["jobs"].get("done", 0) for f in figures) == JOBS
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.kill()
        if services is not None:
            await services.close()


async def _seed(services) -> None:
    await create_effect_tables(services)
    people = await add_people(services, "telegram", [9_000_000 + i for i in range(PEOPLE)])
    async with services.uow() as uow:
        for address, resident_id in people.items():
            await uow.notifier.notify(resident_id, Message("단수 안내"), key=f"b:{address}")
        await uow.commit()
    await arm(services, "proc.effect", [f"p{i}" for i in range(JOBS)], services.clock.now())


async def _all_sent(services) -> bool:
    rows = await outbox_rows(services, channel="telegram")
    return len(rows) == PEOPLE and all(r["status"] == "sent" for r in rows)


async def _all_done(services) -> bool:
    async with services.uow() as uow:
        c = tables.scheduled_jobs.c
        stmt = select(func.count()).where(c.kind == "proc.effect", c.status == "done")
        return int(await uow.session.scalar(stmt)) == JOBS
