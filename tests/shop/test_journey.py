"""알뜰쇼핑, the resident's journey on every channel (web chat, KakaoTalk, Telegram): browse by
shop kind, order with buttons, the vendor moves the order to 수령완료 and the points are
credited; join one group buy that succeeds and one that fails at its deadline."""

from __future__ import annotations

import aiohttp
import pytest

from bot.app import build_engine
from bot.runtime import Runtime
from bot.scheduler import JobRunner
from core.shop.orders import move_order
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.drivers import KakaoDriver, TelegramDriver, WebDriver
from tests.support.jobs import drain
from tests.support.shop import balance, group_buy, member, orders, product, vendor_chat


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
    async with aiohttp.ClientSession() as http:
        base = f"http://127.0.0.1:{runtime.port}"
        if request.param == "web":
            yield WebDriver(base, http)
        elif request.param == "kakao":
            yield KakaoDriver(base, http)
        else:
            yield TelegramDriver(fake)
        await runtime.stop()
    if fake is not None:
        await fake.stop()


async def buyer(services):
    from storage import tables

    async with services.uow() as uow:
        c = tables.shop_orders.c
        from sqlalchemy import select

        return await uow.session.scalar(select(c.resident_id).limit(1))


async def test_browse_order_vendor_confirms_points_credited(person, services, engine, demo):
    await vendor_chat(engine, services)
    vendor = await member(services, "farm")
    await product(services, vendor, name="햇사과", price=12000, stock=10)
    await person.start(demo["101-1203"])
    for label in ("알뜰쇼핑", "가게별 상품", "로컬푸드"):
        await person.tap(label)
    assert "햇사과" in person.text
    await person.tap("주문하기")
    await person.tap("2개")
    await person.tap("관리동 앞 · 평일 오후 6~8시")
    await person.tap("만나서 내기")
    assert "금액: 24,000원" in person.text
    await person.tap("주문하기")
    assert "주문 번호는 S-000001이에요" in person.text
    (order,) = await orders(services)
    for target in ("confirmed", "ready", "picked_up"):
        async with services.uow() as uow:
            await move_order(uow, services.clock, vendor, order["id"], target)
            await uow.commit()
    assert await balance(services, order["resident_id"]) == 240  # 1% of 24,000원
    await person.say("처음으로")
    await person.tap("알뜰쇼핑")
    await person.tap("내 주문")
    assert "S-000001" in person.text


async def test_join_a_group_buy_that_succeeds_and_one_that_fails(
    person, services, engine, clock, demo
):
    await vendor_chat(engine, services)
    vendor = await member(services, "farm")
    apples = await product(services, vendor, name="사과 공동구매")
    await group_buy(services, vendor, apples, minimum=2, hours=30)
    await group_buy(services, vendor, apples, minimum=50, hours=31)
    await person.start(demo["102-304"])
    await person.tap("알뜰쇼핑")
    await person.tap("공동구매")
    assert "0/2개" in person.text and "0/50개" in person.text
    for n in (1, 2):
        await person.say("처음으로")
        await person.tap("알뜰쇼핑")
        await person.tap("공동구매")
        await person.tap(f"{n}번 보기")
        await person.tap("참여하기")
        await person.tap("3개")
        await person.tap("만나서 내기")
        await person.tap("참여하기")
        assert "공동구매에 참여했어요" in person.text
    clock.advance(hours=32)
    await drain(JobRunner(services, services.jobs))
    statuses = sorted(o["status"] for o in await orders(services))
    assert statuses == ["cancelled", "confirmed"]
