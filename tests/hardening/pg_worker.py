"""One bot process for test_two_processes.py: migrates the (empty) database together with
its twin, waits for the test's "go", runs the real Runtime (Telegram webhook mode against
the test's fake Bot API, outbox sender, scheduler) until "stop", prints its figures.

    python -m tests.hardening.pg_worker URL API_BASE TOKEN FOLDER N
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path

from sqlalchemy import insert

from bot.app import build_engine, build_services
from bot.config import Config
from bot.runtime import Runtime
from storage.migrate import upgrade
from tests.support.jobs import job_effects, job_runs


async def effect(ctx) -> None:
    row = {"job_id": ctx.job["id"], "pid": os.getpid()}
    async with ctx.services.db.begin() as conn:  # its own transaction: counts every run
        await conn.execute(insert(job_runs).values(**row))
    await ctx.uow.session.execute(insert(job_effects).values(**row))


def _wait_file(path: Path) -> None:
    """Wait for the test to create `path` (the test and its workers share only files)."""
    while not path.exists():
        time.sleep(0.02)


async def _file(path: Path) -> None:
    await asyncio.to_thread(_wait_file, path)


async def serve(url: str, api_base: str, token: str, folder: Path, me: str) -> dict:
    config = Config().replace(
        database={"url": url},
        security={"secret_key": "test-secret", "secret_key_file": str(folder / "k")},
        media={"dir": str(folder / "media")},
        http={"port": 0},
        demo={"enabled": False},
        telegram={
            "token": token,
            "api_base": api_base,
            "webhook_url": "http://127.0.0.1:1/hook",  # webhook mode: no poller to share
            "webhook_secret": "s" * 24,
        },
        scheduler={"tick_seconds": 1, "batch": 10},
        process={"id": f"worker-{me}"},
    )
    services = build_services(config)
    services.jobs.register("proc.effect", effect)
    runtime = Runtime(services, build_engine(services))
    await _file(folder / "go")
    await runtime.start()
    try:
        await _file(folder / "stop")
    finally:
        await runtime.stop()
        await services.close()
    sender = runtime.sender
    telegram = sender.deliverers["telegram"] if sender else None
    return {
        "sent": getattr(telegram, "sent", 0),
        "jobs": dict(runtime.scheduler.stats) if runtime.scheduler else {},
    }


def main() -> None:
    url, api_base, token, folder, me = sys.argv[1:6]
    started = time.monotonic()
    upgrade(url)  # together with the twin, on an empty database
    print(json.dumps({"migrated_s": round(time.monotonic() - started, 2)}), flush=True)
    (Path(folder) / f"migrated-{me}").touch()
    figures = asyncio.run(serve(url, api_base, token, Path(folder), me))
    print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()
