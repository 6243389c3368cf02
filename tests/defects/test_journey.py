"""고장 신고, the whole resident journey on every channel: file with a photo (web upload,
Telegram photo message, KakaoTalk image URL), the coordinator moves it to 완료, the household
hears of it (web/KakaoTalk inbox on the next message, Telegram pushed), opens its history
and rates the fix."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from bot.app import build_engine
from bot.runtime import Runtime
from core.defects.model import Status
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.defects import household_id, member, move, reports_of, tiny_image, verified
from tests.support.drivers import KakaoDriver, PhotoHost, TelegramDriver, WebDriver


@pytest.fixture(params=["web", "kakao", "telegram"])
async def person(request, services, demo):
    fake = None
    photos = await PhotoHost().start()
    if request.param == "telegram":
        fake = await FakeTelegramServer().start()
        services.config = services.config.replace(
            telegram={"token": fake.token, "api_base": fake.base_url}
        )
    services.config = services.config.replace(kakao={"photo_hosts": ("127.0.0.1",)})
    runtime = Runtime(services, build_engine(services))
    await runtime.start()
    base = f"http://127.0.0.1:{runtime.port}"
    async with aiohttp.ClientSession() as http:
        if request.param == "web":
            yield WebDriver(base, http)
        elif request.param == "kakao":
            yield KakaoDriver(base, http, photo_host=photos)
        else:
            yield TelegramDriver(fake)
        await runtime.stop()
    await photos.stop()
    if fake is not None:
        await fake.stop()


async def wait_for(person, words: str) -> None:
    """Telegram is pushed to: wait for the notification to arrive in the chat."""
    for _ in range(200):
        if any(words in (p.get("text") or "") for _, p, _ in person.srv.sent):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no message with {words!r}")


async def test_file_with_a_photo_get_notified_and_rate(person, services, demo):
    await person.start(demo["101-1203"])
    assert "101동 1203호로 확인했어요" in person.signup
    for label in ("우리단지", "고장 신고", "누수"):
        await person.tap(label)
    assert "무슨 일인가요?" in person.text
    await person.photo(tiny_image("JPEG"))
    assert "사진 1장을 받았어요" in person.text
    await person.tap("다 보냈어요")
    await person.say("욕실 천장에서 물이 떨어져요")
    await person.tap("우리 집")
    await person.tap("보통")
    assert "사진: 1장" in person.text
    await person.tap("접수")
    assert "접수 번호는 D-2026-000001이에요" in person.text

    household = await household_id(services, "101", "1203")
    (report,) = await reports_of(services, household)
    assert len(report.photos) == 1 and report.description == "욕실 천장에서 물이 떨어져요"
    # The coordinator (their own screens are tested with the coordinator side) moves it on.
    await verified(build_engine(services), demo["관리동-100"], "coord")
    done = (Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.DONE)
    await move(services, await member(services, "coord"), report.id, *done)

    if person.name == "telegram":
        await wait_for(person, "'완료' 상태가 되었어요")
        await person.say("처음으로")
    else:
        await person.say("처음으로")
        assert "새 알림 3건\n1. 고장 처리 소식 3건" in person.text  # collapsed by its label
        await person.tap("알림 1 보기")  # the three, each on a card of its own
        assert "'완료' 상태가 되었어요" in json.dumps(person.answer, ensure_ascii=False)
        await person.tap("하던 일 계속")
    await person.tap("우리단지")
    await person.tap("내 신고 내역")
    await person.tap("자세히 보기")
    assert "상태: 완료" in person.text
    await person.tap("평가하기")
    await person.tap("5점 아주 좋아요")
    await person.tap("건너뛰기")
    assert "5점으로 평가를 남겼어요" in person.text
    (rated,) = await reports_of(services, household)
    assert rated.rating == 5


def test_kakao_photo_urls_count_only_from_kakao_hosts_unless_configured():
    from bot.channels.kakao.protocol import parse_skill_payload

    body = KakaoDriver("", None).payload("http://127.0.0.1:9/p/a.jpg")
    assert parse_skill_payload(body).image_urls == ()  # the default: Kakao's hosts only
    allowed = parse_skill_payload(body, photo_hosts=("127.0.0.1",))
    assert allowed.image_urls == ("http://127.0.0.1:9/p/a.jpg",)
    kakao = KakaoDriver("", None).payload("https://talk.kakaocdn.net/dn/x/photo.jpg")
    assert parse_skill_payload(kakao).image_urls == ("https://talk.kakaocdn.net/dn/x/photo.jpg",)
