"""공용 포인트 제안, the journey on every channel (web chat, KakaoTalk, Telegram): the
coordinator proposes 놀이터 그늘막 설치 (300,000점, above the direct limit) with a photo of the
quote and a household vote opens; a neighbour finds it in 포인트 → 공용 포인트 보기 → 제안과
투표 and votes 찬성; after the close the points move once and everyone reads it, with the
remaining balance. A small spend under the limit is still recorded at once."""

from __future__ import annotations

import aiohttp
import pytest

from bot.app import build_engine
from bot.runtime import Runtime
from core.points.use_cases import award_purchase
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.complex_life import run_jobs
from tests.support.defects import member, tiny_image, verified
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


async def fund(services, won_common: int) -> None:
    kim = await member(services, "kim")
    async with services.uow() as uow:
        await award_purchase(
            uow,
            services.clock,
            order_key="order:fund",
            resident_id=kim.resident_id,
            complex_id=kim.complex_id,
            paid_won=won_common * 50,
        )
        await uow.commit()


async def test_propose_vote_and_spend_once(person, services, engine, demo, clock):
    kim = await verified(engine, demo["101-1203"], "kim")
    await fund(services, 400_000)
    await person.start(demo["관리동-100"])
    await person.tap("코디네이터")
    await person.tap("공용 포인트 쓰기")
    assert "지금 400,000점" in person.text
    await person.say("300000")
    await person.say("놀이터 그늘막 설치")
    assert "견적서나 사진" in person.text
    await person.photo(tiny_image("JPEG"))
    assert "세대마다 투표로 정해요" in person.text and "7일 동안" in person.text
    await person.tap("투표 올리기")
    assert "300,000점을 쓰는 주민투표를 올렸어요" in person.text
    await run_jobs(services)  # the vote opens: every household is told

    await kim.say("처음으로")
    for label in ("포인트", "공용 포인트 보기", "제안과 투표"):
        await kim.tap(label)
    assert "[투표 중] 놀이터 그늘막 설치" in kim.text and "300,000점 · 11/25" in kim.text
    assert kim.screen.cards[0].image_url  # the quote's photo
    await kim.tap("투표하기")
    assert "'놀이터 그늘막 설치'에 공용 포인트 300,000점을 쓸까요?" in kim.text
    await kim.tap("1. 찬성")
    assert "'찬성'에 투표했어요" in kim.text

    clock.advance(days=7, seconds=1)
    await run_jobs(services)
    await person.say("처음으로")
    await person.tap("포인트")
    await person.tap("공용 포인트 보기")
    assert "지금 100,000점이 있어요" in person.text
    assert "놀이터 그늘막 설치 (공용 포인트 사용) -300,000" in person.text
    await person.tap("제안과 투표")
    assert "[찬성으로 사용함] 놀이터 그늘막 설치" in person.text
    await kim.say("처음으로")  # the announcement and the vote's result wait in the inbox
    assert "[공용 포인트] 주민투표로 정한 대로 '놀이터 그늘막 설치'" in kim.text
    assert "[투표 결과]" in kim.text


async def test_a_small_spend_is_still_recorded_at_once(person, services, engine, demo):
    await verified(engine, demo["101-1203"], "kim")
    await fund(services, 400_000)
    await person.start(demo["관리동-100"])
    await person.tap("코디네이터")
    await person.tap("공용 포인트 쓰기")
    await person.say("30000")
    await person.say("놀이방 장난감")
    assert "이대로 기록할까요?" in person.text
    await person.tap("기록하기")
    assert "'놀이방 장난감'에 쓴 것으로 기록했어요" in person.text
    assert "370,000점" in person.text
