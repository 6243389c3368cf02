"""The flows tests run against the real demo (bot/demo: its notice, vote, group buys, the
complex's carpool and 김씨네's past ride), through the drivers of tests/support/drivers."""

from __future__ import annotations

import aiohttp
import pytest

from bot.app import build_engine
from bot.demo.seed import DEMO_HOUSEHOLDS, demo_code, seed_demo
from bot.runtime import Runtime
from core.identity.invites import display_code
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.drivers import KakaoDriver, TelegramDriver, WebDriver


@pytest.fixture
async def full_demo(services, engine) -> dict[str, str]:
    """The demo with all its sample data: {"101-1203": "XXXXX-XXXXX", ...} (seeded after
    the engine is built: the features register the notification kinds it sends)."""
    await seed_demo(services, samples=True)
    return {
        f"{h.building}-{h.unit}": display_code(demo_code(services.invite_key, h))
        for h in DEMO_HOUSEHOLDS
    }


@pytest.fixture(params=["web", "kakao", "telegram"])
async def resident(request, services, full_demo):
    """김씨네 (101동 1203호), verified, at home, on each channel."""
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
            driver = WebDriver(base, http)
        elif request.param == "kakao":
            driver = KakaoDriver(base, http)
        else:
            driver = TelegramDriver(fake)
        await driver.start(full_demo["101-1203"])
        assert "확인했어요" in driver.signup
        yield driver
        await runtime.stop()
    if fake is not None:
        await fake.stop()
