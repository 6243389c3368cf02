"""SQLite on the event-loop thread (storage/loopsqlite): a write lock held by another process
is waited for without blocking the loop, and gives up as a concurrency conflict in time."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.screens import Channel, Inbound
from core.errors import ConcurrencyConflict
from storage import loopsqlite
from storage.db import create_engine, session_factory
from storage.migrate import upgrade
from storage.uow import UnitOfWorkFactory


def _other_process_lock(url: str) -> sqlite3.Connection:
    """What another process (a CLI command, a second worker) holding the write lock does."""
    other = sqlite3.connect(make_url(url).database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


async def test_a_message_waits_for_another_process_without_blocking_the_loop(engine, db_url):
    other = _other_process_lock(db_url)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.005)

    beat = asyncio.create_task(ticker())
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, other.rollback)
    t0 = time.monotonic()
    reply = await engine.handle(Inbound(channel=Channel.WEB, user_id="kim", text="안녕하세요"))
    beat.cancel()
    other.close()
    assert time.monotonic() - t0 >= 0.25  # it did wait for the lock
    assert ticks >= 20  # and the loop ran other work meanwhile
    assert reply.resident_id is not None and not reply.duplicate


async def test_a_lock_held_too_long_is_a_concurrency_conflict(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/t.db"
    await asyncio.to_thread(upgrade, url)
    db = create_engine(url)
    other = _other_process_lock(url)
    try:
        uows = UnitOfWorkFactory(session_factory(db), serialize=True)
        with pytest.MonkeyPatch.context() as patch:
            # a short patience instead of storage.db.SQLITE_BUSY_TIMEOUT_S
            patch.setattr(loopsqlite.Connection, "deadline", lambda self: time.monotonic() + 0.2)
            with pytest.raises(ConcurrencyConflict):
                async with uows() as uow:
                    await uow.session.execute(text("SELECT 1"))
    finally:
        other.close()
        await db.dispose()


def test_the_driver_runs_on_the_calling_thread_and_starts_none():
    threads = threading.active_count()
    assert asyncio.run(_one_query()) == [(threading.get_ident(),)]
    assert threading.active_count() == threads


async def _one_query():
    connection = await loopsqlite.connect(":memory:")
    await connection.create_function("tid", 0, threading.get_ident)
    cursor = connection.cursor()
    await cursor.execute("SELECT tid()")
    rows = await cursor.fetchall()
    await connection.close()
    return rows
