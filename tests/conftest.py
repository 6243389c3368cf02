"""Fixtures: a migrated database (SQLite by default; PostgreSQL for tests marked so), the
services and engine built by the real composition root, a frozen clock, and demo data."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import aiohttp
import pytest

from bot.app import build_engine, build_services
from bot.config import Config
from bot.runtime import Runtime
from core.clock import FrozenClock
from storage.migrate import upgrade
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.db import create_pg_database, drop_pg_database, require_pg, sqlite_url
from tests.support.drivers import KakaoDriver, TelegramDriver, WebDriver


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 11, 25, 1, 0, tzinfo=UTC))


def make_config(tmp_path, url: str) -> Config:
    return Config().replace(
        database={"url": url},
        security={"secret_key": "test-secret", "secret_key_file": str(tmp_path / "k")},
        media={"dir": str(tmp_path / "media")},
        http={"port": 0},
    )


@pytest.fixture
def db_url(request, tmp_path):
    """The database URL: SQLite, or both SQLite and PostgreSQL for tests marked `both_dbs`."""
    if getattr(request, "param", "sqlite") == "sqlite":
        yield sqlite_url(tmp_path)
        return
    require_pg()
    url, name = asyncio.run(create_pg_database())
    try:
        yield url
    finally:
        asyncio.run(drop_pg_database(name))


def pytest_generate_tests(metafunc):
    if "db_url" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_dbs"):
        metafunc.parametrize("db_url", ["sqlite", "postgres"], indirect=True)


def pytest_configure(config):
    config.addinivalue_line("markers", "both_dbs: run on SQLite and on PostgreSQL")


@pytest.fixture
def config(tmp_path, db_url) -> Config:
    upgrade(db_url)
    return make_config(tmp_path, db_url)


@pytest.fixture
async def services(config, clock):
    services = build_services(config, clock=clock)
    yield services
    await services.close()


@pytest.fixture
def engine(services):
    return build_engine(services)


@pytest.fixture
async def demo(services):
    """The DEMO complex with its well-known codes: {"101-1203": "XXXXX-XXXXX", ...}."""
    from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code, seed_demo
    from core.identity.invites import display_code

    await seed_demo(services, samples=False)  # no sample reports: tests count their own
    return {
        f"{h.building}-{h.unit}": display_code(demo_code(services.invite_key, h))
        for h in DEMO_HOUSEHOLDS
    }


# `person`: one resident driving the running app through the web chat, KakaoTalk (skill
# requests in Kakao's format) or Telegram (the real bot against the local fake Bot API
# server) — each journey test that asks for it runs once per channel.
@pytest.fixture(params=["web", "kakao", "telegram"])
async def person(request, services, demo):
    fake = None
    if request.param == "telegram":
        fake = await FakeTelegramServer().start()
        services.config = services.config.replace(
            telegram={"token": fake.token, "api_base": fake.base_url}
        )
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    base = f"http://127.0.0.1:{runtime.port}"
    async with aiohttp.ClientSession() as http:
        if request.param == "web":
            yield WebDriver(base, http)
        elif request.param == "kakao":
            yield KakaoDriver(base, http)
        else:
            yield TelegramDriver(fake)
        await runtime.stop()
    if fake is not None:
        await fake.stop()
