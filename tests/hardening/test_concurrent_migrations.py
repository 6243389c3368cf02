"""Defect 4: processes starting together on an empty PostgreSQL database all migrate it:
an advisory lock serialises `upgrade`, the others wait and then find nothing to do
(before: one of them died on a unique violation on alembic_version)."""

from __future__ import annotations

import asyncio
import subprocess
import sys

from tests.support.db import create_pg_database, drop_pg_database, require_pg

ROOT = __file__.rsplit("/tests/", 1)[0]
PROCESSES = 3


def test_three_processes_migrate_one_empty_database_together():
    require_pg()
    url, name = asyncio.run(create_pg_database())
    try:
        code = "import sys; from storage.migrate import upgrade; upgrade(sys.argv[1])"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", code, url],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(PROCESSES)
        ]
        results = [(p.wait(timeout=180), p.stderr.read() if p.stderr else "") for p in procs]
        failed = [err.strip().splitlines()[-1:] for rc, err in results if rc != 0]
        assert not failed, failed
        assert asyncio.run(_versions(url)) == 1
    finally:
        asyncio.run(drop_pg_database(name))


async def _versions(url: str) -> int:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        return int(await conn.fetchval("SELECT count(*) FROM alembic_version"))
    finally:
        await conn.close()
