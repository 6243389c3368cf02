"""A KakaoTalk step slower than Kakao's 5 seconds: 잠시만요 is answered in time from a timer
(the step runs in the request's own task, no task per request), the step is not cancelled
but finishes and commits, and KakaoTalk's redelivery of it is answered from its stored reply."""

from __future__ import annotations

import asyncio
import time

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import text

from bot.app import build_engine
from bot.channels.kakao import skill as kakao_skill
from bot.server import build_http_app
from tests.support.drivers import KakaoDriver


@pytest.fixture
async def slow(services, demo, monkeypatch):
    monkeypatch.setattr(kakao_skill, "ANSWER_WITHIN_S", 0.0)  # answer within 0.5 s
    engine = build_engine(services)
    handle = engine.handle

    async def slowly(inbound):
        if inbound.text == "도움말":
            await asyncio.sleep(1.0)
        return await handle(inbound)

    monkeypatch.setattr(engine, "handle", slowly)
    client = TestClient(TestServer(build_http_app(services, engine)))
    await client.start_server()
    yield client
    await client.close()


async def _post(client, person: KakaoDriver, utterance: str) -> tuple[float, dict]:
    started = time.monotonic()
    response = await client.post("/kakao/skill", json=person.payload(utterance))
    assert response.status == 200
    return time.monotonic() - started, await response.json()


def _texts(answer: dict) -> str:
    return " ".join(o.get("simpleText", {}).get("text", "") for o in answer["template"]["outputs"])


async def _last_screen(services) -> str:
    async with services.uow() as uow:
        sql = "SELECT screen FROM conversations ORDER BY updated_at DESC LIMIT 1"
        return str((await uow.session.execute(text(sql))).scalar())


async def test_a_slow_step_is_answered_in_time_and_still_finishes(slow, services):
    person = KakaoDriver("", None)
    await _post(slow, person, "안녕하세요")
    took, answer = await _post(slow, person, "도움말")
    assert took < 0.9, took
    assert "잠시만요" in _texts(answer)
    assert "[도움말]" not in await _last_screen(services)  # not yet
    await asyncio.sleep(1.0)  # the step goes on after the answer, and commits
    assert "[도움말]" in await _last_screen(services)
    took, home = await _post(slow, person, "처음으로")
    assert took < 0.5, took
    assert "잠시만요" not in _texts(home)
