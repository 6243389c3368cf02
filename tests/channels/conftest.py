"""Channel fixtures: `person`, one resident driving the running app through the web chat,
KakaoTalk (skill requests in Kakao's format) or Telegram (the real bot against the local fake
Bot API server) — each journey test that asks for it runs once per channel."""

from __future__ import annotations

import aiohttp
import pytest

from bot.app import build_engine
from bot.runtime import Runtime
from tests.channels.telegram_support import api, bot  # noqa: F401  (fixtures for the adapter tests)
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.drivers import KakaoDriver, TelegramDriver, WebDriver


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
