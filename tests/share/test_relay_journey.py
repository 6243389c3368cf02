"""Safe contact across messengers: a childcare offer posted on Telegram, a neighbour writes
from the web chat through the bot, the poster answers on the pushed Telegram message, and the
neighbour reads the answer in the web chat — neither sees a unit number, name or username."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from bot.app import build_engine
from bot.runtime import Runtime
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.drivers import TelegramDriver, WebDriver


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


async def pushed(driver: TelegramDriver, words: str) -> None:
    for _ in range(200):
        if any(words in (m["text"] or "") for m in driver.srv.messages(driver.chat_id)):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no pushed message with {words!r}")


async def test_a_web_neighbour_and_a_telegram_poster_talk_through_the_bot(app, demo):
    fake, base, http = app
    poster, neighbour = TelegramDriver(fake), WebDriver(base, http)
    await poster.start(demo["101-1203"])
    for label in ("공유마켓", "돌봄·나눔 보기", "육아", "글 올리기", "해드려요"):
        await poster.tap(label)
    await poster.say("방과 후 아이 돌봐 드려요")
    await poster.tap("평일 낮")
    await poster.tap("우리 단지 안")
    await poster.say("7살 아이")
    await poster.tap("무료")
    await poster.tap("건너뛰기")
    await poster.tap("올리기")
    assert "글을 올렸어요" in poster.text

    await neighbour.start(demo["102-304"])
    for label in ("공유마켓", "돌봄·나눔 보기", "육아", "자세히 보기", "연락하기"):
        await neighbour.tap(label)
    await neighbour.say("내일 오후에 부탁드려도 될까요?")
    assert "보냈어요" in neighbour.text

    await pushed(poster, "내일 오후에 부탁드려도 될까요?")
    note = next(m for m in fake.messages(poster.chat_id) if "부탁드려도" in (m["text"] or ""))
    assert "102동 이웃" in note["text"] and "304" not in note["text"]
    await poster.tap("답장하기")
    await poster.say("네, 3시에 놀이터에서 만나요")

    await neighbour.say("처음으로")
    assert "3시에 놀이터에서 만나요" in neighbour.text
    assert "101동 이웃" in neighbour.text and "1203" not in neighbour.text
