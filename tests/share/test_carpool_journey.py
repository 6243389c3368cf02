"""카풀 across messengers on one running app: a driver posts a ride on Telegram, a neighbour
asks for a seat from KakaoTalk, the driver accepts on the pushed Telegram message, and the
passenger reads the acceptance in KakaoTalk (the inbox) — neither sees the other's unit."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from bot.app import build_engine
from bot.runtime import Runtime
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.drivers import KakaoDriver, TelegramDriver
from tests.support.share import listing_row


@pytest.fixture
async def app(services, demo):
    fake = await FakeTelegramServer().start()
    services.config = services.config.replace(
        telegram={"token": fake.token, "api_base": fake.base_url}
    )
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    async with aiohttp.ClientSession() as http:
        yield fake, f"http://127.0.0.1:{runtime.port}", http
        await runtime.stop()
    await fake.stop()


async def wait_for(driver: TelegramDriver, words: str) -> None:
    for _ in range(200):
        if any(words in (p.get("text") or "") for _, p, _ in driver.srv.sent):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no message with {words!r}")


async def test_post_on_telegram_request_on_kakaotalk_accept(app, services, demo):
    fake, base, http = app
    driver, passenger = TelegramDriver(fake), KakaoDriver(base, http)
    await driver.start(demo["101-1203"])
    assert "101동 1203호로 확인했어요" in driver.signup
    for label in (
        "공유마켓",
        "카풀",
        "글 올리기",
        "태워 드려요 (해드려요)",
        "단지 정문",
        "동탄역",
    ):
        await driver.tap(label)
    await driver.say("내일 오전 8시")
    await driver.tap("2명")
    await driver.tap("무료")
    await driver.tap("한 번만")
    await driver.tap("건너뛰기")
    assert "출발: 11월 26일 (목) 오전 8:00" in driver.text
    await driver.tap("올리기")
    assert "카풀을 올렸어요" in driver.text

    await passenger.start(demo["102-304"])
    await passenger.tap("공유마켓")
    await passenger.tap("카풀")
    assert "[해드려요] 단지 정문 → 동탄역" in passenger.text
    await passenger.tap("자세히 보기")
    assert "101동 이웃" in passenger.text and "1203" not in passenger.text
    await passenger.tap("같이 타기 신청")
    await passenger.tap("1명")
    assert "같이 타기 신청을 보냈어요 (1명)" in passenger.text

    await wait_for(driver, "102동 이웃이 1명 같이 타겠다고 신청했어요")
    await driver.tap("수락")
    assert "같이 타기를 수락했어요 (1명)" in driver.text
    assert (await listing_row(services))["seats_taken"] == 1

    await passenger.say("처음으로")
    assert "같이 타기 신청이 수락되었어요 (1명)" in passenger.text
    assert "304" not in passenger.text
