"""Databases for tests: a fresh SQLite file per test, and PostgreSQL when it is reachable
(a fresh schema per test; skipped cleanly when no server answers)."""

from __future__ import annotations

import asyncio
import os
import uuid

import pytest

PG_ADMIN_URL = os.environ.get("TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


async def _pg_reachable() -> bool:
    try:
        import asyncpg

        conn = await asyncio.wait_for(
            asyncpg.connect(PG_ADMIN_URL.replace("postgresql+asyncpg", "postgresql")), 3
        )
        await conn.close()
        return True
    except Exception:
        return False


_pg_state: dict[str, bool] = {}


def pg_available() -> bool:
    if "ok" not in _pg_state:
        _pg_state["ok"] = asyncio.run(_pg_reachable())
    return _pg_state["ok"]


def sqlite_url(tmp_path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path}/test.db"


async def create_pg_database() -> tuple[str, str]:
    """A fresh PostgreSQL database for one test: (url, name)."""
    import asyncpg

    name = f"t_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(PG_ADMIN_URL.replace("postgresql+asyncpg", "postgresql"))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    return f"{base}/{name}", name


async def drop_pg_database(name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_URL.replace("postgresql+asyncpg", "postgresql"))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def services_required() -> bool:
    """In CI (.ci/run sets NAECHINGU_REQUIRE_SERVICES=1) a missing service fails the suite."""
    return os.environ.get("NAECHINGU_REQUIRE_SERVICES") == "1"


def require_pg() -> None:
    if not pg_available():
        message = "PostgreSQL is not reachable at " + PG_ADMIN_URL
        if services_required():
            pytest.fail(message)
        pytest.skip(message)
