"""One person, two messengers, one running app: verified on the web chat, they link their
KakaoTalk with a link code and see the same household there (Kakao answers validated)."""

from __future__ import annotations

import re

import aiohttp
import pytest

from bot.app import build_engine
from bot.runtime import Runtime
from tests.support.drivers import KakaoDriver, WebDriver


@pytest.fixture
async def base(services, demo):
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    try:
        yield f"http://127.0.0.1:{runtime.port}"
    finally:
        await runtime.stop()


async def test_a_person_verified_on_the_web_links_their_kakaotalk(base, demo):
    async with aiohttp.ClientSession() as http:
        web, kakao = WebDriver(base, http), KakaoDriver(base, http)
        await web.start(demo["101-1203"])
        assert "101동 1203호로 확인했어요" in web.signup
        await web.tap("도움말")
        await web.tap("다른 메신저 연결")
        code = re.search(r"연결 코드: (\S{4}-\S{4})", web.text).group(1)

        await kakao.start()
        assert "연결 코드 입력" in kakao.labels
        await kakao.tap("연결 코드 입력")
        await kakao.say(code)
        assert "연결되었어요" in kakao.text
        await kakao.tap("우리단지")
        await kakao.tap("우리 집 정보")
        assert "101동 1203호" in kakao.text and "가족: 1명" in kakao.text

        await web.tap("연결된 메신저")
        assert "카카오톡" in web.text and "웹 (지금 쓰는 메신저)" in web.text
        assert kakao.user_key not in web.text
